//! A contract's review as the window, the CLI and the PDF gate read it: flags, checklist
//! items and sign-offs, and whether the final PDF may be produced.

use super::review_id;
use super::super::catalog::{Category, Severity};
use super::super::checklist::SEED;
use crate::contract::model::ContractStatus;
use crate::contract::store::get_in;
use crate::error::CoreResult;
use serde::Serialize;
use sqlx::{SqliteConnection, SqlitePool};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, rename = "ReviewFlag")]
pub struct Flag {
    pub id: String,
    pub rule_id: String,
    pub category: Category,
    pub severity: Severity,
    pub clause_position: Option<u32>,
    pub excerpt: String,
    pub why_zh: String,
    pub why_en: String,
    pub suggestion_zh: String,
    pub suggestion_en: String,
    pub fallback_key: Option<String>,
    pub fallback_position: Option<u32>,
    /// open, resolved or waived.
    pub status: String,
    pub reason: String,
    pub decided_by: Option<String>,
    pub decided_at: Option<String>,
    /// Fields shown masked by the data view's policy (`decided_by`, `reason`).
    pub masked: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ReviewItem {
    /// The item's row id (to reveal who decided it or why).
    pub id: String,
    pub risk_type: Category,
    pub item_key: String,
    pub text_zh: String,
    pub text_en: String,
    pub mitigation_zh: String,
    pub mitigation_en: String,
    /// pending, pass, accepted or change_required.
    pub status: String,
    pub reason: String,
    pub decided_by: Option<String>,
    pub decided_at: Option<String>,
    /// Fields shown masked by the data view's policy (`decided_by`, `reason`).
    pub masked: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SignOff {
    /// The sign-off's row id (to reveal its actor or comment).
    pub id: String,
    pub round: u32,
    pub actor: String,
    pub role: String,
    pub comment: String,
    pub at: String,
    pub revoked_at: Option<String>,
    /// Fields shown masked by the data view's policy (`actor`, `comment`).
    pub masked: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, rename = "ContractReview")]
pub struct Review {
    pub contract_number: String,
    pub contract_status: ContractStatus,
    pub round: u32,
    pub items: Vec<ReviewItem>,
    pub flags: Vec<Flag>,
    pub sign_offs: Vec<SignOff>,
    /// Why the final PDF cannot be produced yet (None: it can).
    pub final_blocked: Option<String>,
}

/// Why the final PDF cannot be produced (None when it can): legal's valid sign-off and no
/// open high flag.
pub fn final_blocked(status: ContractStatus, flags: &[Flag], signed: bool) -> Option<String> {
    if !status.is_signed_off() || !signed {
        return Some(format!("the contract is {} and legal has not signed it off; only a DRAFT-watermarked PDF can be produced", status.code().replace('_', " ")));
    }
    let high: Vec<&str> = flags.iter().filter(|f| f.status == "open" && f.severity == Severity::High).map(|f| f.rule_id.as_str()).collect();
    (!high.is_empty()).then(|| format!("open high-severity flags: {}", high.join(", ")))
}

pub async fn get_in_review(conn: &mut SqliteConnection, contract: &str) -> CoreResult<Review> {
    let c = get_in(conn, contract).await?;
    let (review, round) = match review_id(conn, contract).await? {
        Some((id, round)) => (Some(id), round),
        None => (None, 0),
    };
    let review = review.unwrap_or_default();
    type FlagRow = (String, String, String, String, Option<i64>, String, String, String, String, String, Option<String>, Option<i64>, String, String, Option<String>, Option<String>);
    let rows: Vec<FlagRow> = sqlx::query_as(
        "SELECT id, rule_id, category, severity, clause_position, excerpt, why_zh, why_en, suggestion_zh, suggestion_en, fallback_key, fallback_position, status, reason, decided_by, decided_at
         FROM review_flags WHERE review_id = ? ORDER BY CASE severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, rule_id, clause_position",
    )
    .bind(&review)
    .fetch_all(&mut *conn)
    .await?;
    let flags: Vec<Flag> = rows
        .into_iter()
        .map(|r| Flag {
            id: r.0,
            rule_id: r.1,
            category: Category::parse(&r.2).unwrap_or(Category::Liability),
            severity: Severity::parse(&r.3).unwrap_or(Severity::High),
            clause_position: r.4.and_then(|p| u32::try_from(p).ok()),
            excerpt: r.5,
            why_zh: r.6,
            why_en: r.7,
            suggestion_zh: r.8,
            suggestion_en: r.9,
            fallback_key: r.10,
            fallback_position: r.11.and_then(|p| u32::try_from(p).ok()),
            status: r.12,
            reason: r.13,
            decided_by: r.14,
            decided_at: r.15,
            masked: Vec::new(),
        })
        .collect();
    type ItemRow = (String, String, String, String, String, String, String, String, String, Option<String>, Option<String>);
    let items: Vec<ItemRow> = sqlx::query_as(
        "SELECT id, risk_type, item_key, text_zh, text_en, mitigation_zh, mitigation_en, status, reason, decided_by, decided_at FROM review_items WHERE review_id = ? ORDER BY item_key",
    )
    .bind(&review)
    .fetch_all(&mut *conn)
    .await?;
    let order = |k: &str| SEED.iter().position(|s| s.key == k).unwrap_or(usize::MAX);
    let mut items: Vec<ReviewItem> = items
        .into_iter()
        .map(|r| ReviewItem { id: r.0, risk_type: Category::parse(&r.1).unwrap_or(Category::Payment), item_key: r.2, text_zh: r.3, text_en: r.4, mitigation_zh: r.5,
            mitigation_en: r.6, status: r.7, reason: r.8, decided_by: r.9, decided_at: r.10, masked: Vec::new() })
        .collect();
    items.sort_by_key(|i| order(&i.item_key));
    let sign_offs: Vec<(String, i64, String, String, String, String, Option<String>)> =
        sqlx::query_as("SELECT id, round, actor, role, comment, at, revoked_at FROM contract_signoffs WHERE contract_id = ? ORDER BY at").bind(contract).fetch_all(&mut *conn).await?;
    let sign_offs: Vec<SignOff> = sign_offs.into_iter().map(|s| SignOff { id: s.0, round: u32::try_from(s.1).unwrap_or(0), actor: s.2, role: s.3, comment: s.4, at: s.5, revoked_at: s.6, masked: Vec::new() }).collect();
    let signed = sign_offs.iter().any(|s| s.revoked_at.is_none());
    Ok(Review { contract_number: c.number, contract_status: c.status, round, final_blocked: final_blocked(c.status, &flags, signed), items, flags, sign_offs })
}

pub async fn get(pool: &SqlitePool, contract: &str) -> CoreResult<Review> {
    let mut conn = pool.acquire().await?;
    get_in_review(&mut conn, contract).await
}
