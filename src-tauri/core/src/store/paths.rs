//! Where the app keeps its files when nothing overrides it: the OS app-data folder under the
//! bundle identifier, the same folder Tauri's path resolver returns for the window.

use std::path::PathBuf;

/// Must equal `identifier` in tauri.conf.json.
pub const APP_IDENTIFIER: &str = "com.dealdesk.app";

/// `DEALDESK_DATA_DIR` if set, else the OS data dir + identifier
/// (`~/.local/share/com.dealdesk.app`, `%APPDATA%\com.dealdesk.app`,
/// `~/Library/Application Support/com.dealdesk.app`).
pub fn default_data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("DEALDESK_DATA_DIR").filter(|v| !v.is_empty()) {
        return PathBuf::from(dir);
    }
    dirs::data_dir().unwrap_or_else(|| PathBuf::from(".")).join(APP_IDENTIFIER)
}

pub fn default_db_path() -> PathBuf {
    default_data_dir().join("dealdesk.db")
}
