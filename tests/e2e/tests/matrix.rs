//! A competitor matrix built in the window: a new matrix, five dimensions and five competitors
//! (ours pinned first), a 5 × 5 block pasted "from the clipboard", a weight change that puts
//! us first in the ranking, a refused score naming competitor and dimension, a snapshot, an
//! edit that shows in the diff against it, the heatmap PNG (drawn by the window's canvas), and
//! the battlecard PDF printed into the documents
//! folder and read back with pdftotext; then the ranking in Chinese.
//!
//! The paste: WebKitWebDriver gives no access to the system clipboard, so the test dispatches
//! a real `paste` ClipboardEvent carrying a DataTransfer with the tab-separated text (what
//! Excel puts on the clipboard) at the grid, the same event a Ctrl+V delivers; the window's
//! paste handler and everything after it are the real ones.

use dealdesk_e2e::{run, App, Key};
use serde_json::json;
use std::path::{Path, PathBuf};

/// 5 × 5: Features, Usability, Support, Integrations (scores) and Price (CNY, lower is better).
/// Equal weights: Alpha 7.40 first, us (9 + 9 + 9 + 2 + 0) / 5 = 5.80 second. Features at
/// weight 5: us (45 + 9 + 9 + 2 + 0) / 9 = 7.22 pass Alpha (30 + 6 + 6 + 9 + 10) / 9 = 6.78.
const BLOCK: &str = "9\t9\t9\t2\t500\r\n6\t6\t6\t9\t100\r\n5\t5\t5\t5\t300\r\n4\t4\t4\t4\t400\r\n3\t3\t3\t3\t200\r\n";
const COMPETITORS: [&str; 5] = ["我方产品", "Alpha", "Beta", "Gamma", "Delta"];

fn pdf_text(path: &Path) -> String {
    let out = std::process::Command::new("pdftotext").arg(path).arg("-").output().expect("run pdftotext (poppler-utils)");
    assert!(out.status.success(), "pdftotext failed on {}: {}", path.display(), String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).split_whitespace().collect()
}

async fn add_dimension(app: &App, name: &str, price: bool) {
    app.click("matrix-add-dimension").await;
    app.fill("dimension-name-en", name).await;
    if price {
        app.choose("dimension-kind", "dimension-kind-price").await;
    }
    app.click("dimension-save").await;
    app.wait_gone("dimension-save").await;
}

async fn add_competitor(app: &App, name: &str, ours: bool) {
    app.click("matrix-add-competitor").await;
    app.fill("competitor-name", name).await;
    if ours {
        app.click("competitor-ours").await;
    }
    app.click("competitor-save").await;
    app.wait_gone("competitor-save").await;
}

/// Dispatches a paste of `tsv` at the grid (see the module header).
async fn paste(app: &App, tsv: &str) {
    let dispatched = app
        .js(
            "const grid = document.querySelector('[data-testid=matrix-grid]');
             grid.focus();
             let data;
             try { data = new DataTransfer(); data.setData('text/plain', arguments[0]); }
             catch (e) { data = { getData: () => arguments[0] }; }
             let event;
             try { event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }); }
             catch (e) { event = new Event('paste', { bubbles: true, cancelable: true }); }
             if (!event.clipboardData) Object.defineProperty(event, 'clipboardData', { value: data });
             grid.dispatchEvent(event);
             return event.defaultPrevented;",
            vec![json!(tsv)],
        )
        .await;
    assert_eq!(dispatched, json!(true), "the grid took the paste event");
}

/// The element's `innerText` (WebDriver's element text leaves out text clipped by
/// `overflow: hidden`, which grid cells are).
async fn inner_text(app: &App, id: &str) -> String {
    app.present(id).await;
    let v = app.js("return document.querySelector(arguments[0]).innerText;", vec![json!(dealdesk_e2e::testid(id))]).await;
    v.as_str().unwrap_or_default().to_string()
}

/// Types `text` into the active cell: the first key opens the editor, the rest is filled in.
async fn type_into_cell(app: &App, cell: &str, text: &str) {
    app.click(cell).await;
    let first: String = text.chars().take(1).collect();
    app.el("matrix-grid").await.send_keys(&first).await.expect("a key to the grid");
    app.el("cell-editor").await;
    app.fill("cell-editor", text).await;
    app.el("cell-editor").await.send_keys(&Key::Enter.to_string()).await.expect("Enter");
}

