//! What the window's commands share: the database pool (absent while the database is locked:
//! key missing or wrong), its path, and files the user picked, held in memory between
//! `stage_upload` and `import_table` (or between choosing a backup and restoring it).

use crate::commands::error::{ErrorKind, IpcError};
use dealdesk_core::store::SqlitePool;
use std::collections::HashMap;
use std::path::PathBuf;
use dealdesk_core::pdf::PdfEngine;
use dealdesk_core::report::snapshot::Snapshot;
use std::sync::{Arc, Mutex, RwLock};

pub struct Upload {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

pub struct AppState {
    pool: RwLock<Option<SqlitePool>>,
    /// Why the database could not be opened (key missing or wrong), while it is locked.
    locked: Mutex<Option<String>>,
    pub db_path: PathBuf,
    uploads: Mutex<HashMap<String, Upload>>,
    /// The recovery key of a database created (or re-keyed) during this run, until the user
    /// confirms they wrote it down. Never stored anywhere.
    recovery_key: Mutex<Option<String>>,
    /// The backup file chosen in the native dialog, until it is restored.
    chosen_backup: Mutex<Option<PathBuf>>,
    /// The PDF engine (fonts parsed once), made on the first render.
    pdf: Mutex<Option<Arc<PdfEngine>>>,
    /// The dashboard's in-memory copy of the report data, loaded on first use and patched on
    /// each refresh (core/src/report/snapshot.rs), tagged with the database generation it
    /// copies: a snapshot of another generation is reloaded, never patched.
    pub report: tokio::sync::Mutex<Option<(u64, Snapshot)>>,
    /// Counts the databases this window has had open (unlock, restore, re-key, start anew).
    generation: std::sync::atomic::AtomicU64,
}

/// Files larger than this are refused before they are parsed.
pub const MAX_UPLOAD_BYTES: usize = 200 * 1024 * 1024;

/// Staged uploads kept at once; older ones are dropped (the UI stages one at a time).
const MAX_STAGED: usize = 4;

impl AppState {
    pub fn new(pool: SqlitePool, db_path: PathBuf) -> Self {
        let state = Self::locked(db_path, String::new());
        state.unlock(pool);
        state
    }

    /// A state without a database: the window shows the unlock screen with `reason`.
    pub fn locked(db_path: PathBuf, reason: String) -> Self {
        Self {
            pool: RwLock::new(None),
            locked: Mutex::new(Some(reason)),
            db_path,
            uploads: Mutex::new(HashMap::new()),
            recovery_key: Mutex::new(None),
            chosen_backup: Mutex::new(None),
            pdf: Mutex::new(None),
            report: tokio::sync::Mutex::new(None),
            generation: std::sync::atomic::AtomicU64::new(0),
        }
    }

    /// The open database, or a `locked` error while there is none.
    pub fn pool(&self) -> Result<SqlitePool, IpcError> {
        let pool = self.pool.read().unwrap_or_else(|p| p.into_inner()).clone();
        pool.ok_or_else(|| {
            let reason = self.locked_reason().unwrap_or_default();
            IpcError::new(ErrorKind::Locked, format!("the database is locked: {reason}"))
        })
    }

    /// Takes the pool out (for a re-key or a restore, which replace the file); the database
    /// counts as locked until `unlock` puts one back.
    pub fn take_pool(&self, reason: &str) -> Option<SqlitePool> {
        *self.locked.lock().unwrap_or_else(|p| p.into_inner()) = Some(reason.to_string());
        self.pool.write().unwrap_or_else(|p| p.into_inner()).take()
    }

    pub fn unlock(&self, pool: SqlitePool) {
        // Another database (restored, re-keyed or new): the report snapshot is not its copy.
        self.generation.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        *self.pool.write().unwrap_or_else(|p| p.into_inner()) = Some(pool);
        *self.locked.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }

    /// Which database is open now (see `generation`).
    pub fn generation(&self) -> u64 {
        self.generation.load(std::sync::atomic::Ordering::SeqCst)
    }

    pub fn locked_reason(&self) -> Option<String> {
        self.locked.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    pub fn choose_backup(&self, path: Option<PathBuf>) {
        *self.chosen_backup.lock().unwrap_or_else(|p| p.into_inner()) = path;
    }

    pub fn chosen_backup(&self) -> Option<PathBuf> {
        self.chosen_backup.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    pub fn set_recovery_key(&self, key: Option<String>) {
        *self.recovery_key.lock().unwrap_or_else(|p| p.into_inner()) = key;
    }

    pub fn recovery_key(&self) -> Option<String> {
        self.recovery_key.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// The PDF engine with the font from Settings › Print (or the system's), loaded once.
    pub async fn pdf_engine(&self, pool: &SqlitePool) -> Result<Arc<PdfEngine>, IpcError> {
        if let Some(engine) = self.pdf.lock().unwrap_or_else(|p| p.into_inner()).clone() {
            return Ok(engine);
        }
        let mut conn = pool.acquire().await.map_err(dealdesk_core::CoreError::from)?;
        let settings = dealdesk_core::quote::print::load(&mut conn).await?;
        drop(conn);
        let font = settings.font_path.trim().to_string();
        let engine = tauri::async_runtime::spawn_blocking(move || PdfEngine::load((!font.is_empty()).then(|| std::path::Path::new(&font))))
            .await
            .map_err(|e| IpcError::new(ErrorKind::Internal, format!("loading the PDF font failed: {e}")))??;
        let engine = Arc::new(engine);
        *self.pdf.lock().unwrap_or_else(|p| p.into_inner()) = Some(engine.clone());
        Ok(engine)
    }

    /// App-owned folder for printed documents: `documents/` beside the database.
    pub fn documents_dir(&self) -> PathBuf {
        self.db_path.parent().map(|d| d.join("documents")).unwrap_or_else(|| PathBuf::from("documents"))
    }

    pub fn reset_pdf_engine(&self) {
        *self.pdf.lock().unwrap_or_else(|p| p.into_inner()) = None;
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
