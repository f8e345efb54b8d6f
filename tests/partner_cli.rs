//! `dealdesk partner|sales|plan|share` through the real binary (under a keyutils session, as
//! the regular test command runs): partners with masked bank numbers, a sales file imported
//! once only, a quarter's statement with the parent's override, locked, exported as CSV and
//! PDF.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;

fn dealdesk(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("dealdesk").expect("binary built");
    cmd.arg("--db").arg(dir.join("t.db")).env_remove("DEALDESK_DB").env("DEALDESK_DATA_DIR", dir).current_dir(dir);
    cmd
}

const PARTNERS: &str = "渠道商编码,渠道商名称,区域,上级,开户名,银行账号,开户行\nD001,华东总代,华东,,张伟,6222021234567890123,工商银行\nD002,杭州二级,华东,D001,李娜,6222029876543210,建设银行\n";
const SALES: &str = "line_ref,date,partner_code,amount,currency,invoiced_on\nS1,2026-07-05,D001,10000,CNY,2026-07-05\nS2,2026-07-10,D002,5000,CNY,2026-07-12\nS3,2026-08-01,D001,2000,CNY,\n";
const PLAN: &str = r#"{"schema":1,"name":"测试方案","kind":"partner","effective_from":"2026-01-01","currency":"CNY","base":"gross","trigger":"invoice","rate":{"fixed_pct":"10"},"multi_level":{"override_pct":"2"}}"#;

#[test]
fn a_quarter_statement_from_imported_files_is_run_locked_and_exported() {
    let dir = tempfile::tempdir().expect("dir");
    let d = dir.path();
    for (name, text) in [("partners.csv", PARTNERS), ("q3.csv", SALES), ("plan.json", PLAN)] {
        std::fs::write(d.join(name), text).expect("write");
    }
    dealdesk(d).args(["partner", "import", "partners.csv"]).assert().success();
    dealdesk(d)
        .args(["partner", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("622202*********0123").and(predicate::str::contains("6222021234567890123").not()));
    dealdesk(d).args(["sales", "import", "q3.csv"]).assert().success();
    dealdesk(d).args(["sales", "import", "q3.csv"]).assert().failure().stderr(predicate::str::contains("already imported"));
    dealdesk(d).args(["plan", "save", "plan.json", "--name", "测试方案", "--effective-from", "2026-01-01"]).assert().success();
    // 10 % of D001's own 10,000 plus the 2 % override on D002's 5,000; S3 is not invoiced.
    dealdesk(d)
        .args(["share", "run", "--partner", "D001", "--period", "2026-Q3"])
        .assert()
        .success()
        .stdout(predicate::str::contains("total 1100.00").and(predicate::str::contains("pending S3")));
    dealdesk(d).args(["share", "lock", "--partner", "D001", "--period", "2026-Q3"]).assert().success();
    dealdesk(d).args(["share", "export", "--partner", "D001", "--period", "2026-Q3", "--format", "csv", "--out", "st.csv"]).assert().success();
    let csv = std::fs::read_to_string(d.join("st.csv")).expect("csv");
    assert!(csv.contains("LOCKED v1,total,,total,,,,1100.00"), "{csv}");
    dealdesk(d).args(["share", "export", "--partner", "D001", "--period", "2026-Q3", "--format", "pdf", "--out", "st.pdf"]).assert().success();
    assert!(std::fs::read(d.join("st.pdf")).expect("pdf").starts_with(b"%PDF"));
}
