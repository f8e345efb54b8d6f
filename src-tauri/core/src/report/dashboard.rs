//! The dashboard as one figure set: funnel, KPIs with trend, target attainment, CAC/LTV, the
//! rolling forecast with its accuracy, and the ABC segmentation, for one period and scope.
//! The window and `dealdesk report dashboard` both get it from [`compute`] over a
//! [`Snapshot`], so they show the same numbers; the window keeps its snapshot between
//! refreshes (see snapshot.rs), the CLI loads one per run.
//!
//! The dashboard's settings (benchmark lines, ABC thresholds, customer lifetime) are kept in
//! the database's settings table, so the weekly PDF and the CLI use what the user set.

use super::abc::{Abc, Thresholds};
use super::accuracy::AccuracyRow;
use super::economics::{self, Economics};
use super::figures;
use super::forecast::{self, Forecast};
use super::funnel::{Benchmarks, Funnel};
use super::kpi::KpiReport;
use super::snapshot::Snapshot;
use super::targets::{self, Costs};
use super::{percent, Period, Scope};
use crate::error::FieldCode;
use crate::settings;
use crate::validate::Checker;
use crate::CoreResult;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;
use std::collections::HashMap;
use ts_rs::TS;

/// How many customers of the ranking the dashboard carries (the Pareto chart's top);
/// the full list is in the ABC export and `report abc`.
pub const ABC_ROWS: usize = 200;
const TREND: usize = 6;
const ACCURACY_MONTHS: usize = 6;

#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[ts(export)]
pub struct DashboardRequest {
    /// `2026`, `2026-H1`, `2026-Q3` or `2026-09`.
    pub period: String,
    pub owner: Option<String>,
    pub region: Option<String>,
    pub currency: String,
    /// 3–6 months from this month.
    pub forecast_months: u32,
}

/// What the user set for the dashboard (Settings-like, per database).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DashboardSettings {
    pub benchmarks: Benchmarks,
    pub thresholds: Thresholds,
    #[ts(type = "string")]
    pub lifetime_years: Decimal,
}

impl Default for DashboardSettings {
    fn default() -> Self {
        Self { benchmarks: Benchmarks::default(), thresholds: Thresholds::default(), lifetime_years: economics::default_lifetime_years() }
    }
}

/// Won revenue against the period's target, for the team or the chosen owner.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Attainment {
    /// `""` for the team.
    pub owner: String,
    #[ts(type = "string | null")]
    pub target: Option<Decimal>,
    #[ts(type = "string")]
    pub won: Decimal,
    /// won / target in percent, one decimal.
    #[ts(type = "string | null")]
    pub attainment_pct: Option<Decimal>,
}

/// One owner in the dashboard's filters. `value` is what a request sends back as its `owner`:
/// the name itself on the command line, an opaque key in the window (see
/// `masking::dashboard`), so a masked name never has to cross IPC in clear.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct OwnerChoice {
    pub value: String,
    pub label: String,
    /// Whether `label` is shown masked by the data view's policy.
    pub masked: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Dashboard {
    pub period: String,
    pub currency: String,
    /// Owners and regions that occur, for the filters.
    pub owners: Vec<OwnerChoice>,
    pub regions: Vec<String>,
    pub opportunity_count: u32,
    pub funnel: Funnel,
    pub kpi: KpiReport,
    pub attainment: Attainment,
    pub economics: Economics,
    pub forecast: Forecast,
    pub accuracy: Vec<AccuracyRow>,
    /// The top [`ABC_ROWS`] customers; counts and totals are over all of them.
    pub abc: Abc,
    pub abc_rows_total: u32,
    pub settings: DashboardSettings,
}

const SETTINGS_KEY: &str = "report.dashboard";

pub async fn load_settings(conn: &mut SqliteConnection) -> CoreResult<DashboardSettings> {
    Ok(settings::get(conn, SETTINGS_KEY).await?.and_then(|json| serde_json::from_str(&json).ok()).unwrap_or_default())
}

/// Checks and stores the settings (fields `industry`, `top`, `a_pct`, `b_pct`, `lifetime_years`).
pub async fn save_settings(conn: &mut SqliteConnection, s: &DashboardSettings) -> CoreResult<()> {
    s.benchmarks.check()?;
    s.thresholds.check()?;
    if s.lifetime_years <= Decimal::ZERO || s.lifetime_years > Decimal::from(50) {
        let mut c = Checker::new();
        c.fail("lifetime_years", FieldCode::OutOfRange, "must be above 0 and at most 50");
        c.finish()?;
    }
    let json = serde_json::to_string(s).map_err(|e| crate::CoreError::BadRequest(format!("cannot store the dashboard settings: {e}")))?;
    settings::put(conn, SETTINGS_KEY, &json).await
}

