//! The file run: the statement of a period from sales lines alone equals the one the engine
//! gives when every earlier period is run in turn by hand (carried balances, clawbacks), for
//! every payee, whatever order the lines come in.

use super::run;
use crate::partner::statement::{AdjustmentKind, LineRole};
use crate::partner::tests::fixtures::*;
use std::collections::HashMap;

fn by(partner: &str, line: crate::partner::SalesLine) -> crate::partner::SalesLine {
    crate::partner::SalesLine { partner_id: partner.into(), ..line }
}

#[test]
fn each_partner_gets_its_own_statement_with_marginal_tiers_over_its_own_period() {
    let p = plan(&tiers("marginal", "period"), "");
    // P1: 150,000 in Q1 → 100,000 × 3% + 50,000 × 5% = 5,500. P2: 80,000 → 2,400.
    let lines = vec![sale("A", "2026-01-10", "90000"), by("P2", sale("B", "2026-02-01", "80000")), sale("C", "2026-03-01", "60000")];
    let r = run(&p, lines, &HashMap::new(), "2026-Q1", None).expect("run");
    let totals: Vec<(String, String)> = r.statements.iter().map(|s| (s.payee.clone(), s.total.to_string())).collect();
    assert_eq!(totals, pairs(&[("P1", "5500.00"), ("P2", "2400.00")]));
    assert!(r.earlier.is_empty(), "Q1 is the plan's first quarter");
    for s in &r.statements {
        assert_balanced(s);
    }
}

