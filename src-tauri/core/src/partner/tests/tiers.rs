//! Worked tier examples. Tiers 0–100k 3%, 100k–500k 5%, ≥ 500k 8% (lower bound inclusive).

use super::fixtures::*;
use crate::partner::statement::Block;

/// Q1 sales: A 80,000 (Jan), B 120,000 (Feb), C 400,000 (Mar); period total 600,000.
fn quarter() -> Vec<crate::partner::SalesLine> {
    vec![sale("A", "2026-01-10", "80000"), sale("B", "2026-02-05", "120000"), sale("C", "2026-03-01", "400000")]
}

#[test]
fn marginal_over_the_period_charges_each_slice_at_its_own_rate() {
    let s = run(&plan(&tiers("marginal", "period"), ""), q1(), &quarter());
    // A occupies [0, 80k):         80,000 × 3%                      = 2,400
    // B occupies [80k, 200k):      20,000 × 3% + 100,000 × 5%       =   600 + 5,000 = 5,600
    // C occupies [200k, 600k):    300,000 × 5% + 100,000 × 8%       = 15,000 + 8,000 = 23,000
    // Check on the whole: 100k × 3% + 400k × 5% + 100k × 8% = 3,000 + 20,000 + 8,000 = 31,000.
    assert_eq!(shares(&s), pairs(&[("A", "2400.00"), ("B", "5600.00"), ("C", "23000.00")]));
    assert_eq!(s.total.to_string(), "31000.00");
    let b = &s.lines[1];
    assert_eq!(b.parts.len(), 2);
    assert!(matches!(b.parts[1].block, Block::Tier { tier: 2, of: 3, .. }));
    assert!(b.parts[1].note.contains("tier 2 of 3 (marginal over the period)"), "{}", b.parts[1].note);
}

#[test]
fn retroactive_over_the_period_pays_everything_at_the_tier_reached() {
    let s = run(&plan(&tiers("retroactive", "period"), ""), q1(), &quarter());
    // 600,000 reached tier 3 (≥ 500k): every line at 8%.
    // A 80,000 × 8% = 6,400; B 120,000 × 8% = 9,600; C 400,000 × 8% = 32,000; total 48,000.
    assert_eq!(shares(&s), pairs(&[("A", "6400.00"), ("B", "9600.00"), ("C", "32000.00")]));
    assert_eq!(s.total.to_string(), "48000.00");
    assert!(s.lines[0].parts[0].note.contains("600000 reached ≥ 500000"), "{}", s.lines[0].parts[0].note);
}

#[test]
fn the_lower_boundary_belongs_to_the_upper_tier_and_the_cliff_shows() {
    let retro = plan(&tiers("retroactive", "period"), "");
    let marginal = plan(&tiers("marginal", "period"), "");
    // Exactly 100,000 is in tier 2: retroactive 100,000 × 5% = 5,000;
    // marginal: the slice [0, 100k) at 3% = 3,000, nothing in tier 2 yet.
    let at = [sale("X", "2026-01-10", "100000")];
    assert_eq!(run(&retro, q1(), &at).total.to_string(), "5000.00");
    assert_eq!(run(&marginal, q1(), &at).total.to_string(), "3000.00");
    // One cent below: 99,999.99 × 3% = 2,999.9997 → 3,000.00 (half away from zero), both modes.
    let below = [sale("X", "2026-01-10", "99999.99")];
    assert_eq!(run(&retro, q1(), &below).total.to_string(), "3000.00");
    assert_eq!(run(&marginal, q1(), &below).total.to_string(), "3000.00");
}

#[test]
fn per_line_tiers_look_at_each_line_alone() {
    let lines = [sale("A", "2026-01-10", "80000"), sale("B", "2026-02-05", "120000")];
    // Retroactive per line: A 80,000 in tier 1 → 3% = 2,400; B 120,000 in tier 2 → 5% = 6,000.
    let s = run(&plan(&tiers("retroactive", "line"), ""), q1(), &lines);
    assert_eq!(shares(&s), pairs(&[("A", "2400.00"), ("B", "6000.00")]));
    // Marginal per line: A 2,400; B 100,000 × 3% + 20,000 × 5% = 3,000 + 1,000 = 4,000.
    let s = run(&plan(&tiers("marginal", "line"), ""), q1(), &lines);
    assert_eq!(shares(&s), pairs(&[("A", "2400.00"), ("B", "4000.00")]));
}

#[test]
fn cumulative_order_is_by_trigger_date_then_id_not_input_order() {
    let mut lines = quarter();
    lines.reverse();
    let s = run(&plan(&tiers("marginal", "period"), ""), q1(), &lines);
    assert_eq!(shares(&s), pairs(&[("A", "2400.00"), ("B", "5600.00"), ("C", "23000.00")]));
}

#[test]
fn each_line_is_rounded_once_half_away_from_zero() {
    // 33,333.33 × 3% = 999.9999 → 1,000.00; 0.50 × 3% = 0.015 → 0.02 (half away from zero).
    let s = run(&plan(r#"{ "fixed_pct": "3" }"#, ""), q1(), &[sale("A", "2026-01-10", "33333.33"), sale("B", "2026-01-11", "0.50")]);
    assert_eq!(shares(&s), pairs(&[("A", "1000.00"), ("B", "0.02")]));
    assert_eq!(s.lines[1].parts[0].amount.to_string(), "0.0150");
    assert!(s.rounding.contains("half away from zero"));
}
