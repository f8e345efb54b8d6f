//! Staleness and the matrix's coverage and freshness. A cell is stale when its as-of date is
//! more than the matrix's threshold (default 90 days) before today; a known cell without an
//! as-of date is undated (not fresh, not stale). Coverage = known cells / all cells; freshness
//! = known cells dated within the threshold / known cells.

use super::model::{Evidence, MatrixData};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

pub fn is_stale(evidence: &Evidence, today: NaiveDate, stale_after_days: u32) -> bool {
    evidence.as_of.is_some_and(|d| (today - d).num_days() > i64::from(stale_after_days))
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Freshness {
    pub cells: u32,
    pub known: u32,
    pub stale: u32,
    pub undated: u32,
    pub coverage_pct: Decimal,
    pub fresh_pct: Decimal,
    pub oldest: Option<NaiveDate>,
}

pub fn freshness(data: &MatrixData, today: NaiveDate) -> Freshness {
    let days = data.matrix.stale_after_days;
    let cells = (data.competitors.len() * data.dimensions.len()) as u32;
    let (mut known, mut stale, mut undated, mut oldest) = (0u32, 0u32, 0u32, None::<NaiveDate>);
    // Every stored cell belongs to one of the matrix's competitors and dimensions (the store
    // loads only those), so walking the cells themselves counts the same as walking the grid.
    for cell in data.cells.values().filter(|cell| cell.value.is_some()) {
        known += 1;
        match cell.evidence.as_of {
            None => undated += 1,
            Some(at) => {
                oldest = Some(oldest.map_or(at, |o: NaiveDate| o.min(at)));
                if is_stale(&cell.evidence, today, days) {
                    stale += 1;
                }
            }
        }
    }
    let pct = |part: u32, whole: u32| if whole == 0 { Decimal::ZERO } else { Decimal::from(part) * Decimal::ONE_HUNDRED / Decimal::from(whole) };
    Freshness { cells, known, stale, undated, coverage_pct: pct(known, cells), fresh_pct: pct(known - stale - undated, known), oldest }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matrix::model::*;
    use crate::matrix::rule::Rule;
    use crate::matrix::score::tests::{competitor, d, dimension, empty};

    #[test]
    fn stale_after_the_threshold_and_undated_is_not_fresh() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).expect("date");
        let ev = |days: u64| Evidence { as_of: today.checked_sub_days(chrono::Days::new(days)), ..Evidence::default() };
        assert!(!is_stale(&ev(90), today, 90), "exactly 90 days old is still fresh");
        assert!(is_stale(&ev(91), today, 90));
        assert!(!is_stale(&Evidence::default(), today, 90));

        let mut m = empty(Scale::ZeroTen);
        m.dimensions = vec![dimension("A", DimensionKind::Score, "1", Rule::Direct, 0), dimension("B", DimensionKind::Score, "1", Rule::Direct, 1)];
        m.competitors = vec![competitor("X", false, 0), competitor("Y", false, 1)];
        let value = Some(CellValue::Score(d("5")));
        m.cells.insert((m.competitors[0].id, m.dimensions[0].id), Cell { value: value.clone(), evidence: ev(10) });
        m.cells.insert((m.competitors[0].id, m.dimensions[1].id), Cell { value: value.clone(), evidence: ev(200) });
        m.cells.insert((m.competitors[1].id, m.dimensions[0].id), Cell { value, evidence: Evidence::default() });
        m.cells.insert((m.competitors[1].id, m.dimensions[1].id), Cell { value: None, evidence: ev(1) });
        let f = freshness(&m, today);
        assert_eq!((f.cells, f.known, f.stale, f.undated), (4, 3, 1, 1));
        assert_eq!(f.coverage_pct, d("75"));
        assert_eq!(crate::matrix::display(f.fresh_pct, 1), "33.3");
        assert_eq!(f.oldest, today.checked_sub_days(chrono::Days::new(200)));
    }
}
