//! Opening the database: one SQLite file per user, WAL journal, foreign keys on, a busy
//! timeout, and the migrations in /migrations applied on every open (forward-only).

mod paths;
pub mod row;

pub use paths::{default_data_dir, default_db_path, APP_IDENTIFIER};

use crate::error::{CoreError, CoreResult};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

use std::path::Path;
use std::time::Duration;

/// The migrations embedded at compile time.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations");

/// Opens (creating if needed) the database at `path` and brings its schema up to date.
pub async fn open(path: &Path) -> CoreResult<SqlitePool> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| CoreError::io(format!("cannot create the folder {}", dir.display()), e))?;
    }
    let options = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(10));
    let pool = SqlitePoolOptions::new().max_connections(4).connect_with(options).await?;
    MIGRATOR.run(&pool).await?;
    tracing::info!(migrations = MIGRATOR.iter().count(), "database opened");
    Ok(pool)
}

/// A private in-memory database with the schema, for tests and `--db :memory:`.
pub async fn open_in_memory() -> CoreResult<SqlitePool> {
    let options = SqliteConnectOptions::new().in_memory(true).foreign_keys(true);
    // One connection: every in-memory connection would be a separate database.
    let pool = SqlitePoolOptions::new().max_connections(1).connect_with(options).await?;
    MIGRATOR.run(&pool).await?;
    Ok(pool)
}

pub use sqlx::SqlitePool;

/// Live records per table, for the window's header and first-run check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
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
