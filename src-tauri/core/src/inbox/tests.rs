//! The inbox against real temporary folders and an in-memory database: good, bad, duplicate
//! and half-written files, files present at start, partner folders; the real notify watcher
//! for the ones that depend on events. Waits are generous and nothing asserts on timing.

use super::events::{self, InboxEvent, Outcome};
use super::watch::{scan_once, InboxWatcher, PoolSource, Sink, WatchOptions};
use crate::partner::store::import::import_partners;
use crate::store::{open_in_memory, SqlitePool};
use std::io::Write;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const PARTNERS: &str = "code,name,region\nD001,华东总代,华东\nD002,华南总代,华南\n";
const GOOD: &str = "line_ref,date,partner_code,amount,currency,invoiced_on\nS1,2026-07-05,D001,10000,CNY,2026-07-05\nS2,2026-07-10,D002,5000,CNY,2026-07-12\n";
const BAD: &str = "line_ref,date,partner_code,amount,currency\nB1,2026-07-05,D001,10000,CNY\nB2,2026-07-06,D001,lots,CNY\n";

fn fast() -> WatchOptions {
    WatchOptions { settle: Duration::from_millis(300), writer_timeout: Duration::from_secs(120), tick: Duration::from_millis(50) }
}

async fn setup() -> SqlitePool {
    let pool = open_in_memory().await.expect("db");
    import_partners(&pool, "partners.csv", PARTNERS.as_bytes()).await.expect("partners");
    pool
}

async fn lines(pool: &SqlitePool) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM sales_lines").fetch_one(pool).await.expect("count")
}

