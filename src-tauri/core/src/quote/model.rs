//! What a quote is: its status flow, print options, lines, the input a form (or a JSON file)
//! sends, and how that input is checked field by field (`lines[3].quantity`).

use super::totals::{PricedLine, Totals};
use super::rules::ApprovalLevel;
use crate::error::FieldCode;
use crate::ids::QuoteId;
use crate::money;
use crate::validate::Checker;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum QuoteStatus {
    Draft,
    PendingApproval,
    Approved,
    Sent,
    Accepted,
    Rejected,
    Expired,
    /// An earlier revision, kept read-only after a new one was made.
    Superseded,
}

impl QuoteStatus {
    pub fn code(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::PendingApproval => "pending_approval",
            Self::Approved => "approved",
            Self::Sent => "sent",
            Self::Accepted => "accepted",
            Self::Rejected => "rejected",
            Self::Expired => "expired",
            Self::Superseded => "superseded",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        [
            Self::Draft,
            Self::PendingApproval,
            Self::Approved,
            Self::Sent,
            Self::Accepted,
            Self::Rejected,
            Self::Expired,
            Self::Superseded,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }

    /// Only a draft can be edited; everything after is changed through a new revision.
    pub fn is_editable(self) -> bool {
        self == Self::Draft
    }

    /// Approved and later: printed without the DRAFT watermark.
    pub fn is_final(self) -> bool {
        matches!(self, Self::Approved | Self::Sent | Self::Accepted)
    }
}

/// Which labels a printed quote carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Labels {
    #[default]
    Bilingual,
    Zh,
    En,
}

