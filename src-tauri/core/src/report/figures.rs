//! The dashboard's figures over the snapshot's compact records: the same rules as the row
//! functions in funnel.rs, kpi.rs, economics.rs, forecast.rs, accuracy.rs and abc.rs (which
//! stay the reference and assemble the final figures for both paths), computed in one pass
//! per figure with integer instants, so a million opportunities take milliseconds.
//! `tests/dashboard.rs` and the property test below check that both paths agree.
//!
//! Two counting tricks keep a pass cheap: the stages a deal reached and the periods it was
//! open in are contiguous ranges, so each deal adds its amount once at the range's end and
//! the figures are suffix / prefix sums; medians use selection on whole seconds and convert
//! only the middle values to exact days, as `days_between` would.

use super::abc::{self, Abc, Thresholds};
use super::accuracy::{self, AccuracyRow};
use super::compact::{day_start, Micros, Opp};
use super::economics::{self, Economics};
use super::forecast::{self, BandSum, Forecast};
use super::funnel::{self, Benchmarks, Funnel};
use super::kpi::{self, KpiReport};
use super::rows::CustomerRow;
use super::snapshot::Snapshot;
use super::targets::Costs;
use super::Period;
use crate::crm::opportunity::Stage;
use crate::CoreResult;
use chrono::Datelike;
use rust_decimal::Decimal;
use std::collections::HashMap;

const MICROS_PER_SECOND: i64 = 1_000_000;

/// [start, end) of `p` in microseconds.
fn bounds(p: &Period) -> (Micros, Micros) {
    (day_start(p.start), day_start(p.end))
}

/// Whole seconds from `from` to `to`, truncated toward zero (`TimeDelta::num_seconds`).
fn seconds(from: Micros, to: Micros) -> i64 {
    (to - from) / MICROS_PER_SECOND
}

