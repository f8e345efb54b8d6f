//! What the window's partner area lists: partners (bank holder and number through the data
//! view's masking policy, like every other list with personal data), reps with their quotas,
//! import batches, sales lines per partner and period, statement versions, and one statement
//! as the window shows it (with the total in words). Read-only; the writes are in `service`.

use super::statements::{self, StatementRecord};
use super::{partners, Payee};
use crate::error::CoreResult;
use crate::masking::apply::Masker;
use crate::masking::records::{mask_all, MaskedRecord, PersonalFields};
use crate::masking::view;
use crate::store::row;
use crate::words;
use serde::{Deserialize, Serialize};
use sqlx::{Row, SqlitePool};
use ts_rs::TS;

/// A partner as the list shows it; `masked` names the fields shown masked.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PartnerRow {
    pub id: String,
    pub code: String,
    pub name: String,
    pub region: String,
    /// 1 = 一级, 2 = 二级 …
    pub level: u8,
    pub parent_code: Option<String>,
    pub contract_start: Option<String>,
    pub contract_end: Option<String>,
    pub bank_account_holder: String,
    pub bank_account_number: String,
    pub bank_name: String,
    pub masked: Vec<String>,
}

impl PersonalFields for PartnerRow {
    const TABLE: &'static str = "partners";
    fn field(&self, column: &str) -> Option<&str> {
        match column {
            "bank_account_holder" => Some(&self.bank_account_holder),
            "bank_account_number" => Some(&self.bank_account_number),
            _ => None,
        }
    }
    fn field_mut(&mut self, column: &str) -> Option<&mut String> {
        match column {
            "bank_account_holder" => Some(&mut self.bank_account_holder),
            "bank_account_number" => Some(&mut self.bank_account_number),
            _ => None,
        }
    }
}

impl MaskedRecord for PartnerRow {
    fn masked_mut(&mut self) -> &mut Vec<String> {
        &mut self.masked
    }
}

