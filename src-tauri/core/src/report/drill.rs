//! The records behind a dashboard number: click "商务谈判 reached 41" and see those 41
//! opportunities. Each target picks its records with the same rule as the figure it explains
//! (the functions are shared with funnel.rs, kpi.rs and forecast.rs), so the list always has
//! as many records, and the same total, as the number clicked.

use super::abc::{self, Thresholds};
use super::funnel::{furthest, STAGES};
use super::rows::OppRow;
use super::snapshot::Snapshot;
use super::{Period, Scope};
use crate::crm::customer::Tier;
use crate::crm::opportunity::Stage;
use crate::tabular::Cell;
use crate::CoreResult;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use sqlx::{Row, SqliteConnection};
use std::collections::HashMap;
use ts_rs::TS;

/// Rows a drill-down sends to the window (the largest first); the export has all of them.
pub const SHOWN: usize = 500;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum DrillTarget {
    /// Created in the period and reached the stage (or a later one).
    FunnelReached { stage: Stage },
    /// Created in the period and in the stage now.
    FunnelCurrent { stage: Stage },
    /// Reached the stage but not the next.
    FunnelDropped { stage: Stage },
    FunnelLost,
    Won,
    Lost,
    /// Open at the period's end.
    Open,
    /// Open and expected to close in the month (`2026-12`), from the forecast.
    ForecastMonth { month: String },
    AbcClass { class: Tier },
    NewCustomers,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DrillRow {
    pub id: String,
    /// The opportunity's name, or the customer's for customer lists.
    pub name: String,
    pub customer: String,
    pub stage: Option<Stage>,
    #[ts(type = "string")]
    pub amount: Decimal,
    pub owner: String,
    /// Expected close (opportunities) or the day the record was created (customers).
    pub date: Option<String>,
    /// Fields shown masked by the data view's policy (`owner`; `name`, `customer` when a
    /// name in them is found by the detectors); empty in clear.
    pub masked: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Drill {
    pub target: DrillTarget,
    pub count: u32,
    #[ts(type = "string")]
    pub total: Decimal,
    /// The largest [`SHOWN`] records, or all of them for an export.
    pub rows: Vec<DrillRow>,
}

fn at_start(d: NaiveDate) -> chrono::DateTime<chrono::Utc> {
    d.and_time(chrono::NaiveTime::MIN).and_utc()
}

fn stage_index(stage: Stage) -> Option<usize> {
    STAGES.iter().position(|s| *s == stage)
}

/// The opportunities behind `target`, by the rule of the figure it explains.
fn opportunities(snap: &Snapshot, period: &Period, scope: &Scope, target: &DrillTarget) -> Vec<OppRow> {
    let opps = snap.opportunities(scope);
    let created_in = |o: &OppRow| period.contains(o.created_at);
    let closed_as = |stage: Stage| move |o: &OppRow| o.stage == stage && o.closed_at().is_some_and(|c| period.contains(c));
    let open = |o: &OppRow| !matches!(o.stage, Stage::Won | Stage::Lost);
    match target {
        DrillTarget::FunnelReached { stage } => match stage_index(*stage) {
            Some(i) => opps.into_iter().filter(created_in).filter(|o| furthest(o) >= i).collect(),
            None => opps.into_iter().filter(created_in).filter(|o| o.stage == Stage::Lost).collect(),
        },
        DrillTarget::FunnelCurrent { stage } => opps.into_iter().filter(created_in).filter(|o| o.stage == *stage).collect(),
        DrillTarget::FunnelDropped { stage } => match stage_index(*stage) {
            Some(i) if i + 1 < STAGES.len() => opps.into_iter().filter(created_in).filter(|o| furthest(o) == i).collect(),
            _ => Vec::new(),
        },
        DrillTarget::FunnelLost => opps.into_iter().filter(created_in).filter(|o| o.stage == Stage::Lost).collect(),
        DrillTarget::Won => opps.into_iter().filter(closed_as(Stage::Won)).collect(),
        DrillTarget::Lost => opps.into_iter().filter(closed_as(Stage::Lost)).collect(),
        DrillTarget::Open => opps.into_iter().filter(|o| o.open_at(at_start(period.end))).collect(),
        DrillTarget::ForecastMonth { month } => match Period::parse(month) {
            Ok(m) => opps.into_iter().filter(open).filter(|o| o.expected_close.is_some_and(|d| m.contains_date(d))).collect(),
            Err(_) => Vec::new(),
        },
        DrillTarget::AbcClass { .. } | DrillTarget::NewCustomers => Vec::new(),
    }
}

/// Names, owners and dates of the opportunities `ids`, from the store.
async fn describe(conn: &mut SqliteConnection, ids: &[&str]) -> CoreResult<HashMap<String, (String, String, String, Option<String>)>> {
    let mut out = HashMap::new();
    for chunk in ids.chunks(500) {
        let sql = format!(
            "SELECT o.id, o.name, cu.name AS customer, o.owner, o.expected_close FROM opportunities o JOIN customers cu ON cu.id = o.customer_id WHERE o.id IN ({})",
            vec!["?"; chunk.len()].join(", ")
        );
        let mut q = sqlx::query(&sql);
        for id in chunk {
            q = q.bind(*id);
        }
        for r in q.fetch_all(&mut *conn).await? {
            out.insert(r.try_get("id")?, (r.try_get("name")?, r.try_get("customer")?, r.try_get("owner")?, r.try_get("expected_close")?));
        }
    }
    Ok(out)
}

/// The records behind `target`; `limit` rows at most (the largest amounts first).
pub async fn drill(
    conn: &mut SqliteConnection,
    snap: &Snapshot,
    period: &Period,
    scope: &Scope,
    thresholds: &Thresholds,
    target: &DrillTarget,
    limit: usize,
) -> CoreResult<Drill> {
    let mut rows = match target {
        DrillTarget::AbcClass { class } => customers_of_class(snap, period, scope, thresholds, *class),
        DrillTarget::NewCustomers => snap
            .customers(scope)
            .into_iter()
            .filter(|c| period.contains(c.created_at))
            .map(|c| DrillRow { id: c.id.to_string(), name: c.name, customer: String::new(), stage: None, amount: Decimal::ZERO, owner: String::new(), date: Some(c.created_at.date_naive().to_string()), masked: Vec::new() })
            .collect(),
        _ => {
            let opps = opportunities(snap, period, scope, target);
            opps.iter()
                .map(|o| DrillRow { id: o.id.clone(), name: String::new(), customer: String::new(), stage: Some(o.stage), amount: o.amount, owner: String::new(), date: None, masked: Vec::new() })
                .collect()
        }
    };
    rows.sort_by(|a, b| b.amount.cmp(&a.amount).then_with(|| a.id.cmp(&b.id)));
    let count = u32::try_from(rows.len()).unwrap_or(u32::MAX);
    let total = rows.iter().map(|r| r.amount).sum();
    rows.truncate(limit);
    if rows.iter().any(|r| r.stage.is_some()) {
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        let names = describe(conn, &ids).await?;
        for r in &mut rows {
            if let Some((name, customer, owner, close)) = names.get(&r.id) {
                (r.name, r.customer, r.owner, r.date) = (name.clone(), customer.clone(), owner.clone(), close.clone());
            }
        }
    }
    Ok(Drill { target: target.clone(), count, total, rows })
}

fn customers_of_class(snap: &Snapshot, period: &Period, scope: &Scope, t: &Thresholds, class: Tier) -> Vec<DrillRow> {
    let abc = abc::compute(&snap.customers(scope), &snap.opportunities_all_owners(scope), period, &scope.currency, t);
    abc.rows
        .into_iter()
        .filter(|r| r.class == class)
        .map(|r| DrillRow { id: r.customer_id, name: r.customer_name, customer: String::new(), stage: None, amount: r.revenue, owner: String::new(), date: None, masked: Vec::new() })
        .collect()
}

/// Column headers and cells for an export of a drill-down.
pub fn table(d: &Drill) -> (Vec<&'static str>, Vec<Vec<Cell>>) {
    let headers = vec!["id", "name", "customer", "stage", "amount", "owner", "date"];
    let rows = d
        .rows
        .iter()
        .map(|r| {
            vec![
                Cell::Text(r.id.clone()),
                Cell::Text(r.name.clone()),
                Cell::Text(r.customer.clone()),
                Cell::Text(r.stage.map(|s| s.code().to_string()).unwrap_or_default()),
                Cell::Number(r.amount),
                Cell::Text(r.owner.clone()),
                Cell::Text(r.date.clone().unwrap_or_default()),
            ]
        })
        .collect();
    (headers, rows)
}
