//! A stored statement as CSV/XLSX rows (through `tabular::write`, which guards formula
//! cells): one row per line with its base, rule, rate and share, then one per adjustment,
//! then the total; the status and version on every row so a copy cannot pass for another.

use super::statements::StatementRecord;
use crate::error::CoreResult;
use crate::partner::statement::LineRole;
use crate::tabular::write::write_file;
use crate::tabular::{Cell, FileFormat};
use std::path::Path;

pub const HEADERS: &[&str] = &["payee", "period", "status", "line_id", "date", "role", "rule", "base", "rate_pct", "share", "note"];

pub fn rows(rec: &StatementRecord) -> Vec<Vec<Cell>> {
    let s = &rec.statement;
    let t = |v: &str| Cell::Text(v.to_string());
    let head = |kind: &str| vec![t(&s.payee), t(&rec.period_label), t(&rec.mark()), t(kind)];
    let mut out = Vec::new();
    for l in &s.lines {
        let role = match &l.role {
            LineRole::Own => "own".to_string(),
            LineRole::SubPartner { partner_id } => format!("sub_partner {partner_id}"),
            LineRole::Clawback { of } => format!("clawback {of}"),
        };
        let notes: Vec<&str> = l.parts.iter().map(|p| p.note.as_str()).collect();
        let mut row = head(&l.line_id);
        row.extend([t(&l.date.to_string()), t(&role), t(&l.rule), Cell::Number(l.base), Cell::Number(l.rate_pct.round_dp(6).normalize()), Cell::Number(l.share), t(&notes.join("; "))]);
        out.push(row);
    }
    for a in &s.adjustments {
        let kind = serde_json::to_value(a.kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
        let mut row = head(&kind);
        row.extend([t(""), t("adjustment"), t(""), t(""), t(""), Cell::Number(a.amount), t(&a.note)]);
        out.push(row);
    }
    for (label, v) in [("lines_total", s.lines_total), ("carried_out", s.carried_out), ("total", s.total)] {
        let mut row = head(label);
        row.extend([t(""), t("total"), t(""), t(""), t(""), Cell::Number(v), t(if label == "total" { &s.rounding } else { "" })]);
        out.push(row);
    }
    out
}

pub fn write(rec: &StatementRecord, format: FileFormat, path: &Path) -> CoreResult<()> {
    write_file(path, format, HEADERS, &rows(rec))
}
