//! The dashboard's figures over the snapshot's compact records: the same rules as the row
//! functions in funnel.rs, kpi.rs, economics.rs, forecast.rs, accuracy.rs and abc.rs (which
//! stay the reference and assemble the final figures for both paths), with integer instants.
//! Each figure is an accumulator fed one record at a time, and [`all`] feeds every
//! accumulator in a single pass over the snapshot, so a million opportunities are read from
//! memory once per refresh. `tests/dashboard.rs` and the property test below check that both
//! paths agree.
//!
//! Two counting tricks keep a pass cheap: the stages a deal reached and the periods it was
//! open in are contiguous ranges, so each deal adds its amount once at the range's end and
//! the figures are suffix / prefix sums; medians use selection on whole seconds and convert
//! only the middle values to exact days, as `days_between` would.

use super::abc::{self, Abc, Thresholds};
use super::accuracy::{self, AccuracyRow};
use super::compact::{day_start, month_number, Micros, Opp};
use super::economics::{self, Economics};
use super::forecast::{self, BandSum, Forecast};
use super::funnel::{self, Benchmarks, Funnel};
use super::kpi::{self, KpiReport};
use super::rows::{CustomerRow, Scope};
use super::snapshot::Snapshot;
use super::targets::Costs;
use super::Period;
use crate::crm::opportunity::Stage;
use crate::CoreResult;
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
pub(crate) fn median_days(secs: &mut [i64]) -> Option<Decimal> {
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

/// The index of the period of sorted, disjoint `bounds` that holds `at`.
fn period_of(bounds: &[(Micros, Micros)], at: Micros) -> Option<usize> {
    let i = bounds.partition_point(|(_, end)| *end <= at);
    (i < bounds.len() && bounds[i].0 <= at).then_some(i)
}

/// The funnel of the records created in a period (see funnel.rs for the rules).
pub(crate) struct FunnelAcc {
    period: (Micros, Micros),
    t: funnel::Tally,
    /// Amounts added at the furthest stage only; reached amounts are the suffix sums.
    at_furthest: [Decimal; 5],
    ended_at: [u32; 5],
    stays: [Vec<i64>; 5],
}

impl FunnelAcc {
    pub fn new(period: &Period) -> Self {
        Self { period: bounds(period), t: funnel::Tally::default(), at_furthest: Default::default(), ended_at: [0; 5], stays: Default::default() }
    }

    pub fn add(&mut self, snap: &Snapshot, o: &Opp) {
        if o.created < self.period.0 || o.created >= self.period.1 {
            return;
        }
        let f = usize::from(o.furthest).min(4);
        self.ended_at[f] += 1;
        self.at_furthest[f] += o.amount;
        match funnel::index(o.stage) {
            Some(i) => {
                self.t.current[i] += 1;
                self.t.current_amount[i] += o.amount;
            }
            None => {
                self.t.lost_count += 1;
                self.t.lost_amount += o.amount;
            }
        }
        for pair in snap.history_of(o).windows(2) {
            if let Some(i) = funnel::index(pair[0].0) {
                self.stays[i].push(seconds(pair[0].1, pair[1].1));
            }
        }
    }

    pub fn finish(mut self, benchmarks: &Benchmarks) -> Funnel {
        let (mut reached, mut amount) = (0u32, Decimal::ZERO);
        for i in (0..5).rev() {
            reached += self.ended_at[i];
            amount += self.at_furthest[i];
            self.t.reached[i] = reached;
            self.t.reached_amount[i] = amount;
        }
        for (i, s) in self.stays.iter_mut().enumerate() {
            self.t.stays[i] = count(s.len());
            self.t.median_days[i] = median_days(s);
        }
        funnel::assemble(&self.t, benchmarks)
    }
}

/// The KPIs of a period, the one before and the trend (see kpi.rs for the rules).
pub(crate) struct KpiAcc {
    periods: Vec<Period>,
    bounds: Vec<(Micros, Micros)>,
    tallies: Vec<kpi::Tally>,
    cycles: Vec<Vec<i64>>,
    /// Open at period ends: a deal is open at the ends of a contiguous run of periods, so it
    /// adds at the run's first and subtracts after its last; the figures are prefix sums.
    open_delta: Vec<(i64, Decimal)>,
}

impl KpiAcc {
    pub fn new(period: &Period, trend_len: usize) -> Self {
        let (trailing, previous) = kpi::periods(period, trend_len);
        let mut periods: Vec<Period> = trailing.into_iter().chain(previous).collect();
        periods.sort_by_key(|p| p.start);
        periods.dedup();
        let k = periods.len();
        Self {
            bounds: periods.iter().map(bounds).collect(),
            periods,
            tallies: vec![kpi::Tally::default(); k],
            cycles: vec![Vec::new(); k],
            open_delta: vec![(0, Decimal::ZERO); k + 1],
        }
    }

    pub fn add(&mut self, o: &Opp) {
        let b = &self.bounds;
        if let Some(closed) = o.closed {
            if let Some(i) = period_of(b, closed) {
                let t = &mut self.tallies[i];
                if o.stage == Stage::Won {
                    t.won += 1;
                    t.won_amount += o.amount;
                    self.cycles[i].push(seconds(o.created, closed));
                } else {
                    t.lost += 1;
                }
            }
        }
        let first = b.partition_point(|(_, end)| *end <= o.created);
        let after_last = o.closed.map_or(b.len(), |c| b.partition_point(|(_, end)| *end <= c));
        if first < after_last {
            self.open_delta[first].0 += 1;
            self.open_delta[first].1 += o.amount;
            self.open_delta[after_last].0 -= 1;
            self.open_delta[after_last].1 -= o.amount;
        }
    }

    pub fn finish(mut self, period: &Period, customers: &[CustomerRow], currency: &str, target: Option<Decimal>, trend_len: usize) -> KpiReport {
        let (mut open, mut pipeline) = (0i64, Decimal::ZERO);
        for i in 0..self.periods.len() {
            open += self.open_delta[i].0;
            pipeline += self.open_delta[i].1;
            let t = &mut self.tallies[i];
            t.open = u32::try_from(open).unwrap_or(0);
            t.open_pipeline = pipeline;
            t.cycle_days = median_days(&mut self.cycles[i]);
            t.new_customers = count(customers.iter().filter(|c| self.periods[i].contains(c.created_at)).count());
        }
        let (periods, tallies) = (&self.periods, &self.tallies);
        kpi::report_with(period, currency, target, trend_len, |p, target| match periods.iter().position(|q| q == p) {
            Some(i) => kpi::assemble(p, &tallies[i], currency, target),
            None => kpi::assemble(p, &kpi::Tally::default(), currency, target),
        })
    }
}

/// CAC and LTV (see economics.rs): won revenue and buyers of the 12 months ending with a period.
pub(crate) struct EconomicsAcc {
    window: (Micros, Micros),
    revenue: Decimal,
    bought: Vec<bool>,
}

impl EconomicsAcc {
    pub fn new(snap: &Snapshot, period: &Period) -> Self {
        let (from, to) = economics::window(period);
        Self { window: (day_start(from), day_start(to)), revenue: Decimal::ZERO, bought: vec![false; snap.customer_keys.count()] }
    }

    pub fn add(&mut self, o: &Opp) {
        if o.stage == Stage::Won && o.closed.is_some_and(|c| c >= self.window.0 && c < self.window.1) {
            self.revenue += o.amount;
            if let Some(b) = self.bought.get_mut(o.customer as usize) {
                *b = true;
            }
        }
    }

    pub fn finish(self, costs: Option<Costs>, new_customers: u32, lifetime_years: Decimal, currency: &str) -> Economics {
        economics::assemble(self.revenue, self.bought.iter().filter(|b| **b).count(), costs, new_customers, lifetime_years, currency)
    }
}

/// The rolling forecast from a month (see forecast.rs).
pub(crate) struct ForecastAcc {
    months: Vec<Period>,
    first: (i32, chrono::NaiveDate),
    sums: Vec<BandSum>,
    overdue: BandSum,
    unscheduled: BandSum,
}

impl ForecastAcc {
    pub fn new(first: &Period, months: u32) -> CoreResult<Self> {
        let months = forecast::months_from(first, months)?;
        let start = months.first().map_or(first.start, |m| m.start);
        Ok(Self { first: (month_number(start), start), sums: vec![BandSum::default(); months.len()], months, overdue: BandSum::default(), unscheduled: BandSum::default() })
    }

    pub fn add(&mut self, o: &Opp) {
        if !o.is_open() {
            return;
        }
        match o.expected_close {
            None => self.unscheduled.add(&o.forecast),
            Some(d) if d < self.first.1 => self.overdue.add(&o.forecast),
            Some(_) => {
                if let Some(s) = usize::try_from(o.expected_month - self.first.0).ok().and_then(|i| self.sums.get_mut(i)) {
                    s.add(&o.forecast);
                }
            }
        }
    }

    pub fn finish(self, currency: &str) -> Forecast {
        let bands = self.months.iter().zip(&self.sums).map(|(m, s)| s.finish(&m.label(), currency)).collect();
        forecast::assemble(bands, self.overdue.finish("overdue", currency), self.unscheduled.finish("unscheduled", currency), currency)
    }
}

/// The stage a record was in at `at` (accuracy.rs `stage_at`).
fn stage_at(snap: &Snapshot, o: &Opp, at: Micros) -> Option<Stage> {
    snap.history_of(o).iter().rev().find(|(_, entered)| *entered <= at).map(|(s, _)| *s).or((o.created <= at).then_some(Stage::Initial))
}

/// Forecast accuracy of the months before a month (see accuracy.rs).
pub(crate) struct AccuracyAcc {
    months: Vec<Period>,
    base: i32,
    bounds: Vec<(Micros, Micros)>,
    /// Amounts (never below zero) per month and stage then; × the stage's probability once.
    by_stage: Vec<[Decimal; 6]>,
    actual: Vec<Decimal>,
}

impl AccuracyAcc {
    pub fn new(current: &Period, count: usize) -> Self {
        let months = accuracy::months_before(current, count);
        let n = months.len();
        Self {
            base: months.first().map_or(0, |m| month_number(m.start)),
            bounds: months.iter().map(bounds).collect(),
            months,
            by_stage: vec![[Decimal::ZERO; 6]; n],
            actual: vec![Decimal::ZERO; n],
        }
    }

    pub fn add(&mut self, snap: &Snapshot, o: &Opp) {
        if o.expected_close.is_some() {
            if let Some(i) = usize::try_from(o.expected_month - self.base).ok().filter(|i| *i < self.months.len()) {
                let start = self.bounds[i].0;
                if o.open_at(start) {
                    if let Some(stage) = stage_at(snap, o, start) {
                        self.by_stage[i][stage as usize] += o.forecast.amount;
                    }
                }
            }
        }
        if o.stage == Stage::Won {
            if let Some(i) = o.closed.and_then(|c| period_of(&self.bounds, c)) {
                self.actual[i] += o.amount;
            }
        }
    }

    pub fn finish(self, currency: &str) -> Vec<AccuracyRow> {
        self.months
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let sums = &self.by_stage[i];
                let forecast: Decimal = Stage::ALL.iter().filter_map(|s| accuracy::expected(sums[*s as usize], *s)).sum();
                accuracy::row(m, forecast, self.actual[i], currency)
            })
            .collect()
    }
}

