//! App-level commands: version, language, first-run choice, record counts.

use super::IpcError;
use crate::state::AppState;
use dealdesk_core::settings::{self, Language};
use dealdesk_core::store::{self, TableCounts};
use dealdesk_core::{demo, progress::NoProgress};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AppInfo {
    pub version: String,
    pub language: Option<Language>,
    pub os_locale: Option<String>,
    pub db_path: String,
    pub onboarded: bool,
    pub counts: TableCounts,
    /// The new database's recovery key, until the user confirms they wrote it down.
    pub recovery_key: Option<String>,
    /// Why the database cannot be opened (its key is missing or wrong); the window then shows
    /// the unlock screen and nothing else.
    pub locked: Option<String>,
}

pub async fn info(state: &AppState) -> Result<AppInfo, IpcError> {
    if let Some(reason) = state.locked_reason() {
        return Ok(AppInfo {
            version: env!("CARGO_PKG_VERSION").to_string(),
            language: None,
            os_locale: sys_locale::get_locale(),
            db_path: state.db_path.display().to_string(),
            onboarded: true,
            counts: TableCounts::default(),
            recovery_key: None,
            locked: Some(reason),
        });
    }
    let mut conn = state.pool()?.acquire().await.map_err(dealdesk_core::CoreError::from)?;
    let language = settings::language(&mut conn).await?;
    let flagged = settings::onboarded(&mut conn).await?;
    drop(conn);
    let counts = store::table_counts(&state.pool()?).await?;
    // The path holds the OS account's name: shown through the data view like any name.
    let db_path = dealdesk_core::masking::window::shown_path(&state.pool()?, &state.db_path.display().to_string()).await?;
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        language,
        os_locale: sys_locale::get_locale(),
        db_path,
        // A database that already holds data (say, from `dealdesk demo`) needs no first-run choice.
        onboarded: flagged || counts.customers > 0,
        counts,
        recovery_key: state.recovery_key(),
        locked: None,
    })
}

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo, IpcError> {
    info(&state).await
}

#[tauri::command]
pub async fn set_language(state: State<'_, AppState>, language: Language) -> Result<AppInfo, IpcError> {
    let mut conn = state.pool()?.acquire().await.map_err(dealdesk_core::CoreError::from)?;
    settings::set_language(&mut conn, language).await?;
    drop(conn);
    info(&state).await
}

#[tauri::command]
pub async fn finish_onboarding(state: State<'_, AppState>, load_demo: bool) -> Result<AppInfo, IpcError> {
    if load_demo {
        demo::fill(&state.pool()?, demo::DEFAULT, &NoProgress).await?;
    }
    let mut conn = state.pool()?.acquire().await.map_err(dealdesk_core::CoreError::from)?;
    settings::set_onboarded(&mut conn).await?;
    drop(conn);
    info(&state).await
}

#[tauri::command]
pub async fn acknowledge_recovery_key(state: State<'_, AppState>) -> Result<AppInfo, IpcError> {
    state.set_recovery_key(None);
    tracing::info!("recovery key acknowledged");
    info(&state).await
}
