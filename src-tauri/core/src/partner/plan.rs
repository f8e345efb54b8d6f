//! The profit-share / commission plan as data: the serde model of the versioned plan JSON
//! (`"schema": 1`, documented field by field in docs/partner-plans.md). Every struct refuses
//! unknown fields; amounts and rates are exact decimals (see `json_number`). Whether a plan
//! makes sense (tiers without gaps, rates 0–100 …) is `validate`'s business.

use super::json_number::{date, decimal, opt_decimal};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The plan format version this code reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub schema: u32,
    pub name: String,
    /// `partner` (channel profit share, 分润) or `rep` (sales commission, 提成).
    pub kind: PlanKind,
    #[serde(deserialize_with = "date")]
    #[ts(type = "string")]
    pub effective_from: NaiveDate,
    /// The one currency of every statement computed with this plan.
    pub currency: String,
    pub base: BaseKind,
    pub trigger: Trigger,
    /// The plan default, used when no override matches a line.
    pub rate: RateRule,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<Override>>", optional)]
    pub overrides: Vec<Override>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<ServiceAdjustment>>", optional)]
    pub service: Vec<ServiceAdjustment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub quarterly_bonus: Option<QuarterlyBonus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub limits: Option<Limits>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub multi_level: Option<MultiLevel>,
    /// How a line's share (and a rate-based bonus, a pool share) is rounded to the currency's
    /// minor units: half away from zero (四舍五入) unless the plan says otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub rounding: Option<Rounding>,
    /// Rep plans: a pool of the team's period base shared among the reps who qualify.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub team_pool: Option<TeamPool>,
}

impl Plan {
    /// The plan's rounding rule (half away from zero when not set).
    pub fn rounding(&self) -> Rounding {
        self.rounding.unwrap_or(Rounding::HalfAwayFromZero)
    }

    /// `v` rounded once, by the plan's rule, to the plan currency's minor units.
    pub fn round(&self, v: Decimal) -> Decimal {
        let units = crate::money::minor_units(&self.currency).unwrap_or(2);
        let mut d = v.round_dp_with_strategy(units, self.rounding().strategy());
        d.rescale(units);
        d
    }
}

/// Rounding rules a plan may choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, rename = "PlanRounding")]
#[serde(rename_all = "snake_case")]
pub enum Rounding {
    /// 0.005 → 0.01, −0.005 → −0.01 (四舍五入).
    HalfAwayFromZero,
    /// 0.005 → 0.00, 0.015 → 0.02 (banker's rounding, 四舍六入五成双).
    HalfEven,
    /// Toward zero: 0.009 → 0.00, −0.009 → 0.00 (舍去).
    Down,
}

impl Rounding {
    pub fn strategy(self) -> rust_decimal::RoundingStrategy {
        match self {
            Self::HalfAwayFromZero => rust_decimal::RoundingStrategy::MidpointAwayFromZero,
            Self::HalfEven => rust_decimal::RoundingStrategy::MidpointNearestEven,
            Self::Down => rust_decimal::RoundingStrategy::ToZero,
        }
    }

    /// The rule in words, for statements.
    pub fn words(self) -> &'static str {
        match self {
            Self::HalfAwayFromZero => "half away from zero (四舍五入)",
            Self::HalfEven => "half to even (四舍六入五成双)",
            Self::Down => "toward zero (舍去)",
        }
    }
}

/// `pct` of the whole team's period base, shared among the reps whose attainment reaches
/// `min_attainment_pct` (every rep when not set): in proportion to their own base, or equally.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "PlanTeamPool")]
#[serde(deny_unknown_fields)]
pub struct TeamPool {
    #[serde(deserialize_with = "decimal")]
    #[ts(type = "string")]
    pub pct: Decimal,
    #[serde(default, deserialize_with = "opt_decimal", skip_serializing_if = "Option::is_none")]
    #[ts(as = "Option<String>", optional)]
    pub min_attainment_pct: Option<Decimal>,
    #[serde(default)]
    pub split: PoolSplit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export, rename = "PlanPoolSplit")]
