//! Named snapshots: a frozen copy of a matrix (its definition as JSON, since weights, rules
//! and names must not follow later edits, and every cell), for the quarterly refresh and for
//! diffs against later snapshots or the live matrix.

use super::model::{Label, MatrixData};
use super::store;
use crate::clock;
use crate::error::{CoreError, CoreResult};
use crate::ids::{new_row_id, CompetitorId, DimensionId};
use serde::Serialize;
use sqlx::SqliteConnection;
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SnapshotInfo {
    pub name: String,
    pub taken_at: String,
    pub taken_by: String,
}

/// Freezes `data` under `name` (unique per matrix).
pub async fn take(conn: &mut SqliteConnection, data: &MatrixData, name: &str, actor: &str) -> CoreResult<SnapshotInfo> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(CoreError::BadRequest("a snapshot needs a name of 1 to 100 characters".into()));
    }
    if name.eq_ignore_ascii_case("now") {
        return Err(CoreError::BadRequest("'now' means the live matrix; choose another snapshot name".into()));
    }
    let taken: Option<(String,)> = sqlx::query_as("SELECT id FROM matrix_snapshots WHERE matrix_id = ? AND name = ?")
        .bind(data.matrix.id.to_string())
        .bind(name)
        .fetch_optional(&mut *conn)
        .await?;
    if taken.is_some() {
        return Err(CoreError::Conflict(format!("matrix '{}' already has a snapshot named '{name}'", data.matrix.name)));
    }
    let definition = serde_json::to_string(data).map_err(|e| CoreError::BadRequest(format!("cannot serialise the matrix: {e}")))?;
    let (id, at) = (new_row_id(), clock::now());
    sqlx::query("INSERT INTO matrix_snapshots (id, matrix_id, name, definition, taken_at, taken_by) VALUES (?, ?, ?, ?, ?, ?)")
        .bind(&id)
        .bind(data.matrix.id.to_string())
        .bind(name)
        .bind(definition)
        .bind(&at)
        .bind(actor)
        .execute(&mut *conn)
        .await?;
    for ((c, d), cell) in &data.cells {
        sqlx::query("INSERT INTO matrix_snapshot_cells (snapshot_id, competitor_id, dimension_id, value, source, as_of, label) VALUES (?, ?, ?, ?, ?, ?, ?)")
            .bind(&id)
            .bind(c.to_string())
            .bind(d.to_string())
            .bind(store::value_json(cell.value.as_ref()))
            .bind(&cell.evidence.source)
            .bind(cell.evidence.as_of.map(|d| d.to_string()))
            .bind(cell.evidence.label.map(Label::code))
            .execute(&mut *conn)
            .await?;
    }
    Ok(SnapshotInfo { name: name.to_string(), taken_at: at, taken_by: actor.to_string() })
}

pub async fn list(conn: &mut SqliteConnection, data: &MatrixData) -> CoreResult<Vec<SnapshotInfo>> {
    let rows: Vec<(String, String, String)> = sqlx::query_as("SELECT name, taken_at, taken_by FROM matrix_snapshots WHERE matrix_id = ? ORDER BY taken_at, name")
        .bind(data.matrix.id.to_string())
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(|(name, taken_at, taken_by)| SnapshotInfo { name, taken_at, taken_by }).collect())
}

type CellRow = (String, String, Option<String>, String, Option<String>, Option<String>);

/// The matrix as it was when `name` was taken.
pub async fn load(conn: &mut SqliteConnection, live: &MatrixData, name: &str) -> CoreResult<MatrixData> {
    let row: Option<(String, String)> = sqlx::query_as("SELECT id, definition FROM matrix_snapshots WHERE matrix_id = ? AND name = ?")
        .bind(live.matrix.id.to_string())
        .bind(name.trim())
        .fetch_optional(&mut *conn)
        .await?;
    let (id, definition) = row.ok_or_else(|| CoreError::not_found("snapshot", format!("{} of matrix {}", name.trim(), live.matrix.name)))?;
    let mut data: MatrixData = serde_json::from_str(&definition).map_err(|e| CoreError::BadRequest(format!("snapshot {name} cannot be read: {e}")))?;
    let rows: Vec<CellRow> = sqlx::query_as("SELECT competitor_id, dimension_id, value, source, as_of, label FROM matrix_snapshot_cells WHERE snapshot_id = ?")
        .bind(&id)
        .fetch_all(&mut *conn)
        .await?;
    let mut cells = HashMap::with_capacity(rows.len());
    for (c, d, value, source, as_of, label) in rows {
        if let (Some(c), Some(d)) = (CompetitorId::parse(&c), DimensionId::parse(&d)) {
            cells.insert((c, d), store::cell_from(value, source, as_of, label)?);
        }
    }
    data.cells = cells;
    Ok(data)
}
