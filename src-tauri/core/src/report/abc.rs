//! ABC segmentation of customers by revenue, the preview of the tier changes it implies and
//! applying them to `customers.tier` in one step.
//!
//! Rules:
//! - **Revenue** of a customer = the sum of its won opportunities' amounts (in the report's
//!   currency) whose win falls in the window (the period). Customers without any are C.
//! - Customers are ranked by revenue, highest first. **A** = the smallest set of top
//!   customers whose revenue reaches `a_pct` (80%) of the total: a customer is A while the
//!   revenue of those ranked above it is below 80% (so the one that crosses 80% is A too).
//!   **B** likewise up to `b_pct` (95%), **C** the rest.
//! - **Ties**: customers with equal revenue get the same class, the class of the first of
//!   them in the ranking; so classes never get better as revenue falls.
//! - Shares are percentages rounded half away from zero to one decimal (display only; the
//!   cut uses exact sums).
//! - Scope: the customers of the owner/region filters (the customer's owner and region);
//!   their revenue counts every won opportunity of theirs, whoever owns it.

use super::rows::{self, CustomerRow, OppRow, Scope};
use super::{percent, Period};
use crate::audit::{self, Event};
use crate::clock;
use crate::crm::customer::Tier;
use crate::crm::opportunity::Stage;
use crate::error::FieldCode;
use crate::validate::Checker;
use crate::CoreResult;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use sqlx::{SqliteConnection, SqlitePool};
use std::borrow::Borrow;
use std::collections::HashMap;

/// Cumulative revenue shares closing classes A and B, in percent.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Thresholds {
    #[ts(type = "string")]
    pub a_pct: Decimal,
    #[ts(type = "string")]
    pub b_pct: Decimal,
}

impl Default for Thresholds {
    fn default() -> Self {
        Self { a_pct: Decimal::from(80), b_pct: Decimal::from(95) }
    }
}

