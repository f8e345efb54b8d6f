//! The audit log: an append-only record of security-relevant events (deletes, imports,
//! exports, backups, restores, re-keys; later reveals, approvals and sign-offs). Every entry
//! carries the SHA-256 of the previous one, so [`verify`] reports the first entry that was
//! altered, removed or inserted out of order. Entries are written inside the transaction of
//! the action they record: no action without its entry, no entry without its action.

use crate::clock;
use crate::error::CoreResult;
use crate::ids::new_row_id;
use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::{SqliteConnection, SqlitePool};
use ts_rs::TS;

/// The hash the first entry links to.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What happened, to what. `detail` must hold no personal data (ids, counts, file names).
pub struct Event<'a> {
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: &'a str,
    pub detail: serde_json::Value,
}

/// Who acts: the operating-system account running the app (roles arrive with compliance).
pub fn actor() -> String {
    std::env::var("USER").or_else(|_| std::env::var("USERNAME")).unwrap_or_else(|_| "unknown".into())
}

fn entry_hash(seq: i64, id: &str, at: &str, actor: &str, action: &str, entity: &str, entity_id: &str, detail: &str, prev: &str) -> String {
    let mut h = Sha256::new();
    for part in [seq.to_string().as_str(), id, at, actor, action, entity, entity_id, detail, prev] {
        // Length-prefixed, so no two different entries serialise to the same bytes.
        h.update((part.len() as u64).to_be_bytes());
        h.update(part.as_bytes());
    }
    hex::encode(h.finalize())
}

/// Appends one entry; call inside the transaction of the action it records.
pub async fn record(conn: &mut SqliteConnection, event: Event<'_>) -> CoreResult<()> {
    let last: Option<(i64, String)> = sqlx::query_as("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetch_optional(&mut *conn).await?;
    let (seq, prev) = match last {
        Some((seq, hash)) => (seq + 1, hash),
        None => (1, GENESIS.to_string()),
    };
    let (id, at, actor) = (new_row_id(), clock::now(), actor());
    let detail = event.detail.to_string();
    let hash = entry_hash(seq, &id, &at, &actor, event.action, event.entity, event.entity_id, &detail, &prev);
    sqlx::query(
        "INSERT INTO audit_log (id, seq, at, actor, action, entity, entity_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&id)
    .bind(seq)
    .bind(&at)
    .bind(&actor)
    .bind(event.action)
    .bind(event.entity)
    .bind(event.entity_id)
    .bind(&detail)
    .bind(&prev)
    .bind(&hash)
    .execute(conn)
    .await?;
    Ok(())
}

/// Records an event in a transaction of its own (for actions that are not a transaction:
/// exports, backups).
pub async fn record_now(pool: &SqlitePool, event: Event<'_>) -> CoreResult<()> {
    let mut tx = pool.begin().await?;
    record(&mut tx, event).await?;
    tx.commit().await?;
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AuditCheck {
    pub entries: u32,
    /// The first entry whose link is broken, and why; `None` when the chain is intact.
    pub broken_at: Option<u32>,
    pub reason: Option<String>,
}

/// Walks the chain from the first entry and reports the first broken link.
pub async fn verify(pool: &SqlitePool) -> CoreResult<AuditCheck> {
    type Row = (i64, String, String, String, String, String, String, String, String, String);
    let rows: Vec<Row> = sqlx::query_as("SELECT seq, id, at, actor, action, entity, entity_id, detail, prev_hash, hash FROM audit_log ORDER BY seq")
        .fetch_all(pool)
        .await?;
    let mut prev = GENESIS.to_string();
    let entries = u32::try_from(rows.len()).unwrap_or(u32::MAX);
    for (i, (seq, id, at, actor, action, entity, entity_id, detail, prev_hash, hash)) in rows.into_iter().enumerate() {
        let expected_seq = i as i64 + 1;
        let problem = if seq != expected_seq {
            Some(format!("entry {expected_seq} is missing (found {seq} next)"))
        } else if prev_hash != prev {
            Some("it does not link to the entry before it (an entry was removed or inserted)".to_string())
        } else if entry_hash(seq, &id, &at, &actor, &action, &entity, &entity_id, &detail, &prev_hash) != hash {
            Some("its content was altered after it was written".to_string())
        } else {
            None
        };
        if let Some(reason) = problem {
            return Ok(AuditCheck { entries, broken_at: Some(u32::try_from(expected_seq).unwrap_or(u32::MAX)), reason: Some(reason) });
        }
        prev = hash;
    }
    Ok(AuditCheck { entries, broken_at: None, reason: None })
}

/// One entry as the audit log viewer shows it (hashes left out).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AuditEntry {
    pub seq: u32,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    /// The event's JSON detail as text.
    pub detail: String,
}

/// A page of the log, newest first (`page` is 1-based; at most 500 entries a page).
pub async fn list(pool: &SqlitePool, page: u32, page_size: u32) -> CoreResult<crate::listing::Page<AuditEntry>> {
    let page_size = page_size.clamp(1, crate::listing::MAX_PAGE_SIZE);
    let page = page.max(1);
    let total: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log").fetch_one(pool).await?;
    type Row = (i64, String, String, String, String, String, String);
    let rows: Vec<Row> = sqlx::query_as("SELECT seq, at, actor, action, entity, entity_id, detail FROM audit_log ORDER BY seq DESC LIMIT ? OFFSET ?")
        .bind(i64::from(page_size))
        .bind(i64::from(page - 1) * i64::from(page_size))
        .fetch_all(pool)
        .await?;
    let items = rows
        .into_iter()
        .map(|(seq, at, actor, action, entity, entity_id, detail)| AuditEntry {
            seq: u32::try_from(seq).unwrap_or(u32::MAX),
            at,
            actor,
            action,
            entity,
            entity_id,
            detail,
        })
        .collect();
    Ok(crate::listing::Page { items, total: u32::try_from(total).unwrap_or(u32::MAX), page, page_size })
}
