//! Crash safety: the real CLI is killed with SIGKILL at random moments while it imports a
//! large file, saves a 2,000-line quote, or renders a batch of quote PDFs; every time, the
//! database must reopen with `PRAGMA integrity_check` = ok, hold either none or all of what
//! was being written, and keep every record committed before; a batch folder holds every
//! PDF or does not exist.
//! Partner sales imports and statement runs are in `crash_partner.rs`.
//! The regular run does a few trials; `scripts/kill-harness.sh` runs 50
//! (`DEALDESK_KILL_TRIALS`).

use dealdesk_core::crm::customer;
use dealdesk_core::listing::ListQuery;
use dealdesk_core::store::{self, OsKeychain};
mod crash_support;

use crash_support::{dealdesk, run_ok, seed, trials, Lcg};
use std::path::Path;
use std::time::{Duration, Instant};

const ROWS: usize = 20_000;

/// Runs an uninterrupted import and fails with its error output if it does not succeed.
fn import_ok(db: &Path, file: &Path) {
    run_ok(db, &["import", "customers", &file.display().to_string()]);
}

async fn state(db: &Path) -> (String, i64) {
    let pool = store::open(db, &OsKeychain::new()).await.expect("the database reopens after a kill").pool;
    let check = store::integrity_check(&pool).await.expect("integrity check");
    let n = i64::from(store::table_counts(&pool).await.expect("count").customers);
    pool.close().await;
    (check, n)
}

#[tokio::test(flavor = "multi_thread")]
async fn killing_an_import_at_any_moment_loses_nothing_and_writes_nothing_half() {
    let trials = trials();
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("crash.db");
    let committed = dir.path().join("committed.csv");
    std::fs::write(&committed, "name,region\n已提交客户甲,华东\n已提交客户乙,华南\n").expect("write");
    import_ok(&db, &committed);
    let big = dir.path().join("big.csv");
    let mut csv = String::from("name,industry,size,region,tier,owner,notes\n");
    for i in 0..ROWS {
        csv.push_str(&format!("批量客户{i:05},制造业,medium,华东,B,王磊,第{i}行\n"));
    }
    std::fs::write(&big, csv).expect("write");

    // How long an uninterrupted import takes, on a copy, so kills land before, during and after.
    let probe = dir.path().join("probe.db");
    import_ok(&probe, &committed);
    let started = Instant::now();
    import_ok(&probe, &big);
    let full = started.elapsed().as_millis() as u64;

    let seed = seed();
    let mut rng = Lcg(seed);
    let mut expected = 2i64;
    let (mut killed_mid, mut completed) = (0, 0);
    for trial in 0..trials {
        let delay = rng.below(full + full / 4);
        let mut child = dealdesk(&db).args(["import", "customers"]).arg(&big).spawn().expect("spawn");
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill(); // SIGKILL
        let status = child.wait().expect("wait");
        let (check, n) = state(&db).await;
        assert_eq!(check, "ok", "trial {trial} (kill after {delay} ms, seed {seed}): integrity check failed");
        if status.success() || n == expected + ROWS as i64 {
            assert_eq!(n, expected + ROWS as i64, "trial {trial}: a completed import must hold every row");
            expected = n;
            completed += 1;
        } else {
            assert_eq!(n, expected, "trial {trial} (kill after {delay} ms): a killed import must leave nothing half-written");
            killed_mid += 1;
        }
    }
    eprintln!("kill harness: {trials} trials (seed {seed}, import {full} ms): {killed_mid} killed before commit, {completed} committed; integrity ok every time");
    let pool = store::open(&db, &OsKeychain::new()).await.expect("open").pool;
    let query = ListQuery { search: Some("已提交客户".into()), ..ListQuery::default() };
    let kept = customer::list(&pool, &query).await.expect("list").total;
    assert_eq!(kept, 2, "records committed before the kills are all present");
}

/// A 2,000-line quote as JSON (large enough that its save takes a measurable time).
fn big_quote_json() -> String {
    let lines: Vec<String> = (0..2000)
        .map(|i| format!("{{\"sku\":\"SKU-{i:04}\",\"description\":\"产品 {i} 说明 description\",\"unit\":\"件\",\"quantity\":\"{}\",\"unit_price\":\"{}.50\",\"tax_rate_pct\":\"13\"}}", i % 7 + 1, 100 + i))
        .collect();
    format!("{{\"customer\":{{\"name\":\"x\"}},\"currency\":\"CNY\",\"lines\":[{}]}}", lines.join(","))
}

