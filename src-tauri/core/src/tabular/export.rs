//! Exporting every live record of a table, in id order (creation order for UUIDv7), with the
//! canonical columns of [`super::columns`], in clear or masked through a policy (the personal
//! columns of the registry, notes scanned). A masked file keeps the same columns, so other
//! tools import it as they would the clear one; the policy is in its name
//! (`…-masked-distributor.csv`, see [`masked_file_name`]) and in the audit entry.

use super::columns::columns;
use super::write::write_file;
use super::{Cell, FileFormat, TableName};
use crate::catalog::product::{self, Product};
use crate::crm::contact::{self, Contact};
use crate::crm::customer::{self, Customer};
use crate::crm::opportunity::{self, Opportunity};
use crate::error::CoreResult;
use crate::listing::ListSpec;
use crate::masking::apply::Masker;
use crate::masking::records::{mask_all, MaskedRecord};
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

/// All live records of a table, masked when a masker is given.
async fn records<T>(pool: &SqlitePool, spec: &ListSpec, masker: Option<&Masker<'_>>) -> CoreResult<Vec<T>>
where
    T: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow> + Send + Unpin + MaskedRecord,
{
    let mut items = all::<T>(pool, spec).await?;
    if let Some(m) = masker {
        mask_all(&mut items, m)?;
    }
    Ok(items)
}

/// The rows of `table` as cells, in the column order of [`columns`].
pub async fn rows(pool: &SqlitePool, table: TableName) -> CoreResult<Vec<Vec<Cell>>> {
    rows_masked(pool, table, None).await
}

/// [`rows`] through `masker` (None: in clear).
pub async fn rows_masked(pool: &SqlitePool, table: TableName, masker: Option<&Masker<'_>>) -> CoreResult<Vec<Vec<Cell>>> {
    Ok(match table {
        TableName::Customers => records::<Customer>(pool, &customer::LIST, masker)
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
        TableName::Contacts => records::<Contact>(pool, &contact::LIST, masker)
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
        TableName::Opportunities => records::<Opportunity>(pool, &opportunity::LIST, masker)
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

/// Writes `table` to `path` (atomically) in clear and returns the number of rows written.
pub async fn export(pool: &SqlitePool, table: TableName, format: FileFormat, path: &Path) -> CoreResult<u32> {
    export_masked(pool, table, format, path, None).await
}

/// The file name an export through `policy` suggests: `contacts-2026-12-02-masked-distributor.csv`
/// (no suffix for the admin policy, which keeps everything in clear).
pub fn masked_file_name(table: TableName, date: &str, policy: &str, format: FileFormat) -> String {
    let suffix = if policy == "admin" { String::new() } else { format!("-masked-{policy}") };
    format!("{}-{date}{suffix}.{}", table.code(), format.extension())
}

/// [`export`] through `masker` (None: in clear); the audit entry names the policy.
pub async fn export_masked(pool: &SqlitePool, table: TableName, format: FileFormat, path: &Path, masker: Option<&Masker<'_>>) -> CoreResult<u32> {
    let rows = rows_masked(pool, table, masker).await?;
    let policy = masker.map_or("none", |m| m.policy.name.as_str()).to_string();
    let headers: Vec<&str> = columns(table).iter().map(|c| c.name).collect();
    let target = path.to_path_buf();
    let count = rows.len();
    tokio::task::spawn_blocking(move || write_file(&target, format, &headers, &rows))
        .await
        .map_err(|e| crate::CoreError::io("export task failed", std::io::Error::other(e.to_string())))??;
    let file = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    crate::audit::record_now(
        pool,
        crate::audit::Event { action: "export", entity: table.code(), entity_id: "", detail: serde_json::json!({ "file": file, "rows": count, "format": format.extension(), "policy": policy }) },
    )
    .await?;
    tracing::info!(table = table.code(), rows = count, policy = %policy, "export written");
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}
