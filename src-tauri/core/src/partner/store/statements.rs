//! Statement versions: each run of a payee's period stores a new version (computed), holding
//! the whole statement as a JSON snapshot; locking marks one version final. A locked row is
//! never changed or deleted (the database refuses it, see the migration's triggers). The
//! *settled* version of a period is its newest locked version, else its newest version.

use super::Payee;
use crate::clock;
use crate::error::{CoreError, CoreResult};
use crate::ids::new_row_id;
use crate::partner::sales::Period;
use crate::partner::statement::Statement;
use crate::store::row;
use rust_decimal::Decimal;
use serde::Serialize;
use sqlx::{Row, SqliteConnection};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "StatementStatus")]
pub enum Status {
    Computed,
    Locked,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Self::Computed => "computed",
            Self::Locked => "locked",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct StatementRecord {
    pub id: String,
    pub payee: Payee,
    /// As asked for: `2026-Q3`.
    pub period_label: String,
    pub version: u32,
    pub status: Status,
    pub plan_name: String,
    pub plan_version: u32,
    pub currency: String,
    #[ts(type = "string")]
    pub total: Decimal,
    pub created_at: String,
    pub locked_at: Option<String>,
    pub statement: Statement,
}

impl StatementRecord {
    /// `LOCKED v2` or `DRAFT v3`, as printed on the statement.
    pub fn mark(&self) -> String {
        match self.status {
            Status::Locked => format!("LOCKED v{}", self.version),
            Status::Computed => format!("DRAFT v{}", self.version),
        }
    }
}

fn from_row(r: &sqlx::sqlite::SqliteRow) -> CoreResult<StatementRecord> {
    let kind: String = r.try_get("payee_kind")?;
    let code: String = r.try_get("payee")?;
    let status: String = r.try_get("status")?;
    let snapshot: String = r.try_get("snapshot")?;
    let statement: Statement = serde_json::from_str(&snapshot).map_err(|e| CoreError::BadRequest(format!("a stored statement cannot be read ({e})")))?;
    let version: i64 = r.try_get("version")?;
    let plan_version: i64 = r.try_get("plan_version")?;
    Ok(StatementRecord {
        id: r.try_get("id")?,
        payee: if kind == "rep" { Payee::Rep(code) } else { Payee::Partner(code) },
        period_label: r.try_get("period")?,
        version: u32::try_from(version).unwrap_or(0),
        status: if status == "locked" { Status::Locked } else { Status::Computed },
        plan_name: r.try_get("plan_name")?,
        plan_version: u32::try_from(plan_version).unwrap_or(0),
        currency: r.try_get("currency")?,
        total: row::decimal(r, "total")?,
        created_at: r.try_get("created_at")?,
        locked_at: r.try_get("locked_at")?,
        statement,
    })
}

/// Stores `s` as the next version of its payee and period; returns the version.
pub async fn insert_version(conn: &mut SqliteConnection, payee: &Payee, label: &str, plan_id: &str, plan_version: u32, s: &Statement) -> CoreResult<StatementRecord> {
    let (from, to) = (s.period.from.to_string(), s.period.to.to_string());
    let last: Option<i64> = sqlx::query_scalar("SELECT MAX(version) FROM statements WHERE payee_kind = ? AND payee = ? AND period_from = ? AND period_to = ?")
        .bind(payee.kind())
        .bind(payee.code())
        .bind(&from)
        .bind(&to)
        .fetch_one(&mut *conn)
        .await?;
    let version = last.unwrap_or(0) + 1;
    let snapshot = serde_json::to_string(s).map_err(|e| CoreError::BadRequest(format!("the statement cannot be written as JSON: {e}")))?;
    let id = new_row_id();
    let now = clock::now();
    sqlx::query(
        "INSERT INTO statements (id, payee_kind, payee, period, period_from, period_to, version, status, plan_id, plan_name, plan_version, currency, lines_total, total, carried_out, rounding, line_count, snapshot, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'computed', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&id)
    .bind(payee.kind())
    .bind(payee.code())
    .bind(label)
    .bind(&from)
    .bind(&to)
    .bind(version)
    .bind(plan_id)
    .bind(&s.plan_name)
    .bind(i64::from(plan_version))
    .bind(&s.currency)
    .bind(s.lines_total.to_string())
    .bind(s.total.to_string())
    .bind(s.carried_out.to_string())
    .bind(&s.rounding)
    .bind(i64::try_from(s.lines.len()).unwrap_or(i64::MAX))
    .bind(&snapshot)
    .bind(&now)
    .execute(&mut *conn)
    .await?;
    get(conn, payee, s.period, Some(u32::try_from(version).unwrap_or(u32::MAX))).await
}

/// One version of a payee's period (`None` = the newest).
pub async fn get(conn: &mut SqliteConnection, payee: &Payee, period: Period, version: Option<u32>) -> CoreResult<StatementRecord> {
    let row = sqlx::query(
        "SELECT * FROM statements WHERE payee_kind = ? AND payee = ? AND period_from = ? AND period_to = ? AND (? IS NULL OR version = ?) ORDER BY version DESC LIMIT 1",
    )
    .bind(payee.kind())
    .bind(payee.code())
    .bind(period.from.to_string())
    .bind(period.to.to_string())
    .bind(version.map(i64::from))
    .bind(version.map(i64::from))
    .fetch_optional(&mut *conn)
    .await?;
    match row {
        Some(r) => from_row(&r),
        None => {
            let v = version.map(|v| format!(" version {v}")).unwrap_or_default();
            Err(CoreError::NotFound { entity: "statement", id: format!("of {} {} for {} – {}{v} (run it first: `dealdesk share run`)", payee.kind(), payee.code(), period.from, period.to) })
        }
    }
}

/// Locks one version (`None` = the newest). Locking a locked version is a conflict.
pub async fn lock(conn: &mut SqliteConnection, payee: &Payee, period: Period, version: Option<u32>) -> CoreResult<StatementRecord> {
    let rec = get(conn, payee, period, version).await?;
    if rec.status == Status::Locked {
        return Err(CoreError::Conflict(format!("statement v{} of {} for {} is already locked (at {})", rec.version, payee.code(), rec.period_label, rec.locked_at.unwrap_or_default())));
    }
    sqlx::query("UPDATE statements SET status = 'locked', locked_at = ? WHERE id = ? AND status = 'computed'").bind(clock::now()).bind(&rec.id).execute(&mut *conn).await?;
    get(conn, payee, period, Some(rec.version)).await
}

/// The settled statement of every earlier period of the payee (ending before `before`), oldest first.
pub async fn settled_before(conn: &mut SqliteConnection, payee: &Payee, before: chrono::NaiveDate) -> CoreResult<Vec<StatementRecord>> {
    let rows = sqlx::query(
        "SELECT s.* FROM statements s WHERE s.payee_kind = ?1 AND s.payee = ?2 AND s.period_to < ?3
           AND s.id = (SELECT t.id FROM statements t WHERE t.payee_kind = s.payee_kind AND t.payee = s.payee AND t.period_from = s.period_from AND t.period_to = s.period_to
                       ORDER BY (t.status = 'locked') DESC, t.version DESC LIMIT 1)
         ORDER BY s.period_to",
    )
    .bind(payee.kind())
    .bind(payee.code())
    .bind(before.to_string())
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(from_row).collect()
}

/// Every version of the payee's statements (no snapshot parsing needed by callers beyond this).
pub async fn list(conn: &mut SqliteConnection, payee: Option<&Payee>) -> CoreResult<Vec<StatementRecord>> {
    let rows = sqlx::query("SELECT * FROM statements WHERE (?1 IS NULL OR (payee_kind = ?1 AND payee = ?2)) ORDER BY payee_kind, payee, period_from, version")
        .bind(payee.map(|p| p.kind()))
        .bind(payee.map(|p| p.code().to_string()))
        .fetch_all(&mut *conn)
        .await?;
    rows.iter().map(from_row).collect()
}
