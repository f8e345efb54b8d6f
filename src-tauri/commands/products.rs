//! Price book screen commands.

use super::{parse_id, IpcError};
use crate::state::AppState;
use dealdesk_core::catalog::product::{self, Product, ProductInput};
use dealdesk_core::ids::ProductId;
use dealdesk_core::listing::{ListQuery, Page};
use tauri::State;

#[tauri::command]
pub async fn list_products(state: State<'_, AppState>, query: ListQuery) -> Result<Page<Product>, IpcError> {
    Ok(product::list(&state.pool()?, &query).await?)
}

#[tauri::command]
pub async fn save_product(state: State<'_, AppState>, input: ProductInput) -> Result<Product, IpcError> {
    Ok(product::save(&state.pool()?, &input).await?)
}

#[tauri::command]
pub async fn delete_product(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
    Ok(product::delete(&state.pool()?, parse_id(&id, ProductId::parse)?).await?)
}
