//! Legal's review of a contract: submitting it (which seeds the checklist and runs the rules),
//! the flags (kept across re-runs: a flag that still fires keeps its id and waiver, one that no
//! longer fires is resolved), checklist decisions, waivers, changes requested, and the sign-off
//! — only by the legal role, never while a high flag is open. Sign-offs, waivers and reopened
//! reviews go to the audit log in the same transaction.

use super::catalog::{info, load_thresholds, Severity};
use super::checklist::SEED;
use crate::audit;
use crate::clock;
use crate::contract::model::{Contract, ContractStatus};
use crate::contract::store::get_in;
use crate::contract::workflow::{record_event, set_status};
use crate::contract::{fill, FilledClause};
use crate::error::{CoreError, CoreResult, FieldCode};
use crate::ids::new_row_id;
use crate::quote::{Actor, Role};
use crate::validate::Checker;
use sqlx::{SqliteConnection, SqlitePool};

mod read;
pub use read::*;

/// The contract's clauses filled as printed: the print settings give the seller and 大写 options.
pub async fn filled_clauses(conn: &mut SqliteConnection, c: &Contract) -> CoreResult<Vec<FilledClause>> {
    let settings = crate::quote::print::load(conn).await?;
    let contract_date = c.contract_date.clone();
    let values = fill::values(&fill::Facts {
        customer_name: &c.customer_name,
        seller_name: &settings.company_name,
        contract_number: &c.number,
        contract_date: &contract_date,
        currency: &c.currency,
        quote_number: &c.quote_number,
        quote_date: "",
        value: c.contract_value,
        terms: &c.terms,
        words: &settings.words,
    })?;
    Ok(fill::filled(c, &values))
}

async fn review_id(conn: &mut SqliteConnection, contract: &str) -> CoreResult<Option<(String, u32)>> {
    let r: Option<(String, i64)> = sqlx::query_as("SELECT id, round FROM contract_reviews WHERE contract_id = ?").bind(contract).fetch_optional(&mut *conn).await?;
    Ok(r.map(|(id, round)| (id, u32::try_from(round).unwrap_or(1))))
}

async fn ensure_review(conn: &mut SqliteConnection, contract: &str) -> CoreResult<String> {
    if let Some((id, _)) = review_id(conn, contract).await? {
        return Ok(id);
    }
    let id = new_row_id();
    sqlx::query("INSERT INTO contract_reviews (id, contract_id, round, created_at) VALUES (?, ?, 1, ?)").bind(&id).bind(contract).bind(clock::now()).execute(&mut *conn).await?;
    for s in SEED {
        sqlx::query("INSERT INTO review_items (id, review_id, risk_type, item_key, text_zh, text_en, mitigation_zh, mitigation_en, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending')")
            .bind(new_row_id())
            .bind(&id)
            .bind(s.category.code())
            .bind(s.key)
            .bind(s.text_zh)
            .bind(s.text_en)
            .bind(s.mitigation_zh)
            .bind(s.mitigation_en)
            .execute(&mut *conn)
            .await?;
    }
    Ok(id)
}

/// Runs the rules over the contract and brings its flags up to date.
pub async fn run_in(conn: &mut SqliteConnection, contract: &str) -> CoreResult<()> {
    let c = get_in(conn, contract).await?;
    let review = ensure_review(conn, contract).await?;
    let clauses = filled_clauses(conn, &c).await?;
    let thresholds = load_thresholds(conn).await?;
    let findings = super::rules::check(&super::contract_subject(c.kind, &c.terms, &clauses), &thresholds);
    let existing: Vec<(String, String, Option<i64>, String)> =
        sqlx::query_as("SELECT id, rule_id, clause_position, status FROM review_flags WHERE review_id = ?").bind(&review).fetch_all(&mut *conn).await?;
    let now = clock::now();
    let mut kept: Vec<String> = Vec::new();
    for f in &findings {
        let Some(rule) = info(f.rule) else { continue };
        let position = f.clause.map(i64::from);
        let excerpt = if f.excerpt.is_empty() { f.detail.clone() } else if f.detail.is_empty() { f.excerpt.clone() } else { format!("{} ({})", f.excerpt, f.detail) };
        let same = existing.iter().find(|(_, r, p, s)| r == f.rule && *p == position && s != "resolved");
        match same {
            Some((id, ..)) => {
                sqlx::query("UPDATE review_flags SET excerpt = ?, updated_at = ? WHERE id = ?").bind(&excerpt).bind(&now).bind(id).execute(&mut *conn).await?;
                kept.push(id.clone());
            }
            None => {
                let id = new_row_id();
                sqlx::query(
                    "INSERT INTO review_flags (id, review_id, rule_id, category, severity, clause_position, excerpt, why_zh, why_en, suggestion_zh, suggestion_en,
                     fallback_key, fallback_position, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)",
                )
                .bind(&id)
                .bind(&review)
                .bind(f.rule)
                .bind(f.category.code())
                .bind(f.severity.code())
                .bind(position)
                .bind(&excerpt)
                .bind(rule.why_zh)
                .bind(rule.why_en)
                .bind(rule.suggestion_zh)
                .bind(rule.suggestion_en)
                .bind(rule.fallback.map(|f| f.0))
                .bind(rule.fallback.and_then(|f| f.1))
                .bind(&now)
                .bind(&now)
                .execute(&mut *conn)
                .await?;
                kept.push(id);
            }
        }
    }
    for (id, _, _, status) in &existing {
        if status != "resolved" && !kept.contains(id) {
            sqlx::query("UPDATE review_flags SET status = 'resolved', reason = 'no longer raised after a change', updated_at = ? WHERE id = ?").bind(&now).bind(id).execute(&mut *conn).await?;
        }
    }
    sqlx::query("UPDATE contract_reviews SET last_run_at = ? WHERE id = ?").bind(&now).bind(&review).execute(&mut *conn).await?;
    Ok(())
}

