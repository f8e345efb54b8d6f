//! Customer economics for the KPI row: CAC and LTV, with the formulas the window shows.
//!
//! - **CAC** (获客成本) = (marketing cost + sales cost of the period) / new customers of the
//!   period (customer records created in it); `None` without costs or new customers.
//! - **Annual revenue per customer** = revenue won in the 12 months ending with the period /
//!   the customers with a deal won in those months.
//! - **LTV** (客户终身价值) = annual revenue per customer × expected customer lifetime in years
//!   (a dashboard setting, 3 by default). Revenue, not margin: opportunities carry no cost.
//! - **LTV : CAC** = LTV / CAC, two decimals.
//!
//! Money is rounded half away from zero to the currency's minor units, once, at the end.

use super::rows::OppRow;
use super::targets::Costs;
use super::Period;
use crate::crm::opportunity::Stage;
use crate::money::round_to_minor_units;
use chrono::Months;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use std::borrow::Borrow;
use std::collections::HashSet;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Economics {
    #[ts(type = "string | null")]
    pub marketing_cost: Option<Decimal>,
    #[ts(type = "string | null")]
    pub sales_cost: Option<Decimal>,
    pub new_customers: u32,
    #[ts(type = "string | null")]
    pub cac: Option<Decimal>,
    #[ts(type = "string | null")]
    pub annual_revenue_per_customer: Option<Decimal>,
    #[ts(type = "string")]
    pub lifetime_years: Decimal,
    #[ts(type = "string | null")]
    pub ltv: Option<Decimal>,
    #[ts(type = "string | null")]
    pub ltv_to_cac: Option<Decimal>,
}

pub fn default_lifetime_years() -> Decimal {
    Decimal::from(3)
}

/// The 12 months ending with `period`, as dates [start, end).
pub(crate) fn window(period: &Period) -> (chrono::NaiveDate, chrono::NaiveDate) {
    (period.end.checked_sub_months(Months::new(12)).unwrap_or(period.start), period.end)
}

/// See the module header. `new_customers` comes from the KPIs, so both show the same count.
pub fn compute<O: Borrow<OppRow>>(period: &Period, opps: &[O], costs: Option<Costs>, new_customers: u32, lifetime_years: Decimal, currency: &str) -> Economics {
    let (start, end) = window(period);
    let mut revenue = Decimal::ZERO;
    let mut buyers = HashSet::new();
    for o in opps.iter().map(Borrow::borrow).filter(|o| o.stage == Stage::Won) {
        if o.closed_at().is_some_and(|c| c.date_naive() >= start && c.date_naive() < end) {
            revenue += o.amount;
            buyers.insert(o.customer_id.as_str());
        }
    }
    assemble(revenue, buyers.len(), costs, new_customers, lifetime_years, currency)
}

/// CAC, LTV and their ratio from the window's won revenue and its number of buyers.
pub(crate) fn assemble(revenue: Decimal, buyers: usize, costs: Option<Costs>, new_customers: u32, lifetime_years: Decimal, currency: &str) -> Economics {
    let spend = costs.map(|c| c.marketing + c.sales);
    let cac = spend.filter(|_| new_customers > 0).map(|s| round_to_minor_units(s / Decimal::from(new_customers), currency));
    let per_customer = (buyers > 0).then(|| revenue / Decimal::from(buyers));
    let ltv = per_customer.map(|r| round_to_minor_units(r * lifetime_years, currency));
    Economics {
        marketing_cost: costs.map(|c| c.marketing),
        sales_cost: costs.map(|c| c.sales),
        new_customers,
        cac,
        annual_revenue_per_customer: per_customer.map(|r| round_to_minor_units(r, currency)),
        lifetime_years,
        ltv_to_cac: ltv
            .zip(cac)
            .and_then(|(l, c)| l.checked_div(c))
            .map(|r| r.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)),
        ltv,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::funnel::tests::opp;
    use Stage::{Initial as I, Won as W};

    #[test]
    fn cac_and_ltv_follow_the_formulas_shown() {
        // Day 0 is 2026-01-01; Q1 ends on day 90. Two customers won 3,000 and 1,000 in the last
        // 12 months: 2,000 a customer a year × 3 years = LTV 6,000. Costs 5,000 + 1,000 for
        // 4 new customers = CAC 1,500; LTV : CAC = 4.00.
        let mut a = opp("a", 3000, &[(I, 0), (W, 20)]);
        a.customer_id = "x".into();
        let mut b = opp("b", 1000, &[(I, 0), (W, 60)]);
        b.customer_id = "y".into();
        let open = opp("c", 9000, &[(I, 10)]);
        let period = Period::parse("2026-Q1").expect("period");
        let costs = Costs { marketing: Decimal::from(5000), sales: Decimal::from(1000) };
        let e = compute(&period, &[a, b, open], Some(costs), 4, default_lifetime_years(), "CNY");
        assert_eq!(e.cac, Some(Decimal::new(150000, 2)));
        assert_eq!(e.annual_revenue_per_customer, Some(Decimal::new(200000, 2)));
        assert_eq!(e.ltv, Some(Decimal::new(600000, 2)));
        assert_eq!(e.ltv_to_cac, Some(Decimal::new(400, 2)));
    }

    #[test]
    fn without_costs_or_new_customers_there_is_no_cac() {
        let period = Period::parse("2026-Q1").expect("period");
        let none = compute::<OppRow>(&period, &[], None, 3, default_lifetime_years(), "CNY");
        assert_eq!((none.cac, none.ltv, none.ltv_to_cac), (None, None, None));
        let costs = Costs { marketing: Decimal::ONE, sales: Decimal::ONE };
        assert_eq!(compute::<OppRow>(&period, &[], Some(costs), 0, default_lifetime_years(), "CNY").cac, None);
    }
}
