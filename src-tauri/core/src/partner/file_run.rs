//! Statements straight from files, with no database (`dealdesk share run --plan PLAN.json
//! --sales SALES.csv --period 2026-Q3`): every payee in the sales lines (every partner, own
//! or parent of a sub-partner, for a partner plan; every rep for a rep plan) gets the
//! statement the stored run would give had each earlier period of the same length been run
//! in turn. So the file run starts at the first such period in which the plan is in effect
//! and a line earns, and chains the periods: the balance one carries out is the next one's
//! carried-in amount, and a refund claws back what its original earned in an earlier period.
//!
//! Speed: lines are moved into one list per payee once (nothing is copied unless a plan pays
//! parents on sub-partners' lines), and payees are shared out over the machine's cores. Each
//! statement is the engine's, unchanged.

use super::engine::statement;
use super::history::{carried_into, earned_for};
use super::lines::trigger_date;
use super::plan::{Plan, PlanKind};
use super::pool::{team_context, RepInput};
use super::sales::{MonthlyTarget, Period, SalesLine, StatementRequest, TeamContext};
use super::statement::Statement;
use crate::error::{CoreError, CoreResult, FieldCode, FieldError};
use crate::report::period::Period as CalendarPeriod;
use crate::tabular::Cell;
use rust_decimal::Decimal;
use std::collections::{BTreeSet, HashMap};

/// More earlier periods than this (a century of months) means a file that makes no sense
/// for one plan; refused rather than computed for minutes.
const MAX_PERIODS: usize = 1200;

/// The outcome of a run over files.
#[derive(Debug, Clone)]
pub struct FileRun {
    /// The requested period as written (`2026-Q3`).
    pub period_label: String,
    pub period: Period,
    /// The earlier periods computed first (oldest first), for carried balances and clawbacks.
    pub earlier: Vec<String>,
    /// One statement per payee for the requested period, by payee code.
    pub statements: Vec<Statement>,
}

fn bad(field: &str, code: FieldCode, message: impl Into<String>) -> CoreError {
    CoreError::Validation(vec![FieldError { field: field.into(), code, message: message.into() }])
}

fn days(p: &CalendarPeriod) -> CoreResult<Period> {
    let to = p.end.pred_opt().ok_or_else(|| bad("period", FieldCode::InvalidDate, "the period has no last day"))?;
    Ok(Period { from: p.start, to })
}

/// The requested period and the earlier ones of the same length to run first: back to the
/// first in which the plan is in effect from its first day and some line earns.
fn periods(plan: &Plan, lines: &[SalesLine], label: &str) -> CoreResult<Vec<CalendarPeriod>> {
    let target = CalendarPeriod::parse(label)?;
    let earliest = lines.iter().filter_map(|l| trigger_date(plan.trigger, l)).min().unwrap_or(target.start);
    let mut out = vec![target];
    while let Some(p) = out.last().and_then(CalendarPeriod::previous) {
        if p.end <= earliest || p.start < plan.effective_from {
            break;
        }
        if out.len() >= MAX_PERIODS {
            return Err(bad("period", FieldCode::OutOfRange, format!("the sales lines reach back more than {MAX_PERIODS} periods before {}", label.trim())));
        }
        out.push(p);
    }
    out.reverse();
    Ok(out)
}

fn payee_of(kind: PlanKind, line: &SalesLine) -> Option<&str> {
    match kind {
        PlanKind::Partner => Some(line.partner_id.as_str()),
        PlanKind::Rep => line.rep.as_deref(),
    }
}

/// One payee's statements period after period (`teams[i]` is period i's team context); the
/// last one is returned.
fn chained(plan: &Plan, payee: &str, lines: &[SalesLine], targets: &[MonthlyTarget], periods: &[Period], teams: &[Option<TeamContext>]) -> CoreResult<Statement> {
    let mut done: Vec<Statement> = Vec::with_capacity(periods.len());
    for (i, &period) in periods.iter().enumerate() {
        let carried_in = carried_into(period.from, done.iter());
        let earned = earned_for(lines, done.iter());
        let team = teams.get(i).copied().flatten();
        let req = StatementRequest { plan, period, payee, lines, carried_in, earned: &earned, targets, satisfaction_score: None, team };
        done.push(statement(&req)?);
    }
    done.pop().ok_or_else(|| bad("period", FieldCode::Required, "no period to compute"))
}

/// The lines by payee, moved (not copied) into one list per payee, payees in code order.
fn by_payee(kind: PlanKind, lines: Vec<SalesLine>) -> Vec<(String, Vec<SalesLine>)> {
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut groups: Vec<(String, Vec<SalesLine>)> = Vec::new();
    for line in lines {
        let Some(key) = payee_of(kind, &line) else { continue };
        let at = match index.get(key) {
            Some(&at) => at,
            None => {
                index.insert(key.to_string(), groups.len());
                groups.push((key.to_string(), Vec::new()));
                groups.len() - 1
            }
        };
        groups[at].1.push(line);
    }
    groups.sort_by(|a, b| a.0.cmp(&b.0));
    groups
}

