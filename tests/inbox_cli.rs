//! `dealdesk inbox set|scan|watch|events` through the real binary: a good, a bad and a
//! duplicate report in the folder are imported, rejected with their errors file, and refused;
//! the events are stored; `watch` picks up a report moved in while it runs.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;

fn dealdesk(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("dealdesk").expect("binary built");
    cmd.arg("--db").arg(dir.join("t.db")).env_remove("DEALDESK_DB").env("DEALDESK_DATA_DIR", dir).current_dir(dir);
    cmd
}

const PARTNERS: &str = "code,name\nD001,华东总代\n";
const GOOD: &str = "line_ref,date,partner_code,amount,currency,invoiced_on\nS1,2026-07-05,D001,10000,CNY,2026-07-05\n";
const BAD: &str = "line_ref,date,partner_code,amount,currency\nB1,2026-07-05,D404,10000,CNY\n";

#[test]
fn scan_imports_rejects_and_refuses_duplicates_and_watch_picks_up_a_moved_file() {
    let dir = tempfile::tempdir().expect("dir");
    let d = dir.path();
    std::fs::write(d.join("partners.csv"), PARTNERS).expect("write");
    dealdesk(d).args(["partner", "import", "partners.csv"]).assert().success();
    let inbox = d.join("inbox");
    dealdesk(d).args(["inbox", "set"]).arg(&inbox).assert().success();
    std::fs::write(inbox.join("good.csv"), GOOD).expect("good");
    std::fs::write(inbox.join("bad.csv"), BAD).expect("bad");
    std::fs::write(inbox.join("again.csv"), GOOD).expect("a copy of good");
    dealdesk(d)
        .args(["inbox", "scan"])
        .assert()
        .success()
        .stdout(predicate::str::contains("3 file(s) handled").and(predicate::str::contains("imported\t").count(1)).and(predicate::str::contains("rejected\tbad.csv")));
    assert!(inbox.join("imported/good.csv").is_file() || inbox.join("imported/again.csv").is_file(), "one copy imported");
    let errors = std::fs::read_to_string(inbox.join("rejected/bad.csv.errors.txt")).expect("errors file");
    assert!(errors.contains("row 2, column partner_code, value 'D404'"), "{errors}");
    dealdesk(d).args(["inbox", "events"]).assert().success().stdout(predicate::str::contains("duplicate"));

    // Watch for a while; a report moved in meanwhile is imported.
    let late = "line_ref,date,partner_code,amount,currency,invoiced_on\nS2,2026-08-05,D001,500,CNY,2026-08-05\n";
    std::fs::write(d.join("late.csv"), late).expect("late");
    let mover = {
        let (from, to) = (d.join("late.csv"), inbox.join("late.csv"));
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_secs(2));
            std::fs::rename(from, to).expect("move in");
        })
    };
    dealdesk(d).args(["inbox", "watch", "--seconds", "12"]).assert().success().stdout(predicate::str::contains("imported\tlate.csv\t1"));
    mover.join().expect("mover");
    assert!(inbox.join("imported/late.csv").is_file());
}
