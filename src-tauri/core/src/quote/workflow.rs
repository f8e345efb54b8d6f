//! The quote status flow: draft → pending approval → approved → sent → accepted / rejected /
//! expired; submit allocates the number (gap-free per year), approve/reject need the right
//! role and take a comment, every transition is recorded with who and when, and an approved
//! quote changes only through a new revision (…-R2) that keeps the earlier ones read-only.

use super::model::{Quote, QuoteLine, QuoteStatus};
use super::rules::{self, format_number, ApprovalLevel};
use super::store::{get_in, insert_lines, load_lines};
use crate::clock;
use crate::error::{CoreError, CoreResult};
use crate::ids::QuoteId;
use serde::{Deserialize, Serialize};
use sqlx::{Row, SqliteConnection, SqlitePool};
use ts_rs::TS;

/// The role of whoever acts, as set in Settings (or `--role` in the CLI).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Role {
    Sales,
    Manager,
    Director,
    /// Reviews contracts and signs them off; approves no quotes.
    Legal,
}

impl Role {
    pub fn code(self) -> &'static str {
        match self {
            Self::Sales => "sales",
            Self::Manager => "manager",
            Self::Director => "director",
            Self::Legal => "legal",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        [Self::Sales, Self::Manager, Self::Director, Self::Legal].into_iter().find(|r| r.code() == code)
    }

    fn may_approve(self, level: ApprovalLevel) -> bool {
        match level {
            ApprovalLevel::None => true,
            ApprovalLevel::Manager => matches!(self, Self::Manager | Self::Director),
            ApprovalLevel::Director => self == Self::Director,
        }
    }
}

/// Who acts on a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub name: String,
    pub role: Role,
}

pub(super) async fn record_event(conn: &mut SqliteConnection, id: QuoteId, from: Option<QuoteStatus>, to: QuoteStatus, comment: &str) -> CoreResult<()> {
    record_event_by(conn, id, from, to, comment, &Actor { name: crate::audit::actor(), role: Role::Sales }).await
}

