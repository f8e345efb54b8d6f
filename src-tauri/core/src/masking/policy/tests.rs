//! Policy tests: built-in roles, JSON loading, and errors that name the bad field.

use super::*;
use crate::error::CoreError;

#[test]
fn roles_see_what_their_policy_allows() {
    assert_eq!(Role::Admin.policy().operator(PiiKind::ResidentId), &Operator::Keep);
    for kind in PiiKind::ALL {
        assert!(!matches!(Role::TradeShow.policy().operator(kind), Operator::Keep), "trade show shows no {kind}");
        if kind.is_personal() {
            assert!(!matches!(Role::Distributor.policy().operator(kind), Operator::Keep), "distributor sees no {kind}");
        }
    }
    assert_eq!(Role::SalesOps.policy().operator(PiiKind::Mobile), &Operator::Keep);
    assert_eq!(Role::SalesOps.policy().operator(PiiKind::ResidentId), &Operator::mask(6, 4));
    assert_eq!(Role::Legal.policy().operator(PiiKind::Name), &Operator::Keep);
    assert_eq!(Policy::default_policy().operator(PiiKind::Mobile), &Operator::mask(3, 4));
    assert!(Policy::built_in("sales-ops").is_some());
    assert!(!Policy::default_policy().needs_keys());
}

#[test]
fn a_json_policy_overrides_its_base() {
    let p = Policy::from_json(
        r##"{"name": "for partners", "base": "distributor", "min_confidence": 0.65,
            "rules": {"mobile": {"op": "mask", "keep_first": 3, "keep_last": 2, "mask": "#"},
                      "email": "hash", "resident_id": "token", "address": "generalise",
                      "name": {"op": "redact", "text": "某人"}}}"##,
    )
    .expect("valid");
    assert_eq!(p.name, "for partners");
    assert_eq!(p.operator(PiiKind::Mobile), &Operator::Mask { keep_first: Some(3), keep_last: 2, mask: '#' });
    assert_eq!(p.operator(PiiKind::Email), &Operator::Hash);
    assert_eq!(p.operator(PiiKind::Name), &Operator::Redact { text: Some("某人".into()) });
    assert_eq!(p.operator(PiiKind::BankCard), &Operator::mask(6, 4), "from the base");
    assert!(p.needs_keys());
    assert!((p.min_confidence - 0.65).abs() < 1e-6);
}

fn fields(json: &str) -> Vec<String> {
    match Policy::from_json(json) {
        Err(CoreError::Validation(errors)) => errors.into_iter().map(|e| e.field).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn bad_policies_name_the_field() {
    assert_eq!(fields(r#"{"rules": {"mobil": "mask"}}"#), vec!["rules.mobil"]);
    assert_eq!(fields(r#"{"rules": {"mobile": "scramble"}}"#), vec!["rules.mobile"]);
    assert_eq!(fields(r#"{"rules": {"mobile": {"op": "mask", "keep_first": -1}}}"#), vec!["rules.mobile.keep_first"]);
    assert_eq!(fields(r#"{"rules": {"mobile": {"op": "hash", "text": "x"}}}"#), vec!["rules.mobile.text"]);
    assert_eq!(fields(r#"{"rules": {"mobile": "generalise"}}"#), vec!["rules.mobile"]);
    assert_eq!(fields(r#"{"base": "nobody", "colour": 1}"#), vec!["colour", "base"]);
    assert_eq!(fields("not json"), vec!["policy"]);
    let msg = Policy::from_json(r#"{"rules": {"mobil": "mask"}}"#).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(msg.contains("rules.mobil") && msg.contains("unknown kind"), "{msg}");
}

#[test]
fn resolve_takes_names_and_refuses_unknown_ones() {
    assert_eq!(Policy::resolve("trade_show").map(|p| p.name).ok().as_deref(), Some("trade_show"));
    let err = Policy::resolve("everyone").err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("unknown policy 'everyone'") && err.contains("distributor"), "{err}");
    assert!(matches!(Policy::resolve("/nonexistent/p.json"), Err(CoreError::Io { .. })));
}
