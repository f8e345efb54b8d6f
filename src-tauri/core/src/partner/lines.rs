//! Picks the payee's lines out of the input and checks them: which are the payee's own sales,
//! which are sub-partners' (parent override), which are refunds, which earn in the period (by
//! the plan's trigger) and which are still pending. Problems name the line (`lines[3].currency`).

use super::plan::{BaseKind, Plan, PlanKind, Trigger};
use super::sales::{SalesLine, StatementRequest};
use super::statement::PendingLine;
use crate::error::{CoreResult, FieldCode};
use crate::validate::Checker;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

/// Largest amount a line may carry (a quadrillion): sums of a million such lines stay far
/// inside `Decimal`'s range, so no arithmetic can overflow.
const MAX_AMOUNT: u64 = 1_000_000_000_000_000;

/// A line that earns (or claws back) in the period.
#[derive(Debug, Clone, Copy)]
pub struct Triggered<'a> {
    pub line: &'a SalesLine,
    pub on: NaiveDate,
    /// The plan's base of the line, ≥ 0 on a sale, ≤ 0 on a refund.
    pub base: Decimal,
}

#[derive(Debug, Default)]
pub struct Classified<'a> {
    pub own: Vec<Triggered<'a>>,
    pub sub: Vec<Triggered<'a>>,
    pub refunds: Vec<Triggered<'a>>,
    pub pending: Vec<PendingLine>,
    /// Every line of the payee (own or sub) sold or triggered up to the period's end, by id.
    pub by_id: FxHashMap<&'a str, &'a SalesLine>,
}

/// The plan's base of a line, never below zero; a refund's is the negated base of its
/// negated figures, so a full refund has exactly the original's base with a minus sign.
pub fn base_of(kind: BaseKind, line: &SalesLine) -> Decimal {
    let sign = if line.refund_of.is_some() { -Decimal::ONE } else { Decimal::ONE };
    let (amount, discount, cost) = (line.amount * sign, line.discount * sign, line.cost * sign);
    let b = match kind {
        BaseKind::Gross => amount,
        BaseKind::Net => amount - discount,
        BaseKind::Margin => amount - discount - cost,
    };
    b.max(Decimal::ZERO) * sign
}

pub fn trigger_date(trigger: Trigger, line: &SalesLine) -> Option<NaiveDate> {
    match trigger {
        Trigger::Invoice => line.invoiced_on,
        Trigger::Payment => line.paid_on,
    }
}

/// Whether the line is the payee's own (`Some(false)`), a sub-partner's (`Some(true)`) or neither.
fn role(plan: &Plan, payee: &str, line: &SalesLine) -> Option<bool> {
    match plan.kind {
        PlanKind::Rep => (line.rep.as_deref() == Some(payee)).then_some(false),
        PlanKind::Partner if line.partner_id == payee => Some(false),
        PlanKind::Partner => (plan.multi_level.is_some() && line.parent_partner_id.as_deref() == Some(payee)).then_some(true),
    }
}

fn check(c: &mut Checker, plan: &Plan, i: usize, l: &SalesLine) {
    let f = |name: &str| format!("lines[{i}].{name}");
    if l.currency != plan.currency {
        c.fail(&f("currency"), FieldCode::InvalidCurrency, format!("line {}: {}, but this plan's statements are in {}", l.id, l.currency, plan.currency));
    }
    let max = Decimal::from(MAX_AMOUNT);
    for (name, v) in [("quantity", l.quantity), ("amount", l.amount), ("discount", l.discount), ("cost", l.cost)] {
        if v.abs() > max {
            c.fail(&f(name), FieldCode::OutOfRange, format!("line {}: beyond ±{max}", l.id));
        }
    }
    match &l.refund_of {
        None => {
            for (name, v) in [("amount", l.amount), ("discount", l.discount), ("cost", l.cost)] {
                if v.is_sign_negative() && !v.is_zero() {
                    c.fail(&f(name), FieldCode::Negative, format!("line {}: negative on a sale; a refund needs refund_of", l.id));
                }
            }
        }
        Some(of) if of == &l.id => c.fail(&f("refund_of"), FieldCode::InvalidReference, format!("line {} refunds itself", l.id)),
        Some(_) => {
            for (name, v) in [("amount", l.amount), ("discount", l.discount), ("cost", l.cost)] {
                if v.is_sign_positive() && !v.is_zero() {
                    c.fail(&f(name), FieldCode::OutOfRange, format!("line {}: a refund's figures are negative", l.id));
                }
            }
        }
    }
}

pub fn classify<'a>(req: &StatementRequest<'a>) -> CoreResult<Classified<'a>> {
    let plan = req.plan;
    let mut c = Checker::new();
    let mut out = Classified::default();
    for (i, line) in req.lines.iter().enumerate() {
        if line.id.trim().is_empty() {
            c.fail(&format!("lines[{i}].id"), FieldCode::Required, "every line needs an id");
        }
        // Other payees' lines are not this statement's business (their ids included).
        let Some(sub) = role(plan, req.payee, line) else { continue };
        // Sold and triggered after the period: nothing to earn, pend or reverse here (it is
        // checked in the statement of its own period).
        let trigger = trigger_date(plan.trigger, line);
        if line.date > req.period.to && trigger.is_none_or(|t| t > req.period.to) {
            continue;
        }
        check(&mut c, plan, i, line);
        if out.by_id.insert(line.id.as_str(), line).is_some() && !line.id.trim().is_empty() {
            c.fail(&format!("lines[{i}].id"), FieldCode::Duplicate, format!("line id {} appears twice", line.id));
        }
        let base = base_of(plan.base, line);
        match trigger {
            None if line.date <= req.period.to => {
                let reason = match plan.trigger {
                    Trigger::Invoice => "not invoiced yet",
                    Trigger::Payment => "not paid in full yet",
                };
                out.pending.push(PendingLine { line_id: line.id.clone(), reason: reason.into() });
            }
            Some(on) if on > req.period.to && line.date <= req.period.to => {
                let verb = match plan.trigger {
                    Trigger::Invoice => "invoiced",
                    Trigger::Payment => "paid in full",
                };
                out.pending.push(PendingLine { line_id: line.id.clone(), reason: format!("{verb} on {on}, after this period") });
            }
            Some(on) if req.period.contains(on) => {
                let t = Triggered { line, on, base };
                match (line.refund_of.is_some(), sub) {
                    (true, _) => out.refunds.push(t),
                    (false, true) => out.sub.push(t),
                    (false, false) => out.own.push(t),
                }
            }
            _ => {}
        }
    }
    c.finish()?;
    for list in [&mut out.own, &mut out.sub, &mut out.refunds] {
        list.sort_by(|a, b| (a.on, &a.line.id).cmp(&(b.on, &b.line.id)));
    }
    Ok(out)
}
