//! Refunds and returns (负数行, pointing at the line they reverse) claw back, in the period of
//! the refund, what the original line earned, at the rate it earned: the original may be in
//! this statement or in an earlier one (passed in as `EarnedLine`). A refund that completes
//! the reversal of its original takes back exactly the original's remaining rounded share, so
//! a full refund always cancels the original to the cent; a partial refund takes
//! `round(refunded base × the original's effective rate)`.

use super::lines::{trigger_date, Classified, Triggered};
use super::sales::{EarnedLine, StatementRequest};
use super::statement::{Block, LineRole, Part, StatementLine};
use crate::error::{CoreError, CoreResult, FieldCode, FieldError};
use rust_decimal::Decimal;
use std::collections::HashMap;

fn bad(field: &str, code: FieldCode, message: String) -> CoreError {
    CoreError::Validation(vec![FieldError { field: field.into(), code, message }])
}

/// Claws back each refund in `classified.refunds`, given the lines this statement already earned.
pub fn clawbacks(req: &StatementRequest, classified: &Classified, earned_now: &[StatementLine]) -> CoreResult<Vec<StatementLine>> {
    if classified.refunds.is_empty() {
        return Ok(Vec::new());
    }
    // Only the lines refunded here need their earnings at hand.
    let wanted: std::collections::HashSet<&str> = classified.refunds.iter().filter_map(|r| r.line.refund_of.as_deref()).collect();
    let mut ledger: HashMap<String, EarnedLine> = HashMap::new();
    for e in req.earned.iter().filter(|e| wanted.contains(e.line_id.as_str())) {
        ledger.insert(e.line_id.clone(), e.clone());
    }
    for l in earned_now.iter().filter(|l| wanted.contains(l.line_id.as_str())) {
        ledger.insert(l.line_id.clone(), l.earned());
    }
    let mut out = Vec::new();
    for r in &classified.refunds {
        out.push(one(req, classified, &mut ledger, r)?);
    }
    Ok(out)
}

fn one(req: &StatementRequest, classified: &Classified, ledger: &mut HashMap<String, EarnedLine>, r: &Triggered) -> CoreResult<StatementLine> {
    let of = r.line.refund_of.clone().unwrap_or_default();
    let field = || format!("line {}.refund_of", r.line.id);
    let line = |base: Decimal, rate_pct: Decimal, amount: Decimal, share: Decimal, note: String| StatementLine {
        line_id: r.line.id.clone(),
        date: r.on,
        role: LineRole::Clawback { of: of.clone() },
        rule: format!("clawback of {of}"),
        base,
        rate_pct,
        share,
        parts: vec![Part { block: Block::Clawback, base, rate_pct, amount, note }],
    };
    let Some(orig) = ledger.get_mut(&of) else {
        return match classified.by_id.get(of.as_str()) {
            None => Err(bad(&field(), FieldCode::InvalidReference, format!("'{of}' is neither among the lines nor in earned"))),
            Some(o) => match trigger_date(req.plan.trigger, o) {
                Some(d) if d < req.period.from => Err(bad(
                    "earned",
                    FieldCode::Required,
                    format!("refund {} reverses {of}, which earned on {d}, before this period: pass that statement's line in earned", r.line.id),
                )),
                _ => Ok(line(Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, format!("{of} has not earned yet: nothing to reverse"))),
            },
        };
    };
    let remaining_base = orig.base - orig.refunded_base;
    let remaining_share = orig.share - orig.refunded_share;
    let refunded = -r.base;
    let (base, amount, share, note) = if refunded >= remaining_base {
        let note = format!("full reversal of {of}: base {remaining_base} at {}% earned {remaining_share}", orig.rate_pct);
        (-remaining_base, -remaining_share, -remaining_share, note)
    } else {
        let exact = -(refunded * orig.rate_pct / Decimal::ONE_HUNDRED);
        let note = format!("partial reversal of {of}: {refunded} of its base {} at the {}% it earned", orig.base, orig.rate_pct);
        (-refunded, exact, req.plan.round(exact), note)
    };
    orig.refunded_base -= base;
    orig.refunded_share -= share;
    Ok(line(base, orig.rate_pct, amount, share, note))
}
