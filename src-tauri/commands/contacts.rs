//! Contact screen commands. Lists and saved records come back through the data view's
//! masking policy (core/src/masking/window.rs), so personal data crosses IPC masked.

use super::{parse_id, IpcError};
use crate::state::AppState;
use dealdesk_core::crm::contact::{self, Contact, ContactInput};
use dealdesk_core::ids::ContactId;
use dealdesk_core::listing::{ListQuery, Page};
use dealdesk_core::masking::window;
use tauri::State;

#[tauri::command]
pub async fn list_contacts(state: State<'_, AppState>, query: ListQuery) -> Result<Page<Contact>, IpcError> {
    Ok(window::list_contacts(&state.pool()?, &query).await?)
}

#[tauri::command]
pub async fn save_contact(state: State<'_, AppState>, input: ContactInput) -> Result<Contact, IpcError> {
    Ok(window::save_contact(&state.pool()?, input).await?)
}

#[tauri::command]
pub async fn delete_contact(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
    Ok(contact::delete(&state.pool()?, parse_id(&id, ContactId::parse)?).await?)
}
