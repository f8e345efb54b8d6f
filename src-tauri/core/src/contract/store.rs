//! The clause library and templates in the database (seeded from `library` on first use;
//! saving a clause or template checks its placeholders and keys and adds a new version), and
//! reading contracts with their clauses and history.

use super::library::{default_clauses, default_template};
use super::model::*;
use super::placeholders;
use crate::clock;
use crate::error::{CoreError, CoreResult, FieldCode, FieldError};
use crate::ids::new_row_id;
use rust_decimal::Decimal;
use sqlx::{Row, SqliteConnection};
use std::str::FromStr;

/// Writes the default library and templates when the library is empty.
pub async fn ensure_library(conn: &mut SqliteConnection) -> CoreResult<()> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM clauses").fetch_one(&mut *conn).await?;
    if n > 0 {
        return Ok(());
    }
    for c in default_clauses() {
        insert_clause(conn, &c, 1).await?;
    }
    for kind in TemplateKind::ALL {
        insert_template(conn, &default_template(*kind), 1).await?;
    }
    Ok(())
}

async fn insert_clause(conn: &mut SqliteConnection, c: &LibraryClause, version: u32) -> CoreResult<()> {
    let id = new_row_id();
    let now = clock::now();
    sqlx::query("INSERT INTO clauses (id, key, version, topic, title_zh, title_en, text_zh, text_en, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(&id)
        .bind(&c.key)
        .bind(version)
        .bind(c.topic.code())
        .bind(&c.title_zh)
        .bind(&c.title_en)
        .bind(&c.zh)
        .bind(&c.en)
        .bind(&now)
        .bind(&now)
        .execute(&mut *conn)
        .await?;
    for (i, f) in c.fallbacks.iter().enumerate() {
        sqlx::query("INSERT INTO clause_fallbacks (id, clause_id, position, text_zh, text_en) VALUES (?, ?, ?, ?, ?)")
            .bind(new_row_id())
            .bind(&id)
            .bind(i as i64 + 1)
            .bind(&f.zh)
            .bind(&f.en)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

async fn insert_template(conn: &mut SqliteConnection, t: &Template, version: u32) -> CoreResult<()> {
    let id = new_row_id();
    sqlx::query("INSERT INTO contract_templates (id, kind, version, name_zh, name_en, created_at) VALUES (?, ?, ?, ?, ?, ?)")
        .bind(&id)
        .bind(t.kind.code())
        .bind(version)
        .bind(&t.name_zh)
        .bind(&t.name_en)
        .bind(clock::now())
        .execute(&mut *conn)
        .await?;
    for (i, key) in t.clauses.iter().enumerate() {
        sqlx::query("INSERT INTO template_clauses (template_id, position, clause_key) VALUES (?, ?, ?)").bind(&id).bind(i as i64 + 1).bind(key).execute(&mut *conn).await?;
    }
    Ok(())
}

/// The newest version of a library clause.
pub async fn clause(conn: &mut SqliteConnection, key: &str) -> CoreResult<LibraryClause> {
    let row = sqlx::query("SELECT id, key, version, topic, title_zh, title_en, text_zh, text_en FROM clauses WHERE key = ? ORDER BY version DESC LIMIT 1")
        .bind(key)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| CoreError::not_found("clause", key))?;
    let id: String = row.try_get("id")?;
    let topic: String = row.try_get("topic")?;
    let fallbacks: Vec<(String, String)> =
        sqlx::query_as("SELECT text_zh, text_en FROM clause_fallbacks WHERE clause_id = ? ORDER BY position").bind(&id).fetch_all(&mut *conn).await?;
    Ok(LibraryClause {
        key: row.try_get("key")?,
        topic: Topic::parse(&topic).ok_or_else(|| CoreError::BadRequest(format!("clause {key} has an unknown topic {topic}")))?,
        version: u32::try_from(row.try_get::<i64, _>("version")?).unwrap_or(1),
        title_zh: row.try_get("title_zh")?,
        title_en: row.try_get("title_en")?,
        zh: row.try_get("text_zh")?,
        en: row.try_get("text_en")?,
        fallbacks: fallbacks.into_iter().map(|(zh, en)| Fallback { zh, en }).collect(),
    })
}

/// Every clause of the library (newest versions).
pub async fn clauses(conn: &mut SqliteConnection) -> CoreResult<Vec<LibraryClause>> {
    ensure_library(conn).await?;
    let keys: Vec<String> = sqlx::query_scalar("SELECT DISTINCT key FROM clauses ORDER BY key").fetch_all(&mut *conn).await?;
    let mut out = Vec::with_capacity(keys.len());
    for k in keys {
        out.push(clause(conn, &k).await?);
    }
    Ok(out)
}

/// The newest template of a kind, with its id.
pub async fn template(conn: &mut SqliteConnection, kind: TemplateKind) -> CoreResult<(String, Template)> {
    ensure_library(conn).await?;
    let row: (String, i64, String, String) = sqlx::query_as("SELECT id, version, name_zh, name_en FROM contract_templates WHERE kind = ? ORDER BY version DESC LIMIT 1")
        .bind(kind.code())
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| CoreError::not_found("template", kind.code()))?;
    let keys: Vec<String> = sqlx::query_scalar("SELECT clause_key FROM template_clauses WHERE template_id = ? ORDER BY position").bind(&row.0).fetch_all(&mut *conn).await?;
    Ok((row.0, Template { kind, version: u32::try_from(row.1).unwrap_or(1), name_zh: row.2, name_en: row.3, clauses: keys }))
}

/// Checks a template and the clauses that come with it: every placeholder known, every key
/// either among `clauses` or already in `library`. All problems at once.
pub fn check_template(template: &Template, clauses: &[LibraryClause], library: &[LibraryClause]) -> CoreResult<()> {
    let mut errors: Vec<FieldError> = Vec::new();
    for c in clauses {
        if let Err(CoreError::Validation(e)) = placeholders::check_clause(c) {
            errors.extend(e);
        }
    }
    if template.clauses.is_empty() {
        errors.push(FieldError { field: "template.clauses".into(), code: FieldCode::Required, message: "a template needs at least one clause".into() });
    }
    for (i, key) in template.clauses.iter().enumerate() {
        if !clauses.iter().chain(library).any(|c| &c.key == key) {
            errors.push(FieldError { field: format!("template.clauses[{}]", i + 1), code: FieldCode::InvalidReference, message: format!("no clause {key} in the file or the library") });
        }
    }
    if errors.is_empty() { Ok(()) } else { Err(CoreError::Validation(errors)) }
}

/// Saves clauses (each as a new version of its key) and the template (a new version of its
/// kind), after [`check_template`].
pub async fn save_template(conn: &mut SqliteConnection, template: &Template, clauses: &[LibraryClause]) -> CoreResult<u32> {
    let library = self::clauses(conn).await?;
    check_template(template, clauses, &library)?;
    for c in clauses {
        let v: Option<i64> = sqlx::query_scalar("SELECT MAX(version) FROM clauses WHERE key = ?").bind(&c.key).fetch_one(&mut *conn).await?;
        insert_clause(conn, c, u32::try_from(v.unwrap_or(0) + 1).unwrap_or(1)).await?;
    }
    let v: Option<i64> = sqlx::query_scalar("SELECT MAX(version) FROM contract_templates WHERE kind = ?").bind(template.kind.code()).fetch_one(&mut *conn).await?;
    let version = u32::try_from(v.unwrap_or(0) + 1).unwrap_or(1);
    insert_template(conn, template, version).await?;
    Ok(version)
}

fn opt_u32(row: &sqlx::sqlite::SqliteRow, col: &str) -> CoreResult<Option<u32>> {
    Ok(row.try_get::<Option<i64>, _>(col)?.and_then(|v| u32::try_from(v).ok()))
}

fn decimal(text: &str, what: &str) -> CoreResult<Decimal> {
    Decimal::from_str(text).map_err(|_| CoreError::BadRequest(format!("bad {what} '{text}' in the database")))
}

/// A contract by id, with its clauses and history.
pub async fn get_in(conn: &mut SqliteConnection, id: &str) -> CoreResult<Contract> {
    let row = sqlx::query(
        "SELECT c.*, q.number AS quote_number, cu.name AS customer_name FROM contracts c
         JOIN quotes q ON q.id = c.quote_id JOIN customers cu ON cu.id = c.customer_id WHERE c.id = ? AND c.deleted_at IS NULL",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| CoreError::not_found("contract", id))?;
    let status: String = row.try_get("status")?;
    let kind: String = row.try_get("kind")?;
    let cap: Option<String> = row.try_get("liability_cap_pct")?;
    let terms = KeyTerms {
        payment_days: opt_u32(&row, "payment_days")?,
        delivery_days: opt_u32(&row, "delivery_days")?,
        acceptance_days: opt_u32(&row, "acceptance_days")?,
        liability_cap_pct: cap.as_deref().map(|c| decimal(c, "liability cap")).transpose()?,
        warranty_months: opt_u32(&row, "warranty_months")?,
        term_months: opt_u32(&row, "term_months")?,
        auto_renew: row.try_get::<i64, _>("auto_renew")? == 1,
        non_renewal_notice_days: opt_u32(&row, "non_renewal_notice_days")?,
        public_body: row.try_get::<i64, _>("public_body")? == 1,
    };
    let clause_rows = sqlx::query("SELECT * FROM contract_clauses WHERE contract_id = ? ORDER BY position").bind(id).fetch_all(&mut *conn).await?;
    let mut clauses = Vec::with_capacity(clause_rows.len());
    for r in clause_rows {
        let topic: String = r.try_get("topic")?;
        let source: String = r.try_get("source")?;
        clauses.push(ContractClause {
            position: u32::try_from(r.try_get::<i64, _>("position")?).unwrap_or(0),
            clause_key: r.try_get("clause_key")?,
            topic: Topic::parse(&topic).unwrap_or(Topic::Scope),
            title_zh: r.try_get("title_zh")?,
            title_en: r.try_get("title_en")?,
            zh: r.try_get("text_zh")?,
            en: r.try_get("text_en")?,
            source: ClauseSource::parse(&source).unwrap_or(ClauseSource::Edited),
            fallback_position: opt_u32(&r, "fallback_position")?,
        });
    }
    let events: Vec<(String, Option<String>, String, String, String, String, String)> =
        sqlx::query_as("SELECT id, from_status, to_status, actor, role, comment, at FROM contract_events WHERE contract_id = ? ORDER BY at, id").bind(id).fetch_all(&mut *conn).await?;
    Ok(Contract {
        id: id.to_string(),
        number: row.try_get("number")?,
        status: ContractStatus::parse(&status).ok_or_else(|| CoreError::BadRequest(format!("contract {id} has an unknown status {status}")))?,
        kind: TemplateKind::parse(&kind).ok_or_else(|| CoreError::BadRequest(format!("contract {id} has an unknown kind {kind}")))?,
        quote_id: row.try_get("quote_id")?,
        quote_number: row.try_get::<Option<String>, _>("quote_number")?.unwrap_or_default(),
        customer_id: row.try_get("customer_id")?,
        customer_name: row.try_get("customer_name")?,
        currency: row.try_get("currency")?,
        contract_value: decimal(&row.try_get::<String, _>("contract_value")?, "contract value")?,
        contract_date: row.try_get("contract_date")?,
        terms,
        clauses,
        events: events
            .into_iter()
            .map(|(event_id, from, to, actor, role, comment, at)| ContractEvent {
                id: event_id,
                from_status: from.as_deref().and_then(ContractStatus::parse),
                to_status: ContractStatus::parse(&to).unwrap_or(ContractStatus::Draft),
                actor,
                role,
                comment,
                at,
                masked: Vec::new(),
            })
            .collect(),
        owner: row.try_get("owner")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
        masked: Vec::new(),
    })
}

/// The id of the contract with this number (or this id).
pub async fn resolve(conn: &mut SqliteConnection, number_or_id: &str) -> CoreResult<String> {
    let key = number_or_id.trim();
    let id: Option<String> = sqlx::query_scalar("SELECT id FROM contracts WHERE (number = ? OR id = ?) AND deleted_at IS NULL").bind(key).bind(key).fetch_optional(&mut *conn).await?;
    id.ok_or_else(|| CoreError::not_found("contract", key))
}

/// One row of the window's contract list.
#[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ContractSummary {
    pub id: String,
    pub number: String,
    pub status: ContractStatus,
    pub kind: TemplateKind,
    pub customer_name: String,
    pub quote_number: String,
    pub currency: String,
    #[ts(type = "string")]
    pub contract_value: Decimal,
    pub contract_date: String,
    pub updated_at: String,
    /// Who made the contract (an employee's name: personal data, shown through the data view).
    pub owner: String,
    /// Fields shown masked by the data view's policy; empty in clear.
    pub masked: Vec<String>,
}

/// Contracts for the window's list, newest first.
pub async fn summaries(conn: &mut SqliteConnection) -> CoreResult<Vec<ContractSummary>> {
    let rows = sqlx::query(
        "SELECT c.id, c.number, c.status, c.kind, cu.name AS customer_name, q.number AS quote_number, c.currency, c.contract_value, c.contract_date, c.updated_at, c.owner
         FROM contracts c JOIN customers cu ON cu.id = c.customer_id JOIN quotes q ON q.id = c.quote_id WHERE c.deleted_at IS NULL ORDER BY c.number DESC",
    )
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| -> CoreResult<ContractSummary> {
            let status: String = r.try_get("status")?;
            let kind: String = r.try_get("kind")?;
            Ok(ContractSummary {
                id: r.try_get("id")?,
                number: r.try_get("number")?,
                status: ContractStatus::parse(&status).unwrap_or(ContractStatus::Draft),
                kind: TemplateKind::parse(&kind).unwrap_or(TemplateKind::Sales),
                customer_name: r.try_get("customer_name")?,
                quote_number: r.try_get::<Option<String>, _>("quote_number")?.unwrap_or_default(),
                currency: r.try_get("currency")?,
                contract_value: decimal(&r.try_get::<String, _>("contract_value")?, "contract value")?,
                contract_date: r.try_get("contract_date")?,
                updated_at: r.try_get("updated_at")?,
                owner: r.try_get("owner")?,
                masked: Vec::new(),
            })
        })
        .collect()
}

/// Contracts, newest first: (number, id, status, customer).
pub async fn list(conn: &mut SqliteConnection) -> CoreResult<Vec<(String, String, String, String)>> {
    Ok(sqlx::query_as("SELECT c.number, c.id, c.status, cu.name FROM contracts c JOIN customers cu ON cu.id = c.customer_id WHERE c.deleted_at IS NULL ORDER BY c.number DESC")
        .fetch_all(&mut *conn)
        .await?)
}