#[serde(rename_all = "snake_case")]
pub enum PoolSplit {
    /// In proportion to each qualifying rep's own period base.
    #[default]
    BySales,
    /// The same amount to each qualifying rep.
    Equal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum PlanKind {
    Partner,
    Rep,
}

/// What a line's share is computed on; never below zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, rename = "PlanBase")]
#[serde(rename_all = "snake_case")]
pub enum BaseKind {
    /// The line amount.
    Gross,
    /// Amount minus discount.
    Net,
    /// Amount minus discount minus cost.
    Margin,
}

/// When a sale starts to earn: its invoice date, or the date it was paid in full.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, rename = "PlanTrigger")]
#[serde(rename_all = "snake_case")]
pub enum Trigger {
    Invoice,
    Payment,
}

/// Exactly one of `fixed_pct`, `tiers` or `attainment` (checked by `validate`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[ts(export, rename = "PlanRateRule")]
#[serde(deny_unknown_fields)]
pub struct RateRule {
    #[serde(default, deserialize_with = "opt_decimal", skip_serializing_if = "Option::is_none")]
    #[ts(as = "Option<String>", optional)]
    pub fixed_pct: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub tier_mode: Option<TierMode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub tier_over: Option<TierScope>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<Tier>>", optional)]
    pub tiers: Vec<Tier>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<AttainmentBand>>", optional)]
    pub attainment: Vec<AttainmentBand>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum TierMode {
    /// Each slice of the amount at its own tier's rate (累进).
    Marginal,
    /// The whole amount at the rate of the tier reached (全额).
    Retroactive,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum TierScope {
    /// Tiers over the payee's cumulative base in the period.
    Period,
    /// Tiers over each line's own base.
    Line,
}

/// `[from, to)`: the lower boundary belongs to the tier; the last tier has no `to`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "PlanTier")]
#[serde(deny_unknown_fields)]
pub struct Tier {
    #[serde(deserialize_with = "decimal")]
    #[ts(type = "string")]
    pub from: Decimal,
    #[serde(default, deserialize_with = "opt_decimal", skip_serializing_if = "Option::is_none")]
    #[ts(as = "Option<String>", optional)]
    pub to: Option<Decimal>,
    #[serde(deserialize_with = "decimal")]
    #[ts(type = "string")]
    pub rate_pct: Decimal,
}

/// Attainment band `[from_pct, to_pct)` of target: the rate goes linearly from
/// `rate_pct_from` (at `from_pct`) to `rate_pct_to` (at `to_pct`); the open last band is flat.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "PlanAttainmentBand")]
#[serde(deny_unknown_fields)]
pub struct AttainmentBand {
    #[serde(deserialize_with = "decimal")]
    #[ts(type = "string")]
    pub from_pct: Decimal,
    #[serde(default, deserialize_with = "opt_decimal", skip_serializing_if = "Option::is_none")]
    #[ts(as = "Option<String>", optional)]
    pub to_pct: Option<Decimal>,
    #[serde(deserialize_with = "decimal")]
    #[ts(type = "string")]
    pub rate_pct_from: Decimal,
    #[serde(default, deserialize_with = "opt_decimal", skip_serializing_if = "Option::is_none")]
    #[ts(as = "Option<String>", optional)]
    pub rate_pct_to: Option<Decimal>,
}

/// A different rate for a product line, a customer type, or both (the most specific wins).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "PlanOverride")]
#[serde(deny_unknown_fields)]
pub struct Override {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub product_line: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub customer_type: Option<String>,
    pub rate: RateRule,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(export, rename = "PlanService")]
#[serde(rename_all = "snake_case")]
pub enum Service {
    Installation,
    Training,
    AfterSales,
    /// The payee's satisfaction score for the period reaches `min_score`.
    Satisfaction,
}

/// Rate points added to (or, when negative, taken from) a line's rate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "PlanServiceAdjustment")]
#[serde(deny_unknown_fields)]
pub struct ServiceAdjustment {
    pub service: Service,
    #[serde(deserialize_with = "decimal")]
    #[ts(type = "string")]
    pub points: Decimal,
    #[serde(default, deserialize_with = "opt_decimal", skip_serializing_if = "Option::is_none")]
    #[ts(as = "Option<String>", optional)]
    pub min_score: Option<Decimal>,
}

/// Paid when `months` consecutive calendar months of the period each reach
/// `min_attainment_pct` of their target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "PlanBonus")]
#[serde(deny_unknown_fields)]
pub struct QuarterlyBonus {
    pub months: u32,
    #[serde(deserialize_with = "decimal")]
    #[ts(type = "string")]
    pub min_attainment_pct: Decimal,
    #[serde(default, deserialize_with = "opt_decimal", skip_serializing_if = "Option::is_none")]
    #[ts(as = "Option<String>", optional)]
    pub amount: Option<Decimal>,
    #[serde(default, deserialize_with = "opt_decimal", skip_serializing_if = "Option::is_none")]
    #[ts(as = "Option<String>", optional)]
    pub rate_pct: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "PlanLimits")]
#[serde(deny_unknown_fields)]
pub struct Limits {
    #[serde(default, deserialize_with = "opt_decimal", skip_serializing_if = "Option::is_none")]
    #[ts(as = "Option<String>", optional)]
    pub cap: Option<Decimal>,
    #[serde(default, deserialize_with = "opt_decimal", skip_serializing_if = "Option::is_none")]
    #[ts(as = "Option<String>", optional)]
    pub floor: Option<Decimal>,
    /// What happens to the part above the cap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub excess: Option<Excess>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, rename = "PlanExcess")]
#[serde(rename_all = "snake_case")]
pub enum Excess {
    CarryForward,
    Forfeit,
}

/// A parent partner earns `override_pct` of the base of its direct sub-partners' sales.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "PlanMultiLevel")]
#[serde(deny_unknown_fields)]
pub struct MultiLevel {
    #[serde(deserialize_with = "decimal")]
    #[ts(type = "string")]
    pub override_pct: Decimal,
}
