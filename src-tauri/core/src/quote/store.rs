//! Quotes in the database: saving a draft (header and lines replaced in one transaction),
//! loading a revision with its lines, events and computed totals, finding one by number. The
//! list (search, sort, paging) is in `list.rs`, re-exported here.

use super::model::{display_number, max_effective_discount, Quote, QuoteEvent, QuoteFields, QuoteInput, QuoteLine, QuoteStatus, Labels, Paper};
use super::rules::{self, QuoteRules};
use super::totals;
use crate::clock;
use crate::error::{CoreError, CoreResult, FieldCode};
use crate::ids::{CustomerId, OpportunityId, ProductId, QuoteId};
use crate::store::row;
use crate::validate::Checker;
use rust_decimal::Decimal;
use sqlx::{Row, SqliteConnection, SqlitePool};

pub use super::list::{list, QuoteSummary, LIST};

fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

/// Creates a draft, or replaces an existing draft's header and lines. Anything past draft is
/// locked: a change needs a new revision (`workflow::revise`).
pub async fn save_draft(pool: &SqlitePool, input: &QuoteInput) -> CoreResult<Quote> {
    let mut conn = pool.acquire().await?;
    let rules = rules::load(&mut conn).await?;
    drop(conn);
    let mut c = Checker::new();
    let fields = input.check(&mut c, today(), rules.validity_days);
    let id = crate::crm::parse_optional_id(&mut c, input.id.as_deref(), QuoteId::parse);
    let customer = CustomerId::parse(&input.customer_id);
    if customer.is_none() {
        c.fail("customer_id", FieldCode::Required, "choose a customer");
    }
    let opportunity = input.opportunity_id.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let opportunity = match opportunity {
        Some(raw) => match OpportunityId::parse(raw) {
            Some(o) => Some(o),
            None => {
                c.fail("opportunity_id", FieldCode::InvalidReference, "is not a record id");
                None
            }
        },
        None => None,
    };
    for (i, line) in fields.lines.iter().enumerate() {
        if line.product_id.as_deref().is_some_and(|p| ProductId::parse(p).is_none()) {
            c.fail(&format!("lines[{i}].product_id"), FieldCode::InvalidReference, "is not a product id");
        }
    }
    c.finish()?;
    let customer = customer.ok_or_else(|| CoreError::BadRequest("choose a customer".into()))?;

    let mut tx = pool.begin().await?;
    check_reference(&mut tx, "customers", "customer_id", &customer.to_string()).await?;
    if let Some(o) = opportunity {
        check_reference(&mut tx, "opportunities", "opportunity_id", &o.to_string()).await?;
    }
    let now = clock::now();
    let total = totals::compute(&fields.lines.iter().map(QuoteLine::priced).collect::<Vec<_>>(), fields.discount_pct, fields.tax_inclusive, &fields.currency).total;
    let id = match id {
        Some(id) => {
            let status: Option<String> = sqlx::query_scalar("SELECT status FROM quotes WHERE id = ? AND deleted_at IS NULL").bind(id.to_string()).fetch_optional(&mut *tx).await?;
            match status.as_deref().and_then(QuoteStatus::parse) {
                None => return Err(CoreError::NotFound { entity: "quote", id: id.to_string() }),
                Some(s) if !s.is_editable() => {
                    return Err(CoreError::Conflict(format!("this quote is {} and locked; make a new revision to change it", s.code())))
                }
                Some(_) => {}
            }
            sqlx::query(
                "UPDATE quotes SET customer_id = ?, opportunity_id = ?, currency = ?, exchange_rate = ?, tax_inclusive = ?, discount_pct = ?,
                 quote_date = ?, valid_until = ?, labels = ?, paper = ?, notes = ?, terms = ?, total = ?, updated_at = ? WHERE id = ?",
            )
            .bind(customer.to_string())
            .bind(opportunity.map(|o| o.to_string()))
            .bind(&fields.currency)
            .bind(fields.exchange_rate.to_string())
            .bind(fields.tax_inclusive)
            .bind(fields.discount_pct.to_string())
            .bind(fields.quote_date.to_string())
            .bind(fields.valid_until.to_string())
            .bind(fields.labels.code())
            .bind(fields.paper.code())
            .bind(&fields.notes)
            .bind(&fields.terms)
            .bind(total.to_string())
            .bind(&now)
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?;
            sqlx::query("DELETE FROM quote_lines WHERE quote_id = ?").bind(id.to_string()).execute(&mut *tx).await?;
            id
        }
        None => {
            let id = QuoteId::new();
            insert_header(&mut tx, id, &id.to_string(), 1, None, customer, opportunity, &fields, &total, &now).await?;
            super::workflow::record_event(&mut tx, id, None, QuoteStatus::Draft, "").await?;
            id
        }
    };
    insert_lines(&mut tx, id, &fields.lines).await?;
    tx.commit().await?;
    get(pool, id).await
}