fn names(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(dir).map(|d| d.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect()).unwrap_or_default();
    out.sort();
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_good_file_is_imported_and_moved_to_imported_and_its_event_is_stored() {
    let pool = setup().await;
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(dir.path().join("july.csv"), GOOD).expect("write");
    let report = scan_once(&pool, dir.path(), fast()).await.expect("scan");
    assert_eq!(report.events.len(), 1);
    let ev = &report.events[0];
    assert_eq!((ev.outcome, ev.lines, ev.moved_to.as_str()), (Outcome::Imported, 2, "imported/july.csv"));
    assert_eq!(names(dir.path()), ["imported"], "nothing left in the inbox");
    assert_eq!(names(&dir.path().join("imported")), ["july.csv"]);
    assert_eq!(lines(&pool).await, 2);
    let stored = events::list(&mut pool.acquire().await.expect("conn"), 10).await.expect("list");
    assert_eq!(stored, report.events, "the window's list is what happened");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_file_goes_to_rejected_with_an_errors_file_naming_row_and_column() {
    let pool = setup().await;
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(dir.path().join("bad.csv"), BAD).expect("write");
    let report = scan_once(&pool, dir.path(), fast()).await.expect("scan");
    let ev = &report.events[0];
    assert_eq!((ev.outcome, ev.moved_to.as_str()), (Outcome::Rejected, "rejected/bad.csv"));
    assert_eq!(ev.problems.iter().map(|p| (p.row, p.column.as_str())).collect::<Vec<_>>(), [(3, "amount")]);
    assert_eq!(names(&dir.path().join("rejected")), ["bad.csv", "bad.csv.errors.txt"]);
    let errors = std::fs::read_to_string(dir.path().join("rejected/bad.csv.errors.txt")).expect("errors file");
    assert!(errors.contains("row 3, column amount, value 'lots'"), "{errors}");
    assert_eq!(lines(&pool).await, 0, "all or nothing: B1 is not imported either");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_bytes_under_another_name_are_not_imported_twice() {
    let pool = setup().await;
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(dir.path().join("july.csv"), GOOD).expect("write");
    scan_once(&pool, dir.path(), fast()).await.expect("first");
    std::fs::write(dir.path().join("july-copy.csv"), GOOD).expect("write again");
    let report = scan_once(&pool, dir.path(), fast()).await.expect("second");
    let ev = &report.events[0];
    assert_eq!((ev.outcome, ev.moved_to.as_str()), (Outcome::Duplicate, "rejected/july-copy.csv"));
    assert!(ev.message.contains("already imported") && ev.message.contains("july.csv"), "{}", ev.message);
    assert!(dir.path().join("rejected/july-copy.csv.errors.txt").exists());
    assert_eq!(lines(&pool).await, 2, "still the two lines of the first file");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_imported_before_a_crash_stopped_its_move_is_moved_not_imported_again() {
    let pool = setup().await;
    let dir = tempfile::tempdir().expect("tmp");
    crate::partner::store::import::import_sales(&pool, "july.csv", GOOD.as_bytes()).await.expect("imported, then the crash");
    std::fs::write(dir.path().join("july.csv"), GOOD).expect("still in the inbox");
    let ev = scan_once(&pool, dir.path(), fast()).await.expect("scan").events.remove(0);
    assert_eq!((ev.outcome, ev.moved_to.as_str()), (Outcome::Duplicate, "imported/july.csv"));
    assert_eq!(lines(&pool).await, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_a_partner_folder_a_row_of_another_partner_rejects_the_file() {
    let pool = setup().await;
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::create_dir(dir.path().join("D001")).expect("mkdir");
    std::fs::write(dir.path().join("D001/july.csv"), GOOD).expect("write");
    let ev = scan_once(&pool, dir.path(), fast()).await.expect("scan").events.remove(0);
    assert_eq!((ev.outcome, ev.partner.as_deref(), ev.moved_to.as_str()), (Outcome::Rejected, Some("D001"), "D001/rejected/july.csv"));
    assert_eq!(ev.problems.iter().map(|p| (p.row, p.column.as_str())).collect::<Vec<_>>(), [(3, "partner_code")]);
    assert_eq!(lines(&pool).await, 0);
}

/// The real watcher, with a sink collecting what it reports.
fn watch(pool: &SqlitePool, root: &Path) -> (InboxWatcher, Arc<Mutex<Vec<InboxEvent>>>) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink_seen = seen.clone();
    let sink: Sink = Arc::new(move |ev: &InboxEvent| sink_seen.lock().expect("lock").push(ev.clone()));
    let p = pool.clone();
    let pools: PoolSource = Arc::new(move || Some(p.clone()));
    let w = InboxWatcher::start(root.to_path_buf(), pools, tokio::runtime::Handle::current(), fast(), sink).expect("watch");
    (w, seen)
}

/// Waits (up to a minute; the machine may be busy) until `n` events were reported.
async fn wait_for(seen: &Arc<Mutex<Vec<InboxEvent>>>, n: usize) -> Vec<InboxEvent> {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(60) {
        let now = seen.lock().expect("lock").clone();
        if now.len() >= n {
            return now;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("expected {n} inbox event(s), got {:?}", seen.lock().expect("lock"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_watcher_picks_up_files_that_were_there_before_it_started_and_files_moved_in() {
    let pool = setup().await;
    let dir = tempfile::tempdir().expect("tmp");
    let outside = tempfile::tempdir().expect("tmp2");
    std::fs::write(dir.path().join("before.csv"), GOOD).expect("write");
    let (watcher, seen) = watch(&pool, dir.path());
    let first = wait_for(&seen, 1).await;
    assert_eq!((first[0].file_name.as_str(), first[0].outcome), ("before.csv", Outcome::Imported));
    // Moved in whole from another folder: Modify(Name(To)).
    let other = GOOD.replace("S1,", "S3,").replace("S2,", "S4,");
    std::fs::write(outside.path().join("moved.csv"), other).expect("write outside");
    std::fs::rename(outside.path().join("moved.csv"), dir.path().join("moved.csv")).expect("move in");
    let both = wait_for(&seen, 2).await;
    assert_eq!((both[1].file_name.as_str(), both[1].outcome, both[1].lines), ("moved.csv", Outcome::Imported, 2));
    drop(watcher);
    assert_eq!(lines(&pool).await, 4);
    assert_eq!(names(&dir.path().join("imported")), ["before.csv", "moved.csv"]);
}

#[cfg(target_os = "linux")]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_written_in_two_steps_is_not_read_until_its_writer_closes_it() {
    let pool = setup().await;
    let dir = tempfile::tempdir().expect("tmp");
    let (watcher, seen) = watch(&pool, dir.path());
    let path = dir.path().join("growing.csv");
    let mut f = std::fs::File::create(&path).expect("create");
    let (head, tail) = GOOD.split_at(GOOD.find("S2,").expect("second row"));
    // The first half is a valid file on its own (one line): read now, it would import S1 alone.
    f.write_all(head.as_bytes()).expect("first half");
    f.flush().expect("flush");
    // Much longer than the settle interval: size and time stand still, but the writer is open.
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert!(seen.lock().expect("lock").is_empty(), "nothing may be read while the writer has it open");
    assert!(path.exists(), "still in the inbox");
    f.write_all(tail.as_bytes()).expect("second half");
    drop(f);
    let ev = wait_for(&seen, 1).await.remove(0);
    assert_eq!((ev.outcome, ev.lines), (Outcome::Imported, 2), "both lines, read once complete");
    drop(watcher);
    assert_eq!(lines(&pool).await, 2);
}