fn need_legal(actor: &Actor, what: &str) -> CoreResult<()> {
    if actor.role != Role::Legal {
        return Err(CoreError::Conflict(format!("only the legal role can {what}; your role is {}", actor.role.code())));
    }
    Ok(())
}

fn reason_required(reason: &str, what: &str) -> CoreResult<String> {
    let mut c = Checker::new();
    let r = c.text("reason", reason, 2000, false);
    if r.is_empty() {
        c.fail("reason", FieldCode::Required, format!("say why {what}"));
    }
    c.finish()?;
    Ok(r)
}

/// Sends a draft (or a contract with changes requested) to legal: checklist and rules.
pub async fn submit(pool: &SqlitePool, contract: &str, actor: &Actor) -> CoreResult<Review> {
    let mut tx = pool.begin().await?;
    let c = get_in(&mut tx, contract).await?;
    if !matches!(c.status, ContractStatus::Draft | ContractStatus::ChangesRequested) {
        return Err(CoreError::Conflict(format!("contract {} is {}; only a draft or one with changes requested goes to review", c.number, c.status.code().replace('_', " "))));
    }
    set_status(&mut tx, contract, ContractStatus::InReview).await?;
    record_event(&mut tx, contract, Some(c.status), ContractStatus::InReview, "", actor).await?;
    run_in(&mut tx, contract).await?;
    let r = get_in_review(&mut tx, contract).await?;
    tx.commit().await?;
    Ok(r)
}

/// Re-runs the rules (a draft is submitted first).
pub async fn run(pool: &SqlitePool, contract: &str, actor: &Actor) -> CoreResult<Review> {
    let status = get(pool, contract).await?.contract_status;
    if status == ContractStatus::Draft {
        return submit(pool, contract, actor).await;
    }
    let mut tx = pool.begin().await?;
    run_in(&mut tx, contract).await?;
    let r = get_in_review(&mut tx, contract).await?;
    tx.commit().await?;
    Ok(r)
}

/// Legal waives an open flag, with the reason (audited).
pub async fn waive(pool: &SqlitePool, contract: &str, flag: &str, reason: &str, actor: &Actor) -> CoreResult<Review> {
    need_legal(actor, "waive a flag")?;
    let reason = reason_required(reason, "the flag is waived")?;
    let mut tx = pool.begin().await?;
    let (review, _) = review_id(&mut tx, contract).await?.ok_or_else(|| CoreError::Conflict("the contract has not been reviewed yet".into()))?;
    let row: Option<(String, String, String)> = sqlx::query_as("SELECT rule_id, severity, status FROM review_flags WHERE id = ? AND review_id = ?").bind(flag).bind(&review).fetch_optional(&mut *tx).await?;
    let (rule, severity, status) = row.ok_or_else(|| CoreError::not_found("flag", flag))?;
    if status != "open" {
        return Err(CoreError::Conflict(format!("flag {rule} is {status}; only an open flag can be waived")));
    }
    sqlx::query("UPDATE review_flags SET status = 'waived', reason = ?, decided_by = ?, decided_at = ?, updated_at = ? WHERE id = ?")
        .bind(&reason)
        .bind(&actor.name)
        .bind(clock::now())
        .bind(clock::now())
        .bind(flag)
        .execute(&mut *tx)
        .await?;
    audit::record(&mut tx, audit::Event { action: "contract_flag_waived", entity: "contract", entity_id: contract, detail: serde_json::json!({ "flag": flag, "rule": rule, "severity": severity, "role": actor.role.code() }) }).await?;
    let r = get_in_review(&mut tx, contract).await?;
    tx.commit().await?;
    Ok(r)
}

