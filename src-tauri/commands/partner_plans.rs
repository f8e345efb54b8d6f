//! Plan commands (分润方案 / 提成方案): versions, one version's plan for the form, checking a
//! form's plan without saving (every error named by its JSON path, so the form shows it at its
//! field), saving it as the next version; the what-if against the plan in effect (changed
//! parameters, hypothetical sales, the payout curve) and what a quote's deal earns.

use super::{off_thread, IpcError};
use crate::state::AppState;
use dealdesk_core::error::FieldError;
use dealdesk_core::partner::parse_plan;
use dealdesk_core::partner::plan::{Plan, PlanKind};
use dealdesk_core::partner::store::from_quote::QuoteTake;
use dealdesk_core::partner::store::plans::{self, PlanSummary};
use dealdesk_core::partner::store::service::{self, period_of};
use dealdesk_core::partner::store::simulate::{self, DealEarnings, HypotheticalSale, WhatIfView};
use dealdesk_core::CoreError;
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

/// A stored plan version with its plan, for the form.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PlanVersion {
    pub summary: PlanSummary,
    pub plan: Plan,
}

fn version_of(p: plans::StoredPlan) -> PlanVersion {
    let summary = PlanSummary { name: p.name.clone(), version: p.version, kind: p.plan.kind, effective_from: p.effective_from.to_string(), created_at: p.created_at.clone() };
    PlanVersion { summary, plan: p.plan }
}

/// The form's plan (a JSON object) through the same parser as a plan file.
fn parse(plan: &serde_json::Value) -> Result<Plan, CoreError> {
    let text = serde_json::to_vec(plan).map_err(|e| CoreError::BadRequest(format!("the plan is not JSON: {e}")))?;
    parse_plan(&text)
}

#[tauri::command]
pub async fn list_plans(state: State<'_, AppState>) -> Result<Vec<PlanSummary>, IpcError> {
    let pool = state.pool()?;
    let mut conn = pool.acquire().await.map_err(CoreError::from)?;
    Ok(plans::list(&mut conn).await?)
}

#[tauri::command]
pub async fn get_plan(state: State<'_, AppState>, name: String, version: u32) -> Result<PlanVersion, IpcError> {
    let pool = state.pool()?;
    let mut conn = pool.acquire().await.map_err(CoreError::from)?;
    Ok(version_of(plans::version(&mut conn, &name, version).await?))
}

/// The plan of `kind` in effect for `period` (the what-if starts from it).
#[tauri::command]
pub async fn effective_plan(state: State<'_, AppState>, kind: PlanKind, period: String) -> Result<PlanVersion, IpcError> {
    let pool = state.pool()?;
    let p = period_of(&period)?;
    let mut conn = pool.acquire().await.map_err(CoreError::from)?;
    Ok(version_of(plans::effective(&mut conn, kind, None, p.from).await?))
}

/// Every problem of the form's plan, each at its JSON path (`rate.tiers[1].from`); empty when
/// the plan is valid. Never rejects for a bad plan.
#[tauri::command]
pub fn check_plan(plan: serde_json::Value) -> Result<Vec<FieldError>, IpcError> {
    match parse(&plan) {
        Ok(_) => Ok(Vec::new()),
        Err(CoreError::Validation(errors)) => Ok(errors),
        Err(e) => Err(e.into()),
    }
}

/// Saves the form's plan as the next version of its name (audited); `validation` with the
/// JSON paths when it is not valid.
#[tauri::command]
pub async fn save_plan(state: State<'_, AppState>, plan: serde_json::Value) -> Result<PlanSummary, IpcError> {
    let plan = parse(&plan)?;
    let pool = state.pool()?;
    let saved = off_thread(move || async move { service::save_plan(&pool, &plan).await }).await?;
    Ok(version_of(saved).summary)
}

/// The form's (changed) plan against the plan in effect for `period`, for one partner or all,
/// with hypothetical sales; writes nothing.
#[tauri::command]
pub async fn what_if(state: State<'_, AppState>, plan: serde_json::Value, period: String, partner: Option<String>, sales: Vec<HypotheticalSale>) -> Result<WhatIfView, IpcError> {
    let draft = parse(&plan)?;
    let pool = state.pool()?;
    Ok(off_thread(move || async move { simulate::simulate(&pool, &draft, partner.as_deref(), &period, &sales).await }).await?)
}

/// What a quote's deal adds to the partner's (and the rep's) payout for the period.
#[tauri::command]
pub async fn deal_earnings(state: State<'_, AppState>, take: QuoteTake, period: Option<String>) -> Result<DealEarnings, IpcError> {
    let pool = state.pool()?;
    Ok(off_thread(move || async move { simulate::deal_earnings(&pool, &take, period.as_deref()).await }).await?)
}
