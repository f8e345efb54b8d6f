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
use serde::{Deserialize, Serialize};
use sqlx::SqlitePool;
use ts_rs::TS;

const MAX_REASON: usize = 500;

/// The tables whose personal columns the window may reveal: the four list tables, and the
/// quotes, contracts and legal review with their history rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RevealTable {
    Customers,
    Contacts,
    Products,
    Opportunities,
    Quotes,
    QuoteEvents,
    Contracts,
    ContractEvents,
    ContractSignoffs,
    ReviewItems,
    ReviewFlags,
    Partners,
    SalesReps,
}

impl RevealTable {
    pub fn code(self) -> &'static str {
        match self {
            Self::Customers => "customers",
            Self::Contacts => "contacts",
            Self::Products => "products",
            Self::Opportunities => "opportunities",
            Self::Quotes => "quotes",
            Self::QuoteEvents => "quote_events",
            Self::Contracts => "contracts",
            Self::ContractEvents => "contract_events",
            Self::ContractSignoffs => "contract_signoffs",
            Self::ReviewItems => "review_items",
            Self::ReviewFlags => "review_flags",
            Self::Partners => "partners",
            Self::SalesReps => "sales_reps",
        }
    }

    /// The audit log's entity name.
    fn entity(self) -> &'static str {
        match self {
            Self::Customers => "customer",
            Self::Contacts => "contact",
            Self::Products => "product",
            Self::Opportunities => "opportunity",
            Self::Quotes => "quote",
            Self::QuoteEvents => "quote_event",
            Self::Contracts => "contract",
            Self::ContractEvents => "contract_event",
            Self::ContractSignoffs => "contract_signoff",
            Self::ReviewItems => "review_item",
            Self::ReviewFlags => "review_flag",
            Self::Partners => "partner",
            Self::SalesReps => "sales_rep",
        }
    }

    /// Whether rows are deleted softly (`deleted_at`); history rows are never deleted.
    fn soft_deleted(self) -> bool {
        matches!(self, Self::Customers | Self::Contacts | Self::Products | Self::Opportunities | Self::Quotes | Self::Contracts)
    }
}

impl From<TableName> for RevealTable {
    fn from(t: TableName) -> Self {
        match t {
            TableName::Customers => Self::Customers,
            TableName::Contacts => Self::Contacts,
            TableName::Products => Self::Products,
            TableName::Opportunities => Self::Opportunities,
        }
    }
}

fn invalid(field: &str, code: FieldCode, message: &str) -> CoreError {
    CoreError::Validation(vec![FieldError { field: field.into(), code, message: message.into() }])
}

/// The clear value of `table.field` of record `id`, if the data view may reveal it.
pub async fn reveal(pool: &SqlitePool, table: impl Into<RevealTable>, id: &str, field: &str, reason: &str) -> CoreResult<String> {
    let table = table.into();
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
        .ok_or_else(|| CoreError::BadRequest(format!("{}.{field} is not a personal-data column", table.code())))?;
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
    let live = if table.soft_deleted() { " AND deleted_at IS NULL" } else { "" };
    let sql = format!("SELECT {} FROM {} WHERE id = ?{live}", column.column, column.table);
    // A column may be NULL (a review item nobody has decided yet): shown as empty.
    let value: Option<Option<String>> = sqlx::query_scalar(&sql).bind(id).fetch_optional(&mut *tx).await?;
    let value = value.ok_or_else(|| CoreError::not_found(table.entity(), id))?.unwrap_or_default();
    // The reason is free text: whatever personal data it holds is kept masked.
    let default = Policy::default_policy();
    let safe_reason = Masker { policy: &default, keys: None }.text(reason, &mut MaskReport::default())?.into_owned();
    let kind = if column.free_text { "free_text" } else { column.kind.code() };
    let detail = serde_json::json!({
        "field": field, "kind": kind, "reason": safe_reason, "role": view.role.code(), "privacy_screen": view.privacy_screen,
    });
    audit::record(&mut tx, audit::Event { action: "reveal", entity: table.entity(), entity_id: id, detail }).await?;
    tx.commit().await?;
    tracing::info!(table = table.code(), id, field, "personal value revealed");
    Ok(value)
}
