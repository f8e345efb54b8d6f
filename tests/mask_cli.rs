//! `dealdesk mask scan|apply` through the real binary: JSON lines with character offsets,
//! masked CSV and text, clear errors for bad policies and files, no output file left behind
//! on failure, and no database created.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;

fn dealdesk(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("dealdesk").expect("binary built");
    cmd.arg("--db").arg(dir.join("never.db")).env_remove("DEALDESK_DB").env("DEALDESK_DATA_DIR", dir);
    cmd
}

const NOTE: &str = "联系人：张伟，电话13812345678，身份证11010519491231002X，邮箱zhang.wei@example.com\n";

#[test]
fn scan_prints_one_json_object_per_detection_without_the_values() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("note.txt");
    std::fs::write(&file, NOTE).expect("write");
    let out = dealdesk(dir.path()).args(["mask", "scan"]).arg(&file).assert().success().get_output().stdout.clone();
    let out = String::from_utf8(out).expect("utf8");
    assert!(!out.contains("13812345678") && !out.contains("张伟"), "no personal data without --show: {out}");
    let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).expect("json line")).collect();
    let kinds: Vec<&str> = lines.iter().filter_map(|v| v["kind"].as_str()).collect();
    assert_eq!(kinds, ["name", "mobile", "resident_id", "email"]);
    let chars: Vec<char> = NOTE.chars().collect();
    let (start, end) = (lines[1]["start"].as_u64().unwrap_or(0) as usize, lines[1]["end"].as_u64().unwrap_or(0) as usize);
    assert_eq!(chars[start..end].iter().collect::<String>(), "13812345678", "character offsets, not bytes");
    assert!(lines.iter().all(|v| v["confidence"].as_f64().is_some_and(|c| c > 0.0 && c <= 1.0)));
    assert!(!dir.path().join("never.db").exists(), "scan opens no database");

    dealdesk(dir.path()).args(["mask", "scan", "--show"]).arg(&file).assert().success().stdout(predicate::str::contains("\"text\":\"13812345678\""));
    dealdesk(dir.path())
        .args(["mask", "scan", "--format", "text"])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains("line 1, column 10").and(predicate::str::contains("mobile")));
}

#[test]
fn apply_masks_a_csv_by_its_headers_and_keeps_its_shape() {
    let dir = tempfile::tempdir().expect("dir");
    let (input, out) = (dir.path().join("contacts.csv"), dir.path().join("masked.csv"));
    std::fs::write(&input, "姓名,手机号,email,备注\n欧阳娜娜,13812345678,na.ouyang@example.com,身份证11010519491231002X\n").expect("write");
    dealdesk(dir.path())
        .args(["mask", "apply", "--in"])
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("masked 4 value(s) in 1 row(s)").and(predicate::str::contains("policy default")));
    assert_eq!(
        std::fs::read_to_string(&out).expect("read"),
        "姓名,手机号,email,备注\n欧阳**,138****5678,n***@example.com,身份证110105********002X\n"
    );
    assert!(!dir.path().join("never.db").exists(), "apply opens no database");

    let text = dir.path().join("note.txt");
    std::fs::write(&text, NOTE).expect("write");
    let shown = dir.path().join("shown.txt");
    dealdesk(dir.path()).args(["mask", "apply", "--policy", "trade_show", "--in"]).arg(&text).arg("--out").arg(&shown).assert().success();
    assert_eq!(std::fs::read_to_string(&shown).expect("read"), "联系人：[name]，电话[mobile]，身份证[resident_id]，邮箱[email]\n");
}

#[test]
fn bad_policies_and_files_fail_clearly_and_write_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let (input, out) = (dir.path().join("note.txt"), dir.path().join("out.txt"));
    std::fs::write(&input, NOTE).expect("write");
    dealdesk(dir.path())
        .args(["mask", "apply", "--policy", "everyone", "--in"])
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .assert()
        .failure()
        .stderr(predicate::str::contains("unknown policy 'everyone'"));
    let policy = dir.path().join("p.json");
    std::fs::write(&policy, r#"{"rules": {"mobil": "mask"}}"#).expect("write");
    dealdesk(dir.path())
        .args(["mask", "apply", "--policy"])
        .arg(&policy)
        .arg("--in")
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .assert()
        .failure()
        .stderr(predicate::str::contains("rules.mobil").and(predicate::str::contains("unknown kind")));
    let gbk = dir.path().join("gbk.txt");
    std::fs::write(&gbk, b"\xd5\xc5\xce\xb0 13812345678").expect("write");
    dealdesk(dir.path()).args(["mask", "apply", "--in"]).arg(&gbk).arg("--out").arg(&out).assert().failure().stderr(predicate::str::contains("not UTF-8"));
    dealdesk(dir.path()).args(["mask", "scan"]).arg(dir.path().join("missing.txt")).assert().failure().stderr(predicate::str::contains("cannot read"));
    assert!(!out.exists(), "no output after a failure");
    let parts = std::fs::read_dir(dir.path()).expect("dir").filter_map(Result::ok).filter(|e| e.file_name().to_string_lossy().ends_with(".part")).count();
    assert_eq!(parts, 0, "no temporary file left");
}
