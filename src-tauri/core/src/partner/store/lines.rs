//! Imported sales lines: writing one (inside the import's transaction) and loading the lines a
//! statement is computed from, as the engine's plain `SalesLine` rows (partners and reps by
//! code, refunds pointing at the line reference they reverse).

use crate::error::CoreResult;
use crate::ids::new_row_id;
use crate::partner::plan::Service;
use crate::partner::sales::SalesLine;
use crate::store::row;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use sqlx::{Row, SqliteConnection};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaymentStatus {
    Unpaid,
    Partial,
    Paid,
}

impl PaymentStatus {
    pub const ALLOWED: &'static str = "unpaid, partial, paid (未回款, 部分回款, 已回款)";

    pub fn code(self) -> &'static str {
        match self {
            Self::Unpaid => "unpaid",
            Self::Partial => "partial",
            Self::Paid => "paid",
        }
    }

    pub fn parse(v: &str) -> Option<Self> {
        match v.trim().to_lowercase().as_str() {
            "unpaid" | "未回款" | "未付款" | "未付" => Some(Self::Unpaid),
            "partial" | "partially paid" | "部分回款" | "部分付款" => Some(Self::Partial),
            "paid" | "已回款" | "已付款" | "已付" => Some(Self::Paid),
            _ => None,
        }
    }
}

/// A checked line ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct NewLine {
    pub line_ref: String,
    pub sale_date: NaiveDate,
    pub partner_id: String,
    pub rep_id: Option<String>,
    pub customer: String,
    pub customer_type: String,
    pub product: String,
    pub product_line: String,
    pub quantity: Decimal,
    pub amount: Decimal,
    pub discount: Decimal,
    pub cost: Decimal,
    pub currency: String,
    pub invoiced_on: Option<NaiveDate>,
    pub payment_status: PaymentStatus,
    pub paid_on: Option<NaiveDate>,
    pub services: Vec<Service>,
    pub refund_of: Option<String>,
}

impl NewLine {
    /// The engine's line under `id`, paid to `partner` (below `parent`) and `rep`.
    pub fn into_sales_line(self, id: String, partner: String, parent: Option<String>, rep: Option<String>) -> SalesLine {
        SalesLine {
            id,
            date: self.sale_date,
            partner_id: partner,
            parent_partner_id: parent,
            rep,
            customer_type: self.customer_type,
            product_line: self.product_line,
            quantity: self.quantity,
            amount: self.amount,
            discount: self.discount,
            cost: self.cost,
            currency: self.currency,
            invoiced_on: self.invoiced_on,
            paid_on: self.paid_on,
            services: self.services,
            refund_of: self.refund_of,
        }
    }
}

