//! Precision and recall of `dealdesk risk check` on the fixture contracts in
//! tests/fixtures/contracts (14 zh, 14 en, two of them .docx), against labels.json — the rule
//! ids that should fire on each file, written from the rule definitions. Runs the real binary
//! per file, prints per-rule, per-set (tuning / holdout) and overall figures (`--nocapture`
//! shows them; docs/contracts.md quotes them) and requires precision and recall of at least 0.9
//! over all (file, rule) pairs.

use assert_cmd::Command;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// (true positives, false positives, false negatives).
type Counts = (u32, u32, u32);

fn fired(file: &Path) -> BTreeSet<String> {
    let out = Command::cargo_bin("dealdesk").expect("binary built").args(["risk", "check"]).arg(file).output().expect("run risk check");
    let code = out.status.code();
    assert!(matches!(code, Some(0 | 3)), "risk check {} exited {code:?}: {}", file.display(), String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    let rules: BTreeSet<String> = text
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap_or_else(|e| panic!("{}: not a JSON line ({e}): {l}", file.display())))
        .map(|v| v["rule"].as_str().expect("rule id").to_string())
        .collect();
    let high = text.contains("\"severity\":\"high\"");
    assert_eq!(code == Some(3), high, "{}: exit 3 exactly when a high flag is found", file.display());
    rules
}

fn ratio(num: u32, den: u32) -> f64 {
    if den == 0 { 1.0 } else { f64::from(num) / f64::from(den) }
}

#[test]
fn risk_check_finds_the_labelled_risks_with_precision_and_recall_of_at_least_0_9() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/contracts");
    let labels: serde_json::Value = serde_json::from_slice(&std::fs::read(dir.join("labels.json")).expect("labels.json")).expect("labels parse");
    let files = labels["files"].as_object().expect("files");
    assert!(files.len() >= 28, "the fixture set has {} files", files.len());
    let mut per_rule: BTreeMap<String, Counts> = BTreeMap::new();
    let mut per_set: BTreeMap<String, Counts> = BTreeMap::new();
    let mut misses = Vec::new();
    for (name, entry) in files {
        let expected: BTreeSet<String> = entry["expect"].as_array().expect("expect").iter().map(|v| v.as_str().expect("rule id").to_string()).collect();
        let got = fired(&dir.join(name));
        let set = entry["set"].as_str().unwrap_or("tuning").to_string();
        for rule in expected.union(&got) {
            let c = per_rule.entry(rule.clone()).or_default();
            let s = per_set.entry(set.clone()).or_default();
            match (expected.contains(rule), got.contains(rule)) {
                (true, true) => {
                    c.0 += 1;
                    s.0 += 1;
                }
                (false, true) => {
                    c.1 += 1;
                    s.1 += 1;
                    misses.push(format!("{name}: {rule} fired but is not expected (false positive)"));
                }
                (true, false) => {
                    c.2 += 1;
                    s.2 += 1;
                    misses.push(format!("{name}: {rule} expected but did not fire (false negative)"));
                }
                (false, false) => {}
            }
        }
    }
    println!("{:<8} {:>4} {:>4} {:>4} {:>9} {:>7}", "rule", "tp", "fp", "fn", "precision", "recall");
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for (rule, (t, p, n)) in &per_rule {
        println!("{rule:<8} {t:>4} {p:>4} {n:>4} {:>9.2} {:>7.2}", ratio(*t, t + p), ratio(*t, t + n));
        (tp, fp, fn_) = (tp + t, fp + p, fn_ + n);
    }
    for (set, (t, p, n)) in &per_set {
        println!("set {set:<10} tp {t:>3} fp {p:>3} fn {n:>3}  precision {:.3}  recall {:.3}", ratio(*t, t + p), ratio(*t, t + n));
    }
    let (precision, recall) = (ratio(tp, tp + fp), ratio(tp, tp + fn_));
    println!("overall: {} files, {tp} true positives, {fp} false positives, {fn_} false negatives; precision {precision:.3}, recall {recall:.3}", files.len());
    for m in &misses {
        println!("  {m}");
    }
    assert!(precision >= 0.9, "precision {precision:.3} < 0.9:\n{}", misses.join("\n"));
    assert!(recall >= 0.9, "recall {recall:.3} < 0.9:\n{}", misses.join("\n"));
}
