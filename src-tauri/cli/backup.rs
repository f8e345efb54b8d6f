//! `dealdesk backup` and `dealdesk restore`: a copy of the database encrypted with its key, the
//! number of daily backups the window keeps, and a restore that shows what a backup holds and
//! keeps a safety copy of the current database first.

use dealdesk_core::store::{self, backup as backups, SqlitePool};
use dealdesk_core::CoreError;
use std::path::Path;

/// Sets the number of daily backups kept and/or writes a backup to `out`.
pub async fn backup(pool: &SqlitePool, db: &Path, keys: &store::OsKeychain, out: Option<&Path>, keep_daily: Option<u32>) -> Result<(), CoreError> {
    if let Some(n) = keep_daily {
        let mut conn = pool.acquire().await?;
        dealdesk_core::settings::set_backup_keep(&mut conn, n).await?;
        println!("the window keeps {n} daily backup(s) of {}", db.display());
    }
    if let Some(out) = out {
        backups::backup(pool, db, keys, out).await?;
        println!("backup of {} written to {} (encrypted with the database's key)", db.display(), out.display());
    }
    Ok(())
}

/// Prints what `file` holds and, unless `preview`, restores it over `db` after a safety copy.
pub async fn restore(db: &Path, file: &Path, preview: bool, recovery: Option<&str>, keys: &store::OsKeychain) -> Result<(), CoreError> {
    let key = backups::backup_key(db, keys, recovery)?;
    let info = backups::inspect(file, &key).await?;
    println!(
        "{}: written {}, schema {}, {} customers, {} contacts, {} products, {} opportunities",
        info.path, info.written_at, info.schema_version, info.counts.customers, info.counts.contacts, info.counts.products, info.counts.opportunities
    );
    if preview {
        return Ok(());
    }
    let safety_dir = backups::backups_dir(db);
    let (_, safety) = backups::restore(db, file, &key, keys, &safety_dir).await?;
    println!("restored {} into {}; the previous database was saved to {}", file.display(), db.display(), safety.display());
    Ok(())
}
