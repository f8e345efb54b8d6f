//! Finding personal data where nobody declared it: in a file about to be imported (cells of
//! columns whose header names no kind, or any line of a text file) and in the store's free
//! text (notes, comments, reasons the registry marks as free text). The window shows where
//! each piece is — row and column, or record and field — never the value in clear: excerpts
//! go through the default policy. Columns whose header declares a kind are counted apart, as
//! expected personal data.

use super::apply::{MaskReport, Masker};
use super::detect::{detect, Basis};
use super::kinds::{header_kinds, REGISTRY};
use super::policy::Policy;
use crate::error::{CoreError, CoreResult};
use crate::tabular::read;
use serde::Serialize;
use sqlx::SqlitePool;
use std::collections::BTreeMap;
use std::path::Path;
use ts_rs::TS;

/// At most this many findings are listed (the counts cover all of them).
pub const MAX_LISTED: usize = 500;
const EXCERPT_CHARS: usize = 120;

/// One piece of unexpected personal data.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ScanFinding {
    /// In a file: the row as a spreadsheet numbers it (the header is row 1) or the line of a
    /// text file. 0 for the store.
    pub row: u32,
    /// The column's header (file), the field (store), or empty for a text file.
    pub column: String,
    /// The store record's table, id and label (the customer's name, a quote's number).
    pub table: Option<String>,
    pub id: Option<String>,
    pub label: Option<String>,
    pub kind: String,
    pub confidence: f32,
    /// Found from context words (a name after 联系人): a guess.
    pub guess: bool,
    /// The cell or line with every detection masked by the default policy (shortened).
    pub excerpt: String,
}

/// A declared column of a file: its header, kind, and how many cells hold a value.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DeclaredColumn {
    pub column: String,
    pub kind: String,
    pub values: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ScanReport {
    /// The file's name, or "store".
    pub source: String,
    /// Rows (file) or texts (store) read.
    pub rows: u32,
    pub declared: Vec<DeclaredColumn>,
    /// The first [`MAX_LISTED`] findings.
    pub findings: Vec<ScanFinding>,
    /// All findings, listed or not.
    pub total: u32,
    pub by_kind: BTreeMap<String, u32>,
}

struct Collector {
    masker_policy: Policy,
    findings: Vec<ScanFinding>,
    total: u32,
    by_kind: BTreeMap<String, u32>,
}

impl Collector {
    fn new() -> Self {
        Self { masker_policy: Policy::default_policy(), findings: Vec::new(), total: 0, by_kind: BTreeMap::new() }
    }

    fn excerpt(&self, text: &str) -> CoreResult<String> {
        let masked = Masker { policy: &self.masker_policy, keys: None }.text(text, &mut MaskReport::default())?;
        let mut out: String = masked.chars().take(EXCERPT_CHARS).collect();
        if masked.chars().count() > EXCERPT_CHARS {
            out.push('…');
        }
        Ok(out)
    }

    /// Records every detection in `text` at `row`/`column` (and the store record, if any).
    fn text(&mut self, text: &str, row: u32, column: &str, record: Option<(&str, &str, &str)>) -> CoreResult<()> {
        let found = detect(text);
        if found.is_empty() {
            return Ok(());
        }
        let excerpt = self.excerpt(text)?;
        for d in found {
            self.total += 1;
            *self.by_kind.entry(d.kind.code().to_string()).or_default() += 1;
            if self.findings.len() < MAX_LISTED {
                self.findings.push(ScanFinding {
                    row,
                    column: column.to_string(),
                    table: record.map(|r| r.0.to_string()),
                    id: record.map(|r| r.1.to_string()),
                    label: record.map(|r| r.2.to_string()),
                    kind: d.kind.code().to_string(),
                    confidence: d.confidence,
                    guess: d.basis == Basis::Context,
                    excerpt: excerpt.clone(),
                });
            }
        }
        Ok(())
    }

    fn report(self, source: String, rows: u32, declared: Vec<DeclaredColumn>) -> ScanReport {
        ScanReport { source, rows, declared, findings: self.findings, total: self.total, by_kind: self.by_kind }
    }
}

/// Scans a CSV/XLSX file cell by cell (declared columns counted, the rest scanned) or any
/// other file line by line as UTF-8 text.
pub fn scan_file(path: &Path) -> CoreResult<ScanReport> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string());
    let bytes = std::fs::read(path).map_err(|e| CoreError::io(format!("cannot read {}", path.display()), e))?;
    scan_bytes(&name, &bytes)
}

/// [`scan_file`] over a file's bytes (an upload from the window); `name` decides CSV/XLSX.
pub fn scan_bytes(name: &str, bytes: &[u8]) -> CoreResult<ScanReport> {
    let name = name.to_string();
    let ext = Path::new(&name).extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).unwrap_or_default();
    let mut c = Collector::new();
    if bytes.starts_with(b"PK\x03\x04") || matches!(ext.as_str(), "csv" | "tsv" | "xlsx") {
        let sheet = read::read_sheet(&name, bytes)?;
        let kinds = header_kinds(&sheet.headers);
        let mut declared: Vec<DeclaredColumn> = Vec::new();
        for (i, kind) in kinds.iter().enumerate() {
            if let Some(kind) = kind {
                let values = sheet.rows.iter().filter(|r| r.get(i).is_some_and(|v| !v.trim().is_empty())).count() as u32;
                declared.push(DeclaredColumn { column: sheet.headers[i].clone(), kind: kind.code().into(), values });
            }
        }
        for (r, cells) in sheet.rows.iter().enumerate() {
            for (i, value) in cells.iter().enumerate() {
                if kinds.get(i).copied().flatten().is_none() && !value.trim().is_empty() {
                    let header = sheet.headers.get(i).cloned().unwrap_or_else(|| format!("#{}", i + 1));
                    c.text(value, r as u32 + 2, &header, None)?;
                }
            }
        }
        return Ok(c.report(name, sheet.rows.len() as u32, declared));
    }
    let text = super::apply::utf8(&name, bytes)?;
    let mut lines = 0u32;
    for (i, line) in text.lines().enumerate() {
        lines += 1;
        c.text(line, i as u32 + 1, "", None)?;
    }
    Ok(c.report(name, lines, Vec::new()))
}

/// Scans every free-text column of the registry (customers' and quotes' notes, comments,
/// legal's reasons) in the store.
pub async fn scan_store(pool: &SqlitePool) -> CoreResult<ScanReport> {
    let mut conn = pool.acquire().await?;
    let mut c = Collector::new();
    let mut texts = 0u32;
    for col in REGISTRY.iter().filter(|c| c.free_text) {
        let Some(info) = crate::subject::table_info(col.table) else { continue };
        for (id, value, label, _) in crate::subject::column_rows(&mut conn, col, info).await? {
            texts += 1;
            c.text(&value, 0, col.column, Some((col.table, &id, &label)))?;
        }
    }
    Ok(c.report("store".into(), texts, Vec::new()))
}
