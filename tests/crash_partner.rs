//! Crash safety of the partner area: the real CLI is killed with SIGKILL at random moments
//! while it imports a large sales file or runs every partner's quarterly statement; each time
//! the database reopens with `PRAGMA integrity_check` = ok, holds all or none of the file's
//! lines and all or none of the run's statements, keeps everything committed before, and its
//! audit chain still verifies. The regular run does a few trials; `scripts/kill-harness.sh`
//! runs 50 of each (`DEALDESK_KILL_TRIALS`).

mod crash_support;

use crash_support::{dealdesk, run_ok, seed, trials, Lcg};
use dealdesk_core::store::{self, OsKeychain};
use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

const PARTNERS: usize = 200;
const LINES: usize = 20_000;
const PLAN: &str = r#"{"schema":1,"name":"阶梯方案","kind":"partner","effective_from":"2026-01-01","currency":"CNY","base":"gross","trigger":"invoice",
"rate":{"tier_mode":"marginal","tier_over":"period","tiers":[{"from":"0","to":"100000","rate_pct":"3"},{"from":"100000","to":"500000","rate_pct":"5"},{"from":"500000","rate_pct":"8"}]},
"multi_level":{"override_pct":"1"}}"#;

/// 200 partners; every tenth one is the parent of the nine after it.
fn partners_csv() -> String {
    let mut csv = String::from("code,name,region,parent\n");
    for i in 0..PARTNERS {
        let parent = if i % 10 == 0 { String::new() } else { format!("P{:03}", i - i % 10) };
        let _ = writeln!(csv, "P{i:03},渠道商{i:03},华东,{parent}");
    }
    csv
}

/// `LINES` invoiced sales lines in 2026-Q3 spread over the partners, references prefixed so
/// every file is new to the database.
fn sales_csv(prefix: &str) -> String {
    let mut csv = String::from("line_ref,date,partner_code,amount,currency,invoiced_on\n");
    for i in 0..LINES {
        let day = 1 + i % 28;
        let _ = writeln!(csv, "{prefix}-{i:05},2026-08-{day:02},P{:03},{}.{:02},CNY,2026-08-{day:02}", i % PARTNERS, 1000 + i % 9000, i % 100);
    }
    csv
}

struct Counts {
    check: String,
    lines: i64,
    batches: i64,
    statements: i64,
    versions: Vec<i64>,
}

async fn counts(db: &Path) -> Counts {
    let pool = store::open(db, &OsKeychain::new()).await.expect("the database reopens after a kill").pool;
    let check = store::integrity_check(&pool).await.expect("integrity check");
    let one = |sql: &'static str| {
        let pool = pool.clone();
        async move { sqlx::query_scalar::<_, i64>(sql).fetch_one(&pool).await.expect("count") }
    };
    let lines = one("SELECT COUNT(*) FROM sales_lines").await;
    let batches = one("SELECT COUNT(*) FROM import_batches").await;
    let statements = one("SELECT COUNT(*) FROM statements").await;
    let versions = sqlx::query_scalar("SELECT MAX(version) FROM statements GROUP BY payee ORDER BY payee").fetch_all(&pool).await.expect("versions");
    pool.close().await;
    Counts { check, lines, batches, statements, versions }
}

fn audit_verifies(db: &Path) -> bool {
    dealdesk(db).args(["audit", "verify"]).status().expect("run").success()
}

/// Partners, the plan and a first sales file on a new database.
fn set_up(dir: &Path, db: &Path) {
    let path = |name: &str| dir.join(name).display().to_string();
    run_ok(db, &["partner", "import", &path("partners.csv")]);
    run_ok(db, &["plan", "save", &path("plan.json")]);
    run_ok(db, &["sales", "import", &path("first.csv")]);
}

/// How long an uninterrupted run of `args` takes (on another database: keys go by path).
fn timed(db: &Path, args: &[&str]) -> u64 {
    let started = Instant::now();
    run_ok(db, args);
    started.elapsed().as_millis() as u64
}

fn kill_after(db: &Path, args: &[&str], delay: u64) -> bool {
    let mut child = dealdesk(db).args(args).spawn().expect("spawn");
    std::thread::sleep(Duration::from_millis(delay));
    let _ = child.kill(); // SIGKILL
    child.wait().expect("wait").success()
}

