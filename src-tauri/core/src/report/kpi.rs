//! The dashboard's KPIs for a period, the change from the period before and their trend:
//! win rate (签约率), average deal size (平均客单价), sales cycle, new customers, open
//! pipeline and its coverage of the remaining target.
//!
//! Rules:
//! - An opportunity **closes** when it last entered 成交 (won) or 输单 (lost); closed-in-period
//!   figures use that date. **Win rate** = won / (won + lost) closed in the period.
//! - **Average deal size** = won amount / won count, rounded half away from zero to the
//!   currency's minor units.
//! - **Sales cycle** = median days from creation to winning, of the deals won in the period,
//!   rounded half away from zero to one decimal.
//! - **New customers** = customer records created in the period.
//! - **Open pipeline** = the current amounts of the opportunities open at the period's end
//!   (created before it, not closed by then), so past periods are reconstructed from the
//!   stage history; amounts are today's (amount changes are not kept).
//! - **Pipeline coverage** = open pipeline / (target − won amount), a multiple rounded to two
//!   decimals; only with a target and while something of it remains.
//! - Percentages: one decimal, half away from zero; the win-rate change is in points.

use super::rows::{self, CustomerRow, OppRow, Scope};
use super::{days_between, median, percent, round1, Period};
use crate::crm::opportunity::Stage;
use crate::money::round_to_minor_units;
use crate::CoreResult;
use chrono::{DateTime, Utc};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use ts_rs::TS;
use sqlx::SqliteConnection;
use std::borrow::Borrow;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Kpis {
    pub period: String,
    pub won_count: u32,
    pub lost_count: u32,
    #[ts(type = "string | null")]
    pub win_rate_pct: Option<Decimal>,
    #[ts(type = "string")]
    pub won_amount: Decimal,
    #[ts(type = "string | null")]
    pub average_deal_size: Option<Decimal>,
    #[ts(type = "string | null")]
    pub sales_cycle_days: Option<Decimal>,
    pub new_customers: u32,
    pub open_count: u32,
    #[ts(type = "string")]
    pub open_pipeline: Decimal,
    #[ts(type = "string | null")]
    pub target: Option<Decimal>,
    #[ts(type = "string | null")]
    pub pipeline_coverage: Option<Decimal>,
}

/// Current minus previous; `None` where either side has no value.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct KpiChange {
    #[ts(type = "number")]
    pub won_count: i64,
    #[ts(type = "number")]
    pub lost_count: i64,
    #[ts(type = "string | null")]
    pub win_rate_pts: Option<Decimal>,
    #[ts(type = "string")]
    pub won_amount: Decimal,
    #[ts(type = "string | null")]
    pub average_deal_size: Option<Decimal>,
    #[ts(type = "string | null")]
    pub sales_cycle_days: Option<Decimal>,
    #[ts(type = "number")]
    pub new_customers: i64,
    #[ts(type = "string")]
    pub open_pipeline: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct KpiReport {
    pub currency: String,
    pub current: Kpis,
    pub previous: Option<Kpis>,
    pub change: Option<KpiChange>,
    /// The last periods up to and including the current one, oldest first.
    pub trend: Vec<Kpis>,
}

