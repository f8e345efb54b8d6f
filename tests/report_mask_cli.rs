//! `dealdesk report drill|dashboard --policy NAME` through the real binary: the drill's
//! owners and the weekly PDF's owner line masked as the window masks them, in clear without
//! `--policy`, and each export audited with its policy.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;

fn dealdesk(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("dealdesk").expect("binary built");
    cmd.arg("--db").arg(db).env_remove("DEALDESK_DB").env("DEALDESK_DATA_DIR", db.parent().expect("dir"));
    cmd
}

fn year() -> String {
    dealdesk_core::report::Period::year_of(dealdesk_core::clock::today()).expect("year").label()
}

fn pdf_text(pdf: &Path) -> String {
    let out = std::process::Command::new("pdftotext").arg("-layout").arg(pdf).arg("-").output().expect("pdftotext (poppler-utils)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn drill_and_weekly_report_mask_owners_through_a_policy_and_are_audited() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("r.db");
    dealdesk(&db).args(["demo", "--customers", "10", "--contacts", "0", "--products", "0", "--opportunities", "60"]).assert().success();
    let year = year();
    let clear = dealdesk(&db).args(["report", "drill", "open", "--period", &year]).output().expect("run");
    let clear: serde_json::Value = serde_json::from_slice(&clear.stdout).expect("json");
    let owners: Vec<String> = clear["rows"].as_array().expect("rows").iter().filter_map(|r| r["owner"].as_str()).filter(|o| !o.is_empty()).map(str::to_string).collect();
    let owner = owners.first().expect("the demo's open deals have owners").clone();

    let csv = dir.path().join("open.csv");
    dealdesk(&db)
        .args(["report", "drill", "open", "--period", &year, "--policy", "distributor", "--out"])
        .arg(&csv)
        .assert()
        .success()
        .stdout(predicate::str::contains("masked with policy distributor"));
    let text = std::fs::read_to_string(&csv).expect("file");
    assert!(owners.iter().all(|o| !text.contains(o.as_str())) && text.contains('*'), "{text}");
    let masked: serde_json::Value =
        serde_json::from_slice(&dealdesk(&db).args(["report", "drill", "open", "--period", &year, "--policy", "trade_show"]).output().expect("run").stdout).expect("json");
    assert!(masked["rows"].as_array().expect("rows").iter().all(|r| r["owner"] == "[name]" && r["masked"][0] == "owner"), "{masked}");

    let pdf = dir.path().join("weekly.pdf");
    dealdesk(&db).args(["report", "dashboard", "--period", &year, "--owner", &owner, "--policy", "distributor", "--pdf"]).arg(&pdf).assert().success();
    let text = pdf_text(&pdf);
    assert!(text.contains("Owner:") && !text.contains(owner.as_str()), "{text}");
    dealdesk(&db)
        .args(["report", "dashboard", "--period", &year, "--policy", "nobody"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("unknown policy"));
    dealdesk(&db)
        .args(["audit", "list", "--limit", "2"])
        .assert()
        .success()
        .stdout(predicate::str::contains("weekly_report").and(predicate::str::contains("records")).and(predicate::str::contains("distributor")));
}
