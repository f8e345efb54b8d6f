//! Making and changing contracts: a contract from an accepted quote (numbered C-yyyy-nnnn in
//! the same transaction, its own copy of the template's clauses), key terms, clause edits,
//! fallbacks, free-text clauses, and the status steps outside legal's review. A change to a
//! contract under review re-runs the rules; a change after sign-off revokes it and reopens
//! the review (risk::review). Every step is recorded with who and when.

use super::model::*;
use super::store::{self, get_in};
use crate::clock;
use crate::error::{CoreError, CoreResult, FieldCode};
use crate::ids::new_row_id;
use crate::quote::{Actor, QuoteStatus};
use crate::validate::Checker;
use rust_decimal::Decimal;
use serde::Deserialize;
use sqlx::{SqliteConnection, SqlitePool};
use ts_rs::TS;

/// The contract number pattern (the quote pattern's syntax).
pub const NUMBER_PATTERN: &str = "C-{yyyy}-{seq:4}";

pub(crate) async fn record_event(conn: &mut SqliteConnection, id: &str, from: Option<ContractStatus>, to: ContractStatus, comment: &str, actor: &Actor) -> CoreResult<()> {
    sqlx::query("INSERT INTO contract_events (id, contract_id, from_status, to_status, actor, role, comment, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(new_row_id())
        .bind(id)
        .bind(from.map(ContractStatus::code))
        .bind(to.code())
        .bind(&actor.name)
        .bind(actor.role.code())
        .bind(comment)
        .bind(clock::now())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub(crate) async fn set_status(conn: &mut SqliteConnection, id: &str, to: ContractStatus) -> CoreResult<()> {
    sqlx::query("UPDATE contracts SET status = ?, updated_at = ? WHERE id = ?").bind(to.code()).bind(clock::now()).bind(id).execute(&mut *conn).await?;
    Ok(())
}

fn check_terms(t: &KeyTerms) -> CoreResult<()> {
    let mut c = Checker::new();
    for (field, v, max) in [
        ("payment_days", t.payment_days, 3650),
        ("delivery_days", t.delivery_days, 3650),
        ("acceptance_days", t.acceptance_days, 3650),
        ("warranty_months", t.warranty_months, 600),
        ("term_months", t.term_months, 1200),
        ("non_renewal_notice_days", t.non_renewal_notice_days, 3650),
    ] {
        if v.is_some_and(|v| v > max) {
            c.fail(field, FieldCode::OutOfRange, format!("must be at most {max}"));
        }
    }
    if let Some(cap) = t.liability_cap_pct {
        if cap < Decimal::ZERO || cap > Decimal::from(1000) || cap.scale() > 2 {
            c.fail("liability_cap_pct", FieldCode::OutOfRange, "must be a percent between 0 and 1000 with at most 2 decimals");
        }
    }
    c.finish()
}

/// A liability cap as typed (percent of the contract value, 0–1000, two decimals at most).
pub fn parse_cap(text: &str) -> CoreResult<Decimal> {
    let mut c = Checker::new();
    let v = c.decimal("liability_cap_pct", text, (Decimal::ZERO, Decimal::from(1000)), 2);
    c.finish()?;
    v.ok_or_else(|| CoreError::BadRequest(format!("bad liability cap {text}")))
}

/// Creates a draft contract from an accepted quote (by number or id) on the newest template
/// of `kind`.
pub async fn create_from_quote(pool: &SqlitePool, quote: &str, kind: TemplateKind, terms: &KeyTerms, actor: &Actor) -> CoreResult<Contract> {
    check_terms(terms)?;
    let q = match crate::ids::QuoteId::parse(quote) {
        Some(id) => crate::quote::store::get(pool, id).await?,
        None => crate::quote::store::find_by_number(pool, quote).await?,
    };
    if q.status != QuoteStatus::Accepted {
        return Err(CoreError::Conflict(format!(
            "quote {} is {}; a contract is made from an accepted quote",
            q.number.as_deref().unwrap_or("(draft)"),
            q.status.code().replace('_', " ")
        )));
    }
    let mut tx = pool.begin().await?;
    let (template_id, template) = store::template(&mut tx, kind).await?;
    let today = clock::today();
    let seq = crate::quote::workflow::next_number(&mut tx, "contract", chrono::Datelike::year(&today)).await?;
    let number = crate::quote::rules::format_number(NUMBER_PATTERN, today, seq);
    let id = new_row_id();
    let now = clock::now();
    sqlx::query(
        "INSERT INTO contracts (id, number, quote_id, customer_id, template_id, kind, status, currency, contract_value, contract_date, payment_days, delivery_days,
         acceptance_days, liability_cap_pct, warranty_months, term_months, auto_renew, non_renewal_notice_days, public_body, owner, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&id)
    .bind(&number)
    .bind(q.id.to_string())
    .bind(&q.customer_id)
    .bind(&template_id)
    .bind(kind.code())
    .bind(&q.currency)
    .bind(q.totals.total.to_string())
    .bind(today.to_string())
    .bind(terms.payment_days)
    .bind(terms.delivery_days)
    .bind(terms.acceptance_days)
    .bind(terms.liability_cap_pct.map(|d| d.to_string()))
    .bind(terms.warranty_months)
    .bind(terms.term_months)
    .bind(i64::from(terms.auto_renew))
    .bind(terms.non_renewal_notice_days)
    .bind(i64::from(terms.public_body))
    .bind(&actor.name)
    .bind(&now)
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    for (i, key) in template.clauses.iter().enumerate() {
        let c = store::clause(&mut tx, key).await?;
        insert_clause(&mut tx, &id, i as u32 + 1, Some((&c.key, c.version)), c.topic, (&c.title_zh, &c.title_en), (&c.zh, &c.en), ClauseSource::Standard, None).await?;
    }
    record_event(&mut tx, &id, None, ContractStatus::Draft, &format!("from quote {}", q.number.as_deref().unwrap_or_default()), actor).await?;
    let contract = get_in(&mut tx, &id).await?;
    tx.commit().await?;
    tracing::info!(number = %contract.number, kind = kind.code(), "contract created");
    Ok(contract)
}

#[allow(clippy::too_many_arguments)]
async fn insert_clause(
    conn: &mut SqliteConnection,
    contract: &str,
    position: u32,
    key: Option<(&str, u32)>,
    topic: Topic,
    title: (&str, &str),
    text: (&str, &str),
    source: ClauseSource,
    fallback: Option<u32>,
) -> CoreResult<()> {
    sqlx::query(
        "INSERT INTO contract_clauses (id, contract_id, position, clause_key, clause_version, topic, title_zh, title_en, text_zh, text_en, source, fallback_position, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(new_row_id())
    .bind(contract)
    .bind(position)
    .bind(key.map(|k| k.0))
    .bind(key.map(|k| k.1))
    .bind(topic.code())
    .bind(title.0)
    .bind(title.1)
    .bind(text.0)
    .bind(text.1)
    .bind(source.code())
    .bind(fallback)
    .bind(clock::now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Opens a change: the contract must be editable; returns its status before the change.
async fn begin_change(conn: &mut SqliteConnection, id: &str) -> CoreResult<ContractStatus> {
    let c = get_in(conn, id).await?;
    if !c.status.is_editable() {
        return Err(CoreError::Conflict(format!("contract {} is {}; it can no longer be changed", c.number, c.status.code().replace('_', " "))));
    }
    Ok(c.status)
}

/// After a change: re-run the review of a contract under review; reopen a signed-off one.
async fn after_change(conn: &mut SqliteConnection, id: &str, before: ContractStatus, what: &str, actor: &Actor) -> CoreResult<Contract> {
    sqlx::query("UPDATE contracts SET updated_at = ? WHERE id = ?").bind(clock::now()).bind(id).execute(&mut *conn).await?;
    if before == ContractStatus::Approved {
        crate::risk::review::reopen(conn, id, what, actor).await?;
    } else if before != ContractStatus::Draft {
        crate::risk::review::run_in(conn, id).await?;
    }
    get_in(conn, id).await
}

/// A change to the key terms a form (or the CLI) sends; absent fields stay as they are.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct TermsChange {
    pub payment_days: Option<u32>,
    pub delivery_days: Option<u32>,
    pub acceptance_days: Option<u32>,
    #[ts(type = "string | null")]
    pub liability_cap_pct: Option<Decimal>,
    pub warranty_months: Option<u32>,
    pub term_months: Option<u32>,
    pub auto_renew: Option<bool>,
    pub non_renewal_notice_days: Option<u32>,
    pub public_body: Option<bool>,
}

impl TermsChange {
    pub fn apply(&self, t: &KeyTerms) -> KeyTerms {
        KeyTerms {
            payment_days: self.payment_days.or(t.payment_days),
            delivery_days: self.delivery_days.or(t.delivery_days),
            acceptance_days: self.acceptance_days.or(t.acceptance_days),
            liability_cap_pct: self.liability_cap_pct.or(t.liability_cap_pct),
            warranty_months: self.warranty_months.or(t.warranty_months),
            term_months: self.term_months.or(t.term_months),
            auto_renew: self.auto_renew.unwrap_or(t.auto_renew),
            non_renewal_notice_days: self.non_renewal_notice_days.or(t.non_renewal_notice_days),
            public_body: self.public_body.unwrap_or(t.public_body),
        }
    }
}

pub async fn update_terms(pool: &SqlitePool, id: &str, change: &TermsChange, actor: &Actor) -> CoreResult<Contract> {
    let mut tx = pool.begin().await?;
    let before = begin_change(&mut tx, id).await?;
    let terms = change.apply(&get_in(&mut tx, id).await?.terms);
    check_terms(&terms)?;
    sqlx::query(
        "UPDATE contracts SET payment_days = ?, delivery_days = ?, acceptance_days = ?, liability_cap_pct = ?, warranty_months = ?, term_months = ?,
         auto_renew = ?, non_renewal_notice_days = ?, public_body = ? WHERE id = ?",
    )
    .bind(terms.payment_days)
    .bind(terms.delivery_days)
    .bind(terms.acceptance_days)
    .bind(terms.liability_cap_pct.map(|d| d.to_string()))
    .bind(terms.warranty_months)
    .bind(terms.term_months)
    .bind(i64::from(terms.auto_renew))
    .bind(terms.non_renewal_notice_days)
    .bind(i64::from(terms.public_body))
    .bind(id)
    .execute(&mut *tx)
    .await?;
    let c = after_change(&mut tx, id, before, "key terms changed", actor).await?;
    tx.commit().await?;
    Ok(c)
}

fn check_texts(field: &str, zh: &str, en: &str) -> CoreResult<()> {
    let mut errors = super::placeholders::problems(&format!("{field}.zh"), zh);
    errors.extend(super::placeholders::problems(&format!("{field}.en"), en));
    let mut c = Checker::new();
    c.text(&format!("{field}.zh"), zh, 8000, false);
    c.text(&format!("{field}.en"), en, 8000, false);
    if zh.trim().is_empty() && en.trim().is_empty() {
        c.fail(field, FieldCode::Required, "a clause needs text in zh or en");
    }
    errors.extend(c.into_errors());
    if errors.is_empty() { Ok(()) } else { Err(CoreError::Validation(errors)) }
}

async fn clause_at(conn: &mut SqliteConnection, id: &str, position: u32) -> CoreResult<ContractClause> {
    let c = get_in(conn, id).await?;
    c.clauses.into_iter().find(|cl| cl.position == position).ok_or_else(|| CoreError::not_found("clause", format!("{} §{position}", c.number)))
}

async fn set_clause_text(conn: &mut SqliteConnection, id: &str, position: u32, zh: &str, en: &str, source: ClauseSource, fallback: Option<u32>) -> CoreResult<()> {
    sqlx::query("UPDATE contract_clauses SET text_zh = ?, text_en = ?, source = ?, fallback_position = ?, updated_at = ? WHERE contract_id = ? AND position = ?")
        .bind(zh)
        .bind(en)
        .bind(source.code())
        .bind(fallback)
        .bind(clock::now())
        .bind(id)
        .bind(position)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Replaces a clause's text (placeholders checked; an unknown one names the clause).
pub async fn edit_clause(pool: &SqlitePool, id: &str, position: u32, zh: &str, en: &str, actor: &Actor) -> CoreResult<Contract> {
    let mut tx = pool.begin().await?;
    let before = begin_change(&mut tx, id).await?;
    let clause = clause_at(&mut tx, id, position).await?;
    check_texts(&format!("clauses[{position}]"), zh, en)?;
    let source = if clause.source == ClauseSource::Free { ClauseSource::Free } else { ClauseSource::Edited };
    set_clause_text(&mut tx, id, position, zh.trim(), en.trim(), source, None).await?;
    let c = after_change(&mut tx, id, before, &format!("clause {position} edited"), actor).await?;
    tx.commit().await?;
    Ok(c)
}

/// Swaps a clause for one of its library fallbacks (1-based), or back to the standard text (0).
pub async fn choose_fallback(pool: &SqlitePool, id: &str, position: u32, fallback: u32, actor: &Actor) -> CoreResult<Contract> {
    let mut tx = pool.begin().await?;
    let before = begin_change(&mut tx, id).await?;
    let clause = clause_at(&mut tx, id, position).await?;
    let key = clause.clause_key.ok_or_else(|| CoreError::Conflict(format!("clause {position} is free text and has no fallbacks")))?;
    let lib = store::clause(&mut tx, &key).await?;
    let (zh, en, source, chosen) = if fallback == 0 {
        (lib.zh.clone(), lib.en.clone(), ClauseSource::Standard, None)
    } else {
        let f = lib.fallbacks.get(fallback as usize - 1).ok_or_else(|| {
            CoreError::Validation(vec![crate::error::FieldError {
                field: "fallback".into(),
                code: FieldCode::OutOfRange,
                message: format!("clause {key} has {} fallback(s)", lib.fallbacks.len()),
            }])
        })?;
        (f.zh.clone(), f.en.clone(), ClauseSource::Fallback, Some(fallback))
    };
    set_clause_text(&mut tx, id, position, &zh, &en, source, chosen).await?;
    let c = after_change(&mut tx, id, before, &format!("clause {position}: fallback {fallback}"), actor).await?;
    tx.commit().await?;
    Ok(c)
}

/// Adds a free-text clause at the end (before nothing: print order is the position).
pub async fn add_free_clause(pool: &SqlitePool, id: &str, topic: Topic, title: (&str, &str), zh: &str, en: &str, actor: &Actor) -> CoreResult<Contract> {
    let mut tx = pool.begin().await?;
    let before = begin_change(&mut tx, id).await?;
    check_texts("free_clause", zh, en)?;
    let next: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(position), 0) + 1 FROM contract_clauses WHERE contract_id = ?").bind(id).fetch_one(&mut *tx).await?;
    let (tz, te) = topic.title();
    let title_zh = if title.0.trim().is_empty() { tz } else { title.0.trim() };
    let title_en = if title.1.trim().is_empty() { te } else { title.1.trim() };
    insert_clause(&mut tx, id, u32::try_from(next).unwrap_or(u32::MAX), None, topic, (title_zh, title_en), (zh.trim(), en.trim()), ClauseSource::Free, None).await?;
    let c = after_change(&mut tx, id, before, "free clause added", actor).await?;
    tx.commit().await?;
    Ok(c)
}

/// After legal's sign-off: signed (by both parties) → active → expired / terminated.
pub async fn mark(pool: &SqlitePool, id: &str, to: ContractStatus, actor: &Actor) -> CoreResult<Contract> {
    use ContractStatus::*;
    let mut tx = pool.begin().await?;
    let from = get_in(&mut tx, id).await?.status;
    if !matches!((from, to), (Approved, Signed) | (Signed, Active) | (Active, Expired) | (Signed | Active, Terminated)) {
        return Err(CoreError::Conflict(format!("a contract that is {} cannot be marked {}", from.code().replace('_', " "), to.code())));
    }
    set_status(&mut tx, id, to).await?;
    record_event(&mut tx, id, Some(from), to, "", actor).await?;
    let c = get_in(&mut tx, id).await?;
    tx.commit().await?;
    Ok(c)
}
