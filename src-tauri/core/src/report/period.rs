//! Report periods: `2026` (year), `2026-H1` (half), `2026-Q3` (quarter), `2026-09` (month),
//! each a half-open range of dates [start, end) in UTC, with the period before it for the
//! "change from the previous period" figures and trends.

use crate::error::{CoreError, FieldCode};
use crate::validate::{truncate, Checker};
use crate::CoreResult;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::Serialize;

/// How long a period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PeriodKind {
    Year,
    Half,
    Quarter,
    Month,
}

impl PeriodKind {
    fn months(self) -> u32 {
        match self {
            Self::Year => 12,
            Self::Half => 6,
            Self::Quarter => 3,
            Self::Month => 1,
        }
    }
}

/// A calendar period; `start` is included, `end` is not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    pub kind: PeriodKind,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

pub const ALLOWED: &str = "2026, 2026-H1, 2026-Q3 or 2026-09";

fn invalid(value: &str) -> CoreError {
    let mut c = Checker::new();
    c.fail("period", FieldCode::InvalidDate, format!("'{}' is not a period ({ALLOWED})", truncate(value)));
    match c.finish() {
        Err(e) => e,
        Ok(()) => CoreError::BadRequest(format!("'{}' is not a period", truncate(value))),
    }
}

/// The first day of `month` (1-based, may run past 12) of `year`.
fn month_start(year: i32, month0: u32) -> Option<NaiveDate> {
    let year = year.checked_add(i32::try_from(month0 / 12).ok()?)?;
    NaiveDate::from_ymd_opt(year, month0 % 12 + 1, 1)
}

impl Period {
    fn new(kind: PeriodKind, year: i32, first_month0: u32) -> Option<Self> {
        let start = month_start(year, first_month0)?;
        let end = month_start(year, first_month0 + kind.months())?;
        Some(Self { kind, start, end })
    }

    /// Parses `2026`, `2026-H1`/`2026-h2`, `2026-Q1`…`Q4`, `2026-01`…`12`; years 1900–9999.
    /// A bad value is a validation error on the field `period`.
    pub fn parse(value: &str) -> CoreResult<Self> {
        let v = value.trim().to_ascii_uppercase();
        let (year_text, rest) = match v.split_once('-') {
            Some((y, r)) => (y, Some(r)),
            None => (v.as_str(), None),
        };
        let year: i32 = match year_text.parse() {
            Ok(y) if (1900..=9999).contains(&y) && year_text.len() == 4 => y,
            _ => return Err(invalid(value)),
        };
        let number = |s: &str, max: u32| s.parse::<u32>().ok().filter(|n| (1..=max).contains(n) && !s.starts_with('+'));
        let period = match rest {
            None => Self::new(PeriodKind::Year, year, 0),
            Some(r) if r.starts_with('H') => number(&r[1..], 2).and_then(|h| Self::new(PeriodKind::Half, year, (h - 1) * 6)),
            Some(r) if r.starts_with('Q') => number(&r[1..], 4).and_then(|q| Self::new(PeriodKind::Quarter, year, (q - 1) * 3)),
            Some(r) if r.len() == 2 => number(r, 12).and_then(|m| Self::new(PeriodKind::Month, year, m - 1)),
            Some(_) => None,
        };
        period.ok_or_else(|| invalid(value))
    }

    /// The month containing `date`.
    pub fn month_of(date: NaiveDate) -> Option<Self> {
        Self::new(PeriodKind::Month, date.year(), date.month0())
    }

    /// The year containing `date`.
    pub fn year_of(date: NaiveDate) -> Option<Self> {
        Self::new(PeriodKind::Year, date.year(), 0)
    }

    /// The period of the same length just before this one (2026-Q1 → 2025-Q4).
    pub fn previous(&self) -> Option<Self> {
        let months = self.kind.months();
        let index = i64::from(self.start.year()) * 12 + i64::from(self.start.month0()) - i64::from(months);
        let year = i32::try_from(index.div_euclid(12)).ok()?;
        let month0 = u32::try_from(index.rem_euclid(12)).ok()?;
        Self::new(self.kind, year, month0).filter(|p| p.start.year() >= 1900)
    }

    /// The period of the same length just after this one.
    pub fn next(&self) -> Option<Self> {
        Self::new(self.kind, self.start.year(), self.start.month0() + self.kind.months())
    }

    /// This period and the `count - 1` before it, oldest first (fewer near year 1900).
    pub fn trailing(&self, count: usize) -> Vec<Self> {
        let mut out = vec![*self];
        while out.len() < count {
            match out.last().and_then(Period::previous) {
                Some(p) => out.push(p),
                None => break,
            }
        }
        out.reverse();
        out
    }