/// Legal marks a checklist item pass / accepted (with reason) / change_required (with reason).
pub async fn decide_item(pool: &SqlitePool, contract: &str, item: &str, status: &str, reason: &str, actor: &Actor) -> CoreResult<Review> {
    need_legal(actor, "decide checklist items")?;
    if !matches!(status, "pass" | "accepted" | "change_required") {
        return Err(CoreError::BadRequest(format!("unknown decision {status}; use pass, accepted or change_required")));
    }
    let reason = if status == "pass" { reason.trim().to_string() } else { reason_required(reason, "the item is accepted or needs a change")? };
    let mut tx = pool.begin().await?;
    let (review, _) = review_id(&mut tx, contract).await?.ok_or_else(|| CoreError::Conflict("the contract has not been reviewed yet".into()))?;
    let done = sqlx::query("UPDATE review_items SET status = ?, reason = ?, decided_by = ?, decided_at = ? WHERE review_id = ? AND item_key = ?")
        .bind(status)
        .bind(&reason)
        .bind(&actor.name)
        .bind(clock::now())
        .bind(&review)
        .bind(item)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(CoreError::not_found("checklist item", item));
    }
    let r = get_in_review(&mut tx, contract).await?;
    tx.commit().await?;
    Ok(r)
}

/// Legal sends the contract back to sales with what to change.
pub async fn request_changes(pool: &SqlitePool, contract: &str, comment: &str, actor: &Actor) -> CoreResult<Review> {
    need_legal(actor, "request changes")?;
    let comment = reason_required(comment, "changes are needed")?;
    let mut tx = pool.begin().await?;
    let c = get_in(&mut tx, contract).await?;
    if c.status != ContractStatus::InReview {
        return Err(CoreError::Conflict(format!("contract {} is {}, not in review", c.number, c.status.code().replace('_', " "))));
    }
    set_status(&mut tx, contract, ContractStatus::ChangesRequested).await?;
    record_event(&mut tx, contract, Some(c.status), ContractStatus::ChangesRequested, &comment, actor).await?;
    let r = get_in_review(&mut tx, contract).await?;
    tx.commit().await?;
    Ok(r)
}

/// Legal signs off: the rules run once more; refused while a high flag is open or an item
/// requires a change.
pub async fn sign_off(pool: &SqlitePool, contract: &str, comment: &str, actor: &Actor) -> CoreResult<Review> {
    need_legal(actor, "sign off a contract")?;
    let mut tx = pool.begin().await?;
    let c = get_in(&mut tx, contract).await?;
    if c.status != ContractStatus::InReview {
        return Err(CoreError::Conflict(format!("contract {} is {}; only a contract in review can be signed off", c.number, c.status.code().replace('_', " "))));
    }
    run_in(&mut tx, contract).await?;
    let review = get_in_review(&mut tx, contract).await?;
    let high: Vec<&str> = review.flags.iter().filter(|f| f.status == "open" && f.severity == Severity::High).map(|f| f.rule_id.as_str()).collect();
    if !high.is_empty() {
        return Err(CoreError::Conflict(format!("contract {} has {} open high-severity flag(s): {}; change the contract or waive them with a reason", c.number, high.len(), high.join(", "))));
    }
    let changes: Vec<&str> = review.items.iter().filter(|i| i.status == "change_required").map(|i| i.item_key.as_str()).collect();
    if !changes.is_empty() {
        return Err(CoreError::Conflict(format!("checklist items require a change: {}", changes.join(", "))));
    }
    sqlx::query("INSERT INTO contract_signoffs (id, contract_id, round, actor, role, comment, at) VALUES (?, ?, ?, ?, 'legal', ?, ?)")
        .bind(new_row_id())
        .bind(contract)
        .bind(review.round)
        .bind(&actor.name)
        .bind(comment.trim())
        .bind(clock::now())
        .execute(&mut *tx)
        .await?;
    set_status(&mut tx, contract, ContractStatus::Approved).await?;
    record_event(&mut tx, contract, Some(c.status), ContractStatus::Approved, comment.trim(), actor).await?;
    let waived = review.flags.iter().filter(|f| f.status == "waived").count();
    audit::record(&mut tx, audit::Event { action: "contract_signed_off", entity: "contract", entity_id: contract, detail: serde_json::json!({ "round": review.round, "waived_flags": waived, "role": actor.role.code() }) }).await?;
    let r = get_in_review(&mut tx, contract).await?;
    tx.commit().await?;
    tracing::info!(round = review.round, "contract signed off");
    Ok(r)
}

/// A change after sign-off: the sign-off is revoked, the review reopens (next round) and the
/// rules run again.
pub async fn reopen(conn: &mut SqliteConnection, contract: &str, what: &str, actor: &Actor) -> CoreResult<()> {
    let now = clock::now();
    sqlx::query("UPDATE contract_signoffs SET revoked_at = ? WHERE contract_id = ? AND revoked_at IS NULL").bind(&now).bind(contract).execute(&mut *conn).await?;
    sqlx::query("UPDATE contract_reviews SET round = round + 1 WHERE contract_id = ?").bind(contract).execute(&mut *conn).await?;
    set_status(conn, contract, ContractStatus::InReview).await?;
    record_event(conn, contract, Some(ContractStatus::Approved), ContractStatus::InReview, &format!("{what}; review reopened"), actor).await?;
    audit::record(conn, audit::Event { action: "contract_review_reopened", entity: "contract", entity_id: contract, detail: serde_json::json!({ "change": what }) }).await?;
    run_in(conn, contract).await
}
