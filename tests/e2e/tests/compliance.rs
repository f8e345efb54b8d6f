//! Compliance in the window, as issue 6 tells it: a subject request answered in minutes —
//! find a person by mobile (their contact and the customer note that mentions the number),
//! save the report (PDF + JSON), erase them and see them gone, with the audit log naming them
//! only by a keyed hash; and a scan of a file that finds an ID number in a notes column that
//! no header declares, shown masked.

use dealdesk_e2e::{fixture, run};

const MOBILE: &str = "13812341234";

#[tokio::test]
async fn compliance_subject_request_and_file_scan() {
    run("compliance_subject_request_and_file_scan", |app| async move {
        app.start_empty().await;
        app.set_language("en").await;

        app.open("customers").await;
        app.click("customers-new").await;
        app.fill("field-name", "华东精密制造").await;
        app.fill("field-notes", &format!("采购联系人张伟，电话{MOBILE}，周五前回电")).await;
        app.click("form-submit").await;
        app.wait_gone("form-submit").await;
        app.open("contacts").await;
        app.click("contacts-new").await;
        app.fill("field-name", "张伟").await;
        app.fill("field-mobile", "138 1234 1234").await;
        app.click("form-submit").await;
        app.wait_gone("form-submit").await;
        app.wait_row("contacts", "张伟").await;

        // Sales ops (the default data view) may not handle subject requests.
        app.open("compliance").await;
        app.click("compliance-tab-subject").await;
        app.choose("subject-kind", "subject-kind-mobile").await;
        app.fill("subject-value", MOBILE).await;
        app.click("subject-find").await;
        app.wait_text("subject-error", "the admin or legal data view", |t| t.contains("admin or legal")).await;

        app.open("settings").await;
        app.choose("settings-data-view-role", "data-view-role-admin").await;
        app.open("compliance").await;
        app.click("compliance-tab-subject").await;
        app.choose("subject-kind", "subject-kind-mobile").await;
        app.fill("subject-value", &format!("+86 {MOBILE}")).await;
        app.click("subject-find").await;
        app.wait_count("subject-count", 2).await;
        let tables = app.js("return Array.from(document.querySelectorAll('[data-testid^=subject-hit-]')).map(r => r.getAttribute('data-table')).sort().join(',');", vec![]).await;
        assert_eq!(tables.as_str(), Some("contacts,customers"), "the contact and the note");
        let table = app.js("return document.querySelector('[data-testid=subject-table]').innerText;", vec![]).await;
        let table = table.as_str().unwrap_or_default().to_string();
        assert!(table.contains("华东精密制造") && table.contains("mentioned in text"), "{table}");
        app.view("subject-found").await;

        app.click("subject-export-documents").await;
        app.el("subject-exported").await;
        let pdf = app.js("return document.querySelector('[data-testid=subject-exported]').getAttribute('data-path');", vec![]).await;
        let pdf = pdf.as_str().unwrap_or_default().to_string();
        let text = std::process::Command::new("pdftotext").args([pdf.as_str(), "-"]).output().expect("pdftotext runs");
        let text = String::from_utf8_lossy(&text.stdout).to_string();
        assert!(text.contains("Personal data report") && text.contains(MOBILE) && text.contains("华东精密制造"), "{text}");
        let json = std::fs::read_to_string(pdf.replace(".pdf", ".json")).expect("the JSON beside the PDF");
        assert!(json.contains("\"kind\": \"mobile\""), "{json}");

        app.click("subject-erase").await;
        app.click("subject-erase-confirm").await;
        app.wait_text("subject-changed", "erased from 2 records", |t| t.contains("Erased from 2 records")).await;
        app.wait_count("subject-count", 0).await;
        app.open("contacts").await;
        app.wait_count("contacts-total", 0).await;

        // The audit log: the erasure, under a hash; the number nowhere.
        app.open("compliance").await;
        let log = app.wait_text("audit-table", "the erasure in the audit log", |t| t.contains("Subject erasure")).await;
        assert!(log.contains("Subject report"), "{log}");
        assert!(!log.contains(MOBILE) && !log.contains("1234 1234"), "no clear number in the audit log: {log}");

        // A file about to be imported: the ID number in 备注 is found and shown masked.
        app.click("compliance-tab-scan").await;
        app.upload("scan-file-input", &fixture("leads-with-ids.csv")).await;
        app.el("scan-table").await;
        let kinds = app.js("return Array.from(document.querySelectorAll('[data-testid^=scan-finding-]')).map(r => r.getAttribute('data-kind')).join(',');", vec![]).await;
        assert_eq!(kinds.as_str(), Some("resident_id"), "the declared 手机号 and 联系人 columns are not listed; the ID in the note is");
        let declared = app.text("scan-declared").await;
        assert!(declared.contains("手机号") && declared.contains("联系人"), "{declared}");
        let found = app.js("return document.querySelector('[data-testid=scan-table]').innerText;", vec![]).await;
        let found = found.as_str().unwrap_or_default().to_string();
        assert!(found.contains("row 2, 备注") && found.contains("110105********002X") && !found.contains("11010519491231002X"), "{found}");
        app.view("scan-file").await;
    })
    .await;
}
