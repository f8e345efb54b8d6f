//! The headless CLI of the real binary: import/export round trips and clear failures.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;

fn dealdesk(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("dealdesk").expect("binary built");
    cmd.arg("--db").arg(db).env_remove("DEALDESK_DB").env("DEALDESK_DATA_DIR", db.parent().expect("dir"));
    cmd
}

#[test]
fn help_lists_the_subcommands() {
    let dir = tempfile::tempdir().expect("tempdir");
    dealdesk(&dir.path().join("a.db"))
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("demo").and(predicate::str::contains("import")).and(predicate::str::contains("export")));
}

#[test]
fn demo_then_export_and_import_into_a_new_database_gives_the_same_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
    dealdesk(&a).arg("demo").assert().success().stdout(predicate::str::contains("200 customers"));
    for (table, ext) in [("customers", "csv"), ("contacts", "xlsx"), ("products", "xlsx"), ("opportunities", "csv")] {
        let first = dir.path().join(format!("{table}-a.{ext}"));
        let second = dir.path().join(format!("{table}-b.{ext}"));
        dealdesk(&a).args(["export", table]).arg(&first).assert().success();
        dealdesk(&b).args(["import", table]).arg(&first).assert().success().stdout(predicate::str::contains("imported"));
        dealdesk(&b).args(["export", table]).arg(&second).assert().success();
        // Compare as CSV so XLSX zip metadata (timestamps) does not matter.
        let csv_a = dir.path().join(format!("{table}-a-check.csv"));
        let csv_b = dir.path().join(format!("{table}-b-check.csv"));
        dealdesk(&a).args(["export", table]).arg(&csv_a).assert().success();
        dealdesk(&b).args(["export", table]).arg(&csv_b).assert().success();
        assert_eq!(std::fs::read(&csv_a).expect("a"), std::fs::read(&csv_b).expect("b"), "{table} via {ext}");
    }
}

#[test]
fn the_database_file_is_encrypted_and_a_new_one_shows_its_recovery_key_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("a.db");
    dealdesk(&db).arg("demo").assert().success().stderr(predicate::str::contains("recovery key"));
    let header = std::fs::read(&db).expect("read")[..16].to_vec();
    assert_ne!(header, b"SQLite format 3\0".to_vec(), "a finder must not be able to read the file");
    dealdesk(&db)
        .args(["export", "customers"])
        .arg(dir.path().join("c.csv"))
        .assert()
        .success()
        .stderr(predicate::str::contains("recovery key").not());
}

#[test]
fn backup_then_restore_brings_back_the_data_and_keeps_a_safety_copy() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("a.db");
    let backup = dir.path().join("monday.db");
    dealdesk(&db).args(["demo", "--customers", "5", "--contacts", "0", "--products", "0", "--opportunities", "0"]).assert().success();
    dealdesk(&db).arg("backup").arg("--out").arg(&backup).assert().success().stdout(predicate::str::contains("backup of"));
    dealdesk(&db).args(["demo", "--customers", "7", "--contacts", "0", "--products", "0", "--opportunities", "0"]).assert().success();
    dealdesk(&db).arg("restore").arg(&backup).arg("--preview").assert().success().stdout(predicate::str::contains("5 customers"));
    dealdesk(&db)
        .arg("restore")
        .arg(&backup)
        .assert()
        .success()
        .stdout(predicate::str::contains("previous database was saved to"));
    let out = dir.path().join("c.csv");
    dealdesk(&db).args(["export", "customers"]).arg(&out).assert().success().stdout(predicate::str::contains("exported 5 row(s)"));
    let safety: Vec<_> = std::fs::read_dir(dir.path().join("backups")).expect("safety dir").collect();
    assert_eq!(safety.len(), 1, "one safety copy of the database as it was before the restore");
}

#[test]
fn the_number_of_daily_backups_kept_is_a_setting_checked_on_the_way_in() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("a.db");
    dealdesk(&db).args(["backup", "--keep-daily", "400"]).assert().code(1).stderr(predicate::str::contains("keep between 1 and 365"));
    dealdesk(&db).args(["backup", "--keep-daily", "14"]).assert().success().stdout(predicate::str::contains("keeps 14 daily backup(s)"));
    dealdesk(&db).arg("backup").assert().code(2);
}

#[test]
fn audit_verify_reports_an_intact_chain_after_recorded_actions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("a.db");
    dealdesk(&db).args(["demo", "--customers", "3", "--contacts", "0", "--products", "0", "--opportunities", "0"]).assert().success();
    dealdesk(&db).args(["export", "customers"]).arg(dir.path().join("c.csv")).assert().success();
    dealdesk(&db).arg("backup").arg("--out").arg(dir.path().join("b.db")).assert().success();
    dealdesk(&db).args(["audit", "verify"]).assert().success().stdout(predicate::str::contains("audit log intact: 2 entries"));
}

