//! A contract from an accepted quote to legal's sign-off and the final PDF, in the window: the
//! accepted quote is seeded with the CLI before the app starts; "New contract" with a 120-day
//! payment term; the review raises PAY-01 (high), sign-off is blocked and only the DRAFT PDF
//! can be made; the term changed to 30 days resolves it; legal (role switched in Settings)
//! signs off, and the final PDF carries the contract number and the total in 大写.

use dealdesk_e2e::{cli, run_prepared, App};
use std::path::Path;

/// An accepted quote (Q-<year>-0001) from docs/examples/quote.json for a demo customer.
fn seed_accepted_quote(db: &Path) {
    let db = db.display().to_string();
    cli(&["--db", &db, "demo", "--customers", "2", "--contacts", "0", "--products", "2", "--opportunities", "0"]);
    let dir = Path::new(&db).parent().expect("db folder");
    let export = dir.join("customers.csv");
    cli(&["--db", &db, "export", "customers", &export.display().to_string()]);
    let customers = std::fs::read_to_string(&export).expect("the exported customers");
    let name = customers.lines().nth(1).and_then(|l| l.split(',').nth(1)).expect("a customer").trim_matches('"').to_string();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/quote.json");
    let (id, _) = cli(&["--db", &db, "quote", "create", "--customer", &name, "--input", &example.display().to_string()]);
    let id = id.trim();
    cli(&["--db", &db, "quote", "submit", id]);
    cli(&["--db", &db, "quote", "approve", id, "--role", "director"]);
    cli(&["--db", &db, "quote", "mark", id, "sent"]);
    cli(&["--db", &db, "quote", "mark", id, "accepted"]);
}

/// The text of a PDF (pdftotext), whitespace removed.
fn pdf_text(path: &Path) -> String {
    let out = std::process::Command::new("pdftotext").arg(path).arg("-").output().expect("run pdftotext (poppler-utils)");
    assert!(out.status.success(), "pdftotext failed on {}: {}", path.display(), String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).split_whitespace().collect()
}

/// Saves the PDF into the documents folder with the contract's print button; returns its path.
async fn print(app: &App, expect_draft: bool) -> std::path::PathBuf {
    app.js("const p = document.querySelector('[data-testid=contract-print-path]'); if (p) p.remove(); return null;", vec![]).await;
    app.click("contract-print").await;
    let shown = app.wait_text("contract-print-path", "a path", |t| t.trim().ends_with(".pdf")).await;
    assert_eq!(shown.trim().ends_with("-draft.pdf"), expect_draft, "draft or final as the gate says: {shown}");
    let path = std::path::PathBuf::from(shown.trim());
    let folder = app.db_path().parent().expect("db folder").join("documents").join("contracts");
    assert_eq!(path.parent(), Some(folder.as_path()), "written into the documents folder beside the database");
    path
}

#[tokio::test]
async fn legal_signs_off_a_contract_after_the_high_payment_flag_is_fixed() {
    run_prepared("legal_signs_off_a_contract_after_the_high_payment_flag_is_fixed", seed_accepted_quote, |app| async move {
        app.el("nav-contracts").await;
        app.set_language("en").await;
        let year = app.js("return String(new Date().getFullYear());", vec![]).await;
        let year = year.as_str().expect("the year").to_string();
        let quote = format!("Q-{year}-0001");
        let number = format!("C-{year}-0001");

        // New contract from the accepted quote, sales template, payment in 120 days.
        app.open("contracts").await;
        app.wait_count("contracts-total", 0).await;
        app.click("contracts-new").await;
        app.choose("contract-new-quote", &format!("contract-quote-{quote}")).await;
        app.fill("terms-payment_days", "120").await;
        app.click("contract-new-submit").await;
        app.wait_text("contract-number", &number, |t| t.trim() == number).await;
        app.wait_text("contract-status", "Draft", |t| t.trim() == "Draft").await;

        // Legal review: PAY-01 is high and open, sign-off and the final PDF are blocked.
        app.click("contract-submit-review").await;
        app.wait_text("contract-status", "In legal review", |t| t.trim() == "In legal review").await;
        app.wait_text("flag-PAY-01-severity", "High", |t| t.trim() == "High").await;
        app.wait_text("flag-PAY-01-status", "Open", |t| t.trim() == "Open").await;
        let flag = app.text("flag-PAY-01").await;
        assert!(flag.contains("§3") && flag.contains("120"), "the flag names the clause and the term: {flag:?}");
        let blocked = app.text("review-sign-off-blocked").await;
        assert!(blocked.contains("PAY-01"), "sign-off says why it is blocked: {blocked:?}");
        assert!(!app.el("review-sign-off").await.is_enabled().await.expect("enabled?"), "no sign-off while a high flag is open");
        assert!(!app.el("contract-pdf-final").await.is_enabled().await.expect("enabled?"), "no final PDF before sign-off");
        let why = app.text("contract-pdf-blocked").await;
        assert!(why.contains("not signed it off"), "the window says why the final PDF is blocked: {why:?}");
        app.view("contract-review-blocked").await;
        let draft = print(&app, true).await;
        assert!(pdf_text(&draft).contains("DRAFT"), "the draft PDF is watermarked");

        // Payment in 30 days: the rules run again and the flag is resolved; no high flag is left.
        app.fill("terms-payment_days", "30").await;
        app.click("terms-save").await;
        app.wait_text("flag-PAY-01-status", "Resolved", |t| t.trim() == "Resolved").await;
        let open_high = app.all("[data-testid^=flag-].flag-high.flag-status-open").await;
        assert!(open_high.is_empty(), "no other open high flag with the house clauses");

        // Become legal in Settings, come back and sign off.
        app.open("settings").await;
        app.choose("settings-role", "role-legal").await;
        app.wait_inner_text("settings-role", "Legal", |t| t.contains("Legal")).await;
        app.open("contracts").await;
        let id = app.wait_row("contracts", &number).await;
        app.click(&format!("open-{id}")).await;
        app.el("review-sign-off").await;
        app.view("contract-review-legal").await;
        app.click("review-sign-off").await;
        app.click("reason-confirm").await;
        app.wait_text("contract-status", "Signed off by legal", |t| t.trim() == "Signed off by legal").await;
        app.el("contract-pdf-allowed").await;
        app.wait_text("review-sign-offs", "signed off", |t| t.contains("Signed off by")).await;
        app.view("contract-signed-off").await;

        // The final PDF: the number and the total in 大写, no watermark.
        let text = pdf_text(&print(&app, false).await);
        assert!(text.contains(&number), "the PDF shows the contract number {number}: {text}");
        assert!(!text.contains("DRAFT"), "the final PDF has no watermark");
        let words: String = text.split("人民币").nth(1).unwrap_or_default().chars().take_while(|c| "零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整".contains(*c)).collect();
        assert!(words.len() > 6 && (words.ends_with('整') || words.ends_with('分')), "the PDF shows the total in 大写: {text}");
        let value = app.text("contract-value").await;
        let amount = value.split_whitespace().next().unwrap_or_default().to_string();
        assert!(text.contains(&amount), "the PDF shows the value {amount}: {text}");

        // The same screen in Chinese (a picture when DEALDESK_E2E_VIEWS is set).
        app.set_language("zh-CN").await;
        app.wait_text("contract-status", "法务已签批", |t| t.trim() == "法务已签批").await;
        app.view("contract-signed-off-zh").await;
    })
    .await;
}
