//! Finding one person in the store: every registry column of the identifier's kind compared
//! after normalisation, and every free-text column (notes, comments, reasons) scanned for a
//! mention — a detection of that kind with the same value, or for a name the name itself
//! standing on its own. Soft-deleted rows are searched too: they are still stored.

use super::tables::{self, TableInfo};
use super::{Subject, SubjectKind};
use crate::error::CoreResult;
use crate::masking::detect::{self, detect};
use crate::masking::kinds::{PersonalColumn, REGISTRY};
use serde::Serialize;
use sqlx::SqliteConnection;
use std::ops::Range;
use ts_rs::TS;

/// Characters of context on either side of a mention in free text.
const CONTEXT: usize = 30;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SubjectField {
    pub column: String,
    pub value: String,
}

/// One place the person's data is stored.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SubjectHit {
    pub table: String,
    pub table_zh: String,
    pub table_en: String,
    pub id: String,
    /// The record as a reader knows it: the customer of a contact, a quote's number.
    pub label: String,
    pub column: String,
    /// The kind of personal data (`mobile`, `name` …).
    pub kind: String,
    /// The column holds the identifier itself; false for a mention inside free text.
    pub whole: bool,
    /// The stored value, or for a mention the text around it (… on cut sides).
    pub value: String,
    /// The record is soft-deleted (still stored until erased).
    pub deleted: bool,
    /// Why erasure keeps this entry, if it does (the audit log).
    pub retained: Option<String>,
    /// For a contact: the whole record.
    pub fields: Vec<SubjectField>,
}

/// Everything stored about one person.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Findings {
    pub kind: SubjectKind,
    pub hits: Vec<SubjectHit>,
    /// The tables searched (registry order).
    pub tables: Vec<String>,
}

/// Byte ranges in `text` where `subject` is mentioned.
pub(super) fn mentions(subject: &Subject, text: &str) -> Vec<Range<usize>> {
    if text.is_empty() {
        return Vec::new();
    }
    let detections = detect(text);
    if subject.kind != SubjectKind::Name {
        return detections
            .into_iter()
            .filter(|d| d.kind == subject.kind.pii() && subject.matches(&detect::normalise(&text[d.bytes.clone()])))
            .map(|d| d.bytes)
            .collect();
    }
    // A name counts where the detectors found it as a name, or where it stands on its own
    // (not inside a longer word: 张伟 in 张伟明 is someone else).
    let name = subject.value();
    let (hay, needle) = if name.is_ascii() { (text.to_lowercase(), name.to_lowercase()) } else { (text.to_string(), name.to_string()) };
    if hay.len() != text.len() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = hay[from..].find(&needle) {
        let (s, e) = (from + at, from + at + needle.len());
        let alone = !text[..s].chars().next_back().is_some_and(char::is_alphanumeric) && !text[e..].chars().next().is_some_and(char::is_alphanumeric);
        let detected = detections.iter().any(|d| d.kind == subject.kind.pii() && d.bytes.start == s && d.bytes.end >= e);
        if alone || detected {
            out.push(s..e);
        }
        from = e;
    }
    out
}

fn excerpt(text: &str, at: Range<usize>) -> String {
    let before: Vec<char> = text[..at.start].chars().collect();
    let after: Vec<char> = text[at.end..].chars().collect();
    let head: String = before[before.len().saturating_sub(CONTEXT)..].iter().collect();
    let tail: String = after[..after.len().min(CONTEXT)].iter().collect();
    let lead = if before.len() > CONTEXT { "…" } else { "" };
    let trail = if after.len() > CONTEXT { "…" } else { "" };
    format!("{lead}{head}{}{tail}{trail}", &text[at])
}

/// The registry columns a search for `kind` reads.
pub(super) fn columns(kind: SubjectKind) -> impl Iterator<Item = (&'static PersonalColumn, &'static TableInfo)> {
    REGISTRY.iter().filter(move |c| c.free_text || c.kind == kind.pii()).filter_map(|c| tables::info(c.table).map(|t| (c, t)))
}

/// Rows of `col`: (id, value, label, deleted). Table, column and label are literals from the
/// registry and [`tables::TABLES`], never text from the caller.
pub(crate) async fn rows(conn: &mut SqliteConnection, col: &PersonalColumn, info: &TableInfo) -> CoreResult<Vec<(String, String, String, bool)>> {
    let deleted = if info.soft_delete { "t.deleted_at IS NOT NULL" } else { "0" };
    let sql = format!(
        "SELECT t.id, COALESCE(t.{c}, ''), COALESCE({label}, ''), {deleted} FROM {table} t WHERE COALESCE(t.{c}, '') <> ''",
        c = col.column,
        label = info.label,
        table = info.table
    );
    Ok(sqlx::query_as(&sql).fetch_all(&mut *conn).await?)
}

async fn contact_fields(conn: &mut SqliteConnection, id: &str) -> CoreResult<Vec<SubjectField>> {
    let row: Option<(String, String, String, String, String, String, String, Option<String>)> = sqlx::query_as(
        "SELECT t.name, t.title, t.mobile, t.email, COALESCE(c.name, ''), t.created_at, t.updated_at, t.deleted_at
         FROM contacts t LEFT JOIN customers c ON c.id = t.customer_id WHERE t.id = ?",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((name, title, mobile, email, customer, created, updated, deleted)) = row else { return Ok(Vec::new()) };
    let mut fields = vec![("name", name), ("title", title), ("mobile", mobile), ("email", email), ("customer", customer), ("created_at", created), ("updated_at", updated)];
    if let Some(d) = deleted {
        fields.push(("deleted_at", d));
    }
    Ok(fields.into_iter().map(|(column, value)| SubjectField { column: column.into(), value }).collect())
}

/// Everything the store holds about `subject`, table by table in registry order.
pub async fn find(conn: &mut SqliteConnection, subject: &Subject) -> CoreResult<Findings> {
    let mut hits = Vec::new();
    let mut searched: Vec<String> = Vec::new();
    for (col, info) in columns(subject.kind) {
        if !searched.iter().any(|t| t == info.table) {
            searched.push(info.table.to_string());
        }
        for (id, value, label, deleted) in rows(conn, col, info).await? {
            let hit = |value: String, whole: bool| SubjectHit {
                table: info.table.into(),
                table_zh: info.zh.into(),
                table_en: info.en.into(),
                id: id.clone(),
                label: label.clone(),
                column: col.column.into(),
                kind: subject.kind.code().into(),
                whole,
                value,
                deleted,
                retained: info.retained.map(String::from),
                fields: Vec::new(),
            };
            if col.free_text {
                for at in mentions(subject, &value) {
                    hits.push(hit(excerpt(&value, at), false));
                }
            } else if subject.matches(&value) {
                let mut h = hit(value.clone(), true);
                if info.table == "contacts" {
                    h.fields = contact_fields(conn, &id).await?;
                }
                hits.push(h);
            }
        }
    }
    Ok(Findings { kind: subject.kind, hits, tables: searched })
}
