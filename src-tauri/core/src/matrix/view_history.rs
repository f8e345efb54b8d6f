//! The window's views of a matrix's past: one cell's history (who, when, old → new value and
//! evidence), the named snapshots, and the diff between two snapshots or a snapshot and now
//! (changed cells and ranking moves). Names of people go through the data view
//! ([`super::people::ShownNames`]); scores are 2-dp decimal strings.

use super::diff::MatrixDiff;
use super::edit::HistoryEntry;
use super::model::Cell;
use super::people::ShownNames;
use super::snapshot::SnapshotInfo;
use super::{display, value};
use crate::error::CoreResult;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct EvidenceText {
    pub source: String,
    pub as_of: Option<String>,
    pub label: Option<super::model::Label>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct HistoryView {
    pub at: String,
    /// Through the data view's policy.
    pub actor: String,
    pub actor_masked: bool,
    /// Changes made together (a paste, an import, an undo) share it.
    pub batch_id: String,
    /// "" = unknown.
    pub old_text: String,
    pub new_text: String,
    pub old_evidence: EvidenceText,
    pub new_evidence: EvidenceText,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SnapshotView {
    pub name: String,
    pub taken_at: String,
    pub taken_by: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CellDiffView {
    pub competitor: String,
    pub dimension: String,
    /// "?" = unknown.
    pub old: String,
    pub new: String,
    pub evidence_only: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RankMoveView {
    pub competitor: String,
    pub from_rank: Option<u32>,
    pub to_rank: Option<u32>,
    pub from_score: Option<String>,
    pub to_score: Option<String>,
    /// Places moved up (negative: down); null when either rank is missing.
    pub places: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DiffView {
    pub from: String,
    pub to: String,
    pub cells: Vec<CellDiffView>,
    pub added_competitors: Vec<String>,
    pub removed_competitors: Vec<String>,
    pub added_dimensions: Vec<String>,
    pub removed_dimensions: Vec<String>,
    pub ranking: Vec<RankMoveView>,
}

fn evidence(c: &Cell) -> EvidenceText {
    EvidenceText { source: c.evidence.source.clone(), as_of: c.evidence.as_of.map(|d| d.to_string()), label: c.evidence.label }
}

fn text(c: &Cell) -> String {
    c.value.as_ref().map(value::text).unwrap_or_default()
}

/// Newest first.
pub fn history(entries: Vec<HistoryEntry>, names: &ShownNames) -> CoreResult<Vec<HistoryView>> {
    let mut out = entries
        .into_iter()
        .map(|e| {
            let (actor, actor_masked) = names.show(&e.actor)?;
            Ok(HistoryView { at: e.at, actor, actor_masked, batch_id: e.batch_id, old_text: text(&e.old), new_text: text(&e.new), old_evidence: evidence(&e.old), new_evidence: evidence(&e.new) })
        })
        .collect::<CoreResult<Vec<_>>>()?;
    out.reverse();
    Ok(out)
}

pub fn snapshots(list: Vec<SnapshotInfo>, names: &ShownNames) -> CoreResult<Vec<SnapshotView>> {
    list.into_iter().map(|s| Ok(SnapshotView { taken_by: names.show(&s.taken_by)?.0, name: s.name, taken_at: s.taken_at })).collect()
}

pub fn diff(from: &str, to: &str, d: MatrixDiff) -> DiffView {
    DiffView {
        from: from.to_string(),
        to: to.to_string(),
        ranking: d
            .ranking
            .iter()
            .map(|m| RankMoveView {
                competitor: m.competitor.clone(),
                from_rank: m.from_rank,
                to_rank: m.to_rank,
                from_score: m.from_score.map(|s| display(s, 2)),
                to_score: m.to_score.map(|s| display(s, 2)),
                places: m.places().and_then(|p| i32::try_from(p).ok()),
            })
            .collect(),
        cells: d.cells.into_iter().map(|c| CellDiffView { competitor: c.competitor, dimension: c.dimension, old: c.old, new: c.new, evidence_only: c.evidence_only }).collect(),
        added_competitors: d.added_competitors,
        removed_competitors: d.removed_competitors,
        added_dimensions: d.added_dimensions,
        removed_dimensions: d.removed_dimensions,
    }
}
