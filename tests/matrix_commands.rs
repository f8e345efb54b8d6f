//! The competitor-matrix commands on the mock runtime, as the window calls them: a matrix
//! made from nothing (dimensions, competitors), a pasted block, a refused cell naming
//! competitor and dimension, undo/redo, a cell's history, a weight that changes the ranking,
//! moving and hiding, snapshot + edit + diff, files (import all-or-nothing, exports into the
//! documents folder, audited; the battlecard PDF), names through the data view, and the
//! editor's cached matrix noticing a change made elsewhere.

mod ipc_support;

use ipc_support::{app, call, Window};
use dealdesk_app::state::{AppState, Upload};
use serde_json::{json, Value};
use tauri::{Manager, WebviewWindowBuilder};

fn ok(window: &Window, cmd: &str, args: Value) -> Value {
    call(window, cmd, args).unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
}

fn dim(grid: &Value, group: usize, kind: &str, en: &str) -> Value {
    json!({"id": null, "group_id": grid["groups"][group]["id"], "name_zh": "", "name_en": en, "kind": kind, "currency": "CNY", "unit": "", "choices": [], "weight": "1", "rule": ""})
}

/// 我方 / A / B against Features (score), SSO (yes/partial/no) and Price (lower is better, by rank).
fn three_by_three(window: &Window) -> (String, Value) {
    let m = ok(window, "create_matrix", json!({"input": {"name": "CRM", "owner": "王伟", "scale": "zero_ten", "stale_after_days": 90}}));
    let id = m["id"].as_str().expect("id").to_string();
    let mut grid = ok(window, "get_matrix", json!({"id": id}));
    assert_eq!(grid["groups"].as_array().map(Vec::len), Some(5), "the five seed groups");
    for (g, kind, en) in [(0, "score", "Features"), (0, "yes_partial_no", "SSO"), (1, "price", "Price")] {
        grid = ok(window, "save_matrix_dimension", json!({"id": id, "input": dim(&grid, g, kind, en)}));
    }
    for (name, ours) in [("A", false), ("B", false), ("我方", true)] {
        grid = ok(window, "save_matrix_competitor", json!({"id": id, "input": {"id": null, "name": name, "is_ours": ours}}));
    }
    assert_eq!(grid["competitors"][0]["name"], json!("我方"), "ours pinned first");
    let patch = ok(window, "paste_matrix_cells", json!({"id": id, "competitorId": grid["competitors"][0]["id"], "dimensionId": grid["dimensions"][0]["id"], "tsv": "8\tno\t300\r\n6\tyes\t100\r\n5\tpartial\t200\r\n"}));
    assert_eq!(patch["cells"].as_array().map(Vec::len), Some(9), "one batch of nine cells");
    assert_eq!(patch["columns"].as_array().map(Vec::len), Some(3), "every touched column rescored");
    let grid = ok(window, "get_matrix", json!({"id": id}));
    (id, grid)
}

fn order(ranking: &Value) -> Vec<String> {
    ranking.as_array().expect("ranking").iter().map(|r| format!("{}={}", r["name"].as_str().unwrap_or(""), r["score"].as_str().unwrap_or("—"))).collect()
}

