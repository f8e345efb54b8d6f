//! Exporting every live record of a table, in id order (creation order for UUIDv7), with the
//! canonical columns of [`super::columns`].

use super::columns::columns;
use super::write::write_file;
use super::{Cell, FileFormat, TableName};
use crate::catalog::product::{self, Product};
use crate::crm::contact::{self, Contact};
use crate::crm::customer::{self, Customer};
use crate::crm::opportunity::{self, Opportunity};
use crate::error::CoreResult;
use crate::listing::ListSpec;
use sqlx::SqlitePool;
use std::path::Path;

async fn all<T>(pool: &SqlitePool, spec: &ListSpec) -> CoreResult<Vec<T>>
where
    T: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow> + Send + Unpin,
{
    Ok(sqlx::query_as(&format!("{} ORDER BY {}", spec.select, spec.id_column)).fetch_all(pool).await?)
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

/// The rows of `table` as cells, in the column order of [`columns`].
pub async fn rows(pool: &SqlitePool, table: TableName) -> CoreResult<Vec<Vec<Cell>>> {
    Ok(match table {
        TableName::Customers => all::<Customer>(pool, &customer::LIST)
            .await?
            .into_iter()
            .map(|c| {
                vec![
                    text(c.id.to_string()),
                    text(c.name),
                    text(c.industry),
                    text(c.size.map(|s| s.code()).unwrap_or("")),
                    text(c.region),
                    text(c.tier.map(|t| t.code()).unwrap_or("")),
                    text(c.owner),
                    text(c.notes),
                ]
            })
            .collect(),
        TableName::Contacts => all::<Contact>(pool, &contact::LIST)
            .await?
            .into_iter()
            .map(|c| {
                vec![
                    text(c.id.to_string()),
                    text(c.customer_id.map(|id| id.to_string()).unwrap_or_default()),
                    text(c.customer_name.unwrap_or_default()),
                    text(c.name),
                    text(c.title),
                    text(c.mobile),
                    text(c.email),
                ]
            })
            .collect(),
        TableName::Products => all::<Product>(pool, &product::LIST)
            .await?
            .into_iter()
            .map(|p| {
                vec![
                    text(p.id.to_string()),
                    text(p.sku),
                    text(p.name),
                    text(p.product_line),
                    text(p.unit),
                    Cell::Number(p.list_price),
                    Cell::Number(p.cost),
                    Cell::Number(p.tax_rate_pct),
                    text(p.currency),
                    Cell::Bool(p.active),
                ]
            })
            .collect(),
        TableName::Opportunities => all::<Opportunity>(pool, &opportunity::LIST)
            .await?
            .into_iter()
            .map(|o| {
                vec![
                    text(o.id.to_string()),
                    text(o.customer_id.to_string()),
                    text(o.customer_name),
                    text(o.name),
                    text(o.stage.code()),
                    Cell::Number(o.amount),
                    text(o.currency),
                    text(o.expected_close.map(|d| d.to_string()).unwrap_or_default()),
                    Cell::Number(o.probability_pct),
                    text(o.competitor),
                    text(o.owner),
                ]
            })
            .collect(),
    })
}

/// Writes `table` to `path` (atomically) and returns the number of rows written.
pub async fn export(pool: &SqlitePool, table: TableName, format: FileFormat, path: &Path) -> CoreResult<u32> {
    let rows = rows(pool, table).await?;
    let headers: Vec<&str> = columns(table).iter().map(|c| c.name).collect();
    let target = path.to_path_buf();
    let count = rows.len();
    tokio::task::spawn_blocking(move || write_file(&target, format, &headers, &rows))
        .await
        .map_err(|e| crate::CoreError::io("export task failed", std::io::Error::other(e.to_string())))??;
    let file = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    crate::audit::record_now(
        pool,
        crate::audit::Event { action: "export", entity: table.code(), entity_id: "", detail: serde_json::json!({ "file": file, "rows": count, "format": format.extension() }) },
    )
    .await?;
    tracing::info!(table = table.code(), rows = count, "export written");
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}
