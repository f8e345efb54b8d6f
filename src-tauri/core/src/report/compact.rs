//! The dashboard snapshot's compact form of an opportunity: instants as microseconds, the
//! close instant and the furthest funnel stage computed once at load, owner, customer and
//! currency as small interned numbers, the stage history in one shared array. A million of
//! them take about 100 MB and one pass over them takes milliseconds, where `OppRow`s (three
//! `String`s and a `Vec` each) took 2.4 GB and seconds.
//!
//! Every derived field follows the rules of the row functions exactly (`OppRow::closed_at`,
//! `funnel::furthest`), and [`Opp::to_row`] turns a compact record back into the `OppRow` it
//! came from, so the row functions stay the reference the fast figures are tested against.

use super::forecast::Contribution;
use super::funnel::STAGES;
use super::rows::OppRow;
use crate::crm::opportunity::Stage;
use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// Microseconds since 1970 (stored instants have millisecond precision).
pub type Micros = i64;

pub fn micros(at: DateTime<Utc>) -> Micros {
    at.timestamp_micros()
}

pub fn instant(us: Micros) -> DateTime<Utc> {
    DateTime::from_timestamp_micros(us).unwrap_or(DateTime::<Utc>::MIN_UTC)
}

/// Midnight UTC at the start of `d`, in microseconds.
pub fn day_start(d: NaiveDate) -> Micros {
    micros(d.and_time(chrono::NaiveTime::MIN).and_utc())
}

/// Months counted from year 0 (`year × 12 + month − 1`), so consecutive months differ by one.
pub fn month_number(d: NaiveDate) -> i32 {
    use chrono::Datelike;
    d.year() * 12 + i32::try_from(d.month0()).unwrap_or(0)
}

/// Strings numbered in order of first sight, so records hold a `u32` instead of a `String`.
#[derive(Debug, Clone, Default)]
pub struct Interner {
    numbers: HashMap<String, u32>,
    names: Vec<String>,
}

impl Interner {
    pub fn intern(&mut self, s: &str) -> u32 {
        if let Some(n) = self.numbers.get(s) {
            return *n;
        }
        let n = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.numbers.insert(s.to_string(), n);
        self.names.push(s.to_string());
        n
    }

    pub fn get(&self, s: &str) -> Option<u32> {
        self.numbers.get(s).copied()
    }

    pub fn name(&self, n: u32) -> &str {
        self.names.get(n as usize).map_or("", String::as_str)
    }

    /// How many strings have a number.
    pub fn count(&self) -> usize {
        self.names.len()
    }
}

/// One live opportunity. `history` is a range of the snapshot's shared history array.
#[derive(Debug, Clone, PartialEq)]
pub struct Opp {
    pub created: Micros,
    /// When a won or lost deal closed (see `OppRow::closed_at`); `None` while open.
    pub closed: Option<Micros>,
    pub expected_close: Option<NaiveDate>,
    /// `month_number` of the expected close (0 without one).
    pub expected_month: i32,
    pub amount: Decimal,
    pub probability_pct: Decimal,
    /// What it adds to a forecast band (computed once from amount and probability).
    pub forecast: Contribution,
    pub stage: Stage,
    /// How far down the funnel it got (index into `STAGES`, see `funnel::furthest`).
    pub furthest: u8,
    pub customer: u32,
    pub owner: u32,
    pub currency: u32,
    pub history_start: u32,
    pub history_len: u32,
}

fn stage_index(stage: Stage) -> Option<usize> {
    STAGES.iter().position(|s| *s == stage)
}

impl Opp {
    /// The compact record of a decoded row; `history` oldest first, as in `OppRow`.
    pub fn derive(created: Micros, stage: Stage, history: &[(Stage, Micros)]) -> (Option<Micros>, u8) {
        let closed = matches!(stage, Stage::Won | Stage::Lost)
            .then(|| history.iter().rev().find(|(s, _)| *s == stage).map_or(created, |(_, at)| *at));
        let furthest = history.iter().map(|(s, _)| *s).chain(std::iter::once(stage)).filter_map(stage_index).max().unwrap_or(0);
        (closed, u8::try_from(furthest).unwrap_or(0))
    }

    pub fn is_open(&self) -> bool {
        !matches!(self.stage, Stage::Won | Stage::Lost)
    }

