//! Command-layer tests of the channel-partner area on the mock runtime: imports from staged
//! bytes (masked bank numbers, a file imported twice refused), plans checked at their JSON
//! paths and saved as versions, statements run / opened / locked / exported (audited), the
//! what-if with its curve, sales lines taken from an accepted quote (once), and the watched
//! inbox picking up a dropped file.

mod ipc_support;

use ipc_support::{app, call, Window};
use tauri::test::MockRuntime;
use dealdesk_app::state::{AppState, Upload};
use serde_json::{json, Value};
use tauri::{Manager, WebviewWindowBuilder};

const PARTNERS: &str = "code,name,region,level,parent_code,bank_account_holder,bank_account_number,bank_name\nD001,华东总代,华东,一级,,张伟,6222021234567890123,工商银行\nD002,杭州二级,华东,二级,D001,李娜,6222029876543210,建设银行\n";
const SALES: &str = "line_ref,date,partner_code,amount,currency,invoiced_on\nS1,2026-07-05,D001,80000,CNY,2026-07-05\nS2,2026-08-10,D001,40000,CNY,2026-08-12\nS3,2026-07-10,D002,5000,CNY,2026-07-12\n";
const PLAN: &str = r#"{"schema":1,"name":"渠道方案","kind":"partner","effective_from":"2026-01-01","currency":"CNY","base":"gross","trigger":"invoice",
 "rate":{"tier_mode":"retroactive","tier_over":"period","tiers":[{"from":"0","to":"100000","rate_pct":"5"},{"from":"100000","rate_pct":"8"}]},"multi_level":{"override_pct":"2"}}"#;

/// Stages `text` as the window would (`stage_upload`) and imports it as `kind`.
fn import(app: &tauri::App<MockRuntime>, window: &Window, kind: &str, name: &str, text: &str) -> Result<Value, Value> {
    let id = format!("{kind}-{name}");
    app.state::<AppState>().stage(id.clone(), Upload { file_name: name.into(), bytes: text.as_bytes().to_vec() });
    call(window, "import_partner_file", json!({"kind": kind, "uploadId": id}))
}

fn setup() -> (tauri::App<MockRuntime>, Window, tempfile::TempDir) {
    let (app, dir, _) = app();
    let window = WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("window");
    import(&app, &window, "partners", "partners.csv", PARTNERS).expect("partners");
    import(&app, &window, "sales", "q3.csv", SALES).expect("sales");
    let plan: Value = serde_json::from_str(PLAN).expect("plan json");
    call(&window, "save_plan", json!({"plan": plan})).expect("plan");
    (app, window, dir)
}

#[test]
fn partner_and_sales_imports_reach_the_window_masked_and_a_file_is_imported_once() {
    let (app, window, _dir) = setup();
    call(&window, "set_data_view_role", json!({"role": "distributor"})).expect("role");
    let partners = call(&window, "list_partners", json!({})).expect("partners");
    let d001 = &partners[0];
    assert_eq!((d001["code"].as_str(), d001["level"].as_u64(), d002_parent(&partners)), (Some("D001"), Some(1), Some("D001".to_string())));
    assert!(!d001["bank_account_number"].as_str().expect("number").contains("1234567890"), "{d001}");
    assert!(d001["masked"].as_array().expect("masked").iter().any(|m| m == "bank_account_number"));
    let again = import(&app, &window, "sales", "q3-copy.csv", SALES).expect_err("the same bytes");
    assert_eq!(again["kind"], json!("conflict"));
    let bad = import(&app, &window, "sales", "bad.csv", "line_ref,date,partner_code,amount,currency\nX1,2026-07-01,D009,lots,CNY\n").expect_err("bad rows");
    assert_eq!(bad["kind"], json!("import_rejected"));
    let cells: Vec<(u64, &str)> = bad["problems"].as_array().expect("problems").iter().map(|p| (p["row"].as_u64().unwrap_or(0), p["column"].as_str().unwrap_or(""))).collect();
    assert!(cells.contains(&(2, "amount")), "{cells:?}");
    let batches = call(&window, "list_import_batches", json!({})).expect("batches");
    assert_eq!(batches.as_array().map(Vec::len), Some(2), "partners and q3.csv only");
    let lines = call(&window, "list_sales_lines", json!({"filter": {"partner": "D001", "period": "2026-Q3", "batch_id": null, "page": 1, "page_size": 50}})).expect("lines");
    assert_eq!(lines["total"], json!(2));
    assert_eq!(lines["items"][0]["line_ref"], json!("S1"));
}

fn d002_parent(partners: &Value) -> Option<String> {
    partners.as_array()?.iter().find(|p| p["code"] == "D002")?["parent_code"].as_str().map(str::to_string)
}

