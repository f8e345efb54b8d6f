//! `#[tauri::command]` adapters, one file per area: parse the request, call the core, map the
//! error. No business rules here.

pub mod app;
pub mod contacts;
pub mod customers;
pub mod error;
pub mod files;
pub mod opportunities;
pub mod products;

pub use error::IpcError;

/// Parses an id argument from the window, as a `validation` error when it is malformed.
pub(crate) fn parse_id<T>(raw: &str, parse: impl Fn(&str) -> Option<T>) -> Result<T, IpcError> {
    parse(raw).ok_or_else(|| IpcError::bad_request(format!("'{raw}' is not a record id")))
}