/// A directory with the partners, the plan and the first sales file, and a database set up
/// from them.
fn prepared() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    std::fs::write(d.join("partners.csv"), partners_csv()).expect("write");
    std::fs::write(d.join("plan.json"), PLAN).expect("write");
    std::fs::write(d.join("first.csv"), sales_csv("F")).expect("write");
    let db = d.join("partners.db");
    set_up(d, &db);
    (dir, db)
}

#[tokio::test(flavor = "multi_thread")]
async fn killing_a_sales_import_at_any_moment_leaves_all_lines_or_none() {
    let (trials, seed) = (trials(), seed());
    let mut rng = Lcg(seed);
    let (dir, db) = prepared();
    let d = dir.path();
    let path = |name: &str| d.join(name).display().to_string();
    let probe = d.join("probe.db");
    set_up(d, &probe);
    std::fs::write(d.join("probe.csv"), sales_csv("PROBE")).expect("write");
    let import_ms = timed(&probe, &["sales", "import", &path("probe.csv")]);

    let before = counts(&db).await;
    assert_eq!(before.lines, LINES as i64, "the first file is imported whole");
    let (mut lines, mut batches) = (before.lines, before.batches);
    let (mut killed, mut committed) = (0, 0);
    for trial in 0..trials {
        let file = format!("t{trial}.csv");
        std::fs::write(d.join(&file), sales_csv(&format!("T{trial}"))).expect("write");
        let delay = rng.below(import_ms + import_ms / 4);
        let ok = kill_after(&db, &["sales", "import", &path(&file)], delay);
        let c = counts(&db).await;
        assert_eq!(c.check, "ok", "import trial {trial} (kill after {delay} ms, seed {seed}): integrity check failed");
        if ok || c.lines != lines {
            assert_eq!((c.lines, c.batches), (lines + LINES as i64, batches + 1), "import trial {trial} (kill after {delay} ms): a committed import holds every line and its batch");
            committed += 1;
        } else {
            assert_eq!(c.batches, batches, "import trial {trial} (kill after {delay} ms): a killed import leaves no batch behind");
            killed += 1;
        }
        (lines, batches) = (c.lines, c.batches);
        assert!(audit_verifies(&db), "import trial {trial}: the audit chain verifies");
    }
    eprintln!("kill harness (sales import of {LINES} lines, {import_ms} ms): {trials} trials, {killed} killed before commit, {committed} committed; integrity ok every time");
}

#[tokio::test(flavor = "multi_thread")]
async fn killing_a_statement_run_at_any_moment_leaves_every_statement_or_none() {
    let (trials, seed) = (trials(), seed());
    let mut rng = Lcg(seed.wrapping_add(1));
    let (_dir, db) = prepared();
    let run = ["share", "run-all", "--period", "2026-Q3"];
    // The first, uninterrupted run on this very database says how long a run takes.
    let run_ms = timed(&db, &run);
    let first = counts(&db).await;
    assert_eq!(first.statements, PARTNERS as i64, "one statement per partner");
    let (mut statements, mut version) = (first.statements, 1i64);
    let (mut killed, mut committed) = (0, 0);
    for trial in 0..trials {
        let delay = rng.below(run_ms + run_ms / 4);
        let ok = kill_after(&db, &run, delay);
        let c = counts(&db).await;
        assert_eq!(c.check, "ok", "statement trial {trial} (kill after {delay} ms, seed {seed}): integrity check failed");
        if ok || c.statements != statements {
            assert_eq!(c.statements, statements + PARTNERS as i64, "statement trial {trial} (kill after {delay} ms): a committed run has every partner's statement");
            version += 1;
            committed += 1;
        } else {
            killed += 1;
        }
        assert!(c.versions.iter().all(|v| *v == version), "statement trial {trial}: every partner is at version {version}, none ahead or behind: {:?}", c.versions);
        statements = c.statements;
        assert!(audit_verifies(&db), "statement trial {trial}: the audit chain verifies");
    }
    eprintln!("kill harness (statement run of {PARTNERS} partners × {} lines, {run_ms} ms): {trials} trials, {killed} killed before commit, {committed} committed; integrity ok every time", LINES / PARTNERS);
    assert_eq!(counts(&db).await.lines, LINES as i64, "the sales lines committed before the runs are all present");
}
