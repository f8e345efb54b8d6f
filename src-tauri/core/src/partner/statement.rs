//! The engine's output: a statement (对账单) in which every amount is explained. Each line
//! carries the parts its share was computed from (which block, on what base, at what rate),
//! each adjustment says why it exists, and `total = lines_total + Σ adjustments` exactly.

use super::plan::{Service, TierMode, TierScope};
use super::sales::{EarnedLine, Period};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Statement {
    pub payee: String,
    pub plan_name: String,
    pub currency: String,
    pub period: Period,
    /// The rounding rule, in words, for the printed statement.
    pub rounding: String,
    pub lines: Vec<StatementLine>,
    /// The payee's lines that have not triggered yet (not invoiced / not paid in full).
    pub pending: Vec<PendingLine>,
    pub adjustments: Vec<Adjustment>,
    /// Σ lines[].share.
    #[ts(type = "string")]
    pub lines_total: Decimal,
    /// What is paid for the period: lines_total + Σ adjustments[].amount.
    #[ts(type = "string")]
    pub total: Decimal,
    /// Balance for the next statement's `carried_in`.
    #[ts(type = "string")]
    pub carried_out: Decimal,
    /// Excess above the cap that is lost (plan setting `forfeit`).
    #[ts(type = "string")]
    pub forfeited: Decimal,
    /// Period base over the period target, in percent (rep plans with targets).
    #[ts(type = "string | null")]
    pub attainment_pct: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LineRole {
    /// The payee's own sale.
    Own,
    /// A direct sub-partner's sale, earning the parent override.
    SubPartner { partner_id: String },
    /// A refund or return reversing what `of` earned.
    Clawback { of: String },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StatementLine {
    pub line_id: String,
    /// The trigger date that put the line in this period.
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub role: LineRole,
    /// Which rule of the plan applied: "plan default", "override product line servers" …
    pub rule: String,
    #[ts(type = "string")]
    pub base: Decimal,
    /// Effective rate: the exact share over the base, in percent.
    #[ts(type = "string")]
    pub rate_pct: Decimal,
    /// Σ parts[].amount rounded once, half away from zero, to minor units.
    #[ts(type = "string")]
    pub share: Decimal,
    pub parts: Vec<Part>,
}

impl StatementLine {
    /// What a later statement needs to claw this line back at the rate it earned.
    pub fn earned(&self) -> EarnedLine {
        EarnedLine {
            line_id: self.line_id.clone(),
            base: self.base,
            rate_pct: self.rate_pct,
            share: self.share,
            refunded_base: Decimal::ZERO,
            refunded_share: Decimal::ZERO,
        }
    }
}

/// One block's contribution to a line, exact (not rounded).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "StatementPart")]
pub struct Part {
    pub block: Block,
    #[ts(type = "string")]
    pub base: Decimal,
    #[ts(type = "string")]
    pub rate_pct: Decimal,
    #[ts(type = "string")]
    pub amount: Decimal,
    /// The part in words: "tier 2 of 3 (marginal over the period): 100000–500000 at 5%".
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "StatementBlock")]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    Fixed,
    /// `tier` is 1-based.
    Tier { tier: usize, of: usize, mode: TierMode, over: TierScope },
    /// `band` is 1-based; 0 when below the first band.
    Attainment { band: usize, of: usize },
    Service { service: Service },
    ParentOverride,
    Clawback,
    /// Service reductions may not take a line below zero.
    ZeroFloor,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "StatementAdjustment")]
pub struct Adjustment {
    pub kind: AdjustmentKind,
    #[ts(type = "string")]
    pub amount: Decimal,
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, rename = "StatementAdjustmentKind")]
#[serde(rename_all = "snake_case")]
pub enum AdjustmentKind {
    CarriedIn,
    QuarterlyBonus,
    /// The rep's share of the team pool.
    TeamPool,
    /// Above the cap, held back for the next statement.
    CapCarriedForward,
    /// Above the cap, lost.
    CapForfeited,
    FloorTopUp,
    /// Clawbacks exceeding earnings: nothing is paid, the debt moves to the next statement.
    NegativeCarriedForward,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "StatementPendingLine")]
pub struct PendingLine {
    pub line_id: String,
    pub reason: String,
}
