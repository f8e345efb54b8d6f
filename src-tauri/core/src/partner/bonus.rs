//! Targets: the period attainment (period base over the period's targets) and the quarterly
//! target bonus (连续3个月达标). The whole calendar months of the period are cut into blocks of
//! `months` from the period's first month; a block whose every month reaches
//! `min_attainment_pct` of its own target earns the bonus once: `amount`, plus
//! `round(rate_pct × the block's base)`. Bases are the payee's own sales that earned in the
//! month (refunds do not lower attainment; they are clawed back on their own lines).
//!
//! Team pool (rep plans): `pct` of the whole team's period base, shared among the reps whose
//! attainment reaches `min_attainment_pct`, by their share of the qualifying reps' base or
//! equally; each rep's share is rounded once by the plan's rule. The team figures come from
//! `partner::pool::team_context`.

use super::lines::Triggered;
use super::plan::{Plan, PoolSplit, QuarterlyBonus, TeamPool};
use super::sales::{MonthlyTarget, Period, TeamContext};
use super::statement::{Adjustment, AdjustmentKind};
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

pub fn quarterly_bonus(plan: &Plan, b: &QuarterlyBonus, period: Period, own: &[Triggered], targets: &[MonthlyTarget]) -> Vec<Adjustment> {
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
        let from_rate = b.rate_pct.map_or(Decimal::ZERO, |r| plan.round(block_base * r / Decimal::ONE_HUNDRED));
        let mut note = format!("{} consecutive months at ≥ {}% of target ({})", size, b.min_attainment_pct, shown.join(", "));
        if let Some(r) = b.rate_pct {
            note.push_str(&format!(": {fixed} + {r}% of {block_base}"));
        }
        out.push(Adjustment { kind: AdjustmentKind::QuarterlyBonus, amount: fixed + from_rate, note });
    }
    out
}

/// This rep's share of the team pool, as an adjustment (none when the rep does not qualify).
pub fn team_pool_share(plan: &Plan, pool: &TeamPool, team: &TeamContext, own_base: Decimal, attainment_pct: Option<Decimal>) -> Option<Adjustment> {
    let qualifies = pool.min_attainment_pct.is_none_or(|min| attainment_pct.is_some_and(|a| a >= min));
    let whole = team.total_base * pool.pct / Decimal::ONE_HUNDRED;
    if !qualifies || team.eligible_count == 0 || whole <= Decimal::ZERO {
        return None;
    }
    let (exact, how) = match pool.split {
        PoolSplit::BySales if team.eligible_base > Decimal::ZERO => (whole * own_base / team.eligible_base, format!("by sales: {own_base} of the qualifying reps' {}", team.eligible_base)),
        PoolSplit::BySales => return None,
        PoolSplit::Equal => (whole / Decimal::from(team.eligible_count), format!("equally among {} qualifying rep(s)", team.eligible_count)),
    };
    let note = format!("team pool {}% of the team's base {} = {whole}; shared {how}", pool.pct, team.total_base);
    Some(Adjustment { kind: AdjustmentKind::TeamPool, amount: plan.round(exact), note })
}
