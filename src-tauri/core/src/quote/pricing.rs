//! Pricing rules applied when a product is added to a quote: the list price (converted from
//! CNY at the quote's exchange rate when the quote is in another currency), the customer
//! tier's discount or the product's volume break, whichever is larger, and the cost-plus
//! suggestion. The live preview the builder shows as the user types is here too.

use super::model::{max_effective_discount, QuoteInput, QuoteLine, QuoteLineInput};
use super::rules::{self, ApprovalLevel};
use super::totals::{self, Totals};
use super::{document, print};
use crate::error::{CoreError, CoreResult, FieldCode, FieldError};
use crate::ids::ProductId;
use crate::store::row;
use crate::validate::Checker;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use sqlx::{Row, SqlitePool};
use ts_rs::TS;

/// What the builder shows next to the lines as the user types.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct QuotePreview {
    pub totals: Totals,
    pub required_approval: ApprovalLevel,
    /// The largest discount any line gets (line and document compounded), percent.
    #[ts(type = "string")]
    pub max_discount_pct: Decimal,
    pub words: String,
    pub words_en: Option<String>,
    /// Problems in the input so far (the totals skip what cannot be read).
    pub errors: Vec<FieldError>,
}

/// Totals, approval level and words for a quote being edited; never fails on bad input, it
/// reports it in `errors`.
pub async fn preview(pool: &SqlitePool, input: &QuoteInput) -> CoreResult<QuotePreview> {
    let mut conn = pool.acquire().await?;
    let rules = rules::load(&mut conn).await?;
    let settings = print::load(&mut conn).await?;
    drop(conn);
    let mut c = Checker::new();
    let fields = input.check(&mut c, chrono::Utc::now().date_naive(), rules.validity_days);
    let t = totals::compute(&fields.lines.iter().map(QuoteLine::priced).collect::<Vec<_>>(), fields.discount_pct, fields.tax_inclusive, &fields.currency);
    let max_discount_pct = max_effective_discount(&fields.lines, fields.discount_pct);
    let required_approval = rules.required_level(max_discount_pct, t.margin_pct);
    let (words, words_en) = if crate::money::minor_units(&fields.currency).is_some() {
        document::total_in_words(t.total, &fields.currency, fields.labels, &settings).unwrap_or_default()
    } else {
        (String::new(), None)
    };
    Ok(QuotePreview { totals: t, required_approval, max_discount_pct, words, words_en, errors: c.into_errors() })
}

/// A new quote line for `product`, priced for the customer and quantity.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct LineRequest {
    pub product_id: String,
    pub customer_id: Option<String>,
    pub currency: String,
    /// Units of CNY per unit of `currency`.
    #[serde(default)]
    pub exchange_rate: String,
    #[serde(default)]
    pub quantity: String,
}

pub async fn line_for_product(pool: &SqlitePool, req: &LineRequest) -> CoreResult<QuoteLineInput> {
    let mut c = Checker::new();
    let product = ProductId::parse(&req.product_id);
    if product.is_none() {
        c.fail("product_id", FieldCode::InvalidReference, "is not a product id");
    }
    let quantity = if req.quantity.trim().is_empty() { Decimal::ONE } else { c.decimal("quantity", &req.quantity, (Decimal::ZERO, Decimal::from(1_000_000_000)), 4).unwrap_or(Decimal::ONE) };
    let rate = if req.exchange_rate.trim().is_empty() { Decimal::ONE } else { c.decimal("exchange_rate", &req.exchange_rate, (Decimal::ZERO, Decimal::from(1_000_000)), 8).unwrap_or(Decimal::ONE) };
    let currency = c.currency("currency", &req.currency);
    c.finish()?;
    let product = product.ok_or_else(|| CoreError::BadRequest("no product".into()))?;
    let mut conn = pool.acquire().await?;
    let p = crate::catalog::product::get(&mut conn, product).await?;
    let rules = rules::load(&mut conn).await?;
    let tier: Option<String> = match req.customer_id.as_deref().filter(|s| !s.trim().is_empty()) {
        Some(id) => sqlx::query_scalar("SELECT tier FROM customers WHERE id = ?").bind(id).fetch_optional(&mut *conn).await?.flatten(),
        None => None,
    };
    let volume = volume_discount(&mut conn, product, quantity).await?;
    let discount = rules.tier_discount_pct(tier.as_deref()).max(volume);
    let convert = |amount: Decimal| -> CoreResult<Decimal> {
        if p.currency == currency {
            Ok(amount)
        } else if p.currency == "CNY" && !rate.is_zero() {
            Ok((amount / rate).round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero).normalize())
        } else {
            Err(CoreError::Conflict(format!("{} is priced in {}; the quote is in {}: enter the price by hand", p.sku, p.currency, currency)))
        }
    };
    Ok(QuoteLineInput {
        product_id: Some(p.id.to_string()),
        sku: p.sku.clone(),
        description: p.name.clone(),
        unit: p.unit.clone(),
        quantity: quantity.to_string(),
        unit_price: convert(p.list_price)?.to_string(),
        discount_pct: discount.normalize().to_string(),
        tax_rate_pct: p.tax_rate_pct.normalize().to_string(),
        unit_cost: convert(p.cost)?.to_string(),
    })
}

