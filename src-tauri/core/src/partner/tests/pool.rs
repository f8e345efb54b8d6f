//! The team pool (rep plans) and the plan's rounding rule, worked by hand.

use super::fixtures::*;
use crate::partner::pool::{team_context, RepInput};
use crate::partner::sales::{MonthlyTarget, SalesLine};
use crate::partner::statement::AdjustmentKind;
use crate::partner::{Plan, TeamContext};

const FIXED_1: &str = r#"{ "fixed_pct": "1" }"#;

fn pool_plan(pool: &str) -> Plan {
    plan_of("rep", "gross", FIXED_1, &format!(r#", "team_pool": {pool}"#))
}

fn by_rep(rep: &str, id: &str, amount: &str) -> SalesLine {
    SalesLine { rep: Some(rep.into()), ..sale(id, "2026-02-10", amount) }
}

fn quota(amount: &str) -> Vec<MonthlyTarget> {
    vec![MonthlyTarget { month: day("2026-02-01"), amount: d(amount) }]
}

/// R1 sells 300,000 (quota 250,000: 120%), R2 100,000 (quota 200,000: 50%), R3 100,000
/// (quota 100,000: 100%). Team base 500,000.
fn team_of(plan: &Plan) -> (Vec<SalesLine>, TeamContext) {
    let lines = vec![by_rep("R1", "A", "300000"), by_rep("R2", "B", "100000"), by_rep("R3", "C", "100000")];
    let (t1, t2, t3) = (quota("250000"), quota("200000"), quota("100000"));
    let reps = [
        RepInput { rep: "R1", lines: &lines, targets: &t1 },
        RepInput { rep: "R2", lines: &lines, targets: &t2 },
        RepInput { rep: "R3", lines: &lines, targets: &t3 },
    ];
    let team = team_context(plan, q1(), &reps).expect("team").expect("the plan has a pool");
    (lines, team)
}

fn pool_of(plan: &Plan, rep: &str, amount_quota: &str, lines: &[SalesLine], team: TeamContext) -> Option<String> {
    let s = Run { payee: rep, targets: quota(amount_quota), team: Some(team), ..Run::default() }.on(plan, q1(), lines);
    s.adjustments.iter().find(|a| a.kind == AdjustmentKind::TeamPool).map(|a| a.amount.to_string())
}

#[test]
fn a_pool_is_shared_by_sales_among_the_reps_who_reach_the_minimum() {
    let p = pool_plan(r#"{ "pct": "2", "min_attainment_pct": "80" }"#);
    let (lines, team) = team_of(&p);
    // R2 (50%) does not qualify: eligible base 300,000 + 100,000 = 400,000.
    assert_eq!(team, TeamContext { total_base: d("500000"), eligible_base: d("400000"), eligible_count: 2 });
    // Pool 2% × 500,000 = 10,000. R1: 10,000 × 300,000 / 400,000 = 7,500; R3: 2,500; R2: none.
    assert_eq!(pool_of(&p, "R1", "250000", &lines, team), Some("7500.00".into()));
    assert_eq!(pool_of(&p, "R3", "100000", &lines, team), Some("2500.00".into()));
    assert_eq!(pool_of(&p, "R2", "200000", &lines, team), None);
}

#[test]
fn an_equal_pool_pays_each_qualifying_rep_the_same() {
    let p = pool_plan(r#"{ "pct": "1", "split": "equal" }"#);
    let (lines, team) = team_of(&p);
    // No minimum: all three qualify. 1% × 500,000 = 5,000 / 3 = 1,666.666… → 1,666.67 each.
    assert_eq!(team.eligible_count, 3);
    for (rep, q) in [("R1", "250000"), ("R2", "200000"), ("R3", "100000")] {
        assert_eq!(pool_of(&p, rep, q, &lines, team), Some("1666.67".into()), "{rep}");
    }
}

#[test]
fn a_pool_plan_run_for_one_rep_without_the_team_is_refused() {
    let p = pool_plan(r#"{ "pct": "1" }"#);
    let e = Run { payee: "R1", targets: quota("1"), ..Run::default() }.try_on(&p, q1(), &[by_rep("R1", "A", "1000")]).expect_err("no team");
    assert!(e.to_string().contains("team pool"), "{e}");
    let bad = crate::partner::read_plan(br#"{ "schema": 1, "name": "x", "kind": "partner", "effective_from": "2026-01-01", "currency": "CNY",
        "base": "gross", "trigger": "invoice", "rate": { "fixed_pct": "1" }, "team_pool": { "pct": "1" } }"#).expect("reads");
    let e = crate::partner::validate(&bad).expect_err("partner plans have no team pool");
    assert!(e.to_string().contains("team_pool"), "{e}");
}

#[test]
fn the_plans_rounding_rule_decides_the_cent_and_the_statement_says_which() {
    // 100.50 × 1% = 1.005; 101.50 × 1% = 1.015.
    let lines = [sale("A", "2026-01-10", "100.50"), sale("B", "2026-01-11", "101.50")];
    let cases = [("half_away_from_zero", ["1.01", "1.02"], "四舍五入"), ("half_even", ["1.00", "1.02"], "四舍六入五成双"), ("down", ["1.00", "1.01"], "舍去")];
    for (rule, [a, b], words) in cases {
        let p = plan(FIXED_1, &format!(r#", "rounding": "{rule}""#));
        let s = run(&p, q1(), &lines);
        assert_eq!(shares(&s), pairs(&[("A", a), ("B", b)]), "{rule}");
        assert!(s.rounding.contains(words), "{rule}: {}", s.rounding);
    }
    let unset = run(&plan(FIXED_1, ""), q1(), &lines);
    assert_eq!(shares(&unset), pairs(&[("A", "1.01"), ("B", "1.02")]), "half away from zero unless the plan says otherwise");
}
