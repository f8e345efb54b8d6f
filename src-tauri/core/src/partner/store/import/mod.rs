//! Importing partner, rep and sales files (CSV/XLSX through `tabular::read`), all or nothing:
//! every row is checked and written inside one transaction, and any problem rolls it back and
//! comes back as a list naming the file, row and column (personal values masked). A file whose
//! bytes (SHA-256) were imported before is refused whole, so a report dropped twice counts once.
//!
//! `rows` reads a file into checked-header rows, `sales`, `partners` and `reps` check and write
//! each kind; the batch record (the file's hash, its audit entry) is here.

mod partners;
mod reps;
mod rows;
mod sales;

pub use partners::import_partners;
pub use reps::{import_reps, parse_quotas};
pub(crate) use rows::rows;
pub use sales::{import_sales, parse_sales, ParsedLine};

use crate::clock;
use crate::error::{CoreError, CoreResult};
use crate::ids::new_row_id;
use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::{Row, SqliteConnection};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export, rename = "PartnerImportSummary")]
pub struct ImportSummary {
    #[ts(type = "string")]
    pub kind: &'static str,
    pub file_name: String,
    pub batch_id: String,
    pub sha256: String,
    pub inserted: u32,
    pub updated: u32,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Refuses bytes imported before as the same kind; else records the new batch.
async fn begin_batch(conn: &mut SqliteConnection, kind: &'static str, file_name: &str, sha: &str) -> CoreResult<String> {
    let before = sqlx::query("SELECT id, file_name, imported_at, rows FROM import_batches WHERE kind = ? AND sha256 = ?").bind(kind).bind(sha).fetch_optional(&mut *conn).await?;
    if let Some(r) = before {
        let (id, name, at, rows): (String, String, String, i64) = (r.try_get("id")?, r.try_get("file_name")?, r.try_get("imported_at")?, r.try_get("rows")?);
        return Err(CoreError::Conflict(format!(
            "{file_name}: this file was already imported on {at} (as {name}, batch {id}, {rows} row(s)); nothing was imported"
        )));
    }
    let id = new_row_id();
    sqlx::query("INSERT INTO import_batches (id, kind, file_name, sha256, rows, imported_at) VALUES (?, ?, ?, ?, 0, ?)")
        .bind(&id)
        .bind(kind)
        .bind(file_name)
        .bind(sha)
        .bind(clock::now())
        .execute(&mut *conn)
        .await?;
    Ok(id)
}

async fn finish_batch(conn: &mut SqliteConnection, s: &ImportSummary) -> CoreResult<()> {
    sqlx::query("UPDATE import_batches SET rows = ? WHERE id = ?").bind(i64::from(s.inserted + s.updated)).bind(&s.batch_id).execute(&mut *conn).await?;
    let detail = serde_json::json!({ "file": s.file_name, "sha256": s.sha256, "inserted": s.inserted, "updated": s.updated });
    crate::audit::record(conn, crate::audit::Event { action: "import", entity: s.kind, entity_id: &s.batch_id, detail }).await
}