#[test]
fn a_malformed_file_exits_non_zero_naming_row_and_column_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("a.db");
    let file = dir.path().join("bad-products.csv");
    std::fs::write(&file, "sku,name,list_price,cost,tax_rate_pct,currency\nSW-1,CRM,100,50,13,CNY\nSW-2,BI,ten,50,13,CNY\n").expect("write");
    dealdesk(&db)
        .args(["import", "products"])
        .arg(&file)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("bad-products.csv").and(predicate::str::contains("row 3, column list_price, value 'ten'")));
    let out = dir.path().join("out.csv");
    dealdesk(&db).args(["export", "products"]).arg(&out).assert().success().stdout(predicate::str::contains("exported 0 row(s)"));
}

#[test]
fn an_unknown_table_is_a_usage_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    dealdesk(&dir.path().join("a.db")).args(["import", "invoices", "x.csv"]).assert().code(2).stderr(predicate::str::contains("invoices"));
}

#[test]
fn words_prints_one_line_and_opens_no_database() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("a.db");
    dealdesk(&db).args(["words", "107000.53"]).assert().success().stdout("人民币壹拾万柒仟元伍角叁分\n").stderr("");
    dealdesk(&db).args(["words", "16,409.02", "--currency", "cny"]).assert().success().stdout("人民币壹万陆仟肆佰零玖元零贰分\n");
    dealdesk(&db)
        .args(["words", "1200.5", "--currency", "USD"])
        .assert()
        .success()
        .stdout("ONE THOUSAND TWO HUNDRED US DOLLARS AND FIFTY CENTS ONLY\n");
    dealdesk(&db).args(["words", "-1", "--lang", "en"]).assert().success().stdout("MINUS ONE CHINESE YUAN ONLY\n");
    assert!(std::fs::read_dir(dir.path()).expect("dir").next().is_none(), "no database or data file is created");
}

#[test]
fn words_rejects_bad_input_naming_the_field() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("a.db");
    dealdesk(&db).args(["words", "100", "--currency", "XYZ"]).assert().code(1).stdout("").stderr(predicate::str::contains("currency: 'XYZ'"));
    dealdesk(&db).args(["words", "ten"]).assert().code(1).stderr(predicate::str::contains("amount: 'ten' is not a number"));
    dealdesk(&db).args(["words", "1e16"]).assert().code(1).stderr(predicate::str::contains("amount: must be below"));
    dealdesk(&db).args(["words", "-5"]).assert().code(1).stderr(predicate::str::contains("amount: must not be negative"));
    dealdesk(&db).args(["words", "5", "--currency", "USD", "--lang", "zh"]).assert().code(1).stderr(predicate::str::contains("CNY only"));
    dealdesk(&db).args(["words", "5", "--lang", "fr"]).assert().code(2);
}

fn example_quote() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/examples/quote.json")
}

fn pdf_text(pdf: &Path) -> String {
    let out = std::process::Command::new("pdftotext").arg("-layout").arg(pdf).arg("-").output().expect("pdftotext (poppler-utils)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn quote_render_from_json_needs_no_database_and_prints_number_and_words() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("q.pdf");
    dealdesk(&dir.path().join("never.db")).args(["quote", "render", "--input"]).arg(example_quote()).arg("--out").arg(&out).assert().success();
    let text = pdf_text(&out);
    assert!(text.contains("Q-2026-0001"), "{text}");
    assert!(text.contains("人民币贰拾贰万柒仟陆佰壹拾捌元肆角捌分"), "the 大写 total of docs/examples/quote.json: {text}");
    assert!(text.contains("227,618.48"), "{text}");
    assert!(!dir.path().join("never.db").exists(), "no database was created");
}

#[test]
fn quote_render_rejects_bad_input_naming_the_field_and_leaves_no_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let example = std::fs::read_to_string(example_quote()).expect("example");
    let cases = [
        (example.replace("\"currency\": \"CNY\"", "\"currency\": \"XYZ\""), "currency"),
        (example.replace("\"quantity\": \"4\"", "\"quantity\": \"-4\""), "lines[0].quantity"),
        (example.replace("\"discount_pct\": \"8\"", "\"discount_pct\": \"120\""), "lines[0].discount_pct"),
        (example[..example.len() - 40].to_string(), "bad-3.json: EOF while parsing"),
        ("{ \"customer\": { \"name\": \"x\" }, \"lines\": [] }".to_string(), "currency"),
    ];
    for (i, (json, field)) in cases.iter().enumerate() {
        let input = dir.path().join(format!("bad-{i}.json"));
        std::fs::write(&input, json).expect("write");
        let out = dir.path().join(format!("bad-{i}.pdf"));
        dealdesk(&dir.path().join("never.db"))
            .args(["quote", "render", "--input"])
            .arg(&input)
            .arg("--out")
            .arg(&out)
            .assert()
            .failure()
            .code(1)
            .stderr(predicate::str::contains(*field));
        assert!(!out.exists(), "case {i}: no PDF is left behind");
    }
    let out = dir.path().join("nofont.pdf");
    dealdesk(&dir.path().join("never.db"))
        .env("DEALDESK_PDF_FONT", dir.path().join("missing.ttc"))
        .args(["quote", "render", "--input"])
        .arg(example_quote())
        .arg("--out")
        .arg(&out)
        .assert()
        .failure()
        .stderr(predicate::str::contains("missing.ttc"));
    assert!(!out.exists());
}

