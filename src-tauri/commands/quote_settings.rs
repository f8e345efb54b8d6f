//! Settings that quotes use: pricing and approval rules, the letterhead and 大写 options, the
//! logo, volume breaks per product, and the user's role for approvals.

use super::{off_thread, parse_id, IpcError};
use crate::state::AppState;
use dealdesk_core::ids::ProductId;
use dealdesk_core::quote::pricing::{self, VolumeBreak};
use dealdesk_core::quote::print::{self, PrintSettings};
use dealdesk_core::quote::{rules, QuoteRules, Role};
use dealdesk_core::settings;
use tauri::ipc::{InvokeBody, Request};
use tauri::State;

#[tauri::command]
pub async fn quote_rules(state: State<'_, AppState>) -> Result<QuoteRules, IpcError> {
    let mut conn = state.pool()?.acquire().await.map_err(dealdesk_core::CoreError::from)?;
    Ok(rules::load(&mut conn).await?)
}

#[tauri::command]
pub async fn save_quote_rules(state: State<'_, AppState>, rules: QuoteRules) -> Result<QuoteRules, IpcError> {
    let mut conn = state.pool()?.acquire().await.map_err(dealdesk_core::CoreError::from)?;
    rules::save(&mut conn, &rules).await?;
    Ok(rules::load(&mut conn).await?)
}

#[tauri::command]
pub async fn print_settings(state: State<'_, AppState>) -> Result<PrintSettings, IpcError> {
    let mut conn = state.pool()?.acquire().await.map_err(dealdesk_core::CoreError::from)?;
    Ok(print::load(&mut conn).await?)
}

#[tauri::command]
pub async fn save_print_settings(state: State<'_, AppState>, settings: PrintSettings) -> Result<PrintSettings, IpcError> {
    let mut conn = state.pool()?.acquire().await.map_err(dealdesk_core::CoreError::from)?;
    print::save(&mut conn, &settings).await?;
    // The font may have changed: the next render loads it again.
    state.reset_pdf_engine();
    Ok(print::load(&mut conn).await?)
}

/// The logo's bytes as the request body (empty body: remove the logo).
#[tauri::command]
pub async fn set_logo(request: Request<'_>, state: State<'_, AppState>) -> Result<PrintSettings, IpcError> {
    let InvokeBody::Raw(bytes) = request.body() else {
        return Err(IpcError::bad_request("set_logo expects the image bytes as the request body"));
    };
    let mut conn = state.pool()?.acquire().await.map_err(dealdesk_core::CoreError::from)?;
    print::set_logo(&mut conn, (!bytes.is_empty()).then_some(bytes.as_slice())).await?;
    Ok(print::load(&mut conn).await?)
}

#[tauri::command]
pub async fn volume_breaks(state: State<'_, AppState>, product_id: String) -> Result<Vec<VolumeBreak>, IpcError> {
    Ok(pricing::volume_breaks(&state.pool()?, parse_id(&product_id, ProductId::parse)?).await?)
}

#[tauri::command]
pub async fn save_volume_breaks(state: State<'_, AppState>, product_id: String, breaks: Vec<VolumeBreak>) -> Result<Vec<VolumeBreak>, IpcError> {
    Ok(pricing::save_volume_breaks(&state.pool()?, parse_id(&product_id, ProductId::parse)?, &breaks).await?)
}

#[tauri::command]
pub async fn user_role(state: State<'_, AppState>) -> Result<Role, IpcError> {
    let mut conn = state.pool()?.acquire().await.map_err(dealdesk_core::CoreError::from)?;
    Ok(settings::role(&mut conn).await?)
}

/// Changes the user's role (audited).
#[tauri::command]
pub async fn set_user_role(state: State<'_, AppState>, role: Role) -> Result<Role, IpcError> {
    let pool = state.pool()?;
    off_thread(move || async move { settings::set_role(&pool, role).await }).await?;
    Ok(role)
}
