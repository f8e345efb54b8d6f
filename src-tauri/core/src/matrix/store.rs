//! The matrix tables: creating a matrix with its five seed groups, finding and listing
//! matrices, loading a whole matrix, writing groups, dimensions, competitors, cells and
//! battlecard notes. Functions take one connection so a service composes them in one
//! transaction; validation happens before (`define`, `value`).

use super::model::*;
use super::rule::Rule;
use crate::clock;
use crate::error::{CoreError, CoreResult};
use crate::ids::{new_row_id, CompetitorId, DimensionId, MatrixId};
use crate::store::row;
use serde::Serialize;
use sqlx::{Row, SqliteConnection};
use std::collections::HashMap;

fn decode(what: &str, e: impl std::fmt::Display) -> CoreError {
    CoreError::Database(sqlx::Error::Decode(format!("{what}: {e}").into()))
}

/// Creates an empty matrix with the five seed groups; a taken name is a conflict.
pub async fn create(conn: &mut SqliteConnection, name: &str, owner: &str, scale: Scale, stale_after_days: u32) -> CoreResult<Matrix> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(CoreError::Validation(vec![crate::error::FieldError {
            field: "name".into(),
            code: crate::error::FieldCode::Required,
            message: "a matrix needs a name of 1 to 100 characters".into(),
        }]));
    }
    if find_optional(conn, name).await?.is_some() {
        return Err(CoreError::Conflict(format!("a matrix named '{name}' already exists")));
    }
    let m = Matrix { id: MatrixId::new(), name: name.to_string(), owner: owner.trim().to_string(), scale, stale_after_days: stale_after_days.max(1) };
    let now = clock::now();
    sqlx::query("INSERT INTO matrices (id, name, owner, scale, stale_after_days, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(m.id.to_string())
        .bind(&m.name)
        .bind(&m.owner)
        .bind(m.scale.code())
        .bind(i64::from(m.stale_after_days))
        .bind(&now)
        .bind(&now)
        .execute(&mut *conn)
        .await?;
    for (i, (seed, zh, en)) in SEED_GROUPS.iter().enumerate() {
        let g = Group { id: new_row_id(), seed: Some(seed.to_string()), name_zh: zh.to_string(), name_en: en.to_string(), position: i as i64 };
        insert_group(conn, m.id, &g).await?;
    }
    Ok(m)
}

