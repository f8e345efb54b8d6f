//! Opportunities in the funnel (初步接触 → 需求确认 → 方案制定 → 商务谈判 → 成交 / 输单). Every
//! stage an opportunity enters is recorded in `opportunity_stage_history`, which the funnel's
//! days-in-stage figures are computed from.

use crate::clock;
use crate::error::{CoreError, CoreResult, FieldCode};
use crate::ids::{new_row_id, CustomerId, OpportunityId};
use crate::listing::{fetch_page, ListQuery, ListSpec, Page};
use crate::money;
use crate::store::row;
use crate::validate::Checker;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection, SqlitePool};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Stage {
    Initial,
    Qualified,
    Proposal,
    Negotiation,
    Won,
    Lost,
}

impl Stage {
    pub const ALL: [Stage; 6] = [Self::Initial, Self::Qualified, Self::Proposal, Self::Negotiation, Self::Won, Self::Lost];
    pub const ALLOWED: &'static str =
        "initial, qualified, proposal, negotiation, won, lost (初步接触, 需求确认, 方案制定, 商务谈判, 成交, 输单)";

    pub fn code(self) -> &'static str {
        match self {
            Self::Initial => "initial",
            Self::Qualified => "qualified",
            Self::Proposal => "proposal",
            Self::Negotiation => "negotiation",
            Self::Won => "won",
            Self::Lost => "lost",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Initial => "初步接触",
            Self::Qualified => "需求确认",
            Self::Proposal => "方案制定",
            Self::Negotiation => "商务谈判",
            Self::Won => "成交",
            Self::Lost => "输单",
        }
    }

    /// Accepts codes, English labels and the Chinese labels.
    pub fn parse(v: &str) -> Option<Self> {
        let v = v.trim().to_lowercase();
        Self::ALL.into_iter().find(|s| {
            v == s.code()
                || v == s.label_zh()
                || matches!(
                    (s, v.as_str()),
                    (Self::Initial, "initial contact")
                        | (Self::Qualified, "needs confirmed")
                        | (Self::Negotiation, "negotiating")
                        | (Self::Won, "closed won")
                        | (Self::Lost, "closed lost")
                )
        })
    }

    /// The win probability a new opportunity gets in this stage when none is given.
    pub fn default_probability_pct(self) -> Decimal {
        Decimal::from(match self {
            Self::Initial => 10,
            Self::Qualified => 25,
            Self::Proposal => 50,
            Self::Negotiation => 75,
            Self::Won => 100,
            Self::Lost => 0,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Opportunity {
    #[ts(type = "string")]
    pub id: OpportunityId,
    #[ts(type = "string")]
    pub customer_id: CustomerId,
    pub customer_name: String,
    pub name: String,
    pub stage: Stage,
    #[ts(type = "string")]
    pub amount: Decimal,
    pub currency: String,
    #[ts(type = "string | null")]
    pub expected_close: Option<NaiveDate>,
    #[ts(type = "string")]
    pub probability_pct: Decimal,
    pub competitor: String,
    pub owner: String,
    pub created_at: String,
    pub updated_at: String,
    /// Personal fields shown masked (by the data view's policy); empty when read from the store.
    pub masked: Vec<String>,
}

impl<'r> sqlx::FromRow<'r, SqliteRow> for Opportunity {
    fn from_row(r: &'r SqliteRow) -> Result<Self, sqlx::Error> {
        Ok(Self {
            id: OpportunityId(row::uuid(r, "id")?),
            customer_id: CustomerId(row::uuid(r, "customer_id")?),
            customer_name: r.try_get::<Option<String>, _>("customer_name")?.unwrap_or_default(),
            name: r.try_get("name")?,
            stage: row::choice(r, "stage", Stage::parse)?,
            amount: row::decimal(r, "amount")?,
            currency: r.try_get("currency")?,
            expected_close: row::opt_date(r, "expected_close")?,
            probability_pct: row::decimal(r, "probability_pct")?,
            competitor: r.try_get("competitor")?,
            owner: r.try_get("owner")?,
            created_at: r.try_get("created_at")?,
            updated_at: r.try_get("updated_at")?,
            masked: Vec::new(),
        })
    }
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct OpportunityInput {
    pub id: Option<String>,
    pub customer_id: String,
    pub name: String,
    pub stage: String,
    pub amount: String,
    pub currency: String,
    pub expected_close: Option<String>,
    /// Empty: the stage's default probability.
    #[serde(default)]
    pub probability_pct: String,
    #[serde(default)]
    pub competitor: String,
    #[serde(default)]
    pub owner: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OpportunityFields {
    pub customer_id: Option<CustomerId>,
    pub name: String,
    pub stage: Stage,
    pub amount: Decimal,
    pub currency: String,
    pub expected_close: Option<NaiveDate>,
    pub probability_pct: Decimal,
    pub competitor: String,
    pub owner: String,
}

/// The largest amount accepted (10^15): beyond any real deal, within exact Decimal range.
fn max_amount() -> Decimal {
    Decimal::from(1_000_000_000_000_000_i64)
}

impl OpportunityInput {
    pub fn check(&self, c: &mut Checker) -> OpportunityFields {
        let customer_id = if self.customer_id.trim().is_empty() {
            c.fail("customer_id", FieldCode::Required, "is required");
            None
        } else {
            crate::crm::parse_optional_id(c, Some(&self.customer_id), CustomerId::parse)
        };
        let stage = if self.stage.trim().is_empty() {
            c.fail("stage", FieldCode::Required, "is required");
            None
        } else {
            c.choice("stage", &self.stage, Stage::parse, Stage::ALLOWED)
        };
        let currency = c.currency("currency", &self.currency);
        let minor = money::minor_units(&currency).unwrap_or(2);
        let amount = c.decimal("amount", &self.amount, (Decimal::ZERO, max_amount()), minor);
        let probability = if self.probability_pct.trim().is_empty() {
            stage.map(Stage::default_probability_pct)
        } else {
            c.percent("probability_pct", &self.probability_pct)
        };
        OpportunityFields {
            customer_id,
            name: c.text("name", &self.name, 200, true),
            stage: stage.unwrap_or(Stage::Initial),
            amount: amount.map(|a| money::with_minor_units(a, &currency)).unwrap_or_default(),
            expected_close: c.date("expected_close", self.expected_close.as_deref().unwrap_or("")),
            probability_pct: probability.unwrap_or_default(),
            currency,
            competitor: c.text("competitor", &self.competitor, 200, false),
            owner: c.text("owner", &self.owner, 100, false),
        }
    }
}

pub const LIST: ListSpec = ListSpec {
    select: "SELECT o.*, cu.name AS customer_name FROM opportunities o JOIN customers cu ON cu.id = o.customer_id WHERE o.deleted_at IS NULL",
    count: "SELECT COUNT(*) FROM opportunities o JOIN customers cu ON cu.id = o.customer_id WHERE o.deleted_at IS NULL",
    search_columns: &["o.name", "cu.name", "o.competitor", "o.owner"],
    sort_keys: &[
        ("name", "LOWER(o.name)"),
        ("customer_name", "LOWER(cu.name)"),
        // Funnel order, not alphabetical.
        (
            "stage",
            "CASE o.stage WHEN 'initial' THEN 1 WHEN 'qualified' THEN 2 WHEN 'proposal' THEN 3 WHEN 'negotiation' THEN 4 WHEN 'won' THEN 5 ELSE 6 END",
        ),
        // Ordering only: the exact TEXT value is what is stored and shown.
        ("amount", "CAST(o.amount AS REAL)"),
        ("expected_close", "o.expected_close"),
        ("probability_pct", "CAST(o.probability_pct AS REAL)"),
        ("owner", "o.owner"),
        ("updated_at", "o.updated_at"),
    ],
    default_sort: "o.updated_at",
    id_column: "o.id",
};

pub async fn get(conn: &mut SqliteConnection, id: OpportunityId) -> CoreResult<Opportunity> {
    sqlx::query_as(
        "SELECT o.*, cu.name AS customer_name FROM opportunities o JOIN customers cu ON cu.id = o.customer_id
         WHERE o.id = ? AND o.deleted_at IS NULL",
    )
    .bind(id.to_string())
    .fetch_optional(conn)
    .await?
    .ok_or_else(|| CoreError::not_found("opportunity", id))
}

async fn record_stage(conn: &mut SqliteConnection, id: OpportunityId, stage: Stage, at: &str) -> CoreResult<()> {
    sqlx::query("INSERT INTO opportunity_stage_history (id, opportunity_id, stage, entered_at) VALUES (?, ?, ?, ?)")
        .bind(new_row_id())
        .bind(id.to_string())
        .bind(stage.code())
        .bind(at)
        .execute(conn)
        .await?;
    Ok(())
}

/// Inserts an opportunity and records its first stage. `customer_id` must be set (checked).
pub async fn insert(conn: &mut SqliteConnection, id: OpportunityId, f: &OpportunityFields, now: &str) -> CoreResult<()> {
    let customer = f.customer_id.ok_or_else(|| CoreError::BadRequest("an opportunity needs a customer".into()))?;
    sqlx::query(
        "INSERT INTO opportunities (id, customer_id, name, stage, amount, currency, expected_close, probability_pct,
                                    competitor, owner, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(id.to_string())
    .bind(customer.to_string())
    .bind(&f.name)
    .bind(f.stage.code())
    .bind(f.amount.to_string())
    .bind(&f.currency)
    .bind(f.expected_close.map(|d| d.to_string()))
    .bind(f.probability_pct.to_string())
    .bind(&f.competitor)
    .bind(&f.owner)
    .bind(now)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    record_stage(conn, id, f.stage, now).await
}

/// Updates a live opportunity, recording a stage change; `false` when there is none.
pub async fn update(conn: &mut SqliteConnection, id: OpportunityId, f: &OpportunityFields, now: &str) -> CoreResult<bool> {
    let customer = f.customer_id.ok_or_else(|| CoreError::BadRequest("an opportunity needs a customer".into()))?;
    let previous: Option<String> = sqlx::query_scalar("SELECT stage FROM opportunities WHERE id = ? AND deleted_at IS NULL")
        .bind(id.to_string())
        .fetch_optional(&mut *conn)
        .await?;
    let Some(previous) = previous else { return Ok(false) };
    sqlx::query(
        "UPDATE opportunities SET customer_id = ?, name = ?, stage = ?, amount = ?, currency = ?, expected_close = ?,
                probability_pct = ?, competitor = ?, owner = ?, updated_at = ?
         WHERE id = ? AND deleted_at IS NULL",
    )
    .bind(customer.to_string())
    .bind(&f.name)
    .bind(f.stage.code())
    .bind(f.amount.to_string())
    .bind(&f.currency)
    .bind(f.expected_close.map(|d| d.to_string()))
    .bind(f.probability_pct.to_string())
    .bind(&f.competitor)
    .bind(&f.owner)
    .bind(now)
    .bind(id.to_string())
    .execute(&mut *conn)
    .await?;
    if previous != f.stage.code() {
        record_stage(conn, id, f.stage, now).await?;
    }
    Ok(true)
}

/// Stages an opportunity went through, oldest first, with when it entered each.
pub async fn stage_history(conn: &mut SqliteConnection, id: OpportunityId) -> CoreResult<Vec<(Stage, String)>> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT stage, entered_at FROM opportunity_stage_history WHERE opportunity_id = ? ORDER BY entered_at, id",
    )
    .bind(id.to_string())
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().filter_map(|(s, at)| Stage::parse(&s).map(|s| (s, at))).collect())
}

pub async fn list(pool: &SqlitePool, q: &ListQuery) -> CoreResult<Page<Opportunity>> {
    let mut conn = pool.acquire().await?;
    fetch_page(&mut conn, &LIST, q).await
}

pub async fn save(pool: &SqlitePool, input: &OpportunityInput) -> CoreResult<Opportunity> {
    let mut c = Checker::new();
    let fields = input.check(&mut c);
    let id = crate::crm::parse_optional_id(&mut c, input.id.as_deref(), OpportunityId::parse);
    let mut tx = pool.begin().await?;
    crate::crm::contact::check_customer(&mut tx, &mut c, fields.customer_id).await?;
    c.finish()?;
    let now = clock::now();
    let id = match id {
        Some(id) => {
            if !update(&mut tx, id, &fields, &now).await? {
                return Err(CoreError::not_found("opportunity", id));
            }
            id
        }
        None => {
            let id = OpportunityId::new();
            insert(&mut tx, id, &fields, &now).await?;
            id
        }
    };
    let saved = get(&mut tx, id).await?;
    tx.commit().await?;
    tracing::info!(opportunity = %id, stage = saved.stage.code(), "opportunity saved");
    Ok(saved)
}

pub async fn delete(pool: &SqlitePool, id: OpportunityId) -> CoreResult<()> {
    crate::crm::soft_delete(pool, "opportunities", "opportunity", &id.to_string()).await
}
