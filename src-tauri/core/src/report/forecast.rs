//! The rolling forecast: expected revenue of the open opportunities over the next 3–6
//! months, by expected close month, with a worst / likely / best band.
//!
//! Rules, per month, over the open opportunities (not won, not lost) expected to close in it:
//! - **likely** = Σ amount × probability / 100;
//! - **best** = Σ amount of those at probability ≥ 50% + the likely value of the rest (the
//!   likely deals all close, the unlikely ones at their odds);
//! - **worst** = Σ amount × probability / 100 of those at probability ≥ 75% only (only the
//!   committed deals count, still at their odds).
//!
//! Each term of worst is a term of likely and each term of likely is at most the matching
//! term of best (probability is clamped to 0–100, amounts below zero count as zero), so
//! worst ≤ likely ≤ best always. Each month's figures are rounded once, half away from zero
//! to the currency's minor units; totals are the sums of the rounded months.
//! Opportunities expected before the first month are **overdue**, those with no expected
//! close date **unscheduled**; both are shown apart and not in the months or the total.

use super::rows::{self, OppRow, Scope};
use super::Period;
use crate::crm::opportunity::Stage;
use crate::error::FieldCode;
use crate::money::round_to_minor_units;
use crate::validate::Checker;
use crate::CoreResult;
use rust_decimal::Decimal;
use serde::Serialize;
use ts_rs::TS;
use sqlx::SqliteConnection;
use std::borrow::Borrow;

pub const MIN_MONTHS: u32 = 3;
pub const MAX_MONTHS: u32 = 6;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Band {
    /// `2026-12`, or `overdue`, `unscheduled`, `total`.
    pub label: String,
    pub count: u32,
    /// Σ amount, unweighted.
    #[ts(type = "string")]
    pub pipeline: Decimal,
    #[ts(type = "string")]
    pub worst: Decimal,
    #[ts(type = "string")]
    pub likely: Decimal,
    #[ts(type = "string")]
    pub best: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Forecast {
    pub currency: String,
    pub months: Vec<Band>,
    pub total: Band,
    pub overdue: Band,
    pub unscheduled: Band,
}

fn half() -> Decimal {
    Decimal::from(50)
}

fn committed() -> Decimal {
    Decimal::from(75)
}

/// What one deal adds to a band: its amount (never below zero), amount × probability,
/// and whether it counts whole in best (≥ 50 %) and in worst (≥ 75 %).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct Contribution {
    pub amount: Decimal,
    pub expected: Decimal,
    pub likely: bool,
    pub committed: bool,
}

impl Contribution {
    pub fn of(amount: Decimal, probability_pct: Decimal) -> Self {
        let amount = amount.max(Decimal::ZERO);
        let p = probability_pct.clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
        Self { amount, expected: amount * p / Decimal::ONE_HUNDRED, likely: p >= half(), committed: p >= committed() }
    }
}

/// A band being summed: add deals, then [`BandSum::finish`] rounds once.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct BandSum {
    count: u32,
    pipeline: Decimal,
    worst: Decimal,
    likely: Decimal,
    best: Decimal,
}

impl BandSum {
    pub fn add(&mut self, c: &Contribution) {
        self.count = self.count.saturating_add(1);
        self.pipeline += c.amount;
        self.likely += c.expected;
        self.best += if c.likely { c.amount } else { c.expected };
        if c.committed {
            self.worst += c.expected;
        }
    }

    pub fn finish(&self, label: &str, currency: &str) -> Band {
        let r = |d: Decimal| round_to_minor_units(d, currency);
        Band { label: label.to_string(), count: self.count, pipeline: r(self.pipeline), worst: r(self.worst), likely: r(self.likely), best: r(self.best) }
    }
}

/// Sums the band of `opps`, rounded to the currency's minor units.
pub fn band<'a>(label: &str, opps: impl IntoIterator<Item = &'a OppRow>, currency: &str) -> Band {
    let mut sum = BandSum::default();
    for o in opps {
        sum.add(&Contribution::of(o.amount, o.probability_pct));
    }
    sum.finish(label, currency)
}

fn is_open(o: &OppRow) -> bool {
    !matches!(o.stage, Stage::Won | Stage::Lost)
}

/// The months of a forecast of `months` (3–6, field `months`) from the month of `first`.
pub(crate) fn months_from(first: &Period, months: u32) -> CoreResult<Vec<Period>> {
    let mut c = Checker::new();
    if !(MIN_MONTHS..=MAX_MONTHS).contains(&months) {
        c.fail("months", FieldCode::OutOfRange, format!("must be between {MIN_MONTHS} and {MAX_MONTHS}"));
    }
    let first = Period::month_of(first.start);
    if first.is_none() {
        c.fail("period", FieldCode::InvalidDate, "has no first month");
    }
    c.finish()?;
    let mut out = Vec::new();
    let mut month = first;
    for _ in 0..months {
        let Some(m) = month else { break };
        out.push(m);
        month = m.next();
    }
    Ok(out)
}

/// `months` (3–6, field `months`) months from the month `first`, over `opps`.
pub fn compute<O: Borrow<OppRow>>(opps: &[O], first: &Period, months: u32, currency: &str) -> CoreResult<Forecast> {
    let months = months_from(first, months)?;
    let Some(start) = months.first().map(|m| m.start) else { return Ok(empty(currency)) };
    let open: Vec<&OppRow> = opps.iter().map(Borrow::borrow).filter(|o| is_open(o)).collect();
    let bands = months
        .iter()
        .map(|m| band(&m.label(), open.iter().copied().filter(|o| o.expected_close.is_some_and(|d| m.contains_date(d))), currency))
        .collect();
    let overdue = band("overdue", open.iter().copied().filter(|o| o.expected_close.is_some_and(|d| d < start)), currency);
    let unscheduled = band("unscheduled", open.iter().copied().filter(|o| o.expected_close.is_none()), currency);
    Ok(assemble(bands, overdue, unscheduled, currency))
}