#[test]
fn a_quote_goes_from_json_to_approved_and_prints_from_the_database() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("q.db");
    dealdesk(&db).args(["demo", "--customers", "2", "--contacts", "2", "--products", "2", "--opportunities", "0"]).assert().success();
    let export = dir.path().join("customers.csv");
    dealdesk(&db).args(["export", "customers"]).arg(&export).assert().success();
    let customers = std::fs::read_to_string(&export).expect("csv");
    let name = customers.lines().nth(1).and_then(|l| l.split(',').nth(1)).expect("a customer name").trim_matches('"').to_string();

    let json = std::fs::read_to_string(example_quote()).expect("example").replace("\"discount_pct\": \"8\"", "\"discount_pct\": \"25\"");
    let input = dir.path().join("q.json");
    std::fs::write(&input, json).expect("write");
    let created = dealdesk(&db).args(["quote", "create", "--customer", &name, "--input"]).arg(&input).assert().success();
    let id = String::from_utf8_lossy(&created.get_output().stdout).trim().to_string();
    dealdesk(&db).args(["quote", "submit", &id]).assert().success().stdout(predicate::str::contains("pending_approval"));
    dealdesk(&db).args(["quote", "approve", &id, "--role", "manager"]).assert().failure().stderr(predicate::str::contains("director"));
    dealdesk(&db).args(["quote", "approve", &id, "--role", "director", "--comment", "ok"]).assert().success().stdout(predicate::str::contains("approved"));
    // Numbered in the year of the quote's date (2026 in docs/examples/quote.json).
    let number = "Q-2026-0001".to_string();
    dealdesk(&db).args(["quote", "show", &number]).assert().success().stdout(predicate::str::contains("人民币").and(predicate::str::contains("director")));

    let pdf = dir.path().join("one.pdf");
    dealdesk(&db).args(["quote", "render", "--number", &number, "--out"]).arg(&pdf).assert().success();
    assert!(pdf_text(&pdf).contains(&number));
    let out_dir = dir.path().join("all");
    dealdesk(&db).args(["quote", "render-all", "--status", "approved", "--out-dir"]).arg(&out_dir).assert().success().stdout(predicate::str::contains("1 quotes"));
    assert!(out_dir.join(format!("{number}.pdf")).is_file());

    dealdesk(&db).args(["quote", "revise", &number]).assert().success().stdout(predicate::str::contains(format!("{number}-R2")));
}

#[test]
fn report_funnel_as_json_has_the_stages_in_order_with_counts_that_never_rise() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("a.db");
    dealdesk(&db).args(["demo", "--customers", "20", "--contacts", "0", "--products", "0", "--opportunities", "120"]).assert().success();
    // Demo opportunities are created 30–200 days before today: this year or last.
    let year = chrono_free_year();
    let mut reached_total = 0;
    for period in [year.clone(), (year.parse::<i32>().expect("year") - 1).to_string()] {
        let out = dealdesk(&db).args(["report", "funnel", "--period", &period, "--format", "json"]).output().expect("run");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        let stages: Vec<&str> = v["stages"].as_array().expect("stages").iter().map(|s| s["stage"].as_str().expect("stage")).collect();
        assert_eq!(stages, ["initial", "qualified", "proposal", "negotiation", "won"]);
        let counts: Vec<u64> = v["stages"].as_array().expect("stages").iter().map(|s| s["reached_count"].as_u64().expect("count")).collect();
        assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
        assert!(v["stages"][0]["reached_amount"].is_string(), "amounts are exact decimal strings");
        reached_total += counts[0];
    }
    // Every CNY demo deal lands in one of the two years (a tenth of them are USD).
    assert!(reached_total > 0 && reached_total <= 120);
    dealdesk(&db)
        .args(["report", "forecast", "--months", "3", "--format", "csv"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("month,count,pipeline,worst,likely,best").and(predicate::str::contains("\ntotal,")));
}

