//! What earlier statements of a payee settled, as the next statement needs it: the lines a
//! refund may reverse (what each earned, net of what earlier refunds already took back) and
//! the balance carried out of the period just before. The stored run (earlier statement
//! versions from the database) and the file run (earlier periods computed in sequence) both
//! read history through here, so a refund is clawed back the same way in both.

use super::sales::{EarnedLine, SalesLine};
use super::statement::{LineRole, Statement};
use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};

/// What `earlier` statements (oldest first) earned on the lines that `lines` refund.
pub fn earned_for<'s>(lines: &[SalesLine], earlier: impl IntoIterator<Item = &'s Statement>) -> Vec<EarnedLine> {
    let wanted: HashSet<&str> = lines.iter().filter_map(|l| l.refund_of.as_deref()).collect();
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut ledger: HashMap<String, EarnedLine> = HashMap::new();
    for s in earlier {
        for l in &s.lines {
            match &l.role {
                LineRole::Own | LineRole::SubPartner { .. } if wanted.contains(l.line_id.as_str()) => {
                    ledger.insert(l.line_id.clone(), l.earned());
                }
                LineRole::Clawback { of } => {
                    if let Some(e) = ledger.get_mut(of) {
                        e.refunded_base -= l.base;
                        e.refunded_share -= l.share;
                    }
                }
                _ => {}
            }
        }
    }
    let mut out: Vec<EarnedLine> = ledger.into_values().collect();
    out.sort_by(|a, b| a.line_id.cmp(&b.line_id));
    out
}

/// The balance carried into a period starting `from`: the carried-out amount of the earlier
/// statement that ended the day before, or zero when there is none.
pub fn carried_into<'s>(from: NaiveDate, earlier: impl DoubleEndedIterator<Item = &'s Statement>) -> Decimal {
    let day_before = from.checked_sub_days(Days::new(1));
    earlier.rev().find(|s| Some(s.period.to) == day_before).map(|s| s.carried_out).unwrap_or(Decimal::ZERO)
}
