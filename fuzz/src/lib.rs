//! Shared set-up and checks for DealDesk's fuzz targets (see docs/fuzzing.md).
//!
//! Every target calls [`init`] from its `fuzz_target!(init: …)` block and then checks its
//! parser's contract with the helpers here, so a new target (plan/JSON parser, PII scanner…)
//! only needs a file in fuzz_targets/ and a `[[bin]]` block in fuzz/Cargo.toml.

use dealdesk_core::error::{CoreError, ImportRejection};
use dealdesk_core::tabular::Sheet;
use std::collections::HashSet;
use std::sync::Mutex;

/// The longest value an import problem may quote (60 characters and an ellipsis), as in
/// src-tauri/core/tests/hostile.rs.
pub const MAX_QUOTED_CHARS: usize = 61;

/// Panic policy. libfuzzer-sys aborts on *every* panic, including the ones DealDesk
/// deliberately catches (`read_xlsx` wraps calamine in `catch_unwind`: a crafted workbook is a
/// bad file, not a crash). By default the hook below only notes the first panic at each source
/// location and lets it unwind: a caught panic is the app's real behaviour, and an uncaught one
/// still reaches libfuzzer-sys's own `catch_unwind`, which aborts, so it is reported as a crash.
/// `DEALDESK_FUZZ_STRICT_PANICS=1` keeps libfuzzer-sys's abort-on-any-panic hook, to collect
/// and minimise the inputs that make a dependency panic even when DealDesk survives it.
pub fn init() {
    if std::env::var_os("DEALDESK_FUZZ_STRICT_PANICS").is_some() {
        return;
    }
    static SEEN: Mutex<Option<HashSet<String>>> = Mutex::new(None);
    std::panic::set_hook(Box::new(|info| {
        let location = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
        let mut seen = SEEN.lock().unwrap_or_else(|e| e.into_inner());
        if seen.get_or_insert_with(HashSet::new).insert(location.clone()) {
            let message = info
                .payload()
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| info.payload().downcast_ref::<String>().cloned())
                .unwrap_or_default();
            eprintln!("dealdesk-fuzz: panic at {location}: {message} (first at this location; a crash only if not caught)");
        }
    }));
}

/// A rejection must explain itself: at least one problem, every message non-empty, quoted
/// values short.
pub fn check_rejection(context: &str, r: &ImportRejection) {
    assert!(!r.problems.is_empty(), "{context}: rejected without a reason");
    for p in &r.problems {
        assert!(!p.message.trim().is_empty(), "{context}: a problem without a message: {p:?}");
        let n = p.value.chars().count();
        assert!(n <= MAX_QUOTED_CHARS, "{context}: a problem quotes {n} characters");
    }
}

/// The contract of `tabular::read::read_sheet`: a sheet with a non-blank header and no blank
/// trailing rows, or an import rejection that says why. Any other error is a bug.
pub fn check_read(context: &str, result: &Result<Sheet, CoreError>) {
    match result {
        Ok(sheet) => {
            assert!(sheet.headers.iter().any(|h| !h.trim().is_empty()), "{context}: a sheet without a header");
            if let Some(last) = sheet.rows.last() {
                assert!(last.iter().any(|c| !c.trim().is_empty()), "{context}: a blank trailing row was kept");
            }
        }
        Err(CoreError::ImportRejected(r)) => check_rejection(context, r),
        Err(other) => panic!("{context}: not an import rejection but {other:?}"),
    }
}
