//! The watched inbox: a folder where partners' sales reports (CSV/XLSX) are dropped and
//! imported without anyone pressing a button. One shared folder (rows name their partner), and
//! optionally one sub-folder per partner (`<inbox>/<code>/`: every row must be that partner's).
//!
//! Invariants:
//! - A file is read only when it is complete: [`ready`] waits for the writer to close it (on
//!   Linux, where `Access(Close(Write))` exists), then for its size and modification time to
//!   stay the same for a settle interval, and [`process`] checks that a full read returns
//!   exactly the size it saw. A file still growing is never read.
//! - The same bytes (SHA-256) are never imported twice: the import refuses them, and the inbox
//!   records the file as a duplicate.
//! - Every file handled leaves the folder: a good one to `imported/`, a bad one or a duplicate
//!   to `rejected/` with `<name>.errors.txt` beside it (row, column, value, reason). Only a
//!   failure that is not the file's fault (the database is locked or busy) leaves it in place,
//!   to be tried again on the next start.
//! - Each outcome is stored (`inbox_events`) before anyone is told, so the window's list
//!   survives a restart.
//!
//! Layout: `ready` (when a file may be read: a pure state machine), `files` (which paths
//! count, moving, the errors file), `events` (the stored list), `process` (one file: import,
//! move, record), `watch` (the notify watcher and its worker thread, and a one-off scan).

pub mod events;
pub mod files;
pub mod process;
pub mod ready;
pub mod watch;

#[cfg(test)]
mod tests;

pub use events::{InboxEvent, Outcome};
pub use watch::{scan_once, InboxWatcher, WatchOptions};

use crate::error::CoreResult;
use sqlx::{SqliteConnection, SqlitePool};
use std::path::PathBuf;

const FOLDER: &str = "inbox.folder";

/// The watched folder set in Settings, if any.
pub async fn folder(conn: &mut SqliteConnection) -> CoreResult<Option<PathBuf>> {
    Ok(crate::settings::get(conn, FOLDER).await?.filter(|f| !f.trim().is_empty()).map(PathBuf::from))
}

/// Sets (or, with `None`, clears) the watched folder, audited. The folder is created when missing.
pub async fn set_folder(pool: &SqlitePool, dir: Option<&std::path::Path>) -> CoreResult<()> {
    if let Some(d) = dir {
        std::fs::create_dir_all(d).map_err(|e| crate::CoreError::io(format!("cannot create the inbox folder {}", d.display()), e))?;
    }
    let value = dir.map(|d| d.display().to_string()).unwrap_or_default();
    let mut tx = pool.begin().await?;
    crate::settings::put(&mut tx, FOLDER, &value).await?;
    let detail = serde_json::json!({ "folder": value });
    crate::audit::record(&mut tx, crate::audit::Event { action: "inbox_folder", entity: "settings", entity_id: FOLDER, detail }).await?;
    tx.commit().await?;
    Ok(())
}
