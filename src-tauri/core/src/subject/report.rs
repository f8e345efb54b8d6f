//! The answer to an access request (PIPL art. 45): the findings as JSON (for the person or
//! another controller to read by machine) and as a PDF (to read), side by side, both written
//! atomically. The export is audited under the keyed hash of the identifier.

use super::find::{find, Findings};
use super::Subject;
use crate::audit;
use crate::clock;
use crate::error::{CoreError, CoreResult};
use crate::masking::keys::MaskingKeys;
use crate::pdf::quote::Labels;
use crate::pdf::subject::SubjectReportDocument;
use crate::pdf::{write_atomically, PdfEngine};
use serde::Serialize;
use sqlx::SqlitePool;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// The two files of an exported report.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ExportedReport {
    pub pdf: String,
    pub json: String,
    pub hits: u32,
}

fn pick(lang: Labels, zh: &str, en: &str) -> String {
    match lang {
        Labels::Zh => zh.to_string(),
        Labels::En => en.to_string(),
        Labels::Bilingual => format!("{zh} {en}"),
    }
}

/// The PDF's content for `findings` in `lang`.
pub fn report_document(subject: &Subject, findings: &Findings, subject_hash: &str, generated: &str, lang: Labels) -> SubjectReportDocument {
    let tables: Vec<String> = findings.hits.iter().map(|h| h.table.clone()).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
    let header = vec![
        ("标识类型".into(), "Identifier kind".into(), subject.kind.code().to_string()),
        ("标识".into(), "Identifier".into(), subject.value().to_string()),
        ("生成时间".into(), "Generated".into(), generated.to_string()),
        ("找到".into(), "Found".into(), format!("{} ({})", findings.hits.len(), tables.join(", "))),
        ("已检索数据表".into(), "Tables searched".into(), findings.tables.join(", ")),
        ("请求编号".into(), "Request reference".into(), subject_hash[..16.min(subject_hash.len())].to_string()),
    ];
    let hits = findings
        .hits
        .iter()
        .map(|h| {
            let mut state = Vec::new();
            if h.deleted {
                state.push(pick(lang, "已停用（仍存储）", "deleted (still stored)"));
            }
            if !h.whole {
                state.push(pick(lang, "文本中提及", "mentioned in text"));
            }
            if h.retained.is_some() {
                state.push(pick(lang, "依法保留", "kept by law"));
            }
            [pick(lang, &h.table_zh, &h.table_en), h.label.clone(), h.column.clone(), h.value.clone(), state.join("; ")]
        })
        .collect();
    let records = findings
        .hits
        .iter()
        .filter(|h| !h.fields.is_empty())
        .map(|h| (format!("{} · {}", h.label, &h.id[..8.min(h.id.len())]), h.fields.iter().map(|f| (f.column.clone(), f.value.clone())).collect()))
        .collect();
    SubjectReportDocument { lang, reference: subject_hash[..16.min(subject_hash.len())].to_string(), header, hits, records }
}

fn json_path(pdf: &Path) -> PathBuf {
    pdf.with_extension("json")
}

/// Writes the report for `subject` to `pdf` and the same findings as JSON beside it
/// (`.json`), then audits the export (`subject_export`, counts only).
pub async fn export(pool: &SqlitePool, subject: &Subject, keys: &MaskingKeys, engine: &PdfEngine, pdf: &Path, lang: Labels) -> CoreResult<ExportedReport> {
    let findings = {
        let mut conn = pool.acquire().await?;
        find(&mut conn, subject).await?
    };
    let subject_hash = subject.hash(keys);
    let generated = clock::now();
    let doc = report_document(subject, &findings, &subject_hash, &generated, lang);
    let bytes = engine.render_subject_report(&doc)?;
    let json = serde_json::json!({
        "request": { "kind": subject.kind.code(), "identifier": subject.value(), "generated_at": generated, "reference": doc.reference },
        "tables_searched": findings.tables,
        "hits": findings.hits,
    });
    let json_bytes = serde_json::to_vec_pretty(&json).map_err(|e| CoreError::BadRequest(format!("report JSON: {e}")))?;
    let json_file = json_path(pdf);
    write_atomically(&json_file, &json_bytes)?;
    write_atomically(pdf, &bytes)?;
    let detail = serde_json::json!({ "kind": subject.kind.code(), "hits": findings.hits.len(), "format": "pdf+json" });
    audit::record_now(pool, audit::Event { action: "subject_export", entity: "subject", entity_id: &subject_hash, detail }).await?;
    tracing::info!(kind = subject.kind.code(), hits = findings.hits.len(), "subject report exported");
    Ok(ExportedReport { pdf: pdf.display().to_string(), json: json_file.display().to_string(), hits: findings.hits.len() as u32 })
}
