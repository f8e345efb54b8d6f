//! What the reports read: live opportunities with their stage history, and live customers,
//! narrowed by the dashboard's filters (owner, region, currency). Periods are applied by the
//! pure report functions, since each report dates opportunities differently (funnel: created;
//! KPIs: closed; forecast: expected close).
//!
//! Filters: `owner` is the opportunity's owner (for customers, the customer's owner);
//! `region` is the customer's region; `currency` keeps only opportunities in that currency.
//! Product line is not a filter: opportunities carry no products yet.

use crate::crm::customer::Tier;
use crate::crm::opportunity::Stage;
use crate::error::CoreError;
use crate::ids::CustomerId;
use crate::store::row;
use crate::validate::Checker;
use crate::CoreResult;
use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use sqlx::{Row, SqliteConnection};
use std::collections::HashMap;

/// One opportunity as the reports see it. `history` is oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct OppRow {
    pub id: String,
    pub customer_id: String,
    pub stage: Stage,
    pub amount: Decimal,
    pub probability_pct: Decimal,
    pub expected_close: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
    pub history: Vec<(Stage, DateTime<Utc>)>,
}

impl OppRow {
    /// When a won or lost opportunity closed: when it last entered its current stage (the
    /// creation time if the history lacks it); `None` while open.
    pub fn closed_at(&self) -> Option<DateTime<Utc>> {
        if !matches!(self.stage, Stage::Won | Stage::Lost) {
            return None;
        }
        Some(self.history.iter().rev().find(|(s, _)| *s == self.stage).map_or(self.created_at, |(_, at)| *at))
    }

    /// Whether the opportunity was open at `at`: created before it, not closed by then.
    pub fn open_at(&self, at: DateTime<Utc>) -> bool {
        self.created_at < at && self.closed_at().is_none_or(|c| c >= at)
    }
}

/// A live customer as the reports see it.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomerRow {
    pub id: CustomerId,
    pub name: String,
    pub tier: Option<Tier>,
    pub created_at: DateTime<Utc>,
}

/// The dashboard's filters. Empty `owner`/`region` mean all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    pub owner: Option<String>,
    pub region: Option<String>,
    pub currency: String,
}

impl Default for Scope {
    fn default() -> Self {
        Self { owner: None, region: None, currency: "CNY".into() }
    }
}

impl Scope {
    /// Checks the currency (field `currency`) and drops blank filters.
    pub fn checked(owner: Option<&str>, region: Option<&str>, currency: &str) -> CoreResult<Self> {
        let mut c = Checker::new();
        let currency = c.currency("currency", currency);
        c.finish()?;
        let keep = |v: Option<&str>| v.map(str::trim).filter(|v| !v.is_empty()).map(str::to_string);
        Ok(Self { owner: keep(owner), region: keep(region), currency })
    }
}

/// Stored timestamps are RFC 3339 UTC (`clock::now`).
pub fn parse_instant(text: &str) -> CoreResult<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|d| d.with_timezone(&Utc))
        .map_err(|_| CoreError::BadRequest(format!("a stored timestamp is not RFC 3339: '{}'", crate::validate::truncate(text))))
}

/// Live opportunities of live customers in `scope`, with their stage histories.
pub async fn load_opportunities(conn: &mut SqliteConnection, scope: &Scope) -> CoreResult<Vec<OppRow>> {
    let filter = "FROM opportunities o JOIN customers cu ON cu.id = o.customer_id
         WHERE o.deleted_at IS NULL AND cu.deleted_at IS NULL AND o.currency = ?1
           AND (?2 IS NULL OR o.owner = ?2) AND (?3 IS NULL OR cu.region = ?3)";
    let rows = sqlx::query(&format!(
        "SELECT o.id, o.customer_id, o.stage, o.amount, o.probability_pct, o.expected_close, o.created_at {filter} ORDER BY o.created_at, o.id"
    ))
    .bind(&scope.currency)
    .bind(scope.owner.as_deref())
    .bind(scope.region.as_deref())
    .fetch_all(&mut *conn)
    .await?;
    let history: Vec<(String, String, String)> = sqlx::query_as(&format!(
        "SELECT h.opportunity_id, h.stage, h.entered_at FROM opportunity_stage_history h
         WHERE h.opportunity_id IN (SELECT o.id {filter}) ORDER BY h.opportunity_id, h.entered_at, h.id"
    ))
    .bind(&scope.currency)
    .bind(scope.owner.as_deref())
    .bind(scope.region.as_deref())
    .fetch_all(&mut *conn)
    .await?;
    let mut by_opp: HashMap<String, Vec<(Stage, DateTime<Utc>)>> = HashMap::new();
    for (opp, stage, at) in history {
        if let Some(stage) = Stage::parse(&stage) {
            by_opp.entry(opp).or_default().push((stage, parse_instant(&at)?));
        }
    }
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let id: String = r.try_get("id")?;
        out.push(OppRow {
            history: by_opp.remove(&id).unwrap_or_default(),
            id,
            customer_id: r.try_get("customer_id")?,
            stage: row::choice(&r, "stage", Stage::parse)?,
            amount: row::decimal(&r, "amount")?,
            probability_pct: row::decimal(&r, "probability_pct")?,
            expected_close: row::opt_date(&r, "expected_close")?,
            created_at: parse_instant(&r.try_get::<String, _>("created_at")?)?,
        });
    }
    Ok(out)
}

/// Live customers in `scope` (owner and region of the customer), by name.
pub async fn load_customers(conn: &mut SqliteConnection, scope: &Scope) -> CoreResult<Vec<CustomerRow>> {
    let rows = sqlx::query(
        "SELECT id, name, tier, created_at FROM customers
         WHERE deleted_at IS NULL AND (?1 IS NULL OR owner = ?1) AND (?2 IS NULL OR region = ?2) ORDER BY name, id",
    )
    .bind(scope.owner.as_deref())
    .bind(scope.region.as_deref())
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(CustomerRow {
                id: CustomerId(row::uuid(r, "id")?),
                name: r.try_get("name")?,
                tier: row::opt_choice(r, "tier", Tier::parse)?,
                created_at: parse_instant(&r.try_get::<String, _>("created_at")?)?,
            })
        })
        .collect()
}
