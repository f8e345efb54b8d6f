//! `dealdesk report dashboard|drill|target|costs`: the window's dashboard on the command line,
//! from the same core functions (one snapshot per run): every figure as JSON or the weekly
//! PDF, the records behind a number, and the targets and costs the KPIs use.

use clap::{Args, Subcommand};
use dealdesk_core::masking::apply::Masker;
use dealdesk_core::masking::dashboard as shown;
use dealdesk_core::masking::keys::MaskingKeys;
use dealdesk_core::masking::policy::Policy;
use dealdesk_core::report::dashboard::{self, DashboardRequest};
use dealdesk_core::report::drill::{self, DrillTarget};
use dealdesk_core::report::snapshot::Snapshot;
use dealdesk_core::report::targets::{self, CostInput, TargetInput};
use dealdesk_core::report::Period;
use dealdesk_core::store::SqlitePool;
use dealdesk_core::tabular::{write, FileFormat};
use dealdesk_core::{clock, pdf::PdfEngine, CoreError};
use std::path::PathBuf;

#[derive(Args, Debug, Clone)]
pub struct Filters {
    /// 2026, 2026-H1, 2026-Q3 or 2026-09 (default: this year).
    #[arg(long)]
    period: Option<String>,
    #[arg(long, value_name = "NAME")]
    owner: Option<String>,
    #[arg(long, value_name = "NAME")]
    region: Option<String>,
    #[arg(long, default_value = "CNY", value_name = "CODE")]
    currency: String,
    /// Forecast months from this month (3–6).
    #[arg(long, default_value_t = 6, value_name = "N")]
    months: u32,
    /// Mask owner names (and names in the drill's records) through a policy: default, admin,
    /// sales_ops, legal, distributor, trade_show, or a policy JSON file. Without it, in clear.
    #[arg(long, value_name = "NAME|FILE")]
    policy: Option<String>,
}

impl Filters {
    fn request(&self) -> DashboardRequest {
        let period = self.period.clone().unwrap_or_else(|| Period::year_of(clock::today()).map(|p| p.label()).unwrap_or_default());
        DashboardRequest { period, owner: self.owner.clone(), region: self.region.clone(), currency: self.currency.clone(), forecast_months: self.months }
    }

    /// The `--policy` and, when it hashes or tokenises, the pseudonymisation keys.
    fn policy(&self) -> Result<Option<(Policy, Option<MaskingKeys>)>, CoreError> {
        let Some(policy) = self.policy.as_deref().map(Policy::resolve).transpose()? else { return Ok(None) };
        let keys = if policy.needs_keys() { Some(super::mask::pseudonym_keys()?) } else { None };
        Ok(Some((policy, keys)))
    }
}

#[derive(Subcommand, Debug)]
pub enum TargetCommand {
    /// Set (or with no --amount, clear) the target of a period for the team or one owner.
    Set {
        #[arg(long)]
        period: String,
        #[arg(long, value_name = "AMOUNT")]
        amount: Option<String>,
        /// The owner (default: the whole team).
        #[arg(long, default_value = "")]
        owner: String,
        #[arg(long, default_value = "CNY")]
        currency: String,
    },
    /// A year's targets: the year, its quarters and months (* = set by hand).
    Show {
        #[arg(long)]
        year: i32,
        #[arg(long, default_value = "")]
        owner: String,
        #[arg(long, default_value = "CNY")]
        currency: String,
    },
}

/// Parses `won`, `lost`, `open`, `new-customers`, `lost-in-funnel`, `reached:STAGE`,
/// `current:STAGE`, `dropped:STAGE`, `month:2026-12`, `abc:A`.
pub fn parse_target(text: &str) -> Result<DrillTarget, CoreError> {
    use dealdesk_core::crm::customer::Tier;
    use dealdesk_core::crm::opportunity::Stage;
    let bad = || CoreError::BadRequest(format!("'{text}' is not a drill target (won, lost, open, new-customers, lost-in-funnel, reached:STAGE, current:STAGE, dropped:STAGE, month:YYYY-MM, abc:A|B|C)"));
    let stage = |s: &str| Stage::parse(s).ok_or_else(bad);
    Ok(match text.split_once(':') {
        None => match text {
            "won" => DrillTarget::Won,
            "lost" => DrillTarget::Lost,
            "open" => DrillTarget::Open,
            "new-customers" => DrillTarget::NewCustomers,
            "lost-in-funnel" => DrillTarget::FunnelLost,
            _ => return Err(bad()),
        },
        Some(("reached", s)) => DrillTarget::FunnelReached { stage: stage(s)? },
        Some(("current", s)) => DrillTarget::FunnelCurrent { stage: stage(s)? },
        Some(("dropped", s)) => DrillTarget::FunnelDropped { stage: stage(s)? },
        Some(("month", m)) => DrillTarget::ForecastMonth { month: m.to_string() },
        Some(("abc", c)) => DrillTarget::AbcClass { class: Tier::parse(c).ok_or_else(bad)? },
        _ => return Err(bad()),
    })
}