async fn quote_state(db: &Path) -> (String, i64, i64) {
    let pool = store::open(db, &OsKeychain::new()).await.expect("the database reopens after a kill").pool;
    let check = store::integrity_check(&pool).await.expect("integrity check");
    let quotes: i64 = sqlx_count(&pool, "SELECT COUNT(*) FROM quotes").await;
    let lines: i64 = sqlx_count(&pool, "SELECT COUNT(*) FROM quote_lines").await;
    pool.close().await;
    (check, quotes, lines)
}

async fn sqlx_count(pool: &store::SqlitePool, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(pool).await.expect("count")
}

/// A database with one demo customer; returns the customer's name.
async fn with_customer(db: &Path) -> String {
    run_ok(db, &["demo", "--customers", "1", "--contacts", "0", "--products", "0", "--opportunities", "0"]);
    let pool = store::open(db, &OsKeychain::new()).await.expect("open").pool;
    let name = customer::list(&pool, &ListQuery::default()).await.expect("list").items[0].name.clone();
    pool.close().await;
    name
}

#[tokio::test(flavor = "multi_thread")]
async fn killing_a_quote_save_or_a_batch_render_leaves_all_or_nothing() {
    let trials = trials();
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("quotes.db");
    let name = with_customer(&db).await;
    let json = dir.path().join("big.json");
    std::fs::write(&json, big_quote_json()).expect("write");
    let create = |db: &Path, name: &str| dealdesk(db).args(["quote", "create", "--customer", name, "--input"]).arg(&json).spawn().expect("spawn");

    // How long an uninterrupted save takes, on another database, so kills land throughout.
    let probe = dir.path().join("probe.db");
    let probe_customer = with_customer(&probe).await;
    let started = Instant::now();
    assert!(create(&probe, &probe_customer).wait().expect("wait").success(), "an uninterrupted save succeeds");
    let full = started.elapsed().as_millis() as u64;

    let seed = seed();
    let mut rng = Lcg(seed);
    let (mut quotes, mut killed_mid, mut completed) = (0i64, 0, 0);
    for trial in 0..trials {
        let delay = rng.below(full + full / 4);
        let mut child = create(&db, &name);
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
        let (check, q, lines) = quote_state(&db).await;
        assert_eq!(check, "ok", "quote trial {trial} (kill after {delay} ms): integrity check failed");
        assert!(q == quotes || q == quotes + 1, "trial {trial}: at most one new quote");
        if q == quotes + 1 {
            completed += 1;
        } else {
            killed_mid += 1;
        }
        quotes = q;
        assert_eq!(lines, quotes * 2000, "trial {trial}: every saved quote has all its lines, none has part");
    }
    eprintln!("kill harness (quote save): {trials} trials, {killed_mid} killed before commit, {completed} committed; integrity ok every time");

    // Batch render: the output folder holds every PDF or does not exist.
    if quotes == 0 {
        run_ok(&db, &["quote", "create", "--customer", &name, "--input", &json.display().to_string()]);
    }
    let started = Instant::now();
    run_ok(&db, &["quote", "render-all", "--out-dir", &dir.path().join("probe-render").display().to_string()]);
    let render_full = started.elapsed().as_millis() as u64;
    let mut rendered = 0;
    for trial in 0..trials {
        let out = dir.path().join(format!("batch-{trial}"));
        let started = Instant::now();
        let mut child = dealdesk(&db).args(["quote", "render-all", "--out-dir"]).arg(&out).spawn().expect("spawn");
        let delay = rng.below(render_full + render_full / 4);
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill();
        let status = child.wait().expect("wait");
        let files = std::fs::read_dir(&out).map(|d| d.count()).unwrap_or(0);
        let (_, q, _) = quote_state(&db).await;
        if out.exists() {
            assert_eq!(files as i64, q, "trial {trial} (after {:?}): a batch folder holds every quote", started.elapsed());
            rendered += 1;
        } else {
            assert!(!status.success(), "a finished batch has its folder");
        }
    }
    eprintln!("kill harness (batch render, {render_full} ms): {trials} trials, {rendered} complete folders, {} killed with nothing written", trials - rendered);
}
