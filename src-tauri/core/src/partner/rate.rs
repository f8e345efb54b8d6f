//! One rate rule applied to one line's base: a fixed ratio, tiers (marginal or retroactive,
//! over the period's cumulative base or the line alone) or attainment bands. Returns the exact
//! parts, each naming its block, so the statement can say why the line earned what it did.
//!
//! Tiers: tier i covers `[from, to)`, the lower boundary inclusive (an amount of exactly
//! 100,000 is in the tier that starts at 100,000). Marginal over the period: the line occupies
//! the slice `[cumulative before it, cumulative after it)` of the payee's period base, lines
//! taken in trigger-date order then by id, and each part of that slice earns its own tier's
//! rate. Retroactive over the period: every line earns the rate of the tier the period's
//! total base reached, so the period total is paid at one rate.
//!
//! Attainment: band `[from_pct, to_pct)`; within a band the rate moves linearly from
//! `rate_pct_from` to `rate_pct_to`; the open last band is flat; below the first band the
//! rate is 0. Attainment and interpolated rates are exact decimals (28 significant digits),
//! not rounded before use.

use super::plan::{AttainmentBand, RateRule, Tier, TierMode, TierScope};
use super::statement::{Block, Part};
use rust_decimal::Decimal;

/// Where a line sits in the payee's period.
#[derive(Debug, Clone, Copy)]
pub struct Position {
    /// Own base of the lines before this one in the period.
    pub cumulative_before: Decimal,
    /// Own base of the whole period.
    pub period_total: Decimal,
    /// Period base over target, percent; `None` when no target was given.
    pub attainment_pct: Option<Decimal>,
}

pub fn share(base: Decimal, rate_pct: Decimal) -> Decimal {
    base * rate_pct / Decimal::ONE_HUNDRED
}

fn part(block: Block, base: Decimal, rate_pct: Decimal, note: String) -> Part {
    Part { block, base, rate_pct, amount: share(base, rate_pct), note }
}

/// The parts of `base` under `rule`; `Err` names what the rule needs and did not get.
pub fn parts(rule: &RateRule, base: Decimal, at: &Position) -> Result<Vec<Part>, String> {
    if let Some(pct) = rule.fixed_pct {
        return Ok(vec![part(Block::Fixed, base, pct, format!("fixed {pct}%"))]);
    }
    if !rule.tiers.is_empty() {
        let mode = rule.tier_mode.unwrap_or(TierMode::Marginal);
        let over = rule.tier_over.unwrap_or(TierScope::Period);
        return Ok(tiered(&rule.tiers, mode, over, base, at));
    }
    let Some(att) = at.attainment_pct else {
        return Err("the plan pays by attainment but no target was given for the period".into());
    };
    Ok(vec![attainment(&rule.attainment, att, base)])
}

/// Index of the tier holding `x`: the last whose lower boundary is ≤ x.
fn tier_of(tiers: &[Tier], x: Decimal) -> usize {
    tiers.iter().rposition(|t| t.from <= x).unwrap_or(0)
}

fn span(t: &Tier) -> String {
    match t.to {
        Some(to) => format!("{}–{}", t.from, to),
        None => format!("≥ {}", t.from),
    }
}

fn tiered(tiers: &[Tier], mode: TierMode, over: TierScope, base: Decimal, at: &Position) -> Vec<Part> {
    let n = tiers.len();
    let (scope, start) = match over {
        TierScope::Period => ("over the period", at.cumulative_before),
        TierScope::Line => ("per line", Decimal::ZERO),
    };
    let block = |i: usize| Block::Tier { tier: i + 1, of: n, mode, over };
    match mode {
        TierMode::Retroactive => {
            let reached_by = match over {
                TierScope::Period => at.period_total,
                TierScope::Line => base,
            };
            let i = tier_of(tiers, reached_by);
            let t = &tiers[i];
            let note = format!(
                "tier {} of {n} (retroactive {scope}): {reached_by} reached {} → {}% on the whole amount",
                i + 1,
                span(t),
                t.rate_pct
            );
            vec![part(block(i), base, t.rate_pct, note)]
        }
        TierMode::Marginal => {
            let end = start + base;
            let mut out = Vec::new();
            for (i, t) in tiers.iter().enumerate() {
                let lo = t.from.max(start);
                let hi = t.to.map_or(end, |to| to.min(end));
                if hi > lo {
                    let note = format!("tier {} of {n} (marginal {scope}): {lo}–{hi} of {} at {}%", i + 1, span(t), t.rate_pct);
                    out.push(part(block(i), hi - lo, t.rate_pct, note));
                }
            }
            if out.is_empty() {
                let i = tier_of(tiers, start);
                let note = format!("tier {} of {n} (marginal {scope}): nothing to share", i + 1);
                out.push(part(block(i), Decimal::ZERO, tiers[i].rate_pct, note));
            }
            out
        }
    }
}

/// The rate at attainment `att` and the band it came from (1-based, 0 = below every band).
pub fn attainment_rate(bands: &[AttainmentBand], att: Decimal) -> (usize, Decimal) {
    let Some(i) = bands.iter().rposition(|b| b.from_pct <= att) else {
        return (0, Decimal::ZERO);
    };
    let b = &bands[i];
    let rate = match (b.to_pct, b.rate_pct_to) {
        (Some(to), Some(rate_to)) if to > b.from_pct => {
            let x = att.min(to);
            b.rate_pct_from + (x - b.from_pct) * (rate_to - b.rate_pct_from) / (to - b.from_pct)
        }
        _ => b.rate_pct_from,
    };
    (i + 1, rate)
}

fn attainment(bands: &[AttainmentBand], att: Decimal, base: Decimal) -> Part {
    let n = bands.len();
    let (band, rate) = attainment_rate(bands, att);
    let note = match bands.get(band.wrapping_sub(1)) {
        None => format!("attainment {att}% is below the first band ({}%): nothing", bands.first().map_or(Decimal::ZERO, |b| b.from_pct)),
        Some(b) => match (b.to_pct, b.rate_pct_to) {
            (Some(to), Some(rt)) => format!(
                "attainment {att}%: band {band} of {n} ({}–{to}% → {}–{rt}%, linear) gives {rate}%",
                b.from_pct, b.rate_pct_from
            ),
            _ => format!("attainment {att}%: band {band} of {n} (from {}%) gives {rate}%", b.from_pct),
        },
    };
    part(Block::Attainment { band, of: n }, base, rate, note)
}