/// Every figure as JSON on stdout, and the weekly PDF when `pdf` is given.
pub async fn dashboard(pool: &SqlitePool, filters: &Filters, pdf: Option<PathBuf>) -> Result<(), CoreError> {
    let request = filters.request();
    let (period, scope) = dashboard::parse_request(&request)?;
    let mut conn = pool.acquire().await?;
    let inputs = dashboard::load_inputs(&mut conn, &period, &scope).await?;
    let snap = Snapshot::load(&mut conn).await?;
    snap.trim(&mut conn).await?;
    let mut d = dashboard::compute(&snap, &period, &scope, request.forecast_months, &inputs, clock::today())?;
    let policy = filters.policy()?;
    let masker = policy.as_ref().map(|(p, k)| Masker { policy: p, keys: k.as_ref() });
    match pdf {
        Some(path) => {
            let engine = PdfEngine::load(None)?;
            let scope_label = match &masker {
                Some(m) => shown::masked_scope_label(&request, m)?,
                None => dashboard::scope_label(&request),
            };
            let bytes = engine.render_dashboard(&d, &scope_label, &clock::today().to_string())?;
            dealdesk_core::pdf::write_atomically(&path, &bytes)?;
            shown::audit_export(pool, &path, "weekly_report", 1, "pdf", masker.as_ref().map(|m| m.policy)).await?;
            println!("weekly report for {} written to {}{}", d.period, path.display(), masked_with(masker.as_ref()));
            Ok(())
        }
        None => {
            if let Some(m) = &masker {
                shown::mask_dashboard(&mut d, m)?;
                // The window's filter keys mean nothing here: the value is the masked label.
                d.owners.iter_mut().for_each(|c| c.value = c.label.clone());
            }
            super::report::json(&d)
        }
    }
}

fn masked_with(masker: Option<&Masker<'_>>) -> String {
    masker.map(|m| format!(" (masked with policy {})", m.policy.name)).unwrap_or_default()
}

/// The records behind one number, as JSON, or written to a CSV/XLSX file (all of them).
pub async fn drill(pool: &SqlitePool, filters: &Filters, target: &str, out: Option<PathBuf>) -> Result<(), CoreError> {
    let target = parse_target(target)?;
    let request = filters.request();
    let (period, scope) = dashboard::parse_request(&request)?;
    let mut conn = pool.acquire().await?;
    let thresholds = dashboard::load_settings(&mut conn).await?.thresholds;
    let snap = Snapshot::load(&mut conn).await?;
    snap.trim(&mut conn).await?;
    let limit = if out.is_some() { usize::MAX } else { drill::SHOWN };
    let mut d = drill::drill(&mut conn, &snap, &period, &scope, &thresholds, &target, limit).await?;
    let policy = filters.policy()?;
    let masker = policy.as_ref().map(|(p, k)| Masker { policy: p, keys: k.as_ref() });
    if let Some(m) = &masker {
        shown::mask_drill(&mut d, m)?;
    }
    let Some(path) = out else { return super::report::json(&d) };
    let format = FileFormat::from_file_name(&path.display().to_string())
        .ok_or_else(|| CoreError::BadRequest(format!("{}: use a .csv or .xlsx file name", path.display())))?;
    let (headers, rows) = drill::table(&d);
    write::write_file(&path, format, &headers, &rows)?;
    shown::audit_export(pool, &path, "records", rows.len(), format.extension(), masker.as_ref().map(|m| m.policy)).await?;
    println!("{} record(s), total {}, written to {}{}", d.count, d.total, path.display(), masked_with(masker.as_ref()));
    Ok(())
}

pub async fn target(pool: &SqlitePool, command: TargetCommand) -> Result<(), CoreError> {
    let mut conn = pool.acquire().await?;
    match command {
        TargetCommand::Set { period, amount, owner, currency } => {
            let cleared = amount.is_none();
            targets::set(&mut conn, &TargetInput { period: period.clone(), owner, currency, amount }).await?;
            println!("target for {period} {}", if cleared { "cleared" } else { "set" });
        }
        TargetCommand::Show { year, owner, currency } => {
            let b = targets::breakdown(&mut conn, year, &owner, &currency).await?;
            let cell = |c: &targets::TargetCell| format!("{:<8} {:>18} {}", c.period, c.amount.map(|a| a.to_string()).unwrap_or_else(|| "-".into()), if c.explicit { "*" } else { "" });
            println!("targets {} {} ({}; * = set by hand)", year, if b.owner.is_empty() { "team" } else { &b.owner }, b.currency);
            for c in std::iter::once(&b.year_target).chain(&b.quarters).chain(&b.months) {
                println!("{}", cell(c).trim_end());
            }
        }
    }
    Ok(())
}

pub async fn costs(pool: &SqlitePool, period: String, currency: String, marketing: String, sales: String) -> Result<(), CoreError> {
    let mut conn = pool.acquire().await?;
    targets::set_costs(&mut conn, &CostInput { period: period.clone(), currency, marketing_cost: marketing, sales_cost: sales }).await?;
    println!("costs for {period} set");
    Ok(())
}
