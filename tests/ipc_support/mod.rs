//! Shared by the command-layer tests: the app on Tauri's mock runtime over a fresh database,
//! and a command called through its IPC the way the window calls it.

use dealdesk_app::state::AppState;
use serde_json::Value;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;

pub type Window = tauri::WebviewWindow<MockRuntime>;

/// The app over a new database in a temporary folder (kept alive by the returned `TempDir`),
/// with the pool for checks behind the commands' back.
pub fn app() -> (tauri::App<MockRuntime>, tempfile::TempDir, dealdesk_core::store::SqlitePool) {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("t.db");
    let pool = tauri::async_runtime::block_on(dealdesk_core::store::open(&db, &dealdesk_core::store::MemoryStore::default())).expect("db").pool;
    let app = dealdesk_app::configure(mock_builder(), AppState::new(pool.clone(), db)).build(mock_context(noop_assets())).expect("app");
    (app, dir, pool)
}

/// `cmd` with `args` as JSON, the command's value or its `{ kind, message }` error.
pub fn call(window: &Window, cmd: &str, args: Value) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: "tauri://localhost".parse().expect("url"),
        body: InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(window, request).map(|b| b.deserialize::<Value>().expect("json"))
}