/// The current year (UTC) without a date crate: the CLI tests' dependencies stay as they are.
fn chrono_free_year() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).expect("clock").as_secs();
    // Days since 1970 → civil year (Howard Hinnant's algorithm, years only).
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let year = yoe + era * 400 + i64::from(mp >= 10);
    year.to_string()
}

#[test]
fn report_rejects_a_bad_period_naming_the_field() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("a.db");
    dealdesk(&db)
        .args(["report", "kpi", "--period", "2026-Q5"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("period").and(predicate::str::contains("2026-Q5")));
}

#[test]
fn report_abc_apply_prints_the_changes_then_leaves_nothing_to_change() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("a.db");
    dealdesk(&db).args(["demo", "--customers", "10", "--contacts", "0", "--products", "0", "--opportunities", "60"]).assert().success();
    let year = chrono_free_year();
    let first = dealdesk(&db).args(["report", "abc", "--period", &year, "--apply", "--format", "csv"]).output().expect("run");
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let text = String::from_utf8_lossy(&first.stdout);
    assert!(text.starts_with("customer,old_tier,new_tier"), "{text}");
    assert!(String::from_utf8_lossy(&first.stderr).contains("tier change(s)"));
    dealdesk(&db)
        .args(["report", "abc", "--period", &year, "--apply", "--format", "csv"])
        .assert()
        .success()
        .stdout("customer,old_tier,new_tier\n")
        .stderr(predicate::str::contains("applied 0 tier change(s)"));
}

#[test]
fn report_dashboard_shows_the_same_funnel_as_report_funnel_and_drill_lists_its_records() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("a.db");
    dealdesk(&db).args(["demo", "--customers", "20", "--contacts", "0", "--products", "0", "--opportunities", "120"]).assert().success();
    let year = chrono_free_year();
    dealdesk(&db).args(["report", "target", "set", "--period", &year, "--amount", "1,200,000"]).assert().success();
    let json = |args: &[&str]| -> serde_json::Value {
        let out = dealdesk(&db).args(args).output().expect("run");
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).expect("json")
    };
    let dashboard = json(&["report", "dashboard", "--period", &year]);
    let funnel = json(&["report", "funnel", "--period", &year, "--format", "json"]);
    assert_eq!(dashboard["funnel"], funnel, "the dashboard's funnel is the report's funnel");
    assert_eq!(dashboard["attainment"]["target"], "1200000.00");
    let won = &dashboard["kpi"]["current"];
    let drill = json(&["report", "drill", "won", "--period", &year]);
    assert_eq!(drill["count"], won["won_count"], "the won drill-down lists as many deals as the KPI counts");
    assert_eq!(drill["total"], won["won_amount"]);

    let pdf = dir.path().join("weekly.pdf");
    dealdesk(&db).args(["report", "dashboard", "--period", &year, "--pdf"]).arg(&pdf).assert().success();
    let text = pdf_text(&pdf);
    assert!(text.contains("销售周报") && text.contains("Weekly sales report"), "{text}");
    dealdesk(&db)
        .args(["report", "drill", "reached:nowhere"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("reached:nowhere").and(predicate::str::contains("not a drill target")));
}

#[test]
fn export_masks_through_a_policy_and_audit_list_shows_it_newest_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("m.db");
    let input = dir.path().join("contacts.csv");
    std::fs::write(&input, "name,mobile,email\n张伟,13812341234,zhang.wei@example.com\n").expect("write");
    dealdesk(&db).args(["import", "contacts"]).arg(&input).assert().success();
    let out = dir.path().join("for-distributor.csv");
    dealdesk(&db)
        .args(["export", "contacts", "--policy", "distributor", "--out"])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("masked with policy distributor"));
    let text = std::fs::read_to_string(&out).expect("file");
    assert!(text.contains("138****1234") && text.contains("张*") && !text.contains("13812341234"), "{text}");
    dealdesk(&db).args(["export", "contacts", "--policy", "nobody", "--out"]).arg(&out).assert().failure().stderr(predicate::str::contains("unknown policy"));
    dealdesk(&db)
        .args(["audit", "list", "--limit", "1"])
        .assert()
        .success()
        .stdout(predicate::str::contains("export").and(predicate::str::contains("policy: distributor").or(predicate::str::contains("\"policy\":\"distributor\""))).and(predicate::str::contains("1 of 2 entries")));
}
