//! Matrices as files: export to the wide CSV/XLSX layout (`layout`, written through
//! `tabular::write`, which neutralises formula-like text and renames a temp file into place)
//! or Markdown; import a wide file into a matrix by name, all-or-nothing in one transaction.
//!
//! Import merges by name: dimensions are matched by key (English name, else Chinese),
//! competitors by name; matched ones keep their id (so history and snapshots still line up)
//! and take the file's definition; new ones are added; ones absent from the file are kept
//! as they are (delete them in the editor). Every cell of the file's rows × columns is set
//! from the file (an empty cell becomes unknown) through `edit::apply`, so each change is in
//! the history under one batch. A matrix's scale and a dimension's type cannot change through
//! an import while cells exist, since existing values would no longer fit.

use super::edit::{self, CellChange};
use super::layout;
use super::model::*;
use super::store;
use crate::audit;
use crate::error::{CoreError, CoreResult, FieldCode, ImportProblem, ImportRejection};
use crate::tabular::{read, write, FileFormat};
use serde::Serialize;
use sqlx::SqlitePool;
use std::path::Path;

pub fn export(data: &MatrixData, format: FileFormat, path: &Path) -> CoreResult<()> {
    let mut rows = layout::encode(data);
    if rows.is_empty() {
        return Err(CoreError::BadRequest("nothing to export".into()));
    }
    // The writer passes header cells through as they are; this header holds user text (the
    // dimensions' Chinese names), so it gets the same formula guard as every other cell.
    let header: Vec<String> = rows
        .remove(0)
        .into_iter()
        .map(|c| match c {
            crate::tabular::Cell::Text(t) if t.starts_with(crate::tabular::is_formula_start) => format!("'{t}"),
            crate::tabular::Cell::Text(t) => t,
            crate::tabular::Cell::Number(n) => n.to_string(),
            crate::tabular::Cell::Bool(b) => b.to_string(),
        })
        .collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    write::write_file(path, format, &header, &rows)
}

