//! Properties over random plans and sales: marginal never pays more than retroactive when
//! rates rise with the tiers; every statement balances to the cent; a full refund reverses
//! its line exactly; the order lines arrive in changes nothing; marginal pay never falls as
//! the amount grows.

use super::fixtures::*;
use crate::partner::plan::Plan;
use crate::partner::SalesLine;
use proptest::prelude::*;
use rust_decimal::Decimal;

/// A three-tier plan with boundaries `b1 < b2` (whole units) and rates r1 ≤ r2 ≤ r3
/// (hundredths of a percent) when `rising`.
fn tier_plan(mode: &str, b1: u32, gap: u32, rates: [u32; 3]) -> Plan {
    let r = |x: u32| Decimal::new(i64::from(x), 2);
    let b2 = b1 + gap;
    let json = format!(
        r#"{{ "tier_mode": "{mode}", "tier_over": "period", "tiers": [
            {{ "from": "0", "to": "{b1}", "rate_pct": "{}" }},
            {{ "from": "{b1}", "to": "{b2}", "rate_pct": "{}" }},
            {{ "from": "{b2}", "rate_pct": "{}" }} ] }}"#,
        r(rates[0]),
        r(rates[1]),
        r(rates[2])
    );
    plan(&json, "")
}

fn rising() -> impl Strategy<Value = [u32; 3]> {
    (0u32..3000, 0u32..3000, 0u32..4000).prop_map(|(a, b, c)| [a, a + b, (a + b + c).min(10_000)])
}

/// Up to 12 sales in Q1, amounts in cents up to 300,000.00.
fn sales() -> impl Strategy<Value = Vec<SalesLine>> {
    prop::collection::vec((0i64..30_000_000, 1u32..90), 0..12).prop_map(|v| {
        v.into_iter()
            .enumerate()
            .map(|(i, (cents, offset))| {
                let on = day("2026-01-01") + chrono::Days::new(u64::from(offset));
                let mut l = sale(&format!("L{i:02}"), "2026-01-01", "0");
                l.amount = Decimal::new(cents, 2);
                l.invoiced_on = Some(on);
                l.paid_on = Some(on);
                l
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn marginal_never_exceeds_retroactive_for_rising_rates(b1 in 1u32..500_000, gap in 1u32..500_000, rates in rising(), lines in sales()) {
        let m = run(&tier_plan("marginal", b1, gap, rates), q1(), &lines);
        let r = run(&tier_plan("retroactive", b1, gap, rates), q1(), &lines);
        prop_assert!(m.total <= r.total, "marginal {} > retroactive {}", m.total, r.total);
    }

    #[test]
    fn every_statement_balances(b1 in 1u32..500_000, gap in 1u32..500_000, rates in rising(), lines in sales(),
                                cap in prop::option::of(0i64..2_000_000), carried in -500_000i64..500_000, forfeit in any::<bool>()) {
        let mut p = tier_plan("marginal", b1, gap, rates);
        if let Some(cap) = cap {
            let excess = if forfeit { crate::partner::plan::Excess::Forfeit } else { crate::partner::plan::Excess::CarryForward };
            p.limits = Some(crate::partner::plan::Limits { cap: Some(Decimal::new(cap, 2)), floor: None, excess: Some(excess) });
        }
        // `on` asserts total = Σ line shares + Σ adjustments, each share in whole cents.
        let s = Run { carried_in: Decimal::new(carried, 2), ..Run::default() }.on(&p, q1(), &lines);
        let available = s.lines_total + Decimal::new(carried, 2);
        prop_assert_eq!(s.total + s.carried_out + s.forfeited, available.max(Decimal::ZERO) + available.min(Decimal::ZERO));
    }

    #[test]
    fn a_full_refund_reverses_its_line_exactly(b1 in 1u32..500_000, gap in 1u32..500_000, rates in rising(), lines in sales(), pick in any::<prop::sample::Index>(), retro in any::<bool>()) {
        prop_assume!(!lines.is_empty());
        let p = tier_plan(if retro { "retroactive" } else { "marginal" }, b1, gap, rates);
        let s1 = run(&p, q1(), &lines);
        let orig = &lines[pick.index(lines.len())];
        let earned_line = s1.lines.iter().find(|l| l.line_id == orig.id).cloned();
        prop_assert!(earned_line.is_some());
        let earned_line = earned_line.unwrap_or_else(|| unreachable!());
        let mut later = lines.clone();
        later.push(refund("R", "2026-05-01", &(-orig.amount).to_string(), &orig.id));
        let s2 = Run { earned: s1.lines.iter().map(|l| l.earned()).collect(), ..Run::default() }.on(&p, q2(), &later);
        prop_assert_eq!(s2.lines.len(), 1);
        prop_assert_eq!(s2.lines[0].share, -earned_line.share);
    }

    #[test]
    fn line_order_does_not_matter(b1 in 1u32..500_000, gap in 1u32..500_000, rates in rising(), lines in sales(), split in any::<prop::sample::Index>()) {
        let p = tier_plan("marginal", b1, gap, rates);
        let once = run(&p, q1(), &lines);
        // Two imports concatenated the other way round.
        let at = if lines.is_empty() { 0 } else { split.index(lines.len()) };
        let mut other = lines[at..].to_vec();
        other.extend_from_slice(&lines[..at]);
        other.reverse();
        prop_assert_eq!(once, run(&p, q1(), &other));
    }

    #[test]
    fn marginal_pay_never_falls_as_the_amount_grows(b1 in 1u32..500_000, gap in 1u32..500_000, rates in rising(), cents in 0i64..200_000_000, more in 0i64..10_000_000) {
        let p = tier_plan("marginal", b1, gap, rates);
        let one = |c: i64| {
            let mut l = sale("A", "2026-01-10", "0");
            l.amount = Decimal::new(c, 2);
            run(&p, q1(), &[l]).total
        };
        prop_assert!(one(cents) <= one(cents + more));
    }
}