/// The forecast from its rounded month bands; the total is the sum of the rounded months.
pub(crate) fn assemble(bands: Vec<Band>, overdue: Band, unscheduled: Band, currency: &str) -> Forecast {
    let total = Band {
        label: "total".into(),
        count: bands.iter().map(|b| b.count).sum(),
        pipeline: bands.iter().map(|b| b.pipeline).sum(),
        worst: bands.iter().map(|b| b.worst).sum(),
        likely: bands.iter().map(|b| b.likely).sum(),
        best: bands.iter().map(|b| b.best).sum(),
    };
    Forecast { currency: currency.to_string(), months: bands, total, overdue, unscheduled }
}

fn empty(currency: &str) -> Forecast {
    let b = |l: &str| band(l, std::iter::empty(), currency);
    Forecast { currency: currency.to_string(), months: Vec::new(), total: b("total"), overdue: b("overdue"), unscheduled: b("unscheduled") }
}

/// Loads the open opportunities of `scope` and forecasts from the first month of `from`.
pub async fn load(conn: &mut SqliteConnection, from: &Period, months: u32, scope: &Scope) -> CoreResult<Forecast> {
    let opps = rows::load_opportunities(conn, scope).await?;
    compute(&opps, from, months, &scope.currency)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::funnel::tests::opp;
    use chrono::NaiveDate;
    use proptest::prelude::*;

    fn dec(s: &str) -> Decimal {
        s.parse().expect("decimal")
    }

    fn open(id: &str, amount: &str, p: &str, close: Option<(i32, u32, u32)>) -> OppRow {
        let mut o = opp(id, 0, &[(Stage::Proposal, 0)]);
        o.amount = dec(amount);
        o.probability_pct = dec(p);
        o.expected_close = close.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
        o
    }

    fn sample() -> Vec<OppRow> {
        let mut won = open("won", "9999", "100", Some((2026, 12, 5)));
        won.stage = Stage::Won;
        vec![
            open("a", "1000", "10", Some((2026, 12, 1))),
            open("b", "2000", "50", Some((2026, 12, 31))),
            open("c", "4000", "75", Some((2026, 12, 15))),
            open("d", "333.33", "33.33", Some((2027, 1, 10))),
            open("e", "500", "90", Some((2027, 3, 1))),
            open("late", "800", "90", Some((2027, 4, 1))),
            open("old", "700", "25", Some((2026, 11, 30))),
            open("none", "600", "50", None),
            won,
        ]
    }

    #[test]
    fn bands_match_the_hand_count() {
        let dec26 = Period::parse("2026-12").expect("month");
        let f = compute(&sample(), &dec26, 4, "CNY").expect("forecast");
        let labels: Vec<&str> = f.months.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(labels, ["2026-12", "2027-01", "2027-02", "2027-03"]);
        // December: a 1000×10% = 100, b 2000×50% = 1000, c 4000×75% = 3000.
        let m = &f.months[0];
        assert_eq!((m.count, m.pipeline), (3, dec("7000.00")));
        assert_eq!(m.likely, dec("4100.00"));
        assert_eq!(m.best, dec("6100.00")); // 2000 + 4000 + 100
        assert_eq!(m.worst, dec("3000.00")); // c only
        // January: 333.33 × 33.33% = 111.099 → 111.10; best the same; worst nothing.
        let j = &f.months[1];
        assert_eq!((j.worst, j.likely, j.best), (dec("0.00"), dec("111.10"), dec("111.10")));
        assert_eq!(f.months[2].count, 0);
        assert_eq!((f.months[3].worst, f.months[3].likely, f.months[3].best), (dec("450.00"), dec("450.00"), dec("500.00")));
        assert_eq!((f.total.count, f.total.likely, f.total.worst, f.total.best), (5, dec("4661.10"), dec("3450.00"), dec("6711.10")));
        assert_eq!((f.overdue.count, f.overdue.likely), (1, dec("175.00")));
        assert_eq!((f.unscheduled.count, f.unscheduled.best), (1, dec("600.00")));
    }

    #[test]
    fn a_year_period_starts_at_its_first_month_and_months_are_checked() {
        let y = Period::parse("2026").expect("year");
        assert_eq!(compute::<OppRow>(&[], &y, 3, "CNY").expect("forecast").months[0].label, "2026-01");
        for bad in [2, 7] {
            assert!(matches!(compute::<OppRow>(&[], &y, bad, "CNY"), Err(crate::CoreError::Validation(e)) if e[0].field == "months"));
        }
    }

    proptest! {
        #[test]
        fn worst_is_at_most_likely_is_at_most_best(
            deals in prop::collection::vec((0i64..100_000_000, 0u32..10_000, 0u32..6), 0..30)
        ) {
            let opps: Vec<OppRow> = deals
                .iter()
                .enumerate()
                .map(|(i, (cents, p, month))| {
                    let mut o = open(&i.to_string(), "0", "0", Some((2026, 12 - month, 1)));
                    o.amount = Decimal::new(*cents, 2);
                    o.probability_pct = Decimal::new(i64::from(*p), 2);
                    o
                })
                .collect();
            let f = compute(&opps, &Period::parse("2026-07").expect("month"), 6, "CNY").expect("forecast");
            for b in f.months.iter().chain([&f.total, &f.overdue, &f.unscheduled]) {
                prop_assert!(b.worst <= b.likely && b.likely <= b.best && b.best <= b.pipeline, "{:?}", b);
            }
        }
    }
}
