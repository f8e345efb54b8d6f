//! The sales funnel (销售漏斗): for opportunities created in a period, how many reached each
//! stage (初步接触 → 需求确认 → 方案制定 → 商务谈判 → 成交), the conversion from stage to stage
//! and from the first stage, the drop-off, the median days spent in each stage, and the
//! bottleneck against editable benchmark conversion rates.
//!
//! Rules:
//! - **Reached**: an opportunity reached a stage when its history (or current stage) holds
//!   that stage or a later one; one in negotiation has passed initial, qualified and
//!   proposal. A lost opportunity reached the furthest stage it entered before it was lost.
//! - **Amount** of a stage: the sum of the current amounts of the opportunities that reached
//!   it; `current_*` are the opportunities in that stage now.
//! - **Conversion**: exact ratios of reached counts, shown in percent rounded half away from
//!   zero to one decimal (`None` when the earlier stage was reached by none).
//! - **Drop-off**: reached(this stage) − reached(next stage); none after 成交.
//! - **Days in stage**: from entering the stage to entering the next recorded one. Only
//!   finished stays count (the stage an opportunity is in now has no end yet); the median is
//!   rounded half away from zero to one decimal.
//! - **Bottleneck**: the step with the lowest actual / benchmark step conversion, where the
//!   benchmark step conversion is industry[i+1] / industry[i]; ties go to the earlier stage.
//!   Steps whose stage was reached by none are skipped.

use super::rows::{self, OppRow, Scope};
use super::{days_between, median, percent, round1, Period};
use crate::crm::opportunity::Stage;
use crate::error::FieldCode;
use crate::validate::Checker;
use crate::CoreResult;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use sqlx::SqliteConnection;
use std::borrow::Borrow;

/// The funnel's stages in order; lost is reported beside them.
pub const STAGES: [Stage; 5] = [Stage::Initial, Stage::Qualified, Stage::Proposal, Stage::Negotiation, Stage::Won];

/// Share of the first stage expected to reach each stage, in percent (100 → 40 → 25 → 12 → 5).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Benchmarks {
    #[ts(type = "Array<string>")]
    pub industry: [Decimal; 5],
    #[ts(type = "Array<string>")]
    pub top: [Decimal; 5],
}

impl Default for Benchmarks {
    fn default() -> Self {
        let d = |v: [i64; 5]| v.map(Decimal::from);
        Self { industry: d([100, 40, 25, 12, 5]), top: d([100, 60, 40, 25, 15]) }
    }
}

impl Benchmarks {
    /// Each line: five percentages in 0–100, the first above zero, never rising.
    pub fn check(&self) -> CoreResult<()> {
        let mut c = Checker::new();
        for (field, line) in [("industry", &self.industry), ("top", &self.top)] {
            let rising = line.windows(2).any(|w| w[1] > w[0]);
            if line[0] <= Decimal::ZERO || line.iter().any(|v| *v < Decimal::ZERO || *v > Decimal::ONE_HUNDRED) {
                c.fail(field, FieldCode::OutOfRange, "every rate must be between 0 and 100, the first above 0");
            } else if rising {
                c.fail(field, FieldCode::OutOfRange, "rates must not rise from one stage to the next");
            }
        }
        c.finish()
    }

