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

/// `share run --plan FILE --sales FILE`: statements from files alone. No database, keychain
/// entry or data folder is created; every partner (D002's parent D001 with its override) gets
/// a summary row and a PDF; a Q2 sale refunded in Q3 is clawed back at what it earned in Q2.
#[test]
fn statements_are_computed_from_files_without_a_database() {
    let dir = tempfile::tempdir().expect("dir");
    let d = dir.path();
    // Without a database the parent comes from the file's parent column.
    let sales = "line_ref,date,partner_code,parent_partner_code,amount,currency,invoiced_on,refund_of\n\
        S1,2026-07-05,D001,,10000,CNY,2026-07-05,\nS2,2026-07-10,D002,D001,5000,CNY,2026-07-12,\nS3,2026-08-01,D001,,2000,CNY,,\n\
        S0,2026-05-02,D001,,3000,CNY,2026-05-02,\nR1,2026-09-01,D001,,-3000,CNY,2026-09-01,S0\n";
    for (name, text) in [("q3.csv", sales), ("plan.json", PLAN)] {
        std::fs::write(d.join(name), text).expect("write");
    }
    let mut cmd = Command::cargo_bin("dealdesk").expect("binary built");
    cmd.env_remove("DEALDESK_DB").env("DEALDESK_DATA_DIR", d.join("data")).current_dir(d);
    cmd.args(["share", "run", "--plan", "plan.json", "--sales", "q3.csv", "--period", "2026-Q3", "--out", "out.csv", "--statements-dir", "pdfs"])
        .assert()
        .success()
        .stderr(predicate::str::contains("2 partner statement(s) for 2026-Q3 (after 1 earlier period(s) from 2026-Q2)"));
    assert!(!d.join("data").exists(), "no data folder (and so no database) was created");
    let out = std::fs::read_to_string(d.join("out.csv")).expect("summary");
    // D001: 10 % of 10,000 + 2 % of D002's 5,000 − the 300 S0 earned in Q2 = 800; D002: 500.
    assert!(out.contains("partner,D001,2026-Q3,测试方案,CNY,3,1,800.00,0,800.00,0.00,0.00"), "{out}");
    assert!(out.contains("partner,D002,2026-Q3,测试方案,CNY,1,0,500.00,0,500.00,0.00,0.00"), "{out}");
    for partner in ["D001", "D002"] {
        let pdf = d.join("pdfs").join(format!("{partner}-2026-Q3.pdf"));
        let text = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().expect("pdftotext (poppler-utils)");
        let text = String::from_utf8_lossy(&text.stdout);
        assert!(text.contains(partner) && text.contains("DRAFT"), "{partner}: {text}");
    }
    let d001 = std::process::Command::new("pdftotext").arg(d.join("pdfs/D001-2026-Q3.pdf")).arg("-").output().expect("pdftotext");
    assert!(String::from_utf8_lossy(&d001.stdout).contains("clawback of S0"), "the refund line explains itself");
}

/// A line in another currency and a plan with an error: refused naming the row and column or
/// the JSON path, exit status non-zero, nothing written.
#[test]
fn a_bad_sales_file_or_plan_is_refused_naming_where_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let d = dir.path();
    let usd = SALES.replace("S2,2026-07-10,D002,5000,CNY", "S2,2026-07-10,D002,5000,USD");
    let bad_plan = PLAN.replace(r#""fixed_pct":"10""#, r#""fixed_pct":"ten""#);
    for (name, text) in [("usd.csv", usd.as_str()), ("plan.json", PLAN), ("bad.json", bad_plan.as_str())] {
        std::fs::write(d.join(name), text).expect("write");
    }
    let run = |plan: &str, sales: &str| {
        let mut cmd = Command::cargo_bin("dealdesk").expect("binary built");
        cmd.env_remove("DEALDESK_DB").env("DEALDESK_DATA_DIR", d.join("data")).current_dir(d);
        cmd.args(["share", "run", "--plan", plan, "--sales", sales, "--period", "2026-Q3", "--out", "out.csv"]).assert().failure()
    };
    run("plan.json", "usd.csv").stderr(predicate::str::contains("usd.csv").and(predicate::str::contains("row 3")).and(predicate::str::contains("currency")));
    run("bad.json", "usd.csv").stderr(predicate::str::contains("bad.json").and(predicate::str::contains("rate.fixed_pct")));
    assert!(!d.join("out.csv").exists());
}