#[test]
fn a_refund_in_q3_claws_back_what_its_q2_original_earned() {
    let p = plan(r#"{ "fixed_pct": "5" }"#, "");
    // Q2: A 100,000 × 5% = 5,000 paid. Q3: A refunded in full (−5,000), B 30,000 → 1,500:
    // lines −3,500, nothing paid, −3,500 carried out.
    let lines = vec![sale("B", "2026-08-01", "30000"), refund("R", "2026-07-20", "-100000", "A"), sale("A", "2026-05-01", "100000")];
    let r = run(&p, lines, &HashMap::new(), "2026-Q3", None).expect("run");
    assert_eq!(r.earlier, vec!["2026-Q2".to_string()], "Q1 has no line: the chain starts in Q2");
    let s = &r.statements[0];
    assert_eq!(shares(s), pairs(&[("B", "1500.00"), ("R", "-5000.00")]));
    assert_eq!(s.lines[1].role, LineRole::Clawback { of: "A".into() });
    assert_eq!((s.total.to_string(), s.carried_out.to_string()), ("0.00".into(), "-3500.00".into()));
}

#[test]
fn the_excess_over_a_cap_is_carried_into_the_next_month() {
    let p = plan(r#"{ "fixed_pct": "10" }"#, r#", "limits": { "cap": "1000.00", "excess": "carry_forward" }"#);
    // January: 15,000 × 10% = 1,500, capped at 1,000, 500 carried. February: 2,000 → 200 + 500 = 700.
    let lines = vec![sale("A", "2026-01-10", "15000"), sale("B", "2026-02-10", "2000")];
    let r = run(&p, lines, &HashMap::new(), "2026-02", None).expect("run");
    assert_eq!(r.earlier, vec!["2026-01".to_string()]);
    let s = &r.statements[0];
    assert_eq!(s.total.to_string(), "700.00");
    assert!(s.adjustments.iter().any(|a| a.kind == AdjustmentKind::CarriedIn && a.amount.to_string() == "500.00"), "{:?}", s.adjustments);
}

#[test]
fn a_parent_earns_its_override_on_sub_partners_sales_even_without_sales_of_its_own() {
    let p = plan(r#"{ "fixed_pct": "5" }"#, r#", "multi_level": { "override_pct": "2" }"#);
    let sub = |id: &str, amount: &str| crate::partner::SalesLine { parent_partner_id: Some("TOP".into()), ..by("S1", sale(id, "2026-02-01", amount)) };
    let r = run(&p, vec![sub("A", "10000"), sub("B", "5000")], &HashMap::new(), "2026-Q1", None).expect("run");
    let totals: Vec<(String, String)> = r.statements.iter().map(|s| (s.payee.clone(), s.total.to_string())).collect();
    // S1: 15,000 × 5% = 750. TOP: 15,000 × 2% = 300 on its sub-partner's lines.
    assert_eq!(totals, pairs(&[("S1", "750.00"), ("TOP", "300.00")]));
}

#[test]
fn the_order_of_the_lines_in_the_file_does_not_matter() {
    let p = plan(&tiers("marginal", "period"), "");
    let mut lines = Vec::new();
    for i in 0..40 {
        let partner = ["P1", "P2", "P3"][i % 3];
        lines.push(by(partner, sale(&format!("L{i:02}"), &format!("2026-{:02}-{:02}", 1 + i % 6, 1 + i % 27), &format!("{}", 7000 + i * 1311))));
    }
    let forward = run(&p, lines.clone(), &HashMap::new(), "2026-Q2", None).expect("run");
    lines.reverse();
    let backward = run(&p, lines, &HashMap::new(), "2026-Q2", None).expect("run");
    assert_eq!(forward.statements, backward.statements);
    assert_eq!(forward.statements.len(), 3);
}

#[test]
fn one_partner_only_and_an_unknown_one_is_named() {
    let p = plan(r#"{ "fixed_pct": "5" }"#, "");
    let lines = vec![sale("A", "2026-01-10", "1000"), by("P2", sale("B", "2026-01-11", "2000"))];
    let r = run(&p, lines.clone(), &HashMap::new(), "2026-Q1", Some("P2")).expect("run");
    assert_eq!(r.statements.iter().map(|s| s.payee.as_str()).collect::<Vec<_>>(), vec!["P2"]);
    let e = run(&p, lines, &HashMap::new(), "2026-Q1", Some("P9")).expect_err("unknown partner");
    assert!(e.to_string().contains("P9"), "{e}");
}

#[test]
fn a_rep_plan_pays_every_rep_by_attainment_of_the_quotas_given() {
    let p = plan_of("rep", "gross", r#"{ "attainment": [ { "from_pct": "80", "to_pct": "100", "rate_pct_from": "3", "rate_pct_to": "5" }, { "from_pct": "100", "rate_pct_from": "5" } ] }"#, "");
    // R1 sells 90,000 against 100,000 (90% → 4%): 3,600.
    let lines = vec![sale("A", "2026-01-10", "90000")];
    let quotas = HashMap::from([("R1".to_string(), vec![crate::partner::MonthlyTarget { month: day("2026-01-01"), amount: d("100000") }])]);
    let r = run(&p, lines.clone(), &quotas, "2026-01", None).expect("run");
    assert_eq!((r.statements[0].payee.as_str(), r.statements[0].total.to_string()), ("R1", "3600.00".to_string()));
    let e = run(&p, lines, &HashMap::new(), "2026-01", None).expect_err("no quotas");
    assert!(e.to_string().contains("rep R1") && e.to_string().contains("target"), "{e}");
}

#[test]
fn a_team_pool_is_shared_over_every_rep_even_when_one_rep_is_asked_for() {
    let p = plan_of("rep", "gross", r#"{ "fixed_pct": "1" }"#, r#", "team_pool": { "pct": "2" }"#);
    let rep = |r: &str, id: &str, amount: &str| crate::partner::SalesLine { rep: Some(r.into()), ..sale(id, "2026-01-10", amount) };
    // Team base 400,000 → pool 8,000; R1 has 300,000 of it: 6,000 + its own 1% (3,000).
    let lines = vec![rep("R1", "A", "300000"), rep("R2", "B", "100000")];
    let r = run(&p, lines, &HashMap::new(), "2026-01", Some("R1")).expect("run");
    assert_eq!(r.statements.len(), 1);
    assert_eq!(r.statements[0].total.to_string(), "9000.00");
}