    /// Parses `100,40,25,12,5` (a trailing `%` per value is accepted) for the line `field`.
    pub fn parse_line(field: &str, text: &str) -> CoreResult<[Decimal; 5]> {
        let mut c = Checker::new();
        let parts: Vec<&str> = text.split(',').collect();
        if parts.len() != 5 {
            c.fail(field, FieldCode::InvalidNumber, "needs five comma-separated percentages (100,40,25,12,5)");
            return Err(c.finish().err().unwrap_or_else(|| crate::CoreError::BadRequest(format!("{field}: needs five percentages"))));
        }
        let mut out = [Decimal::ZERO; 5];
        for (slot, part) in out.iter_mut().zip(parts) {
            *slot = c.percent(field, part).unwrap_or_default();
        }
        c.finish()?;
        Ok(out)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct FunnelStage {
    pub stage: Stage,
    pub label_zh: &'static str,
    pub reached_count: u32,
    #[ts(type = "string")]
    pub reached_amount: Decimal,
    pub current_count: u32,
    #[ts(type = "string")]
    pub current_amount: Decimal,
    #[ts(type = "string | null")]
    pub conversion_from_previous_pct: Option<Decimal>,
    #[ts(type = "string | null")]
    pub conversion_from_first_pct: Option<Decimal>,
    /// Reached this stage but not the next; `None` for 成交.
    pub drop_off: Option<u32>,
    #[ts(type = "string | null")]
    pub median_days_in_stage: Option<Decimal>,
    /// Finished stays the median is taken over.
    pub stays: u32,
    #[ts(type = "string")]
    pub industry_pct: Decimal,
    #[ts(type = "string")]
    pub top_pct: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Funnel {
    pub period: String,
    pub currency: String,
    pub stages: Vec<FunnelStage>,
    pub lost_count: u32,
    #[ts(type = "string")]
    pub lost_amount: Decimal,
    /// The stage whose step to the next converts worst against the industry benchmark.
    pub bottleneck: Option<Stage>,
    pub benchmarks: Benchmarks,
}

pub(crate) fn index(stage: Stage) -> Option<usize> {
    STAGES.iter().position(|s| *s == stage)
}

/// How far down the funnel an opportunity got (index into `STAGES`).
pub(crate) fn furthest(o: &OppRow) -> usize {
    o.history.iter().map(|(s, _)| *s).chain(std::iter::once(o.stage)).filter_map(index).max().unwrap_or(0)
}

/// What the funnel counts, before rates are derived (shared with the snapshot's fast path).
#[derive(Debug, Clone, Default)]
pub(crate) struct Tally {
    pub reached: [u32; 5],
    pub reached_amount: [Decimal; 5],
    pub current: [u32; 5],
    pub current_amount: [Decimal; 5],
    /// Median finished stay per stage in days (not rounded) and how many stays it is over.
    pub median_days: [Option<Decimal>; 5],
    pub stays: [u32; 5],
    pub lost_count: u32,
    pub lost_amount: Decimal,
}

/// The funnel of `opps` (already narrowed to the period and scope).
pub fn compute<O: Borrow<OppRow>>(opps: &[O], benchmarks: &Benchmarks) -> Funnel {
    let mut t = Tally::default();
    let mut stays: [Vec<Decimal>; 5] = Default::default();
    for o in opps.iter().map(Borrow::borrow) {
        for i in 0..=furthest(o) {
            t.reached[i] += 1;
            t.reached_amount[i] += o.amount;
        }
        match index(o.stage) {
            Some(i) => {
                t.current[i] += 1;
                t.current_amount[i] += o.amount;
            }
            None => {
                t.lost_count += 1;
                t.lost_amount += o.amount;
            }
        }
        for pair in o.history.windows(2) {
            if let (Some(i), (_, left)) = (index(pair[0].0), pair[1]) {
                stays[i].push(days_between(pair[0].1, left));
            }
        }
    }
    for (i, s) in stays.iter_mut().enumerate() {
        t.stays[i] = u32::try_from(s.len()).unwrap_or(u32::MAX);
        t.median_days[i] = median(s);
    }
    assemble(&t, benchmarks)
}

/// Rates, drop-off, medians rounded and the bottleneck from the counts.
pub(crate) fn assemble(t: &Tally, benchmarks: &Benchmarks) -> Funnel {
    let count = |n: u32| Decimal::from(n);
    let reached = &t.reached;
    let stages = STAGES
        .iter()
        .enumerate()
        .map(|(i, stage)| FunnelStage {
            stage: *stage,
            label_zh: stage.label_zh(),
            reached_count: reached[i],
            reached_amount: t.reached_amount[i],
            current_count: t.current[i],
            current_amount: t.current_amount[i],
            conversion_from_previous_pct: if i == 0 { percent(count(reached[0]), count(reached[0])) } else { percent(count(reached[i]), count(reached[i - 1])) },
            conversion_from_first_pct: percent(count(reached[i]), count(reached[0])),
            drop_off: (i + 1 < STAGES.len()).then(|| reached[i].saturating_sub(reached[i + 1])),
            median_days_in_stage: t.median_days[i].map(round1),
            stays: t.stays[i],
            industry_pct: benchmarks.industry[i],
            top_pct: benchmarks.top[i],
        })
        .collect();
    Funnel {
        period: String::new(),
        currency: String::new(),
        stages,
        lost_count: t.lost_count,
        lost_amount: t.lost_amount,
        bottleneck: bottleneck(reached, benchmarks),
        benchmarks: benchmarks.clone(),
    }
}

/// The step i → i+1 with the lowest (actual step conversion / benchmark step conversion).
fn bottleneck(reached: &[u32; 5], benchmarks: &Benchmarks) -> Option<Stage> {
    let mut worst: Option<(usize, Decimal)> = None;
    for i in 0..STAGES.len() - 1 {
        let (from, to) = (benchmarks.industry[i], benchmarks.industry[i + 1]);
        if reached[i] == 0 || from.is_zero() || to.is_zero() {
            continue;
        }
        let actual = Decimal::from(reached[i + 1]) / Decimal::from(reached[i]);
        let Some(score) = to.checked_div(from).and_then(|bench| actual.checked_div(bench)) else { continue };
        if worst.is_none_or(|(_, w)| score < w) {
            worst = Some((i, score));
        }
    }
    worst.map(|(i, _)| STAGES[i])
}

/// The funnel of the opportunities created in `period` within `scope`.
pub async fn load(conn: &mut SqliteConnection, period: &Period, scope: &Scope, benchmarks: &Benchmarks) -> CoreResult<Funnel> {
    benchmarks.check()?;
    let opps: Vec<OppRow> = rows::load_opportunities(conn, scope).await?.into_iter().filter(|o| period.contains(o.created_at)).collect();
    Ok(Funnel { period: period.label(), currency: scope.currency.clone(), ..compute(&opps, benchmarks) })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use chrono::{DateTime, TimeZone, Utc};

    pub(crate) fn day(n: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).single().expect("date") + chrono::Duration::days(n)
    }

    /// An opportunity that walked `path` (stage, day entered), now in its last stage.
    pub(crate) fn opp(id: &str, amount: i64, path: &[(Stage, i64)]) -> OppRow {
        let history: Vec<(Stage, DateTime<Utc>)> = path.iter().map(|(s, d)| (*s, day(*d))).collect();
        OppRow {
            id: id.into(),
            customer_id: "c".into(),
            stage: history.last().map_or(Stage::Initial, |h| h.0),
            amount: Decimal::from(amount),
            probability_pct: Decimal::ZERO,
            expected_close: None,
            created_at: history.first().map_or(day(0), |h| h.1),
            history,
        }
    }

    fn dec(s: &str) -> Decimal {
        s.parse().expect("decimal")
    }

    use Stage::{Initial as I, Lost as L, Negotiation as N, Proposal as P, Qualified as Q, Won as W};

    /// Ten opportunities, checked by hand:
    /// reached I 10, Q 6, P 4, N 3, W 2; lost 3 (after initial, qualified and negotiation).
    fn sample() -> Vec<OppRow> {
        vec![
            opp("1", 100, &[(I, 0)]),
            opp("2", 100, &[(I, 0)]),
            opp("3", 100, &[(I, 0)]),
            opp("4", 100, &[(I, 0), (L, 4)]),
            opp("5", 200, &[(I, 0), (Q, 2)]),
            opp("6", 200, &[(I, 0), (Q, 4), (L, 10)]),
            opp("7", 300, &[(I, 0), (Q, 6), (P, 9)]),
            opp("8", 400, &[(I, 0), (Q, 1), (P, 3), (N, 10), (L, 20)]),
            opp("9", 500, &[(I, 0), (Q, 3), (P, 5), (N, 6), (W, 30)]),
            opp("10", 600, &[(I, 0), (Q, 5), (P, 8), (N, 12), (W, 13)]),
        ]
    }

    #[test]
    fn counts_amounts_conversions_and_drop_off_match_the_hand_count() {
        let f = compute(&sample(), &Benchmarks::default());
        let reached: Vec<u32> = f.stages.iter().map(|s| s.reached_count).collect();
        assert_eq!(reached, [10, 6, 4, 3, 2]);
        let amounts: Vec<Decimal> = f.stages.iter().map(|s| s.reached_amount).collect();
        assert_eq!(amounts, [2600, 2200, 1800, 1500, 1100].map(Decimal::from));
        let current: Vec<u32> = f.stages.iter().map(|s| s.current_count).collect();
        assert_eq!(current, [3, 1, 1, 0, 2]);
        assert_eq!((f.lost_count, f.lost_amount), (3, Decimal::from(700)));
        let prev: Vec<Option<Decimal>> = f.stages.iter().map(|s| s.conversion_from_previous_pct).collect();
        // 6/10, 4/6 = 66.666… → 66.7, 3/4, 2/3 = 66.666… → 66.7
        assert_eq!(prev, [Some(dec("100.0")), Some(dec("60.0")), Some(dec("66.7")), Some(dec("75.0")), Some(dec("66.7"))]);
        let first: Vec<Option<Decimal>> = f.stages.iter().map(|s| s.conversion_from_first_pct).collect();
        assert_eq!(first, [Some(dec("100.0")), Some(dec("60.0")), Some(dec("40.0")), Some(dec("30.0")), Some(dec("20.0"))]);
        let drop: Vec<Option<u32>> = f.stages.iter().map(|s| s.drop_off).collect();
        assert_eq!(drop, [Some(4), Some(2), Some(1), Some(1), None]);
    }

    #[test]
    fn median_days_count_finished_stays_only() {
        let f = compute(&sample(), &Benchmarks::default());
        // initial stays: 4 (→lost), 2, 4, 6, 1, 3, 5 → sorted 1 2 3 4 4 5 6 → 4
        // qualified: 6 (→lost), 3, 2, 2, 3 → 3; proposal: 7, 1, 4 → 4; negotiation: 10, 24, 1 → 10
        let days: Vec<Option<Decimal>> = f.stages.iter().map(|s| s.median_days_in_stage).collect();
        assert_eq!(days, [Some(dec("4.0")), Some(dec("3.0")), Some(dec("4.0")), Some(dec("10.0")), None]);
        let stays: Vec<u32> = f.stages.iter().map(|s| s.stays).collect();
        assert_eq!(stays, [7, 5, 3, 3, 0]);
    }

    #[test]
    fn an_even_number_of_stays_takes_the_mean_of_the_middle_two_rounded_to_one_decimal() {
        let mut o = opp("1", 1, &[(I, 0), (Q, 1)]);
        o.history[1].1 = day(1) + chrono::Duration::hours(3); // 1.125 days
        let f = compute(&[o, opp("2", 1, &[(I, 0), (Q, 2)])], &Benchmarks::default());
        // (1.125 + 2) / 2 = 1.5625 → 1.6
        assert_eq!(f.stages[0].median_days_in_stage, Some(dec("1.6")));
    }

    #[test]
    fn the_bottleneck_is_the_step_furthest_below_the_benchmark() {
        // Actual / benchmark step: I→Q 60/40 = 1.5, Q→P 66.7/62.5 = 1.07, P→N 75/48 = 1.56,
        // N→W 66.7/41.7 = 1.6: qualified → proposal converts worst, so qualified is named.
        assert_eq!(compute(&sample(), &Benchmarks::default()).bottleneck, Some(Stage::Qualified));
        // Nobody past initial: the first step is the bottleneck; later steps have no data.
        assert_eq!(compute(&[opp("1", 1, &[(I, 0)])], &Benchmarks::default()).bottleneck, Some(Stage::Initial));
        assert_eq!(compute::<OppRow>(&[], &Benchmarks::default()).bottleneck, None);
    }

    #[test]
    fn an_empty_funnel_has_no_rates() {
        let f = compute::<OppRow>(&[], &Benchmarks::default());
        assert!(f.stages.iter().all(|s| s.reached_count == 0 && s.conversion_from_previous_pct.is_none() && s.median_days_in_stage.is_none()));
    }

    #[test]
    fn reached_counts_never_rise_down_the_funnel() {
        let f = compute(&sample(), &Benchmarks::default());
        assert!(f.stages.windows(2).all(|w| w[0].reached_count >= w[1].reached_count));
    }

    #[test]
    fn benchmarks_are_checked_and_parsed_naming_the_line() {
        assert!(Benchmarks::default().check().is_ok());
        let rising = Benchmarks { industry: [100, 40, 50, 12, 5].map(Decimal::from), ..Benchmarks::default() };
        assert!(matches!(rising.check(), Err(crate::CoreError::Validation(e)) if e[0].field == "industry"));
        assert_eq!(Benchmarks::parse_line("top", "100,60%,40,25,15").expect("line"), [100, 60, 40, 25, 15].map(Decimal::from));
        assert!(matches!(Benchmarks::parse_line("top", "100,60"), Err(crate::CoreError::Validation(e)) if e[0].field == "top"));
        assert!(matches!(Benchmarks::parse_line("top", "100,x,1,1,1"), Err(crate::CoreError::Validation(e)) if e[0].field == "top"));
    }
}
