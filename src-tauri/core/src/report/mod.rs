//! The sales dashboard's figures (issue 9): the funnel, KPIs with their trend, targets and
//! CAC/LTV, ABC segmentation of customers, the rolling forecast and its accuracy, and the
//! records behind each number (`drill`). Each figure is a pure function over
//! plain rows (`rows::OppRow`), so it is checked on hand-made data; the loaders read those
//! rows from the store with the dashboard's filters. The window's dashboard computes the same
//! figures over a compact in-memory snapshot (`snapshot`, `compact`, `figures`).
//!
//! Amounts are never converted between currencies: every report is for one currency
//! (`Scope::currency`, CNY by default) and opportunities in other currencies are left out.

pub mod abc;
pub mod accuracy;
mod compact;
pub mod dashboard;
pub mod drill;
pub mod economics;
mod figures;
#[cfg(test)]
mod figures_tests;
pub mod forecast;
pub mod funnel;
pub mod kpi;
pub mod period;
pub mod rows;
pub mod snapshot;
pub mod targets;

pub use period::Period;
pub use rows::{OppRow, Scope};
/// Re-exported for callers without their own `rust_decimal` dependency (the CLI).
pub use rust_decimal::Decimal;

use rust_decimal::RoundingStrategy;

/// `num / den` in percent, rounded half away from zero to one decimal (`2/3` → `66.7`);
/// `None` when `den` is zero. Ratios are computed exactly and rounded once, for display.
pub fn percent(num: Decimal, den: Decimal) -> Option<Decimal> {
    if den.is_zero() {
        return None;
    }
    num.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(den).map(round1)
}

/// Rounds half away from zero to one decimal, keeping the one decimal (`12` → `12.0`).
pub fn round1(d: Decimal) -> Decimal {
    let mut r = d.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(1);
    r
}

/// The median of `values` (mean of the two middle values for an even count), `None` when
/// empty. Not rounded.
pub fn median(values: &mut [Decimal]) -> Option<Decimal> {
    if values.is_empty() {
        return None;
    }
    values.sort();
    let mid = values.len() / 2;
    if values.len() % 2 == 1 {
        Some(values[mid])
    } else {
        Some((values[mid - 1] + values[mid]) / Decimal::TWO)
    }
}

/// Days between two instants as an exact decimal (seconds / 86 400), not rounded.
pub fn days_between(from: chrono::DateTime<chrono::Utc>, to: chrono::DateTime<chrono::Utc>) -> Decimal {
    Decimal::from((to - from).num_seconds()) / Decimal::from(86_400)
}
