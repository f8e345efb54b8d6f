//! Sales lines from an accepted quote ("take from accepted quotes"), for a partner chosen by the
//! user: one line per quote line, named `<quote number>-<n>`, dated the day the quote was
//! accepted, for the quote's customer (customer type: the customer's industry unless given),
//! the product's product line, `amount` = the line's net after the quote's line and document
//! discounts, without tax (discount 0, so every base kind sees the price actually agreed),
//! `cost` = the line's cost. A quote is taken once: its family is recorded as an import batch
//! (kind `sales`, SHA-256 of `quote:<family>`), and a second take is refused naming the first.
//! The same lines, not stored, answer "what does this deal earn the partner and the rep".

use super::lines::{self, NewLine, PaymentStatus};
use super::{invalid, partners, reps};
use crate::error::{CoreError, CoreResult, FieldCode};
use crate::partner::sales::SalesLine;
use crate::quote::{Quote, QuoteStatus};
use crate::{clock, money};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use sqlx::{Row, SqliteConnection, SqlitePool};
use ts_rs::TS;

/// What "take from quote" (and the deal preview) is asked.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct QuoteTake {
    /// The quote's id or number.
    pub quote: String,
    pub partner: String,
    pub rep: Option<String>,
    /// Empty: the customer's industry.
    pub customer_type: Option<String>,
    /// `YYYY-MM-DD`; empty: not invoiced yet (pending on an invoice-triggered plan).
    pub invoiced_on: Option<String>,
    /// `YYYY-MM-DD` of full payment; empty: unpaid.
    pub paid_on: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct QuoteTaken {
    pub quote_number: String,
    pub partner: String,
    pub batch_id: String,
    pub lines: u32,
}

fn date(field: &str, v: &Option<String>) -> CoreResult<Option<NaiveDate>> {
    match v.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(t) => Ok(Some(super::service::parse_date(field, t)?)),
        None => Ok(None),
    }
}

pub async fn load_quote(pool: &SqlitePool, quote: &str) -> CoreResult<Quote> {
    match crate::ids::QuoteId::parse(quote.trim()) {
        Some(id) => crate::quote::store::get(pool, id).await,
        None => crate::quote::store::find_by_number(pool, quote).await,
    }
}

/// The day the quote was accepted (else its quote date).
fn accepted_on(q: &Quote) -> CoreResult<NaiveDate> {
    let at = q.events.iter().rev().find(|e| e.to_status == QuoteStatus::Accepted).map(|e| e.at.chars().take(10).collect::<String>());
    let text = at.unwrap_or_else(|| q.quote_date.clone());
    super::service::parse_date("quote", &text)
}

/// The quote's lines as sales lines of `partner` (not stored; `partner_id` is the code).
async fn build(conn: &mut SqliteConnection, q: &Quote, take: &QuoteTake) -> CoreResult<(String, Vec<NewLine>)> {
    let number = q.number.clone().ok_or_else(|| invalid("quote", FieldCode::InvalidReference, "the quote has no number yet (a draft)"))?;
    let invoiced_on = date("invoiced_on", &take.invoiced_on)?;
    let paid_on = date("paid_on", &take.paid_on)?;
    let industry: Option<String> = sqlx::query_scalar("SELECT industry FROM customers WHERE id = ?").bind(&q.customer_id).fetch_optional(&mut *conn).await?;
    let customer_type = take.customer_type.clone().map(|t| t.trim().to_string()).filter(|t| !t.is_empty()).or(industry).unwrap_or_default();
    let sale_date = accepted_on(q)?;
    let mut out = Vec::with_capacity(q.lines.len());
    for (i, (l, t)) in q.lines.iter().zip(&q.totals.lines).enumerate() {
        let product_line: Option<String> = match &l.product_id {
            Some(id) => sqlx::query_scalar("SELECT product_line FROM products WHERE id = ?").bind(id).fetch_optional(&mut *conn).await?,
            None => None,
        };
        out.push(NewLine {
            line_ref: format!("{number}-{}", i + 1),
            sale_date,
            partner_id: take.partner.trim().to_string(),
            rep_id: take.rep.clone().map(|r| r.trim().to_string()).filter(|r| !r.is_empty()),
            customer: q.customer_name.clone(),
            customer_type: customer_type.clone(),
            product: l.description.chars().take(200).collect(),
            product_line: product_line.unwrap_or_default(),
            quantity: l.quantity,
            amount: money::round_to_minor_units(t.margin + t.cost, &q.currency),
            discount: Decimal::ZERO,
            cost: t.cost,
            currency: q.currency.clone(),
            invoiced_on,
            payment_status: if paid_on.is_some() { PaymentStatus::Paid } else { PaymentStatus::Unpaid },
            paid_on,
            services: Vec::new(),
            refund_of: None,
        });
    }
    Ok((number, out))
}

