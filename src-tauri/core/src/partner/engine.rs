//! The statement engine: one plan, one period, one payee, plain sales rows in; a statement
//! with every line's base, rate, reason and share out. Order of work: pick and check the lines
//! (`lines`), earn the payee's own lines (rule: the most specific override, else the plan
//! default; then service points), earn the parent override on sub-partners' lines, claw back
//! refunds (`clawback`), add the carried balance and bonuses (`bonus`), apply cap and floor
//! (`limits`). Rounding: see the module header in `partner/mod.rs`.

use super::bonus::{period_target, quarterly_bonus, team_pool_share};
use super::clawback::clawbacks;
use super::limits::settle;
use super::lines::{classify, Triggered};
use super::plan::{Override, Plan, RateRule, Service};
use super::rate::{parts, Position};
use super::sales::StatementRequest;
use super::statement::{Adjustment, AdjustmentKind, Block, LineRole, Part, Statement, StatementLine};
use super::validate::validate;
use crate::error::{CoreError, CoreResult, FieldCode, FieldError};
use crate::money::{minor_units, round_to_minor_units};
use rust_decimal::Decimal;

fn bad(field: &str, code: FieldCode, message: impl Into<String>) -> CoreError {
    CoreError::Validation(vec![FieldError { field: field.into(), code, message: message.into() }])
}

/// The rule for a line: product line + customer type > product line > customer type > default.
/// Names compare trimmed and case-insensitively.
pub fn rule_for<'p>(plan: &'p Plan, product_line: &str, customer_type: &str) -> (&'p RateRule, String) {
    let same = |a: &Option<String>, b: &str| a.as_deref().is_some_and(|a| a.trim().eq_ignore_ascii_case(b.trim()));
    let rank = |o: &Override| match (&o.product_line, &o.customer_type) {
        (Some(_), Some(_)) if same(&o.product_line, product_line) && same(&o.customer_type, customer_type) => 3,
        (Some(_), None) if same(&o.product_line, product_line) => 2,
        (None, Some(_)) if same(&o.customer_type, customer_type) => 1,
        _ => 0,
    };
    let best = plan.overrides.iter().enumerate().map(|(i, o)| (rank(o), i, o)).filter(|(r, _, _)| *r > 0).max_by_key(|(r, i, _)| (*r, usize::MAX - i));
    match best {
        Some((_, i, o)) => {
            let what = match (&o.product_line, &o.customer_type) {
                (Some(p), Some(c)) => format!("product line {p} + customer type {c}"),
                (Some(p), None) => format!("product line {p}"),
                (None, Some(c)) => format!("customer type {c}"),
                (None, None) => String::new(),
            };
            (&o.rate, format!("overrides[{i}]: {what}"))
        }
        None => (&plan.rate, "plan default".into()),
    }
}

fn uses_attainment(plan: &Plan) -> bool {
    !plan.rate.attainment.is_empty() || plan.overrides.iter().any(|o| !o.rate.attainment.is_empty())
}

fn finish_line(plan: &Plan, t: &Triggered, role: LineRole, rule: String, mut parts: Vec<Part>) -> StatementLine {
    let mut exact: Decimal = parts.iter().map(|p| p.amount).sum();
    if exact < Decimal::ZERO && t.base >= Decimal::ZERO {
        parts.push(Part { block: Block::ZeroFloor, base: t.base, rate_pct: Decimal::ZERO, amount: -exact, note: "reductions cannot take a line below 0".into() });
        exact = Decimal::ZERO;
    }
    let rate_pct = if t.base.is_zero() { Decimal::ZERO } else { exact * Decimal::ONE_HUNDRED / t.base };
    StatementLine { line_id: t.line.id.clone(), date: t.on, role, rule, base: t.base, rate_pct, share: plan.round(exact), parts }
}

fn service_parts(req: &StatementRequest, t: &Triggered) -> Vec<Part> {
    let mut out = Vec::new();
    for s in &req.plan.service {
        let applies = match s.service {
            Service::Satisfaction => req.satisfaction_score.zip(s.min_score).is_some_and(|(score, min)| score >= min),
            other => t.line.services.contains(&other),
        };
        if applies {
            let what = match s.service {
                Service::Installation => "installation".to_string(),
                Service::Training => "training".to_string(),
                Service::AfterSales => "after-sales".to_string(),
                Service::Satisfaction => format!("satisfaction score ≥ {}", s.min_score.unwrap_or_default()),
            };
            let sign = if s.points.is_sign_negative() { "" } else { "+" };
            let amount = t.base * s.points / Decimal::ONE_HUNDRED;
            out.push(Part { block: Block::Service { service: s.service }, base: t.base, rate_pct: s.points, amount, note: format!("service: {what} {sign}{} pt", s.points) });
        }
    }
    out
}