/// Changes the owner, scale and staleness threshold.
pub async fn update_settings(conn: &mut SqliteConnection, m: &Matrix) -> CoreResult<()> {
    sqlx::query("UPDATE matrices SET owner = ?, scale = ?, stale_after_days = ?, updated_at = ? WHERE id = ?")
        .bind(&m.owner)
        .bind(m.scale.code())
        .bind(i64::from(m.stale_after_days))
        .bind(clock::now())
        .bind(m.id.to_string())
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn insert_group(conn: &mut SqliteConnection, matrix: MatrixId, g: &Group) -> CoreResult<()> {
    sqlx::query("INSERT INTO matrix_groups (id, matrix_id, seed, name_zh, name_en, position) VALUES (?, ?, ?, ?, ?, ?)")
        .bind(&g.id)
        .bind(matrix.to_string())
        .bind(&g.seed)
        .bind(&g.name_zh)
        .bind(&g.name_en)
        .bind(g.position)
        .execute(conn)
        .await?;
    Ok(())
}

fn matrix_from(r: &sqlx::sqlite::SqliteRow) -> CoreResult<Matrix> {
    let days: i64 = r.try_get("stale_after_days")?;
    Ok(Matrix {
        id: MatrixId(row::uuid(r, "id")?),
        name: r.try_get("name")?,
        owner: r.try_get("owner")?,
        scale: row::choice(r, "scale", Scale::parse)?,
        stale_after_days: u32::try_from(days).unwrap_or(90),
    })
}

pub async fn find_optional(conn: &mut SqliteConnection, name: &str) -> CoreResult<Option<Matrix>> {
    let r = sqlx::query("SELECT * FROM matrices WHERE name = ?").bind(name.trim()).fetch_optional(conn).await?;
    r.as_ref().map(matrix_from).transpose()
}

pub async fn find(conn: &mut SqliteConnection, name: &str) -> CoreResult<Matrix> {
    find_optional(conn, name).await?.ok_or_else(|| CoreError::not_found("matrix", name.trim()))
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct MatrixSummary {
    pub id: String,
    pub name: String,
    /// The window shows it through the data view (`owner_masked` then true).
    pub owner: String,
    pub owner_masked: bool,
    pub scale: Scale,
    pub competitors: u32,
    pub dimensions: u32,
    pub updated_at: String,
}

pub async fn list(conn: &mut SqliteConnection) -> CoreResult<Vec<MatrixSummary>> {
    let rows = sqlx::query(
        "SELECT m.*, (SELECT COUNT(*) FROM matrix_competitors c WHERE c.matrix_id = m.id) AS nc, \
         (SELECT COUNT(*) FROM matrix_dimensions d WHERE d.matrix_id = m.id) AS nd FROM matrices m ORDER BY m.name",
    )
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|r| {
            let m = matrix_from(r)?;
            let (nc, nd): (i64, i64) = (r.try_get("nc")?, r.try_get("nd")?);
            Ok(MatrixSummary { id: m.id.to_string(), name: m.name, owner: m.owner, owner_masked: false, scale: m.scale, competitors: nc as u32, dimensions: nd as u32, updated_at: r.try_get("updated_at")? })
        })
        .collect()
}

/// A stored cell's columns back into a [`Cell`].
pub(crate) fn cell_from(value: Option<String>, source: String, as_of: Option<String>, label: Option<String>) -> CoreResult<Cell> {
    let value = value.map(|v| serde_json::from_str::<CellValue>(&v).map_err(|e| decode("matrix cell value", e))).transpose()?;
    let as_of = as_of.map(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").map_err(|e| decode("matrix cell as_of", e))).transpose()?;
    let label = label.map(|l| Label::parse(&l).ok_or_else(|| decode("matrix cell label", l))).transpose()?;
    Ok(Cell { value, evidence: Evidence { source, as_of, label } })
}

type CellRow = (String, String, Option<String>, String, Option<String>, Option<String>);

/// The whole matrix: definition and every stored cell.
pub async fn load(conn: &mut SqliteConnection, m: Matrix) -> CoreResult<MatrixData> {
    let mid = m.id.to_string();
    let groups = sqlx::query("SELECT * FROM matrix_groups WHERE matrix_id = ? ORDER BY position").bind(&mid).fetch_all(&mut *conn).await?;
    let groups = groups
        .iter()
        .map(|r| Ok(Group { id: r.try_get("id")?, seed: r.try_get("seed")?, name_zh: r.try_get("name_zh")?, name_en: r.try_get("name_en")?, position: r.try_get("position")? }))
        .collect::<CoreResult<Vec<_>>>()?;
    let dims = sqlx::query("SELECT * FROM matrix_dimensions WHERE matrix_id = ? ORDER BY position").bind(&mid).fetch_all(&mut *conn).await?;
    let mut dimensions = Vec::with_capacity(dims.len());
    for r in &dims {
        let kind = row::choice(r, "kind", DimensionKind::parse)?;
        let choices: Vec<String> = serde_json::from_str(&r.try_get::<String, _>("choices")?).map_err(|e| decode("matrix dimension choices", e))?;
        let rule_text: String = r.try_get("rule")?;
        let rule = Rule::parse(&rule_text, kind, m.scale, &choices).map_err(|e| decode("matrix dimension rule", e))?;
        let hidden: i64 = r.try_get("hidden")?;
        dimensions.push(Dimension {
            id: DimensionId(row::uuid(r, "id")?),
            group_id: r.try_get("group_id")?,
            name_zh: r.try_get("name_zh")?,
            name_en: r.try_get("name_en")?,
            kind,
            currency: r.try_get("currency")?,
            unit: r.try_get("unit")?,
            choices,
            weight: row::decimal(r, "weight")?,
            rule,
            position: r.try_get("position")?,
            hidden: hidden != 0,
        });
    }
    let comps = sqlx::query("SELECT * FROM matrix_competitors WHERE matrix_id = ?").bind(&mid).fetch_all(&mut *conn).await?;
    let competitors = comps
        .iter()
        .map(|r| {
            let (ours, hidden): (i64, i64) = (r.try_get("is_ours")?, r.try_get("hidden")?);
            Ok(Competitor { id: CompetitorId(row::uuid(r, "id")?), name: r.try_get("name")?, is_ours: ours != 0, position: r.try_get("position")?, hidden: hidden != 0 })
        })
        .collect::<CoreResult<Vec<_>>>()?;
    let rows: Vec<CellRow> = sqlx::query_as("SELECT competitor_id, dimension_id, value, source, as_of, label FROM matrix_cells WHERE matrix_id = ?")
        .bind(&mid)
        .fetch_all(&mut *conn)
        .await?;
    let mut cells = HashMap::with_capacity(rows.len());
    for (c, d, value, source, as_of, label) in rows {
        let (Some(c), Some(d)) = (CompetitorId::parse(&c), DimensionId::parse(&d)) else { return Err(decode("matrix cell", "bad id")) };
        cells.insert((c, d), cell_from(value, source, as_of, label)?);
    }
    let mut data = MatrixData { matrix: m, groups, dimensions, competitors, cells };
    data.sort();
    Ok(data)
}

pub async fn load_by_id(conn: &mut SqliteConnection, id: MatrixId) -> CoreResult<MatrixData> {
    let r = sqlx::query("SELECT * FROM matrices WHERE id = ?").bind(id.to_string()).fetch_optional(&mut *conn).await?;
    let m = r.as_ref().map(matrix_from).transpose()?.ok_or_else(|| CoreError::not_found("matrix", id))?;
    load(conn, m).await
}

/// When the matrix last changed: every write touches it, so a copy loaded at this stamp is
/// still the store's while the stamp is unchanged.
pub async fn updated_at(conn: &mut SqliteConnection, id: MatrixId) -> CoreResult<String> {
    let stamp: Option<String> = sqlx::query_scalar("SELECT updated_at FROM matrices WHERE id = ?").bind(id.to_string()).fetch_optional(conn).await?;
    stamp.ok_or_else(|| CoreError::not_found("matrix", id))
}

pub async fn load_by_name(conn: &mut SqliteConnection, name: &str) -> CoreResult<MatrixData> {
    let m = find(conn, name).await?;
    load(conn, m).await
}

pub async fn upsert_dimension(conn: &mut SqliteConnection, matrix: MatrixId, d: &Dimension) -> CoreResult<()> {
    let now = clock::now();
    let choices = serde_json::to_string(&d.choices).map_err(|e| decode("choices", e))?;
    sqlx::query(
        "INSERT INTO matrix_dimensions (id, matrix_id, group_id, name_zh, name_en, kind, currency, unit, choices, weight, rule, position, hidden, created_at, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET group_id = excluded.group_id, name_zh = excluded.name_zh, \
         name_en = excluded.name_en, kind = excluded.kind, currency = excluded.currency, unit = excluded.unit, choices = excluded.choices, \
         weight = excluded.weight, rule = excluded.rule, position = excluded.position, hidden = excluded.hidden, updated_at = excluded.updated_at",
    )
    .bind(d.id.to_string())
    .bind(matrix.to_string())
    .bind(&d.group_id)
    .bind(&d.name_zh)
    .bind(&d.name_en)
    .bind(d.kind.code())
    .bind(&d.currency)
    .bind(&d.unit)
    .bind(choices)
    .bind(d.weight.normalize().to_string())
    .bind(d.rule.text())
    .bind(d.position)
    .bind(i64::from(d.hidden))
    .bind(&now)
    .bind(&now)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn upsert_competitor(conn: &mut SqliteConnection, matrix: MatrixId, c: &Competitor) -> CoreResult<()> {
    let now = clock::now();
    sqlx::query(
        "INSERT INTO matrix_competitors (id, matrix_id, name, is_ours, position, hidden, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) \
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, is_ours = excluded.is_ours, position = excluded.position, hidden = excluded.hidden, updated_at = excluded.updated_at",
    )
    .bind(c.id.to_string())
    .bind(matrix.to_string())
    .bind(&c.name)
    .bind(i64::from(c.is_ours))
    .bind(c.position)
    .bind(i64::from(c.hidden))
    .bind(&now)
    .bind(&now)
    .execute(conn)
    .await?;
    Ok(())
}

pub(crate) fn value_json(v: Option<&CellValue>) -> Option<String> {
    v.and_then(|v| serde_json::to_string(v).ok())
}

/// Writes one cell (no history: `edit::apply` records it).
pub async fn write_cell(conn: &mut SqliteConnection, matrix: MatrixId, c: CompetitorId, d: DimensionId, cell: &Cell, now: &str, actor: &str) -> CoreResult<()> {
    sqlx::query(
        "INSERT INTO matrix_cells (matrix_id, competitor_id, dimension_id, value, source, as_of, label, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) \
         ON CONFLICT (competitor_id, dimension_id) DO UPDATE SET value = excluded.value, source = excluded.source, as_of = excluded.as_of, \
         label = excluded.label, updated_at = excluded.updated_at, updated_by = excluded.updated_by",
    )
    .bind(matrix.to_string())
    .bind(c.to_string())
    .bind(d.to_string())
    .bind(value_json(cell.value.as_ref()))
    .bind(&cell.evidence.source)
    .bind(cell.evidence.as_of.map(|d| d.to_string()))
    .bind(cell.evidence.label.map(Label::code))
    .bind(now)
    .bind(actor)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn touch(conn: &mut SqliteConnection, matrix: MatrixId) -> CoreResult<()> {
    sqlx::query("UPDATE matrices SET updated_at = ? WHERE id = ?").bind(clock::now()).bind(matrix.to_string()).execute(conn).await?;
    Ok(())
}

pub async fn notes(conn: &mut SqliteConnection, c: CompetitorId) -> CoreResult<BattlecardNotes> {
    let r: Option<(String, String, String)> = sqlx::query_as("SELECT summary, objections, trap_questions FROM matrix_battlecards WHERE competitor_id = ?")
        .bind(c.to_string())
        .fetch_optional(conn)
        .await?;
    Ok(r.map(|(summary, objections, trap_questions)| BattlecardNotes { summary, objections, trap_questions }).unwrap_or_default())
}

pub async fn save_notes(conn: &mut SqliteConnection, c: CompetitorId, n: &BattlecardNotes) -> CoreResult<()> {
    sqlx::query(
        "INSERT INTO matrix_battlecards (competitor_id, summary, objections, trap_questions, updated_at) VALUES (?, ?, ?, ?, ?) \
         ON CONFLICT (competitor_id) DO UPDATE SET summary = excluded.summary, objections = excluded.objections, trap_questions = excluded.trap_questions, updated_at = excluded.updated_at",
    )
    .bind(c.to_string())
    .bind(n.summary.trim())
    .bind(n.objections.trim())
    .bind(n.trap_questions.trim())
    .bind(clock::now())
    .execute(conn)
    .await?;
    Ok(())
}
