//! Command-layer tests: the real command handlers behind Tauri's IPC, on the mock runtime,
//! checking what the window receives (shapes, error kinds, field errors), down to a contract
//! from an accepted quote through legal review to the final PDF.

mod ipc_support;

use dealdesk_app::state::AppState;
use ipc_support::{app, call};
use serde_json::{json, Value};
use tauri::{Manager, WebviewWindowBuilder};

#[test]
fn the_window_creates_lists_and_rejects_with_typed_errors() {
    let (app, _dir, _) = app();
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
    let (app, _dir, _) = app();
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
    let (app, _dir, _) = app();
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
fn a_contract_goes_from_an_accepted_quote_through_legal_review_in_the_window() {
    let (app, dir, _) = app();
    let window = WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("window");
    let customer = call(&window, "save_customer", json!({"input": {"id": null, "name": "华信科技", "industry": "", "size": null, "region": "", "tier": null, "owner": "", "notes": ""}})).expect("customer");
    let line = json!({"product_id": null, "sku": "DD-100", "description": "年度订阅", "unit": "套", "quantity": "1", "unit_price": "10000", "discount_pct": "0", "tax_rate_pct": "13", "unit_cost": "4000"});
    let quote = call(&window, "save_quote", json!({"input": {"id": null, "customer_id": customer["id"], "opportunity_id": null, "currency": "CNY", "exchange_rate": "1", "tax_inclusive": false,
        "discount_pct": "0", "quote_date": "2026-12-01", "valid_until": "2026-12-31", "labels": "bilingual", "paper": "a4", "notes": "", "terms": "", "lines": [line]}}))
    .expect("quote");
    let qid = quote["id"].clone();
    assert_eq!(call(&window, "submit_quote", json!({"id": qid})).expect("submitted")["status"], json!("approved"));
    call(&window, "mark_quote", json!({"id": qid, "to": "sent"})).expect("sent");
    call(&window, "mark_quote", json!({"id": qid, "to": "accepted"})).expect("accepted");

    let terms = |payment: u32, cap: &str| json!({"payment_days": payment, "delivery_days": 30, "acceptance_days": 10, "liability_cap_pct": cap, "warranty_months": 12, "term_months": 12, "auto_renew": false, "non_renewal_notice_days": 30, "public_body": false});
    let err = call(&window, "create_contract", json!({"input": {"quote": qid, "kind": "sales", "terms": terms(120, "lots")}})).expect_err("a bad cap");
    assert_eq!(err["kind"], json!("validation"));
    assert_eq!(err["fields"][0]["field"], json!("liability_cap_pct"));
    let made = call(&window, "create_contract", json!({"input": {"quote": qid, "kind": "sales", "terms": terms(120, "100")}})).expect("contract");
    let id = made["contract"]["id"].clone();
    assert_eq!(made["contract"]["status"], json!("draft"));
    assert_eq!(made["filled"].as_array().map(Vec::len), Some(12), "the sales template's twelve clauses, filled");
    assert!(made["library"].as_array().is_some_and(|l| l.iter().any(|c| c["clause_key"] == "payment.standard" && c["fallbacks"].as_array().is_some_and(|f| !f.is_empty()))));
    assert!(made["final_blocked"].as_str().is_some_and(|w| w.contains("not signed it off")));
    let listed = call(&window, "list_contracts", json!({})).expect("list");
    assert_eq!(listed[0]["customer_name"], json!("华信科技"));

    let err = call(&window, "edit_contract_clause", json!({"id": id, "position": 3, "zh": "{{payment.dayz}}日内付款", "en": "within {{payment.days}} days"})).expect_err("unknown placeholder");
    assert_eq!(err["fields"][0]["field"], json!("clauses[3].zh"));

    let reviewed = call(&window, "submit_contract_review", json!({"id": id})).expect("reviewed");
    assert_eq!(reviewed["contract"]["status"], json!("in_review"));
    let pay = reviewed["review"]["flags"].as_array().expect("flags").iter().find(|f| f["rule_id"] == "PAY-01").cloned().expect("PAY-01");
    assert_eq!((pay["severity"].clone(), pay["status"].clone(), pay["clause_position"].clone()), (json!("high"), json!("open"), json!(3)));
    let err = call(&window, "sign_off_contract", json!({"id": id, "comment": ""})).expect_err("sales may not sign off");
    assert!(err["message"].as_str().is_some_and(|m| m.contains("legal role")), "{err}");
    call(&window, "set_user_role", json!({"role": "legal"})).expect("legal");
    let err = call(&window, "sign_off_contract", json!({"id": id, "comment": ""})).expect_err("a high flag is open");
    assert_eq!(err["kind"], json!("conflict"));
    assert!(err["message"].as_str().is_some_and(|m| m.contains("PAY-01")), "{err}");
    let err = call(&window, "print_contract", json!({"id": id, "draft": false})).expect_err("no final PDF yet");
    assert_eq!(err["kind"], json!("conflict"));

    let fixed = call(&window, "save_contract_terms", json!({"id": id, "terms": terms(30, "100")})).expect("terms");
    assert_eq!(fixed["contract"]["terms"]["payment_days"], json!(30));
    assert!(fixed["review"]["flags"].as_array().expect("flags").iter().all(|f| f["status"] != "open" || f["severity"] != "high"), "{}", fixed["review"]);
    let signed = call(&window, "sign_off_contract", json!({"id": id, "comment": "OK"})).expect("signed off");
    assert_eq!(signed["contract"]["status"], json!("approved"));
    assert_eq!(signed["final_blocked"], json!(null));
    let path = call(&window, "print_contract", json!({"id": id, "draft": false})).expect("final PDF");
    let path = std::path::PathBuf::from(path.as_str().expect("a path"));
    assert!(path.starts_with(dir.path().join("documents").join("contracts")), "{}", path.display());
    assert!(std::fs::read(&path).expect("the PDF").starts_with(b"%PDF"));
    let marked = call(&window, "mark_contract", json!({"id": id, "to": "signed"})).expect("signed");
    assert_eq!(marked["contract"]["status"], json!("signed"));
}

#[test]
fn the_window_receives_contacts_through_the_data_view_and_reveals_only_when_allowed() {
    let (app, _dir, _) = app();
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

/// Runs SQL on the app's database (to give records the employee names a real team has).
fn sql(app: &tauri::App<tauri::test::MockRuntime>, statement: &str) {
    let pool = app.state::<AppState>().pool().expect("pool");
    tauri::async_runtime::block_on(sqlx::query(statement).execute(&pool)).expect("sql");
}

#[test]
fn quotes_and_the_dashboard_reach_the_window_through_the_data_view() {
    let (app, dir, _) = app();
    let window = WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("window");
    let customer = call(&window, "save_customer", json!({"input": {"id": null, "name": "华信科技", "industry": "", "size": null, "region": "", "tier": null, "owner": "", "notes": ""}})).expect("customer");
    call(&window, "save_opportunity", json!({"input": {"id": null, "customer_id": customer["id"], "name": "CRM 升级", "stage": "negotiation", "amount": "5000", "currency": "CNY", "expected_close": null, "probability_pct": "", "competitor": "", "owner": "王伟"}})).expect("opportunity");
    let line = json!({"product_id": null, "sku": "DD-100", "description": "年度订阅", "unit": "套", "quantity": "1", "unit_price": "10000", "discount_pct": "0", "tax_rate_pct": "13", "unit_cost": "4000"});
    let form = |id: Value, notes: Value| json!({"input": {"id": id, "customer_id": customer["id"], "opportunity_id": null, "currency": "CNY", "exchange_rate": "1", "tax_inclusive": false,
        "discount_pct": "0", "quote_date": "2026-12-01", "valid_until": "2099-12-31", "labels": "bilingual", "paper": "a4", "notes": notes, "terms": "", "lines": [line]}});
    let quote = call(&window, "save_quote", form(Value::Null, json!("联系人：张伟 13812341234"))).expect("quote");
    let qid = quote["id"].clone();
    sql(&app, "UPDATE quotes SET owner = '王伟'");

    call(&window, "set_data_view_role", json!({"role": "distributor"})).expect("role");
    let query = json!({"query": {"search": null, "sort": null, "desc": false, "page": 1, "page_size": 20}});
    let page = call(&window, "list_quotes", query).expect("quotes");
    assert_eq!((page["items"][0]["owner"].clone(), page["items"][0]["masked"].clone()), (json!("王*"), json!(["owner"])));
    let shown = call(&window, "quote_revisions", json!({"id": qid})).expect("revisions")[0].clone();
    assert_eq!(shown["owner"], json!("王*"));
    assert!(!shown.to_string().contains("13812341234") && !shown.to_string().contains("张伟"), "{shown}");
    let saved = call(&window, "save_quote", form(qid.clone(), shown["notes"].clone())).expect("saved back masked");
    assert_eq!(saved["notes"], shown["notes"]);

    let year = dealdesk_core::report::Period::year_of(dealdesk_core::clock::today()).expect("year").label();
    let request = json!({"period": year, "owner": null, "region": null, "currency": "CNY", "forecast_months": 6});
    let figures = call(&window, "dashboard", json!({"request": request})).expect("figures");
    assert_eq!(figures["owners"][0]["label"], json!("王*"));
    let key = figures["owners"][0]["value"].clone();
    assert!(key.as_str().is_some_and(|k| k.starts_with("owner:")) && !figures.to_string().contains("王伟"), "{figures}");
    let filtered = json!({"period": year, "owner": key, "region": null, "currency": "CNY", "forecast_months": 6});
    let drill = call(&window, "dashboard_drill", json!({"request": filtered, "target": {"kind": "open"}})).expect("drill");
    assert_eq!((drill["count"].clone(), drill["rows"][0]["owner"].clone(), drill["rows"][0]["masked"].clone()), (json!(1), json!("王*"), json!(["owner"])));
    let typed = json!({"period": year, "owner": "王伟", "region": null, "currency": "CNY", "forecast_months": 6});
    assert_eq!(call(&window, "dashboard_drill", json!({"request": typed, "target": {"kind": "open"}})).expect_err("typed")["kind"], json!("validation"));
    let table = json!({"table": "drill", "target": {"kind": "open"}});
    let err = call(&window, "export_dashboard_table", json!({"request": filtered, "table": table, "format": "csv", "policy": "admin", "toDocuments": true})).expect_err("shows more");
    assert_eq!(err["kind"], json!("conflict"));
    let path = call(&window, "export_dashboard_table", json!({"request": filtered, "table": table, "format": "csv", "policy": null, "toDocuments": true})).expect("exported");
    let path = path.as_str().expect("path").to_string();
    assert!(path.ends_with("-masked-distributor.csv") && path.starts_with(&dir.path().display().to_string()), "{path}");
    let text = std::fs::read_to_string(&path).expect("file");
    assert!(text.contains("王*") && !text.contains("王伟"), "{text}");
    let pdf = call(&window, "print_dashboard", json!({"request": filtered, "policy": "trade_show"})).expect("weekly");
    assert!(pdf.as_str().is_some_and(|p| p.ends_with("-masked-trade_show.pdf")), "{pdf}");
    let audit = call(&window, "list_audit", json!({"page": 1, "pageSize": 3})).expect("audit");
    assert_eq!((audit["items"][0]["entity"].clone(), audit["items"][1]["entity"].clone()), (json!("dashboard"), json!("dashboard")));
    assert!(audit["items"][0]["detail"].as_str().is_some_and(|d| d.contains("\"policy\":\"trade_show\"")) && audit["items"][1]["detail"].as_str().is_some_and(|d| d.contains("\"policy\":\"distributor\"")), "{audit}");

    call(&window, "set_data_view_role", json!({"role": "admin"})).expect("role");
    let clear = call(&window, "quote_revisions", json!({"id": qid})).expect("revisions")[0].clone();
    assert_eq!((clear["owner"].clone(), clear["notes"].clone(), clear["masked"].clone()), (json!("王伟"), json!("联系人：张伟 13812341234"), json!([])), "the masked save kept the clear notes");
    let drill = call(&window, "dashboard_drill", json!({"request": filtered, "target": {"kind": "open"}})).expect("drill");
    assert_eq!(drill["rows"][0]["owner"], json!("王伟"), "the same key still filters after the view changed");
}