/// The volume-break discount for `quantity` units of a product (0 when none applies).
pub async fn volume_discount(conn: &mut sqlx::SqliteConnection, product: ProductId, quantity: Decimal) -> CoreResult<Decimal> {
    let rows = sqlx::query("SELECT min_quantity, discount_pct FROM volume_breaks WHERE product_id = ?").bind(product.to_string()).fetch_all(&mut *conn).await?;
    let mut best = Decimal::ZERO;
    for r in &rows {
        let min = row::decimal(r, "min_quantity")?;
        let pct = row::decimal(r, "discount_pct")?;
        if quantity >= min && pct > best {
            best = pct;
        }
    }
    Ok(best)
}

/// One volume break: from `min_quantity` units on, `discount_pct` off.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct VolumeBreak {
    pub min_quantity: String,
    pub discount_pct: String,
}

pub async fn volume_breaks(pool: &SqlitePool, product: ProductId) -> CoreResult<Vec<VolumeBreak>> {
    let rows = sqlx::query("SELECT min_quantity, discount_pct FROM volume_breaks WHERE product_id = ? ORDER BY CAST(min_quantity AS REAL)")
        .bind(product.to_string())
        .fetch_all(pool)
        .await?;
    rows.iter().map(|r| Ok(VolumeBreak { min_quantity: r.try_get("min_quantity")?, discount_pct: r.try_get("discount_pct")? })).collect()
}

/// Replaces a product's volume breaks (all checked first; none saved if one is wrong).
pub async fn save_volume_breaks(pool: &SqlitePool, product: ProductId, breaks: &[VolumeBreak]) -> CoreResult<Vec<VolumeBreak>> {
    let mut c = Checker::new();
    let mut seen = Vec::new();
    let mut checked = Vec::new();
    for (i, b) in breaks.iter().enumerate() {
        let min = c.decimal(&format!("breaks[{i}].min_quantity"), &b.min_quantity, (Decimal::ZERO, Decimal::from(1_000_000_000)), 4);
        let pct = c.percent(&format!("breaks[{i}].discount_pct"), &b.discount_pct);
        if let (Some(min), Some(pct)) = (min, pct) {
            if seen.contains(&min) {
                c.fail(&format!("breaks[{i}].min_quantity"), FieldCode::Duplicate, "appears twice");
            }
            seen.push(min);
            checked.push((min, pct));
        }
    }
    c.finish()?;
    let mut tx = pool.begin().await?;
    sqlx::query("DELETE FROM volume_breaks WHERE product_id = ?").bind(product.to_string()).execute(&mut *tx).await?;
    for (min, pct) in checked {
        sqlx::query("INSERT INTO volume_breaks (id, product_id, min_quantity, discount_pct) VALUES (?, ?, ?, ?)")
            .bind(crate::ids::new_row_id())
            .bind(product.to_string())
            .bind(min.to_string())
            .bind(pct.to_string())
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    volume_breaks(pool, product).await
}
