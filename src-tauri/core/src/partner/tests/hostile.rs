//! Hostile plan input: huge files, deep nesting, non-numbers and over-long numbers are refused
//! with a message that says what is wrong, never a panic or a stack overflow.

use crate::error::{CoreError, FieldError};
use crate::partner::parse_plan;

fn first_error(bytes: &[u8]) -> FieldError {
    match parse_plan(bytes) {
        Err(CoreError::Validation(mut list)) if !list.is_empty() => list.remove(0),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

const HEAD: &str = r#"{ "schema": 1, "name": "h", "kind": "partner", "effective_from": "2026-01-01",
  "currency": "CNY", "base": "gross", "trigger": "invoice", "rate": { "fixed_pct": "#;

#[test]
fn a_50_mb_plan_is_refused_before_parsing() {
    let mut text = String::from(HEAD);
    text.push_str("\"3\" }, \"name2\": \"");
    text.push_str(&"x".repeat(50 * 1024 * 1024));
    text.push_str("\" }");
    let e = first_error(text.as_bytes());
    assert_eq!(e.field, "$");
    assert!(e.message.contains("at most 1024 KB"), "{}", e.message);
}

#[test]
fn deep_nesting_is_refused_with_a_message() {
    for depth in [17usize, 127, 10_000, 500_000] {
        let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let e = first_error(text.as_bytes());
        assert!(e.message.contains("nested deeper than 16"), "{depth}: {}", e.message);
    }
    // Deep inside a string is not nesting.
    let text = format!("{HEAD}\"3\" }}, \"overrides\": [], \"multi_level\": {{ \"override_pct\": \"{}\" }} }}", "[".repeat(10_000));
    let e = first_error(text.as_bytes());
    assert_eq!(e.field, "multi_level.override_pct");
}

#[test]
fn nan_like_strings_are_not_numbers() {
    for bad in ["NaN", "nan", "Infinity", "-Infinity", "inf", "1e999999", "", " ", "3%", "1,5", "0x1F", "٣"] {
        let text = format!("{HEAD}\"{bad}\" }} }}");
        let e = first_error(text.as_bytes());
        assert_eq!(e.field, "rate.fixed_pct", "{bad}");
        assert!(e.message.contains("not a decimal"), "{bad}: {}", e.message);
    }
    let e = first_error(format!("{HEAD}null }} }}").as_bytes());
    assert_eq!(e.field, "rate", "null is no rate: {}", e.message);
}

#[test]
fn forty_digit_numbers_are_refused_as_numbers_and_as_strings() {
    let forty = "1234567890123456789012345678901234567890";
    let e = first_error(format!("{HEAD}{forty} }} }}").as_bytes());
    assert_eq!(e.field, "rate.fixed_pct");
    assert!(e.message.contains("too many digits"), "{}", e.message);
    let e = first_error(format!("{HEAD}\"{forty}\" }} }}").as_bytes());
    assert!(e.message.contains("at most 28 digits"), "{}", e.message);
    // 28 digits parse, then the range check speaks.
    let e = first_error(format!("{HEAD}\"1234567890123456789012345678\" }} }}").as_bytes());
    assert!(e.message.contains("between 0 and 100"), "{}", e.message);
}

#[test]
fn broken_json_and_non_utf8_say_where() {
    let e = first_error(format!("{HEAD}\"3\" ").as_bytes());
    assert!(e.message.contains("line"), "{}", e.message);
    let e = first_error(&[0xff, 0xfe, b'{']);
    assert!(e.message.contains("UTF-8"), "{}", e.message);
    let e = first_error(b"[]");
    assert_eq!(e.field, "$");
}

#[test]
fn a_thousand_overrides_still_fit() {
    let list: Vec<String> = (0..1000).map(|i| format!("{{ \"product_line\": \"line-{i}\", \"rate\": {{ \"fixed_pct\": \"4\" }} }}")).collect();
    let text = format!("{HEAD}\"3\" }}, \"overrides\": [{}] }}", list.join(","));
    assert!(text.len() < crate::partner::parse::MAX_PLAN_BYTES);
    assert!(parse_plan(text.as_bytes()).is_ok());
}
