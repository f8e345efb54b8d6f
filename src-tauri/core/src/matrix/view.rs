//! What the window's matrix editor receives. A whole matrix ([`MatrixGrid`]) is sent once
//! when it opens and after a change of structure; a change of cells or weights sends only a
//! [`GridPatch`]: the changed cells, the scores of every column they touch (a rank rule
//! rescores its whole column), the ranking, the weights and the coverage/freshness figures.
//!
//! The grid is compact because a matrix may hold 200 × 500 cells: cell texts and scores are
//! arrays by row (competitor order) and column (dimension order), hidden ones included (the
//! window filters them), and evidence is a sparse list. Scores, weights and percentages are
//! decimal strings rounded for display (`super::display`), never floats.

use super::fresh::{freshness, is_stale, Freshness};
use super::model::*;
use super::score::Ranking;
use super::scored::Scored;
use super::value;
use super::display;
use crate::ids::{CompetitorId, DimensionId};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct MatrixHeader {
    pub id: String,
    pub name: String,
    /// Through the data view's policy (see `masked`).
    pub owner: String,
    pub owner_masked: bool,
    pub scale: Scale,
    pub stale_after_days: u32,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct GroupView {
    pub id: String,
    pub seed: Option<String>,
    pub name_zh: String,
    pub name_en: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DimensionView {
    pub id: String,
    pub group_id: String,
    pub name_zh: String,
    pub name_en: String,
    pub kind: DimensionKind,
    pub currency: String,
    pub unit: String,
    pub choices: Vec<String>,
    pub weight: String,
    /// Share of the scored weight in percent, 1 dp ("0.0" for unscored dimensions).
    pub normalised_pct: String,
    /// The rule's text form ("" = a score cell is its own score).
    pub rule: String,
    /// Whether the rule scores cells (text and unmapped choice dimensions do not).
    pub scored: bool,
    pub hidden: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CompetitorView {
    pub id: String,
    pub name: String,
    pub is_ours: bool,
    pub hidden: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct EvidenceView {
    pub source: String,
    /// `YYYY-MM-DD`.
    pub as_of: Option<String>,
    pub label: Option<Label>,
    /// Known and dated more than the matrix's threshold before today.
    pub stale: bool,
}

/// Evidence of the cell at row `row` (competitor index) and column `col` (dimension index).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CellEvidence {
    pub row: u32,
    pub col: u32,
    pub evidence: EvidenceView,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RankRow {
    pub competitor_id: String,
    pub name: String,
    pub is_ours: bool,
    /// Weighted score over known cells, 2 dp; null when no scored cell is known.
    pub score: Option<String>,
    pub known: u32,
    pub scored_dimensions: u32,
    /// 1 dp.
    pub coverage_pct: String,
    pub rank: Option<u32>,
}

/// Coverage (% of cells known) and freshness (% of known cells dated within the threshold).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct MatrixFigures {
    pub cells: u32,
    pub known: u32,
    pub stale: u32,
    pub undated: u32,
    pub coverage_pct: String,
    pub fresh_pct: String,
    pub oldest: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct MatrixGrid {
    pub matrix: MatrixHeader,
    pub groups: Vec<GroupView>,
    /// Column order.
    pub dimensions: Vec<DimensionView>,
    /// Row order: ours first.
    pub competitors: Vec<CompetitorView>,
    /// `text[row][col]`: what the cell shows; "" = unknown.
    pub text: Vec<Vec<String>>,
    /// `scores[row][col]`: the cell's score on the scale, 2 dp; null = unknown or not scored.
    pub scores: Vec<Vec<Option<String>>>,
    /// Only cells with a source, date or label.
    pub evidence: Vec<CellEvidence>,
    pub ranking: Vec<RankRow>,
    pub figures: MatrixFigures,
    pub can_undo: bool,
    pub can_redo: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CellPatch {
    pub competitor_id: String,
    pub dimension_id: String,
    pub text: String,
    /// None: the cell has no evidence.
    pub evidence: Option<EvidenceView>,
}

/// Every competitor's score (row order) in one column.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ColumnScores {
    pub dimension_id: String,
    pub scores: Vec<Option<String>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct WeightView {
    pub dimension_id: String,
    pub weight: String,
    pub normalised_pct: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct GridPatch {
    pub cells: Vec<CellPatch>,
    pub columns: Vec<ColumnScores>,
    pub ranking: Vec<RankRow>,
    pub weights: Vec<WeightView>,
    pub figures: MatrixFigures,
    pub can_undo: bool,
    pub can_redo: bool,
}

fn evidence_view(cell: &Cell, today: NaiveDate, days: u32) -> Option<EvidenceView> {
    let e = &cell.evidence;
    (!e.is_empty()).then(|| EvidenceView {
        source: e.source.clone(),
        as_of: e.as_of.map(|d| d.to_string()),
        label: e.label,
        stale: cell.value.is_some() && is_stale(e, today, days),
    })
}

fn pct(v: Decimal) -> String {
    display(v, 1)
}

fn figures(f: &Freshness) -> MatrixFigures {
    MatrixFigures { cells: f.cells, known: f.known, stale: f.stale, undated: f.undated, coverage_pct: pct(f.coverage_pct), fresh_pct: pct(f.fresh_pct), oldest: f.oldest.map(|d| d.to_string()) }
}

fn ranking(r: &Ranking) -> Vec<RankRow> {
    r.rows
        .iter()
        .map(|x| RankRow {
            competitor_id: x.competitor_id.to_string(),
            name: x.name.clone(),
            is_ours: x.is_ours,
            score: x.score.map(|s| display(s, 2)),
            known: x.known,
            scored_dimensions: x.scored_dimensions,
            coverage_pct: pct(x.coverage_pct),
            rank: x.rank,
        })
        .collect()
}

fn weights(r: &Ranking) -> Vec<WeightView> {
    r.weights.iter().map(|w| WeightView { dimension_id: w.dimension_id.to_string(), weight: w.weight.normalize().to_string(), normalised_pct: pct(w.normalised * Decimal::ONE_HUNDRED) }).collect()
}


/// The whole matrix as the editor shows it; `owner` is the owner as the data view shows it.
pub fn grid(data: &MatrixData, scored: &Scored, today: NaiveDate, owner: (String, bool), undo: (bool, bool), updated_at: &str) -> MatrixGrid {
    let r = scored.ranking(data);
    let normalised: HashMap<DimensionId, Decimal> = r.weights.iter().map(|w| (w.dimension_id, w.normalised)).collect();
    let days = data.matrix.stale_after_days;
    let (nr, nc) = (data.competitors.len(), data.dimensions.len());
    let mut text = vec![vec![String::new(); nc]; nr];
    let cell_scores: Vec<Vec<Option<String>>> = (0..nr).map(|i| (0..nc).map(|j| scored.at(i, j).map(|s| display(s, 2))).collect()).collect();
    let row_of: HashMap<CompetitorId, usize> = data.competitors.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
    let col_of: HashMap<DimensionId, usize> = data.dimensions.iter().enumerate().map(|(i, d)| (d.id, i)).collect();
    let mut evidence = Vec::new();
    for ((c, d), cell) in &data.cells {
        let (Some(&row), Some(&col)) = (row_of.get(c), col_of.get(d)) else { continue };
        if let Some(v) = &cell.value {
            text[row][col] = value::text(v);
        }
        if let Some(e) = evidence_view(cell, today, days) {
            evidence.push(CellEvidence { row: row as u32, col: col as u32, evidence: e });
        }
    }
    evidence.sort_by_key(|e| (e.row, e.col));
    let m = &data.matrix;
    MatrixGrid {
        matrix: MatrixHeader { id: m.id.to_string(), name: m.name.clone(), owner: owner.0, owner_masked: owner.1, scale: m.scale, stale_after_days: m.stale_after_days, updated_at: updated_at.to_string() },
        groups: data.groups.iter().map(|g| GroupView { id: g.id.clone(), seed: g.seed.clone(), name_zh: g.name_zh.clone(), name_en: g.name_en.clone() }).collect(),
        dimensions: data
            .dimensions
            .iter()
            .map(|d| DimensionView {
                id: d.id.to_string(),
                group_id: d.group_id.clone(),
                name_zh: d.name_zh.clone(),
                name_en: d.name_en.clone(),
                kind: d.kind,
                currency: d.currency.clone(),
                unit: d.unit.clone(),
                choices: d.choices.clone(),
                weight: d.weight.normalize().to_string(),
                normalised_pct: pct(normalised.get(&d.id).copied().unwrap_or_default() * Decimal::ONE_HUNDRED),
                rule: d.rule.text(),
                scored: d.rule.scores(),
                hidden: d.hidden,
            })
            .collect(),
        competitors: data.competitors.iter().map(|c| CompetitorView { id: c.id.to_string(), name: c.name.clone(), is_ours: c.is_ours, hidden: c.hidden }).collect(),
        text,
        scores: cell_scores,
        evidence,
        ranking: ranking(&r),
        figures: figures(&freshness(data, today)),
        can_undo: undo.0,
        can_redo: undo.1,
    }
}

/// What changed after `cells` (competitor, dimension) were written (their columns already
/// rescored in `scored`), or a weight changed.
pub fn patch(data: &MatrixData, scored: &Scored, today: NaiveDate, cells: &[(CompetitorId, DimensionId)], undo: (bool, bool)) -> GridPatch {
    let r = scored.ranking(data);
    let days = data.matrix.stale_after_days;
    let mut touched = HashSet::new();
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(cells.len());
    for &(c, d) in cells {
        if !seen.insert((c, d)) {
            continue;
        }
        touched.insert(d);
        let cell = data.cell(c, d);
        out.push(CellPatch {
            competitor_id: c.to_string(),
            dimension_id: d.to_string(),
            text: cell.and_then(|x| x.value.as_ref()).map(value::text).unwrap_or_default(),
            evidence: cell.and_then(|x| evidence_view(x, today, days)),
        });
    }
    let columns = data
        .dimensions
        .iter()
        .filter(|d| touched.contains(&d.id))
        .map(|d| ColumnScores { dimension_id: d.id.to_string(), scores: scored.column(d.id).into_iter().map(|s| s.map(|s| display(s, 2))).collect() })
        .collect();
    GridPatch { cells: out, columns, ranking: ranking(&r), weights: weights(&r), figures: figures(&freshness(data, today)), can_undo: undo.0, can_redo: undo.1 }
}
