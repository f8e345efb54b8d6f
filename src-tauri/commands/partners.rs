//! Channel-partner commands: partners (bank details through the data view's masking policy),
//! reps with quotas, importing partner / rep / sales files from bytes the window staged
//! (`stage_upload`; all or nothing, a file imported before is refused), import batches, sales
//! lines per partner and period, and sales lines taken from an accepted quote.

use super::error::ErrorKind;
use super::{off_thread, IpcError};
use crate::state::AppState;
use dealdesk_core::partner::store::from_quote::{self, QuoteTake, QuoteTaken};
use dealdesk_core::partner::store::import::{self, ImportSummary};
use dealdesk_core::partner::store::window::{self, BatchRow, LineFilter, LinePage, PartnerRow, RepRow};
use serde::Deserialize;
use tauri::State;
use ts_rs::TS;

/// What a partner-area file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PartnerFileKind {
    Partners,
    Reps,
    Sales,
}

#[tauri::command]
pub async fn list_partners(state: State<'_, AppState>) -> Result<Vec<PartnerRow>, IpcError> {
    let pool = state.pool()?;
    Ok(off_thread(move || async move { window::list_partners(&pool).await }).await?)
}

#[tauri::command]
pub async fn list_reps(state: State<'_, AppState>) -> Result<Vec<RepRow>, IpcError> {
    let pool = state.pool()?;
    Ok(window::list_reps(&pool).await?)
}

/// Imports a staged file as partners, reps (with quotas) or sales lines; rejects with
/// `import_rejected` and every row/column problem, or `conflict` for a file imported before.
#[tauri::command]
pub async fn import_partner_file(state: State<'_, AppState>, kind: PartnerFileKind, upload_id: String) -> Result<ImportSummary, IpcError> {
    let upload = state.take(&upload_id).ok_or_else(|| IpcError::new(ErrorKind::NotFound, "the chosen file is no longer staged; choose it again"))?;
    let pool = state.pool()?;
    Ok(off_thread(move || async move {
        match kind {
            PartnerFileKind::Partners => import::import_partners(&pool, &upload.file_name, &upload.bytes).await,
            PartnerFileKind::Reps => import::import_reps(&pool, &upload.file_name, &upload.bytes).await,
            PartnerFileKind::Sales => import::import_sales(&pool, &upload.file_name, &upload.bytes).await,
        }
    })
    .await?)
}

#[tauri::command]
pub async fn list_import_batches(state: State<'_, AppState>) -> Result<Vec<BatchRow>, IpcError> {
    let pool = state.pool()?;
    Ok(window::list_batches(&pool).await?)
}

#[tauri::command]
pub async fn list_sales_lines(state: State<'_, AppState>, filter: LineFilter) -> Result<LinePage, IpcError> {
    let pool = state.pool()?;
    Ok(window::list_lines(&pool, &filter).await?)
}

/// Sales lines from an accepted quote for a partner; a quote taken twice is refused (`conflict`).
#[tauri::command]
pub async fn take_quote_lines(state: State<'_, AppState>, take: QuoteTake) -> Result<QuoteTaken, IpcError> {
    let pool = state.pool()?;
    Ok(off_thread(move || async move { from_quote::take(&pool, &take).await }).await?)
}
