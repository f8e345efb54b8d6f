//! The quote list: one row per revision with its stored total, server-side search, sort and
//! paging (search never looks at the owner, who is personal data shown through the data view).

use super::model::{display_number, QuoteStatus};
use crate::error::CoreResult;
use crate::listing::{fetch_page, ListQuery, ListSpec, Page};
use crate::store::row;
use rust_decimal::Decimal;
use serde::Serialize;
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqlitePool};
use ts_rs::TS;

/// One row of the quote list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct QuoteSummary {
    pub id: String,
    pub number: Option<String>,
    pub revision: u32,
    pub status: QuoteStatus,
    pub customer_name: String,
    pub currency: String,
    /// The stored total (recomputed on every save).
    #[ts(type = "string")]
    pub total: Decimal,
    pub quote_date: String,
    pub valid_until: String,
    pub updated_at: String,
    /// Who made the quote (an employee's name: personal data, shown through the data view).
    pub owner: String,
    /// Fields shown masked by the data view's policy; empty in clear.
    pub masked: Vec<String>,
}

impl<'r> sqlx::FromRow<'r, SqliteRow> for QuoteSummary {
    fn from_row(r: &'r SqliteRow) -> Result<Self, sqlx::Error> {
        let revision: i64 = r.try_get("revision")?;
        let revision = u32::try_from(revision).unwrap_or(1);
        let number: Option<String> = r.try_get("number")?;
        Ok(Self {
            id: r.try_get("id")?,
            number: display_number(number.as_deref(), revision),
            revision,
            status: row::choice(r, "status", QuoteStatus::parse)?,
            customer_name: r.try_get("customer_name")?,
            currency: r.try_get("currency")?,
            total: row::decimal(r, "total")?,
            quote_date: r.try_get("quote_date")?,
            valid_until: r.try_get("valid_until")?,
            updated_at: r.try_get("updated_at")?,
            owner: r.try_get("owner")?,
            masked: Vec::new(),
        })
    }
}

pub const LIST: ListSpec = ListSpec {
    select: "SELECT q.*, c.name AS customer_name FROM quotes q JOIN customers c ON c.id = q.customer_id WHERE q.deleted_at IS NULL",
    count: "SELECT COUNT(*) FROM quotes q JOIN customers c ON c.id = q.customer_id WHERE q.deleted_at IS NULL",
    search_columns: &["q.number", "c.name", "q.status"],
    sort_keys: &[
        ("number", "q.number"),
        ("customer_name", "LOWER(c.name)"),
        ("status", "q.status"),
        ("total", "CAST(q.total AS REAL)"),
        ("quote_date", "q.quote_date"),
        ("valid_until", "q.valid_until"),
        ("updated_at", "q.updated_at"),
    ],
    default_sort: "q.updated_at",
    id_column: "q.id",
};

pub async fn list(pool: &SqlitePool, query: &ListQuery) -> CoreResult<Page<QuoteSummary>> {
    super::workflow::expire_due(pool).await?;
    let mut conn = pool.acquire().await?;
    fetch_page(&mut conn, &LIST, query).await
}