/// ABC segmentation by the deals won in a period, of every owner (see abc.rs).
pub(crate) struct AbcAcc {
    period: (Micros, Micros),
    by_number: HashMap<u32, Decimal>,
}

impl AbcAcc {
    pub fn new(period: &Period) -> Self {
        Self { period: bounds(period), by_number: HashMap::new() }
    }

    pub fn add(&mut self, o: &Opp) {
        if o.stage == Stage::Won && o.closed.is_some_and(|c| c >= self.period.0 && c < self.period.1) {
            *self.by_number.entry(o.customer).or_default() += o.amount;
        }
    }

    pub fn finish(self, snap: &Snapshot, customers: &[CustomerRow], period: &Period, currency: &str, t: &Thresholds) -> Abc {
        let revenue: HashMap<String, Decimal> = self.by_number.into_iter().map(|(n, r)| (snap.customer_keys.name(n).to_string(), r)).collect();
        abc::rank(customers, &revenue, period, currency, t)
    }
}

/// What one pass over the snapshot gives the dashboard.
pub(crate) struct All {
    pub funnel: FunnelAcc,
    pub kpi: KpiAcc,
    pub economics: EconomicsAcc,
    pub forecast: ForecastAcc,
    pub accuracy: AccuracyAcc,
    pub abc: AbcAcc,
    /// Records that pass the owner filter.
    pub count: usize,
}

/// Feeds every accumulator in one pass over the records of `scope`: the owner-filtered ones
/// to all figures, the others (other owners' deals of customers in scope) to ABC only.
pub(crate) fn all(snap: &Snapshot, scope: &Scope, period: &Period, this_month: &Period, forecast_months: u32, trend_len: usize, accuracy_months: usize) -> CoreResult<All> {
    let mut a = All {
        funnel: FunnelAcc::new(period),
        kpi: KpiAcc::new(period, trend_len),
        economics: EconomicsAcc::new(snap, period),
        forecast: ForecastAcc::new(this_month, forecast_months)?,
        accuracy: AccuracyAcc::new(this_month, accuracy_months),
        abc: AbcAcc::new(period),
        count: 0,
    };
    for (_, o, owner_ok) in snap.scan(scope) {
        a.abc.add(o);
        if owner_ok {
            a.count += 1;
            a.funnel.add(snap, o);
            a.kpi.add(o);
            a.economics.add(o);
            a.forecast.add(o);
            a.accuracy.add(snap, o);
        }
    }
    Ok(a)
}
