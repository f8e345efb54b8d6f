//! `dealdesk contract review-report` through the real binary: a contract with a 120-day payment
//! term is reviewed, legal waives PAY-01 with a reason, decides a checklist item and signs off;
//! the report names the rule, the waiver reason, the signer and 已签核 Signed off, and its export
//! is one more entry in an intact audit log.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;

fn dealdesk(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("dealdesk").expect("binary built");
    cmd.arg("--db").arg(db).env_remove("DEALDESK_DB").env("DEALDESK_DATA_DIR", db.parent().expect("dir"));
    cmd
}

/// A demo database with C-2026-0001 made from an accepted quote with `terms`.
fn contract(db: &Path, terms: &[&str]) {
    let dir = db.parent().expect("dir");
    dealdesk(db).args(["demo", "--customers", "2", "--contacts", "2", "--products", "2", "--opportunities", "0"]).assert().success();
    let export = dir.join("customers.csv");
    dealdesk(db).args(["export", "customers"]).arg(&export).assert().success();
    let customers = std::fs::read_to_string(&export).expect("csv");
    let name = customers.lines().nth(1).and_then(|l| l.split(',').nth(1)).expect("a customer").trim_matches('"').to_string();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/examples/quote.json");
    let created = dealdesk(db).args(["quote", "create", "--customer", &name, "--input"]).arg(&example).assert().success();
    let id = String::from_utf8_lossy(&created.get_output().stdout).trim().to_string();
    for step in [vec!["submit", &id], vec!["approve", &id, "--role", "director"], vec!["mark", &id, "sent"], vec!["mark", &id, "accepted"]] {
        dealdesk(db).arg("quote").args(step).assert().success();
    }
    dealdesk(db).args(["contract", "new", "--quote", "Q-2026-0001", "--template", "sales"]).args(terms).assert().success().stdout(predicate::str::contains("C-2026-0001"));
}

fn pdf_text(pdf: &Path) -> String {
    let out = std::process::Command::new("pdftotext").args(["-enc", "UTF-8"]).arg(pdf).arg("-").output().expect("pdftotext (poppler-utils)");
    assert!(out.status.success(), "pdftotext failed on {}", pdf.display());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn audit_entries(db: &Path) -> u32 {
    let out = dealdesk(db).args(["audit", "verify"]).assert().success().get_output().stdout.clone();
    let text = String::from_utf8_lossy(&out);
    text.split_whitespace().find_map(|w| w.parse().ok()).unwrap_or_else(|| panic!("no entry count in {text}"))
}

#[test]
fn the_review_report_shows_the_waived_flag_the_decision_and_the_sign_off() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("c.db");
    contract(&db, &["--payment-days", "120"]);
    dealdesk(&db).args(["contract", "review", "C-2026-0001"]).assert().code(3);

    // Before sign-off the report says why there is no final PDF.
    let before = dir.path().join("before.pdf");
    dealdesk(&db).args(["contract", "review-report", "--number", "C-2026-0001", "--out"]).arg(&before).assert().success();
    let text = pdf_text(&before);
    assert!(text.contains("未签核 Not signed off"), "{text}");
    assert!(text.contains("PAY-01"), "{text}");

    let reason = "Strategic account, CFO approved";
    dealdesk(&db).args(["contract", "waive", "C-2026-0001", "--flag", "PAY-01", "--reason", reason, "--role", "legal", "--as", "li.na"]).assert().success();
    dealdesk(&db).args(["contract", "decide", "C-2026-0001", "--item", "payment.late", "--status", "pass", "--role", "legal", "--as", "li.na"]).assert().success();
    dealdesk(&db).args(["contract", "sign-off", "C-2026-0001", "--role", "legal", "--as", "li.na", "--comment", "ok with waiver"]).assert().success();

    let entries = audit_entries(&db);
    let pdf = dir.path().join("report.pdf");
    dealdesk(&db).args(["contract", "review-report", "--number", "C-2026-0001", "--out"]).arg(&pdf).assert().success().stdout(predicate::str::contains("review report"));
    let text = pdf_text(&pdf);
    for expected in ["合同审核报告", "C-2026-0001", "PAY-01", reason, "li.na", "已签核 Signed off", "ok with waiver", "已豁免 waived", "payment.late", "通过 pass", "付款"] {
        assert!(text.contains(expected), "the report lacks {expected:?}:\n{text}");
    }
    assert!(!text.contains("未签核"), "signed off: {text}");
    assert_eq!(audit_entries(&db), entries + 1, "the export is audited");

    let en = dir.path().join("report-en.pdf");
    dealdesk(&db).args(["contract", "review-report", "--number", "C-2026-0001", "--lang", "en", "--out"]).arg(&en).assert().success();
    let text = pdf_text(&en);
    assert!(text.contains("Signed off") && !text.contains("已签核"), "{text}");
    assert!(!dir.path().read_dir().expect("dir").any(|e| e.expect("entry").file_name().to_string_lossy().ends_with(".part")), "no temp file left");
}
