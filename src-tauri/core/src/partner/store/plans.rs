//! Plan versions: saving a plan (validated by the plan parser, then stored as JSON under its
//! name with the next version number) and finding the version in effect for a period: the
//! one with the latest `effective_from` on or before the period's first day, the highest
//! version among equals.

use super::invalid;
use crate::error::{CoreError, CoreResult, FieldCode};
use crate::ids::new_row_id;
use crate::partner::parse::parse_plan;
use crate::partner::plan::{Plan, PlanKind};
use crate::partner::validate::validate;
use chrono::NaiveDate;
use serde::Serialize;
use sqlx::{Row, SqliteConnection};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredPlan {
    pub id: String,
    pub name: String,
    pub version: u32,
    pub effective_from: NaiveDate,
    pub created_at: String,
    pub plan: Plan,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct PlanSummary {
    pub name: String,
    pub version: u32,
    pub kind: PlanKind,
    pub effective_from: String,
    pub created_at: String,
}

fn kind_code(k: PlanKind) -> &'static str {
    match k {
        PlanKind::Partner => "partner",
        PlanKind::Rep => "rep",
    }
}

/// Saves `plan` as the next version of its name; `plan.name` and `plan.effective_from` are
/// what is stored (callers override them before). Refuses a plan that does not validate.
pub async fn save(conn: &mut SqliteConnection, plan: &Plan, now: &str) -> CoreResult<StoredPlan> {
    validate(plan)?;
    let json = serde_json::to_string_pretty(plan).map_err(|e| CoreError::BadRequest(format!("the plan cannot be written as JSON: {e}")))?;
    // What is stored must read back through the parser exactly as it is run.
    let reread = parse_plan(json.as_bytes())?;
    if &reread != plan {
        return Err(invalid("$", FieldCode::Unreadable, "the plan does not read back the same after saving"));
    }
    let last: Option<i64> = sqlx::query_scalar("SELECT MAX(version) FROM plans WHERE name = ?").bind(&plan.name).fetch_one(&mut *conn).await?;
    let version = last.unwrap_or(0) + 1;
    let id = new_row_id();
    sqlx::query("INSERT INTO plans (id, name, version, kind, effective_from, json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(&id)
        .bind(&plan.name)
        .bind(version)
        .bind(kind_code(plan.kind))
        .bind(plan.effective_from.to_string())
        .bind(&json)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(StoredPlan { id, name: plan.name.clone(), version: u32::try_from(version).unwrap_or(u32::MAX), effective_from: plan.effective_from, created_at: now.to_string(), plan: plan.clone() })
}

fn stored(r: &sqlx::sqlite::SqliteRow) -> CoreResult<StoredPlan> {
    let json: String = r.try_get("json")?;
    // A stored plan went through the parser on save; reading it through it again keeps a
    // tampered row from running.
    let plan = parse_plan(json.as_bytes())?;
    let version: i64 = r.try_get("version")?;
    Ok(StoredPlan {
        id: r.try_get("id")?,
        name: r.try_get("name")?,
        version: u32::try_from(version).unwrap_or(0),
        effective_from: plan.effective_from,
        created_at: r.try_get("created_at")?,
        plan,
    })
}

/// The plan version of `kind` in effect on `on` (optionally only plans called `name`).
pub async fn effective(conn: &mut SqliteConnection, kind: PlanKind, name: Option<&str>, on: NaiveDate) -> CoreResult<StoredPlan> {
    let row = sqlx::query(
        "SELECT * FROM plans WHERE kind = ? AND effective_from <= ? AND (? IS NULL OR name = ?) ORDER BY effective_from DESC, created_at DESC, version DESC LIMIT 1",
    )
    .bind(kind_code(kind))
    .bind(on.to_string())
    .bind(name)
    .bind(name)
    .fetch_optional(&mut *conn)
    .await?;
    match row {
        Some(r) => stored(&r),
        None => {
            let what = name.map(|n| format!(" called '{n}'")).unwrap_or_default();
            Err(CoreError::NotFound { entity: "plan", id: format!("of kind {}{what} in effect on {on} (save one with `dealdesk plan save`)", kind_code(kind)) })
        }
    }
}

pub async fn by_id(conn: &mut SqliteConnection, id: &str) -> CoreResult<StoredPlan> {
    let row = sqlx::query("SELECT * FROM plans WHERE id = ?").bind(id).fetch_optional(&mut *conn).await?;
    stored(&row.ok_or_else(|| CoreError::not_found("plan", id))?)
}

pub async fn list(conn: &mut SqliteConnection) -> CoreResult<Vec<PlanSummary>> {
    let rows = sqlx::query("SELECT name, version, kind, effective_from, created_at FROM plans ORDER BY name, version").fetch_all(&mut *conn).await?;
    let mut out = Vec::new();
    for r in rows {
        let version: i64 = r.try_get("version")?;
        let kind: String = r.try_get("kind")?;
        out.push(PlanSummary {
            name: r.try_get("name")?,
            version: u32::try_from(version).unwrap_or(0),
            kind: if kind == "rep" { PlanKind::Rep } else { PlanKind::Partner },
            effective_from: r.try_get("effective_from")?,
            created_at: r.try_get("created_at")?,
        });
    }
    Ok(out)
}

/// One stored version of the plan called `name`.
pub async fn version(conn: &mut SqliteConnection, name: &str, version: u32) -> CoreResult<StoredPlan> {
    let row = sqlx::query("SELECT * FROM plans WHERE name = ? AND version = ?").bind(name).bind(i64::from(version)).fetch_optional(&mut *conn).await?;
    stored(&row.ok_or_else(|| CoreError::not_found("plan", format!("{name} v{version}")))?)
}
