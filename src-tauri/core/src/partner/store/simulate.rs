//! The window's what-if: a changed plan (a tier rate, a threshold …) and hypothetical sales,
//! compared per payee with the plan in effect, plus the payout curve of both plans; and "what
//! does this deal earn": a quote's lines added to a partner's (and a rep's) period under the
//! plans in effect, with and without. Nothing is written.

use super::from_quote::{engine_lines, load_quote, QuoteTake};
use super::service::{compute_with, period_of};
use super::whatif::{what_if_with, WhatIf};
use super::{invalid, partners, plans, Payee};
use crate::error::{CoreError, CoreResult, FieldCode, FieldError};
use crate::partner::curve::{curve, CurvePoint};
use crate::partner::plan::{Plan, PlanKind};
use crate::partner::sales::SalesLine;
use crate::store::row;
use crate::validate::Checker;
use chrono::Datelike;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use sqlx::SqlitePool;
use std::collections::HashMap;
use ts_rs::TS;

/// A sale that did not happen (yet), for the what-if.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct HypotheticalSale {
    pub partner: String,
    pub rep: Option<String>,
    /// `YYYY-MM-DD`: invoiced and paid that day.
    pub date: String,
    pub amount: String,
    pub product_line: String,
    pub customer_type: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct WhatIfView {
    pub result: WhatIf,
    /// The payout over the sales amount under both plans (partner plans).
    pub curve: Vec<CurvePoint>,
    /// The simulated plan's tier boundaries, where a cliff may be.
    #[ts(type = "string[]")]
    pub boundaries: Vec<Decimal>,
}

/// Checks hypothetical sales (errors name `sales[2].amount`) and makes them engine rows.
async fn hypothetical(pool: &SqlitePool, sales: &[HypotheticalSale], currency: &str) -> CoreResult<Vec<SalesLine>> {
    let mut c = Checker::new();
    let mut conn = pool.acquire().await?;
    let mut out = Vec::new();
    for (i, s) in sales.iter().enumerate() {
        let f = |name: &str| format!("sales[{i}].{name}");
        let code = s.partner.trim();
        let parent = match partners::by_code(&mut conn, code).await? {
            Some(p) => p.parent_code,
            None => {
                c.fail(&f("partner"), FieldCode::InvalidReference, format!("no partner has the code {code}"));
                None
            }
        };
        if s.date.trim().is_empty() {
            c.fail(&f("date"), FieldCode::Required, "is required");
        }
        let date = c.date(&f("date"), &s.date);
        let amount = c.decimal(&f("amount"), &s.amount, (Decimal::ZERO, Decimal::from(1_000_000_000_000_i64)), 2);
        if let (Some(date), Some(amount)) = (date, amount) {
            out.push(SalesLine {
                id: format!("what-if {}", i + 1),
                date,
                partner_id: code.to_string(),
                parent_partner_id: parent,
                rep: s.rep.clone().map(|r| r.trim().to_string()).filter(|r| !r.is_empty()),
                customer_type: s.customer_type.trim().to_string(),
                product_line: s.product_line.trim().to_string(),
                quantity: Decimal::ONE,
                amount,
                discount: Decimal::ZERO,
                cost: Decimal::ZERO,
                currency: currency.to_string(),
                invoiced_on: Some(date),
                paid_on: Some(date),
                services: Vec::new(),
                refund_of: None,
            });
        }
    }
    if c.is_ok() {
        Ok(out)
    } else {
        Err(CoreError::Validation(c.into_errors()))
    }
}

/// The largest partner's sales in the period (stored and hypothetical), for the curve's range.
async fn largest_sales(pool: &SqlitePool, label: &str, extra: &[SalesLine]) -> CoreResult<Decimal> {
    let p = period_of(label)?;
    let rows = sqlx::query("SELECT partner_id, amount FROM sales_lines WHERE sale_date >= ? AND sale_date <= ?").bind(p.from.to_string()).bind(p.to.to_string()).fetch_all(pool).await?;
    let mut by: HashMap<String, Decimal> = HashMap::new();
    for r in &rows {
        let id: String = sqlx::Row::try_get(r, "partner_id")?;
        *by.entry(id).or_default() += row::decimal(r, "amount")?;
    }
    for l in extra {
        *by.entry(l.partner_id.clone()).or_default() += l.amount;
    }
    Ok(by.into_values().fold(Decimal::ZERO, Decimal::max))
}

