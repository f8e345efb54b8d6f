//! One settled file: read it whole (and make sure it did not change while being read), refuse
//! bytes imported before, check a partner folder's rows belong to that partner, import it with
//! the same all-or-nothing sales import as the window and the CLI, move it to `imported/` or
//! `rejected/` (with its `.errors.txt`), and store what happened.
//!
//! Order: import (its own transaction) → move → store the event. A crash between the import
//! and the move leaves an imported file in the inbox; on the next start it is found again,
//! recognised by its SHA-256 and the file name of the earlier import, and moved to
//! `imported/` as a duplicate: never imported twice.

use super::events::{self, InboxEvent, Outcome};
use super::files::{self, Placed, IMPORTED, REJECTED};
use super::ready::Stat;
use crate::error::{CoreError, FieldCode, ImportProblem, ImportRejection};
use crate::partner::store::columns::{SALES, SALES_REQUIRED};
use crate::partner::store::import::{import_sales, rows, sha256_hex};
use crate::partner::store::partners;
use sqlx::{Row, SqlitePool};
use std::path::Path;

/// What became of a file that looked settled.
#[derive(Debug, Clone, PartialEq)]
pub enum Handled {
    Done(Box<InboxEvent>),
    /// It changed while it was read, or could not be opened yet (a writer holds it): settle
    /// again and retry.
    NotReady,
}

/// The bytes of a file that did not change while it was read.
fn read_settled(path: &Path) -> Option<Vec<u8>> {
    let before = Stat::of(path)?;
    let bytes = std::fs::read(path).ok()?;
    let after = Stat::of(path)?;
    (after == before && bytes.len() as u64 == before.len).then_some(bytes)
}

struct Earlier {
    file_name: String,
    imported_at: String,
    batch_id: String,
}

async fn earlier_import(pool: &SqlitePool, sha: &str) -> Result<Option<Earlier>, CoreError> {
    let row = sqlx::query("SELECT id, file_name, imported_at FROM import_batches WHERE kind = 'sales' AND sha256 = ?").bind(sha).fetch_optional(pool).await?;
    Ok(match row {
        Some(r) => Some(Earlier { file_name: r.try_get("file_name")?, imported_at: r.try_get("imported_at")?, batch_id: r.try_get("id")? }),
        None => None,
    })
}

/// In a partner's folder every row must be that partner's.
async fn check_partner_folder(pool: &SqlitePool, placed: &Placed, bytes: &[u8]) -> Result<(), CoreError> {
    let Some(code) = &placed.partner else { return Ok(()) };
    let mut conn = pool.acquire().await?;
    if partners::by_code(&mut conn, code).await?.is_none() {
        return Err(CoreError::BadRequest(format!("the folder '{code}' is not the code of a partner; put the file into the inbox itself or into a partner's folder")));
    }
    drop(conn);
    // A file that cannot be read or lacks columns is reported by the import itself.
    let Ok(rows) = rows(&placed.file_name, bytes, SALES, SALES_REQUIRED) else { return Ok(()) };
    let problems: Vec<ImportProblem> = rows
        .iter()
        .filter(|r| !r.get("partner_code").is_empty() && r.get("partner_code") != code)
        .take(200)
        .map(|r| ImportProblem {
            row: r.number,
            column: "partner_code".into(),
            value: r.get("partner_code").to_string(),
            code: FieldCode::InvalidReference,
            message: format!("this file is in the folder of partner {code}; the row is partner {}'s", r.get("partner_code")),
        })
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(CoreError::ImportRejected(ImportRejection { file_name: placed.file_name.clone(), problems, more: 0 }))
    }
}

fn event(placed: &Placed, sha: &str, outcome: Outcome, message: String) -> InboxEvent {
    InboxEvent {
        id: crate::ids::new_row_id(),
        at: crate::clock::now(),
        partner: placed.partner.clone(),
        file_name: placed.file_name.clone(),
        sha256: sha.to_string(),
        outcome,
        lines: 0,
        batch_id: None,
        moved_to: String::new(),
        message,
        problems: Vec::new(),
    }
}

