//! Caps with the excess carried forward or forfeited, floors, and the carried balance.

use super::fixtures::*;
use crate::partner::statement::AdjustmentKind;

fn capped(excess: &str) -> crate::partner::Plan {
    plan(r#"{ "fixed_pct": "10" }"#, &format!(r#", "limits": {{ "cap": "10000.00", "floor": "1000", "excess": "{excess}" }}"#))
}

#[test]
fn a_cap_with_carry_forward_moves_the_excess_to_the_next_statement() {
    let p = capped("carry_forward");
    // Q1: 123,456.70 × 10% = 12,345.67 earned; cap 10,000 → paid 10,000, 2,345.67 carried.
    let s1 = run(&p, q1(), &[sale("A", "2026-02-01", "123456.70")]);
    assert_eq!((s1.lines_total.to_string(), s1.total.to_string()), ("12345.67".into(), "10000.00".into()));
    assert_eq!(s1.carried_out.to_string(), "2345.67");
    assert_eq!(s1.adjustments[0].kind, AdjustmentKind::CapCarriedForward);
    assert_eq!(s1.adjustments[0].amount.to_string(), "-2345.67");
    // Q2: 50,000 × 10% = 5,000 earned + 2,345.67 carried in = 7,345.67, under the cap.
    let s2 = Run { carried_in: s1.carried_out, ..Run::default() }.on(&p, q2(), &[sale("B", "2026-05-01", "50000")]);
    assert_eq!(s2.total.to_string(), "7345.67");
    assert_eq!(s2.carried_out.to_string(), "0.00");
    assert_eq!(s2.adjustments[0].kind, AdjustmentKind::CarriedIn);
}

#[test]
fn a_cap_with_forfeit_loses_the_excess() {
    let s = run(&capped("forfeit"), q1(), &[sale("A", "2026-02-01", "123456.70")]);
    assert_eq!((s.total.to_string(), s.forfeited.to_string(), s.carried_out.to_string()), ("10000.00".into(), "2345.67".into(), "0.00".into()));
    assert_eq!(s.adjustments[0].kind, AdjustmentKind::CapForfeited);
}

#[test]
fn a_floor_tops_up_a_small_period() {
    // 3,000 × 10% = 300; floor 1,000 → topped up by 700.
    let s = run(&capped("forfeit"), q1(), &[sale("A", "2026-02-01", "3000")]);
    assert_eq!(s.total.to_string(), "1000.00");
    assert_eq!(s.adjustments[0].kind, AdjustmentKind::FloorTopUp);
    assert_eq!(s.adjustments[0].amount.to_string(), "700.00");
}

#[test]
fn carried_in_must_be_in_minor_units() {
    let e = Run { carried_in: d("1.005"), ..Run::default() }.try_on(&capped("forfeit"), q1(), &[]).expect_err("3 decimals");
    assert!(e.to_string().contains("carried_in"), "{e}");
}
