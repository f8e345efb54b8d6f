//! Changing cells the way a grid does: typed text parsed per dimension type (a refusal names
//! the competitor and the dimension), a pasted rectangle of tab-separated text, and a batch of
//! changes applied in the caller's transaction with one history row per changed cell (who,
//! when, old → new value and evidence, one batch id). Applying returns the inverse changes,
//! so undo is applying them and redo is applying the forward ones again ([`UndoStack`]).

use super::model::{Cell, CellValue, Evidence, Label, MatrixData};
use super::{store, value};
use crate::clock;
use crate::error::{CoreError, CoreResult, FieldCode, FieldError};
use crate::ids::{new_row_id, CompetitorId, DimensionId};
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;
use ts_rs::TS;

/// One cell's new state; `evidence: None` keeps the cell's evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellChange {
    pub competitor_id: CompetitorId,
    pub dimension_id: DimensionId,
    pub value: Option<CellValue>,
    pub evidence: Option<Evidence>,
}

/// What the grid sends for one cell: the typed text and, optionally, evidence as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CellInput {
    pub competitor_id: String,
    pub dimension_id: String,
    pub text: String,
    pub evidence: Option<EvidenceInput>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EvidenceInput {
    pub source: String,
    /// `YYYY-MM-DD` or empty.
    pub as_of: String,
    /// fact / inference / assumption (事实 / 推断 / 假设) or empty.
    pub label: String,
}

fn field(data: &MatrixData, c: CompetitorId, d: DimensionId) -> (String, String) {
    let cn = data.competitor(c).map(|x| x.name.clone()).unwrap_or_else(|| c.to_string());
    let dn = data.dimension(d).map(|x| x.label()).unwrap_or_else(|| d.to_string());
    let key = data.dimension(d).map(|x| x.key().to_string()).unwrap_or_default();
    (format!("{cn}/{key}"), format!("{cn} × {dn}"))
}

fn fail(errors: &mut Vec<FieldError>, data: &MatrixData, c: CompetitorId, d: DimensionId, code: FieldCode, msg: &str) {
    let (f, where_) = field(data, c, d);
    errors.push(FieldError { field: f, code, message: format!("{where_}: {msg}") });
}

pub fn parse_evidence(e: &EvidenceInput) -> Result<Evidence, (FieldCode, String)> {
    let source = e.source.trim().to_string();
    if source.chars().count() > 1000 {
        return Err((FieldCode::TooLong, "the source is longer than 1000 characters".into()));
    }
    let as_of = match e.as_of.trim() {
        "" => None,
        t => Some(
            chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d")
                .or_else(|_| chrono::NaiveDate::parse_from_str(t, "%Y/%m/%d"))
                .map_err(|_| (FieldCode::InvalidDate, format!("as-of '{t}' is not a date (YYYY-MM-DD)")))?,
        ),
    };
    let label = match e.label.trim() {
        "" => None,
        t => Some(Label::parse(t).ok_or_else(|| (FieldCode::UnknownValue, format!("'{t}' is not fact, inference or assumption")))?),
    };
    Ok(Evidence { source, as_of, label })
}

/// Parses what the grid sent; every problem is reported at once, none is applied.
pub fn changes_from_inputs(data: &MatrixData, inputs: &[CellInput]) -> CoreResult<Vec<CellChange>> {
    let mut errors = Vec::new();
    let mut out = Vec::with_capacity(inputs.len());
    for i in inputs {
        let (Some(c), Some(d)) = (CompetitorId::parse(&i.competitor_id), DimensionId::parse(&i.dimension_id)) else {
            return Err(CoreError::BadRequest("a cell names an unknown competitor or dimension id".into()));
        };
        let Some(dim) = data.dimension(d).filter(|_| data.competitor(c).is_some()) else {
            return Err(CoreError::BadRequest(format!("competitor {c} or dimension {d} is not in matrix {}", data.matrix.name)));
        };
        let value = match value::parse(dim, data.matrix.scale, &i.text) {
            Ok(v) => v,
            Err((code, msg)) => {
                fail(&mut errors, data, c, d, code, &msg);
                continue;
            }
        };
        let evidence = match i.evidence.as_ref().map(parse_evidence).transpose() {
            Ok(e) => e,
            Err((code, msg)) => {
                fail(&mut errors, data, c, d, code, &msg);
                continue;
            }
        };
        out.push(CellChange { competitor_id: c, dimension_id: d, value, evidence });
    }
    if errors.is_empty() { Ok(out) } else { Err(CoreError::Validation(errors)) }
}

/// Changes for a rectangle of tab-separated text (what Excel puts on the clipboard) pasted
/// with its top-left corner at visible row `top`, visible column `left`. A rectangle running
/// past the last visible row or column is refused; evidence is kept.
pub fn paste(data: &MatrixData, top: usize, left: usize, tsv: &str) -> CoreResult<Vec<CellChange>> {
    let rows: Vec<&_> = data.competitors.iter().filter(|c| !c.hidden).collect();
    let cols: Vec<&_> = data.dimensions.iter().filter(|d| !d.hidden).collect();
    let text = tsv.strip_suffix('\n').unwrap_or(tsv);
    let lines: Vec<&str> = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect();
    let width = lines.iter().map(|l| l.split('\t').count()).max().unwrap_or(0);
    if top + lines.len() > rows.len() || left + width > cols.len() {
        return Err(CoreError::BadRequest(format!(
            "the pasted block ({} rows × {width} columns) does not fit from row {} column {} of a {} × {} grid",
            lines.len(),
            top + 1,
            left + 1,
            rows.len(),
            cols.len()
        )));
    }
    let mut inputs = Vec::new();
    for (r, line) in lines.iter().enumerate() {
        for (k, text) in line.split('\t').enumerate() {
            inputs.push(CellInput { competitor_id: rows[top + r].id.to_string(), dimension_id: cols[left + k].id.to_string(), text: text.to_string(), evidence: None });
        }
    }
    changes_from_inputs(data, &inputs)
}