#[test]
fn a_matrix_is_built_edited_undone_and_reranked_through_the_window() {
    let (app, _dir, _pool) = app();
    let window = WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("window");
    let (id, grid) = three_by_three(&window);
    // 我方 (8 + 0 + 0) / 3, A (6 + 10 + 10) / 3, B (5 + 5 + 5) / 3.
    assert_eq!(order(&grid["ranking"]), ["A=8.67", "B=5.00", "我方=2.67"]);
    assert_eq!(grid["text"][1], json!(["6", "yes", "100"]));
    assert_eq!(grid["figures"]["coverage_pct"], json!("100.0"));

    let (ours, features) = (grid["competitors"][0]["id"].clone(), grid["dimensions"][0]["id"].clone());
    let err = call(&window, "edit_matrix_cells", json!({"id": id, "cells": [{"competitor_id": ours, "dimension_id": features, "text": "很好", "evidence": null}]})).expect_err("text in a score cell");
    assert_eq!(err["kind"], json!("validation"));
    assert_eq!(err["fields"][0]["field"], json!("我方/Features"));
    assert!(err["fields"][0]["message"].as_str().is_some_and(|m| m.starts_with("我方 × Features: '很好' is not a score")), "{err}");

    let evidence = json!({"source": "https://example.com/a", "as_of": "2026-01-05", "label": "fact"});
    let patch = ok(&window, "edit_matrix_cells", json!({"id": id, "cells": [{"competitor_id": ours, "dimension_id": features, "text": "9", "evidence": evidence}]}));
    assert_eq!((patch["cells"][0]["text"].as_str(), patch["cells"][0]["evidence"]["label"].as_str()), (Some("9"), Some("fact")));
    assert_eq!(patch["can_undo"], json!(true));
    let undone = ok(&window, "undo_matrix_edit", json!({"id": id}));
    assert_eq!((undone["cells"][0]["text"].as_str(), undone["can_redo"].as_bool()), (Some("8"), Some(true)));
    let redone = ok(&window, "redo_matrix_edit", json!({"id": id}));
    assert_eq!(redone["cells"][0]["text"], json!("9"));
    let history = ok(&window, "matrix_cell_history", json!({"competitorId": ours, "dimensionId": features}));
    let changes: Vec<String> = history.as_array().expect("history").iter().map(|h| format!("{}→{}", h["old_text"].as_str().unwrap_or(""), h["new_text"].as_str().unwrap_or(""))).collect();
    assert_eq!(changes, ["8→9", "9→8", "8→9", "→8"], "every change kept, newest first (paste, edit, undo, redo)");
    assert_eq!(history[0]["new_evidence"]["as_of"], json!("2026-01-05"));

    // Features weighs 20: 我方 (180 + 0 + 0) / 22 = 8.18 overtakes A (120 + 10 + 10) / 22 = 6.36.
    let err = call(&window, "set_matrix_weight", json!({"id": id, "dimensionId": features, "weight": "-3"})).expect_err("negative");
    assert_eq!((err["fields"][0]["field"].as_str(), err["fields"][0]["code"].as_str()), (Some("weight"), Some("negative")));
    let patch = ok(&window, "set_matrix_weight", json!({"id": id, "dimensionId": features, "weight": "20"}));
    assert_eq!(order(&patch["ranking"]), ["我方=8.18", "A=6.36", "B=5.00"]);
    assert_eq!(patch["weights"][0]["normalised_pct"], json!("90.9"));

    // Price moves first and hides; the hidden column still counts in the scores.
    let price = grid["dimensions"][2]["id"].clone();
    let moved = ok(&window, "move_matrix_item", json!({"id": id, "axis": "column", "itemId": price, "to": 0}));
    assert_eq!(moved["dimensions"][0]["name_en"], json!("Price"));
    assert_eq!(moved["text"][1], json!(["100", "6", "yes"]));
    let hidden = ok(&window, "set_matrix_hidden", json!({"id": id, "axis": "column", "itemId": price, "hidden": true}));
    assert_eq!(hidden["dimensions"][0]["hidden"], json!(true));
    assert_eq!(order(&hidden["ranking"]), ["我方=8.18", "A=6.36", "B=5.00"]);
    let err = call(&window, "move_matrix_item", json!({"id": id, "axis": "row", "itemId": ours, "to": 2})).expect_err("ours is pinned");
    assert_eq!(err["kind"], json!("validation"));
}

