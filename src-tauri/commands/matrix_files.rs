//! Competitor-matrix files and history from the window: import a wide CSV/XLSX the user
//! picked (its bytes staged by `stage_upload`; all or nothing, problems by row and column),
//! export CSV/XLSX/Markdown/PDF and the heatmap PNG (drawn by the webview's canvas, bytes
//! staged the same way), named snapshots and diffs, battlecard notes and the battlecard PDF.
//! Files go where the user says in the native save dialog (opened here) or into
//! `documents/matrices/` beside the database; never to a path from the webview. Every export
//! is written to the audit log with its file name and format.

use super::files::pick_save_path;
use super::matrix_session::{Ctx, MatrixSessions};
use super::{off_thread, parse_id, IpcError};
use crate::state::AppState;
use dealdesk_core::ids::{CompetitorId, MatrixId};
use dealdesk_core::matrix::file::{self, MatrixImportReport};
use dealdesk_core::matrix::people::ShownNames;
use dealdesk_core::matrix::view_history::{self, DiffView, SnapshotView};
use dealdesk_core::matrix::{diff, snapshot, store, BattlecardNotes, MatrixData};
use dealdesk_core::pdf::BattlecardLang;
use dealdesk_core::tabular::FileFormat;
use dealdesk_core::{audit, clock, CoreError};
use serde::Deserialize;
use std::path::{Path, PathBuf};
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum MatrixExportFormat {
    Csv,
    Xlsx,
    Md,
    Pdf,
}

impl MatrixExportFormat {
    fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Xlsx => "xlsx",
            Self::Md => "md",
            Self::Pdf => "pdf",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum BattlecardLanguage {
    Zh,
    En,
    Both,
}

/// A file-name stem from user text: letters, digits (any script), `-` and `_` kept.
fn stem(name: &str) -> String {
    let s: String = name.trim().chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '-' }).take(80).collect();
    if s.trim_matches('-').is_empty() { "matrix".into() } else { s }
}

fn documents(state: &AppState) -> Result<PathBuf, IpcError> {
    let dir = state.documents_dir().join("matrices");
    std::fs::create_dir_all(&dir).map_err(|e| CoreError::io(format!("cannot create {}", dir.display()), e))?;
    Ok(dir)
}

/// Where to write: the documents folder, or the native save dialog (`None` = cancelled).
async fn target<R: Runtime>(app: &AppHandle<R>, state: &AppState, name: String, ext: &'static str, to_documents: bool) -> Result<Option<PathBuf>, IpcError> {
    if to_documents {
        return Ok(Some(documents(state)?.join(name)));
    }
    pick_save_path(app, name, ext).await
}

async fn record_export(pool: &dealdesk_core::store::SqlitePool, data: &MatrixData, path: &Path, format: &str) -> Result<(), CoreError> {
    let file = path.file_name().map(|f| f.to_string_lossy().to_string()).unwrap_or_default();
    let event = audit::Event { action: "export", entity: "matrix", entity_id: &data.matrix.id.to_string(), detail: serde_json::json!({ "file": file, "format": format }) };
    audit::record_now(pool, event).await
}

/// The open matrix as files show it: the owner through the data view (an export never shows
/// more than the window does).
async fn for_export(ctx: &Ctx, id: &str) -> Result<MatrixData, CoreError> {
    let names = ShownNames::load(&ctx.pool).await?;
    let mut data = ctx.open(id).await?.data()?.clone();
    data.matrix.owner = names.show(&data.matrix.owner)?.0;
    Ok(data)
}

/// Imports a staged wide CSV/XLSX into matrix `name` (created when missing), all or nothing.
#[tauri::command]
pub async fn import_matrix(state: State<'_, AppState>, upload_id: String, name: String) -> Result<MatrixImportReport, IpcError> {
    let upload = state.take(&upload_id).ok_or_else(|| IpcError::new(super::error::ErrorKind::NotFound, "the chosen file is no longer staged; choose it again"))?;
    let pool = state.pool()?;
    Ok(off_thread(move || async move { file::import(&pool, &name, &upload.file_name, &upload.bytes, &audit::actor()).await }).await?)
}