    /// The calendar year the period lies in.
    pub fn year(&self) -> i32 {
        self.start.year()
    }

    /// The periods a target is broken down into: a year or a half into quarters, a quarter
    /// into months; a month has none.
    pub fn children(&self) -> Vec<Self> {
        let (kind, count) = match self.kind {
            PeriodKind::Year => (PeriodKind::Quarter, 4),
            PeriodKind::Half => (PeriodKind::Quarter, 2),
            PeriodKind::Quarter => (PeriodKind::Month, 3),
            PeriodKind::Month => return Vec::new(),
        };
        (0..count).filter_map(|i| Self::new(kind, self.start.year(), self.start.month0() + i * kind.months())).collect()
    }

    /// The period a target is broken down from: a month's quarter, a quarter's (or half's)
    /// year; a year has none.
    pub fn parent(&self) -> Option<Self> {
        match self.kind {
            PeriodKind::Month => Self::new(PeriodKind::Quarter, self.start.year(), self.start.month0() / 3 * 3),
            PeriodKind::Quarter | PeriodKind::Half => Self::year_of(self.start),
            PeriodKind::Year => None,
        }
    }

    pub fn contains_date(&self, d: NaiveDate) -> bool {
        self.start <= d && d < self.end
    }

    /// Whether an instant falls in the period (UTC dates).
    pub fn contains(&self, at: DateTime<Utc>) -> bool {
        self.contains_date(at.date_naive())
    }

    /// `2026`, `2026-H1`, `2026-Q3`, `2026-09`.
    pub fn label(&self) -> String {
        let y = self.start.year();
        match self.kind {
            PeriodKind::Year => format!("{y}"),
            PeriodKind::Half => format!("{y}-H{}", self.start.month0() / 6 + 1),
            PeriodKind::Quarter => format!("{y}-Q{}", self.start.month0() / 3 + 1),
            PeriodKind::Month => format!("{y}-{:02}", self.start.month()),
        }
    }
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn the_four_forms_parse_to_half_open_ranges() {
        let cases = [
            ("2026", d(2026, 1, 1), d(2027, 1, 1)),
            ("2026-H1", d(2026, 1, 1), d(2026, 7, 1)),
            ("2026-h2", d(2026, 7, 1), d(2027, 1, 1)),
            ("2026-Q3", d(2026, 7, 1), d(2026, 10, 1)),
            ("2026-Q4", d(2026, 10, 1), d(2027, 1, 1)),
            (" 2026-09 ", d(2026, 9, 1), d(2026, 10, 1)),
            ("2026-12", d(2026, 12, 1), d(2027, 1, 1)),
        ];
        for (text, start, end) in cases {
            let p = Period::parse(text).expect(text);
            assert_eq!((p.start, p.end), (start, end), "{text}");
            assert_eq!(Period::parse(&p.label()).expect("label"), p, "{text} label round-trips");
        }
    }

    #[test]
    fn bad_periods_name_the_field() {
        for text in ["", "26", "2026-Q5", "2026-Q0", "2026-13", "2026-00", "2026-9", "2026-H3", "2026-W01", "abcd", "2026-", "+026", "2026-+1", "2026-Q+1"] {
            match Period::parse(text) {
                Err(CoreError::Validation(errors)) => assert_eq!(errors[0].field, "period", "{text}"),
                other => panic!("{text}: {other:?}"),
            }
        }
    }

    #[test]
    fn previous_and_trailing_cross_year_ends() {
        let q1 = Period::parse("2026-Q1").expect("q1");
        assert_eq!(q1.previous().map(|p| p.label()), Some("2025-Q4".into()));
        let jan = Period::parse("2026-01").expect("jan");
        assert_eq!(jan.previous().map(|p| p.label()), Some("2025-12".into()));
        assert_eq!(Period::parse("2026-H1").expect("h1").previous().map(|p| p.label()), Some("2025-H2".into()));
        let labels: Vec<String> = Period::parse("2026-02").expect("feb").trailing(4).iter().map(Period::label).collect();
        assert_eq!(labels, ["2025-11", "2025-12", "2026-01", "2026-02"]);
        assert_eq!(Period::parse("2026-12").expect("dec").next().map(|p| p.label()), Some("2027-01".into()));
        assert!(q1.contains_date(d(2026, 3, 31)) && !q1.contains_date(d(2026, 4, 1)));
    }
}