/// "全部 All owners and regions" or the filters applied, for the weekly PDF's header.
pub fn scope_label(r: &DashboardRequest) -> String {
    let mut parts = Vec::new();
    if let Some(o) = r.owner.as_deref().filter(|o| !o.trim().is_empty()) {
        parts.push(format!("负责人 Owner: {o}"));
    }
    if let Some(g) = r.region.as_deref().filter(|g| !g.trim().is_empty()) {
        parts.push(format!("区域 Region: {g}"));
    }
    if parts.is_empty() {
        "全部 All owners and regions".into()
    } else {
        parts.join(" · ")
    }
}

/// Period, scope and forecast length, checked; errors name `period`, `currency`, `months`.
pub fn parse_request(req: &DashboardRequest) -> CoreResult<(Period, Scope)> {
    let period = Period::parse(&req.period);
    let scope = Scope::checked(req.owner.as_deref(), req.region.as_deref(), &req.currency);
    let mut c = Checker::new();
    if !(forecast::MIN_MONTHS..=forecast::MAX_MONTHS).contains(&req.forecast_months) {
        c.fail("months", FieldCode::OutOfRange, format!("must be between {} and {}", forecast::MIN_MONTHS, forecast::MAX_MONTHS));
    }
    let mut errors = c.into_errors();
    for e in [period.as_ref().err(), scope.as_ref().err()].into_iter().flatten() {
        if let crate::CoreError::Validation(list) = e {
            errors.extend(list.iter().cloned());
        }
    }
    if !errors.is_empty() {
        return Err(crate::CoreError::Validation(errors));
    }
    Ok((period?, scope?))
}

/// What the figures need from the database besides the snapshot: targets, costs, settings.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    pub settings: DashboardSettings,
    pub target: Option<Decimal>,
    pub costs: Option<Costs>,
}

pub async fn load_inputs(conn: &mut SqliteConnection, period: &Period, scope: &Scope) -> CoreResult<Inputs> {
    let owner = scope.owner.clone().unwrap_or_default();
    let target = targets::load(conn, &owner, &scope.currency).await?.resolve(period);
    let cost_rows: HashMap<String, Costs> = targets::load_costs(conn, &scope.currency).await?;
    Ok(Inputs { settings: load_settings(conn).await?, target, costs: targets::resolve_costs(&cost_rows, period) })
}

/// Every figure of the dashboard from the snapshot; `today` starts the forecast.
pub fn compute(snap: &Snapshot, period: &Period, scope: &Scope, forecast_months: u32, inputs: &Inputs, today: NaiveDate) -> CoreResult<Dashboard> {
    let this_month = Period::month_of(today).ok_or_else(|| crate::CoreError::BadRequest(format!("no month for {today}")))?;
    let pass = figures::all(snap, scope, period, &this_month, forecast_months, TREND, ACCURACY_MONTHS)?;
    let customers = snap.customers(scope);
    let currency = scope.currency.as_str();
    let s = &inputs.settings;
    let funnel = Funnel { period: period.label(), currency: currency.to_string(), ..pass.funnel.finish(&s.benchmarks) };
    let kpi = pass.kpi.finish(period, &customers, currency, inputs.target, TREND);
    let attainment = Attainment {
        owner: scope.owner.clone().unwrap_or_default(),
        target: inputs.target,
        won: kpi.current.won_amount,
        attainment_pct: inputs.target.and_then(|t| percent(kpi.current.won_amount, t)),
    };
    let economics = pass.economics.finish(inputs.costs, kpi.current.new_customers, s.lifetime_years, currency);
    let forecast = pass.forecast.finish(currency);
    let accuracy = pass.accuracy.finish(currency);
    let mut abc = pass.abc.finish(snap, &customers, period, currency, &s.thresholds);
    let abc_rows_total = u32::try_from(abc.rows.len()).unwrap_or(u32::MAX);
    abc.rows.truncate(ABC_ROWS);
    let (owners, regions) = snap.filter_values();
    let owners = owners.into_iter().map(|o| OwnerChoice { value: o.clone(), label: o, masked: false }).collect();
    Ok(Dashboard {
        period: period.label(),
        currency: currency.to_string(),
        owners,
        regions,
        opportunity_count: u32::try_from(pass.count).unwrap_or(u32::MAX),
        funnel,
        kpi,
        attainment,
        economics,
        forecast,
        accuracy,
        abc,
        abc_rows_total,
        settings: s.clone(),
    })
}
