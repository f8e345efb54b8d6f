//! The partner area end to end: partners and a plan are seeded with the CLI; in the window a
//! Q3 sales report is imported, the quarter is run for D001, the statement is opened (lines,
//! total, 大写), reviewed and locked, and its PDF is saved into the documents folder and read
//! back with pdftotext; then the app's inbox folder is watched and a report moved into it is
//! imported and shown in the inbox list, the file moved to imported/; the what-if compares a
//! raised tier rate with the plan in effect; the plan form shows a tier gap at its field.

use dealdesk_e2e::{cli, fixture, run_prepared, App};
use std::path::{Path, PathBuf};

fn seed(db: &Path) {
    let db = db.display().to_string();
    cli(&["--db", &db, "demo", "--customers", "2", "--contacts", "0", "--products", "2", "--opportunities", "0"]);
    cli(&["--db", &db, "partner", "import", &fixture("partners.csv").display().to_string()]);
    cli(&["--db", &db, "plan", "save", &fixture("partner-plan.json").display().to_string()]);
}

/// The text of a PDF (pdftotext), whitespace removed.
fn pdf_text(path: &Path) -> String {
    let out = std::process::Command::new("pdftotext").arg(path).arg("-").output().expect("run pdftotext (poppler-utils)");
    assert!(out.status.success(), "pdftotext failed on {}: {}", path.display(), String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).split_whitespace().collect()
}

async fn statement_pdf(app: &App) -> PathBuf {
    app.click("statement-print-pdf").await;
    let shown = app.wait_text("statement-export-path", "a path", |t| t.trim().ends_with(".pdf")).await;
    let path = PathBuf::from(shown.trim());
    let folder = app.db_path().parent().expect("db folder").join("documents").join("statements");
    assert_eq!(path.parent(), Some(folder.as_path()), "written into the documents folder beside the database");
    path
}

#[tokio::test]
async fn partners_quarter_is_imported_run_locked_printed_and_the_inbox_imports_a_dropped_file() {
    run_prepared("partners_quarter_is_imported_run_locked_printed_and_the_inbox_imports_a_dropped_file", seed, |app| async move {
        app.el("nav-partners").await;
        app.set_language("en").await;
        app.open("partners").await;
        app.wait_text("partners-total", "2 partners", |t| t.contains('2')).await;
        let account = app.text("partners-table").await;
        assert!(!account.contains("6222021234567890123"), "bank numbers are masked in the list: {account:?}");
        app.view("partner-list").await;

        // Import the Q3 sales report from a file picked in the window (bytes, not a path).
        app.click("partners-tab-sales").await;
        app.upload("partner-import-sales-input", &fixture("partner-sales-q3.csv")).await;
        app.wait_text("partner-import-success", "3 rows", |t| t.contains("3 row")).await;
        app.el("batch-partner-sales-q3.csv").await;
        app.wait_text("lines-total", "3 lines", |t| t.contains('3')).await;

        // Run 2026-Q3 for D001: 120,000 of own sales reach the 8% tier for all of it
        // (retroactive), plus the 2% parent override on D002's 5,000.
        app.click("partners-tab-statements").await;
        app.choose("statements-period", "statements-period-option-2026-Q3").await;
        app.choose("statements-payee", "statements-payee-option-D001").await;
        app.click("statements-run").await;
        app.el("statement-sheet").await;
        app.wait_text("statement-total", "9,700.00 CNY", |t| t.contains("9,700.00")).await;
        let words = app.text("statement-words").await;
        assert!(words.contains("人民币玖仟柒佰元整"), "the total in words: {words:?}");
        let line = app.text("statement-lines").await;
        assert!(line.contains("S1") && line.contains("S3") && line.contains("8%"), "every line with its rate: {line:?}");
        app.view("partner-statement").await;

        // Review, then lock: the version is locked and the controls are disabled.
        app.click("statement-reviewed-label").await;
        app.click("statement-lock").await;
        app.click("statement-lock-confirm").await;
        app.wait_text("statement-status", "Locked", |t| t.contains("Locked")).await;
        assert!(!app.el("statement-lock").await.is_enabled().await.expect("enabled?"), "a locked version cannot be locked again");
        app.el("statement-locked").await;

        // The PDF in the documents folder says what the window said.
        let pdf = statement_pdf(&app).await;
        let text = pdf_text(&pdf);
        for expected in ["LOCKEDv1", "D001华东总代", "2026-Q3", "9,700.00", "人民币玖仟柒佰元整", "S1", "S3"] {
            assert!(text.contains(expected), "the statement PDF holds {expected:?}: {text}");
        }

        // The watched inbox: the app's own folder; a report moved into it is imported.
        app.click("statement-back").await;
        app.click("partners-tab-inbox").await;
        app.click("inbox-use-default").await;
        app.wait_text("inbox-watching", "Watching", |t| t.contains("Watching")).await;
        let folder = PathBuf::from(app.el("inbox-folder").await.attr("data-path").await.expect("attr").expect("the folder's path"));
        assert_eq!(folder, app.db_path().parent().expect("db folder").join("inbox"));
        let staged = app.db_path().with_file_name("q4-report.csv");
        std::fs::write(&staged, "line_ref,date,partner_code,amount,currency,invoiced_on\nS9,2026-10-05,D001,1000,CNY,2026-10-05\n").expect("write the report");
        std::fs::rename(&staged, folder.join("q4-report.csv")).expect("drop it into the inbox");
        app.wait_text("inbox-outcome-q4-report.csv", "Imported", |t| t.contains("Imported")).await;
        assert!(folder.join("imported").join("q4-report.csv").is_file(), "moved to imported/");
        app.view("partner-inbox").await;
        app.click("partners-tab-sales").await;
        app.wait_text("lines-total", "4 lines", |t| t.contains('4')).await;

        // What-if: the 8% tier raised to 10% costs D001 2,400 more for Q3, drawn as a curve.
        app.click("partners-tab-whatif").await;
        app.choose("whatif-period", "whatif-period-option-2026-Q3").await;
        app.click("whatif-load").await;
        app.fill("plan-field-rate.tiers[1].rate_pct", "10").await;
        app.click("whatif-run").await;
        app.wait_text("whatif-simulated-D001", "12,100.00 CNY", |t| t.contains("12,100.00")).await;
        let now = app.text("whatif-current-D001").await;
        assert!(now.contains("9,700.00"), "the plan in effect beside it: {now:?}");
        app.el("whatif-curve").await;
        app.view("partner-whatif").await;

        // The plan form: a gap between tiers is shown at the field the parser names.
        app.click("partners-tab-plans").await;
        app.click("plan-open-渠道方案-v1").await;
        app.fill("plan-field-rate.tiers[1].from", "120000").await;
        let error = app.wait_text("plan-error-rate.tiers[1].from", "a gap", |t| t.contains("gap")).await;
        assert!(error.contains("100000"), "the error says where the tier before ends: {error:?}");
        app.view("partner-plan").await;

        // The same statement in Chinese.
        app.set_language("zh-CN").await;
        app.click("partners-tab-statements").await;
        app.click("statement-open-D001-2026-Q3-v1").await;
        app.wait_text("statement-status", "已锁定", |t| t.contains("已锁定")).await;
        app.view("partner-statement-zh").await;
    })
    .await;
}
