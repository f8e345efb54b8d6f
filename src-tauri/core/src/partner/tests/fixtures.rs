//! Hand-made rows for the engine tests: a sale with sensible defaults, plans from short JSON,
//! and a one-call statement.

use crate::partner::plan::Plan;
use crate::partner::sales::{EarnedLine, MonthlyTarget, Period, SalesLine, StatementRequest};
use crate::partner::statement::Statement;
use crate::partner::{read_plan, statement};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::str::FromStr;

pub fn d(s: &str) -> Decimal {
    Decimal::from_str(s).expect("decimal literal")
}

pub fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date literal")
}

pub fn period(from: &str, to: &str) -> Period {
    Period { from: day(from), to: day(to) }
}

pub fn q1() -> Period {
    period("2026-01-01", "2026-03-31")
}

pub fn q2() -> Period {
    period("2026-04-01", "2026-06-30")
}

/// A CNY sale by partner P1, invoiced and paid on `on`, no discount, no cost.
pub fn sale(id: &str, on: &str, amount: &str) -> SalesLine {
    SalesLine {
        id: id.into(),
        date: day(on),
        partner_id: "P1".into(),
        parent_partner_id: None,
        rep: Some("R1".into()),
        customer_type: "enterprise".into(),
        product_line: "storage".into(),
        quantity: Decimal::ONE,
        amount: d(amount),
        discount: Decimal::ZERO,
        cost: Decimal::ZERO,
        currency: "CNY".into(),
        invoiced_on: Some(day(on)),
        paid_on: Some(day(on)),
        services: Vec::new(),
        refund_of: None,
    }
}

/// A refund of `of` (amount given negative).
pub fn refund(id: &str, on: &str, amount: &str, of: &str) -> SalesLine {
    SalesLine { refund_of: Some(of.into()), ..sale(id, on, amount) }
}

/// A partner plan (gross base, invoice trigger) whose default rate is `rate_json` and whose
/// other top-level fields are `extra` (a JSON fragment starting with a comma, or "").
pub fn plan(rate_json: &str, extra: &str) -> Plan {
    plan_of("partner", "gross", rate_json, extra)
}

pub fn plan_of(kind: &str, base: &str, rate_json: &str, extra: &str) -> Plan {
    let json = format!(
        r#"{{ "schema": 1, "name": "test", "kind": "{kind}", "effective_from": "2026-01-01", "currency": "CNY",
             "base": "{base}", "trigger": "invoice", "rate": {rate_json} {extra} }}"#
    );
    let plan = read_plan(json.as_bytes()).unwrap_or_else(|e| panic!("{e}\n{json}"));
    crate::partner::validate(&plan).unwrap_or_else(|e| panic!("{e}\n{json}"));
    plan
}

pub const TIERS: &str = r#"[
    { "from": "0", "to": "100000", "rate_pct": "3" },
    { "from": "100000", "to": "500000", "rate_pct": "5" },
    { "from": "500000", "rate_pct": "8" } ]"#;

pub fn tiers(mode: &str, over: &str) -> String {
    format!(r#"{{ "tier_mode": "{mode}", "tier_over": "{over}", "tiers": {TIERS} }}"#)
}

pub struct Run<'a> {
    pub payee: &'a str,
    pub carried_in: Decimal,
    pub earned: Vec<EarnedLine>,
    pub targets: Vec<MonthlyTarget>,
    pub satisfaction_score: Option<Decimal>,
    pub team: Option<crate::partner::TeamContext>,
}

impl Default for Run<'_> {
    fn default() -> Self {
        Self { payee: "P1", carried_in: Decimal::ZERO, earned: Vec::new(), targets: Vec::new(), satisfaction_score: None, team: None }
    }
}

impl Run<'_> {
    pub fn try_on(&self, plan: &Plan, p: Period, lines: &[SalesLine]) -> crate::error::CoreResult<Statement> {
        let req = StatementRequest {
            plan,
            period: p,
            payee: self.payee,
            lines,
            carried_in: self.carried_in,
            earned: &self.earned,
            targets: &self.targets,
            satisfaction_score: self.satisfaction_score,
            team: self.team,
        };
        statement(&req)
    }

    pub fn on(&self, plan: &Plan, p: Period, lines: &[SalesLine]) -> Statement {
        let s = self.try_on(plan, p, lines).unwrap_or_else(|e| panic!("{e}"));
        assert_balanced(&s);
        s
    }
}

pub fn run(plan: &Plan, p: Period, lines: &[SalesLine]) -> Statement {
    Run::default().on(plan, p, lines)
}

/// Every cent explained: the statement total is the line shares plus the adjustments.
pub fn assert_balanced(s: &Statement) {
    let lines: Decimal = s.lines.iter().map(|l| l.share).sum();
    assert_eq!(lines, s.lines_total);
    let adj: Decimal = s.adjustments.iter().map(|a| a.amount).sum();
    assert_eq!(s.lines_total + adj, s.total, "{s:#?}");
    for l in &s.lines {
        assert_eq!(l.share.scale(), 2, "{} rounded to minor units", l.line_id);
    }
}

/// The shares by line id, as strings, for compact assertions.
pub fn shares(s: &Statement) -> Vec<(String, String)> {
    s.lines.iter().map(|l| (l.line_id.clone(), l.share.to_string())).collect()
}

pub fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}