fn instant(d: chrono::NaiveDate) -> DateTime<Utc> {
    d.and_time(chrono::NaiveTime::MIN).and_utc()
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// What the KPIs of a period count, before ratios are derived (shared with the snapshot's
/// fast path).
#[derive(Debug, Clone, Default)]
pub(crate) struct Tally {
    pub won: u32,
    pub lost: u32,
    pub won_amount: Decimal,
    /// Median days from creation to winning (not rounded).
    pub cycle_days: Option<Decimal>,
    pub new_customers: u32,
    pub open: u32,
    pub open_pipeline: Decimal,
}

/// The KPIs of `period` over `opps` (scope already applied) and the creation times of the
/// customers in scope. `target`: the period's revenue target, for the coverage.
pub fn compute<O: Borrow<OppRow>>(period: &Period, opps: &[O], customers_created: &[DateTime<Utc>], currency: &str, target: Option<Decimal>) -> Kpis {
    let closed_in = |stage: Stage| -> Vec<&OppRow> {
        opps.iter().map(Borrow::borrow).filter(|o| o.stage == stage && o.closed_at().is_some_and(|c| period.contains(c))).collect()
    };
    let (won, lost) = (closed_in(Stage::Won), closed_in(Stage::Lost));
    let mut cycles: Vec<Decimal> = won.iter().filter_map(|o| o.closed_at().map(|c| days_between(o.created_at, c))).collect();
    let end = instant(period.end);
    let open: Vec<&OppRow> = opps.iter().map(Borrow::borrow).filter(|o| o.open_at(end)).collect();
    let tally = Tally {
        won: count(won.len()),
        lost: count(lost.len()),
        won_amount: won.iter().map(|o| o.amount).sum(),
        cycle_days: median(&mut cycles),
        new_customers: count(customers_created.iter().filter(|c| period.contains(**c)).count()),
        open: count(open.len()),
        open_pipeline: open.iter().map(|o| o.amount).sum(),
    };
    assemble(period, &tally, currency, target)
}

/// Win rate, average deal size, cycle and coverage from the counts.
pub(crate) fn assemble(period: &Period, t: &Tally, currency: &str, target: Option<Decimal>) -> Kpis {
    let remaining = target.map(|v| v - t.won_amount).filter(|r| *r > Decimal::ZERO);
    Kpis {
        period: period.label(),
        won_count: t.won,
        lost_count: t.lost,
        win_rate_pct: percent(Decimal::from(t.won), Decimal::from(t.won) + Decimal::from(t.lost)),
        won_amount: t.won_amount,
        average_deal_size: (t.won > 0).then(|| round_to_minor_units(t.won_amount / Decimal::from(t.won), currency)),
        sales_cycle_days: t.cycle_days.map(round1),
        new_customers: t.new_customers,
        open_count: t.open,
        open_pipeline: t.open_pipeline,
        target,
        pipeline_coverage: remaining
            .and_then(|r| t.open_pipeline.checked_div(r))
            .map(|c| c.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)),
    }
}

fn delta(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    Some(a? - b?)
}

/// `current` − `previous`.
pub fn change(current: &Kpis, previous: &Kpis) -> KpiChange {
    KpiChange {
        won_count: i64::from(current.won_count) - i64::from(previous.won_count),
        lost_count: i64::from(current.lost_count) - i64::from(previous.lost_count),
        win_rate_pts: delta(current.win_rate_pct, previous.win_rate_pct),
        won_amount: current.won_amount - previous.won_amount,
        average_deal_size: delta(current.average_deal_size, previous.average_deal_size),
        sales_cycle_days: delta(current.sales_cycle_days, previous.sales_cycle_days),
        new_customers: i64::from(current.new_customers) - i64::from(previous.new_customers),
        open_pipeline: current.open_pipeline - previous.open_pipeline,
    }
}

/// The report over already-loaded rows: `period`, the one before, and `trend_len` periods
/// of trend (at least the current one).
pub fn report<O: Borrow<OppRow>>(period: &Period, opps: &[O], customers: &[CustomerRow], currency: &str, target: Option<Decimal>, trend_len: usize) -> KpiReport {
    let created: Vec<DateTime<Utc>> = customers.iter().map(|c| c.created_at).collect();
    report_with(period, currency, target, trend_len, |p, target| compute(p, opps, &created, currency, target))
}

/// The periods a KPI report needs: the trend (oldest first, ending with `period`) and the
/// period before `period`.
pub(crate) fn periods(period: &Period, trend_len: usize) -> (Vec<Period>, Option<Period>) {
    (period.trailing(trend_len.max(1)), period.previous())
}

/// Assembles the report from `kpis_of(period, target)`, asked once per distinct period.
pub(crate) fn report_with(period: &Period, currency: &str, target: Option<Decimal>, trend_len: usize, mut kpis_of: impl FnMut(&Period, Option<Decimal>) -> Kpis) -> KpiReport {
    let (trailing, previous) = periods(period, trend_len);
    let current = kpis_of(period, target);
    let previous = previous.map(|p| kpis_of(&p, None));
    let trend = trailing
        .iter()
        .map(|p| match &previous {
            _ if p == period => current.clone(),
            Some(prev) if prev.period == p.label() => prev.clone(),
            _ => kpis_of(p, None),
        })
        .collect();
    KpiReport { currency: currency.to_string(), change: previous.as_ref().map(|p| change(&current, p)), current, previous, trend }
}

