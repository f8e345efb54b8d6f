//! Opening the database: one SQLite file per user, WAL journal, foreign keys on, a busy
//! timeout, and the migrations in /migrations applied on every open (forward-only).

pub mod backup;
mod cipher;
pub mod key;
mod paths;
pub mod row;

pub use cipher::rekey;
pub use key::{DbKey, MemoryStore, OsKeychain, SecretStore};

pub use paths::{default_data_dir, default_db_path, APP_IDENTIFIER};

use crate::error::{CoreError, CoreResult};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

use std::path::Path;
use std::time::Duration;

/// The migrations embedded at compile time.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations");

/// An open database, and the recovery key to show the user when the key was created just now.
pub struct Opened {
    pub pool: SqlitePool,
    /// `Some` only on the run that created the key: the one time the user sees it.
    pub recovery_key: Option<String>,
}

/// Opens (creating if needed) the encrypted database at `path` with its key from `keys`, and
/// brings the schema up to date. A new database gets a new random key; a plaintext database
/// from before encryption is encrypted in place first.
pub async fn open(path: &Path, keys: &dyn SecretStore) -> CoreResult<Opened> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| CoreError::io(format!("cannot create the folder {}", dir.display()), e))?;
    }
    let account = key::account_for(path);
    let exists = std::fs::metadata(path).map(|m| m.len() > 0).unwrap_or(false);
    if !exists {
        let key = DbKey::random()?;
        keys.set(&account, &key.hex())?;
        let pool = open_with_key(path, &key).await?;
        tracing::info!("new encrypted database created");
        return Ok(Opened { pool, recovery_key: Some(key.recovery_text()) });
    }
    if cipher::is_plaintext(path)? {
        let key = DbKey::random()?;
        keys.set(&account, &key.hex())?;
        cipher::encrypt_plaintext_in_place(path, &key).await?;
        let pool = open_with_key(path, &key).await?;
        tracing::warn!("plaintext database encrypted in place");
        return Ok(Opened { pool, recovery_key: Some(key.recovery_text()) });
    }
    let stored = keys.get(&account)?;
    let Some(stored) = stored else {
        return Err(CoreError::KeyMissing { path: path.display().to_string() });
    };
    let key = DbKey::parse(&stored)?;
    match open_with_key(path, &key).await {
        Err(CoreError::WrongKey { .. }) => {
            // A re-key that stopped between writing the key and replacing the file leaves the
            // file on its previous key.
            if let Some(previous) = keys.get(&key::previous_account_for(path))? {
                let previous = DbKey::parse(&previous)?;
                if let Ok(pool) = open_with_key(path, &previous).await {
                    keys.set(&account, &previous.hex())?;
                    return Ok(Opened { pool, recovery_key: None });
                }
            }
            Err(CoreError::WrongKey { path: path.display().to_string() })
        }
        other => Ok(Opened { pool: other?, recovery_key: None }),
    }
}

/// Opens an existing or new encrypted database with a known key and migrates it.
pub async fn open_with_key(path: &Path, key: &DbKey) -> CoreResult<SqlitePool> {
    let options = SqliteConnectOptions::new()
        .filename(path)
        .pragma("key", key.pragma_value())
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(10));
    let pool = SqlitePoolOptions::new()
        .max_connections(4)
        .connect_with(options)
        .await
        .map_err(|e| cipher::classify_open_error(path, e))?;
    // With a wrong key SQLite only notices on the first read of the schema.
    sqlx::query("SELECT COUNT(*) FROM sqlite_master").execute(&pool).await.map_err(|e| cipher::classify_open_error(path, e))?;
    MIGRATOR.run(&pool).await?;
    tracing::info!(migrations = MIGRATOR.iter().count(), "database opened");
    Ok(pool)
}

/// Stores `recovery` as the key of the database at `path` after checking that it opens it.
pub async fn recover_key(path: &Path, recovery: &str, keys: &dyn SecretStore) -> CoreResult<()> {
    let key = DbKey::parse(recovery)?;
    let pool = open_with_key(path, &key).await?;
    keys.set(&key::account_for(path), &key.hex())?;
    crate::audit::record_now(&pool, crate::audit::Event { action: "recover_key", entity: "database", entity_id: "", detail: serde_json::json!({}) }).await?;
    pool.close().await;
    tracing::info!("database key restored from a recovery key");
    Ok(())
}

/// Moves an unreadable database (and its WAL files) aside to `<name>.locked-<UTC stamp>`, so
/// a new one can be created in its place; the old file still opens later with its recovery
/// key. Returns where it went.
pub fn set_aside(path: &Path) -> CoreResult<std::path::PathBuf> {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let aside = cipher::sibling(path, &format!(".locked-{stamp}"));
    for suffix in ["-wal", "-shm"] {
        let from = cipher::sibling(path, suffix);
        if from.exists() {
            let to = cipher::sibling(&aside, suffix);
            std::fs::rename(&from, &to).map_err(|e| CoreError::io(format!("cannot move {}", from.display()), e))?;
        }
    }
    std::fs::rename(path, &aside).map_err(|e| CoreError::io(format!("cannot move {}", path.display()), e))?;
    tracing::warn!("locked database set aside");
    Ok(aside)
}

/// Closes the pool after folding the write-ahead log into the database file, so the file
/// alone holds everything (a copy of it is complete) once the process ends.
pub async fn checkpoint_and_close(pool: SqlitePool) {
    if let Err(e) = sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(&pool).await {
        tracing::warn!(error = %e, "checkpoint before closing failed");
    }
    pool.close().await;
}

/// A private in-memory database with the schema, for tests and `--db :memory:`.
pub async fn open_in_memory() -> CoreResult<SqlitePool> {
    let options = SqliteConnectOptions::new().in_memory(true).foreign_keys(true);
    // One connection: every in-memory connection would be a separate database.
    let pool = SqlitePoolOptions::new().max_connections(1).connect_with(options).await?;
    MIGRATOR.run(&pool).await?;
    Ok(pool)
}

pub use sqlx::{SqliteConnection, SqlitePool};

/// Live records per table, for the window's header and first-run check.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct TableCounts {
    pub customers: u32,
    pub contacts: u32,
    pub products: u32,
    pub opportunities: u32,
}

pub async fn table_counts(pool: &SqlitePool) -> CoreResult<TableCounts> {
    let (customers, contacts, products, opportunities): (i64, i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM customers WHERE deleted_at IS NULL),
                (SELECT COUNT(*) FROM contacts WHERE deleted_at IS NULL),
                (SELECT COUNT(*) FROM products WHERE deleted_at IS NULL),
                (SELECT COUNT(*) FROM opportunities WHERE deleted_at IS NULL)",
    )
    .fetch_one(pool)
    .await?;
    let n = |v: i64| u32::try_from(v).unwrap_or(u32::MAX);
    Ok(TableCounts { customers: n(customers), contacts: n(contacts), products: n(products), opportunities: n(opportunities) })
}

/// SQLite's own consistency check: `"ok"` for a sound database, else the first problems.
pub async fn integrity_check(pool: &SqlitePool) -> CoreResult<String> {
    let lines: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check").fetch_all(pool).await?;
    Ok(lines.join("; "))
}