#[test]
fn a_plan_is_checked_at_its_json_paths_and_saved_as_the_next_version() {
    let (_app, window, _dir) = setup();
    let mut plan: Value = serde_json::from_str(PLAN).expect("plan json");
    plan["rate"]["tiers"][1]["from"] = json!("120000");
    let errors = call(&window, "check_plan", json!({"plan": plan})).expect("checked");
    assert_eq!(errors[0]["field"], json!("rate.tiers[1].from"), "{errors}");
    let err = call(&window, "save_plan", json!({"plan": plan})).expect_err("invalid");
    assert_eq!((err["kind"].clone(), err["fields"][0]["field"].clone()), (json!("validation"), json!("rate.tiers[1].from")));
    plan["rate"]["tiers"][0]["to"] = json!("120000");
    assert_eq!(call(&window, "check_plan", json!({"plan": plan})).expect("checked"), json!([]));
    let saved = call(&window, "save_plan", json!({"plan": plan})).expect("saved");
    assert_eq!((saved["name"].as_str(), saved["version"].as_u64()), (Some("渠道方案"), Some(2)));
    let got = call(&window, "get_plan", json!({"name": "渠道方案", "version": 2})).expect("version 2");
    assert_eq!(got["plan"]["rate"]["tiers"][0]["to"], json!("120000"));
    assert_eq!(call(&window, "list_plans", json!({})).expect("list").as_array().map(Vec::len), Some(2));
}

#[test]
fn a_quarter_is_run_opened_locked_and_exported_with_audit_entries() {
    let (_app, window, dir) = setup();
    let made = call(&window, "run_statements", json!({"payee": null, "period": "2026-Q3"})).expect("run all");
    assert_eq!(made.as_array().map(Vec::len), Some(2), "D001 and D002");
    let d001 = json!({"kind": "partner", "code": "D001"});
    let view = call(&window, "get_statement", json!({"payee": d001, "period": "2026-Q3", "version": null})).expect("view");
    // 120,000 of sales reach the 8% tier retroactively: 9,600.00, plus 2% of D002's 5,000.
    assert_eq!(view["record"]["statement"]["total"], json!("9700.00"));
    assert_eq!(view["words"], json!("人民币玖仟柒佰元整"));
    assert_eq!(view["payee_name"], json!("D001 华东总代"));
    let locked = call(&window, "lock_statement", json!({"payee": d001, "period": "2026-Q3", "version": 1})).expect("locked");
    assert_eq!(locked["record"]["status"], json!("locked"));
    let err = call(&window, "lock_statement", json!({"payee": d001, "period": "2026-Q3", "version": 1})).expect_err("twice");
    assert_eq!(err["kind"], json!("conflict"));
    let path = call(&window, "export_statement", json!({"payee": d001, "period": "2026-Q3", "version": 1, "format": "pdf", "toDocuments": true})).expect("pdf");
    let path = std::path::PathBuf::from(path.as_str().expect("path"));
    assert!(path.starts_with(dir.path().join("documents").join("statements")), "{}", path.display());
    assert!(std::fs::read(&path).expect("the PDF").starts_with(b"%PDF"));
    let audit = call(&window, "list_audit", json!({"page": 1, "pageSize": 10})).expect("audit");
    let actions: Vec<&str> = audit["items"].as_array().expect("items").iter().filter_map(|e| e["action"].as_str()).collect();
    assert_eq!(&actions[..2], ["statement_export", "statement_lock"], "{actions:?}");
    let rerun = call(&window, "run_statements", json!({"payee": d001, "period": "2026-Q3"})).expect("rerun");
    assert_eq!(rerun[0]["version"], json!(2), "a locked version stays; a rerun is a new one");
}

#[test]
fn the_what_if_compares_a_changed_plan_with_hypothetical_sales_and_draws_the_curve() {
    let (_app, window, _dir) = setup();
    let mut plan: Value = serde_json::from_str(PLAN).expect("plan json");
    plan["rate"]["tiers"][1]["rate_pct"] = json!("10");
    let sale = json!({"partner": "D002", "rep": null, "date": "2026-09-01", "amount": "100000", "product_line": "", "customer_type": ""});
    let view = call(&window, "what_if", json!({"plan": plan, "period": "2026-Q3", "partner": null, "sales": [sale]})).expect("what-if");
    let rows = view["result"]["rows"].as_array().expect("rows");
    let d001 = rows.iter().find(|r| r["payee"] == "D001").expect("D001");
    // Now 8% of 120,000 + 2% of 105,000 (D002's sale and the hypothetical one); simulated 10%.
    assert_eq!((d001["current"].as_str(), d001["draft"].as_str()), (Some("11700.00"), Some("14100.00")));
    assert_eq!(view["result"]["draft_total"], json!("24600.00"), "D001 14,100 + D002 10% of 105,000");
    let curve = view["curve"].as_array().expect("curve");
    let at = |x: &str| curve.iter().find(|p| p["amount"] == x).cloned().expect("point");
    assert_eq!((at("99999.99")["simulated"].clone(), at("100000")["simulated"].clone()), (json!("5000.00"), json!("10000.00")), "the cliff");
    let bad = json!({"partner": "D404", "rep": null, "date": "2026-09-01", "amount": "x", "product_line": "", "customer_type": ""});
    let err = call(&window, "what_if", json!({"plan": plan, "period": "2026-Q3", "partner": null, "sales": [bad]})).expect_err("bad sale");
    let fields: Vec<&str> = err["fields"].as_array().expect("fields").iter().filter_map(|f| f["field"].as_str()).collect();
    assert_eq!(fields, ["sales[0].partner", "sales[0].amount"]);
}

