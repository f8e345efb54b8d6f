//! Benchmark (ignored in regular runs; no timed assertion): a 200 × 500 competitor matrix in
//! the real window. The matrix is generated with `dealdesk matrix demo --competitors 200
//! --dimensions 500` before the app starts; the test then measures
//! - time to first paint: from the click that opens the matrix to the grid's first cell on
//!   screen (and the page's own figure: the editor's mount to two frames after the grid);
//! - frame times while scrolling: the page scrolls the grid 40 px per frame down 400 frames and
//!   right 400 frames and records requestAnimationFrame deltas (p50 / p95 / max);
//! - time to recompute scores after one edit: the page's time from sending a typed value to
//!   the patched grid on screen (IPC, Rust's edit + full rescoring + ranking, React), 8 edits.
//!
//! Run: `DEALDESK_BENCH=1 bash scripts/e2e.sh matrix_bench -- --ignored` (see bench/matrix/).
//! Figures are printed and written to `$CARGO_TARGET_DIR/bench-matrix.json`.

use dealdesk_e2e::{cli, run_prepared, App, Key};
use serde_json::{json, Value};
use std::time::Instant;

const SCROLL: &str = "
    const grid = document.querySelector('[data-testid=matrix-grid]');
    window.__mxBench = null;
    const deltas = [];
    let last = null, frame = 0;
    const frames = arguments[0];
    function step(now) {
      if (last !== null) deltas.push(now - last);
      last = now;
      if (frame < frames) grid.scrollTop += 40; else grid.scrollLeft += 40;
      frame += 1;
      if (frame < 2 * frames) requestAnimationFrame(step);
      else {
        const s = deltas.slice().sort((a, b) => a - b);
        const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
        window.__mxBench = { frames: s.length, p50: q(0.5), p95: q(0.95), max: s[s.length - 1],
          over33: s.filter((d) => d > 33.4).length, top: grid.scrollTop, left: grid.scrollLeft };
      }
    }
    requestAnimationFrame(step);
    return true;";

const PICK: &str = "
    const g = document.querySelector('[data-testid=matrix-grid]').getBoundingClientRect();
    const top = g.top + 60, left = g.left + 205;
    const bottom = Math.min(g.bottom, window.innerHeight) - 4, right = Math.min(g.right, window.innerWidth) - 4;
    const cell = Array.from(document.querySelectorAll('.mx-cell')).find((c) => {
      const r = c.getBoundingClientRect();
      const text = (c.querySelector('.mx-text') || c).textContent.trim();
      const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
      return y > top && x > left && y < bottom - 15 && x < right - 20 && !c.dataset.benchUsed && /^[0-9.]+$/.test(text);
    });
    if (!cell) {
      const all = Array.from(document.querySelectorAll('.mx-cell'));
      const r0 = all.length ? all[0].getBoundingClientRect() : null;
      window.__mxPickMiss = JSON.stringify({ g, inner: [window.innerWidth, window.innerHeight], n: all.length, first: r0,
        sample: all.slice(0, 5).map((c) => (c.querySelector('.mx-text') || c).textContent) });
      return null;
    }
    cell.dataset.benchUsed = '1';
    return cell.getAttribute('data-testid');";

async fn wait_js(app: &App, script: &str) -> Value {
    let deadline = Instant::now() + app.timeout() * 2;
    loop {
        let v = app.js(script, vec![]).await;
        if !v.is_null() && v != json!("") {
            return v;
        }
        if Instant::now() >= deadline {
            let why = app.js("return window.__mxPickMiss || null;", vec![]).await;
            panic!("no result from {script}\n{why}");
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test]
#[ignore = "benchmark: run explicitly (bench/matrix/README.md)"]
async fn matrix_bench_200_by_500() {
    let prepare = |db: &std::path::Path| {
        let started = Instant::now();
        let (out, _) = cli(&["--db", &db.display().to_string(), "matrix", "demo", "--name", "Bench 200×500", "--competitors", "200", "--dimensions", "500"]);
        eprintln!("[bench] {} (CLI total {:.1?})", out.trim(), started.elapsed());
    };
    run_prepared("matrix_bench_200_by_500", prepare, |app| async move {
        app.click("onboarding-empty").await;
        app.open("matrix").await;
        let link = wait_js(&app, "const a = document.querySelector('[data-testid^=open-]'); return a ? a.getAttribute('data-testid') : null;").await;
        let link = link.as_str().expect("the matrix link").to_string();
        app.settle().await;
        let clicked = Instant::now();
        app.el(&link).await.click().await.expect("open the matrix");
        app.present("cell-0-0").await;
        let first_cell = clicked.elapsed();
        let opened = wait_js(&app, "return document.querySelector('[data-testid=matrix-timing]').getAttribute('data-opened-ms');").await;
        let rows = app.js("return document.querySelector('[data-testid=matrix-grid]').getAttribute('data-rows') + ' × ' + document.querySelector('[data-testid=matrix-grid]').getAttribute('data-cols');", vec![]).await;
        let cells = app.js("return document.querySelectorAll('.mx-cell').length;", vec![]).await;
        app.view("matrix-bench-open").await;

        app.js(SCROLL, vec![json!(400)]).await;
        let scroll = wait_js(&app, "return window.__mxBench;").await;
        app.view("matrix-bench-scrolled").await;

        // Edits near where the scroll ended: a visible cell, a typed score, Enter.
        let mut edits = Vec::new();
        for i in 0..8u32 {
            app.js("document.querySelector('[data-testid=matrix-timing]').setAttribute('data-last-edit-ms', ''); return null;", vec![]).await;
            // A numeric cell well inside the viewport (not under the frozen header or names).
            let cell = wait_js(&app, PICK).await;
            let cell = cell.as_str().expect("a visible score cell").to_string();
            app.el(&cell).await.click().await.expect("select");
            let score = format!("{}", (i % 10) + 1);
            app.el("matrix-grid").await.send_keys(&score).await.expect("type");
            app.el("cell-editor").await.send_keys(&Key::Enter.to_string()).await.expect("Enter");
            let ms = wait_js(&app, "return document.querySelector('[data-testid=matrix-timing]').getAttribute('data-last-edit-ms');").await;
            edits.push(ms.as_str().and_then(|s| s.parse::<f64>().ok()).unwrap_or(f64::NAN));
        }
        let mut sorted = edits.clone();
        sorted.sort_by(|a, b| a.total_cmp(b));
        let result = json!({
            "matrix": rows, "rendered_cells": cells,
            "first_cell_ms": first_cell.as_millis(), "page_open_ms": opened,
            "scroll": scroll,
            "edit_ms": edits, "edit_median_ms": sorted[sorted.len() / 2], "edit_max_ms": sorted[sorted.len() - 1],
        });
        eprintln!("[bench] {}", serde_json::to_string_pretty(&result).unwrap_or_default());
        let out = std::env::var_os("CARGO_TARGET_DIR").map(std::path::PathBuf::from).unwrap_or_else(std::env::temp_dir).join("bench-matrix.json");
        let _ = std::fs::write(&out, serde_json::to_string_pretty(&result).unwrap_or_default());
    })
    .await;
}
