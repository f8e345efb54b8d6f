//! What changed between two states of a matrix (two snapshots, or a snapshot and now): cells
//! whose value or evidence changed (old → new), competitors and dimensions added or removed,
//! and how each competitor moved in the ranking. Cells are matched by competitor and
//! dimension id, so a rename is not a change of every cell.

use super::model::{Cell, MatrixData};
use super::score;
use super::value;
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CellDiff {
    pub competitor: String,
    pub dimension: String,
    /// Shown text; `?` is unknown.
    pub old: String,
    pub new: String,
    /// Only the evidence changed.
    pub evidence_only: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankMove {
    pub competitor: String,
    pub from_rank: Option<u32>,
    pub to_rank: Option<u32>,
    pub from_score: Option<Decimal>,
    pub to_score: Option<Decimal>,
}

impl RankMove {
    /// Positive when the competitor moved up.
    pub fn places(&self) -> Option<i64> {
        Some(i64::from(self.from_rank?) - i64::from(self.to_rank?))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatrixDiff {
    pub cells: Vec<CellDiff>,
    pub added_competitors: Vec<String>,
    pub removed_competitors: Vec<String>,
    pub added_dimensions: Vec<String>,
    pub removed_dimensions: Vec<String>,
    /// Every competitor present in both, in the new ranking's order.
    pub ranking: Vec<RankMove>,
}

fn shown(c: Option<&Cell>) -> String {
    c.and_then(|c| c.value.as_ref()).map(value::text).unwrap_or_else(|| "?".into())
}

pub fn diff(from: &MatrixData, to: &MatrixData) -> MatrixDiff {
    let mut cells = Vec::new();
    for c in &to.competitors {
        if from.competitor(c.id).is_none() {
            continue;
        }
        for d in &to.dimensions {
            if from.dimension(d.id).is_none() {
                continue;
            }
            let (a, b) = (from.cell(c.id, d.id), to.cell(c.id, d.id));
            let (va, vb) = (a.and_then(|x| x.value.as_ref()), b.and_then(|x| x.value.as_ref()));
            let (ea, eb) = (a.map(|x| &x.evidence), b.map(|x| &x.evidence));
            let empty = Default::default();
            if va != vb || ea.unwrap_or(&empty) != eb.unwrap_or(&empty) {
                cells.push(CellDiff { competitor: c.name.clone(), dimension: d.label(), old: shown(a), new: shown(b), evidence_only: va == vb });
            }
        }
    }
    let names = |m: &MatrixData, other: &MatrixData| -> Vec<String> { m.competitors.iter().filter(|c| other.competitor(c.id).is_none()).map(|c| c.name.clone()).collect() };
    let dims = |m: &MatrixData, other: &MatrixData| -> Vec<String> { m.dimensions.iter().filter(|d| other.dimension(d.id).is_none()).map(|d| d.label()).collect() };
    let (before, after) = (score::rank(from), score::rank(to));
    let ranking = after
        .rows
        .iter()
        .filter_map(|r| {
            let old = before.row(r.competitor_id)?;
            Some(RankMove { competitor: r.name.clone(), from_rank: old.rank, to_rank: r.rank, from_score: old.score, to_score: r.score })
        })
        .collect();
    MatrixDiff {
        cells,
        added_competitors: names(to, from),
        removed_competitors: names(from, to),
        added_dimensions: dims(to, from),
        removed_dimensions: dims(from, to),
        ranking,
    }
}