/// The median of exact days `seconds / 86 400` (not rounded), as `super::median` over them.
fn median_days(secs: &mut [i64]) -> Option<Decimal> {
    let n = secs.len();
    if n == 0 {
        return None;
    }
    let day = |s: i64| Decimal::from(s) / Decimal::from(86_400);
    let (left, mid, _) = secs.select_nth_unstable(n / 2);
    let mid = *mid;
    if n % 2 == 1 {
        return Some(day(mid));
    }
    left.iter().max().map(|low| (day(*low) + day(mid)) / Decimal::TWO)
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The funnel of the records created in `period` (see funnel.rs for the rules).
pub(crate) fn funnel(snap: &Snapshot, opps: &[&Opp], period: &Period, benchmarks: &Benchmarks) -> Funnel {
    let (start, end) = bounds(period);
    let mut t = funnel::Tally::default();
    // Amounts added at the furthest stage only; reached amounts are the suffix sums.
    let mut at_furthest = [Decimal::ZERO; 5];
    let mut ended_at = [0u32; 5];
    let mut stays: [Vec<i64>; 5] = Default::default();
    for o in opps.iter().filter(|o| o.created >= start && o.created < end) {
        let f = usize::from(o.furthest).min(4);
        ended_at[f] += 1;
        at_furthest[f] += o.amount;
        match funnel::index(o.stage) {
            Some(i) => {
                t.current[i] += 1;
                t.current_amount[i] += o.amount;
            }
            None => {
                t.lost_count += 1;
                t.lost_amount += o.amount;
            }
        }
        for pair in snap.history_of(o).windows(2) {
            if let Some(i) = funnel::index(pair[0].0) {
                stays[i].push(seconds(pair[0].1, pair[1].1));
            }
        }
    }
    let (mut reached, mut amount) = (0u32, Decimal::ZERO);
    for i in (0..5).rev() {
        reached += ended_at[i];
        amount += at_furthest[i];
        t.reached[i] = reached;
        t.reached_amount[i] = amount;
    }
    for (i, s) in stays.iter_mut().enumerate() {
        t.stays[i] = count(s.len());
        t.median_days[i] = median_days(s);
    }
    funnel::assemble(&t, benchmarks)
}

/// The KPI report: `period`, the one before and the trend (see kpi.rs for the rules).
pub(crate) fn kpis(opps: &[&Opp], period: &Period, customers: &[CustomerRow], currency: &str, target: Option<Decimal>, trend_len: usize) -> KpiReport {
    let (trailing, previous) = kpi::periods(period, trend_len);
    let mut periods: Vec<Period> = trailing.into_iter().chain(previous).collect();
    periods.sort_by_key(|p| p.start);
    periods.dedup();
    let k = periods.len();
    let b: Vec<(Micros, Micros)> = periods.iter().map(bounds).collect();
    let mut tallies = vec![kpi::Tally::default(); k];
    let mut cycles: Vec<Vec<i64>> = vec![Vec::new(); k];
    // Open at period ends: a deal is open at the ends of a contiguous run of periods, so it
    // adds at the run's first and subtracts after its last; the figures are prefix sums.
    let mut open_delta = vec![(0i64, Decimal::ZERO); k + 1];
    for o in opps {
        if let Some(closed) = o.closed {
            let i = b.partition_point(|(_, end)| *end <= closed);
            if i < k && b[i].0 <= closed {
                let t = &mut tallies[i];
                if o.stage == Stage::Won {
                    t.won += 1;
                    t.won_amount += o.amount;
                    cycles[i].push(seconds(o.created, closed));
                } else {
                    t.lost += 1;
                }
            }
        }
        let first = b.partition_point(|(_, end)| *end <= o.created);
        let after_last = o.closed.map_or(k, |c| b.partition_point(|(_, end)| *end <= c));
        if first < after_last {
            open_delta[first].0 += 1;
            open_delta[first].1 += o.amount;
            open_delta[after_last].0 -= 1;
            open_delta[after_last].1 -= o.amount;
        }
    }
    let (mut open, mut pipeline) = (0i64, Decimal::ZERO);
    for i in 0..k {
        open += open_delta[i].0;
        pipeline += open_delta[i].1;
        let t = &mut tallies[i];
        t.open = u32::try_from(open).unwrap_or(0);
        t.open_pipeline = pipeline;
        t.cycle_days = median_days(&mut cycles[i]);
        t.new_customers = count(customers.iter().filter(|c| periods[i].contains(c.created_at)).count());
    }
    kpi::report_with(period, currency, target, trend_len, |p, target| match periods.iter().position(|q| q == p) {
        Some(i) => kpi::assemble(p, &tallies[i], currency, target),
        None => kpi::assemble(p, &kpi::Tally::default(), currency, target),
    })
}

/// CAC and LTV (see economics.rs): won revenue and buyers of the 12 months ending with `period`.
pub(crate) fn economics(snap: &Snapshot, opps: &[&Opp], period: &Period, costs: Option<Costs>, new_customers: u32, lifetime_years: Decimal, currency: &str) -> Economics {
    let (from, to) = economics::window(period);
    let (from, to) = (day_start(from), day_start(to));
    let mut revenue = Decimal::ZERO;
    let mut bought = vec![false; snap.customer_keys.count()];
    for o in opps.iter().filter(|o| o.stage == Stage::Won) {
        if o.closed.is_some_and(|c| c >= from && c < to) {
            revenue += o.amount;
            if let Some(b) = bought.get_mut(o.customer as usize) {
                *b = true;
            }
        }
    }
    economics::assemble(revenue, bought.iter().filter(|b| **b).count(), costs, new_customers, lifetime_years, currency)
}

fn month_number(d: chrono::NaiveDate) -> i64 {
    i64::from(d.year()) * 12 + i64::from(d.month0())
}

/// The rolling forecast from the month of `first` (see forecast.rs).
pub(crate) fn forecast(opps: &[&Opp], first: &Period, months: u32, currency: &str) -> CoreResult<Forecast> {
    let months = forecast::months_from(first, months)?;
    let Some(first_month) = months.first() else {
        let none = BandSum::default();
        return Ok(forecast::assemble(Vec::new(), none.finish("overdue", currency), none.finish("unscheduled", currency), currency));
    };
    let base = month_number(first_month.start);
    let mut sums = vec![BandSum::default(); months.len()];
    let (mut overdue, mut unscheduled) = (BandSum::default(), BandSum::default());
    for o in opps.iter().filter(|o| o.is_open()) {
        match o.expected_close {
            None => unscheduled.add(&o.forecast),
            Some(d) if d < first_month.start => overdue.add(&o.forecast),
            Some(d) => {
                if let Some(s) = usize::try_from(month_number(d) - base).ok().and_then(|i| sums.get_mut(i)) {
                    s.add(&o.forecast);
                }
            }
        }
    }
    let bands = months.iter().zip(&sums).map(|(m, s)| s.finish(&m.label(), currency)).collect();
    Ok(forecast::assemble(bands, overdue.finish("overdue", currency), unscheduled.finish("unscheduled", currency), currency))
}

/// The stage a record was in at `at` (accuracy.rs `stage_at`).
fn stage_at(snap: &Snapshot, o: &Opp, at: Micros) -> Option<Stage> {
    snap.history_of(o).iter().rev().find(|(_, entered)| *entered <= at).map(|(s, _)| *s).or((o.created <= at).then_some(Stage::Initial))
}

/// Forecast accuracy of the `count` months before `current` (see accuracy.rs).
pub(crate) fn accuracy(snap: &Snapshot, opps: &[&Opp], current: &Period, count: usize, currency: &str) -> Vec<AccuracyRow> {
    let months = accuracy::months_before(current, count);
    let Some(first) = months.first() else { return Vec::new() };
    let base = month_number(first.start);
    let b: Vec<(Micros, Micros)> = months.iter().map(bounds).collect();
    // Amounts (never below zero) per month and stage then; × the stage's probability once.
    let mut by_stage = vec![[Decimal::ZERO; 6]; months.len()];
    let mut actual = vec![Decimal::ZERO; months.len()];
    for o in opps {
        if let Some(i) = o.expected_close.and_then(|d| usize::try_from(month_number(d) - base).ok()).filter(|i| *i < months.len()) {
            let start = b[i].0;
            if o.open_at(start) {
                if let Some(stage) = stage_at(snap, o, start) {
                    by_stage[i][stage as usize] += o.forecast.amount;
                }
            }
        }
        if o.stage == Stage::Won {
            if let Some(c) = o.closed {
                let i = b.partition_point(|(_, end)| *end <= c);
                if i < b.len() && b[i].0 <= c {
                    actual[i] += o.amount;
                }
            }
        }
    }
    let forecast: Vec<Decimal> =
        by_stage.iter().map(|sums| Stage::ALL.iter().filter_map(|s| accuracy::expected(sums[*s as usize], *s)).sum()).collect();
    months.iter().enumerate().map(|(i, m)| accuracy::row(m, forecast[i], actual[i], currency)).collect()
}

/// ABC segmentation of `customers` by the deals won in `period` (all owners; see abc.rs).
pub(crate) fn abc(snap: &Snapshot, all_owners: &[&Opp], customers: &[CustomerRow], period: &Period, currency: &str, t: &Thresholds) -> Abc {
    let (start, end) = bounds(period);
    let mut by_number: HashMap<u32, Decimal> = HashMap::new();
    for o in all_owners.iter().filter(|o| o.stage == Stage::Won) {
        if o.closed.is_some_and(|c| c >= start && c < end) {
            *by_number.entry(o.customer).or_default() += o.amount;
        }
    }
    let revenue: HashMap<String, Decimal> = by_number.into_iter().map(|(n, r)| (snap.customer_keys.name(n).to_string(), r)).collect();
    abc::rank(customers, &revenue, period, currency, t)
}

#[cfg(test)]
mod tests {
    //! The fast figures equal the row functions' on random deals, periods and filters.
    use super::*;
    use crate::crm::customer::Tier;
    use crate::ids::CustomerId;
    use crate::report::rows::{OppRow, Scope};
    use crate::report::{accuracy, economics, forecast, kpi};
    use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
    use proptest::prelude::*;

    const OWNERS: [&str; 3] = ["王伟", "李娜", "Ann"];
    const REGIONS: [&str; 2] = ["华东", "华南"];

    fn base() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).single().expect("base")
    }

    fn customer_id(n: u8) -> CustomerId {
        CustomerId(uuid::Uuid::from_u128(u128::from(n) + 1))
    }

    /// A deal: customer, owner, currency, amount in cents, probability, expected close in
    /// days, created (minutes after the base), and the steps it took (stage, minutes later).
    type Deal = (u8, usize, bool, i64, u32, Option<i64>, i64, Vec<(usize, i64)>);

    fn deal() -> impl Strategy<Value = Deal> {
        (0u8..8, 0usize..3, prop::bool::weighted(0.9), -5_000i64..50_000_000, 0u32..=10_000, prop::option::of(0i64..800), 0i64..1_000_000, prop::collection::vec((0usize..6, 0i64..200_000), 0..6))
    }

    fn build(deals: &[Deal]) -> Snapshot {
        let rows: Vec<(OppRow, &str, &str)> = deals
            .iter()
            .enumerate()
            .map(|(i, (customer, owner, cny, cents, p, close, created, steps))| {
                let created_at = base() + Duration::minutes(*created) + Duration::milliseconds(i as i64 % 1000);
                let mut at = created_at;
                let mut history = vec![(Stage::Initial, created_at)];
                for (stage, minutes) in steps {
                    at += Duration::minutes(*minutes);
                    history.push((Stage::ALL[*stage], at));
                }
                let row = OppRow {
                    id: format!("opp-{i:03}"),
                    customer_id: customer_id(*customer).to_string(),
                    stage: history.last().map_or(Stage::Initial, |h| h.0),
                    amount: Decimal::new(*cents, 2),
                    probability_pct: Decimal::new(i64::from(*p), 2),
                    expected_close: close.map(|d| NaiveDate::from_ymd_opt(2025, 1, 1).expect("day") + Duration::days(d)),
                    created_at,
                    history,
                };
                (row, OWNERS[*owner], if *cny { "CNY" } else { "USD" })
            })
            .collect();
        // Customer 7 is deleted: its deals are in no figure.
        let customers: Vec<(CustomerRow, &str, &str)> = (0u8..7)
            .map(|n| {
                let row = CustomerRow { id: customer_id(n), name: format!("客户{}", n % 4), tier: [None, Some(Tier::A), Some(Tier::C)][usize::from(n % 3)], created_at: base() + Duration::days(i64::from(n) * 50) };
                (row, REGIONS[usize::from(n % 2)], OWNERS[usize::from(n % 3)])
            })
            .collect();
        Snapshot::from_rows(&rows, &customers)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn fast_figures_equal_the_row_functions(
            deals in prop::collection::vec(deal(), 0..40),
            period in prop::sample::select(vec!["2025", "2025-H2", "2025-Q3", "2025-11", "2026-Q1", "2026-02"]),
            owner in prop::option::of(0usize..3),
            region in prop::option::of(0usize..2),
            today in 0i64..700,
        ) {
            let snap = build(&deals);
            let scope = Scope { owner: owner.map(|o| OWNERS[o].to_string()), region: region.map(|r| REGIONS[r].to_string()), currency: "CNY".into() };
            let period = Period::parse(period).expect("period");
            let rows = snap.opportunities(&scope);
            let all_rows = snap.opportunities_all_owners(&scope);
            let customers = snap.customers(&scope);
            let mut opps = Vec::new();
            let mut all = Vec::new();
            for (_, o, owner_ok) in snap.scan(&scope) {
                if owner_ok { opps.push(o); }
                all.push(o);
            }
            prop_assert_eq!((opps.len(), all.len()), (rows.len(), all_rows.len()));

            let created_in: Vec<&OppRow> = rows.iter().filter(|o| period.contains(o.created_at)).collect();
            prop_assert_eq!(funnel(&snap, &opps, &period, &Benchmarks::default()), funnel::compute(&created_in, &Benchmarks::default()));
            let target = Some(Decimal::from(100_000));
            let k = kpis(&opps, &period, &customers, "CNY", target, 6);
            prop_assert_eq!(&k, &kpi::report(&period, &rows, &customers, "CNY", target, 6));
            let costs = Some(Costs { marketing: Decimal::from(9000), sales: Decimal::new(12345, 1) });
            let lifetime = economics::default_lifetime_years();
            prop_assert_eq!(
                economics(&snap, &opps, &period, costs, k.current.new_customers, lifetime, "CNY"),
                economics::compute(&period, &rows, costs, k.current.new_customers, lifetime, "CNY")
            );
            let month = Period::month_of(NaiveDate::from_ymd_opt(2025, 1, 1).expect("day") + Duration::days(today)).expect("month");
            prop_assert_eq!(forecast(&opps, &month, 6, "CNY").expect("fast"), forecast::compute(&rows, &month, 6, "CNY").expect("rows"));
            prop_assert_eq!(accuracy(&snap, &opps, &month, 6, "CNY"), accuracy::backtest(&rows, &month, 6, "CNY"));
            let t = Thresholds::default();
            prop_assert_eq!(abc(&snap, &all, &customers, &period, "CNY", &t), abc::compute(&customers, &all_rows, &period, "CNY", &t));
        }
    }

    #[test]
    fn medians_of_seconds_are_the_medians_of_exact_days() {
        let mut odd = [86_400 * 3, 10, 86_400];
        assert_eq!(median_days(&mut odd), Some(Decimal::ONE));
        // (1 + 2.5) / 2 days
        let mut even = [86_400, 86_400 * 5, 216_000, 0];
        assert_eq!(median_days(&mut even), Some(Decimal::new(175, 2)));
        assert_eq!(median_days(&mut []), None);
    }
}
