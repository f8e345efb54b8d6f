//! Quote builder commands: list, load (with every revision), save a draft, the live preview
//! as the user types, price a product line, the status flow, and printing to PDF through a
//! native save dialog (one file) or folder dialog (a batch, with progress).

use super::error::ErrorKind;
use super::{off_thread, parse_id, IpcError};
use crate::state::AppState;
use dealdesk_core::ids::QuoteId;
use dealdesk_core::listing::{ListQuery, Page};
use dealdesk_core::masking::documents;
use dealdesk_core::quote::pricing::{self, LineRequest, QuotePreview};
use dealdesk_core::quote::store::{self, QuoteSummary};
use dealdesk_core::quote::{render, workflow, Actor, Quote, QuoteInput, QuoteLineInput, QuoteStatus};
use dealdesk_core::settings;
use serde::Serialize;
use std::sync::Arc;
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;
use ts_rs::TS;

fn quote_id(id: &str) -> Result<QuoteId, IpcError> {
    parse_id(id, QuoteId::parse)
}

/// Who acts from the window: the OS account, with the role chosen in Settings.
pub(crate) async fn actor(state: &AppState) -> Result<Actor, IpcError> {
    let mut conn = state.pool()?.acquire().await.map_err(dealdesk_core::CoreError::from)?;
    Ok(Actor { name: dealdesk_core::audit::actor(), role: settings::role(&mut conn).await? })
}

#[tauri::command]
pub async fn list_quotes(state: State<'_, AppState>, query: ListQuery) -> Result<Page<QuoteSummary>, IpcError> {
    Ok(documents::list_quotes(&state.pool()?, &query).await?)
}

/// Every revision of the quote, oldest first (the last is the one to work on); the owner,
/// notes and history through the data view's policy.
#[tauri::command]
pub async fn quote_revisions(state: State<'_, AppState>, id: String) -> Result<Vec<Quote>, IpcError> {
    Ok(documents::quote_revisions(&state.pool()?, quote_id(&id)?).await?)
}

/// Saves a draft; notes sent back masked as shown keep their clear text (see `documents`).
#[tauri::command]
pub async fn save_quote(state: State<'_, AppState>, input: QuoteInput) -> Result<Quote, IpcError> {
    Ok(documents::save_quote(&state.pool()?, input).await?)
}

/// A quote a workflow step returned, as the data view shows it.
async fn shown(state: &AppState, quote: Quote) -> Result<Quote, IpcError> {
    Ok(documents::shown_quote(&state.pool()?, quote).await?)
}

#[tauri::command]
pub async fn preview_quote(state: State<'_, AppState>, input: QuoteInput) -> Result<QuotePreview, IpcError> {
    Ok(pricing::preview(&state.pool()?, &input).await?)
}

#[tauri::command]
pub async fn quote_line_for_product(state: State<'_, AppState>, request: LineRequest) -> Result<QuoteLineInput, IpcError> {
    let pool = state.pool()?;
    // Its future is not `Send` (sqlx executor lifetimes): run it on a thread of its own.
    Ok(off_thread(move || async move { pricing::line_for_product(&pool, &request).await }).await?)
}

#[tauri::command]
pub async fn submit_quote(state: State<'_, AppState>, id: String) -> Result<Quote, IpcError> {
    let who = actor(&state).await?;
    let quote = workflow::submit(&state.pool()?, quote_id(&id)?, &who).await?;
    shown(&state, quote).await
}

#[tauri::command]
pub async fn decide_quote(state: State<'_, AppState>, id: String, approve: bool, comment: String) -> Result<Quote, IpcError> {
    let who = actor(&state).await?;
    let pool = state.pool()?;
    let id = quote_id(&id)?;
    // The audit entry is written in the same transaction; its future is not `Send`.
    let quote = off_thread(move || async move { workflow::decide(&pool, id, &who, approve, &comment).await }).await?;
    shown(&state, quote).await
}

