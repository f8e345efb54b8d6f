//! Import and export from the window. The webview never hands Rust a path: an import sends the
//! bytes of a file the user picked (`stage_upload`), an export asks for the target in a native
//! save dialog opened here.

use super::error::ErrorKind;
use super::IpcError;
use crate::state::{AppState, Upload, MAX_UPLOAD_BYTES};
use dealdesk_core::masking::apply::Masker;
use dealdesk_core::tabular::{export, import, FileFormat, ImportReport, TableName};
use serde::Serialize;
use tauri::ipc::{Channel, InvokeBody, Request};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct StagedUpload {
    pub upload_id: String,
    pub file_name: String,
    pub bytes: u32,
}

#[derive(Debug, Clone, Copy, Serialize, TS)]
#[ts(export)]
pub struct Progress {
    pub done: u32,
    pub total: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ExportReport {
    pub table: TableName,
    pub path: String,
    pub rows: u32,
    /// The masking policy the file went through (`admin`: in clear).
    pub policy: String,
}

/// Decodes `%XX` escapes (the UI sends the file name URI-encoded in a header).
fn percent_decode(s: &str) -> String {
    fn hex(b: u8) -> Option<u8> {
        (b as char).to_digit(16).and_then(|d| u8::try_from(d).ok())
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(hi), Some(lo)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push(hi * 16 + lo);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Only the last path component of a name, so a crafted name cannot point anywhere.
fn base_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("").trim();
    if base.is_empty() || base == "." || base == ".." {
        "upload".into()
    } else {
        base.chars().take(200).collect()
    }
}

#[tauri::command]
pub async fn stage_upload(request: Request<'_>, state: State<'_, AppState>) -> Result<StagedUpload, IpcError> {
    let InvokeBody::Raw(bytes) = request.body() else {
        return Err(IpcError::bad_request("stage_upload expects the file's bytes as the request body"));
    };
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Err(IpcError::bad_request(format!("the file is larger than {} MB", MAX_UPLOAD_BYTES / 1024 / 1024)));
    }
    let file_name = request
        .headers()
        .get("x-file-name")
        .and_then(|v| v.to_str().ok())
        .map(percent_decode)
        .map(|n| base_name(&n))
        .unwrap_or_else(|| "upload".into());
    let upload_id = dealdesk_core::ids::new_row_id();
    let size = u32::try_from(bytes.len()).unwrap_or(u32::MAX);
    state.stage(upload_id.clone(), Upload { file_name: file_name.clone(), bytes: bytes.clone() });
    tracing::info!(bytes = size, "upload staged");
    Ok(StagedUpload { upload_id, file_name, bytes: size })
}

#[tauri::command]
pub async fn import_table(
    state: State<'_, AppState>,
    table: TableName,
    upload_id: String,
    on_progress: Channel<Progress>,
) -> Result<ImportReport, IpcError> {
    let upload = state
        .take(&upload_id)
        .ok_or_else(|| IpcError::new(ErrorKind::NotFound, "the chosen file is no longer staged; choose it again"))?;
    let sink = move |done: u64, total: u64| {
        let clamp = |v: u64| u32::try_from(v).unwrap_or(u32::MAX);
        let _ = on_progress.send(Progress { done: clamp(done), total: clamp(total) });
    };
    Ok(import::import(&state.pool()?, table, &upload.file_name, &upload.bytes, &sink).await?)
}

/// Exports a table through a masking policy (default: the data view's; never one that shows
/// more than the view does). The file name carries the policy (`…-masked-distributor.csv`),
/// the audit entry too. `to_documents` writes into `documents/exports/` beside the database
/// instead of asking in the native save dialog.
#[tauri::command]
pub async fn export_table<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    table: TableName,
    format: FileFormat,
    policy: Option<String>,
    to_documents: Option<bool>,
) -> Result<Option<ExportReport>, IpcError> {
    let pool = state.pool()?;
    let policy = dealdesk_core::masking::view::current(&pool).await?.export_policy(policy.as_deref())?;
    let suggested = export::masked_file_name(table, &chrono_today(), &policy.name, format);
    let path = if to_documents.unwrap_or(false) {
        let dir = state.documents_dir().join("exports");
        std::fs::create_dir_all(&dir).map_err(|e| dealdesk_core::CoreError::io(format!("cannot create {}", dir.display()), e))?;
        dir.join(suggested)
    } else {
        let Some(path) = pick_save_path(&app, suggested, format.extension()).await? else { return Ok(None) };
        path
    };
    let masker = Masker { policy: &policy, keys: None };
    let rows = export::export_masked(&pool, table, format, &path, Some(&masker)).await?;
    Ok(Some(ExportReport { table, path: path.display().to_string(), rows, policy: policy.name.clone() }))
}

/// Asks for a file to write in the native save dialog (opened here, never by the webview).
/// `None` when the user cancels.
pub(crate) async fn pick_save_path<R: Runtime>(app: &AppHandle<R>, suggested: String, extension: &'static str) -> Result<Option<std::path::PathBuf>, IpcError> {
    let dialog = app.dialog().file().set_file_name(&suggested).add_filter(extension.to_uppercase(), &[extension]);
    let picked = tauri::async_runtime::spawn_blocking(move || dialog.blocking_save_file())
        .await
        .map_err(|e| IpcError::new(ErrorKind::Internal, format!("the save dialog failed: {e}")))?;
    let Some(picked) = picked else { return Ok(None) };
    let path = picked.into_path().map_err(|e| IpcError::new(ErrorKind::Io, format!("unusable save location: {e}")))?;
    Ok(Some(path))
}

/// "Back up now": an encrypted copy of the database (same key) to a file the user picks.
#[tauri::command]
pub async fn backup_now<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Result<Option<String>, IpcError> {
    let suggested = format!("dealdesk-backup-{}.db", chrono_today());
    let Some(path) = pick_save_path(&app, suggested, "db").await? else { return Ok(None) };
    let (pool, db_path, target) = (state.pool()?, state.db_path.clone(), path.clone());
    super::off_thread(move || async move {
        let keys = dealdesk_core::store::OsKeychain::new();
        dealdesk_core::store::backup::backup(&pool, &db_path, &keys, &target).await
    })
    .await?;
    Ok(Some(path.display().to_string()))
}

fn chrono_today() -> String {
    dealdesk_core::clock::now().chars().take(10).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_lose_their_directories_and_escapes() {
        assert_eq!(base_name(&percent_decode("..%2F..%2Fetc%2Fpasswd")), "passwd");
        assert_eq!(base_name(&percent_decode("%E5%AE%A2%E6%88%B7.csv")), "客户.csv");
        assert_eq!(base_name(".."), "upload");
    }
}