impl Thresholds {
    /// 0 < a_pct ≤ b_pct ≤ 100, named by field.
    pub fn check(&self) -> CoreResult<()> {
        let mut c = Checker::new();
        if self.a_pct <= Decimal::ZERO || self.a_pct > Decimal::ONE_HUNDRED {
            c.fail("a_pct", FieldCode::OutOfRange, "must be above 0 and at most 100");
        }
        if self.b_pct < self.a_pct || self.b_pct > Decimal::ONE_HUNDRED {
            c.fail("b_pct", FieldCode::OutOfRange, "must be between a_pct and 100");
        }
        c.finish()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct AbcRow {
    pub customer_id: String,
    pub customer_name: String,
    #[ts(type = "string")]
    pub revenue: Decimal,
    #[ts(type = "string | null")]
    pub share_pct: Option<Decimal>,
    #[ts(type = "string | null")]
    pub cumulative_pct: Option<Decimal>,
    pub class: Tier,
    pub current_tier: Option<Tier>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Abc {
    pub period: String,
    pub currency: String,
    pub thresholds: Thresholds,
    #[ts(type = "string")]
    pub total_revenue: Decimal,
    /// Highest revenue first; equal revenue by name.
    pub rows: Vec<AbcRow>,
    pub count_a: u32,
    pub count_b: u32,
    pub count_c: u32,
}

/// A customer whose tier the segmentation changes.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TierChange {
    pub customer_id: String,
    pub customer_name: String,
    pub old_tier: Option<Tier>,
    pub new_tier: Tier,
}

/// The class of each revenue, in the order given (see the module rules).
pub fn classify(revenues: &[Decimal], t: &Thresholds) -> Vec<Tier> {
    let total: Decimal = revenues.iter().filter(|r| **r > Decimal::ZERO).sum();
    let mut order: Vec<usize> = (0..revenues.len()).collect();
    order.sort_by(|a, b| revenues[*b].cmp(&revenues[*a]));
    let mut classes = vec![Tier::C; revenues.len()];
    let (mut before, mut group): (Decimal, Option<(Decimal, Tier)>) = (Decimal::ZERO, None);
    for i in order {
        let r = revenues[i];
        let class = match group {
            Some((rev, class)) if rev == r => class,
            _ => {
                let class = if r <= Decimal::ZERO {
                    Tier::C
                } else if before * Decimal::ONE_HUNDRED < t.a_pct * total {
                    Tier::A
                } else if before * Decimal::ONE_HUNDRED < t.b_pct * total {
                    Tier::B
                } else {
                    Tier::C
                };
                group = Some((r, class));
                class
            }
        };
        classes[i] = class;
        before += r.max(Decimal::ZERO);
    }
    classes
}

/// Revenue per customer id: won opportunities won in `period`.
pub fn revenue_by_customer<O: Borrow<OppRow>>(opps: &[O], period: &Period) -> HashMap<String, Decimal> {
    let mut out: HashMap<String, Decimal> = HashMap::new();
    for o in opps.iter().map(Borrow::borrow).filter(|o| o.stage == Stage::Won && o.closed_at().is_some_and(|c| period.contains(c))) {
        *out.entry(o.customer_id.clone()).or_default() += o.amount;
    }
    out
}

/// The segmentation of `customers` by the revenue in `opps` during `period`.
pub fn compute<O: Borrow<OppRow>>(customers: &[CustomerRow], opps: &[O], period: &Period, currency: &str, t: &Thresholds) -> Abc {
    rank(customers, &revenue_by_customer(opps, period), period, currency, t)
}

/// The segmentation of `customers` given each one's revenue (by customer id).
pub(crate) fn rank(customers: &[CustomerRow], revenue: &HashMap<String, Decimal>, period: &Period, currency: &str, t: &Thresholds) -> Abc {
    let mut ranked: Vec<(&CustomerRow, Decimal)> =
        customers.iter().map(|c| (c, revenue.get(&c.id.to_string()).copied().unwrap_or_default())).collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.name.cmp(&b.0.name)));
    let revenues: Vec<Decimal> = ranked.iter().map(|(_, r)| *r).collect();
    let classes = classify(&revenues, t);
    let total: Decimal = revenues.iter().sum();
    let mut cumulative = Decimal::ZERO;
    let rows: Vec<AbcRow> = ranked
        .iter()
        .zip(classes)
        .map(|((c, r), class)| {
            cumulative += *r;
            AbcRow {
                customer_id: c.id.to_string(),
                customer_name: c.name.clone(),
                revenue: *r,
                share_pct: percent(*r, total),
                cumulative_pct: percent(cumulative, total),
                class,
                current_tier: c.tier,
            }
        })
        .collect();
    let count = |t: Tier| u32::try_from(rows.iter().filter(|r| r.class == t).count()).unwrap_or(u32::MAX);
    Abc {
        period: period.label(),
        currency: currency.to_string(),
        thresholds: *t,
        total_revenue: total,
        count_a: count(Tier::A),
        count_b: count(Tier::B),
        count_c: count(Tier::C),
        rows,
    }
}

/// The customers whose tier differs from their class, in ranking order.
pub fn changes(abc: &Abc) -> Vec<TierChange> {
    abc.rows
        .iter()
        .filter(|r| r.current_tier != Some(r.class))
        .map(|r| TierChange { customer_id: r.customer_id.clone(), customer_name: r.customer_name.clone(), old_tier: r.current_tier, new_tier: r.class })
        .collect()
}

/// Loads the customers of `scope` and their revenue, and segments them.
pub async fn load(conn: &mut SqliteConnection, period: &Period, scope: &Scope, t: &Thresholds) -> CoreResult<Abc> {
    t.check()?;
    let customers = rows::load_customers(conn, scope).await?;
    let opps = rows::load_opportunities(conn, &Scope { owner: None, ..scope.clone() }).await?;
    Ok(compute(&customers, &opps, period, &scope.currency, t))
}

/// What applying the segmentation would change, without changing it.
pub async fn preview_abc(pool: &SqlitePool, period: &Period, scope: &Scope, t: &Thresholds) -> CoreResult<Vec<TierChange>> {
    let mut conn = pool.acquire().await?;
    Ok(changes(&load(&mut conn, period, scope, t).await?))
}