impl Labels {
    pub fn code(self) -> &'static str {
        match self {
            Self::Bilingual => "bilingual",
            Self::Zh => "zh",
            Self::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        [Self::Bilingual, Self::Zh, Self::En].into_iter().find(|l| l.code() == code)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    pub fn code(self) -> &'static str {
        match self {
            Self::A4 => "a4",
            Self::Letter => "letter",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        [Self::A4, Self::Letter].into_iter().find(|p| p.code() == code)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct QuoteLine {
    pub product_id: Option<String>,
    pub sku: String,
    pub description: String,
    pub unit: String,
    #[ts(type = "string")]
    pub quantity: Decimal,
    #[ts(type = "string")]
    pub unit_price: Decimal,
    #[ts(type = "string")]
    pub discount_pct: Decimal,
    #[ts(type = "string")]
    pub tax_rate_pct: Decimal,
    /// Internal, never printed.
    #[ts(type = "string")]
    pub unit_cost: Decimal,
}

impl QuoteLine {
    pub fn priced(&self) -> PricedLine {
        PricedLine {
            quantity: self.quantity,
            unit_price: self.unit_price,
            discount_pct: self.discount_pct,
            tax_rate_pct: self.tax_rate_pct,
            unit_cost: self.unit_cost,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct QuoteEvent {
    /// The event's row id (to reveal its actor or comment).
    pub id: String,
    pub from_status: Option<QuoteStatus>,
    pub to_status: QuoteStatus,
    pub actor: String,
    pub role: String,
    pub comment: String,
    pub at: String,
    /// Fields shown masked by the data view's policy (`actor`, `comment`); empty in clear.
    pub masked: Vec<String>,
}

/// A quote revision as the window and the PDF see it, with its totals computed.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Quote {
    #[ts(type = "string")]
    pub id: QuoteId,
    pub family_id: String,
    pub revision: u32,
    /// `Q-2026-0001`, `Q-2026-0001-R2`; `None` until first submitted.
    pub number: Option<String>,
    pub status: QuoteStatus,
    pub customer_id: String,
    pub customer_name: String,
    pub opportunity_id: Option<String>,
    pub currency: String,
    #[ts(type = "string")]
    pub exchange_rate: Decimal,
    pub tax_inclusive: bool,
    #[ts(type = "string")]
    pub discount_pct: Decimal,
    pub quote_date: String,
    pub valid_until: String,
    pub labels: Labels,
    pub paper: Paper,
    pub notes: String,
    pub terms: String,
    /// The approval this quote needs now (from its discounts and margin).
    pub required_approval: ApprovalLevel,
    pub owner: String,
    pub lines: Vec<QuoteLine>,
    pub totals: Totals,
    pub events: Vec<QuoteEvent>,
    pub created_at: String,
    pub updated_at: String,
    /// Fields shown masked by the data view's policy (`owner`, `notes`); empty in clear.
    pub masked: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct QuoteLineInput {
    #[serde(default)]
    pub product_id: Option<String>,
    #[serde(default)]
    pub sku: String,
    pub description: String,
    #[serde(default)]
    pub unit: String,
    pub quantity: String,
    pub unit_price: String,
    #[serde(default)]
    pub discount_pct: String,
    #[serde(default)]
    pub tax_rate_pct: String,
    #[serde(default)]
    pub unit_cost: String,
}

/// What the quote form sends (and what a JSON quote file holds, see docs/quote-json.md).
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct QuoteInput {
    /// Present when editing an existing draft.
    #[serde(default)]
    pub id: Option<String>,
    pub customer_id: String,
    #[serde(default)]
    pub opportunity_id: Option<String>,
    pub currency: String,
    #[serde(default)]
    pub exchange_rate: String,
    #[serde(default)]
    pub tax_inclusive: bool,
    #[serde(default)]
    pub discount_pct: String,
    #[serde(default)]
    pub quote_date: String,
    #[serde(default)]
    pub valid_until: String,
    #[serde(default)]
    pub labels: Labels,
    #[serde(default)]
    pub paper: Paper,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub terms: String,
    pub lines: Vec<QuoteLineInput>,
}

/// Checked quote fields, ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteFields {
    pub currency: String,
    pub exchange_rate: Decimal,
    pub tax_inclusive: bool,
    pub discount_pct: Decimal,
    pub quote_date: NaiveDate,
    pub valid_until: NaiveDate,
    pub labels: Labels,
    pub paper: Paper,
    pub notes: String,
    pub terms: String,
    pub lines: Vec<QuoteLine>,
}

/// Most lines a quote may have.
pub const MAX_LINES: usize = 2000;
const QTY_DECIMALS: u32 = 4;
const PRICE_DECIMALS: u32 = 4;

fn max_amount() -> Decimal {
    Decimal::from(1_000_000_000_000_i64)
}

fn optional_percent(c: &mut Checker, field: &str, value: &str) -> Decimal {
    if value.trim().is_empty() {
        Decimal::ZERO
    } else {
        c.percent(field, value).unwrap_or_default()
    }
}

impl QuoteInput {
    /// Checks every field (all problems at once); `today` and `validity_days` fill an empty
    /// date and validity.
    pub fn check(&self, c: &mut Checker, today: NaiveDate, validity_days: u32) -> QuoteFields {
        let currency = c.currency("currency", &self.currency);
        let exchange_rate = if self.exchange_rate.trim().is_empty() {
            Decimal::ONE
        } else {
            c.decimal("exchange_rate", &self.exchange_rate, (Decimal::ZERO, Decimal::from(1_000_000)), 8).unwrap_or(Decimal::ONE)
        };
        if exchange_rate.is_zero() {
            c.fail("exchange_rate", FieldCode::OutOfRange, "must be greater than 0");
        }
        let quote_date = if self.quote_date.trim().is_empty() { Some(today) } else { c.date("quote_date", &self.quote_date) }.unwrap_or(today);
        let default_valid = quote_date + chrono::Days::new(u64::from(validity_days));
        let valid_until =
            if self.valid_until.trim().is_empty() { Some(default_valid) } else { c.date("valid_until", &self.valid_until) }.unwrap_or(default_valid);
        if valid_until < quote_date {
            c.fail("valid_until", FieldCode::OutOfRange, "must not be before the quote date");
        }
        if self.lines.len() > MAX_LINES {
            c.fail("lines", FieldCode::OutOfRange, format!("a quote has at most {MAX_LINES} lines"));
        }
        let lines = self.lines.iter().take(MAX_LINES).enumerate().map(|(i, l)| l.check(c, i, &currency)).collect();
        QuoteFields {
            exchange_rate,
            tax_inclusive: self.tax_inclusive,
            discount_pct: optional_percent(c, "discount_pct", &self.discount_pct),
            quote_date,
            valid_until,
            labels: self.labels,
            paper: self.paper,
            notes: c.text("notes", &self.notes, 4000, false),
            terms: c.text("terms", &self.terms, 8000, false),
            lines,
            currency,
        }
    }
}

impl QuoteLineInput {
    fn check(&self, c: &mut Checker, index: usize, currency: &str) -> QuoteLine {
        let f = |name: &str| format!("lines[{index}].{name}");
        let quantity = c.decimal(&f("quantity"), &self.quantity, (Decimal::ZERO, Decimal::from(1_000_000_000)), QTY_DECIMALS).unwrap_or_default();
        if quantity.is_zero() && !self.quantity.trim().is_empty() {
            c.fail(&f("quantity"), FieldCode::OutOfRange, "must be greater than 0");
        }
        let price = |c: &mut Checker, field: &str, v: &str| {
            c.decimal(field, v, (Decimal::ZERO, max_amount()), PRICE_DECIMALS).map(|d| money::with_minor_units(d, currency)).unwrap_or_default()
        };
        let unit_price = price(c, &f("unit_price"), &self.unit_price);
        let unit_cost = if self.unit_cost.trim().is_empty() { Decimal::ZERO } else { price(c, &f("unit_cost"), &self.unit_cost) };
        QuoteLine {
            product_id: self.product_id.clone().filter(|p| !p.trim().is_empty()),
            sku: c.text(&f("sku"), &self.sku, 64, false),
            description: c.text(&f("description"), &self.description, 4000, true),
            unit: c.text(&f("unit"), &self.unit, 20, false),
            quantity,
            unit_price,
            discount_pct: optional_percent(c, &f("discount_pct"), &self.discount_pct),
            tax_rate_pct: optional_percent(c, &f("tax_rate_pct"), &self.tax_rate_pct),
            unit_cost,
        }
    }
}

/// The largest discount any line really gets (line and document compounded), in percent.
pub fn max_effective_discount(lines: &[QuoteLine], document_pct: Decimal) -> Decimal {
    let doc_only = super::totals::effective_discount_pct(Decimal::ZERO, document_pct);
    lines.iter().map(|l| super::totals::effective_discount_pct(l.discount_pct, document_pct)).fold(doc_only, Decimal::max)
}

/// `Q-2026-0001` for revision 1, `Q-2026-0001-R2` after.
pub fn display_number(number: Option<&str>, revision: u32) -> Option<String> {
    number.map(|n| if revision > 1 { format!("{n}-R{revision}") } else { n.to_string() })
}
