//! Rep commission by attainment (80–100% → 3–5% linear, 100–150% → 5–8% linear, ≥ 150% → 8%,
//! below 80% nothing) and the quarterly target bonus.

use super::fixtures::*;
use crate::partner::sales::MonthlyTarget;
use crate::partner::statement::AdjustmentKind;
use crate::partner::Plan;

const BANDS: &str = r#"{ "attainment": [
    { "from_pct": "80", "to_pct": "100", "rate_pct_from": "3", "rate_pct_to": "5" },
    { "from_pct": "100", "to_pct": "150", "rate_pct_from": "5", "rate_pct_to": "8" },
    { "from_pct": "150", "rate_pct_from": "8" } ] }"#;

fn rep_plan(extra: &str) -> Plan {
    plan_of("rep", "gross", BANDS, extra)
}

/// 100,000 a month: 300,000 for Q1.
fn targets() -> Vec<MonthlyTarget> {
    ["2026-01-01", "2026-02-01", "2026-03-01"].iter().map(|m| MonthlyTarget { month: day(m), amount: d("100000") }).collect()
}

fn rep_run<'a>() -> Run<'a> {
    Run { payee: "R1", targets: targets(), ..Run::default() }
}

#[test]
fn attainment_at_and_around_the_band_edges() {
    let p = rep_plan("");
    let cases = [
        // 239,970 / 300,000 = 79.99% < 80%: nothing.
        ("239970", "79.99", "0.00"),
        // 240,000 = 80%: the band's lower edge, 3% → 7,200.
        ("240000", "80", "7200.00"),
        // 270,000 = 90%: 3 + (90 − 80) × (5 − 3) / 20 = 4% → 10,800.
        ("270000", "90", "10800.00"),
        // 300,000 = 100%: lower edge of band 2, 5% → 15,000.
        ("300000", "100", "15000.00"),
        // 300,030 = 100.01%: 5 + 0.01 × 3 / 50 = 5.0006% → 300,030 × 5.0006% = 15,003.30018 → 15,003.30.
        ("300030", "100.01", "15003.30"),
        // 600,000 = 200%: open band, flat 8% → 48,000.
        ("600000", "200", "48000.00"),
    ];
    for (sold, att, paid) in cases {
        let s = rep_run().on(&p, q1(), &[sale("A", "2026-02-10", sold)]);
        assert_eq!(s.attainment_pct.map(|a| a.normalize().to_string()), Some(att.to_string()), "{sold}");
        assert_eq!(s.total.to_string(), paid, "{sold}");
    }
    let s = rep_run().on(&p, q1(), &[sale("A", "2026-02-10", "239970")]);
    assert!(s.lines[0].parts[0].note.contains("below the first band"), "{}", s.lines[0].parts[0].note);
}

#[test]
fn an_attainment_plan_without_a_target_is_an_error() {
    let e = Run { payee: "R1", ..Run::default() }.try_on(&rep_plan(""), q1(), &[sale("A", "2026-02-10", "1")]).expect_err("no target");
    assert!(e.to_string().contains("targets"), "{e}");
}

#[test]
fn three_months_at_target_earn_the_quarterly_bonus() {
    let p = rep_plan(r#", "quarterly_bonus": { "months": 3, "min_attainment_pct": "100", "amount": "5000.00" }"#);
    let lines = [sale("J", "2026-01-15", "100000"), sale("F", "2026-02-15", "105000"), sale("M", "2026-03-15", "100000")];
    // Attainment 305,000 / 300,000 = 101.666…%: 5 + 1.666… × 3 / 50 = 5.1%.
    // Lines: 100,000 × 5.1% = 5,100; 105,000 × 5.1% = 5,355; 100,000 × 5.1% = 5,100 → 15,555.
    // Every month ≥ 100% of its 100,000 target: bonus 5,000 → 20,555.
    let s = rep_run().on(&p, q1(), &lines);
    assert_eq!(s.lines_total.to_string(), "15555.00");
    assert_eq!(s.adjustments[0].kind, AdjustmentKind::QuarterlyBonus);
    assert_eq!(s.total.to_string(), "20555.00");
    // March one unit short (99,999 < 100,000): no bonus.
    let short = [sale("J", "2026-01-15", "100000"), sale("F", "2026-02-15", "105000"), sale("M", "2026-03-15", "99999")];
    let s = rep_run().on(&p, q1(), &short);
    assert!(s.adjustments.is_empty());
    // A two-month period holds no whole block of three months: no bonus.
    let s = rep_run().on(&p, period("2026-01-01", "2026-02-28"), &lines[..2]);
    assert!(s.adjustments.is_empty());
}

#[test]
fn a_bonus_rate_is_rounded_once() {
    let p = plan(r#"{ "fixed_pct": "0" }"#, r#", "quarterly_bonus": { "months": 3, "min_attainment_pct": "50", "rate_pct": "0.5" }"#);
    let lines = [sale("J", "2026-01-15", "50000.01"), sale("F", "2026-02-15", "50000"), sale("M", "2026-03-15", "50000")];
    // Each month ≥ 50% of 100,000. 0.5% of 150,000.01 = 750.00005 → 750.00.
    let s = Run { targets: targets(), ..Run::default() }.on(&p, q1(), &lines);
    assert_eq!(s.total.to_string(), "750.00");
}