/// Recomputes the segmentation and writes every changed tier, with one audit entry, in one
/// transaction; returns the changes made (none written when there are none).
pub async fn apply_abc(pool: &SqlitePool, period: &Period, scope: &Scope, t: &Thresholds) -> CoreResult<Vec<TierChange>> {
    let mut tx = pool.begin().await?;
    let abc = load(&mut tx, period, scope, t).await?;
    let changed = changes(&abc);
    if changed.is_empty() {
        return Ok(changed);
    }
    let now = clock::now();
    for c in &changed {
        sqlx::query("UPDATE customers SET tier = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL")
            .bind(c.new_tier.code())
            .bind(&now)
            .bind(&c.customer_id)
            .execute(&mut *tx)
            .await?;
    }
    let detail = serde_json::json!({
        "period": abc.period,
        "currency": abc.currency,
        "a_pct": t.a_pct.to_string(),
        "b_pct": t.b_pct.to_string(),
        "changed": changed.len(),
        "a": abc.count_a,
        "b": abc.count_b,
        "c": abc.count_c,
    });
    audit::record(&mut tx, Event { action: "abc_segmentation", entity: "customers", entity_id: &abc.period, detail }).await?;
    tx.commit().await?;
    tracing::info!(period = %abc.period, changed = changed.len(), "ABC tiers applied");
    Ok(changed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use Tier::{A, B, C};

    fn classes(revenues: &[i64]) -> Vec<Tier> {
        classify(&revenues.iter().map(|r| Decimal::from(*r)).collect::<Vec<_>>(), &Thresholds::default())
    }

    #[test]
    fn the_cut_points_match_the_hand_count() {
        // Total 100. Revenue ranked above each: 0, 50, 75 (< 80: A), 85, 92 (< 95: B), 96, 98
        // (C); zero revenue → C.
        assert_eq!(classes(&[50, 25, 10, 7, 4, 2, 2, 0]), [A, A, A, B, B, C, C, C]);
        // One customer with everything is A; nobody with revenue is C.
        assert_eq!(classes(&[100, 0]), [A, C]);
        assert_eq!(classes(&[0, 0]), [C, C]);
        assert_eq!(classes(&[]), Vec::<Tier>::new());
    }

    #[test]
    fn ties_take_the_class_of_the_first_of_them() {
        // The 40s start at 0 → A; the 10s start at 80 → B, both.
        assert_eq!(classes(&[40, 40, 10, 10]), [A, A, B, B]);
        // The 8s straddle 80%: they start at 70 → A, although the third alone starts at 86.
        assert_eq!(classes(&[70, 8, 8, 8, 6]), [A, A, A, A, B]);
        // The order of the input does not matter.
        assert_eq!(classes(&[6, 8, 70, 8, 8]), [B, A, A, A, A]);
    }

    #[test]
    fn thresholds_are_checked_by_field() {
        let bad = Thresholds { a_pct: Decimal::from(90), b_pct: Decimal::from(80) };
        assert!(matches!(bad.check(), Err(crate::CoreError::Validation(e)) if e[0].field == "b_pct"));
        let zero = Thresholds { a_pct: Decimal::ZERO, b_pct: Decimal::from(80) };
        assert!(matches!(zero.check(), Err(crate::CoreError::Validation(e)) if e[0].field == "a_pct"));
        assert!(Thresholds::default().check().is_ok());
    }

    proptest! {
        #[test]
        fn classes_are_monotone_in_revenue(revenues in prop::collection::vec(0i64..1_000, 0..40), a in 1u32..=100, b_extra in 0u32..=100) {
            let t = Thresholds { a_pct: Decimal::from(a), b_pct: Decimal::from((a + b_extra).min(100)) };
            let revenues: Vec<Decimal> = revenues.into_iter().map(Decimal::from).collect();
            let classes = classify(&revenues, &t);
            for i in 0..revenues.len() {
                for j in 0..revenues.len() {
                    if revenues[i] > revenues[j] {
                        prop_assert!(classes[i] as u8 <= classes[j] as u8, "{:?} {:?}", revenues, classes);
                    }
                    if revenues[i] == revenues[j] {
                        prop_assert_eq!(classes[i], classes[j]);
                    }
                }
            }
            if revenues.iter().any(|r| *r > Decimal::ZERO) {
                prop_assert!(classes.contains(&A), "the top customer is always A");
            }
        }
    }
}
