//! Targets: the period attainment (period base over the period's targets) and the quarterly
//! target bonus (连续3个月达标). The whole calendar months of the period are cut into blocks of
//! `months` from the period's first month; a block whose every month reaches
//! `min_attainment_pct` of its own target earns the bonus once: `amount`, plus
//! `round(rate_pct × the block's base)`. Bases are the payee's own sales that earned in the
//! month (refunds do not lower attainment; they are clawed back on their own lines).

use super::lines::Triggered;
use super::plan::QuarterlyBonus;
use super::sales::{MonthlyTarget, Period};
use super::statement::{Adjustment, AdjustmentKind};
use crate::money::round_to_minor_units;
use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;

fn month_key(d: NaiveDate) -> (i32, u32) {
    (d.year(), d.month())
}

fn target_of(targets: &[MonthlyTarget], key: (i32, u32)) -> Decimal {
    targets.iter().filter(|t| month_key(t.month) == key).map(|t| t.amount).sum()
}

/// Σ targets of the months the period touches; `None` when there is none or it is not positive.
pub fn period_target(targets: &[MonthlyTarget], period: Period) -> Option<Decimal> {
    let (from, to) = (month_key(period.from), month_key(period.to));
    let sum: Decimal = targets.iter().filter(|t| (from..=to).contains(&month_key(t.month))).map(|t| t.amount).sum();
    (sum > Decimal::ZERO).then_some(sum)
}

/// First days of the calendar months lying wholly inside the period.
fn whole_months(period: Period) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let Some(mut first) = period.from.with_day(1) else { return out };
    if first < period.from {
        first = first.checked_add_months(Months::new(1)).unwrap_or(NaiveDate::MAX);
    }
    while let Some(next) = first.checked_add_months(Months::new(1)) {
        if next.pred_opt().is_none_or(|last| last > period.to) || out.len() > 1200 {
            break;
        }
        out.push(first);
        first = next;
    }
    out
}

pub fn quarterly_bonus(b: &QuarterlyBonus, period: Period, own: &[Triggered], targets: &[MonthlyTarget], currency: &str) -> Vec<Adjustment> {
    let months = whole_months(period);
    let size = usize::try_from(b.months).unwrap_or(usize::MAX).max(1);
    let mut out = Vec::new();
    for block in months.chunks(size).filter(|c| c.len() == size) {
        let mut block_base = Decimal::ZERO;
        let mut shown = Vec::new();
        let mut all = true;
        for m in block {
            let key = month_key(*m);
            let base: Decimal = own.iter().filter(|t| month_key(t.on) == key).map(|t| t.base).sum();
            let target = target_of(targets, key);
            block_base += base;
            all &= target > Decimal::ZERO && base * Decimal::ONE_HUNDRED >= target * b.min_attainment_pct;
            let pct = if target > Decimal::ZERO { format!("{}%", (base * Decimal::ONE_HUNDRED / target).round_dp(2)) } else { "no target".into() };
            shown.push(format!("{}-{:02} {pct}", key.0, key.1));
        }
        if !all {
            continue;
        }
        let fixed = b.amount.unwrap_or(Decimal::ZERO);
        let from_rate = b.rate_pct.map_or(Decimal::ZERO, |r| round_to_minor_units(block_base * r / Decimal::ONE_HUNDRED, currency));
        let mut note = format!("{} consecutive months at ≥ {}% of target ({})", size, b.min_attainment_pct, shown.join(", "));
        if let Some(r) = b.rate_pct {
            note.push_str(&format!(": {fixed} + {r}% of {block_base}"));
        }
        out.push(Adjustment { kind: AdjustmentKind::QuarterlyBonus, amount: fixed + from_rate, note });
    }
    out
}
