//! The watched inbox in the window: which folder is watched (chosen in the native folder
//! dialog opened here, or the app-owned `inbox/` beside the database; never a path from the
//! webview), starting and stopping the watcher, one sub-folder per partner, and the list of
//! what arrived. The list is live through a `Channel` the window subscribes with (a channel
//! needs no core event permission in the capability; see docs/decisions.md).

use super::error::ErrorKind;
use super::{off_thread, IpcError};
use crate::state::AppState;
use dealdesk_core::inbox::watch::{PoolSource, Sink};
use dealdesk_core::inbox::{self, events, InboxEvent, InboxWatcher, WatchOptions};
use dealdesk_core::CoreError;
use serde::Serialize;
use std::path::PathBuf;
use std::sync::Mutex;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, Runtime, State};
use tauri_plugin_dialog::DialogExt;
use ts_rs::TS;

/// The running watcher and the windows' subscriptions to its events.
#[derive(Default)]
pub struct InboxState {
    watcher: Mutex<Option<InboxWatcher>>,
    subscribers: Mutex<Vec<Channel<InboxEvent>>>,
}

/// Subscriptions kept at once (a window subscribes again after a reload).
const MAX_SUBSCRIBERS: usize = 4;

impl InboxState {
    fn folder(&self) -> Option<PathBuf> {
        self.watcher.lock().unwrap_or_else(|p| p.into_inner()).as_ref().map(|w| w.root().to_path_buf())
    }

    fn publish(&self, ev: &InboxEvent) {
        for ch in self.subscribers.lock().unwrap_or_else(|p| p.into_inner()).iter() {
            let _ = ch.send(ev.clone());
        }
    }

