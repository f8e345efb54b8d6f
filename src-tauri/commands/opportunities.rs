//! Opportunity screen commands.

use super::{parse_id, IpcError};
use crate::state::AppState;
use dealdesk_core::crm::opportunity::{self, Opportunity, OpportunityInput};
use dealdesk_core::ids::OpportunityId;
use dealdesk_core::listing::{ListQuery, Page};
use tauri::State;

#[tauri::command]
pub async fn list_opportunities(state: State<'_, AppState>, query: ListQuery) -> Result<Page<Opportunity>, IpcError> {
    Ok(opportunity::list(&state.pool()?, &query).await?)
}

#[tauri::command]
pub async fn save_opportunity(state: State<'_, AppState>, input: OpportunityInput) -> Result<Opportunity, IpcError> {
    Ok(opportunity::save(&state.pool()?, &input).await?)
}

#[tauri::command]
pub async fn delete_opportunity(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
    Ok(opportunity::delete(&state.pool()?, parse_id(&id, OpportunityId::parse)?).await?)
}
