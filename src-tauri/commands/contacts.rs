//! Contact screen commands.

use super::{parse_id, IpcError};
use crate::state::AppState;
use dealdesk_core::crm::contact::{self, Contact, ContactInput};
use dealdesk_core::ids::ContactId;
use dealdesk_core::listing::{ListQuery, Page};
use tauri::State;

#[tauri::command]
pub async fn list_contacts(state: State<'_, AppState>, query: ListQuery) -> Result<Page<Contact>, IpcError> {
    Ok(contact::list(&state.pool()?, &query).await?)
}

#[tauri::command]
pub async fn save_contact(state: State<'_, AppState>, input: ContactInput) -> Result<Contact, IpcError> {
    Ok(contact::save(&state.pool()?, &input).await?)
}

#[tauri::command]
pub async fn delete_contact(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
    Ok(contact::delete(&state.pool()?, parse_id(&id, ContactId::parse)?).await?)
}
