//! What-if: a draft plan against the plan in effect, for one period, per payee: the current
//! and the simulated total and the difference, and the cost to the company over all payees.
//! Nothing is written (the reads run in a transaction that is rolled back).

use super::plans;
use super::service::{compute_with, period_of};
use super::{lines, reps, Payee};
use crate::error::CoreResult;
use crate::partner::plan::{Plan, PlanKind};
use crate::partner::sales::SalesLine;
use rust_decimal::Decimal;
use serde::Serialize;
use sqlx::SqlitePool;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct WhatIfRow {
    pub payee: String,
    /// `None` when no plan of the draft's kind is in effect for the period.
    #[ts(type = "string | null")]
    pub current: Option<Decimal>,
    #[ts(type = "string")]
    pub draft: Decimal,
    #[ts(type = "string")]
    pub difference: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct WhatIf {
    pub period: String,
    /// The stored plan compared with: `name v3`.
    pub current_plan: Option<String>,
    pub draft_plan: String,
    pub currency: String,
    pub rows: Vec<WhatIfRow>,
    #[ts(type = "string")]
    pub current_total: Decimal,
    #[ts(type = "string")]
    pub draft_total: Decimal,
    #[ts(type = "string")]
    pub difference: Decimal,
}

/// Compares `draft` with the stored plan in effect for `label`, for `payee` or every payee
/// with lines in the period's history.
pub async fn what_if(pool: &SqlitePool, draft: &Plan, payee: Option<&str>, label: &str) -> CoreResult<WhatIf> {
    what_if_with(pool, draft, payee, label, &[]).await
}

/// As `what_if`, with hypothetical `extra` sales added to the stored ones under both plans
/// (their payees are compared too).
pub async fn what_if_with(pool: &SqlitePool, draft: &Plan, payee: Option<&str>, label: &str, extra: &[SalesLine]) -> CoreResult<WhatIf> {
    crate::partner::validate(draft)?;
    let period = period_of(label)?;
    let mut tx = pool.begin().await?;
    let current = plans::effective(&mut tx, draft.kind, None, period.from).await.ok();
    let codes = match (payee, draft.kind) {
        (Some(c), _) => vec![c.trim().to_string()],
        (None, PlanKind::Partner) => lines::partners_with_lines(&mut tx, period.to).await?,
        (None, PlanKind::Rep) => reps::list(&mut tx).await?.into_iter().map(|r| r.code).collect(),
    };
    let mut codes = codes;
    if payee.is_none() {
        let hypothetical = extra.iter().flat_map(|l| match draft.kind {
            PlanKind::Partner => [Some(l.partner_id.clone()), l.parent_partner_id.clone()],
            PlanKind::Rep => [l.rep.clone(), None],
        });
        for code in hypothetical.flatten() {
            if !codes.contains(&code) {
                codes.push(code);
            }
        }
        codes.sort();
    }
    let mut rows = Vec::new();
    for code in codes {
        let who = match draft.kind {
            PlanKind::Partner => Payee::Partner(code.clone()),
            PlanKind::Rep => Payee::Rep(code.clone()),
        };
        let simulated = compute_with(&mut tx, &who, draft, period, extra).await?.total;
        let now = match &current {
            Some(p) => Some(compute_with(&mut tx, &who, &p.plan, period, extra).await?.total),
            None => None,
        };
        rows.push(WhatIfRow { payee: code, current: now, draft: simulated, difference: simulated - now.unwrap_or(Decimal::ZERO) });
    }
    tx.rollback().await?;
    let current_total: Decimal = rows.iter().filter_map(|r| r.current).sum();
    let draft_total: Decimal = rows.iter().map(|r| r.draft).sum();
    Ok(WhatIf {
        period: label.trim().to_string(),
        current_plan: current.map(|p| format!("{} v{}", p.name, p.version)),
        draft_plan: draft.name.clone(),
        currency: draft.currency.clone(),
        rows,
        current_total,
        draft_total,
        difference: draft_total - current_total,
    })
}
