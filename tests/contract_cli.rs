//! `dealdesk contract …` and `dealdesk risk check` through the real binary: a contract from an
//! accepted quote, a 120-day payment term flagged high (review exits 3, no final PDF), fixed
//! to 30 days, signed off by legal, and the final PDF carries the 大写 total.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;

fn dealdesk(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("dealdesk").expect("binary built");
    cmd.arg("--db").arg(db).env_remove("DEALDESK_DB").env("DEALDESK_DATA_DIR", db.parent().expect("dir"));
    cmd
}

#[test]
fn a_contract_goes_from_an_accepted_quote_through_review_to_the_final_pdf() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("c.db");
    dealdesk(&db).args(["demo", "--customers", "2", "--contacts", "2", "--products", "2", "--opportunities", "0"]).assert().success();
    let export = dir.path().join("customers.csv");
    dealdesk(&db).args(["export", "customers"]).arg(&export).assert().success();
    let customers = std::fs::read_to_string(&export).expect("csv");
    let name = customers.lines().nth(1).and_then(|l| l.split(',').nth(1)).expect("a customer").trim_matches('"').to_string();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/examples/quote.json");
    let created = dealdesk(&db).args(["quote", "create", "--customer", &name, "--input"]).arg(&example).assert().success();
    let id = String::from_utf8_lossy(&created.get_output().stdout).trim().to_string();
    dealdesk(&db).args(["quote", "submit", &id]).assert().success();
    dealdesk(&db).args(["quote", "approve", &id, "--role", "director"]).assert().success();
    dealdesk(&db).args(["contract", "new", "--quote", "Q-2026-0001"]).assert().failure().stderr(predicate::str::contains("accepted quote"));
    dealdesk(&db).args(["quote", "mark", &id, "sent"]).assert().success();
    dealdesk(&db).args(["quote", "mark", &id, "accepted"]).assert().success();

    dealdesk(&db).args(["contract", "new", "--quote", "Q-2026-0001", "--template", "sales", "--payment-days", "120"]).assert().success().stdout(predicate::str::contains("C-2026-0001"));
    dealdesk(&db).args(["contract", "review", "C-2026-0001"]).assert().code(3).stdout(predicate::str::contains("PAY-01").and(predicate::str::contains("120 days > 60")));
    let pdf = dir.path().join("final.pdf");
    dealdesk(&db).args(["contract", "render", "--number", "C-2026-0001", "--out"]).arg(&pdf).assert().failure().stderr(predicate::str::contains("not signed it off"));
    assert!(!pdf.exists());
    dealdesk(&db).args(["contract", "sign-off", "C-2026-0001", "--role", "legal"]).assert().failure().stderr(predicate::str::contains("PAY-01"));

    dealdesk(&db).args(["contract", "terms", "C-2026-0001", "--payment-days", "30"]).assert().success();
    dealdesk(&db).args(["contract", "review", "C-2026-0001"]).assert().success();
    dealdesk(&db).args(["contract", "sign-off", "C-2026-0001"]).assert().failure().stderr(predicate::str::contains("legal role"));
    dealdesk(&db).args(["contract", "sign-off", "C-2026-0001", "--role", "legal", "--as", "li"]).assert().success().stdout(predicate::str::contains("final PDF: allowed"));
    dealdesk(&db).args(["contract", "render", "--number", "C-2026-0001", "--out"]).arg(&pdf).assert().success().stdout(predicate::str::contains("final"));
    let text = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().expect("pdftotext");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("人民币贰拾贰万柒仟陆佰壹拾捌元肆角捌分"), "the 大写 total: {text}");
    assert!(!text.contains("DRAFT"), "the final PDF has no watermark");
    dealdesk(&db).args(["audit", "verify"]).assert().success();
}

#[test]
fn risk_check_prints_json_lines_and_exits_3_on_a_high_flag() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("c.txt");
    std::fs::write(&file, "第五条 付款\n本合同款项采用背靠背方式支付。\n").expect("write");
    let out = dealdesk(&dir.path().join("never.db")).args(["risk", "check"]).arg(&file).assert().code(3).get_output().stdout.clone();
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out).lines().map(|l| serde_json::from_str(l).expect("json")).collect();
    assert!(lines.iter().any(|v| v["rule"] == "PAY-02" && v["severity"] == "high"), "{lines:?}");
    assert!(!dir.path().join("never.db").exists());
}
