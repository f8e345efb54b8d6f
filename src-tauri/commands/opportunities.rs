//! Opportunity screen commands. Lists and saved records come back through the data view's
//! masking policy (core/src/masking/window.rs), so personal data crosses IPC masked.

use super::{parse_id, IpcError};
use crate::state::AppState;
use dealdesk_core::crm::opportunity::{self, Opportunity, OpportunityInput};
use dealdesk_core::ids::OpportunityId;
use dealdesk_core::listing::{ListQuery, Page};
use dealdesk_core::masking::window;
use tauri::State;

#[tauri::command]
pub async fn list_opportunities(state: State<'_, AppState>, query: ListQuery) -> Result<Page<Opportunity>, IpcError> {
    Ok(window::list_opportunities(&state.pool()?, &query).await?)
}

#[tauri::command]
pub async fn save_opportunity(state: State<'_, AppState>, input: OpportunityInput) -> Result<Opportunity, IpcError> {
    Ok(window::save_opportunity(&state.pool()?, input).await?)
}

#[tauri::command]
pub async fn delete_opportunity(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
    Ok(opportunity::delete(&state.pool()?, parse_id(&id, OpportunityId::parse)?).await?)
}