/// A batch as applied: the changes made (no-ops dropped) and their inverse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Applied {
    pub batch_id: String,
    pub forward: Vec<CellChange>,
    pub inverse: Vec<CellChange>,
}

/// Applies `changes` to the store (inside the caller's transaction) and to `data`, with one
/// history row per changed cell. Values are checked against their dimension again, so a
/// stale undo step cannot put a wrong type into a cell.
pub async fn apply(conn: &mut SqliteConnection, data: &mut MatrixData, changes: &[CellChange], actor: &str) -> CoreResult<Applied> {
    let mut errors = Vec::new();
    for ch in changes {
        match (data.dimension(ch.dimension_id), data.competitor(ch.competitor_id)) {
            (Some(dim), Some(_)) => {
                if let Some(v) = &ch.value {
                    if let Err((code, msg)) = value::check(dim, data.matrix.scale, v) {
                        fail(&mut errors, data, ch.competitor_id, ch.dimension_id, code, &msg);
                    }
                }
            }
            _ => return Err(CoreError::BadRequest(format!("a change names a cell outside matrix {}", data.matrix.name))),
        }
    }
    if !errors.is_empty() {
        return Err(CoreError::Validation(errors));
    }
    let (batch_id, now) = (new_row_id(), clock::now());
    let (mut forward, mut inverse) = (Vec::new(), Vec::new());
    for ch in changes {
        let key = (ch.competitor_id, ch.dimension_id);
        let old = data.cells.get(&key).cloned().unwrap_or_default();
        let new = Cell { value: ch.value.clone(), evidence: ch.evidence.clone().unwrap_or_else(|| old.evidence.clone()) };
        if new == old {
            continue;
        }
        store::write_cell(conn, data.matrix.id, ch.competitor_id, ch.dimension_id, &new, &now, actor).await?;
        let ev = |e: &Evidence| serde_json::to_string(e).unwrap_or_default();
        sqlx::query(
            "INSERT INTO matrix_cell_history (id, matrix_id, competitor_id, dimension_id, batch_id, actor, at, old_value, new_value, old_evidence, new_evidence) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(new_row_id())
        .bind(data.matrix.id.to_string())
        .bind(ch.competitor_id.to_string())
        .bind(ch.dimension_id.to_string())
        .bind(&batch_id)
        .bind(actor)
        .bind(&now)
        .bind(store::value_json(old.value.as_ref()))
        .bind(store::value_json(new.value.as_ref()))
        .bind(ev(&old.evidence))
        .bind(ev(&new.evidence))
        .execute(&mut *conn)
        .await?;
        inverse.push(CellChange { competitor_id: ch.competitor_id, dimension_id: ch.dimension_id, value: old.value.clone(), evidence: Some(old.evidence.clone()) });
        forward.push(CellChange { evidence: Some(new.evidence.clone()), ..ch.clone() });
        data.cells.insert(key, new);
    }
    if !forward.is_empty() {
        store::touch(conn, data.matrix.id).await?;
    }
    inverse.reverse();
    Ok(Applied { batch_id, forward, inverse })
}

/// One history entry of a cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HistoryEntry {
    pub at: String,
    pub actor: String,
    pub batch_id: String,
    pub old: Cell,
    pub new: Cell,
}

type HistoryRow = (String, String, String, Option<String>, Option<String>, String, String);

pub async fn history(conn: &mut SqliteConnection, c: CompetitorId, d: DimensionId) -> CoreResult<Vec<HistoryEntry>> {
    let rows: Vec<HistoryRow> = sqlx::query_as(
        "SELECT at, actor, batch_id, old_value, new_value, old_evidence, new_evidence FROM matrix_cell_history WHERE competitor_id = ? AND dimension_id = ? ORDER BY at, id",
    )
    .bind(c.to_string())
    .bind(d.to_string())
    .fetch_all(conn)
    .await?;
    let cell = |v: Option<String>, e: String| -> CoreResult<Cell> {
        let value = v.map(|v| serde_json::from_str(&v)).transpose().map_err(|e| CoreError::BadRequest(format!("stored history value: {e}")))?;
        let evidence = serde_json::from_str(&e).map_err(|e| CoreError::BadRequest(format!("stored history evidence: {e}")))?;
        Ok(Cell { value, evidence })
    };
    rows.into_iter().map(|(at, actor, batch_id, ov, nv, oe, ne)| Ok(HistoryEntry { at, actor, batch_id, old: cell(ov, oe)?, new: cell(nv, ne)? })).collect()
}

/// The grid's undo/redo: batches as applied. Undo hands back the inverse changes to apply,
/// redo the forward ones; a new batch clears what could be redone.
#[derive(Debug, Default, Clone)]
pub struct UndoStack {
    done: Vec<Applied>,
    undone: Vec<Applied>,
}

impl UndoStack {
    pub fn push(&mut self, applied: Applied) {
        if !applied.forward.is_empty() {
            self.done.push(applied);
            self.undone.clear();
        }
    }
    pub fn undo(&mut self) -> Option<Vec<CellChange>> {
        let a = self.done.pop()?;
        let changes = a.inverse.clone();
        self.undone.push(a);
        Some(changes)
    }
    pub fn redo(&mut self) -> Option<Vec<CellChange>> {
        let a = self.undone.pop()?;
        let changes = a.forward.clone();
        self.done.push(a);
        Some(changes)
    }
    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }
    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }
}
