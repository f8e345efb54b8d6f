//! SQLCipher specifics: telling a plaintext file from an encrypted one, encrypting a
//! plaintext database in place (databases made before encryption), re-keying, and turning
//! "file is not a database" into a wrong-key error.

use super::key::{self, DbKey, SecretStore};
use crate::error::{CoreError, CoreResult};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection, SqlitePool};
use std::io::Read;
use std::path::{Path, PathBuf};

/// SQLITE_NOTADB: what SQLCipher answers when the key does not decrypt the file.
const SQLITE_NOTADB: &str = "26";

pub(super) fn classify_open_error(path: &Path, e: sqlx::Error) -> CoreError {
    if let sqlx::Error::Database(db) = &e {
        if db.code().as_deref() == Some(SQLITE_NOTADB) || db.message().contains("file is not a database") {
            return CoreError::WrongKey { path: path.display().to_string() };
        }
    }
    CoreError::Database(e)
}

/// True when the file starts with the plaintext SQLite header (an unencrypted database).
pub(super) fn is_plaintext(path: &Path) -> CoreResult<bool> {
    let mut header = [0u8; 16];
    let mut file = std::fs::File::open(path).map_err(|e| CoreError::io(format!("cannot read {}", path.display()), e))?;
    let n = file.read(&mut header).map_err(|e| CoreError::io(format!("cannot read {}", path.display()), e))?;
    Ok(n == 16 && &header == b"SQLite format 3\0")
}

pub(super) fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(suffix);
    path.with_file_name(name)
}

/// Copies everything the connection sees into a new file encrypted with `key`
/// (`sqlcipher_export`), then syncs it.
pub(super) async fn export_to(conn: &mut sqlx::SqliteConnection, target: &Path, key: &DbKey) -> CoreResult<()> {
    let _ = std::fs::remove_file(target);
    // Unprepared statements (raw_sql): ATTACH changes the schema, which would invalidate
    // statements in the connection's cache mid-export ("database schema has changed").
    // The key is hex only and the path has its quotes doubled, so neither can inject SQL.
    let target_sql = target.display().to_string().replace('\'', "''");
    // A pooled connection opened before the migrations ran holds a stale schema, which
    // sqlcipher_export's internal statements do not re-read on their own: read it now.
    sqlx::raw_sql("SELECT COUNT(*) FROM sqlite_master").execute(&mut *conn).await?;
    sqlx::raw_sql(&format!("ATTACH DATABASE '{target_sql}' AS export_target KEY \"x'{}'\"", key.hex())).execute(&mut *conn).await?;
    let exported = sqlx::raw_sql("SELECT sqlcipher_export('export_target')").execute(&mut *conn).await;
    sqlx::raw_sql("DETACH DATABASE export_target").execute(&mut *conn).await?;
    exported?;
    let file = std::fs::File::open(target).map_err(|e| CoreError::io(format!("cannot open {}", target.display()), e))?;
    file.sync_all().map_err(|e| CoreError::io(format!("cannot sync {}", target.display()), e))?;
    Ok(())
}

/// Replaces `path` by `replacement`, dropping the old file's WAL and shared-memory files
/// (they belong to the old file and must never be applied to the new one).
pub(super) fn replace_file(replacement: &Path, path: &Path) -> CoreResult<()> {
    for suffix in ["-wal", "-shm"] {
        let stale = sibling(path, suffix);
        // Gone already is fine: the last connection to close deletes its own WAL, and may do
        // so between a check and the removal (seen in CI).
        match std::fs::remove_file(&stale) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(CoreError::io(format!("cannot remove {}", stale.display()), e)),
            _ => {}
        }
    }
    std::fs::rename(replacement, path).map_err(|e| CoreError::io(format!("cannot replace {}", path.display()), e))
}

/// Encrypts a plaintext database file with `key`, atomically: a crash leaves either the old
/// plaintext file or the complete encrypted one.
pub(super) async fn encrypt_plaintext_in_place(path: &Path, key: &DbKey) -> CoreResult<()> {
    let target = sibling(path, ".encrypting");
    // create_if_missing: ATTACH inherits the open flags, and it must create the target file.
    let mut conn = SqliteConnectOptions::new().filename(path).create_if_missing(true).connect().await?;
    export_to(&mut conn, &target, key).await?;
    conn.close().await?;
    replace_file(&target, path)
}

/// Gives the database a new random key: exports it under the new key, keeps the old key as
/// "previous" in the store until the new file is in place, and returns the new recovery key.
/// The pool is closed; reopen the database afterwards.
pub async fn rekey(pool: SqlitePool, path: &Path, keys: &dyn SecretStore) -> CoreResult<String> {
    let account = key::account_for(path);
    let old = keys.get(&account)?.ok_or_else(|| CoreError::KeyMissing { path: path.display().to_string() })?;
    let new_key = DbKey::random()?;
    let target = sibling(path, ".rekeying");
    // Recorded first, so the entry travels into the re-keyed file.
    crate::audit::record_now(&pool, crate::audit::Event { action: "rekey", entity: "database", entity_id: "", detail: serde_json::json!({}) }).await?;
    {
        let mut conn = pool.acquire().await?;
        export_to(&mut conn, &target, &new_key).await?;
    }
    pool.close().await;
    keys.set(&key::previous_account_for(path), &old)?;
    keys.set(&account, &new_key.hex())?;
    replace_file(&target, path)?;
    keys.delete(&key::previous_account_for(path))?;
    tracing::info!("database re-keyed");
    Ok(new_key.recovery_text())
}