#[test]
fn an_accepted_quote_is_taken_once_and_its_deal_earnings_are_shown() {
    let (_app, window, _dir) = setup();
    let customer = call(&window, "save_customer", json!({"input": {"id": null, "name": "华信科技", "industry": "制造业", "size": null, "region": "", "tier": null, "owner": "", "notes": ""}})).expect("customer");
    let line = json!({"product_id": null, "sku": "DD-100", "description": "年度订阅", "unit": "套", "quantity": "2", "unit_price": "30000", "discount_pct": "0", "tax_rate_pct": "13", "unit_cost": "10000"});
    let quote = call(&window, "save_quote", json!({"input": {"id": null, "customer_id": customer["id"], "opportunity_id": null, "currency": "CNY", "exchange_rate": "1", "tax_inclusive": false,
        "discount_pct": "0", "quote_date": "2026-12-01", "valid_until": "2026-12-31", "labels": "bilingual", "paper": "a4", "notes": "", "terms": "", "lines": [line]}}))
    .expect("quote");
    let qid = quote["id"].clone();
    let take = json!({"quote": qid, "partner": "D001", "rep": null, "customer_type": null, "invoiced_on": "2026-12-05", "paid_on": null});
    let err = call(&window, "take_quote_lines", json!({"take": take})).expect_err("a draft");
    assert_eq!(err["kind"], json!("conflict"));
    call(&window, "submit_quote", json!({"id": qid})).expect("submitted");
    let earns = call(&window, "deal_earnings", json!({"take": take, "period": null})).expect("earnings");
    assert_eq!((earns["deal_amount"].as_str(), earns["partner"]["earns"].as_str()), (Some("60000.00"), Some("3000.00")), "5% of 60,000 in Q4");
    call(&window, "mark_quote", json!({"id": qid, "to": "sent"})).expect("sent");
    call(&window, "mark_quote", json!({"id": qid, "to": "accepted"})).expect("accepted");
    let taken = call(&window, "take_quote_lines", json!({"take": take})).expect("taken");
    assert_eq!((taken["lines"].as_u64(), taken["partner"].as_str()), (Some(1), Some("D001")));
    let again = call(&window, "take_quote_lines", json!({"take": take})).expect_err("twice");
    assert_eq!(again["kind"], json!("conflict"));
    assert!(again["message"].as_str().is_some_and(|m| m.contains("already taken")), "{again}");
    let lines = call(&window, "list_sales_lines", json!({"filter": {"partner": "D001", "period": null, "batch_id": null, "page": 1, "page_size": 50}})).expect("lines");
    let taken_line = lines["items"].as_array().expect("items").iter().find(|l| l["line_ref"].as_str().is_some_and(|r| r.ends_with("-1"))).cloned().expect("the quote's line");
    assert_eq!((taken_line["amount"].as_str(), taken_line["customer_type"].as_str()), (Some("60000.00"), Some("制造业")));
}

#[test]
fn the_inbox_watches_the_default_folder_and_imports_a_dropped_file() {
    let (_app, window, dir) = setup();
    let status = call(&window, "use_default_inbox", json!({})).expect("watching");
    assert_eq!(status["watching"], json!(true));
    let folder = dir.path().join("inbox");
    assert_eq!(status["folder"].as_str(), folder.to_str());
    let q4 = "line_ref,date,partner_code,amount,currency,invoiced_on\nS9,2026-10-05,D001,1000,CNY,2026-10-05\n";
    let outside = dir.path().join("q4.csv");
    std::fs::write(&outside, q4).expect("write");
    std::fs::rename(&outside, folder.join("q4.csv")).expect("drop");
    let start = std::time::Instant::now();
    let events = loop {
        let events = call(&window, "list_inbox_events", json!({"limit": 10})).expect("events");
        if events.as_array().is_some_and(|e| !e.is_empty()) || start.elapsed() > std::time::Duration::from_secs(60) {
            break events;
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    };
    assert_eq!((events[0]["outcome"].as_str(), events[0]["moved_to"].as_str()), (Some("imported"), Some("imported/q4.csv")), "{events}");
    assert!(folder.join("imported").join("q4.csv").exists());
    let status = call(&window, "stop_inbox", json!({})).expect("stopped");
    assert_eq!((status["folder"].clone(), status["watching"].clone()), (json!(null), json!(false)));
}
