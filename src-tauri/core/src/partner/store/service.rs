//! The partner area's actions, each one transaction: saving a plan version, running a
//! statement (the plan version in effect for the period, the payee's lines, the balance
//! carried from the previous period and what earlier statements earned, for clawbacks; then
//! the engine; stored as a new computed version), every partner's statement of a period at
//! once, and locking one.

use super::lines as stored_lines;
use super::plans::{self, StoredPlan};
use super::statements::{self, StatementRecord};
use super::{invalid, partners, reps, Payee};
use crate::audit::{self, Event};
use crate::clock;
use crate::error::{CoreError, CoreResult, FieldCode};
use crate::partner::engine::statement;
use crate::partner::plan::{Plan, PlanKind};
use crate::partner::history;
use crate::partner::pool::{team_context, RepInput};
use crate::partner::sales::{Period, SalesLine, StatementRequest, TeamContext};
use crate::partner::statement::Statement;
use chrono::{Days, NaiveDate};
use sqlx::{SqliteConnection, SqlitePool};

/// `2026-Q3`, `2026-07`, `2026-H1` or `2026` as the statement period (both ends inclusive).
pub fn period_of(label: &str) -> CoreResult<Period> {
    let p = crate::report::period::Period::parse(label)?;
    let to = p.end.checked_sub_days(Days::new(1)).ok_or_else(|| invalid("period", FieldCode::InvalidDate, "the period has no last day"))?;
    Ok(Period { from: p.start, to })
}

fn plan_kind(payee: &Payee) -> PlanKind {
    match payee {
        Payee::Partner(_) => PlanKind::Partner,
        Payee::Rep(_) => PlanKind::Rep,
    }
}

async fn check_payee(conn: &mut SqliteConnection, payee: &Payee) -> CoreResult<()> {
    let known = match payee {
        Payee::Partner(c) => partners::by_code(conn, c).await?.is_some(),
        Payee::Rep(c) => reps::id_by_code(conn, c).await?.is_some(),
    };
    if known {
        Ok(())
    } else {
        Err(CoreError::not_found(if matches!(payee, Payee::Partner(_)) { "partner" } else { "sales rep" }, payee.code()))
    }
}

/// Computes (does not store) the payee's statement for `period` under `plan`.
pub async fn compute(conn: &mut SqliteConnection, payee: &Payee, plan: &Plan, period: Period) -> CoreResult<Statement> {
    compute_with(conn, payee, plan, period, &[]).await
}

/// As `compute`, with `extra` lines added to the stored ones (what-if: hypothetical sales,
/// a quote not taken yet). The engine leaves out those of other payees.
pub async fn compute_with(conn: &mut SqliteConnection, payee: &Payee, plan: &Plan, period: Period, extra: &[SalesLine]) -> CoreResult<Statement> {
    if plan.kind != plan_kind(payee) {
        return Err(invalid("plan", FieldCode::UnknownValue, format!("plan '{}' is a {} plan; a {} statement needs a {} plan", plan.name, plan_kind_name(plan.kind), payee.kind(), payee.kind())));
    }
    let (lines, targets) = match payee {
        Payee::Partner(c) => (stored_lines::for_partner(conn, c, period.to).await?, Vec::new()),
        Payee::Rep(c) => (stored_lines::for_rep(conn, c, period.to).await?, reps::targets(conn, c, period).await?),
    };
    let mut lines = lines;
    lines.extend(extra.iter().filter(|l| l.date <= period.to).cloned());
    let earlier = statements::settled_before(conn, payee, period.from).await?;
    let carried_in = history::carried_into(period.from, earlier.iter().map(|r| &r.statement));
    let earned = history::earned_for(&lines, earlier.iter().map(|r| &r.statement));
    let team = match payee {
        Payee::Rep(_) if plan.team_pool.is_some() => team(conn, plan, period).await?,
        _ => None,
    };
    let req = StatementRequest { plan, period, payee: payee.code(), lines: &lines, carried_in, earned: &earned, targets: &targets, satisfaction_score: None, team };
    statement(&req).map_err(|e| explain_missing_earned(e, payee))
}

/// Every rep's lines and targets for the period, for a team pool.
async fn team(conn: &mut SqliteConnection, plan: &Plan, period: Period) -> CoreResult<Option<TeamContext>> {
    let mut inputs = Vec::new();
    for rep in reps::list(conn).await? {
        let lines = stored_lines::for_rep(conn, &rep.code, period.to).await?;
        let targets = reps::targets(conn, &rep.code, period).await?;
        inputs.push((rep.code, lines, targets));
    }
    let reps: Vec<RepInput<'_>> = inputs.iter().map(|(rep, lines, targets)| RepInput { rep, lines, targets }).collect();
    team_context(plan, period, &reps)
}

