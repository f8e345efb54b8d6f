//! Backups: a backup is a complete copy of the database, encrypted with the same key (so the
//! recovery key opens backups too), written to a temporary file and renamed into place.
//! Restoring previews what a backup holds, refuses one from a newer schema, keeps a safety
//! copy of the current database, and migrates an older backup forward.

use super::cipher::{export_to, replace_file, sibling};
use super::key::{self, DbKey, SecretStore};
use super::{open_with_key, table_counts, TableCounts, MIGRATOR};
use crate::error::{CoreError, CoreResult};
use serde::Serialize;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sqlx::SqlitePool;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// What a backup holds, shown before a restore.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BackupInfo {
    pub path: String,
    /// When the file was last written (RFC 3339, UTC).
    pub written_at: String,
    /// The newest migration the backup has.
    #[ts(type = "number")]
    pub schema_version: i64,
    pub counts: TableCounts,
}

/// Where automatic backups and safety copies go: `backups/` beside the database.
pub fn backups_dir(db_path: &Path) -> PathBuf {
    db_path.parent().map(|d| d.join("backups")).unwrap_or_else(|| PathBuf::from("backups"))
}

fn key_of(db_path: &Path, keys: &dyn SecretStore) -> CoreResult<DbKey> {
    let stored = keys.get(&key::account_for(db_path))?.ok_or_else(|| CoreError::KeyMissing { path: db_path.display().to_string() })?;
    Ok(DbKey::parse(&stored)?)
}

/// Writes a consistent copy of the open database to `out` (atomically), encrypted with the
/// database's own key. Runs while the app is in use: the copy is one read transaction.
pub async fn backup(pool: &SqlitePool, db_path: &Path, keys: &dyn SecretStore, out: &Path) -> CoreResult<()> {
    let key = key_of(db_path, keys)?;
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| CoreError::io(format!("cannot create {}", dir.display()), e))?;
    }
    let part = sibling(out, ".part");
    {
        let mut conn = pool.acquire().await?;
        export_to(&mut conn, &part, &key).await?;
    }
    std::fs::rename(&part, out).map_err(|e| CoreError::io(format!("cannot write {}", out.display()), e))?;
    let file = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    crate::audit::record_now(pool, crate::audit::Event { action: "backup", entity: "database", entity_id: "", detail: serde_json::json!({ "file": file }) }).await?;
    tracing::info!("backup written");
    Ok(())
}

/// Opens a backup read-only with `key` and reports what it holds.
pub async fn inspect(backup: &Path, key: &DbKey) -> CoreResult<BackupInfo> {
    if !backup.is_file() {
        return Err(CoreError::io(format!("cannot read {}", backup.display()), std::io::Error::from(std::io::ErrorKind::NotFound)));
    }
    let options = SqliteConnectOptions::new().filename(backup).pragma("key", key.pragma_value()).read_only(true);
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await
        .map_err(|e| super::cipher::classify_open_error(backup, e))?;
    let version: Option<i64> = sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success = 1")
        .fetch_one(&pool)
        .await
        .map_err(|e| match super::cipher::classify_open_error(backup, e) {
            CoreError::WrongKey { path } => CoreError::WrongKey { path },
            _ => CoreError::BadRequest(format!("{} is not a DealDesk backup", backup.display())),
        })?;
    let counts = table_counts(&pool).await?;
    pool.close().await;
    let written_at = std::fs::metadata(backup)
        .and_then(|m| m.modified())
        .map(|t| chrono::DateTime::<chrono::Utc>::from(t).to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .unwrap_or_default();
    Ok(BackupInfo { path: backup.display().to_string(), written_at, schema_version: version.unwrap_or(0), counts })
}

/// The newest migration this build knows.
pub fn current_schema_version() -> i64 {
    MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0)
}

/// The key that opens a backup: the one given (a recovery key, for a backup taken before a
/// re-key) or else the database's current key.
pub fn backup_key(db_path: &Path, keys: &dyn SecretStore, recovery: Option<&str>) -> CoreResult<DbKey> {
    match recovery.map(str::trim).filter(|r| !r.is_empty()) {
        Some(text) => Ok(DbKey::parse(text)?),
        None => key_of(db_path, keys),
    }
}