pub async fn insert(conn: &mut SqliteConnection, batch_id: &str, sha256: &str, l: &NewLine) -> CoreResult<()> {
    let services = serde_json::to_string(&l.services).unwrap_or_else(|_| "[]".into());
    sqlx::query(
        "INSERT INTO sales_lines (id, line_ref, sale_date, partner_id, rep_id, customer, customer_type, product, product_line, quantity, amount, discount, cost, currency, invoice_status, invoiced_on, payment_status, paid_on, services, refund_of, batch_id, source_sha256)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(new_row_id())
    .bind(&l.line_ref)
    .bind(l.sale_date.to_string())
    .bind(&l.partner_id)
    .bind(&l.rep_id)
    .bind(&l.customer)
    .bind(&l.customer_type)
    .bind(&l.product)
    .bind(&l.product_line)
    .bind(l.quantity.to_string())
    .bind(l.amount.to_string())
    .bind(l.discount.to_string())
    .bind(l.cost.to_string())
    .bind(&l.currency)
    .bind(if l.invoiced_on.is_some() { "invoiced" } else { "not_invoiced" })
    .bind(l.invoiced_on.map(|d| d.to_string()))
    .bind(l.payment_status.code())
    .bind(l.paid_on.map(|d| d.to_string()))
    .bind(services)
    .bind(&l.refund_of)
    .bind(batch_id)
    .bind(sha256)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The partner code of a stored line, if the reference exists.
pub async fn partner_of(conn: &mut SqliteConnection, line_ref: &str) -> CoreResult<Option<String>> {
    Ok(sqlx::query_scalar("SELECT p.code FROM sales_lines l JOIN partners p ON p.id = l.partner_id WHERE l.line_ref = ?")
        .bind(line_ref)
        .fetch_optional(&mut *conn)
        .await?)
}

const SELECT: &str = "SELECT l.*, p.code AS partner_code, pp.code AS parent_code, r.code AS rep_code
    FROM sales_lines l JOIN partners p ON p.id = l.partner_id LEFT JOIN partners pp ON pp.id = p.parent_id LEFT JOIN sales_reps r ON r.id = l.rep_id";

fn from_row(r: &sqlx::sqlite::SqliteRow) -> Result<SalesLine, sqlx::Error> {
    let services: String = r.try_get("services")?;
    let sale_date: String = r.try_get("sale_date")?;
    Ok(SalesLine {
        id: r.try_get("line_ref")?,
        date: NaiveDate::parse_from_str(&sale_date, "%Y-%m-%d").map_err(|e| sqlx::Error::Decode(e.into()))?,
        partner_id: r.try_get("partner_code")?,
        parent_partner_id: r.try_get("parent_code")?,
        rep: r.try_get("rep_code")?,
        customer_type: r.try_get("customer_type")?,
        product_line: r.try_get("product_line")?,
        quantity: row::decimal(r, "quantity")?,
        amount: row::decimal(r, "amount")?,
        discount: row::decimal(r, "discount")?,
        cost: row::decimal(r, "cost")?,
        currency: r.try_get("currency")?,
        invoiced_on: row::opt_date(r, "invoiced_on")?,
        paid_on: row::opt_date(r, "paid_on")?,
        services: serde_json::from_str(&services).map_err(|e| sqlx::Error::Decode(e.into()))?,
        refund_of: r.try_get("refund_of")?,
    })
}

/// A partner's own lines and its direct sub-partners' lines sold up to `to`, in reference order.
pub async fn for_partner(conn: &mut SqliteConnection, code: &str, to: NaiveDate) -> CoreResult<Vec<SalesLine>> {
    // By partner id, so the (partner_id, sale_date) index is used: an OR over the joined
    // codes made SQLite scan every line once per partner (33 s for 200 partners × 40,000 lines).
    let rows = sqlx::query(&format!(
        "{SELECT} WHERE l.partner_id IN (SELECT id FROM partners WHERE code = ?1 UNION SELECT c.id FROM partners c JOIN partners pc ON pc.id = c.parent_id WHERE pc.code = ?1)
         AND l.sale_date <= ?2 ORDER BY l.line_ref"
    ))
    .bind(code)
    .bind(to.to_string())
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows.iter().map(from_row).collect::<Result<_, _>>()?)
}

/// A rep's lines sold up to `to`.
pub async fn for_rep(conn: &mut SqliteConnection, code: &str, to: NaiveDate) -> CoreResult<Vec<SalesLine>> {
    let rows = sqlx::query(&format!("{SELECT} WHERE l.rep_id = (SELECT id FROM sales_reps WHERE code = ?) AND l.sale_date <= ? ORDER BY l.line_ref")).bind(code).bind(to.to_string()).fetch_all(&mut *conn).await?;
    Ok(rows.iter().map(from_row).collect::<Result<_, _>>()?)
}

/// Partner codes that have at least one line sold up to `to` (own or as a parent).
pub async fn partners_with_lines(conn: &mut SqliteConnection, to: NaiveDate) -> CoreResult<Vec<String>> {
    Ok(sqlx::query_scalar(
        "SELECT DISTINCT code FROM (SELECT p.code AS code FROM sales_lines l JOIN partners p ON p.id = l.partner_id WHERE l.sale_date <= ?1
         UNION SELECT pp.code FROM sales_lines l JOIN partners p ON p.id = l.partner_id JOIN partners pp ON pp.id = p.parent_id WHERE l.sale_date <= ?1) ORDER BY code",
    )
    .bind(to.to_string())
    .fetch_all(&mut *conn)
    .await?)
}

pub async fn count(conn: &mut SqliteConnection) -> CoreResult<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM sales_lines").fetch_one(&mut *conn).await?)
}