async fn record_event_by(conn: &mut SqliteConnection, id: QuoteId, from: Option<QuoteStatus>, to: QuoteStatus, comment: &str, actor: &Actor) -> CoreResult<()> {
    sqlx::query("INSERT INTO quote_events (id, quote_id, from_status, to_status, actor, role, comment, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(crate::ids::new_row_id())
        .bind(id.to_string())
        .bind(from.map(QuoteStatus::code))
        .bind(to.code())
        .bind(&actor.name)
        .bind(actor.role.code())
        .bind(comment)
        .bind(clock::now())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

async fn status_of(conn: &mut SqliteConnection, id: QuoteId) -> CoreResult<QuoteStatus> {
    let s: Option<String> = sqlx::query_scalar("SELECT status FROM quotes WHERE id = ? AND deleted_at IS NULL").bind(id.to_string()).fetch_optional(&mut *conn).await?;
    s.as_deref().and_then(QuoteStatus::parse).ok_or_else(|| CoreError::NotFound { entity: "quote", id: id.to_string() })
}

async fn set_status(conn: &mut SqliteConnection, id: QuoteId, to: QuoteStatus) -> CoreResult<()> {
    sqlx::query("UPDATE quotes SET status = ?, updated_at = ? WHERE id = ?").bind(to.code()).bind(clock::now()).bind(id.to_string()).execute(&mut *conn).await?;
    Ok(())
}

fn refuse(from: QuoteStatus, action: &str) -> CoreError {
    CoreError::Conflict(format!("a quote that is {} cannot be {action}", from.code().replace('_', " ")))
}

/// Takes the next number of `kind` for `year` inside the caller's transaction: a rolled-back
/// confirmation takes none, and a committed one is never handed out again.
pub async fn next_number(conn: &mut SqliteConnection, kind: &str, year: i32) -> CoreResult<u32> {
    let seq: i64 = sqlx::query_scalar(
        "INSERT INTO number_sequences (kind, year, next) VALUES (?, ?, 2)
         ON CONFLICT (kind, year) DO UPDATE SET next = next + 1 RETURNING next - 1",
    )
    .bind(kind)
    .bind(year)
    .fetch_one(&mut *conn)
    .await?;
    u32::try_from(seq).map_err(|_| CoreError::Conflict(format!("the {kind} numbers of {year} are exhausted")))
}

/// Confirms a draft: allocates its number (first time only), and moves it to approved when
/// no approval is needed or to pending approval for the level its discounts and margin need.
pub async fn submit(pool: &SqlitePool, id: QuoteId, actor: &Actor) -> CoreResult<Quote> {
    let mut tx = pool.begin().await?;
    let rules = rules::load(&mut tx).await?;
    let from = status_of(&mut tx, id).await?;
    if from != QuoteStatus::Draft {
        return Err(refuse(from, "submitted"));
    }
    let quote = get_in(&mut tx, id, &rules).await?;
    if quote.lines.is_empty() {
        return Err(CoreError::Conflict("a quote needs at least one line before it is submitted".into()));
    }
    if quote.number.is_none() {
        let date = chrono::NaiveDate::parse_from_str(&quote.quote_date, "%Y-%m-%d").map_err(|e| CoreError::BadRequest(format!("bad quote date: {e}")))?;
        let year = chrono::Datelike::year(&date);
        let seq = next_number(&mut tx, "quote", year).await?;
        let number = format_number(&rules.number_pattern, date, seq);
        sqlx::query("UPDATE quotes SET number = ? WHERE family_id = ?").bind(&number).bind(&quote.family_id).execute(&mut *tx).await?;
    }
    let level = quote.required_approval;
    let to = if level == ApprovalLevel::None { QuoteStatus::Approved } else { QuoteStatus::PendingApproval };
    sqlx::query("UPDATE quotes SET approval_level = ? WHERE id = ?").bind(level.code()).bind(id.to_string()).execute(&mut *tx).await?;
    set_status(&mut tx, id, to).await?;
    let comment = if level == ApprovalLevel::None { String::new() } else { format!("needs {} approval", level.code()) };
    record_event_by(&mut tx, id, Some(from), to, &comment, actor).await?;
    let quote = get_in(&mut tx, id, &rules).await?;
    tx.commit().await?;
    tracing::info!(to = to.code(), "quote submitted");
    Ok(quote)
}

/// Approves (or, with `approve = false`, sends back to draft) a quote pending approval. The
/// actor's role must reach the level the quote needed; a rejection needs a comment.
pub async fn decide(pool: &SqlitePool, id: QuoteId, actor: &Actor, approve: bool, comment: &str) -> CoreResult<Quote> {
    let comment = comment.trim();
    let mut tx = pool.begin().await?;
    let rules = rules::load(&mut tx).await?;
    let from = status_of(&mut tx, id).await?;
    if from != QuoteStatus::PendingApproval {
        return Err(refuse(from, if approve { "approved" } else { "rejected" }));
    }
    let level: String = sqlx::query_scalar("SELECT approval_level FROM quotes WHERE id = ?").bind(id.to_string()).fetch_one(&mut *tx).await?;
    let level = ApprovalLevel::parse(&level).unwrap_or(ApprovalLevel::Director);
    if !actor.role.may_approve(level) {
        return Err(CoreError::Conflict(format!("this quote needs {} approval; your role is {}", level.code(), actor.role.code())));
    }
    if !approve && comment.is_empty() {
        let mut c = crate::validate::Checker::new();
        c.fail("comment", crate::error::FieldCode::Required, "say why the quote is sent back");
        c.finish()?;
    }
    let to = if approve { QuoteStatus::Approved } else { QuoteStatus::Draft };
    set_status(&mut tx, id, to).await?;
    record_event_by(&mut tx, id, Some(from), to, comment, actor).await?;
    crate::audit::record(
        &mut tx,
        crate::audit::Event {
            action: if approve { "quote_approved" } else { "quote_sent_back" },
            entity: "quote",
            entity_id: &id.to_string(),
            detail: serde_json::json!({ "level": level.code(), "role": actor.role.code() }),
        },
    )
    .await?;
    let quote = get_in(&mut tx, id, &rules).await?;
    tx.commit().await?;
    Ok(quote)
}

/// The customer-facing steps after approval: approved → sent → accepted / rejected, and
/// approved or sent → expired.
pub async fn mark(pool: &SqlitePool, id: QuoteId, actor: &Actor, to: QuoteStatus, comment: &str) -> CoreResult<Quote> {
    use QuoteStatus::*;
    let mut tx = pool.begin().await?;
    let rules = rules::load(&mut tx).await?;
    let from = status_of(&mut tx, id).await?;
    let allowed = matches!((from, to), (Approved, Sent) | (Sent, Accepted) | (Sent, Rejected) | (Approved | Sent, Expired));
    if !allowed {
        return Err(refuse(from, &format!("marked {}", to.code())));
    }
    set_status(&mut tx, id, to).await?;
    record_event_by(&mut tx, id, Some(from), to, comment.trim(), actor).await?;
    let quote = get_in(&mut tx, id, &rules).await?;
    tx.commit().await?;
    Ok(quote)
}

/// A new draft revision of a locked quote (same number, `-R<n>`), copying its header and
/// lines; the revision it came from becomes read-only (superseded).
pub async fn revise(pool: &SqlitePool, id: QuoteId, actor: &Actor) -> CoreResult<Quote> {
    use QuoteStatus::*;
    let mut tx = pool.begin().await?;
    let rules = rules::load(&mut tx).await?;
    let from = status_of(&mut tx, id).await?;
    if !matches!(from, PendingApproval | Approved | Sent | Rejected | Expired) {
        return Err(refuse(from, "revised"));
    }
    let r = sqlx::query("SELECT family_id, (SELECT MAX(revision) FROM quotes f WHERE f.family_id = q.family_id) AS last FROM quotes q WHERE id = ?")
        .bind(id.to_string())
        .fetch_one(&mut *tx)
        .await?;
    let family: String = r.try_get("family_id")?;
    let last: i64 = r.try_get("last")?;
    let newest: String = sqlx::query_scalar("SELECT id FROM quotes WHERE family_id = ? AND revision = ?").bind(&family).bind(last).fetch_one(&mut *tx).await?;
    if newest != id.to_string() {
        return Err(CoreError::Conflict("only the newest revision can be revised".into()));
    }
    let new_id = QuoteId::new();
    let revision = last + 1;
    sqlx::query(
        "INSERT INTO quotes (id, family_id, revision, number, status, customer_id, opportunity_id, currency, exchange_rate, tax_inclusive,
         discount_pct, quote_date, valid_until, labels, paper, notes, terms, total, owner, created_at, updated_at)
         SELECT ?, family_id, ?, number, 'draft', customer_id, opportunity_id, currency, exchange_rate, tax_inclusive,
         discount_pct, quote_date, valid_until, labels, paper, notes, terms, total, ?, ?, ? FROM quotes WHERE id = ?",
    )
    .bind(new_id.to_string())
    .bind(revision)
    .bind(&actor.name)
    .bind(clock::now())
    .bind(clock::now())
    .bind(id.to_string())
    .execute(&mut *tx)
    .await?;
    let lines: Vec<QuoteLine> = load_lines(&mut tx, id).await?;
    insert_lines(&mut tx, new_id, &lines).await?;
    set_status(&mut tx, id, Superseded).await?;
    record_event_by(&mut tx, id, Some(from), Superseded, &format!("revision {revision} created"), actor).await?;
    record_event_by(&mut tx, new_id, None, Draft, &format!("revision of {}", from.code()), actor).await?;
    let quote = get_in(&mut tx, new_id, &rules).await?;
    tx.commit().await?;
    Ok(quote)
}

/// Approved and sent quotes past their validity date become expired (recorded as the system).
pub async fn expire_due(pool: &SqlitePool) -> CoreResult<u32> {
    const DUE: &str = "SELECT id, status FROM quotes WHERE status IN ('approved', 'sent') AND valid_until < ? AND deleted_at IS NULL";
    let today = crate::clock::today().to_string();
    // Read first: the common case (nothing due) takes no write lock.
    let due: Vec<(String, String)> = sqlx::query_as(DUE).bind(&today).fetch_all(pool).await?;
    if due.is_empty() {
        return Ok(0);
    }
    let mut tx = pool.begin().await?;
    let due: Vec<(String, String)> = sqlx::query_as(DUE).bind(&today).fetch_all(&mut *tx).await?;
    let system = Actor { name: "system".into(), role: Role::Sales };
    for (raw, status) in &due {
        let (Some(id), Some(from)) = (QuoteId::parse(raw), QuoteStatus::parse(status)) else { continue };
        set_status(&mut tx, id, QuoteStatus::Expired).await?;
        record_event_by(&mut tx, id, Some(from), QuoteStatus::Expired, "validity date passed", &system).await?;
    }
    tx.commit().await?;
    Ok(u32::try_from(due.len()).unwrap_or(u32::MAX))
}