fn batch_sha(q: &Quote) -> String {
    super::import::sha256_hex(format!("quote:{}", q.family_id).as_bytes())
}

/// Stores the lines of an accepted quote for a partner, in one transaction (audited as an import).
pub async fn take(pool: &SqlitePool, t: &QuoteTake) -> CoreResult<QuoteTaken> {
    let q = load_quote(pool, &t.quote).await?;
    if q.status != QuoteStatus::Accepted {
        return Err(CoreError::Conflict(format!("quote {} is {}; sales lines are taken from an accepted quote", q.number.as_deref().unwrap_or("(draft)"), q.status.code().replace('_', " "))));
    }
    let sha = batch_sha(&q);
    let mut tx = pool.begin().await?;
    if let Some(r) = sqlx::query("SELECT id, imported_at FROM import_batches WHERE kind = 'sales' AND sha256 = ?").bind(&sha).fetch_optional(&mut *tx).await? {
        let (id, at): (String, String) = (r.try_get("id")?, r.try_get("imported_at")?);
        return Err(CoreError::Conflict(format!("quote {} was already taken on {at} (batch {id}); a quote is taken once", q.number.as_deref().unwrap_or(""))));
    }
    let partner = partners::by_code(&mut tx, t.partner.trim()).await?.ok_or_else(|| invalid("partner", FieldCode::InvalidReference, format!("no partner has the code {}", t.partner.trim())))?;
    let rep_id = match t.rep.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
        Some(code) => Some(reps::id_by_code(&mut tx, code).await?.ok_or_else(|| invalid("rep", FieldCode::InvalidReference, format!("no sales rep has the code {code}")))?),
        None => None,
    };
    let (number, mut new_lines) = build(&mut tx, &q, t).await?;
    for l in &new_lines {
        if lines::partner_of(&mut tx, &l.line_ref).await?.is_some() {
            return Err(CoreError::Conflict(format!("a sales line {} exists already; the quote's lines were imported another way", l.line_ref)));
        }
    }
    let batch_id = crate::ids::new_row_id();
    let count = u32::try_from(new_lines.len()).unwrap_or(u32::MAX);
    sqlx::query("INSERT INTO import_batches (id, kind, file_name, sha256, rows, imported_at) VALUES (?, 'sales', ?, ?, ?, ?)")
        .bind(&batch_id)
        .bind(format!("quote {number}"))
        .bind(&sha)
        .bind(i64::from(count))
        .bind(clock::now())
        .execute(&mut *tx)
        .await?;
    for l in &mut new_lines {
        l.partner_id = partner.id.clone();
        l.rep_id = rep_id.clone();
        lines::insert(&mut tx, &batch_id, &sha, l).await?;
    }
    let detail = serde_json::json!({ "quote": number, "partner": partner.code, "lines": count });
    crate::audit::record(&mut tx, crate::audit::Event { action: "import", entity: "sales", entity_id: &batch_id, detail }).await?;
    tx.commit().await?;
    Ok(QuoteTaken { quote_number: number, partner: partner.code, batch_id, lines: count })
}

/// The quote's lines as the engine's rows, for a preview (nothing stored; any quote status).
pub async fn engine_lines(pool: &SqlitePool, q: &Quote, t: &QuoteTake) -> CoreResult<Vec<SalesLine>> {
    let mut conn = pool.acquire().await?;
    let partner = partners::by_code(&mut conn, t.partner.trim()).await?.ok_or_else(|| invalid("partner", FieldCode::InvalidReference, format!("no partner has the code {}", t.partner.trim())))?;
    let mut q = q.clone();
    if q.number.is_none() {
        q.number = Some("DRAFT".into());
    }
    let (_, built) = build(&mut conn, &q, t).await?;
    Ok(built
        .into_iter()
        .map(|l| {
            let (id, rep) = (format!("what-if {}", l.line_ref), l.rep_id.clone());
            SalesLine { refund_of: None, ..l.into_sales_line(id, partner.code.clone(), partner.parent_code.clone(), rep) }
        })
        .collect())
}
