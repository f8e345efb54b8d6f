//! `dealdesk matrix …` through the real binary: import the bilingual fixture, ranking with
//! scores and coverage (unknown cells left out, not counted as 0), a snapshot and a diff,
//! exports, a battlecard, a bad file refused naming row and column with nothing written, and a
//! generated demo matrix (the benchmark's 200 × 500 comes from the same command).

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;

const FIXTURE: &str = include_str!("fixtures/matrix/crm.csv");

fn dealdesk(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("dealdesk").expect("binary built");
    cmd.arg("--db").arg(dir.join("t.db")).env_remove("DEALDESK_DB").env("DEALDESK_DATA_DIR", dir).current_dir(dir);
    cmd
}

#[test]
fn a_matrix_is_imported_scored_snapshotted_and_exported() {
    let dir = tempfile::tempdir().expect("dir");
    let d = dir.path();
    std::fs::write(d.join("crm.csv"), FIXTURE).expect("write");
    let bad = FIXTURE.replace("金蝶,no,no,7,partial", "金蝶,no,no,good,partial");
    assert_ne!(bad, FIXTURE, "the fixture has 金蝶's feature score");
    std::fs::write(d.join("bad.csv"), bad).expect("write");
    dealdesk(d).args(["matrix", "import", "bad.csv", "--name", "CRM"]).assert().failure().stderr(predicate::str::contains("row").and(predicate::str::contains("功能完整度")));
    dealdesk(d).args(["matrix", "list"]).assert().success().stdout(predicate::str::contains("no matrices"));
    dealdesk(d).args(["matrix", "import", "crm.csv", "--name", "CRM"]).assert().success();
    dealdesk(d)
        .args(["matrix", "score", "--name", "CRM"])
        .assert()
        .success()
        .stdout(predicate::str::contains("1\t8.29").and(predicate::str::contains("3\t3.00\t50.0% (2/4)\tHubSpot")));
    dealdesk(d).args(["matrix", "snapshot", "--name", "CRM", "--as", "2026-Q3"]).assert().success();
    dealdesk(d).args(["matrix", "diff", "--name", "CRM", "--from", "2026-Q3", "--to", "now"]).assert().success().stdout(predicate::str::contains("cells changed: 0"));
    for (format, file) in [("md", "m.md"), ("csv", "m.csv"), ("xlsx", "m.xlsx"), ("pdf", "m.pdf")] {
        dealdesk(d).args(["matrix", "export", "--name", "CRM", "--format", format, "--out", file]).assert().success();
        assert!(std::fs::metadata(d.join(file)).expect(file).len() > 100, "{file}");
    }
    assert!(std::fs::read_to_string(d.join("m.md")).expect("md").contains("| 金蝶 |"));
    dealdesk(d).args(["matrix", "battlecard", "--name", "CRM", "--competitor", "HubSpot", "--out", "bc.pdf"]).assert().success();
    assert!(std::fs::read(d.join("bc.pdf")).expect("pdf").starts_with(b"%PDF"));
    dealdesk(d).args(["matrix", "demo", "--name", "Demo", "--competitors", "6", "--dimensions", "9"]).assert().success().stdout(predicate::str::contains("6 competitors × 9 dimensions"));
    dealdesk(d).args(["matrix", "score", "--name", "Demo"]).assert().success().stdout(predicate::str::contains("6 competitors × 9 dimensions").and(predicate::str::contains("(ours 我方)")));
    dealdesk(d).args(["matrix", "demo", "--name", "Demo"]).assert().failure().stderr(predicate::str::contains("already exists"));
}