async fn check_reference(conn: &mut SqliteConnection, table: &'static str, field: &str, id: &str) -> CoreResult<()> {
    let sql = format!("SELECT COUNT(*) FROM {table} WHERE id = ? AND deleted_at IS NULL");
    let n: i64 = sqlx::query_scalar(&sql).bind(id).fetch_one(&mut *conn).await?;
    if n == 0 {
        let mut c = Checker::new();
        c.fail(field, FieldCode::InvalidReference, "does not exist (deleted?)");
        c.finish()?;
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
pub(super) async fn insert_header(
    conn: &mut SqliteConnection,
    id: QuoteId,
    family_id: &str,
    revision: u32,
    number: Option<&str>,
    customer: CustomerId,
    opportunity: Option<OpportunityId>,
    f: &QuoteFields,
    total: &Decimal,
    now: &str,
) -> CoreResult<()> {
    sqlx::query(
        "INSERT INTO quotes (id, family_id, revision, number, status, customer_id, opportunity_id, currency, exchange_rate, tax_inclusive,
         discount_pct, quote_date, valid_until, labels, paper, notes, terms, total, owner, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(id.to_string())
    .bind(family_id)
    .bind(i64::from(revision))
    .bind(number)
    .bind(customer.to_string())
    .bind(opportunity.map(|o| o.to_string()))
    .bind(&f.currency)
    .bind(f.exchange_rate.to_string())
    .bind(f.tax_inclusive)
    .bind(f.discount_pct.to_string())
    .bind(f.quote_date.to_string())
    .bind(f.valid_until.to_string())
    .bind(f.labels.code())
    .bind(f.paper.code())
    .bind(&f.notes)
    .bind(&f.terms)
    .bind(total.to_string())
    .bind(crate::audit::actor())
    .bind(now)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub(super) async fn insert_lines(conn: &mut SqliteConnection, id: QuoteId, lines: &[QuoteLine]) -> CoreResult<()> {
    for (position, l) in lines.iter().enumerate() {
        sqlx::query(
            "INSERT INTO quote_lines (id, quote_id, position, product_id, sku, description, unit, quantity, unit_price, discount_pct, tax_rate_pct, unit_cost)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(crate::ids::new_row_id())
        .bind(id.to_string())
        .bind(i64::try_from(position).unwrap_or(i64::MAX))
        .bind(&l.product_id)
        .bind(&l.sku)
        .bind(&l.description)
        .bind(&l.unit)
        .bind(l.quantity.to_string())
        .bind(l.unit_price.to_string())
        .bind(l.discount_pct.to_string())
        .bind(l.tax_rate_pct.to_string())
        .bind(l.unit_cost.to_string())
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

pub(super) async fn load_lines(conn: &mut SqliteConnection, id: QuoteId) -> CoreResult<Vec<QuoteLine>> {
    let rows = sqlx::query("SELECT * FROM quote_lines WHERE quote_id = ? ORDER BY position").bind(id.to_string()).fetch_all(&mut *conn).await?;
    let mut lines = Vec::with_capacity(rows.len());
    for r in &rows {
        lines.push(QuoteLine {
            product_id: r.try_get("product_id")?,
            sku: r.try_get("sku")?,
            description: r.try_get("description")?,
            unit: r.try_get("unit")?,
            quantity: row::decimal(r, "quantity")?,
            unit_price: row::decimal(r, "unit_price")?,
            discount_pct: row::decimal(r, "discount_pct")?,
            tax_rate_pct: row::decimal(r, "tax_rate_pct")?,
            unit_cost: row::decimal(r, "unit_cost")?,
        });
    }
    Ok(lines)
}

/// One revision with its lines, status history and totals.
pub async fn get(pool: &SqlitePool, id: QuoteId) -> CoreResult<Quote> {
    let mut conn = pool.acquire().await?;
    let rules = rules::load(&mut conn).await?;
    get_in(&mut conn, id, &rules).await
}

pub(super) async fn get_in(conn: &mut SqliteConnection, id: QuoteId, rules: &QuoteRules) -> CoreResult<Quote> {
    let r = sqlx::query("SELECT q.*, c.name AS customer_name FROM quotes q JOIN customers c ON c.id = q.customer_id WHERE q.id = ? AND q.deleted_at IS NULL")
        .bind(id.to_string())
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| CoreError::NotFound { entity: "quote", id: id.to_string() })?;
    let lines = load_lines(conn, id).await?;
    let events = load_events(conn, id).await?;
    let revision = u32::try_from(r.try_get::<i64, _>("revision")?).unwrap_or(1);
    let number: Option<String> = r.try_get("number")?;
    let currency: String = r.try_get("currency")?;
    let discount_pct = row::decimal(&r, "discount_pct")?;
    let tax_inclusive: bool = r.try_get("tax_inclusive")?;
    let totals = totals::compute(&lines.iter().map(QuoteLine::priced).collect::<Vec<_>>(), discount_pct, tax_inclusive, &currency);
    let required_approval = rules.required_level(max_effective_discount(&lines, discount_pct), totals.margin_pct);
    Ok(Quote {
        id,
        family_id: r.try_get("family_id")?,
        revision,
        number: display_number(number.as_deref(), revision),
        status: row::choice(&r, "status", QuoteStatus::parse)?,
        customer_id: r.try_get("customer_id")?,
        customer_name: r.try_get("customer_name")?,
        opportunity_id: r.try_get("opportunity_id")?,
        exchange_rate: row::decimal(&r, "exchange_rate")?,
        tax_inclusive,
        discount_pct,
        quote_date: r.try_get("quote_date")?,
        valid_until: r.try_get("valid_until")?,
        labels: row::choice(&r, "labels", Labels::parse)?,
        paper: row::choice(&r, "paper", Paper::parse)?,
        notes: r.try_get("notes")?,
        terms: r.try_get("terms")?,
        required_approval,
        owner: r.try_get("owner")?,
        lines,
        totals,
        events,
        currency,
        created_at: r.try_get("created_at")?,
        updated_at: r.try_get("updated_at")?,
        masked: Vec::new(),
    })
}

async fn load_events(conn: &mut SqliteConnection, id: QuoteId) -> CoreResult<Vec<QuoteEvent>> {
    let rows = sqlx::query("SELECT * FROM quote_events WHERE quote_id = ? ORDER BY at, id").bind(id.to_string()).fetch_all(&mut *conn).await?;
    let mut events = Vec::with_capacity(rows.len());
    for r in &rows {
        events.push(QuoteEvent {
            id: r.try_get("id")?,
            from_status: row::opt_choice(r, "from_status", QuoteStatus::parse)?,
            to_status: row::choice(r, "to_status", QuoteStatus::parse)?,
            actor: r.try_get("actor")?,
            role: r.try_get("role")?,
            comment: r.try_get("comment")?,
            at: r.try_get("at")?,
            masked: Vec::new(),
        });
    }
    Ok(events)
}

/// Every revision of the quote `id` belongs to, oldest first (for side-by-side viewing).
pub async fn revisions(pool: &SqlitePool, id: QuoteId) -> CoreResult<Vec<Quote>> {
    let mut conn = pool.acquire().await?;
    let rules = rules::load(&mut conn).await?;
    let ids: Vec<String> = sqlx::query_scalar(
        "SELECT id FROM quotes WHERE family_id = (SELECT family_id FROM quotes WHERE id = ?) AND deleted_at IS NULL ORDER BY revision",
    )
    .bind(id.to_string())
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::with_capacity(ids.len());
    for raw in ids {
        let rid = QuoteId::parse(&raw).ok_or_else(|| CoreError::BadRequest(format!("bad quote id {raw} in the database")))?;
        out.push(get_in(&mut conn, rid, &rules).await?);
    }
    Ok(out)
}

/// The revision a printed number names: `Q-2026-0001` is the newest revision of that quote,
/// `Q-2026-0001-R2` exactly revision 2.
pub async fn find_by_number(pool: &SqlitePool, number: &str) -> CoreResult<Quote> {
    let number = number.trim();
    let (base, revision) = match number.rsplit_once("-R") {
        Some((base, rev)) if rev.parse::<u32>().is_ok() => (base, rev.parse::<i64>().ok()),
        _ => (number, None),
    };
    let id: Option<String> = match revision {
        Some(rev) => sqlx::query_scalar("SELECT id FROM quotes WHERE number = ? AND revision = ? AND deleted_at IS NULL")
            .bind(base)
            .bind(rev)
            .fetch_optional(pool)
            .await?,
        None => sqlx::query_scalar("SELECT id FROM quotes WHERE number = ? AND deleted_at IS NULL ORDER BY revision DESC LIMIT 1")
            .bind(base)
            .fetch_optional(pool)
            .await?,
    };
    let id = id.and_then(|i| QuoteId::parse(&i)).ok_or_else(|| CoreError::NotFound { entity: "quote", id: number.to_string() })?;
    get(pool, id).await
}

/// Ids of the newest revisions with `status` (all statuses when `None`), oldest number first.
pub async fn ids_with_status(pool: &SqlitePool, status: Option<QuoteStatus>) -> CoreResult<Vec<QuoteId>> {
    super::workflow::expire_due(pool).await?;
    let rows: Vec<String> = match status {
        Some(s) => sqlx::query_scalar("SELECT id FROM quotes WHERE status = ? AND deleted_at IS NULL ORDER BY number, revision")
            .bind(s.code())
            .fetch_all(pool)
            .await?,
        None => sqlx::query_scalar("SELECT id FROM quotes WHERE status <> 'superseded' AND deleted_at IS NULL ORDER BY number, revision").fetch_all(pool).await?,
    };
    Ok(rows.iter().filter_map(|r| QuoteId::parse(r)).collect())
}

/// The live customer with exactly this name (the oldest when several share it).
pub async fn customer_by_name(pool: &SqlitePool, name: &str) -> CoreResult<CustomerId> {
    let id: Option<String> = sqlx::query_scalar("SELECT id FROM customers WHERE name = ? AND deleted_at IS NULL ORDER BY created_at LIMIT 1")
        .bind(name.trim())
        .fetch_optional(pool)
        .await?;
    id.and_then(|i| CustomerId::parse(&i)).ok_or_else(|| CoreError::NotFound { entity: "customer", id: name.trim().to_string() })
}
