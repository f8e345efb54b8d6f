//! Customers, their contacts, and the opportunities in the sales funnel.

pub mod contact;
pub mod customer;
pub mod opportunity;

use crate::error::FieldCode;
use crate::validate::Checker;
use serde::Serialize;
use ts_rs::TS;

/// An entry of a picker (customer select in forms).
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct RefOption {
    pub id: String,
    pub label: String,
}

/// An optional id field: empty means "new record".
pub(crate) fn parse_optional_id<T>(c: &mut Checker, raw: Option<&str>, parse: impl Fn(&str) -> Option<T>) -> Option<T> {
    let raw = raw.map(str::trim).filter(|s| !s.is_empty())?;
    let parsed = parse(raw);
    if parsed.is_none() {
        c.fail("id", FieldCode::InvalidReference, format!("'{}' is not a record id", crate::validate::truncate(raw)));
    }
    parsed
}

/// Marks one live row of `table` deleted and records it in the audit log, in one
/// transaction. `table` is always a literal from this crate.
pub(crate) async fn soft_delete(pool: &sqlx::SqlitePool, table: &'static str, entity: &'static str, id: &str) -> crate::CoreResult<()> {
    let mut tx = pool.begin().await?;
    soft_delete_in(&mut tx, table, entity, id).await?;
    tx.commit().await?;
    tracing::info!(table, id, "record deleted");
    Ok(())
}

/// [`soft_delete`] inside the caller's transaction.
pub(crate) async fn soft_delete_in(conn: &mut sqlx::SqliteConnection, table: &'static str, entity: &'static str, id: &str) -> crate::CoreResult<()> {
    let now = crate::clock::now();
    let done = sqlx::query(&format!("UPDATE {table} SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL"))
        .bind(&now)
        .bind(&now)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    if done.rows_affected() == 0 {
        return Err(crate::CoreError::not_found(entity, id));
    }
    crate::audit::record(conn, crate::audit::Event { action: "delete", entity, entity_id: id, detail: serde_json::json!({}) }).await
}