/// Compares `draft` with the plan in effect for `label` (one payee or all), with `sales` added.
pub async fn simulate(pool: &SqlitePool, draft: &Plan, payee: Option<&str>, label: &str, sales: &[HypotheticalSale]) -> CoreResult<WhatIfView> {
    let extra = hypothetical(pool, sales, &draft.currency).await?;
    let payee = payee.map(str::trim).filter(|p| !p.is_empty());
    let result = what_if_with(pool, draft, payee, label, &extra).await?;
    let period = period_of(label)?;
    let current = {
        let mut conn = pool.acquire().await?;
        plans::effective(&mut conn, draft.kind, None, period.from).await.ok()
    };
    let points = if draft.kind == PlanKind::Partner { curve(draft, current.as_ref().map(|c| &c.plan), period, largest_sales(pool, label, &extra).await?) } else { Vec::new() };
    Ok(WhatIfView { result, curve: points, boundaries: crate::partner::curve::boundaries(draft) })
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PayeeGain {
    pub payee: Payee,
    /// `name v3`; `None` when no plan of that kind is in effect (nothing computed).
    pub plan: Option<String>,
    #[ts(type = "string")]
    pub without: Decimal,
    #[ts(type = "string")]
    pub with: Decimal,
    /// with − without: what the deal adds to the period's payout.
    #[ts(type = "string")]
    pub earns: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DealEarnings {
    pub quote_number: String,
    pub period: String,
    pub currency: String,
    #[ts(type = "string")]
    pub deal_amount: Decimal,
    pub partner: PayeeGain,
    pub rep: Option<PayeeGain>,
}

async fn gain(pool: &SqlitePool, payee: Payee, kind: PlanKind, label: &str, lines: &[SalesLine]) -> CoreResult<PayeeGain> {
    let period = period_of(label)?;
    let mut tx = pool.begin().await?;
    let Ok(plan) = plans::effective(&mut tx, kind, None, period.from).await else {
        return Ok(PayeeGain { payee, plan: None, without: Decimal::ZERO, with: Decimal::ZERO, earns: Decimal::ZERO });
    };
    let without = compute_with(&mut tx, &payee, &plan.plan, period, &[]).await?.total;
    let with = compute_with(&mut tx, &payee, &plan.plan, period, lines).await?.total;
    tx.rollback().await?;
    Ok(PayeeGain { payee, plan: Some(format!("{} v{}", plan.name, plan.version)), without, with, earns: with - without })
}

/// What a quote's deal adds to its partner's (and rep's) payout for the period it falls in
/// (default: the quarter of the day it was accepted, or of today). Lines not invoiced or paid
/// are counted as invoiced and paid on the sale day.
pub async fn deal_earnings(pool: &SqlitePool, take: &QuoteTake, period: Option<&str>) -> CoreResult<DealEarnings> {
    if take.partner.trim().is_empty() {
        return Err(invalid("partner", FieldCode::Required, "choose the partner the deal goes through"));
    }
    let q = load_quote(pool, &take.quote).await?;
    let mut lines = engine_lines(pool, &q, take).await?;
    for l in &mut lines {
        l.invoiced_on = l.invoiced_on.or(Some(l.date));
        l.paid_on = l.paid_on.or(Some(l.date));
    }
    let day = lines.first().map(|l| l.date).unwrap_or_else(crate::clock::today);
    let label = match period.map(str::trim).filter(|p| !p.is_empty()) {
        Some(p) => p.to_string(),
        None => format!("{}-Q{}", day.year(), (day.month() - 1) / 3 + 1),
    };
    let partner = gain(pool, Payee::Partner(take.partner.trim().to_string()), PlanKind::Partner, &label, &lines).await?;
    let rep = match take.rep.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
        Some(r) => {
            let mut conn = pool.acquire().await?;
            if super::reps::id_by_code(&mut conn, r).await?.is_none() {
                return Err(CoreError::Validation(vec![FieldError { field: "rep".into(), code: FieldCode::InvalidReference, message: format!("no sales rep has the code {r}") }]));
            }
            drop(conn);
            Some(gain(pool, Payee::Rep(r.to_string()), PlanKind::Rep, &label, &lines).await?)
        }
        None => None,
    };
    Ok(DealEarnings {
        quote_number: q.number.clone().unwrap_or_default(),
        period: label,
        currency: q.currency.clone(),
        deal_amount: lines.iter().map(|l| l.amount).sum(),
        partner,
        rep,
    })
}
