//! Statements from files at scale, for profiling and the figures in bench/partner/RESULTS.md:
//! reads `$SHARE_BENCH_DIR/sales.csv` and `plan.json` (written by `dealdesk bench share`),
//! then times reading and checking the sales file and computing every partner's 2026-Q4
//! statement. Run it in release (or `--profile profiling` under perf):
//! `SHARE_BENCH_DIR=/tmp/share-bench cargo test --release -p dealdesk-core --test share_speed -- --ignored --nocapture`

use dealdesk_core::partner::store::import::parse_sales;
use dealdesk_core::partner::{file_run, read_plan};
use std::time::Instant;

#[test]
#[ignore]
fn share_speed() {
    let dir = std::path::PathBuf::from(std::env::var("SHARE_BENCH_DIR").unwrap_or_else(|_| "/tmp/share-bench".into()));
    let plan = read_plan(&std::fs::read(dir.join("plan.json")).expect("plan.json (run `dealdesk bench share` first)")).expect("plan");
    let bytes = std::fs::read(dir.join("sales.csv")).expect("sales.csv");
    let runs: usize = std::env::var("SHARE_BENCH_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(3);
    for _ in 0..runs {
        let t = Instant::now();
        let lines: Vec<_> = parse_sales("sales.csv", &bytes, &plan.currency).expect("sales").into_iter().map(|p| p.into_sales_line()).collect();
        let read = t.elapsed();
        let n = lines.len();
        let t = Instant::now();
        let run = file_run::run(&plan, lines, &Default::default(), "2026-Q4", None).expect("run");
        let compute = t.elapsed();
        let total: dealdesk_core::Decimal = run.statements.iter().map(|s| s.total).sum();
        println!("{n} lines: read + check {:.0} ms, compute {:.0} ms ({} statements, total {total})", read.as_secs_f64() * 1e3, compute.as_secs_f64() * 1e3, run.statements.len());
    }
}