    /// Open at `at`: created before it and not closed by then (`OppRow::open_at`).
    pub fn open_at(&self, at: Micros) -> bool {
        self.created < at && self.closed.is_none_or(|c| c >= at)
    }

    /// The `OppRow` this record stands for.
    pub fn to_row(&self, id: &str, customers: &Interner, history: &[(Stage, Micros)]) -> OppRow {
        OppRow {
            id: id.to_string(),
            customer_id: customers.name(self.customer).to_string(),
            stage: self.stage,
            amount: self.amount,
            probability_pct: self.probability_pct,
            expected_close: self.expected_close,
            created_at: instant(self.created),
            history: history.iter().map(|(s, at)| (*s, instant(*at))).collect(),
        }
    }
}

/// A stage code as stored (`won`); other spellings through `Stage::parse`.
pub fn parse_stage(text: &str) -> Option<Stage> {
    Stage::ALL.into_iter().find(|s| s.code() == text).or_else(|| Stage::parse(text))
}

fn digits(b: &[u8]) -> Option<i64> {
    b.iter().try_fold(0i64, |acc, c| c.is_ascii_digit().then(|| acc * 10 + i64::from(c - b'0')))
}

/// `2026-11-22T15:20:45.123Z` (what `clock::now` writes) without chrono's general parser;
/// anything else falls back to RFC 3339 parsing. `None` when it is not a timestamp.
pub fn parse_micros(text: &str) -> Option<Micros> {
    let b = text.as_bytes();
    let fast = (|| {
        if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[13] != b':' || b[16] != b':' || b[b.len() - 1] != b'Z' {
            return None;
        }
        let date = NaiveDate::from_ymd_opt(i32::try_from(digits(&b[0..4])?).ok()?, u32::try_from(digits(&b[5..7])?).ok()?, u32::try_from(digits(&b[8..10])?).ok()?)?;
        let (h, m, s) = (digits(&b[11..13])?, digits(&b[14..16])?, digits(&b[17..19])?);
        if h > 23 || m > 59 || s > 59 {
            return None;
        }
        let frac = &b[19..b.len() - 1];
        let sub = match frac {
            [] => 0,
            [b'.', rest @ ..] if !rest.is_empty() && rest.len() <= 6 => digits(rest)? * 10i64.pow(6 - u32::try_from(rest.len()).ok()?),
            _ => return None,
        };
        Some(day_start(date) + ((h * 60 + m) * 60 + s) * 1_000_000 + sub)
    })();
    fast.or_else(|| DateTime::parse_from_rfc3339(text).ok().map(|d| micros(d.with_timezone(&Utc))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_timestamp_parser_agrees_with_chrono() {
        for text in [
            "2026-11-22T15:20:45.123Z",
            "2026-01-01T00:00:00Z",
            "1999-12-31T23:59:59.5Z",
            "2026-02-28T08:00:00.000001Z",
            "2026-11-22T15:20:45.123+08:00",
            "2026-11-22T15:20:45.1234567Z",
        ] {
            let chrono = DateTime::parse_from_rfc3339(text).expect(text).with_timezone(&Utc).timestamp_micros();
            assert_eq!(parse_micros(text), Some(chrono), "{text}");
        }
        for bad in ["", "2026-02-30T00:00:00Z", "2026-11-22T25:00:00Z", "2026-11-22T15:20Z", "yesterday"] {
            assert_eq!(parse_micros(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_close_instant_and_furthest_stage_follow_the_row_rules() {
        use crate::report::funnel::tests::{day, opp};
        use Stage::{Initial as I, Lost as L, Negotiation as N, Qualified as Q, Won as W};
        for row in [opp("a", 1, &[(I, 0), (Q, 2), (N, 5), (L, 9)]), opp("b", 1, &[(I, 0), (W, 3)]), opp("c", 1, &[(I, 0), (Q, 1)]), opp("d", 1, &[])] {
            let history: Vec<(Stage, Micros)> = row.history.iter().map(|(s, at)| (*s, micros(*at))).collect();
            let (closed, furthest) = Opp::derive(micros(row.created_at), row.stage, &history);
            assert_eq!(closed.map(instant), row.closed_at(), "{}", row.id);
            assert_eq!(usize::from(furthest), crate::report::funnel::furthest(&row), "{}", row.id);
        }
        assert_eq!(instant(micros(day(3))), day(3));
    }
}