/// Who is paid: each payee's code with the lines it is paid on (its own, or for a parent
/// partner under a multi-level plan its own lines plus its sub-partners').
fn groups<'a>(plan: &Plan, own: &'a [(String, Vec<SalesLine>)]) -> Vec<(&'a str, std::borrow::Cow<'a, [SalesLine]>)> {
    let mut payees: BTreeSet<&str> = own.iter().map(|(p, _)| p.as_str()).collect();
    let mut subs: HashMap<&str, Vec<&SalesLine>> = HashMap::new();
    if plan.kind == PlanKind::Partner && plan.multi_level.is_some() {
        for l in own.iter().flat_map(|(_, lines)| lines) {
            if let Some(parent) = l.parent_partner_id.as_deref() {
                subs.entry(parent).or_default().push(l);
                payees.insert(parent);
            }
        }
    }
    payees
        .into_iter()
        .map(|p| {
            let slice: &[SalesLine] = own.binary_search_by(|(k, _)| k.as_str().cmp(p)).map(|i| own[i].1.as_slice()).unwrap_or(&[]);
            let lines = match subs.get(p) {
                None => std::borrow::Cow::Borrowed(slice),
                Some(extra) => std::borrow::Cow::Owned(slice.iter().cloned().chain(extra.iter().map(|l| (*l).clone())).collect()),
            };
            (p, lines)
        })
        .collect()
}

/// Computes every payee's statement for `label` from the sales `lines` (any order) under
/// `plan`; `targets` are the reps' monthly quotas; `only` limits the run to one payee.
pub fn run(plan: &Plan, lines: Vec<SalesLine>, targets: &HashMap<String, Vec<MonthlyTarget>>, label: &str, only: Option<&str>) -> CoreResult<FileRun> {
    super::validate(plan)?;
    let calendar = periods(plan, &lines, label)?;
    let chain: Vec<Period> = calendar.iter().map(days).collect::<CoreResult<_>>()?;
    let kind = plan.kind;
    let line_count = lines.len();
    let own = by_payee(kind, lines);
    let mut groups = groups(plan, &own);
    let no_targets: &[MonthlyTarget] = &[];
    let targets_of = |payee: &str| targets.get(payee).map(Vec::as_slice).unwrap_or(no_targets);
    // A team pool is shared over every rep, so the team figures come before any filtering.
    let teams: Vec<Option<TeamContext>> = if plan.team_pool.is_some() {
        let reps: Vec<RepInput<'_>> = groups.iter().map(|(rep, lines)| RepInput { rep, lines, targets: targets_of(rep) }).collect();
        chain.iter().map(|&p| team_context(plan, p, &reps)).collect::<CoreResult<_>>()?
    } else {
        vec![None; chain.len()]
    };
    if let Some(o) = only {
        groups.retain(|(p, _)| *p == o);
    }
    if let Some(o) = only {
        if groups.is_empty() {
            return Err(CoreError::not_found(if kind == PlanKind::Partner { "partner" } else { "sales rep" }, o));
        }
    }
    let workers = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).min(groups.len()).max(1);
    let chunk = groups.len().div_ceil(workers).max(1);
    let results: Vec<CoreResult<Statement>> = std::thread::scope(|scope| {
        let handles: Vec<_> = groups
            .chunks(chunk)
            .map(|part| {
                let (chain, teams, targets_of) = (&chain, &teams, &targets_of);
                scope.spawn(move || {
                    part.iter()
                        .map(|(payee, lines)| {
                            chained(plan, payee, lines, targets_of(payee), chain, teams).map_err(|e| in_payee(kind, payee, e))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_else(|_| vec![Err(CoreError::BadRequest("a statement computation panicked".into()))])).collect()
    });
    let statements = results.into_iter().collect::<CoreResult<Vec<_>>>()?;
    let period = *chain.last().ok_or_else(|| bad("period", FieldCode::Required, "no period to compute"))?;
    let earlier = calendar[..calendar.len() - 1].iter().map(CalendarPeriod::label).collect();
    tracing::info!(statements = statements.len() as u64, lines = line_count as u64, "file statements computed");
    Ok(FileRun { period_label: label.trim().to_string(), period, earlier, statements })
}

/// The header of a file run's summary: one row per payee and period.
pub const SUMMARY_HEADERS: &[&str] = &["payee_kind", "payee", "period", "plan", "currency", "lines", "pending", "lines_total", "adjustments", "total", "carried_out", "forfeited"];

/// One summary row per statement (through `tabular::write`, which guards formula cells).
pub fn summary_rows(plan: &Plan, run: &FileRun) -> Vec<Vec<Cell>> {
    let kind = if plan.kind == PlanKind::Partner { "partner" } else { "rep" };
    let t = |v: &str| Cell::Text(v.to_string());
    run.statements
        .iter()
        .map(|s| {
            let adjustments: Decimal = s.adjustments.iter().map(|a| a.amount).sum();
            vec![
                t(kind),
                t(&s.payee),
                t(&run.period_label),
                t(&s.plan_name),
                t(&s.currency),
                Cell::Number(Decimal::from(s.lines.len())),
                Cell::Number(Decimal::from(s.pending.len())),
                Cell::Number(s.lines_total),
                Cell::Number(adjustments),
                Cell::Number(s.total),
                Cell::Number(s.carried_out),
                Cell::Number(s.forfeited),
            ]
        })
        .collect()
}

/// Names the payee in an engine error, so a user knows whose statement failed.
fn in_payee(kind: PlanKind, payee: &str, e: CoreError) -> CoreError {
    let who = if kind == PlanKind::Partner { "partner" } else { "rep" };
    match e {
        CoreError::Validation(errors) => CoreError::Validation(errors.into_iter().map(|mut fe| {
            fe.message = format!("{who} {payee}: {}", fe.message);
            fe
        }).collect()),
        other => other,
    }
}

#[cfg(test)]
#[path = "file_run_tests.rs"]
mod tests;
