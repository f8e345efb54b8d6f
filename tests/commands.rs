//! Command-layer tests: the real command handlers behind Tauri's IPC, on the mock runtime,
//! checking what the window receives (shapes, error kinds, field errors).

use dealdesk_app::state::AppState;
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{Manager, WebviewWindowBuilder};

fn app() -> (tauri::App<tauri::test::MockRuntime>, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("t.db");
    let pool = tauri::async_runtime::block_on(dealdesk_core::store::open(&db, &dealdesk_core::store::MemoryStore::default())).expect("db").pool;
    let app = dealdesk_app::configure(mock_builder(), AppState::new(pool, db)).build(mock_context(noop_assets())).expect("app");
    (app, dir)
}

fn call(window: &tauri::WebviewWindow<tauri::test::MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
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

#[test]
fn the_window_creates_lists_and_rejects_with_typed_errors() {
    let (app, _dir) = app();
    let window = WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("window");

    let info = call(&window, "app_info", json!({})).expect("info");
    assert_eq!(info["onboarded"], json!(false));
    assert_eq!(info["counts"]["customers"], json!(0));

    let saved = call(&window, "save_customer", json!({"input": {"id": null, "name": "华信科技", "industry": "制造业", "size": "large", "region": "华东", "tier": "A", "owner": "", "notes": ""}}))
        .expect("saved");
    assert_eq!(saved["name"], json!("华信科技"));

    let page = call(&window, "list_customers", json!({"query": {"search": "华信", "sort": "name", "desc": false, "page": 1, "page_size": 20}})).expect("page");
    assert_eq!(page["total"], json!(1));

    let err = call(&window, "save_customer", json!({"input": {"id": null, "name": "", "industry": "", "size": null, "region": "", "tier": "Z", "owner": "", "notes": ""}}))
        .expect_err("invalid");
    assert_eq!(err["kind"], json!("validation"));
    let fields: Vec<&str> = err["fields"].as_array().expect("fields").iter().map(|f| f["field"].as_str().expect("field")).collect();
    assert_eq!(fields, vec!["name", "tier"]);

    let err = call(&window, "delete_customer", json!({"id": "not-an-id"})).expect_err("bad id");
    assert_eq!(err["kind"], json!("validation"));
}

#[test]
fn language_and_first_run_choice_are_remembered() {
    let (app, _dir) = app();
    let window = WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("window");
    let info = call(&window, "set_language", json!({"language": "en"})).expect("set");
    assert_eq!(info["language"], json!("en"));
    let info = call(&window, "finish_onboarding", json!({"loadDemo": false})).expect("onboarded");
    assert_eq!(info["onboarded"], json!(true));
    assert_eq!(info["counts"]["customers"], json!(0));
    let info = call(&window, "app_info", json!({})).expect("info");
    assert_eq!(info["language"], json!("en"));
}

#[test]
fn an_import_rejection_reaches_the_window_with_its_problems() {
    let (app, _dir) = app();
    let window = WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("window");
    let state = app.state::<AppState>();
    state.stage(
        "u1".into(),
        dealdesk_app::state::Upload { file_name: "customers.csv".into(), bytes: b"name,tier\nOK Co,A\nBad Co,Q\n".to_vec() },
    );
    // A channel id the mock runtime accepts; progress messages go nowhere.
    let err = call(&window, "import_table", json!({"table": "customers", "uploadId": "u1", "onProgress": "__CHANNEL__:1"})).expect_err("rejected");
    assert_eq!(err["kind"], json!("import_rejected"));
    assert_eq!(err["problems"][0]["row"], json!(3));
    assert_eq!(err["problems"][0]["column"], json!("tier"));
    let info = call(&window, "app_info", json!({})).expect("info");
    assert_eq!(info["counts"]["customers"], json!(0));
}

#[test]
fn the_window_receives_contacts_through_the_data_view_and_reveals_only_when_allowed() {
    let (app, _dir) = app();
    let window = WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("window");
    let saved = call(&window, "save_contact", json!({"input": {"id": null, "customer_id": null, "name": "张伟", "title": "", "mobile": "13812341234", "email": ""}})).expect("saved");
    let id = saved["id"].as_str().expect("id").to_string();
    let view = call(&window, "set_data_view_role", json!({"role": "distributor"})).expect("role");
    assert_eq!((view["policy"].as_str(), view["can_reveal"].as_bool()), (Some("distributor"), Some(false)));
    let query = json!({"query": {"search": null, "sort": null, "desc": false, "page": 1, "page_size": 20}});
    let page = call(&window, "list_contacts", query.clone()).expect("page");
    assert_eq!(page["items"][0]["mobile"], json!("138****1234"));
    assert_eq!(page["items"][0]["masked"], json!(["name", "mobile"]));
    let err = call(&window, "reveal_value", json!({"table": "contacts", "id": id, "field": "mobile", "reason": "check"})).expect_err("refused");
    assert_eq!(err["kind"], json!("conflict"));
    let err = call(&window, "export_table", json!({"table": "contacts", "format": "csv", "policy": "admin", "toDocuments": true})).expect_err("shows more");
    assert_eq!(err["kind"], json!("conflict"));
    call(&window, "set_data_view_role", json!({"role": "admin"})).expect("role");
    call(&window, "set_privacy_screen", json!({"on": true})).expect("privacy");
    let err = call(&window, "reveal_value", json!({"table": "contacts", "id": id, "field": "mobile", "reason": " "})).expect_err("no reason");
    assert_eq!(err["kind"], json!("validation"));
    let clear = call(&window, "reveal_value", json!({"table": "contacts", "id": id, "field": "mobile", "reason": "展台核对"})).expect("revealed");
    assert_eq!(clear, json!("13812341234"));
    let audit = call(&window, "list_audit", json!({"page": 1, "pageSize": 5})).expect("audit");
    assert_eq!(audit["items"][0]["action"], json!("reveal"));
    assert!(!audit.to_string().contains("13812341234"), "{audit}");
    let report = call(&window, "export_table", json!({"table": "contacts", "format": "csv", "policy": null, "toDocuments": true})).expect("exported");
    assert_eq!(report["policy"], json!("trade_show"));
    let text = std::fs::read_to_string(report["path"].as_str().expect("path")).expect("file");
    assert!(text.contains("[mobile]") && !text.contains("13812341234"), "{text}");
}
