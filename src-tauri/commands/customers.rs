//! Customer screen commands. Lists and saved records come back through the data view's
//! masking policy (core/src/masking/window.rs), so personal data crosses IPC masked.

use super::{parse_id, IpcError};
use crate::state::AppState;
use dealdesk_core::crm::customer::{self, Customer, CustomerInput};
use dealdesk_core::crm::RefOption;
use dealdesk_core::ids::CustomerId;
use dealdesk_core::listing::{ListQuery, Page};
use dealdesk_core::masking::window;
use tauri::State;

#[tauri::command]
pub async fn list_customers(state: State<'_, AppState>, query: ListQuery) -> Result<Page<Customer>, IpcError> {
    Ok(window::list_customers(&state.pool()?, &query).await?)
}

#[tauri::command]
pub async fn save_customer(state: State<'_, AppState>, input: CustomerInput) -> Result<Customer, IpcError> {
    Ok(window::save_customer(&state.pool()?, input).await?)
}

#[tauri::command]
pub async fn delete_customer(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
    Ok(customer::delete(&state.pool()?, parse_id(&id, CustomerId::parse)?).await?)
}

#[tauri::command]
pub async fn customer_options(state: State<'_, AppState>, search: Option<String>) -> Result<Vec<RefOption>, IpcError> {
    Ok(customer::options(&state.pool()?, search.as_deref()).await?)
}