    /// Replaces the running watcher (the old one is stopped off the async threads: it may be
    /// finishing an import).
    fn replace(&self, next: Option<InboxWatcher>) {
        let old = std::mem::replace(&mut *self.watcher.lock().unwrap_or_else(|p| p.into_inner()), next);
        if let Some(old) = old {
            std::thread::spawn(move || drop(old));
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct InboxStatus {
    /// The folder set in Settings (`None`: no inbox).
    pub folder: Option<String>,
    /// Whether the watcher is running on it.
    pub watching: bool,
    /// The app-owned folder offered as the default: `inbox/` beside the database.
    pub default_folder: String,
    /// Partner codes that have their own sub-folder.
    pub partner_folders: Vec<String>,
}

fn default_folder(state: &AppState) -> PathBuf {
    state.db_path.parent().map(|d| d.join("inbox")).unwrap_or_else(|| PathBuf::from("inbox"))
}

async fn status<R: Runtime>(app: &AppHandle<R>) -> Result<InboxStatus, IpcError> {
    let state = app.state::<AppState>();
    let pool = state.pool()?;
    let mut conn = pool.acquire().await.map_err(CoreError::from)?;
    let folder = inbox::folder(&mut conn).await?;
    let codes: Vec<String> = sqlx_codes(&mut conn).await?;
    let running = app.state::<InboxState>().folder();
    let partner_folders = match &folder {
        Some(f) => codes.into_iter().filter(|c| f.join(c).is_dir()).collect(),
        None => Vec::new(),
    };
    Ok(InboxStatus {
        watching: running.is_some() && running == folder,
        folder: folder.map(|f| f.display().to_string()),
        default_folder: default_folder(&state).display().to_string(),
        partner_folders,
    })
}

async fn sqlx_codes(conn: &mut dealdesk_core::store::SqliteConnection) -> Result<Vec<String>, CoreError> {
    Ok(dealdesk_core::partner::store::partners::list(conn).await?.into_iter().map(|p| p.code).collect())
}

/// Starts watching `folder` (replacing any running watcher).
pub fn start<R: Runtime>(app: &AppHandle<R>, folder: PathBuf) -> Result<(), CoreError> {
    let handle = app.clone();
    let pools: PoolSource = std::sync::Arc::new(move || handle.try_state::<AppState>().and_then(|s| s.pool().ok()));
    let handle = app.clone();
    let sink: Sink = std::sync::Arc::new(move |ev: &InboxEvent| {
        if let Some(s) = handle.try_state::<InboxState>() {
            s.publish(ev);
        }
    });
    let runtime = tauri::async_runtime::handle().inner().clone();
    let watcher = InboxWatcher::start(folder, pools, runtime, WatchOptions::default(), sink)?;
    app.state::<InboxState>().replace(Some(watcher));
    Ok(())
}

/// At start: watches the folder saved in Settings, if any (a failure is logged, not fatal).
pub fn start_saved<R: Runtime>(app: &AppHandle<R>) {
    let Ok(pool) = app.state::<AppState>().pool() else { return };
    let folder = tauri::async_runtime::block_on(async move {
        let mut conn = pool.acquire().await.map_err(CoreError::from)?;
        inbox::folder(&mut conn).await
    });
    match folder {
        Ok(Some(folder)) => {
            if let Err(e) = start(app, folder) {
                tracing::warn!(error = %e, "inbox watcher not started");
            }
        }
        Ok(None) => {}
        Err(e) => tracing::warn!(error = %e, "inbox setting not read"),
    }
}

async fn set_and_start<R: Runtime>(app: &AppHandle<R>, folder: PathBuf) -> Result<InboxStatus, IpcError> {
    let pool = app.state::<AppState>().pool()?;
    let f = folder.clone();
    off_thread(move || async move { inbox::set_folder(&pool, Some(&f)).await }).await?;
    start(app, folder)?;
    status(app).await
}

#[tauri::command]
pub async fn inbox_status<R: Runtime>(app: AppHandle<R>) -> Result<InboxStatus, IpcError> {
    status(&app).await
}

/// Opens the native folder dialog; `None` when cancelled.
#[tauri::command]
pub async fn choose_inbox_folder<R: Runtime>(app: AppHandle<R>) -> Result<Option<InboxStatus>, IpcError> {
    let dialog = app.dialog().file();
    let picked = tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_folder())
        .await
        .map_err(|e| IpcError::new(ErrorKind::Internal, format!("the folder dialog failed: {e}")))?;
    let Some(picked) = picked else { return Ok(None) };
    let folder = picked.into_path().map_err(|e| IpcError::new(ErrorKind::Io, format!("unusable folder: {e}")))?;
    Ok(Some(set_and_start(&app, folder).await?))
}

/// Watches the app-owned `inbox/` folder beside the database.
#[tauri::command]
pub async fn use_default_inbox<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Result<InboxStatus, IpcError> {
    set_and_start(&app, default_folder(&state)).await
}

/// Stops watching and forgets the folder (its files stay where they are).
#[tauri::command]
pub async fn stop_inbox<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Result<InboxStatus, IpcError> {
    let pool = state.pool()?;
    off_thread(move || async move { inbox::set_folder(&pool, None).await }).await?;
    app.state::<InboxState>().replace(None);
    status(&app).await
}

/// Creates `<inbox>/<code>/` for every partner (a partner's reports may go there).
#[tauri::command]
pub async fn make_partner_folders<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Result<InboxStatus, IpcError> {
    let pool = state.pool()?;
    let mut conn = pool.acquire().await.map_err(CoreError::from)?;
    let folder = inbox::folder(&mut conn).await?.ok_or_else(|| IpcError::new(ErrorKind::Conflict, "choose the inbox folder first"))?;
    for code in sqlx_codes(&mut conn).await? {
        let dir = folder.join(&code);
        std::fs::create_dir_all(&dir).map_err(|e| CoreError::io(format!("cannot create {}", dir.display()), e))?;
    }
    drop(conn);
    status(&app).await
}

/// The newest events (at most `limit`, ≤ 500), newest first.
#[tauri::command]
pub async fn list_inbox_events(state: State<'_, AppState>, limit: Option<u32>) -> Result<Vec<InboxEvent>, IpcError> {
    let pool = state.pool()?;
    let mut conn = pool.acquire().await.map_err(CoreError::from)?;
    Ok(events::list(&mut conn, limit.unwrap_or(100).min(500)).await?)
}

/// Sends every inbox event from now on through `on_event`.
#[tauri::command]
pub fn subscribe_inbox(inbox: State<'_, InboxState>, on_event: Channel<InboxEvent>) -> Result<(), IpcError> {
    let mut subs = inbox.subscribers.lock().unwrap_or_else(|p| p.into_inner());
    if subs.len() >= MAX_SUBSCRIBERS {
        subs.remove(0);
    }
    subs.push(on_event);
    Ok(())
}