#[test]
fn snapshots_diffs_files_and_the_battlecard_reach_the_window_and_exports_are_audited() {
    let (app, dir, _pool) = app();
    let window = WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("window");
    let (id, grid) = three_by_three(&window);
    let snaps = ok(&window, "take_matrix_snapshot", json!({"id": id, "name": "2026-Q4"}));
    assert_eq!(snaps[0]["name"], json!("2026-Q4"));
    let err = call(&window, "take_matrix_snapshot", json!({"id": id, "name": "2026-Q4"})).expect_err("taken");
    assert_eq!(err["kind"], json!("conflict"));
    let b = grid["competitors"][2]["id"].clone();
    ok(&window, "edit_matrix_cells", json!({"id": id, "cells": [{"competitor_id": b, "dimension_id": grid["dimensions"][0]["id"], "text": "10", "evidence": null}, {"competitor_id": b, "dimension_id": grid["dimensions"][2]["id"], "text": "50", "evidence": null}]}));
    let diff = ok(&window, "diff_matrix", json!({"id": id, "from": "2026-Q4", "to": "now"}));
    let cells: Vec<String> = diff["cells"].as_array().expect("cells").iter().map(|c| format!("{} {} {}→{}", c["competitor"].as_str().unwrap_or(""), c["dimension"].as_str().unwrap_or(""), c["old"].as_str().unwrap_or(""), c["new"].as_str().unwrap_or(""))).collect();
    assert_eq!(cells, ["B Features 5→10", "B Price 200→50"]);
    // B: (10 + 5 + 10) / 3 = 8.33 passes A: (6 + 10 + 5) / 3 = 7.00.
    let b_move = diff["ranking"].as_array().expect("moves").iter().find(|m| m["competitor"] == "B").expect("B").clone();
    assert_eq!((b_move["from_rank"].as_u64(), b_move["to_rank"].as_u64(), b_move["places"].as_i64(), b_move["to_score"].as_str()), (Some(2), Some(1), Some(1), Some("8.33")));

    let notes = json!({"summary": "价格灵活", "objections": "太贵 — 三年总成本更低", "trap_questions": "能否本地部署？"});
    ok(&window, "save_battlecard_notes", json!({"competitorId": b, "notes": notes}));
    assert_eq!(ok(&window, "battlecard_notes", json!({"competitorId": b}))["summary"], json!("价格灵活"));
    let path = ok(&window, "print_matrix_battlecard", json!({"id": id, "competitorId": b, "lang": "both"}));
    let path = std::path::PathBuf::from(path.as_str().expect("path"));
    assert!(path.starts_with(dir.path().join("documents").join("matrices")), "{}", path.display());
    assert!(std::fs::read(&path).expect("pdf").starts_with(b"%PDF"));
    let csv = ok(&window, "export_matrix", json!({"id": id, "format": "csv", "toDocuments": true}));
    let text = std::fs::read_to_string(csv.as_str().expect("path")).expect("csv");
    assert!(text.contains("owner=王伟") && text.contains("B,no,no,10,partial,50"), "{text}");
    let audit = ok(&window, "list_audit", json!({"page": 1, "pageSize": 10}));
    let exports = audit["items"].as_array().expect("items").iter().filter(|e| e["action"] == "export" && e["entity"] == "matrix").count();
    assert_eq!(exports, 2, "the battlecard and the CSV are in the audit log: {audit}");
    let err = call(&window, "export_matrix_heatmap", json!({"id": id, "uploadId": "nope", "toDocuments": true})).expect_err("not staged");
    assert_eq!(err["kind"], json!("not_found"));
    let state = app.state::<AppState>();
    state.stage("png".into(), Upload { file_name: "h.png".into(), bytes: b"GIF89a not a png".to_vec() });
    let err = call(&window, "export_matrix_heatmap", json!({"id": id, "uploadId": "png", "toDocuments": true})).expect_err("not a PNG");
    assert_eq!(err["kind"], json!("validation"));

    // An import is all or nothing: a bad cell names its row and column and nothing is written.
    let bad = text.replacen("B,no,no,10,", "B,no,no,lots,", 1);
    state.stage("bad".into(), Upload { file_name: "crm.csv".into(), bytes: bad.into_bytes() });
    let err = call(&window, "import_matrix", json!({"uploadId": "bad", "name": "CRM copy"})).expect_err("rejected");
    assert_eq!(err["kind"], json!("import_rejected"));
    assert!(err["problems"][0]["column"].as_str().is_some_and(|c| c.contains("Features")), "{err}");
    assert_eq!(ok(&window, "list_matrices", json!({})).as_array().map(Vec::len), Some(1), "no half-made matrix");
    state.stage("good".into(), Upload { file_name: "crm.csv".into(), bytes: text.into_bytes() });
    let report = ok(&window, "import_matrix", json!({"uploadId": "good", "name": "CRM copy"}));
    let copy = ok(&window, "get_matrix", json!({"id": report["matrix_id"]}));
    assert_eq!(order(&copy["ranking"]), order(&ok(&window, "get_matrix", json!({"id": id}))["ranking"]));
}

#[test]
fn names_go_through_the_data_view_and_a_change_made_elsewhere_is_seen() {
    let (app, _dir, pool) = app();
    let window = WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("window");
    let (id, grid) = three_by_three(&window);
    ok(&window, "set_data_view_role", json!({"role": "distributor"}));
    let list = ok(&window, "list_matrices", json!({}));
    assert_eq!(list[0]["owner_masked"], json!(true));
    assert_ne!(list[0]["owner"], json!("王伟"));
    let shown = ok(&window, "get_matrix", json!({"id": id}))["matrix"]["owner"].clone();
    let (ours, features) = (grid["competitors"][0]["id"].clone(), grid["dimensions"][0]["id"].clone());
    let history = ok(&window, "matrix_cell_history", json!({"competitorId": ours, "dimensionId": features}));
    assert_eq!(history[0]["actor_masked"], json!(true));
    // The settings form sends the owner back as it was shown: the stored name is kept.
    ok(&window, "save_matrix_settings", json!({"id": id, "input": {"name": "CRM 2027", "owner": shown, "scale": "zero_ten", "stale_after_days": 30}}));
    ok(&window, "set_data_view_role", json!({"role": "admin"}));
    let list = ok(&window, "list_matrices", json!({}));
    assert_eq!((list[0]["name"].as_str(), list[0]["owner"].as_str()), (Some("CRM 2027"), Some("王伟")));
    let csv = ok(&window, "export_matrix", json!({"id": id, "format": "csv", "toDocuments": true}));

    // The same matrix changed from outside the window (a re-import, as the CLI does): the
    // editor's cached copy notices the new stamp and reloads.
    let edited = std::fs::read_to_string(csv.as_str().expect("path")).expect("csv").replacen("我方,yes,no,8,", "我方,yes,no,1,", 1);
    tauri::async_runtime::block_on(dealdesk_core::matrix::file::import(&pool, "CRM 2027", "e.csv", edited.as_bytes(), "cli")).expect("import");
    let grid = ok(&window, "get_matrix", json!({"id": id}));
    assert_eq!(grid["text"][0][0], json!("1"), "reloaded after the outside change");
}
