//! Statement commands (对账单): run a period for one payee or every partner (each run stores a
//! new version), list versions, open one as the window shows it (lines, adjustments, total in
//! words), lock it (audited; a locked version never changes), and write it as PDF / CSV / XLSX
//! through the native save dialog or into `documents/statements/` beside the database
//! (audited). No path comes from the webview.

use super::{off_thread, IpcError};
use crate::state::AppState;
use dealdesk_core::partner::store::documents::{self, StatementFormat};
use dealdesk_core::partner::store::window::{self, StatementSummary, StatementView};
use dealdesk_core::partner::store::{service, Payee};
use dealdesk_core::CoreError;
use tauri::{AppHandle, Runtime, State};

fn summary(rec: &dealdesk_core::partner::store::statements::StatementRecord) -> StatementSummary {
    StatementSummary {
        id: rec.id.clone(),
        payee: rec.payee.clone(),
        period: rec.period_label.clone(),
        version: rec.version,
        status: rec.status,
        plan_name: rec.plan_name.clone(),
        plan_version: rec.plan_version,
        currency: rec.currency.clone(),
        total: rec.total,
        line_count: u32::try_from(rec.statement.lines.len()).unwrap_or(u32::MAX),
        created_at: rec.created_at.clone(),
        locked_at: rec.locked_at.clone(),
    }
}

/// Every statement version, newest period first (`payee` null: everyone's).
#[tauri::command]
pub async fn list_statements(state: State<'_, AppState>, payee: Option<Payee>) -> Result<Vec<StatementSummary>, IpcError> {
    let pool = state.pool()?;
    Ok(window::list_statements(&pool, payee.as_ref()).await?)
}

/// Runs `period` (`2026-Q3`, `2026-07`, `2026`) for `payee`, or for every partner with sales
/// when `payee` is null (one transaction: all new versions or none). Returns the new versions.
#[tauri::command]
pub async fn run_statements(state: State<'_, AppState>, payee: Option<Payee>, period: String) -> Result<Vec<StatementSummary>, IpcError> {
    let pool = state.pool()?;
    let recs = off_thread(move || async move {
        match payee {
            Some(p) => Ok(vec![service::run(&pool, &p, &period, None).await?]),
            None => service::run_all_partners(&pool, &period, None).await,
        }
    })
    .await?;
    Ok(recs.iter().map(summary).collect())
}

#[tauri::command]
pub async fn get_statement(state: State<'_, AppState>, payee: Payee, period: String, version: Option<u32>) -> Result<StatementView, IpcError> {
    let pool = state.pool()?;
    Ok(off_thread(move || async move {
        let rec = service::get(&pool, &payee, &period, version).await?;
        window::statement_view(&pool, rec).await
    })
    .await?)
}

/// Locks the version (audited); `conflict` when it is locked already.
#[tauri::command]
pub async fn lock_statement(state: State<'_, AppState>, payee: Payee, period: String, version: u32) -> Result<StatementView, IpcError> {
    let pool = state.pool()?;
    Ok(off_thread(move || async move {
        let rec = service::lock(&pool, &payee, &period, Some(version)).await?;
        window::statement_view(&pool, rec).await
    })
    .await?)
}

/// Writes the version as PDF / CSV / XLSX where the user says in the native dialog (`None` when
/// cancelled), or with `to_documents` into `documents/statements/`; returns the path. Audited.
#[tauri::command]
pub async fn export_statement<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    payee: Payee,
    period: String,
    version: u32,
    format: StatementFormat,
    to_documents: bool,
) -> Result<Option<String>, IpcError> {
    let pool = state.pool()?;
    let engine = state.pdf_engine(&pool).await?;
    let rec = {
        let (pool, payee, period) = (pool.clone(), payee.clone(), period.clone());
        off_thread(move || async move { service::get(&pool, &payee, &period, Some(version)).await }).await?
    };
    let name = documents::file_name(&rec, format);
    let path = if to_documents {
        let dir = state.documents_dir().join("statements");
        std::fs::create_dir_all(&dir).map_err(|e| CoreError::io(format!("cannot create {}", dir.display()), e))?;
        dir.join(name)
    } else {
        let Some(path) = super::files::pick_save_path(&app, name, format.extension()).await? else { return Ok(None) };
        path
    };
    let target = path.clone();
    off_thread(move || async move { documents::write(&pool, &engine, &payee, &period, Some(version), format, &target).await }).await?;
    Ok(Some(path.display().to_string()))
}
