//! A partner-area file read into rows by canonical column (the header checked once), and the
//! capped, masked list of problems an import reports.

use super::super::partners;
use crate::error::{CoreError, CoreResult, FieldCode, FieldError, ImportProblem, ImportRejection};
use crate::masking::kinds::PiiKind;
use crate::tabular::columns::{canonical_in, Column};
use crate::tabular::read::read_records;
use crate::validate::{truncate, Checker};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// At most this many problems are listed; the rest are counted.
const MAX_LISTED: usize = 200;
/// Largest amount a line may carry (the engine's own limit).
pub(super) const MAX_AMOUNT: i64 = 1_000_000_000_000_000;

/// One data row, read by canonical column name through the file's header mapping (shared by
/// every row: a million-row file builds no map per row).
pub(crate) struct RowView {
    pub number: u32,
    cells: csv::StringRecord,
    mapping: std::sync::Arc<[(&'static str, usize)]>,
}

impl RowView {
    /// Trimmed text, with an export's formula guard (`'=…`) taken off.
    pub fn get(&self, column: &str) -> &str {
        let cell = self.mapping.iter().find(|(name, _)| *name == column).and_then(|(_, i)| self.cells.get(*i));
        let v = cell.unwrap_or("").trim();
        match v.strip_prefix('\'') {
            Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
            _ => v,
        }
    }
}

/// Problems of one file, capped, personal values masked.
pub(crate) struct Problems {
    file_name: String,
    columns: &'static [Column],
    list: Vec<ImportProblem>,
    more: u32,
}

impl Problems {
    pub(crate) fn new(file_name: &str, columns: &'static [Column]) -> Self {
        Self { file_name: file_name.to_string(), columns, list: Vec::new(), more: 0 }
    }

    pub(crate) fn add(&mut self, row: &RowView, column: &str, code: FieldCode, message: impl Into<String>) {
        let raw = row.get(column);
        let value = match column {
            "bank_account_number" => partners::mask(PiiKind::BankCard, raw),
            "bank_account_holder" => partners::mask(PiiKind::Name, raw),
            _ if self.columns.iter().any(|c| c.name == column && c.personal) => "*".repeat(raw.chars().count().min(12)),
            _ => truncate(raw),
        };
        if self.list.len() < MAX_LISTED {
            self.list.push(ImportProblem { row: row.number, column: column.to_string(), value, code, message: message.into() });
        } else {
            self.more = self.more.saturating_add(1);
        }
    }

    pub(crate) fn fields(&mut self, row: &RowView, errors: Vec<FieldError>) {
        for e in errors {
            self.add(row, &e.field.clone(), e.code, e.message);
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub(crate) fn finish(self) -> CoreResult<()> {
        if self.list.is_empty() {
            return Ok(());
        }
        Err(self.into_err())
    }

    pub(crate) fn into_err(mut self) -> CoreError {
        // Checks run in several passes (each row, then across rows): list them by row.
        self.list.sort_by_key(|p| p.row);
        tracing::warn!(problems = self.list.len() as u64 + u64::from(self.more), "partner-area import rejected");
        CoreError::ImportRejected(ImportRejection { file_name: self.file_name, problems: self.list, more: self.more })
    }
}

/// The file's data rows by canonical column; unknown headers are ignored, a duplicate or a
/// missing required column rejects the file.
pub(crate) fn rows(file_name: &str, bytes: &[u8], columns: &'static [Column], required: &[&[&str]]) -> CoreResult<Vec<RowView>> {
    let sheet = read_records(file_name, bytes)?;
    let header_row = RowView { number: 1, cells: csv::StringRecord::new(), mapping: std::sync::Arc::from(Vec::new()) };
    let mut problems = Problems::new(file_name, columns);
    let mut mapping: Vec<(usize, &'static str)> = Vec::new();
    for (i, h) in sheet.headers.iter().enumerate() {
        if let Some(c) = canonical_in(columns, h) {
            if mapping.iter().any(|(_, n)| *n == c.name) {
                problems.add(&header_row, c.name, FieldCode::Duplicate, format!("column {} appears twice (header '{}')", c.name, truncate(h)));
            } else {
                mapping.push((i, c.name));
            }
        }
    }
    for group in required {
        if !group.iter().any(|n| mapping.iter().any(|(_, m)| m == n)) {
            let expected: Vec<&str> = columns.iter().map(|c| c.name).collect();
            problems.add(&header_row, group[0], FieldCode::MissingColumn, format!("the header has no {} column (expected columns: {})", group.join(" or "), expected.join(", ")));
        }
    }
    problems.finish()?;
    let mapping: std::sync::Arc<[(&'static str, usize)]> = mapping.into_iter().map(|(i, name)| (name, i)).collect();
    let mut out = Vec::with_capacity(sheet.rows.len());
    for (i, cells) in sheet.rows.into_iter().enumerate() {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        out.push(RowView { number: u32::try_from(i + 2).unwrap_or(u32::MAX), cells, mapping: mapping.clone() });
    }
    Ok(out)
}

pub(super) fn amount(c: &mut Checker, row: &RowView, column: &str, default: Option<Decimal>) -> Option<Decimal> {
    let text = row.get(column);
    if text.is_empty() {
        if default.is_none() {
            c.fail(column, FieldCode::Required, "is required");
        }
        return default;
    }
    let max = Decimal::from(MAX_AMOUNT);
    c.decimal(column, text, (-max, max), 4)
}

pub(super) fn required_date(c: &mut Checker, row: &RowView, column: &str) -> Option<NaiveDate> {
    if row.get(column).is_empty() {
        c.fail(column, FieldCode::Required, "is required");
        return None;
    }
    c.date(column, row.get(column))
}
