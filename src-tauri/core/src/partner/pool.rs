//! The team figures a team pool is shared from (rep plans): for one period, every rep's own
//! base (the same lines and base the rep's statement counts: own sales that earn in the
//! period, refunds not deducted) and attainment against the rep's targets; the team's total
//! base, and the base and number of the reps who reach the pool's minimum attainment.

use super::bonus::period_target;
use super::lines::classify;
use super::plan::Plan;
use super::sales::{MonthlyTarget, Period, SalesLine, StatementRequest, TeamContext};
use crate::error::CoreResult;
use rust_decimal::Decimal;

/// One rep's lines and targets.
pub struct RepInput<'a> {
    pub rep: &'a str,
    pub lines: &'a [SalesLine],
    pub targets: &'a [MonthlyTarget],
}

/// The team context of `period` (`None` when the plan has no team pool).
pub fn team_context(plan: &Plan, period: Period, reps: &[RepInput<'_>]) -> CoreResult<Option<TeamContext>> {
    let Some(pool) = &plan.team_pool else { return Ok(None) };
    let mut team = TeamContext::default();
    for r in reps {
        let req = StatementRequest { plan, period, payee: r.rep, lines: r.lines, carried_in: Decimal::ZERO, earned: &[], targets: r.targets, satisfaction_score: None, team: None };
        let base: Decimal = classify(&req)?.own.iter().map(|t| t.base).sum();
        team.total_base += base;
        let attainment = period_target(r.targets, period).map(|t| base * Decimal::ONE_HUNDRED / t);
        let qualifies = pool.min_attainment_pct.is_none_or(|min| attainment.is_some_and(|a| a >= min));
        if qualifies && base > Decimal::ZERO {
            team.eligible_base += base;
            team.eligible_count += 1;
        }
    }
    Ok(Some(team))
}