/// Every partner by code, masked by the data view's policy.
pub async fn list_partners(pool: &SqlitePool) -> CoreResult<Vec<PartnerRow>> {
    let mut conn = pool.acquire().await?;
    let policy = view::load(&mut conn).await?.effective_policy();
    let mut rows: Vec<PartnerRow> = partners::list(&mut conn)
        .await?
        .into_iter()
        .map(|p| PartnerRow {
            id: p.id,
            code: p.code,
            name: p.name,
            region: p.region,
            level: p.level,
            parent_code: p.parent_code,
            contract_start: p.contract_start,
            contract_end: p.contract_end,
            bank_account_holder: p.bank_account_holder,
            bank_account_number: p.bank_account_number,
            bank_name: p.bank_name,
            masked: Vec::new(),
        })
        .collect();
    mask_all(&mut rows, &Masker { policy: &policy, keys: None })?;
    Ok(rows)
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RepQuota {
    /// `2026-07`.
    pub month: String,
    #[ts(type = "string")]
    pub amount: rust_decimal::Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RepRow {
    pub code: String,
    pub name: String,
    pub quotas: Vec<RepQuota>,
}

/// Every rep with its monthly quotas (oldest month first).
pub async fn list_reps(pool: &SqlitePool) -> CoreResult<Vec<RepRow>> {
    let rows = sqlx::query("SELECT r.code, r.name, q.month, q.amount FROM sales_reps r LEFT JOIN rep_quotas q ON q.rep_id = r.id ORDER BY r.code, q.month").fetch_all(pool).await?;
    let mut out: Vec<RepRow> = Vec::new();
    for r in rows {
        let code: String = r.try_get("code")?;
        if out.last().map(|x| x.code != code).unwrap_or(true) {
            out.push(RepRow { code: code.clone(), name: r.try_get("name")?, quotas: Vec::new() });
        }
        let month: Option<String> = r.try_get("month")?;
        if let (Some(month), Some(last)) = (month, out.last_mut()) {
            last.quotas.push(RepQuota { month, amount: row::decimal(&r, "amount")? });
        }
    }
    Ok(out)
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct BatchRow {
    pub id: String,
    /// `sales`, `partners` or `reps`.
    pub kind: String,
    pub file_name: String,
    pub sha256: String,
    pub rows: u32,
    pub imported_at: String,
}

/// Every import batch, newest first.
pub async fn list_batches(pool: &SqlitePool) -> CoreResult<Vec<BatchRow>> {
    let rows = sqlx::query("SELECT * FROM import_batches ORDER BY imported_at DESC, id DESC").fetch_all(pool).await?;
    rows.iter()
        .map(|r| {
            let n: i64 = r.try_get("rows")?;
            Ok(BatchRow { id: r.try_get("id")?, kind: r.try_get("kind")?, file_name: r.try_get("file_name")?, sha256: r.try_get("sha256")?, rows: u32::try_from(n).unwrap_or(0), imported_at: r.try_get("imported_at")? })
        })
        .collect()
}

/// Which lines to list; empty fields do not filter.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct LineFilter {
    pub partner: Option<String>,
    /// `2026-Q3`, `2026-07`, `2026-H1`, `2026`: by sale date.
    pub period: Option<String>,
    pub batch_id: Option<String>,
    /// 1-based.
    pub page: u32,
    pub page_size: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct LineRow {
    pub line_ref: String,
    pub sale_date: String,
    pub partner_code: String,
    pub rep_code: Option<String>,
    pub customer: String,
    pub customer_type: String,
    pub product: String,
    pub product_line: String,
    pub quantity: String,
    pub amount: String,
    pub discount: String,
    pub cost: String,
    pub currency: String,
    pub invoiced_on: Option<String>,
    pub payment_status: String,
    pub paid_on: Option<String>,
    pub refund_of: Option<String>,
    pub batch_file: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct LinePage {
    pub items: Vec<LineRow>,
    pub total: u32,
}

fn opt(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// A page of sales lines (by sale date, then reference).
pub async fn list_lines(pool: &SqlitePool, f: &LineFilter) -> CoreResult<LinePage> {
    let (from, to) = match opt(&f.period) {
        Some(label) => {
            let p = super::service::period_of(label)?;
            (Some(p.from.to_string()), Some(p.to.to_string()))
        }
        None => (None, None),
    };
    let filter = "FROM sales_lines l JOIN partners p ON p.id = l.partner_id LEFT JOIN sales_reps r ON r.id = l.rep_id JOIN import_batches b ON b.id = l.batch_id
        WHERE (?1 IS NULL OR p.code = ?1) AND (?2 IS NULL OR l.sale_date >= ?2) AND (?3 IS NULL OR l.sale_date <= ?3) AND (?4 IS NULL OR l.batch_id = ?4)";
    let (partner, batch) = (opt(&f.partner).map(str::to_string), opt(&f.batch_id).map(str::to_string));
    let count_sql = format!("SELECT COUNT(*) {filter}");
    let total: i64 = sqlx::query_scalar(&count_sql).bind(&partner).bind(&from).bind(&to).bind(&batch).fetch_one(pool).await?;
    let size = f.page_size.clamp(1, 500);
    let offset = i64::from(f.page.max(1) - 1) * i64::from(size);
    let sql = format!("SELECT l.*, p.code AS partner_code, r.code AS rep_code, b.file_name AS batch_file {filter} ORDER BY l.sale_date, l.line_ref LIMIT {size} OFFSET {offset}");
    let rows = sqlx::query(&sql).bind(&partner).bind(&from).bind(&to).bind(&batch).fetch_all(pool).await?;
    let items = rows
        .iter()
        .map(|r| {
            Ok(LineRow {
                line_ref: r.try_get("line_ref")?,
                sale_date: r.try_get("sale_date")?,
                partner_code: r.try_get("partner_code")?,
                rep_code: r.try_get("rep_code")?,
                customer: r.try_get("customer")?,
                customer_type: r.try_get("customer_type")?,
                product: r.try_get("product")?,
                product_line: r.try_get("product_line")?,
                quantity: r.try_get("quantity")?,
                amount: r.try_get("amount")?,
                discount: r.try_get("discount")?,
                cost: r.try_get("cost")?,
                currency: r.try_get("currency")?,
                invoiced_on: r.try_get("invoiced_on")?,
                payment_status: r.try_get("payment_status")?,
                paid_on: r.try_get("paid_on")?,
                refund_of: r.try_get("refund_of")?,
                batch_file: r.try_get("batch_file")?,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    Ok(LinePage { items, total: u32::try_from(total).unwrap_or(u32::MAX) })
}

/// One statement version as a row of the list (no snapshot read).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct StatementSummary {
    pub id: String,
    pub payee: Payee,
    pub period: String,
    pub version: u32,
    pub status: statements::Status,
    pub plan_name: String,
    pub plan_version: u32,
    pub currency: String,
    #[ts(type = "string")]
    pub total: rust_decimal::Decimal,
    pub line_count: u32,
    pub created_at: String,
    pub locked_at: Option<String>,
}

/// Every statement version (newest period first), optionally one payee's.
pub async fn list_statements(pool: &SqlitePool, payee: Option<&Payee>) -> CoreResult<Vec<StatementSummary>> {
    let rows = sqlx::query(
        "SELECT id, payee_kind, payee, period, version, status, plan_name, plan_version, currency, total, line_count, created_at, locked_at FROM statements
         WHERE (?1 IS NULL OR (payee_kind = ?1 AND payee = ?2)) ORDER BY period_from DESC, period_to DESC, payee_kind, payee, version DESC",
    )
    .bind(payee.map(Payee::kind))
    .bind(payee.map(|p| p.code().to_string()))
    .fetch_all(pool)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let (kind, code, status): (String, String, String) = (r.try_get("payee_kind")?, r.try_get("payee")?, r.try_get("status")?);
        let (version, plan_version, lines): (i64, i64, i64) = (r.try_get("version")?, r.try_get("plan_version")?, r.try_get("line_count")?);
        out.push(StatementSummary {
            id: r.try_get("id")?,
            payee: if kind == "rep" { Payee::Rep(code) } else { Payee::Partner(code) },
            period: r.try_get("period")?,
            version: u32::try_from(version).unwrap_or(0),
            status: if status == "locked" { statements::Status::Locked } else { statements::Status::Computed },
            plan_name: r.try_get("plan_name")?,
            plan_version: u32::try_from(plan_version).unwrap_or(0),
            currency: r.try_get("currency")?,
            total: row::decimal(&r, "total")?,
            line_count: u32::try_from(lines).unwrap_or(0),
            created_at: r.try_get("created_at")?,
            locked_at: r.try_get("locked_at")?,
        });
    }
    Ok(out)
}

/// A statement as the window shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct StatementView {
    pub record: StatementRecord,
    /// `D001 华东总代` (the rep's code for a rep).
    pub payee_name: String,
    /// The total in words: 人民币壹仟壹佰元整 (for CNY; the currency's own words otherwise).
    pub words: String,
    pub words_en: String,
    /// Every version of this payee's period, newest first, to switch between them.
    pub versions: Vec<StatementSummary>,
}

/// `D001 华东总代` for a partner; the code for a rep or an unknown partner.
pub async fn payee_name(pool: &SqlitePool, payee: &Payee) -> CoreResult<String> {
    Ok(match payee {
        Payee::Partner(c) => {
            let mut conn = pool.acquire().await?;
            partners::by_code(&mut conn, c).await?.map(|p| format!("{} {}", p.code, p.name)).unwrap_or_else(|| c.clone())
        }
        Payee::Rep(c) => c.clone(),
    })
}

pub async fn statement_view(pool: &SqlitePool, record: StatementRecord) -> CoreResult<StatementView> {
    let cur = record.currency.clone();
    let total = record.total;
    let in_words = |lang| words::amount_in_words(total, &cur, lang, &words::ZhOptions::default()).unwrap_or_default();
    let payee_name = payee_name(pool, &record.payee).await?;
    let versions = list_statements(pool, Some(&record.payee)).await?.into_iter().filter(|s| s.period == record.period_label).collect();
    Ok(StatementView { payee_name, words: in_words(words::Lang::default_for(&cur)), words_en: in_words(words::Lang::En), versions, record })
}