/// Writes the matrix as wide CSV/XLSX (imports back unchanged), Markdown or a landscape PDF.
#[tauri::command]
pub async fn export_matrix<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    sessions: State<'_, MatrixSessions>,
    id: String,
    format: MatrixExportFormat,
    to_documents: bool,
) -> Result<Option<String>, IpcError> {
    let ctx = Ctx::new(&state, &sessions)?;
    let engine = if format == MatrixExportFormat::Pdf { Some(state.pdf_engine(&ctx.pool).await?) } else { None };
    let data = off_thread({
        let id = id.clone();
        move || async move { for_export(&ctx, &id).await }
    })
    .await?;
    let name = format!("{}-{}.{}", stem(&data.matrix.name), clock::today(), format.extension());
    let Some(path) = target(&app, &state, name, format.extension(), to_documents).await? else { return Ok(None) };
    let pool = state.pool()?;
    let written = path.clone();
    off_thread(move || async move {
        let today = clock::today();
        match format {
            MatrixExportFormat::Csv => file::export(&data, FileFormat::Csv, &written)?,
            MatrixExportFormat::Xlsx => file::export(&data, FileFormat::Xlsx, &written)?,
            MatrixExportFormat::Md => file::export_markdown(&data, &written, today)?,
            MatrixExportFormat::Pdf => {
                let engine = engine.ok_or_else(|| CoreError::BadRequest("no PDF engine".into()))?;
                dealdesk_core::pdf::write_atomically(&written, &engine.render_matrix(&data, today)?)?;
            }
        }
        record_export(&pool, &data, &written, format.extension()).await
    })
    .await?;
    Ok(Some(path.display().to_string()))
}

/// Saves the heatmap PNG the window drew (staged with `stage_upload`); the bytes must be a PNG.
#[tauri::command]
pub async fn export_matrix_heatmap<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    sessions: State<'_, MatrixSessions>,
    id: String,
    upload_id: String,
    to_documents: bool,
) -> Result<Option<String>, IpcError> {
    let upload = state.take(&upload_id).ok_or_else(|| IpcError::new(super::error::ErrorKind::NotFound, "the heatmap image is no longer staged"))?;
    if !upload.bytes.starts_with(b"\x89PNG\r\n\x1a\n") || upload.bytes.get(12..16) != Some(b"IHDR".as_slice()) {
        return Err(IpcError::bad_request("the heatmap image is not a PNG"));
    }
    let ctx = Ctx::new(&state, &sessions)?;
    let data = off_thread({
        let id = id.clone();
        move || async move { Ok(ctx.open(&id).await?.data()?.clone()) }
    })
    .await?;
    let name = format!("{}-heatmap-{}.png", stem(&data.matrix.name), clock::today());
    let Some(path) = target(&app, &state, name, "png", to_documents).await? else { return Ok(None) };
    let (pool, written) = (state.pool()?, path.clone());
    off_thread(move || async move {
        dealdesk_core::pdf::write_atomically(&written, &upload.bytes)?;
        record_export(&pool, &data, &written, "png").await
    })
    .await?;
    Ok(Some(path.display().to_string()))
}

#[tauri::command]
pub async fn list_matrix_snapshots(state: State<'_, AppState>, sessions: State<'_, MatrixSessions>, id: String) -> Result<Vec<SnapshotView>, IpcError> {
    let ctx = Ctx::new(&state, &sessions)?;
    Ok(off_thread(move || async move {
        let names = ShownNames::load(&ctx.pool).await?;
        let s = ctx.open(&id).await?;
        let list = snapshot::list(&mut *ctx.pool.acquire().await?, s.data()?).await?;
        view_history::snapshots(list, &names)
    })
    .await?)
}

/// Freezes the matrix under `name` (unique per matrix); answers with every snapshot.
#[tauri::command]
pub async fn take_matrix_snapshot(state: State<'_, AppState>, sessions: State<'_, MatrixSessions>, id: String, name: String) -> Result<Vec<SnapshotView>, IpcError> {
    let ctx = Ctx::new(&state, &sessions)?;
    Ok(off_thread(move || async move {
        let names = ShownNames::load(&ctx.pool).await?;
        let s = ctx.open(&id).await?;
        let mut tx = ctx.pool.begin().await?;
        snapshot::take(&mut tx, s.data()?, &name, &audit::actor()).await?;
        tx.commit().await?;
        let list = snapshot::list(&mut *ctx.pool.acquire().await?, s.data()?).await?;
        view_history::snapshots(list, &names)
    })
    .await?)
}

/// Changed cells and ranking moves from snapshot `from` to snapshot `to` (`now` = the live matrix).
#[tauri::command]
pub async fn diff_matrix(state: State<'_, AppState>, sessions: State<'_, MatrixSessions>, id: String, from: String, to: String) -> Result<DiffView, IpcError> {
    let ctx = Ctx::new(&state, &sessions)?;
    Ok(off_thread(move || async move {
        let s = ctx.open(&id).await?;
        let live = s.data()?;
        let mut conn = ctx.pool.acquire().await?;
        let mut state_of = async |which: &str| -> Result<MatrixData, CoreError> {
            if which.trim().eq_ignore_ascii_case("now") { Ok(live.clone()) } else { snapshot::load(&mut conn, live, which).await }
        };
        let a = state_of(&from).await?;
        let b = state_of(&to).await?;
        Ok(view_history::diff(&from, &to, diff::diff(&a, &b)))
    })
    .await?)
}