#[tokio::test]
async fn a_matrix_is_pasted_weighted_snapshotted_diffed_and_its_battlecard_printed() {
    run("a_matrix_is_pasted_weighted_snapshotted_diffed_and_its_battlecard_printed", |app| async move {
        app.start_empty().await;
        app.set_language("en").await;
        app.open("matrix").await;
        app.click("matrix-new").await;
        app.fill("matrix-field-name", "CRM 2026").await;
        app.fill("matrix-field-owner", "产品市场部").await;
        app.click("matrix-settings-save").await;
        app.wait_text("matrix-name", "CRM 2026", |t| t.trim() == "CRM 2026").await;

        for (name, price) in [("Features", false), ("Usability", false), ("Support", false), ("Integrations", false), ("Price", true)] {
            add_dimension(&app, name, price).await;
        }
        for (i, name) in COMPETITORS.iter().enumerate().skip(1) {
            add_competitor(&app, name, i == 0).await;
        }
        add_competitor(&app, COMPETITORS[0], true).await;
        app.wait_inner_text("row-head-0", COMPETITORS[0], |t| t.trim() == COMPETITORS[0]).await;

        // The 5 × 5 block from the clipboard, at the top-left cell.
        app.click("cell-0-0").await;
        paste(&app, BLOCK).await;
        app.wait_inner_text("cell-4-4", "200", |t| t.starts_with("200")).await;
        for (cell, text) in [("cell-0-0", "9"), ("cell-1-3", "9"), ("cell-3-4", "400")] {
            assert!(inner_text(&app, cell).await.starts_with(text), "{cell} holds {text}");
        }
        app.wait_text("matrix-coverage", "100.0%", |t| t.trim() == "100.0%").await;
        app.view("matrix-pasted").await;

        // A refused score names competitor and dimension; Escape leaves the cell as it was.
        type_into_cell(&app, "cell-2-1", "good").await;
        let refusal = app.text("matrix-cell-error").await;
        assert!(refusal.contains("Beta × Usability") && refusal.contains("a score is a number from 0 to 10"), "{refusal}");
        app.el("cell-editor").await.send_keys(&Key::Escape.to_string()).await.expect("Escape");
        app.wait_gone("cell-editor").await;
        assert!(inner_text(&app, "cell-2-1").await.starts_with('5'));

        // Ranking: Alpha first; Features at weight 5 puts us first.
        app.click("matrix-tab-ranking").await;
        app.wait_text("ranking-pos-1", "Alpha", |t| t.contains("Alpha") && t.contains("7.40")).await;
        let weight = app.js("return document.querySelector('[data-testid^=weight-]').getAttribute('data-testid');", vec![]).await;
        let weight = weight.as_str().expect("the first weight input").to_string();
        app.fill(&weight, "5").await;
        app.el(&weight).await.send_keys(&Key::Enter.to_string()).await.expect("Enter");
        app.wait_text("ranking-pos-1", "我方产品 7.22", |t| t.contains(COMPETITORS[0]) && t.contains("7.22")).await;
        assert!(app.text("ranking-pos-2").await.contains("6.78"), "Alpha second at 6.78");
        app.view("matrix-ranking").await;

        // A snapshot, then Beta's Features 5 → 8, which the diff against it shows.
        app.click("matrix-tab-snapshots").await;
        app.fill("snapshot-name", "baseline").await;
        app.click("snapshot-take").await;
        app.el("snapshot-baseline").await;
        app.click("matrix-tab-grid").await;
        type_into_cell(&app, "cell-2-0", "8").await;
        app.wait_inner_text("cell-2-0", "8", |t| t.starts_with('8')).await;
        app.click("matrix-tab-snapshots").await;
        app.click("diff-run").await;
        app.wait_text("diff-count", "one changed cell", |t| t.trim() == "Cells changed from baseline to now: 1").await;
        let cells = app.text("diff-cells").await;
        assert!(cells.contains("Beta") && cells.contains("Features") && cells.contains("5 → 8"), "{cells}");
        app.view("matrix-diff").await;

        // The heatmap (SVG) and its PNG, drawn on the window's canvas and written by Rust.
        app.click("matrix-tab-heatmap").await;
        app.el("heatmap").await;
        app.click("heatmap-png-documents").await;
        let shown = app.wait_text("matrix-export-path", "a PNG path", |t| t.trim().ends_with(".png")).await;
        let png = std::fs::read(shown.trim()).expect("the heatmap PNG");
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() > 1000, "a PNG of {} bytes", png.len());
        if let Some(dir) = std::env::var_os("DEALDESK_E2E_VIEWS").and(Some(dealdesk_e2e::artifacts_dir())) {
            let _ = std::fs::write(dir.join("matrix-heatmap.png"), &png);
        }
        app.view("matrix-heatmap").await;

        // The battlecard for Alpha, printed into the documents folder.
        app.click("matrix-battlecard").await;
        app.pick("battlecard-competitor", "Alpha", "Alpha").await;
        app.fill("battlecard-summary", "价格低但集成少").await;
        app.click("battlecard-print").await;
        let shown = app.wait_text("battlecard-path", "a PDF path", |t| t.trim().ends_with(".pdf")).await;
        let path = PathBuf::from(shown.trim());
        let folder = app.db_path().parent().expect("db folder").join("documents").join("matrices");
        assert_eq!(path.parent(), Some(folder.as_path()), "written beside the database");
        let text = pdf_text(&path);
        for needle in ["Alpha", COMPETITORS[0], "价格低但集成少", "CRM2026"] {
            assert!(text.contains(needle), "the battlecard shows {needle}: {text}");
        }
        app.view("matrix-battlecard").await;

        // The editor in Chinese (a picture when DEALDESK_E2E_VIEWS is set).
        app.click("battlecard-close").await;
        app.wait_gone("battlecard-close").await;
        app.click("matrix-back").await;
        app.set_language("zh-CN").await;
        app.click(&format!("open-{}", app.js("return document.querySelector('[data-testid^=open-]').getAttribute('data-testid').slice(5);", vec![]).await.as_str().expect("id"))).await;
        app.wait_text("matrix-tab-ranking", "排名与权重", |t| t.trim() == "排名与权重").await;
        app.click("matrix-tab-ranking").await;
        app.wait_text("ranking-pos-1", "我方产品 first", |t| t.contains(COMPETITORS[0]) && t.contains("我方")).await;
        app.view("matrix-ranking-zh").await;
    })
    .await;
}
