//! The PII scanner (`masking::detect`) and the default policy's masking on any UTF-8 text.
//! Checks: no panic; detections in order, non-overlapping, inside the text, on character
//! boundaries, with offsets that agree between characters and bytes; and masked text has
//! nothing left to mask (masking it again changes nothing). With `DEALDESK_FUZZ_ONE_PASS=1`
//! it also checks that one pass of masking is already enough, without `Masker::text`'s
//! further passes: the mode that finds where a detector reads what is left of a masked value
//! as a new one (docs/fuzzing.md).
#![no_main]

use dealdesk_core::masking::apply::{MaskReport, Masker};
use dealdesk_core::masking::detect::detect;
use dealdesk_core::masking::policy::Policy;
use libfuzzer_sys::{fuzz_target, Corpus};

fuzz_target!(init: dealdesk_fuzz::init(), |data: &[u8]| -> Corpus {
    let Ok(text) = std::str::from_utf8(data) else { return Corpus::Reject };
    let found = detect(text);
    let chars = text.chars().count();
    let mut last_end = 0;
    for d in &found {
        assert!(d.start < d.end && d.end <= chars, "detection {d:?} outside a text of {chars} characters");
        assert!(d.start >= last_end, "detections overlap or are out of order: {found:?}");
        assert!(text.is_char_boundary(d.bytes.start) && text.is_char_boundary(d.bytes.end), "byte range off a character boundary: {d:?}");
        assert_eq!(text[..d.bytes.start].chars().count(), d.start, "character and byte offsets disagree: {d:?}");
        assert_eq!(text[d.bytes.clone()].chars().count(), d.end - d.start, "span length disagrees: {d:?}");
        assert!((0.0..=1.0).contains(&d.confidence), "confidence out of range: {d:?}");
        last_end = d.end;
    }
    let policy = Policy::default_policy();
    let masker = Masker { policy: &policy, keys: None };
    let mut report = MaskReport::default();
    if let Ok(once) = masker.text(text, &mut report) {
        let left = masker.one_pass(&once, &mut MaskReport::default()).expect("masking masked text");
        assert_eq!(left, None, "masked text still has something to mask");
        if one_pass_mode() {
            if let Some(single) = masker.one_pass(text, &mut MaskReport::default()).expect("one pass") {
                let again = masker.one_pass(&single, &mut MaskReport::default()).expect("masking one pass's text");
                assert_eq!(again, None, "one pass of masking is not idempotent on {single:?}");
            }
        }
    }
    Corpus::Keep
});

fn one_pass_mode() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("DEALDESK_FUZZ_ONE_PASS").is_some())
}