/// Loads the rows of `scope` and computes [`report`].
pub async fn load(conn: &mut SqliteConnection, period: &Period, scope: &Scope, target: Option<Decimal>, trend_len: usize) -> CoreResult<KpiReport> {
    let opps = rows::load_opportunities(conn, scope).await?;
    let customers = rows::load_customers(conn, scope).await?;
    Ok(report(period, &opps, &customers, &scope.currency, target, trend_len))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::funnel::tests::{day, opp};
    use Stage::{Initial as I, Lost as L, Negotiation as N, Proposal as P, Qualified as Q, Won as W};

    fn dec(s: &str) -> Decimal {
        s.parse().expect("decimal")
    }

    /// Days are counted from 2026-01-01 (day 0); Q1 is days 0–89, Q2 days 90–180.
    fn sample() -> Vec<OppRow> {
        vec![
            opp("won-q1", 1000, &[(I, 0), (Q, 5), (W, 30)]),
            opp("won-q2-a", 3000, &[(I, 10), (P, 40), (W, 100)]),
            opp("won-q2-b", 2001, &[(I, 50), (N, 60), (W, 120)]),
            opp("lost-q2", 500, &[(I, 20), (L, 95)]),
            opp("lost-q1", 700, &[(I, 1), (L, 60)]),
            opp("open", 4000, &[(I, 70), (Q, 80)]),
            opp("later", 900, &[(I, 200)]),
        ]
    }

    #[test]
    fn win_rate_deal_size_cycle_and_pipeline_match_the_hand_count() {
        let q2 = Period::parse("2026-Q2").expect("q2");
        let customers = [day(-5), day(91), day(100), day(181)];
        let k = compute(&q2, &sample(), &customers, "CNY", Some(Decimal::from(10_000)));
        assert_eq!((k.won_count, k.lost_count), (2, 1));
        assert_eq!(k.win_rate_pct, Some(dec("66.7")));
        assert_eq!(k.won_amount, Decimal::from(5001));
        assert_eq!(k.average_deal_size, Some(dec("2500.50")));
        // cycles: 100 − 10 = 90, 120 − 50 = 70 → median 80
        assert_eq!(k.sales_cycle_days, Some(dec("80.0")));
        assert_eq!(k.new_customers, 2);
        // open at 2026-07-01: only "open" (4000); "later" is created after the end.
        assert_eq!((k.open_count, k.open_pipeline), (1, Decimal::from(4000)));
        // 4000 / (10000 − 5001) = 0.80016… → 0.80
        assert_eq!(k.pipeline_coverage, Some(dec("0.80")));
    }

    #[test]
    fn the_previous_period_is_reconstructed_from_the_history() {
        let q1 = Period::parse("2026-Q1").expect("q1");
        let k = compute(&q1, &sample(), &[], "CNY", None);
        assert_eq!((k.won_count, k.lost_count, k.win_rate_pct), (1, 1, Some(dec("50.0"))));
        // open at 2026-04-01: won-q2-a, won-q2-b, lost-q2, open
        assert_eq!((k.open_count, k.open_pipeline), (4, Decimal::from(3000 + 2001 + 500 + 4000)));
        assert_eq!(k.pipeline_coverage, None);
    }

    #[test]
    fn the_report_has_the_change_and_a_trend_oldest_first() {
        let q2 = Period::parse("2026-Q2").expect("q2");
        let r = report(&q2, &sample(), &[], "CNY", None, 3);
        let labels: Vec<&str> = r.trend.iter().map(|k| k.period.as_str()).collect();
        assert_eq!(labels, ["2025-Q4", "2026-Q1", "2026-Q2"]);
        let change = r.change.expect("change");
        assert_eq!(change.win_rate_pts, Some(dec("16.7")));
        assert_eq!(change.won_amount, Decimal::from(4001));
        assert_eq!(change.won_count, 1);
        assert_eq!(r.trend[0].win_rate_pct, None, "no closed deals in 2025-Q4");
    }

    #[test]
    fn no_target_or_a_met_target_gives_no_coverage() {
        let q2 = Period::parse("2026-Q2").expect("q2");
        assert_eq!(compute(&q2, &sample(), &[], "CNY", Some(Decimal::from(5001))).pipeline_coverage, None);
    }
}
