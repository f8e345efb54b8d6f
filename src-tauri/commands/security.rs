//! The database's key and copies, from the window: unlock with the recovery key when the key
//! is missing or wrong, start over with a new database, re-key, and restore a backup after a
//! preview. Backup files are chosen in a native dialog opened here; the webview never sends a
//! path.

use super::app::{info, AppInfo};
use super::error::ErrorKind;
use super::{off_thread, IpcError};
use crate::state::AppState;
use dealdesk_core::store::backup::{self, BackupInfo};
use dealdesk_core::store::{self, OsKeychain};
use dealdesk_core::CoreError;
use serde::Serialize;
use std::path::{Path, PathBuf};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;
use ts_rs::TS;

/// A backup the user chose: what it holds, or that it needs its own recovery key (a backup
/// taken before the database was re-keyed).
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct BackupChoice {
    pub file_name: String,
    pub preview: Option<BackupInfo>,
    pub needs_recovery_key: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct RestoreReport {
    pub restored: BackupInfo,
    /// Where the database from before the restore was saved.
    pub safety_copy: String,
}

/// Opens the database at `path` (its futures are not `Send`: see `off_thread`).
async fn open_db(path: &Path) -> Result<store::Opened, CoreError> {
    let path = path.to_path_buf();
    off_thread(move || async move { store::open(&path, &OsKeychain::new()).await }).await
}

async fn open_into(state: &AppState) -> Result<AppInfo, IpcError> {
    let opened = open_db(&state.db_path).await?;
    crate::spawn_rolling_backup(opened.pool.clone(), state.db_path.clone());
    state.unlock(opened.pool);
    state.set_recovery_key(opened.recovery_key);
    info(state).await
}

/// Unlocks a database whose key is missing or wrong on this computer with its recovery key,
/// which is then stored in the credential store.
#[tauri::command]
pub async fn unlock_database(state: State<'_, AppState>, recovery_key: String) -> Result<AppInfo, IpcError> {
    if state.locked_reason().is_none() {
        return info(&state).await;
    }
    let path = state.db_path.clone();
    off_thread(move || async move { store::recover_key(&path, &recovery_key, &OsKeychain::new()).await }).await?;
    tracing::info!("database unlocked with its recovery key");
    open_into(&state).await
}

/// Without the recovery key: moves the unreadable file aside (it still opens later with its
/// recovery key) and creates a new, empty database in its place.
#[tauri::command]
pub async fn start_new_database(state: State<'_, AppState>) -> Result<AppInfo, IpcError> {
    if state.locked_reason().is_none() {
        return Err(IpcError::new(ErrorKind::Conflict, "the database is open; a new one is only started from the unlock screen"));
    }
    store::set_aside(&state.db_path)?;
    open_into(&state).await
}

/// Re-encrypts the database with a new random key; the window then shows the new recovery key.
#[tauri::command]
pub async fn rekey_database(state: State<'_, AppState>) -> Result<AppInfo, IpcError> {
    let pool = state.pool()?;
    let _ = state.take_pool("the database is being re-keyed");
    let path = state.db_path.clone();
    let rekeyed = off_thread(move || async move { store::rekey(pool, &path, &OsKeychain::new()).await }).await;
    // Reopened whatever happened: a failed re-key leaves the file on its old key.
    let reopened = open_db(&state.db_path).await?;
    state.unlock(reopened.pool);
    let recovery = rekeyed?;
    state.set_recovery_key(Some(recovery));
    info(&state).await
}

/// Asks for a backup file in the native open dialog and previews it with the database's key.
/// `None` when the user cancels.
#[tauri::command]
pub async fn choose_backup<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Result<Option<BackupChoice>, IpcError> {
    let dialog = app.dialog().file().add_filter("DealDesk backup", &["db"]);
    let picked = tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_file())
        .await
        .map_err(|e| IpcError::new(ErrorKind::Internal, format!("the open dialog failed: {e}")))?;
    let Some(picked) = picked else { return Ok(None) };
    let path = picked.into_path().map_err(|e| IpcError::new(ErrorKind::Io, format!("unusable file: {e}")))?;
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    state.choose_backup(Some(path.clone()));
    match preview(&state, &path, None).await {
        Ok(info) => Ok(Some(BackupChoice { file_name, preview: Some(info), needs_recovery_key: false })),
        Err(CoreError::WrongKey { .. }) => Ok(Some(BackupChoice { file_name, preview: None, needs_recovery_key: true })),
        Err(e) => Err(e.into()),
    }
}

async fn preview(state: &AppState, path: &Path, recovery_key: Option<&str>) -> Result<BackupInfo, CoreError> {
    let key = backup::backup_key(&state.db_path, &OsKeychain::new(), recovery_key)?;
    let path = path.to_path_buf();
    off_thread(move || async move { backup::inspect(&path, &key).await }).await
}

fn chosen(state: &AppState) -> Result<PathBuf, IpcError> {
    state.chosen_backup().ok_or_else(|| IpcError::new(ErrorKind::NotFound, "no backup is chosen; choose the file again"))
}

/// Previews the chosen backup with its own recovery key.
#[tauri::command]
pub async fn preview_backup(state: State<'_, AppState>, recovery_key: Option<String>) -> Result<BackupInfo, IpcError> {
    let path = chosen(&state)?;
    Ok(preview(&state, &path, recovery_key.as_deref()).await?)
}

/// Restores the chosen backup over the database after a safety copy, then reopens it.
#[tauri::command]
pub async fn restore_backup(state: State<'_, AppState>, recovery_key: Option<String>) -> Result<RestoreReport, IpcError> {
    let path = chosen(&state)?;
    let key = backup::backup_key(&state.db_path, &OsKeychain::new(), recovery_key.as_deref())?;
    // Checked before the database is closed, so a wrong choice changes nothing.
    preview(&state, &path, recovery_key.as_deref()).await?;
    let Some(pool) = state.take_pool("a backup is being restored") else {
        return Err(IpcError::new(ErrorKind::Conflict, "the database is not open"));
    };
    pool.close().await;
    let db_path = state.db_path.clone();
    let restored = off_thread(move || async move {
        let keys = OsKeychain::new();
        backup::restore(&db_path, &path, &key, &keys, &backup::backups_dir(&db_path)).await
    })
    .await;
    let reopened = open_db(&state.db_path).await?;
    state.unlock(reopened.pool);
    state.choose_backup(None);
    let (restored, safety) = restored?;
    Ok(RestoreReport { restored, safety_copy: safety.display().to_string() })
}

/// How many daily backups are kept (Settings › General).
#[tauri::command]
pub async fn backup_keep(state: State<'_, AppState>) -> Result<u32, IpcError> {
    let mut conn = state.pool()?.acquire().await.map_err(CoreError::from)?;
    Ok(dealdesk_core::settings::backup_keep(&mut conn).await?)
}

/// Sets how many daily backups are kept (1–365; a field error `keep` otherwise).
#[tauri::command]
pub async fn set_backup_keep(state: State<'_, AppState>, keep: u32) -> Result<u32, IpcError> {
    let mut conn = state.pool()?.acquire().await.map_err(CoreError::from)?;
    Ok(dealdesk_core::settings::set_backup_keep(&mut conn, keep).await?)
}
