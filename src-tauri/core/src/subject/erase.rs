//! Erasing (PIPL art. 47) or correcting (art. 46) one person's data, all in one transaction:
//! a matching contact is deleted whole; elsewhere a column holding the identifier is cleared
//! (a name becomes [`super::ERASED`]) or set to the corrected value; a mention in free text is
//! replaced in place. The audit log is append-only and kept as it is; the request's own entry
//! holds only the keyed hash of the identifier, and the counts per table.

use super::find::{columns, mentions, rows};
use super::{Subject, SubjectKind, ERASED};
use crate::audit;
use crate::clock;
use crate::error::{CoreError, CoreResult};
use crate::masking::keys::MaskingKeys;
use serde::Serialize;
use sqlx::{SqliteConnection, SqlitePool};
use std::collections::BTreeMap;
use ts_rs::TS;

/// What an erasure or correction changed.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ChangeReport {
    /// Rows changed (or deleted) per table.
    pub tables: BTreeMap<String, u32>,
    /// Entries left as they are because the table is kept (the audit log).
    pub retained: u32,
    /// The keyed hash the audit entry names the person by.
    pub subject_hash: String,
}

impl ChangeReport {
    pub fn total(&self) -> u32 {
        self.tables.values().sum()
    }
}

enum Change<'a> {
    Erase,
    Correct(&'a Subject),
}

async fn has_updated_at(conn: &mut SqliteConnection, table: &str) -> CoreResult<bool> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM pragma_table_info(?) WHERE name = 'updated_at'").bind(table).fetch_one(&mut *conn).await?;
    Ok(n > 0)
}

async fn apply(pool: &SqlitePool, subject: &Subject, change: Change<'_>, keys: &MaskingKeys) -> CoreResult<ChangeReport> {
    let mut tx = pool.begin().await?;
    let now = clock::now();
    let mut tables: BTreeMap<String, u32> = BTreeMap::new();
    let mut retained = 0u32;
    for (col, info) in columns(subject.kind) {
        let stamp = has_updated_at(&mut tx, info.table).await?;
        for (id, value, _, _) in rows(&mut tx, col, info).await? {
            let new_value = if col.free_text {
                let found = mentions(subject, &value);
                if found.is_empty() {
                    continue;
                }
                let with = match &change {
                    Change::Erase => ERASED,
                    Change::Correct(to) => to.value(),
                };
                let mut text = value.clone();
                for at in found.into_iter().rev() {
                    text.replace_range(at, with);
                }
                text
            } else if subject.matches(&value) {
                match &change {
                    Change::Correct(to) => to.value().to_string(),
                    Change::Erase if subject.kind == SubjectKind::Name => ERASED.to_string(),
                    Change::Erase => String::new(),
                }
            } else {
                continue;
            };
            if info.retained.is_some() {
                retained += 1;
                continue;
            }
            if matches!(change, Change::Erase) && info.table == "contacts" && !col.free_text {
                sqlx::query("DELETE FROM contacts WHERE id = ?").bind(&id).execute(&mut *tx).await?;
            } else {
                // Table and column are literals from the registry, never the caller's text.
                let set_stamp = if stamp { ", updated_at = ?" } else { "" };
                let sql = format!("UPDATE {} SET {} = ?{set_stamp} WHERE id = ?", info.table, col.column);
                let mut q = sqlx::query(&sql).bind(&new_value);
                if stamp {
                    q = q.bind(&now);
                }
                q.bind(&id).execute(&mut *tx).await?;
            }
            *tables.entry(info.table.to_string()).or_default() += 1;
        }
    }
    let subject_hash = subject.hash(keys);
    let report = ChangeReport { tables, retained, subject_hash: subject_hash.clone() };
    let (action, mut detail) = match &change {
        Change::Erase => ("subject_erase", serde_json::json!({})),
        Change::Correct(to) => ("subject_correct", serde_json::json!({ "to_hash": to.hash(keys) })),
    };
    detail["kind"] = subject.kind.code().into();
    detail["tables"] = serde_json::to_value(&report.tables).map_err(|e| CoreError::BadRequest(e.to_string()))?;
    detail["retained"] = retained.into();
    audit::record(&mut tx, audit::Event { action, entity: "subject", entity_id: &subject_hash, detail }).await?;
    tx.commit().await?;
    tracing::info!(action, kind = subject.kind.code(), rows = report.total(), retained, "subject request carried out");
    Ok(report)
}

/// Erases `subject` from the store (one transaction; audited under the keyed hash).
pub async fn erase(pool: &SqlitePool, subject: &Subject, keys: &MaskingKeys) -> CoreResult<ChangeReport> {
    apply(pool, subject, Change::Erase, keys).await
}

/// Replaces `subject`'s identifier with `to` (same kind) wherever it is stored.
pub async fn correct(pool: &SqlitePool, subject: &Subject, to: &str, keys: &MaskingKeys) -> CoreResult<ChangeReport> {
    let to = Subject::new(subject.kind, to)?;
    if to.normal == subject.normal {
        return Err(CoreError::BadRequest("the corrected value is the same as the current one".into()));
    }
    apply(pool, subject, Change::Correct(&to), keys).await
}
