//! Forecast accuracy: what the rolling forecast would have said at the start of each past
//! month, against what was actually won in that month.
//!
//! Past forecasts are reconstructed from the stage history rather than stored, so the
//! figure exists from the first day and cannot be edited after the fact:
//! - the pipeline at the start of month M = the opportunities open then (created before,
//!   not closed by then) whose expected close date falls in M;
//! - each at the default probability of the stage it was in then (初步接触 10 %, 需求确认
//!   25 %, 方案制定 50 %, 商务谈判 75 %), since the probability a user typed is only known for
//!   the current stage; amounts and expected dates are today's (their changes are not kept);
//! - **forecast** = Σ amount × probability / 100, rounded half away from zero to the
//!   currency's minor units; **actual** = the amounts won (closed as 成交) in M;
//! - **accuracy** = 100 − |actual − forecast| / forecast × 100, in percent, one decimal,
//!   floored at 0; `None` when nothing was forecast.

use super::rows::OppRow;
use super::{percent, round1, Period};
use crate::crm::opportunity::Stage;
use crate::money::round_to_minor_units;
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::Serialize;
use std::borrow::Borrow;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct AccuracyRow {
    pub month: String,
    #[ts(type = "string")]
    pub forecast: Decimal,
    #[ts(type = "string")]
    pub actual: Decimal,
    #[ts(type = "string | null")]
    pub accuracy_pct: Option<Decimal>,
}

/// The stage `o` was in at `at`: the last one entered by then.
fn stage_at(o: &OppRow, at: DateTime<Utc>) -> Option<Stage> {
    o.history.iter().rev().find(|(_, entered)| *entered <= at).map(|(s, _)| *s).or((o.created_at <= at).then_some(Stage::Initial))
}

/// The `count` months before the month of `current`, oldest first.
pub(crate) fn months_before(current: &Period, count: usize) -> Vec<Period> {
    let Some(this_month) = Period::month_of(current.start) else { return Vec::new() };
    this_month.trailing(count + 1).into_iter().take(count).collect()
}

/// What a deal at `stage` adds to a past month's forecast (open stages only).
pub(crate) fn expected(amount: Decimal, stage: Stage) -> Option<Decimal> {
    (!matches!(stage, Stage::Won | Stage::Lost)).then(|| amount.max(Decimal::ZERO) * stage.default_probability_pct() / Decimal::ONE_HUNDRED)
}

/// The `count` months before `current` (oldest first), each as forecast at its start.
pub fn backtest<O: Borrow<OppRow>>(opps: &[O], current: &Period, count: usize, currency: &str) -> Vec<AccuracyRow> {
    months_before(current, count)
        .iter()
        .map(|m| {
            let start = m.start.and_time(chrono::NaiveTime::MIN).and_utc();
            let mut forecast = Decimal::ZERO;
            let mut actual = Decimal::ZERO;
            for o in opps.iter().map(Borrow::borrow) {
                if o.open_at(start) && o.expected_close.is_some_and(|d| m.contains_date(d)) {
                    if let Some(e) = stage_at(o, start).and_then(|s| expected(o.amount, s)) {
                        forecast += e;
                    }
                }
                if o.stage == Stage::Won && o.closed_at().is_some_and(|c| m.contains(c)) {
                    actual += o.amount;
                }
            }
            row(m, forecast, actual, currency)
        })
        .collect()
}

/// A month's row from its unrounded forecast and what was won.
pub(crate) fn row(m: &Period, forecast: Decimal, actual: Decimal, currency: &str) -> AccuracyRow {
    let forecast = round_to_minor_units(forecast, currency);
    let accuracy_pct = percent((actual - forecast).abs(), forecast).map(|miss| round1((Decimal::ONE_HUNDRED - miss).max(Decimal::ZERO)));
    AccuracyRow { month: m.label(), forecast, actual, accuracy_pct }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::funnel::tests::opp;
    use Stage::{Initial as I, Proposal as P, Qualified as Q, Won as W};

    fn month(s: &str) -> Period {
        Period::parse(s).expect("period")
    }

    #[test]
    fn the_forecast_uses_the_stage_each_deal_was_in_at_the_start_of_the_month() {
        // Day 0 is 2026-01-01; February starts on day 31.
        // a: in proposal since day 10 → 50 % of 1,000 = 500 forecast for February; won on day 40.
        let mut a = opp("a", 1000, &[(I, 0), (Q, 5), (P, 10), (W, 40)]);
        a.expected_close = chrono::NaiveDate::from_ymd_opt(2026, 2, 20);
        // b: only in initial contact at the start of February → 10 % of 2,000 = 200; still open.
        let mut b = opp("b", 2000, &[(I, 20), (Q, 35)]);
        b.expected_close = chrono::NaiveDate::from_ymd_opt(2026, 2, 28);
        // c: created after February began: not in February's forecast.
        let mut c = opp("c", 5000, &[(I, 32)]);
        c.expected_close = chrono::NaiveDate::from_ymd_opt(2026, 2, 28);
        let rows = backtest(&[a, b, c], &month("2026-03"), 2, "CNY");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].month, "2026-01");
        let feb = &rows[1];
        assert_eq!(feb.month, "2026-02");
        assert_eq!(feb.forecast, Decimal::new(70000, 2));
        assert_eq!(feb.actual, Decimal::from(1000));
        // |1000 − 700| / 700 = 42.857 % off → 57.1 % accurate.
        assert_eq!(feb.accuracy_pct, Some(Decimal::new(571, 1)));
    }

    #[test]
    fn nothing_forecast_gives_no_accuracy() {
        let rows = backtest::<OppRow>(&[], &month("2026-03"), 3, "CNY");
        assert_eq!(rows.iter().map(|r| r.month.as_str()).collect::<Vec<_>>(), ["2025-12", "2026-01", "2026-02"]);
        assert!(rows.iter().all(|r| r.accuracy_pct.is_none() && r.forecast.is_zero()));
    }
}