#[tauri::command]
pub async fn mark_quote(state: State<'_, AppState>, id: String, to: QuoteStatus) -> Result<Quote, IpcError> {
    let who = actor(&state).await?;
    let quote = workflow::mark(&state.pool()?, quote_id(&id)?, &who, to, "").await?;
    shown(&state, quote).await
}

#[tauri::command]
pub async fn revise_quote(state: State<'_, AppState>, id: String) -> Result<Quote, IpcError> {
    let who = actor(&state).await?;
    let quote = workflow::revise(&state.pool()?, quote_id(&id)?, &who).await?;
    shown(&state, quote).await
}

/// Prints a quote into the app's own documents folder (`documents/quotes/` beside the
/// database) and returns the file's path; the window shows it and can reveal it.
#[tauri::command]
pub async fn print_quote(state: State<'_, AppState>, id: String) -> Result<String, IpcError> {
    let pool = state.pool()?;
    let quote = store::get(&pool, quote_id(&id)?).await?;
    let engine = state.pdf_engine(&pool).await?;
    let bytes = render::render(&pool, &engine, &quote).await?;
    let dir = state.documents_dir().join("quotes");
    std::fs::create_dir_all(&dir).map_err(|e| dealdesk_core::CoreError::io(format!("cannot create {}", dir.display()), e))?;
    let path = dir.join(render::file_name(&quote));
    dealdesk_core::pdf::write_atomically(&path, &bytes)?;
    tracing::info!("quote printed");
    Ok(path.display().to_string())
}

/// Saves one quote's PDF where the user says; `None` when cancelled.
#[tauri::command]
pub async fn export_quote_pdf<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, id: String) -> Result<Option<String>, IpcError> {
    let pool = state.pool()?;
    let quote = store::get(&pool, quote_id(&id)?).await?;
    let engine = state.pdf_engine(&pool).await?;
    let bytes = render::render(&pool, &engine, &quote).await?;
    let dialog = app.dialog().file().set_file_name(render::file_name(&quote)).add_filter("PDF", &["pdf"]);
    let picked = tauri::async_runtime::spawn_blocking(move || dialog.blocking_save_file())
        .await
        .map_err(|e| IpcError::new(ErrorKind::Internal, format!("the save dialog failed: {e}")))?;
    let Some(picked) = picked else { return Ok(None) };
    let path = picked.into_path().map_err(|e| IpcError::new(ErrorKind::Io, format!("unusable save location: {e}")))?;
    dealdesk_core::pdf::write_atomically(&path, &bytes)?;
    Ok(Some(path.display().to_string()))
}

#[derive(Debug, Clone, Copy, Serialize, TS)]
#[ts(export)]
pub struct RenderProgress {
    pub done: u32,
    pub total: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct BatchReport {
    pub folder: String,
    pub files: u32,
}

/// Renders the chosen quotes into a folder picked in the native dialog, all or none.
#[tauri::command]
pub async fn export_quotes_pdf<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    ids: Vec<String>,
    on_progress: Channel<RenderProgress>,
) -> Result<Option<BatchReport>, IpcError> {
    let ids = ids.iter().map(|i| quote_id(i)).collect::<Result<Vec<_>, _>>()?;
    let pool = state.pool()?;
    let engine: Arc<_> = state.pdf_engine(&pool).await?;
    let dialog = app.dialog().file();
    let picked = tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_folder())
        .await
        .map_err(|e| IpcError::new(ErrorKind::Internal, format!("the folder dialog failed: {e}")))?;
    let Some(picked) = picked else { return Ok(None) };
    let folder = picked.into_path().map_err(|e| IpcError::new(ErrorKind::Io, format!("unusable folder: {e}")))?;
    let sink = move |done: u64, total: u64| {
        let clamp = |v: u64| u32::try_from(v).unwrap_or(u32::MAX);
        let _ = on_progress.send(RenderProgress { done: clamp(done), total: clamp(total) });
    };
    let (folder, files) = render::render_many(&pool, &engine, &ids, &folder, &sink).await?;
    Ok(Some(BatchReport { folder: folder.display().to_string(), files: u32::try_from(files.len()).unwrap_or(u32::MAX) }))
}
