//! Sales reps and their monthly quotas (targets). A rep commission statement's targets are the
//! quotas of the months its period touches.

use crate::error::CoreResult;
use crate::ids::new_row_id;
use crate::partner::sales::{MonthlyTarget, Period};
use crate::store::row;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use sqlx::{Row, SqliteConnection};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rep {
    pub id: String,
    pub code: String,
    pub name: String,
}

/// Inserts the rep or renames the one with the same code; returns its id.
pub async fn upsert(conn: &mut SqliteConnection, code: &str, name: &str, now: &str) -> CoreResult<String> {
    if let Some(id) = id_by_code(conn, code).await? {
        sqlx::query("UPDATE sales_reps SET name = ?, updated_at = ? WHERE id = ?").bind(name).bind(now).bind(&id).execute(&mut *conn).await?;
        return Ok(id);
    }
    let id = new_row_id();
    sqlx::query("INSERT INTO sales_reps (id, code, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
        .bind(&id)
        .bind(code)
        .bind(name)
        .bind(now)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(id)
}

pub async fn id_by_code(conn: &mut SqliteConnection, code: &str) -> CoreResult<Option<String>> {
    Ok(sqlx::query_scalar("SELECT id FROM sales_reps WHERE code = ?").bind(code.trim()).fetch_optional(&mut *conn).await?)
}

/// Sets the rep's quota for the month of `month` (any day in it).
pub async fn set_quota(conn: &mut SqliteConnection, rep_id: &str, month: NaiveDate, amount: Decimal) -> CoreResult<()> {
    sqlx::query("INSERT INTO rep_quotas (rep_id, month, amount) VALUES (?, ?, ?) ON CONFLICT (rep_id, month) DO UPDATE SET amount = excluded.amount")
        .bind(rep_id)
        .bind(month.format("%Y-%m").to_string())
        .bind(amount.to_string())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn list(conn: &mut SqliteConnection) -> CoreResult<Vec<Rep>> {
    let rows = sqlx::query("SELECT id, code, name FROM sales_reps ORDER BY code").fetch_all(&mut *conn).await?;
    Ok(rows.iter().map(|r| Ok(Rep { id: r.try_get("id")?, code: r.try_get("code")?, name: r.try_get("name")? })).collect::<Result<_, sqlx::Error>>()?)
}

/// The rep's quotas for the months `period` touches.
pub async fn targets(conn: &mut SqliteConnection, rep_code: &str, period: Period) -> CoreResult<Vec<MonthlyTarget>> {
    let rows = sqlx::query("SELECT q.month, q.amount FROM rep_quotas q JOIN sales_reps r ON r.id = q.rep_id WHERE r.code = ? AND q.month BETWEEN ? AND ? ORDER BY q.month")
        .bind(rep_code)
        .bind(period.from.format("%Y-%m").to_string())
        .bind(period.to.format("%Y-%m").to_string())
        .fetch_all(&mut *conn)
        .await?;
    let mut out = Vec::new();
    for r in rows {
        let month: String = r.try_get("month")?;
        let Ok(first) = NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d") else { continue };
        out.push(MonthlyTarget { month: first, amount: row::decimal(&r, "amount")? });
    }
    Ok(out)
}
