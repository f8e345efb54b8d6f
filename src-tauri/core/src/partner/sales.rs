//! The engine's input rows: sales lines as imported (one per invoice line, refunds negative and
//! pointing at the line they reverse), the statement period, and what earlier statements
//! settled (earned lines for clawbacks, the carried balance). Plain data, no storage.

use super::plan::{Plan, Service};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SalesLine {
    pub id: String,
    /// The sale (order) date; earning follows the plan's trigger date instead.
    pub date: NaiveDate,
    pub partner_id: String,
    pub parent_partner_id: Option<String>,
    pub rep: Option<String>,
    pub customer_type: String,
    pub product_line: String,
    pub quantity: Decimal,
    /// Gross amount of the line (negative on a refund).
    pub amount: Decimal,
    /// Discount given on the line, as an amount (negative on a refund).
    pub discount: Decimal,
    /// Cost of the line (negative on a refund).
    pub cost: Decimal,
    pub currency: String,
    /// Invoice date (credit-note date on a refund); `None` = not invoiced yet.
    pub invoiced_on: Option<NaiveDate>,
    /// Date the line was paid in full (money returned on a refund); `None` = not yet.
    pub paid_on: Option<NaiveDate>,
    /// Services the partner provided on this sale (installation, training, after-sales).
    #[serde(default)]
    pub services: Vec<Service>,
    /// On a refund or return: the id of the line it reverses.
    pub refund_of: Option<String>,
}

/// A statement period, both ends inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, rename = "StatementPeriod")]
pub struct Period {
    #[ts(type = "string")]
    pub from: NaiveDate,
    #[ts(type = "string")]
    pub to: NaiveDate,
}

impl Period {
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.from <= d && d <= self.to
    }
}

/// What an earlier statement of the same payee paid on a line, so a refund in a later period
/// reverses it at the rate it earned. `StatementLine::earned()` makes one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EarnedLine {
    pub line_id: String,
    pub base: Decimal,
    /// The line's effective rate: its exact share over its base, in percent.
    pub rate_pct: Decimal,
    /// The rounded share paid.
    pub share: Decimal,
    /// Base and share already reversed by earlier refunds (both ≥ 0).
    #[serde(default)]
    pub refunded_base: Decimal,
    #[serde(default)]
    pub refunded_share: Decimal,
}

/// A payee's target for one calendar month (`month` is any day in it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonthlyTarget {
    pub month: NaiveDate,
    pub amount: Decimal,
}

/// Everything one statement is computed from.
#[derive(Debug, Clone)]
pub struct StatementRequest<'a> {
    pub plan: &'a Plan,
    pub period: Period,
    /// The partner id (partner plans) or the rep (rep plans) the statement is for.
    pub payee: &'a str,
    /// Any lines; those of other payees or earning outside the period are left out.
    pub lines: &'a [SalesLine],
    /// Balance carried from the previous statement: excess above a cap (positive) or
    /// clawbacks not yet recovered (negative). In minor units.
    pub carried_in: Decimal,
    pub earned: &'a [EarnedLine],
    pub targets: &'a [MonthlyTarget],
    /// The payee's satisfaction score (0–100) for the period, if surveyed.
    pub satisfaction_score: Option<Decimal>,
    /// The team's figures for a rep plan with a team pool (`partner::pool::team_context`).
    pub team: Option<TeamContext>,
}

/// What a team pool is shared from: the whole team's period base, and the base and number of
/// the reps who qualify for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TeamContext {
    pub total_base: Decimal,
    pub eligible_base: Decimal,
    pub eligible_count: u32,
}
