//! What the window's commands share: the database pool, its path, and files the user picked
//! for import, held in memory between `stage_upload` and `import_table`.

use dealdesk_core::store::SqlitePool;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;

pub struct Upload {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

pub struct AppState {
    pub pool: SqlitePool,
    pub db_path: PathBuf,
    uploads: Mutex<HashMap<String, Upload>>,
    /// The recovery key of a database created on this start, until the user confirms they
    /// wrote it down. Never stored anywhere.
    recovery_key: Mutex<Option<String>>,
}

/// Files larger than this are refused before they are parsed.
pub const MAX_UPLOAD_BYTES: usize = 200 * 1024 * 1024;

/// Staged uploads kept at once; older ones are dropped (the UI stages one at a time).
const MAX_STAGED: usize = 4;

impl AppState {
    pub fn new(pool: SqlitePool, db_path: PathBuf) -> Self {
        Self { pool, db_path, uploads: Mutex::new(HashMap::new()), recovery_key: Mutex::new(None) }
    }

    pub fn set_recovery_key(&self, key: Option<String>) {
        *self.recovery_key.lock().unwrap_or_else(|p| p.into_inner()) = key;
    }

    pub fn recovery_key(&self) -> Option<String> {
        self.recovery_key.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    pub fn stage(&self, id: String, upload: Upload) {
        let mut uploads = self.uploads.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if uploads.len() >= MAX_STAGED {
            // Ids are UUIDv7: the smallest is the oldest.
            if let Some(oldest) = uploads.keys().min().cloned() {
                uploads.remove(&oldest);
            }
        }
        uploads.insert(id, upload);
    }

    pub fn take(&self, id: &str) -> Option<Upload> {
        self.uploads.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).remove(id)
    }
}
