//! Personal-data masking in the window: the data view role and the privacy screen, revealing
//! one value (with a reason, audited) and the audit log viewer.

use super::{off_thread, IpcError};
use crate::state::AppState;
use dealdesk_core::audit::AuditEntry;
use dealdesk_core::listing::Page;
use dealdesk_core::masking::policy::Role;
use dealdesk_core::masking::view::{self, DataView};
use dealdesk_core::masking::reveal::RevealTable;
use dealdesk_core::masking::{reveal, window};
use tauri::State;

#[tauri::command]
pub async fn data_view(state: State<'_, AppState>) -> Result<DataView, IpcError> {
    Ok(view::current(&state.pool()?).await?)
}

/// Changes the data view role (数据查看角色; audited).
#[tauri::command]
pub async fn set_data_view_role(state: State<'_, AppState>, role: Role) -> Result<DataView, IpcError> {
    let pool = state.pool()?;
    Ok(off_thread(move || async move { view::set_role(&pool, role).await }).await?)
}

/// Turns the privacy screen (隐私屏) on or off (audited).
#[tauri::command]
pub async fn set_privacy_screen(state: State<'_, AppState>, on: bool) -> Result<DataView, IpcError> {
    let pool = state.pool()?;
    Ok(off_thread(move || async move { view::set_privacy_screen(&pool, on).await }).await?)
}

/// The clear value of one personal field, if the data view may reveal it; audited. `table`
/// is a list table or a quote, contract or review table (`quote_events`, `review_items` …).
#[tauri::command]
pub async fn reveal_value(state: State<'_, AppState>, table: RevealTable, id: String, field: String, reason: String) -> Result<String, IpcError> {
    let pool = state.pool()?;
    Ok(off_thread(move || async move { reveal::reveal(&pool, table, &id, &field, &reason).await }).await?)
}

/// A page of the audit log, newest first, personal data masked.
#[tauri::command]
pub async fn list_audit(state: State<'_, AppState>, page: u32, page_size: u32) -> Result<Page<AuditEntry>, IpcError> {
    Ok(window::list_audit(&state.pool()?, page, page_size).await?)
}