/// Restores `backup` over the (closed) database at `db_path`: checks it opens with
/// `backup_key` (the database's key unless the backup predates a re-key) and is not from a
/// newer schema, writes a safety copy of the current database to `safety_dir`, replaces the
/// file (re-encrypted with the current key when the backup had another), and migrates it.
/// Returns what the backup held and the safety copy's path.
pub async fn restore(
    db_path: &Path,
    backup: &Path,
    backup_key: &DbKey,
    keys: &dyn SecretStore,
    safety_dir: &Path,
) -> CoreResult<(BackupInfo, PathBuf)> {
    let key = key_of(db_path, keys)?;
    let info = inspect(backup, backup_key).await?;
    let ours = current_schema_version();
    if info.schema_version > ours {
        return Err(CoreError::Conflict(format!(
            "{} comes from a newer DealDesk (schema {}; this version knows up to {}); update DealDesk to restore it",
            backup.display(),
            info.schema_version,
            ours
        )));
    }
    // Safety copy first: whatever happens next, the current data is kept.
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let safety = safety_dir.join(format!("before-restore-{stamp}.db"));
    {
        let current = open_with_key(db_path, &key).await?;
        self::backup(&current, db_path, keys, &safety).await?;
        current.close().await;
    }
    let staged = sibling(db_path, ".restoring");
    if backup_key.hex() == key.hex() {
        std::fs::copy(backup, &staged).map_err(|e| CoreError::io(format!("cannot copy {}", backup.display()), e))?;
        std::fs::File::open(&staged)
            .and_then(|f| f.sync_all())
            .map_err(|e| CoreError::io(format!("cannot sync {}", staged.display()), e))?;
    } else {
        // A backup from before a re-key: copied over to the current key.
        // Not read-only: ATTACH inherits the open flags and must create the target file.
        // Nothing is written to the backup itself.
        let options = SqliteConnectOptions::new().filename(backup).pragma("key", backup_key.pragma_value()).create_if_missing(true);
        let mut conn = sqlx::ConnectOptions::connect(&options).await.map_err(|e| super::cipher::classify_open_error(backup, e))?;
        export_to(&mut conn, &staged, &key).await?;
        sqlx::Connection::close(conn).await?;
    }
    replace_file(&staged, db_path)?;
    // An older backup is brought up to the current schema here.
    let pool = open_with_key(db_path, &key).await?;
    let file = backup.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    crate::audit::record_now(
        &pool,
        crate::audit::Event { action: "restore", entity: "database", entity_id: "", detail: serde_json::json!({ "file": file, "schema": info.schema_version }) },
    )
    .await?;
    pool.close().await;
    tracing::info!(schema = info.schema_version, "backup restored");
    Ok((info, safety))
}

/// Daily rolling backups in `dir`: writes `auto-YYYYMMDD.db` unless today's exists, and
/// keeps the newest N, N being the database's setting (`settings::backup_keep`, 7 unless
/// changed). Returns the path written, if any.
pub async fn rolling(pool: &SqlitePool, db_path: &Path, keys: &dyn SecretStore, dir: &Path) -> CoreResult<Option<PathBuf>> {
    let keep = {
        let mut conn = pool.acquire().await?;
        crate::settings::backup_keep(&mut conn).await? as usize
    };
    let today = dir.join(format!("auto-{}.db", chrono::Utc::now().format("%Y%m%d")));
    let written = if today.exists() {
        None
    } else {
        backup(pool, db_path, keys, &today).await?;
        Some(today)
    };
    let mut autos: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| CoreError::io(format!("cannot list {}", dir.display()), e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("auto-") && n.ends_with(".db")))
        .collect();
    // Names carry the date, so name order is age order.
    autos.sort();
    let excess = autos.len().saturating_sub(keep.max(1));
    for old in autos.into_iter().take(excess) {
        std::fs::remove_file(&old).map_err(|e| CoreError::io(format!("cannot remove {}", old.display()), e))?;
    }
    Ok(written)
}
