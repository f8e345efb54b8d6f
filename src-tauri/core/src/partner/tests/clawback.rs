//! Refunds reverse what the original earned, at the rate it earned, in the refund's period.

use super::fixtures::*;
use crate::partner::statement::{AdjustmentKind, LineRole};

#[test]
fn a_refund_in_a_later_period_reverses_the_original_share() {
    let p = plan(r#"{ "fixed_pct": "5" }"#, "");
    // Q1: A 100,000 × 5% = 5,000.
    let a = sale("A", "2026-02-01", "100000");
    let s1 = run(&p, q1(), std::slice::from_ref(&a));
    assert_eq!(s1.total.to_string(), "5000.00");
    // Q2: A is refunded in full (−5,000) and B 20,000 × 5% = 1,000 is sold: lines −4,000.
    // Nothing is paid; −4,000 is carried to Q3.
    let lines = [a, refund("R", "2026-05-03", "-100000", "A"), sale("B", "2026-05-10", "20000")];
    let earned = s1.lines.iter().map(|l| l.earned()).collect();
    let s2 = Run { earned, ..Run::default() }.on(&p, q2(), &lines);
    assert_eq!(shares(&s2), pairs(&[("B", "1000.00"), ("R", "-5000.00")]));
    assert_eq!(s2.lines[1].role, LineRole::Clawback { of: "A".into() });
    assert_eq!((s2.total.to_string(), s2.carried_out.to_string()), ("0.00".into(), "-4000.00".into()));
    assert_eq!(s2.adjustments[0].kind, AdjustmentKind::NegativeCarriedForward);
}

#[test]
fn a_refund_reverses_at_the_rate_the_original_earned_not_todays() {
    let p = plan(&tiers("marginal", "period"), "");
    // Q1: X 150,000 marginal: 100,000 × 3% + 50,000 × 5% = 3,000 + 2,500 = 5,500 (3.666…%).
    let x = sale("X", "2026-01-15", "150000");
    let s1 = run(&p, q1(), std::slice::from_ref(&x));
    assert_eq!(s1.total.to_string(), "5500.00");
    let earned: Vec<_> = s1.lines.iter().map(|l| l.earned()).collect();
    // Q2: a big new sale puts Q2 into tier 3, but the refund of 30,000 of X claws back at
    // X's own 3.666…%: 30,000 × 5,500 / 150,000 = 1,100.
    let lines = [x.clone(), sale("Y", "2026-04-02", "600000"), refund("R", "2026-04-20", "-30000", "X")];
    let s2 = Run { earned: earned.clone(), ..Run::default() }.on(&p, q2(), &lines);
    assert_eq!(s2.lines.iter().find(|l| l.line_id == "R").map(|l| l.share.to_string()), Some("-1100.00".into()));
    // The rest (120,000) refunded in Q3 takes back exactly what is left: 5,500 − 1,100 = 4,400.
    let mut after_q2 = earned[0].clone();
    after_q2.refunded_base = d("30000");
    after_q2.refunded_share = d("1100.00");
    let lines = [x, refund("R2", "2026-07-02", "-120000", "X")];
    let s3 = Run { earned: vec![after_q2], ..Run::default() }.on(&p, period("2026-07-01", "2026-09-30"), &lines);
    assert_eq!(shares(&s3), pairs(&[("R2", "-4400.00")]));
}

#[test]
fn a_refund_in_the_same_period_cancels_its_original() {
    let p = plan(r#"{ "fixed_pct": "3" }"#, "");
    // 33,333.33 × 3% = 999.9999 → 1,000.00; its full refund → −1,000.00; total 0.
    let s = run(&p, q1(), &[sale("A", "2026-01-10", "33333.33"), refund("R", "2026-02-10", "-33333.33", "A")]);
    assert_eq!(s.total.to_string(), "0.00");
}

#[test]
fn a_refund_without_its_earlier_statement_is_an_error_naming_what_is_missing() {
    let p = plan(r#"{ "fixed_pct": "5" }"#, "");
    let lines = [sale("A", "2026-02-01", "100000"), refund("R", "2026-05-03", "-100000", "A")];
    let e = Run::default().try_on(&p, q2(), &lines).expect_err("no earned");
    assert!(e.to_string().contains("earned"), "{e}");
    let e = Run::default().try_on(&p, q2(), &[refund("R", "2026-05-03", "-100", "NOPE")]).expect_err("unknown");
    assert!(e.to_string().contains("'NOPE' is neither"), "{e}");
    let bad = refund("R", "2026-05-03", "100", "A");
    let e = Run::default().try_on(&p, q2(), &[bad]).expect_err("positive refund");
    assert!(e.to_string().contains("lines[0].amount"), "{e}");
}
