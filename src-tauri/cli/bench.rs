//! `dealdesk bench dashboard`: how fast the dashboard refreshes on a large database. Fills an
//! empty database with `--opportunities` synthetic deals (set-based SQL, see
//! core/src/demo/bulk.rs), then times, as medians over `--runs`:
//! - a full snapshot load (what the window does once, at start, in the background);
//! - a refresh with nothing changed (the window's usual case);
//! - a refresh after one opportunity moved stage (the patch path);
//! - the figures themselves (funnel, KPIs with trend, CAC/LTV, forecast, accuracy, ABC);
//! - with `--with-sql-path`, for comparison, the per-report path that reads every row through SQL.
//!
//! Figures go to stdout, one `name: value` line each, for the notes and bench/RESULTS.md.

use clap::Subcommand;
use dealdesk_core::report::dashboard::{self, DashboardRequest};
use dealdesk_core::report::snapshot::Snapshot;
use dealdesk_core::report::{funnel, Period};
use dealdesk_core::store::SqlitePool;
use dealdesk_core::{clock, demo, CoreError};
use std::time::{Duration, Instant};

#[derive(Subcommand, Debug)]
pub enum BenchCommand {
    /// Dashboard refresh on a large database (fills it first when it has no opportunities).
    Dashboard {
        #[arg(long, default_value_t = 1_000_000)]
        opportunities: u64,
        #[arg(long, default_value_t = 7)]
        runs: usize,
        /// Also time the per-report path that reads every row through SQL (minutes at 1M).
        #[arg(long)]
        with_sql_path: bool,
    },
    /// Statements from files: a million sales lines over 500 partners (written once into
    /// --dir), read, checked and computed; no database. See bench/partner/RESULTS.md.
    Share {
        #[arg(long, default_value_t = 1_000_000)]
        lines: u64,
        #[arg(long, default_value_t = 500)]
        partners: u64,
        #[arg(long, default_value_t = 5)]
        runs: usize,
        /// Where the sales file, the plan and the summary go.
        #[arg(long, value_name = "DIR")]
        dir: std::path::PathBuf,
    },
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples.get(samples.len() / 2).copied().unwrap_or_default()
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// Resident memory of this process, from /proc (Linux only; `None` elsewhere).
fn rss_mib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024)
}

pub async fn run(command: BenchCommand, pool: &SqlitePool) -> Result<(), CoreError> {
    let BenchCommand::Dashboard { opportunities, runs, with_sql_path } = command else {
        return Err(CoreError::BadRequest("`bench share` opens no database and runs before one is opened".into()));
    };
    let runs = runs.max(1);
    let existing = demo::bulk::opportunity_count(pool).await?;
    if existing == 0 {
        let started = Instant::now();
        let made = demo::bulk::fill(pool, opportunities, clock::today()).await?;
        println!("fill: {} customers, {} opportunities, {} history rows in {:.1} s", made.customers, made.opportunities, made.history, started.elapsed().as_secs_f64());
        demo::bulk::clear_changes(pool).await?;
    } else {
        println!("fill: skipped, the database has {existing} opportunities");
    }
    let mut conn = pool.acquire().await?;
    let today = clock::today();
    let request = DashboardRequest {
        period: Period::year_of(today).map(|p| p.label()).unwrap_or_default(),
        owner: None,
        region: None,
        currency: "CNY".into(),
        forecast_months: 6,
    };
    let (period, scope) = dashboard::parse_request(&request)?;
    let inputs = dashboard::load_inputs(&mut conn, &period, &scope).await?;

    let rss_before = rss_mib();
    let mut loads = Vec::new();
    let mut snap = Snapshot::default();
    for _ in 0..runs.min(3) {
        let started = Instant::now();
        snap = Snapshot::load(&mut conn).await?;
        loads.push(started.elapsed());
    }
    println!("snapshot_load: {} ({} opportunities)", ms(median(loads)), snap.len());
    if let (Some(before), Some(after)) = (rss_before, rss_mib()) {
        println!("snapshot_memory: {} MiB resident ({before} → {after} MiB)", after.saturating_sub(before));
    }

    let mut computes = Vec::new();
    let mut figures = None;
    for _ in 0..runs {
        let started = Instant::now();
        figures = Some(dashboard::compute(&snap, &period, &scope, request.forecast_months, &inputs, today)?);
        computes.push(started.elapsed());
    }
    println!("figures: {}", ms(median(computes.clone())));

    let mut unchanged = Vec::new();
    for _ in 0..runs {
        let started = Instant::now();
        snap.refresh(&mut conn).await?;
        dashboard::compute(&snap, &period, &scope, request.forecast_months, &inputs, today)?;
        unchanged.push(started.elapsed());
    }
    println!("refresh_unchanged: {}", ms(median(unchanged)));

    let mut patched = Vec::new();
    for run in 0..runs {
        // One deal moves on, as a user saving an opportunity would do (a row and a history row).
        demo::bulk::advance_one(pool, i64::try_from(run).unwrap_or(0)).await?;
        let started = Instant::now();
        snap.refresh(&mut conn).await?;
        dashboard::compute(&snap, &period, &scope, request.forecast_months, &inputs, today)?;
        patched.push(started.elapsed());
    }
    println!("refresh_after_one_change: {}", ms(median(patched)));

    if with_sql_path {
        let started = Instant::now();
        funnel::load(&mut conn, &period, &scope, &inputs.settings.benchmarks).await?;
        println!("funnel_from_sql_rows (for comparison): {}", ms(started.elapsed()));
    }
    if let Some(f) = figures {
        println!("check: {} opportunities in scope, funnel reached {:?}", f.opportunity_count, f.funnel.stages.iter().map(|s| s.reached_count).collect::<Vec<_>>());
    }
    Ok(())
}