#[tauri::command]
pub async fn battlecard_notes(state: State<'_, AppState>, competitor_id: String) -> Result<BattlecardNotes, IpcError> {
    let c = parse_id(&competitor_id, CompetitorId::parse)?;
    let pool = state.pool()?;
    Ok(store::notes(&mut *pool.acquire().await.map_err(CoreError::from)?, c).await?)
}

#[tauri::command]
pub async fn save_battlecard_notes(state: State<'_, AppState>, competitor_id: String, notes: BattlecardNotes) -> Result<BattlecardNotes, IpcError> {
    let c = parse_id(&competitor_id, CompetitorId::parse)?;
    for (field, text) in [("summary", &notes.summary), ("objections", &notes.objections), ("trap_questions", &notes.trap_questions)] {
        if text.chars().count() > 4000 {
            return Err(CoreError::Validation(vec![dealdesk_core::error::FieldError { field: field.into(), code: dealdesk_core::error::FieldCode::TooLong, message: "at most 4000 characters".into() }]).into());
        }
    }
    let pool = state.pool()?;
    let mut conn = pool.acquire().await.map_err(CoreError::from)?;
    store::save_notes(&mut conn, c, &notes).await?;
    Ok(store::notes(&mut conn, c).await?)
}

/// The battlecard PDF's bytes and file name, its export recorded in the audit log.
async fn battlecard(state: &AppState, sessions: &MatrixSessions, id: String, competitor_id: String, lang: BattlecardLanguage) -> Result<(MatrixData, String, Vec<u8>), IpcError> {
    let c = parse_id(&competitor_id, CompetitorId::parse)?;
    parse_id(&id, MatrixId::parse)?;
    let ctx = Ctx::new(state, sessions)?;
    let engine = state.pdf_engine(&ctx.pool).await?;
    Ok(off_thread(move || async move {
        let data = ctx.open(&id).await?.data()?.clone();
        let them = data.competitor(c).ok_or_else(|| CoreError::not_found("competitor", c))?.name.clone();
        let notes = store::notes(&mut *ctx.pool.acquire().await?, c).await?;
        let lang = match lang {
            BattlecardLanguage::Zh => BattlecardLang::Zh,
            BattlecardLanguage::En => BattlecardLang::En,
            BattlecardLanguage::Both => BattlecardLang::Bilingual,
        };
        let bytes = engine.render_battlecard(&data, c, &notes, lang, clock::today())?;
        Ok((data, format!("battlecard-{}-{}.pdf", stem(&them), clock::today()), bytes))
    })
    .await?)
}

/// The one-page battlecard PDF for one competitor through the native save dialog.
#[tauri::command]
pub async fn export_matrix_battlecard<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    sessions: State<'_, MatrixSessions>,
    id: String,
    competitor_id: String,
    lang: BattlecardLanguage,
) -> Result<Option<String>, IpcError> {
    let (data, name, bytes) = battlecard(&state, &sessions, id, competitor_id, lang).await?;
    let Some(path) = pick_save_path(&app, name, "pdf").await? else { return Ok(None) };
    write_battlecard(&state, data, &path, bytes).await?;
    Ok(Some(path.display().to_string()))
}

/// The battlecard PDF into `documents/matrices/` beside the database; answers with its path.
#[tauri::command]
pub async fn print_matrix_battlecard(state: State<'_, AppState>, sessions: State<'_, MatrixSessions>, id: String, competitor_id: String, lang: BattlecardLanguage) -> Result<String, IpcError> {
    let (data, name, bytes) = battlecard(&state, &sessions, id, competitor_id, lang).await?;
    let path = documents(&state)?.join(name);
    write_battlecard(&state, data, &path, bytes).await?;
    Ok(path.display().to_string())
}

async fn write_battlecard(state: &AppState, data: MatrixData, path: &Path, bytes: Vec<u8>) -> Result<(), IpcError> {
    let (pool, path) = (state.pool()?, path.to_path_buf());
    off_thread(move || async move {
        dealdesk_core::pdf::write_atomically(&path, &bytes)?;
        record_export(&pool, &data, &path, "battlecard_pdf").await
    })
    .await?;
    Ok(())
}
