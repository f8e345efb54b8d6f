//! Overrides (most specific wins), bases (gross / net / margin, never below zero) and
//! service-value points.

use super::fixtures::*;
use crate::partner::plan::Service;
use crate::partner::SalesLine;

const OVERRIDES: &str = r#", "overrides": [
    { "product_line": "servers", "rate": { "fixed_pct": "4" } },
    { "customer_type": "government", "rate": { "fixed_pct": "2.5" } },
    { "product_line": "servers", "customer_type": "government", "rate": { "fixed_pct": "2" } } ]"#;

fn of(id: &str, product_line: &str, customer_type: &str) -> SalesLine {
    SalesLine { product_line: product_line.into(), customer_type: customer_type.into(), ..sale(id, "2026-01-10", "10000") }
}

#[test]
fn the_most_specific_override_wins() {
    let p = plan(r#"{ "fixed_pct": "3" }"#, OVERRIDES);
    let lines = [of("PL", "servers", "enterprise"), of("CT", "storage", "government"), of("BOTH", "Servers", "government"), of("NONE", "storage", "enterprise")];
    let s = run(&p, q1(), &lines);
    // 10,000 each: product line 4% = 400; customer type 2.5% = 250; both 2% = 200 (matched
    // case-insensitively); no override: plan default 3% = 300.
    assert_eq!(shares(&s), pairs(&[("BOTH", "200.00"), ("CT", "250.00"), ("NONE", "300.00"), ("PL", "400.00")]));
    let rules: Vec<_> = s.lines.iter().map(|l| l.rule.as_str()).collect();
    assert_eq!(rules, ["overrides[2]: product line servers + customer type government", "overrides[1]: customer type government", "plan default", "overrides[0]: product line servers"]);
}

#[test]
fn bases_are_gross_net_or_margin_and_never_negative() {
    let line = SalesLine { discount: d("1000"), cost: d("6000"), ..sale("A", "2026-01-10", "10000") };
    let loss = SalesLine { id: "L".into(), discount: d("1000"), cost: d("9500"), ..sale("L", "2026-01-10", "10000") };
    let rate = r#"{ "fixed_pct": "10" }"#;
    // gross 10,000 → 1,000; net 10,000 − 1,000 = 9,000 → 900; margin 9,000 − 6,000 = 3,000 → 300.
    for (base, want) in [("gross", "1000.00"), ("net", "900.00"), ("margin", "300.00")] {
        let s = run(&plan_of("partner", base, rate, ""), q1(), std::slice::from_ref(&line));
        assert_eq!(s.total.to_string(), want, "{base}");
    }
    // A loss-making line (margin 9,000 − 9,500 = −500) has base 0, not −500.
    let s = run(&plan_of("partner", "margin", rate, ""), q1(), &[loss]);
    assert_eq!((s.lines[0].base.to_string(), s.total.to_string()), ("0".into(), "0.00".into()));
}

const SERVICE: &str = r#", "service": [
    { "service": "installation", "points": "1" },
    { "service": "after_sales", "points": "-0.5" },
    { "service": "satisfaction", "points": "0.5", "min_score": "90" } ]"#;

#[test]
fn service_points_add_to_or_reduce_the_line_rate() {
    let p = plan(r#"{ "fixed_pct": "3" }"#, SERVICE);
    let installed = SalesLine { services: vec![Service::Installation], ..sale("I", "2026-01-10", "10000") };
    let after = SalesLine { services: vec![Service::AfterSales], ..sale("S", "2026-01-11", "10000") };
    let plain = sale("P", "2026-01-12", "10000");
    let lines = [installed, after, plain];
    // Installation: 10,000 × 3% + 10,000 × 1% = 300 + 100 = 400.
    // After-sales reduces: 300 − 10,000 × 0.5% = 300 − 50 = 250. Plain: 300.
    let s = run(&p, q1(), &lines);
    assert_eq!(shares(&s), pairs(&[("I", "400.00"), ("S", "250.00"), ("P", "300.00")]));
    assert!(s.lines[0].parts[1].note.contains("installation +1 pt"), "{}", s.lines[0].parts[1].note);
    // A satisfaction score of 92 ≥ 90 adds 0.5 pt = 50 on every line; 89.99 adds nothing.
    let happy = Run { satisfaction_score: Some(d("92")), ..Run::default() }.on(&p, q1(), &lines);
    assert_eq!(shares(&happy), pairs(&[("I", "450.00"), ("S", "300.00"), ("P", "350.00")]));
    let short = Run { satisfaction_score: Some(d("89.99")), ..Run::default() }.on(&p, q1(), &lines);
    assert_eq!(short.total.to_string(), "950.00");
}

#[test]
fn reductions_never_take_a_line_below_zero() {
    let p = plan(r#"{ "fixed_pct": "0.2" }"#, SERVICE);
    let after = SalesLine { services: vec![Service::AfterSales], ..sale("S", "2026-01-11", "10000") };
    // 10,000 × 0.2% − 10,000 × 0.5% = 20 − 50 = −30 → floored to 0, with a part saying so.
    let s = run(&p, q1(), &[after]);
    assert_eq!(s.total.to_string(), "0.00");
    assert!(s.lines[0].parts.iter().any(|p| p.note.contains("below 0")));
}