/// Moves the file to `sub` (and writes the errors file for a rejection); a failed move is
/// noted in the event's message and the file stays.
fn settle_file(root: &Path, placed: &Placed, sub: &str, errors: Option<&str>, ev: &mut InboxEvent) {
    match files::move_into(&placed.path, &placed.dir, sub) {
        Ok(moved) => {
            ev.moved_to = files::relative(root, &moved);
            if let Some(text) = errors {
                if let Err(e) = files::write_errors(&moved, text) {
                    ev.message.push_str(&format!(" (the errors file could not be written: {e})"));
                }
            }
        }
        Err(e) => {
            tracing::warn!(error = %e, "inbox file not moved");
            ev.message.push_str(&format!(" (the file could not be moved: {e})"));
        }
    }
}

/// Handles one settled file and stores the event.
pub async fn process(pool: &SqlitePool, root: &Path, placed: &Placed) -> Handled {
    let Some(bytes) = read_settled(&placed.path) else { return Handled::NotReady };
    let sha = sha256_hex(&bytes);
    let mut ev = match earlier_import(pool, &sha).await {
        Err(e) => event(placed, &sha, Outcome::Failed, format!("the database could not be asked about this file: {e}; it stays and is tried again on the next start")),
        Ok(Some(earlier)) => {
            let message = format!("already imported on {} as {} (batch {}); nothing was imported twice", earlier.imported_at, earlier.file_name, earlier.batch_id);
            let mut ev = event(placed, &sha, Outcome::Duplicate, message.clone());
            ev.batch_id = Some(earlier.batch_id.clone());
            if earlier.file_name == placed.file_name {
                // The import finished but the move did not (a crash in between): finish it.
                settle_file(root, placed, IMPORTED, None, &mut ev);
            } else {
                settle_file(root, placed, REJECTED, Some(&files::errors_text(&placed.file_name, &CoreError::Conflict(message))), &mut ev);
            }
            ev
        }
        Ok(None) => import(pool, root, placed, &bytes, &sha).await,
    };
    if let Err(e) = store(pool, &ev).await {
        tracing::warn!(error = %e, "inbox event not stored");
        ev.message.push_str(&format!(" (this event could not be stored: {e})"));
    }
    tracing::info!(outcome = ev.outcome.code(), lines = ev.lines, "inbox file handled");
    Handled::Done(Box::new(ev))
}

async fn import(pool: &SqlitePool, root: &Path, placed: &Placed, bytes: &[u8], sha: &str) -> InboxEvent {
    let result = match check_partner_folder(pool, placed, bytes).await {
        Ok(()) => import_sales(pool, &placed.file_name, bytes).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(summary) => {
            let mut ev = event(placed, sha, Outcome::Imported, format!("{} sales line(s) imported", summary.inserted));
            ev.lines = summary.inserted;
            ev.batch_id = Some(summary.batch_id);
            settle_file(root, placed, IMPORTED, None, &mut ev);
            ev
        }
        Err(e @ (CoreError::Database(_) | CoreError::Key(_) | CoreError::KeyMissing { .. } | CoreError::WrongKey { .. } | CoreError::Migration(_))) => {
            event(placed, sha, Outcome::Failed, format!("{e}; the file stays and is tried again on the next start"))
        }
        Err(e) => {
            let outcome = if matches!(e, CoreError::Conflict(_)) { Outcome::Duplicate } else { Outcome::Rejected };
            let mut ev = event(placed, sha, outcome, rejection_message(&e));
            if let CoreError::ImportRejected(r) = &e {
                ev.problems = r.problems.clone();
            }
            settle_file(root, placed, REJECTED, Some(&files::errors_text(&placed.file_name, &e)), &mut ev);
            ev
        }
    }
}

fn rejection_message(e: &CoreError) -> String {
    match e {
        CoreError::ImportRejected(r) => {
            let total = r.problems.len() as u64 + u64::from(r.more);
            let first = r.problems.first().map(|p| format!("; first: row {}, column {}: {}", p.row, p.column, p.message)).unwrap_or_default();
            format!("rejected, nothing was imported ({total} problem(s){first})")
        }
        other => format!("rejected, nothing was imported: {other}"),
    }
}

async fn store(pool: &SqlitePool, ev: &InboxEvent) -> Result<(), CoreError> {
    let mut conn = pool.acquire().await?;
    events::insert(&mut conn, ev).await
}
