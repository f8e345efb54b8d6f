//! A stored statement version written out as a bilingual PDF (pdf/statement.rs), CSV or XLSX
//! (`export`), by rename so a crash never leaves half a file, and recorded in the audit log
//! (which version, its status, the format and the file name).

use super::statements::StatementRecord;
use super::{export, service, window, Payee};
use crate::error::CoreResult;
use crate::pdf::statement::StatementHeader;
use crate::pdf::PdfEngine;
use crate::tabular::FileFormat;
use serde::{Deserialize, Serialize};
use sqlx::SqlitePool;
use std::path::Path;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum StatementFormat {
    Pdf,
    Csv,
    Xlsx,
}

impl StatementFormat {
    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Csv => "csv",
            Self::Xlsx => "xlsx",
        }
    }
}

/// `statement-D001-2026-Q3-v2-locked.pdf`: payee, period, version and status in the name.
pub fn file_name(rec: &StatementRecord, format: StatementFormat) -> String {
    let status = if rec.locked_at.is_some() { "locked" } else { "draft" };
    let safe: String = format!("{}-{}", rec.payee.code(), rec.period_label).chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect();
    format!("statement-{safe}-v{}-{status}.{}", rec.version, format.extension())
}

/// The PDF's bytes.
pub async fn render_pdf(pool: &SqlitePool, engine: &PdfEngine, rec: &StatementRecord) -> CoreResult<Vec<u8>> {
    let name = window::payee_name(pool, &rec.payee).await?;
    let plan = format!("{} v{}", rec.plan_name, rec.plan_version);
    let mark = rec.mark();
    let generated = rec.locked_at.clone().unwrap_or_else(|| rec.created_at.clone());
    let header = StatementHeader { payee: &name, period_label: &rec.period_label, mark: &mark, plan: &plan, generated: &generated[..10.min(generated.len())] };
    engine.render_statement(&rec.statement, &header)
}

/// Writes version `version` (`None` = newest) of the payee's period to `path`; audited.
pub async fn write(pool: &SqlitePool, engine: &PdfEngine, payee: &Payee, label: &str, version: Option<u32>, format: StatementFormat, path: &Path) -> CoreResult<StatementRecord> {
    let rec = service::get(pool, payee, label, version).await?;
    match format {
        StatementFormat::Pdf => crate::pdf::write_atomically(path, &render_pdf(pool, engine, &rec).await?)?,
        StatementFormat::Csv => export::write(&rec, FileFormat::Csv, path)?,
        StatementFormat::Xlsx => export::write(&rec, FileFormat::Xlsx, path)?,
    }
    let file = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let detail = serde_json::json!({ "payee_kind": payee.kind(), "payee": payee.code(), "period": rec.period_label, "version": rec.version, "status": rec.mark(), "format": format.extension(), "file": file });
    let mut tx = pool.begin().await?;
    crate::audit::record(&mut tx, crate::audit::Event { action: "statement_export", entity: "statement", entity_id: &rec.id, detail }).await?;
    tx.commit().await?;
    tracing::info!(version = rec.version, format = format.extension(), "statement exported");
    Ok(rec)
}
