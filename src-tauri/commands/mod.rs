//! `#[tauri::command]` adapters, one file per area: parse the request, call the core, map the
//! error. No business rules here.

pub mod app;
pub mod compliance;
pub mod contacts;
pub mod contract_review;
pub mod contracts;
pub mod customers;
pub mod dashboard;
mod dashboard_tables;
pub mod error;
pub mod files;
pub mod inbox;
pub mod masking;
pub mod matrix;
pub mod matrix_define;
pub mod matrix_files;
pub mod matrix_session;
pub mod opportunities;
pub mod partner_plans;
pub mod partners;
pub mod products;
pub mod quote_settings;
pub mod quotes;
pub mod security;
pub mod statements;

pub use error::IpcError;

/// Parses an id argument from the window, as a `validation` error when it is malformed.
pub(crate) fn parse_id<T>(raw: &str, parse: impl Fn(&str) -> Option<T>) -> Result<T, IpcError> {
    parse(raw).ok_or_else(|| IpcError::bad_request(format!("'{raw}' is not a record id")))
}

/// Runs a core future that is not `Send` (sqlx's SQLCipher export holds executor lifetimes
/// across awaits) on a blocking thread with its own executor, so a command can await it.
pub(crate) async fn off_thread<T, F, Fut>(task: F) -> Result<T, dealdesk_core::CoreError>
where
    F: FnOnce() -> Fut + Send + 'static,
    Fut: std::future::Future<Output = Result<T, dealdesk_core::CoreError>>,
    T: Send + 'static,
{
    tauri::async_runtime::spawn_blocking(move || tauri::async_runtime::block_on(task()))
        .await
        .map_err(|e| dealdesk_core::CoreError::BadRequest(format!("a background task failed: {e}")))?
}
