//! Settling a period: the carried balance and bonuses are added to the line shares, then the
//! plan's cap and floor apply. In order:
//! 1. available = Σ line shares + carried_in + bonuses;
//! 2. available < 0 (clawbacks beyond earnings): nothing is paid and the whole debt is carried
//!    to the next statement, whatever the excess setting (a debt is not an excess), and the
//!    floor does not apply;
//! 3. above the cap: the cap is paid; the excess is carried forward or forfeited (plan setting);
//! 4. below the floor: the floor is paid, the company tops up the difference (not carried).
//!
//! Each step that changes the amount is an adjustment row, so total = lines + adjustments.

use super::plan::{Excess, Limits};
use super::statement::{Adjustment, AdjustmentKind};
use rust_decimal::Decimal;

#[derive(Debug, Clone, PartialEq)]
pub struct Settled {
    pub adjustments: Vec<Adjustment>,
    pub total: Decimal,
    pub carried_out: Decimal,
    pub forfeited: Decimal,
}

pub fn settle(limits: Option<&Limits>, lines_total: Decimal, mut adjustments: Vec<Adjustment>) -> Settled {
    let available = lines_total + adjustments.iter().map(|a| a.amount).sum::<Decimal>();
    let cap = limits.and_then(|l| l.cap);
    let floor = limits.and_then(|l| l.floor);
    let mut settled = Settled { adjustments: Vec::new(), total: available, carried_out: Decimal::ZERO, forfeited: Decimal::ZERO };
    if available < Decimal::ZERO {
        adjustments.push(Adjustment {
            kind: AdjustmentKind::NegativeCarriedForward,
            amount: -available,
            note: format!("clawbacks exceed earnings by {}: nothing is paid, the balance is recovered from the next statement", -available),
        });
        settled.total = Decimal::ZERO;
        settled.carried_out = available;
    } else if let Some(cap) = cap.filter(|c| available > *c) {
        let excess = available - cap;
        let forfeit = limits.and_then(|l| l.excess) == Some(Excess::Forfeit);
        let (kind, note) = if forfeit {
            (AdjustmentKind::CapForfeited, format!("cap {cap}: {excess} above it is forfeited"))
        } else {
            (AdjustmentKind::CapCarriedForward, format!("cap {cap}: {excess} above it is carried to the next statement"))
        };
        adjustments.push(Adjustment { kind, amount: -excess, note });
        settled.total = cap;
        if forfeit {
            settled.forfeited = excess;
        } else {
            settled.carried_out = excess;
        }
    } else if let Some(floor) = floor.filter(|f| available < *f) {
        let top_up = floor - available;
        adjustments.push(Adjustment { kind: AdjustmentKind::FloorTopUp, amount: top_up, note: format!("floor {floor}: {top_up} topped up") });
        settled.total = floor;
    }
    settled.adjustments = adjustments;
    settled
}