/// Computes one payee's statement for one period.
pub fn statement(req: &StatementRequest) -> CoreResult<Statement> {
    let plan = req.plan;
    validate(plan)?;
    let currency = plan.currency.as_str();
    let units = minor_units(currency).unwrap_or(2);
    if req.period.from > req.period.to {
        return Err(bad("period", FieldCode::OutOfRange, "the period ends before it starts"));
    }
    if req.period.from < plan.effective_from {
        return Err(bad("period", FieldCode::OutOfRange, format!("the plan takes effect on {}; the period starts on {}", plan.effective_from, req.period.from)));
    }
    if req.carried_in.normalize().scale() > units {
        return Err(bad("carried_in", FieldCode::TooManyDecimals, format!("has more than {units} decimal places for {currency}")));
    }
    let classified = classify(req)?;
    let period_total: Decimal = classified.own.iter().map(|t| t.base).sum();
    let target = period_target(req.targets, req.period);
    let attainment_pct = target.map(|t| period_total * Decimal::ONE_HUNDRED / t);
    if uses_attainment(plan) && attainment_pct.is_none() {
        return Err(bad("targets", FieldCode::Required, "this plan pays by attainment: give a positive target for the period"));
    }
    let mut lines = Vec::new();
    let mut cumulative = Decimal::ZERO;
    for t in &classified.own {
        let (rule, rule_name) = rule_for(plan, &t.line.product_line, &t.line.customer_type);
        let at = Position { cumulative_before: cumulative, period_total, attainment_pct };
        let mut p = parts(rule, t.base, &at).map_err(|m| bad("targets", FieldCode::Required, m))?;
        p.extend(service_parts(req, t));
        lines.push(finish_line(plan, t, LineRole::Own, rule_name, p));
        cumulative += t.base;
    }
    if let Some(ml) = &plan.multi_level {
        for t in &classified.sub {
            let note = format!("parent override {}% on sub-partner {}'s sale", ml.override_pct, t.line.partner_id);
            let amount = t.base * ml.override_pct / Decimal::ONE_HUNDRED;
            let part = Part { block: Block::ParentOverride, base: t.base, rate_pct: ml.override_pct, amount, note };
            let role = LineRole::SubPartner { partner_id: t.line.partner_id.clone() };
            lines.push(finish_line(plan, t, role, "multi_level".into(), vec![part]));
        }
    }
    let claws = clawbacks(req, &classified, &lines)?;
    lines.extend(claws);
    let lines_total: Decimal = lines.iter().map(|l| l.share).sum();
    let mut adjustments = Vec::new();
    if !req.carried_in.is_zero() {
        adjustments.push(Adjustment { kind: AdjustmentKind::CarriedIn, amount: req.carried_in, note: "balance carried from the previous statement".into() });
    }
    if let Some(b) = &plan.quarterly_bonus {
        adjustments.extend(quarterly_bonus(plan, b, req.period, &classified.own, req.targets));
    }
    if let Some(pool) = &plan.team_pool {
        let team = req.team.ok_or_else(|| bad("team", FieldCode::Required, "this plan shares a team pool: run every rep of the team together"))?;
        adjustments.extend(team_pool_share(plan, pool, &team, period_total, attainment_pct));
    }
    let mut settled = settle(plan.limits.as_ref(), lines_total, adjustments);
    // Every figure is already in minor units; this only writes them with the currency's scale.
    let money = |v: Decimal| round_to_minor_units(v, currency);
    for a in &mut settled.adjustments {
        a.amount = money(a.amount);
    }
    Ok(Statement {
        payee: req.payee.to_string(),
        plan_name: plan.name.clone(),
        currency: plan.currency.clone(),
        period: req.period,
        rounding: format!("each line's share is rounded once, {}, to {units} decimal place(s) ({currency}); totals are sums of rounded figures", plan.rounding().words()),
        lines,
        pending: classified.pending,
        adjustments: settled.adjustments,
        lines_total: money(lines_total),
        total: money(settled.total),
        carried_out: money(settled.carried_out),
        forfeited: money(settled.forfeited),
        attainment_pct,
    })
}