pub fn export_markdown(data: &MatrixData, path: &Path, today: chrono::NaiveDate) -> CoreResult<()> {
    crate::pdf::write_atomically(path, super::markdown::render(data, today).as_bytes())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct MatrixImportReport {
    pub matrix_id: String,
    pub matrix: String,
    pub created: bool,
    pub competitors: u32,
    pub dimensions: u32,
    pub cells_changed: u32,
    pub batch_id: String,
}

fn rejection(file_name: &str, row: u32, column: String, value: &str, message: String) -> CoreError {
    CoreError::ImportRejected(ImportRejection {
        file_name: file_name.into(),
        problems: vec![ImportProblem { row, column, value: value.into(), code: FieldCode::UnknownValue, message }],
        more: 0,
    })
}

/// Reads `bytes` (CSV or XLSX) and writes it into matrix `name` (created when missing).
pub async fn import(pool: &SqlitePool, name: &str, file_name: &str, bytes: &[u8], actor: &str) -> CoreResult<MatrixImportReport> {
    let sheet = read::read_sheet(file_name, bytes)?;
    let parsed = layout::decode(file_name, name, &sheet).map_err(CoreError::ImportRejected)?;
    let mut tx = pool.begin().await?;
    let (existing, created) = match store::find_optional(&mut tx, name).await? {
        Some(m) => (store::load(&mut tx, m).await?, false),
        None => {
            let m = store::create(&mut tx, name, &parsed.matrix.owner, parsed.matrix.scale, parsed.matrix.stale_after_days).await?;
            (store::load(&mut tx, m).await?, true)
        }
    };
    let mut live = existing;
    if live.matrix.scale != parsed.matrix.scale && !live.cells.is_empty() {
        return Err(rejection(file_name, 0, "#matrix".into(), parsed.matrix.scale.label(), format!("matrix '{name}' uses the scale {} and has cells; its scale cannot change through an import", live.matrix.scale.label())));
    }
    live.matrix.owner = parsed.matrix.owner.clone();
    live.matrix.scale = parsed.matrix.scale;
    live.matrix.stale_after_days = parsed.matrix.stale_after_days;
    store::update_settings(&mut tx, &live.matrix).await?;

    // Groups by name, dimensions by key, competitors by name: matched ones keep their ids.
    let mut group_ids = std::collections::HashMap::new();
    for g in &parsed.groups {
        let id = match live.groups.iter().find(|x| x.name_zh == g.name_zh && x.name_en == g.name_en) {
            Some(x) => x.id.clone(),
            None => {
                let new = Group { position: live.groups.len() as i64, ..g.clone() };
                store::insert_group(&mut tx, live.matrix.id, &new).await?;
                live.groups.push(new);
                g.id.clone()
            }
        };
        group_ids.insert(g.id.clone(), id);
    }
    let mut dim_map = Vec::new();
    for d in &parsed.dimensions {
        let id = match live.dimensions.iter().find(|x| x.key() == d.key()) {
            Some(x) if x.kind != d.kind && live.cells.keys().any(|(_, dim)| *dim == x.id) => {
                return Err(rejection(file_name, 0, format!("#type ({})", d.label()), d.kind.code(), format!("dimension {} is {} and has cells; its type cannot change through an import", d.label(), x.kind.code())));
            }
            Some(x) => x.id,
            None => d.id,
        };
        let def = Dimension { id, group_id: group_ids.get(&d.group_id).cloned().unwrap_or_else(|| d.group_id.clone()), ..d.clone() };
        store::upsert_dimension(&mut tx, live.matrix.id, &def).await?;
        match live.dimensions.iter_mut().find(|x| x.id == id) {
            Some(x) => *x = def,
            None => live.dimensions.push(def),
        }
        dim_map.push((d.id, id));
    }
    if parsed.competitors.iter().any(|c| c.is_ours) {
        sqlx::query("UPDATE matrix_competitors SET is_ours = 0 WHERE matrix_id = ?").bind(live.matrix.id.to_string()).execute(&mut *tx).await?;
        for c in &mut live.competitors {
            c.is_ours = false;
        }
    }
    let mut comp_map = Vec::new();
    for c in &parsed.competitors {
        let id = live.competitors.iter().find(|x| x.name == c.name).map(|x| x.id).unwrap_or(c.id);
        let def = Competitor { id, ..c.clone() };
        store::upsert_competitor(&mut tx, live.matrix.id, &def).await?;
        match live.competitors.iter_mut().find(|x| x.id == id) {
            Some(x) => *x = def,
            None => live.competitors.push(def),
        }
        comp_map.push((c.id, id));
    }
    let mut changes = Vec::with_capacity(comp_map.len() * dim_map.len());
    for (pc, lc) in &comp_map {
        for (pd, ld) in &dim_map {
            let cell = parsed.cell(*pc, *pd).cloned().unwrap_or_default();
            changes.push(CellChange { competitor_id: *lc, dimension_id: *ld, value: cell.value, evidence: Some(cell.evidence) });
        }
    }
    let applied = edit::apply(&mut tx, &mut live, &changes, actor).await?;
    audit::record(
        &mut tx,
        audit::Event {
            action: "import",
            entity: "matrix",
            entity_id: &live.matrix.id.to_string(),
            detail: serde_json::json!({ "file": file_name, "competitors": comp_map.len(), "dimensions": dim_map.len(), "cells_changed": applied.forward.len() }),
        },
    )
    .await?;
    tx.commit().await?;
    tracing::info!(competitors = comp_map.len(), dimensions = dim_map.len(), changed = applied.forward.len(), "matrix imported");
    Ok(MatrixImportReport {
        matrix_id: live.matrix.id.to_string(),
        matrix: live.matrix.name.clone(),
        created,
        competitors: comp_map.len() as u32,
        dimensions: dim_map.len() as u32,
        cells_changed: applied.forward.len() as u32,
        batch_id: applied.batch_id,
    })
}
