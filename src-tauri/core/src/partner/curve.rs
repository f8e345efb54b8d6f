//! The payout curve of a plan: what one payee is paid for a period as a function of its sales
//! in that period, computed by the engine itself on one made-up sale of each amount (plan
//! default rule, no overrides or services apply to it; caps and floors do). Points sit evenly
//! over the range and on both sides of every tier boundary, one minor unit apart, so a
//! retroactive tier's cliff shows as a jump and a marginal tier's as a kink.

use super::engine::statement;
use super::plan::Plan;
use super::sales::{Period, SalesLine, StatementRequest};
use crate::money;
use rust_decimal::Decimal;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CurvePoint {
    /// The payee's sales in the period.
    #[ts(type = "string")]
    pub amount: Decimal,
    /// Under the plan in effect (`None` when there is none).
    #[ts(type = "string | null")]
    pub current: Option<Decimal>,
    /// Under the simulated plan.
    #[ts(type = "string")]
    pub simulated: Decimal,
}

/// Points evenly spaced over the range.
const STEPS: u32 = 60;
const PAYEE: &str = "curve";

/// The tier boundaries (`from` > 0) of the plan's default rule.
pub fn boundaries(plan: &Plan) -> Vec<Decimal> {
    plan.rate.tiers.iter().map(|t| t.from).filter(|f| *f > Decimal::ZERO).collect()
}

/// What `plan` pays for sales of `amount` in `period`; `None` when the engine refuses.
pub fn payout(plan: &Plan, period: Period, amount: Decimal) -> Option<Decimal> {
    let line = SalesLine {
        id: "curve".into(),
        date: period.from,
        partner_id: PAYEE.into(),
        parent_partner_id: None,
        rep: Some(PAYEE.into()),
        customer_type: String::new(),
        product_line: String::new(),
        quantity: Decimal::ONE,
        amount,
        discount: Decimal::ZERO,
        cost: Decimal::ZERO,
        currency: plan.currency.clone(),
        invoiced_on: Some(period.from),
        paid_on: Some(period.from),
        services: Vec::new(),
        refund_of: None,
    };
    let lines = [line];
    let req = StatementRequest { plan, period, payee: PAYEE, lines: &lines, carried_in: Decimal::ZERO, earned: &[], targets: &[], satisfaction_score: None, team: None };
    statement(&req).ok().map(|s| s.total)
}

/// The curve of `simulated` (and `current`) from 0 to a range covering every boundary of
/// both plans and `at_least` (e.g. the largest payee's sales), half again past the last.
pub fn curve(simulated: &Plan, current: Option<&Plan>, period: Period, at_least: Decimal) -> Vec<CurvePoint> {
    let mut marks = boundaries(simulated);
    if let Some(c) = current {
        marks.extend(boundaries(c));
    }
    let top = marks.iter().copied().fold(at_least.max(Decimal::from(10_000)), Decimal::max) * Decimal::new(15, 1);
    let unit = Decimal::new(1, money::minor_units(&simulated.currency).unwrap_or(2));
    let step = (top / Decimal::from(STEPS)).round_dp(0).max(Decimal::ONE);
    let mut xs: Vec<Decimal> = (0..=STEPS).map(|i| step * Decimal::from(i)).collect();
    for m in &marks {
        xs.push(*m - unit);
        xs.push(*m);
    }
    xs.retain(|x| *x >= Decimal::ZERO);
    xs.sort();
    xs.dedup();
    xs.into_iter()
        .filter_map(|amount| {
            let sim = payout(simulated, period, amount)?;
            Some(CurvePoint { amount, current: current.and_then(|c| payout(c, period, amount)), simulated: sim })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::partner::parse_plan;
    use chrono::NaiveDate;

    fn plan(mode: &str) -> Plan {
        let json = format!(
            r#"{{"schema":1,"name":"t","kind":"partner","effective_from":"2026-01-01","currency":"CNY","base":"gross","trigger":"invoice",
            "rate":{{"tier_mode":"{mode}","tier_over":"period","tiers":[{{"from":"0","to":"100000","rate_pct":"2"}},{{"from":"100000","rate_pct":"5"}}]}}}}"#
        );
        parse_plan(json.as_bytes()).expect("plan")
    }

    fn q3() -> Period {
        Period { from: NaiveDate::from_ymd_opt(2026, 7, 1).expect("d"), to: NaiveDate::from_ymd_opt(2026, 9, 30).expect("d") }
    }

    fn at(points: &[CurvePoint], amount: i64) -> &CurvePoint {
        let x = Decimal::from(amount);
        points.iter().find(|p| p.amount == x).expect("point")
    }

    #[test]
    fn the_retroactive_cliff_is_a_jump_between_two_neighbouring_points_and_marginal_is_not() {
        let retro = curve(&plan("retroactive"), Some(&plan("marginal")), q3(), Decimal::ZERO);
        let below = retro.iter().find(|p| p.amount == Decimal::new(9_999_999, 2)).expect("one cent below");
        assert_eq!(below.simulated, Decimal::new(199_999_998, 5).round_dp(2), "2% of 99,999.99");
        assert_eq!(at(&retro, 100_000).simulated, Decimal::from(5000), "5% of all of it");
        assert_eq!(at(&retro, 100_000).current, Some(Decimal::from(2000)), "marginal: still 2% up to the boundary");
        assert!(retro.windows(2).all(|w| w[0].amount < w[1].amount), "ordered, no duplicates");
        assert!(retro.last().expect("last").amount >= Decimal::from(150_000), "the range runs past the last boundary");
    }
}