fn plan_kind_name(k: PlanKind) -> &'static str {
    match k {
        PlanKind::Partner => "partner",
        PlanKind::Rep => "rep",
    }
}

/// The engine asks for `earned` lines; a user runs the earlier period's statement.
fn explain_missing_earned(e: CoreError, payee: &Payee) -> CoreError {
    match e {
        CoreError::Validation(mut errors) => {
            for fe in &mut errors {
                if fe.field == "earned" {
                    fe.message = format!("{} (run the statement of {} for that earlier period first)", fe.message.replace(": pass that statement's line in earned", ""), payee.code());
                }
            }
            CoreError::Validation(errors)
        }
        other => other,
    }
}

/// Saves a plan version (name and effective date may be set by the caller).
pub async fn save_plan(pool: &SqlitePool, plan: &Plan) -> CoreResult<StoredPlan> {
    let mut tx = pool.begin().await?;
    let now = clock::now();
    let stored = plans::save(&mut tx, plan, &now).await?;
    let detail = serde_json::json!({ "name": stored.name, "version": stored.version, "effective_from": stored.effective_from.to_string() });
    audit::record(&mut tx, Event { action: "plan_save", entity: "plan", entity_id: &stored.id, detail }).await?;
    tx.commit().await?;
    Ok(stored)
}

/// Runs the payee's statement for the period and stores it as a new computed version.
pub async fn run(pool: &SqlitePool, payee: &Payee, label: &str, plan_name: Option<&str>) -> CoreResult<StatementRecord> {
    let period = period_of(label)?;
    let mut tx = pool.begin().await?;
    let rec = run_in(&mut tx, payee, label, period, plan_name).await?;
    tx.commit().await?;
    tracing::info!(version = rec.version, lines = rec.statement.lines.len() as u64, "statement computed");
    Ok(rec)
}

/// Runs the statement of every partner with sales up to the period's end (own or through a
/// sub-partner), all in one transaction: either every partner gets its new version or, on any
/// error or a crash, none does.
pub async fn run_all_partners(pool: &SqlitePool, label: &str, plan_name: Option<&str>) -> CoreResult<Vec<StatementRecord>> {
    let period = period_of(label)?;
    let mut tx = pool.begin().await?;
    let codes = stored_lines::partners_with_lines(&mut tx, period.to).await?;
    let mut out = Vec::with_capacity(codes.len());
    for code in codes {
        out.push(run_in(&mut tx, &Payee::Partner(code), label, period, plan_name).await?);
    }
    tx.commit().await?;
    tracing::info!(statements = out.len() as u64, "partner statements computed");
    Ok(out)
}

async fn run_in(conn: &mut SqliteConnection, payee: &Payee, label: &str, period: Period, plan_name: Option<&str>) -> CoreResult<StatementRecord> {
    check_payee(conn, payee).await?;
    let plan = plans::effective(conn, plan_kind(payee), plan_name, period.from).await?;
    let s = compute(conn, payee, &plan.plan, period).await?;
    let rec = statements::insert_version(conn, payee, label.trim(), &plan.id, plan.version, &s).await?;
    let detail = serde_json::json!({ "payee_kind": payee.kind(), "payee": payee.code(), "period": rec.period_label, "version": rec.version, "plan": plan.name, "plan_version": plan.version, "total": rec.total.to_string() });
    audit::record(conn, Event { action: "statement_run", entity: "statement", entity_id: &rec.id, detail }).await?;
    Ok(rec)
}

/// Locks a version (`None` = the newest) of the payee's period.
pub async fn lock(pool: &SqlitePool, payee: &Payee, label: &str, version: Option<u32>) -> CoreResult<StatementRecord> {
    let period = period_of(label)?;
    let mut tx = pool.begin().await?;
    let rec = statements::lock(&mut tx, payee, period, version).await?;
    let detail = serde_json::json!({ "payee_kind": payee.kind(), "payee": payee.code(), "period": rec.period_label, "version": rec.version, "total": rec.total.to_string() });
    audit::record(&mut tx, Event { action: "statement_lock", entity: "statement", entity_id: &rec.id, detail }).await?;
    tx.commit().await?;
    Ok(rec)
}

/// One stored version (`None` = the newest) of the payee's period.
pub async fn get(pool: &SqlitePool, payee: &Payee, label: &str, version: Option<u32>) -> CoreResult<StatementRecord> {
    let period = period_of(label)?;
    let mut conn = pool.acquire().await?;
    statements::get(&mut conn, payee, period, version).await
}

/// The date a plan takes effect from text (`YYYY-MM-DD`).
pub fn parse_date(field: &str, text: &str) -> CoreResult<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| invalid(field, FieldCode::InvalidDate, format!("'{}' is not a date (YYYY-MM-DD)", text.trim())))
}
