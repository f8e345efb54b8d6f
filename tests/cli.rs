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
