//! Plan validation: the example plans in docs/ load, and each kind of mistake is named by its
//! JSON path.

use crate::error::{CoreError, FieldError};
use crate::partner::{parse_plan, read_plan, validate, Plan};

fn example(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub(crate) fn example_plan(name: &str) -> Plan {
    parse_plan(&example(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn errors(json: &str) -> Vec<FieldError> {
    match parse_plan(json.as_bytes()) {
        Err(CoreError::Validation(list)) => list,
        other => panic!("expected validation errors, got {other:?}"),
    }
}

fn fields(json: &str) -> Vec<String> {
    errors(json).into_iter().map(|e| e.field).collect()
}

const TIERED: &str = r#"{
  "schema": 1, "name": "t", "kind": "partner", "effective_from": "2026-01-01",
  "currency": "CNY", "base": "gross", "trigger": "invoice",
  "rate": { "tier_mode": "marginal", "tier_over": "period", "tiers": [
    { "from": "0", "to": "100000", "rate_pct": "3" },
    { "from": "100000", "to": "500000", "rate_pct": "5" },
    { "from": "500000", "rate_pct": "8" } ] } }"#;

#[test]
fn both_example_plans_load_and_validate() {
    let partner = example_plan("plan.json");
    assert_eq!(partner.overrides.len(), 4);
    let rep = example_plan("plan-rep.json");
    assert_eq!(rep.rate.attainment.len(), 3);
    // What we write reads back the same.
    for plan in [partner, rep] {
        let text = serde_json::to_string_pretty(&plan).expect("serialise");
        assert_eq!(parse_plan(text.as_bytes()).expect("round trip"), plan);
    }
}

#[test]
fn a_good_tier_table_passes() {
    assert!(parse_plan(TIERED.as_bytes()).is_ok());
}

#[test]
fn a_gap_between_tiers_is_rejected_at_the_tier() {
    let json = TIERED.replace(r#"{ "from": "500000""#, r#"{ "from": "600000""#);
    let e = errors(&json);
    assert_eq!(e[0].field, "rate.tiers[2].from");
    assert!(e[0].message.contains("gap"), "{}", e[0].message);
}

#[test]
fn an_overlap_is_rejected_and_so_are_open_middles_and_closed_ends() {
    let json = TIERED.replace(r#"{ "from": "100000", "to""#, r#"{ "from": "90000", "to""#);
    let e = errors(&json);
    assert_eq!(e[0].field, "rate.tiers[1].from");
    assert!(e[0].message.contains("overlap"));
    let json = TIERED.replace(r#""to": "500000", "#, "").replace(r#"{ "from": "500000", "rate_pct": "8" }"#, r#"{ "from": "500000", "to": "900000", "rate_pct": "8" }"#);
    // tiers[1] left open in the middle; tiers[2] closed at the end.
    assert_eq!(fields(&json), vec!["rate.tiers[1].to", "rate.tiers[2].to"]);
}

#[test]
fn rates_must_be_0_to_100_and_the_first_tier_starts_at_0() {
    let json = TIERED.replace(r#""rate_pct": "8""#, r#""rate_pct": "100.5""#).replace(r#""from": "0""#, r#""from": "10""#);
    assert_eq!(fields(&json), vec!["rate.tiers[2].rate_pct", "rate.tiers[0].from"]);
    let json = TIERED.replace(r#""rate_pct": "3""#, r#""rate_pct": "-1""#);
    assert_eq!(fields(&json), vec!["rate.tiers[0].rate_pct"]);
}

#[test]
fn unknown_fields_are_refused_with_their_path() {
    let json = TIERED.replace(r#""rate_pct": "5""#, r#""rate_pct": "5", "bonus": 1"#);
    let e = errors(&json);
    assert_eq!(e[0].field, "rate.tiers[1].bonus");
    assert!(e[0].message.contains("unknown field"), "{}", e[0].message);
    let e = errors(&TIERED.replace(r#""kind": "partner""#, r#""kind": "dealer""#));
    assert_eq!(e[0].field, "kind");
    let e = errors(&TIERED.replace(r#""base": "gross", "#, ""));
    assert_eq!((e[0].field.as_str(), e[0].message.as_str()), ("base", "missing field `base`"));
}

#[test]
fn dates_must_exist() {
    let e = errors(&TIERED.replace("2026-01-01", "2026-02-30"));
    assert_eq!(e[0].field, "effective_from");
    assert!(e[0].message.contains("not a valid date"));
}

#[test]
fn mode_and_scope_are_explicit_and_one_rate_form_per_rule() {
    let json = TIERED.replace(r#""tier_mode": "marginal", "#, "");
    assert_eq!(fields(&json), vec!["rate.tier_mode"]);
    let json = TIERED.replace(r#""tier_over": "period","#, r#""tier_over": "period", "fixed_pct": "3","#);
    assert_eq!(fields(&json), vec!["rate"]);
}

#[test]
fn overrides_need_a_key_are_unique_and_their_rules_are_checked() {
    let json = TIERED.replace(
        r#""trigger": "invoice","#,
        r#""trigger": "invoice", "overrides": [
          { "product_line": "servers", "rate": { "fixed_pct": "4" } },
          { "rate": { "fixed_pct": "4" } },
          { "product_line": "servers", "rate": { "fixed_pct": "101" } } ],"#,
    );
    assert_eq!(fields(&json), vec!["overrides[1]", "overrides[2]", "overrides[2].rate.fixed_pct"]);
}

#[test]
fn settings_belong_to_their_kind_of_plan() {
    let mut plan = read_plan(TIERED.as_bytes()).expect("reads");
    plan.kind = crate::partner::plan::PlanKind::Rep;
    plan.multi_level = Some(crate::partner::plan::MultiLevel { override_pct: 2.into() });
    plan.limits = Some(crate::partner::plan::Limits { cap: Some(100.into()), floor: Some(200.into()), excess: None });
    let Err(CoreError::Validation(e)) = validate(&plan) else { panic!("invalid") };
    let got: Vec<_> = e.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(got, vec!["limits.floor", "limits.excess", "multi_level"]);
}
