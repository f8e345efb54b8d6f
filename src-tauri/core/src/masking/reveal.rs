//! Revealing one masked value in clear: an explicit action, allowed by the data view
//! ([`super::view::may_reveal`]), with a reason, and written to the audit log (who, what,
//! when, why, as which role; never the value) in the transaction that reads the value, so
//! there is no reveal without its entry.

use super::apply::{MaskReport, Masker};
use super::kinds::REGISTRY;
use super::policy::Policy;
use super::view;
use crate::audit;
use crate::error::{CoreError, CoreResult, FieldCode, FieldError};
use crate::tabular::TableName;
use sqlx::SqlitePool;

const MAX_REASON: usize = 500;

fn entity(table: TableName) -> &'static str {
    match table {
        TableName::Customers => "customer",
        TableName::Contacts => "contact",
        TableName::Products => "product",
        TableName::Opportunities => "opportunity",
    }
}

fn invalid(field: &str, code: FieldCode, message: &str) -> CoreError {
    CoreError::Validation(vec![FieldError { field: field.into(), code, message: message.into() }])
}

/// The clear value of `table.field` of record `id`, if the data view may reveal it.
pub async fn reveal(pool: &SqlitePool, table: TableName, id: &str, field: &str, reason: &str) -> CoreResult<String> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(invalid("reason", FieldCode::Required, "say why the value is needed in clear"));
    }
    if reason.chars().count() > MAX_REASON {
        return Err(invalid("reason", FieldCode::TooLong, "at most 500 characters"));
    }
    let column = REGISTRY
        .iter()
        .find(|c| c.table == table.code() && c.column == field)
        .ok_or_else(|| CoreError::BadRequest(format!("{table}.{field} is not a personal-data column")))?;
    if uuid::Uuid::parse_str(id).is_err() {
        return Err(CoreError::BadRequest(format!("'{id}' is not a record id")));
    }
    let mut tx = pool.begin().await?;
    let view = view::load(&mut tx).await?;
    if !view.can_reveal {
        let why = if view.privacy_screen { "the privacy screen is on".to_string() } else { format!("the {} data view may not reveal personal data", view.role.code()) };
        return Err(CoreError::Conflict(format!("not revealed: {why}")));
    }
    // Table and column are literals from the registry, never text from the caller.
    let sql = format!("SELECT {} FROM {} WHERE id = ? AND deleted_at IS NULL", column.column, column.table);
    let value: Option<String> = sqlx::query_scalar(&sql).bind(id).fetch_optional(&mut *tx).await?;
    let value = value.ok_or_else(|| CoreError::not_found(entity(table), id))?;
    // The reason is free text: whatever personal data it holds is kept masked.
    let default = Policy::default_policy();
    let safe_reason = Masker { policy: &default, keys: None }.text(reason, &mut MaskReport::default())?.into_owned();
    let kind = if column.free_text { "free_text" } else { column.kind.code() };
    let detail = serde_json::json!({
        "field": field, "kind": kind, "reason": safe_reason, "role": view.role.code(), "privacy_screen": view.privacy_screen,
    });
    audit::record(&mut tx, audit::Event { action: "reveal", entity: entity(table), entity_id: id, detail }).await?;
    tx.commit().await?;
    tracing::info!(table = table.code(), id, field, "personal value revealed");
    Ok(value)
}
