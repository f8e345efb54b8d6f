//! `dealdesk report funnel|kpi|abc|forecast`: the sales dashboard's figures on the command
//! line, from the same core functions as the window, as a table, CSV or JSON (amounts and
//! rates as exact decimal strings). `report abc --apply` prints the tier changes and writes
//! them in one audited step.

use clap::{Args, Subcommand, ValueEnum};
use dealdesk_core::clock;
use dealdesk_core::report::{abc, forecast, funnel, kpi, Decimal, Period, Scope};
use dealdesk_core::store::SqlitePool;
use dealdesk_core::validate::Checker;
use dealdesk_core::CoreError;
use serde::Serialize;

#[derive(Subcommand, Debug)]
pub enum ReportCommand {
    /// The funnel of the opportunities created in the period: counts, amounts, conversion,
    /// drop-off, median days per stage, the bottleneck against the benchmarks.
    Funnel {
        #[command(flatten)]
        common: Common,
        /// Industry benchmark: share of the first stage reaching each stage, in percent.
        #[arg(long, value_name = "P1,P2,P3,P4,P5", default_value = "100,40,25,12,5")]
        industry: String,
        /// Top-performer benchmark, in percent.
        #[arg(long, value_name = "P1,P2,P3,P4,P5", default_value = "100,60,40,25,15")]
        top: String,
    },
    /// KPIs of the period, the change from the previous one and the trend.
    Kpi {
        #[command(flatten)]
        common: Common,
        /// The period's revenue target, for the pipeline coverage.
        #[arg(long, value_name = "AMOUNT")]
        target: Option<String>,
        /// How many periods the trend shows (the current one included).
        #[arg(long, default_value_t = 4, value_name = "N")]
        trend: usize,
    },
    /// ABC segmentation of customers by revenue won in the period.
    Abc {
        #[command(flatten)]
        common: Common,
        /// Cumulative revenue share closing class A, in percent.
        #[arg(long = "a", default_value = "80", value_name = "PCT")]
        a_pct: String,
        /// Cumulative revenue share closing class B, in percent.
        #[arg(long = "b", default_value = "95", value_name = "PCT")]
        b_pct: String,
        /// Print the tier changes, then write them to the customers (one audited step).
        #[arg(long)]
        apply: bool,
    },
    /// Expected revenue of open opportunities by expected close month (worst/likely/best),
    /// from the first month of the period (default: this month).
    Forecast {
        #[command(flatten)]
        common: Common,
        /// How many months (3–6).
        #[arg(long, default_value_t = 3, value_name = "N")]
        months: u32,
    },
    /// Every dashboard figure as JSON (as the window shows it), or `--pdf FILE` for the
    /// weekly report (销售周报).
    Dashboard {
        #[command(flatten)]
        filters: super::dashboard::Filters,
        #[arg(long, value_name = "FILE")]
        pdf: Option<std::path::PathBuf>,
    },
    /// The records behind one dashboard number: won, lost, open, new-customers, lost-in-funnel,
    /// reached:STAGE, current:STAGE, dropped:STAGE, month:2026-12, abc:A (JSON, or --out FILE.csv|.xlsx).
    Drill {
        target: String,
        #[command(flatten)]
        filters: super::dashboard::Filters,
        #[arg(long, value_name = "FILE")]
        out: Option<std::path::PathBuf>,
    },
    /// Revenue targets per period (team or owner), broken down year → quarter → month.
    #[command(subcommand)]
    Target(super::dashboard::TargetCommand),
    /// Marketing and sales cost of a period, for CAC.
    Costs {
        #[arg(long)]
        period: String,
        #[arg(long, value_name = "AMOUNT")]
        marketing: String,
        #[arg(long, value_name = "AMOUNT")]
        sales: String,
        #[arg(long, default_value = "CNY")]
        currency: String,
    },
}

#[derive(Args, Debug)]
pub struct Common {
    /// 2026, 2026-H1, 2026-Q3 or 2026-09 (default: this year; the forecast: this month).
    #[arg(long)]
    period: Option<String>,
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    format: OutputFormat,
    /// Only this owner's opportunities (abc: this owner's customers).
    #[arg(long, value_name = "NAME")]
    owner: Option<String>,
    /// Only customers of this region.
    #[arg(long, value_name = "NAME")]
    region: Option<String>,
    /// Only opportunities in this currency; amounts are never converted.
    #[arg(long, default_value = "CNY", value_name = "CODE")]
    currency: String,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    Table,
    Csv,
    Json,
}

impl Common {
    fn period(&self, default_month: bool) -> Result<Period, CoreError> {
        match &self.period {
            Some(p) => Period::parse(p),
            None => {
                let today = clock::today();
                let p = if default_month { Period::month_of(today) } else { Period::year_of(today) };
                p.ok_or_else(|| CoreError::BadRequest("today has no period".into()))
            }
        }
    }

    fn scope(&self) -> Result<Scope, CoreError> {
        Scope::checked(self.owner.as_deref(), self.region.as_deref(), &self.currency)
    }
}

pub async fn run(command: ReportCommand, pool: &SqlitePool) -> Result<(), CoreError> {
    let mut conn = pool.acquire().await?;
    match command {
        ReportCommand::Dashboard { filters, pdf } => super::dashboard::dashboard(pool, &filters, pdf).await,
        ReportCommand::Drill { target, filters, out } => super::dashboard::drill(pool, &filters, &target, out).await,
        ReportCommand::Target(command) => super::dashboard::target(pool, command).await,
        ReportCommand::Costs { period, marketing, sales, currency } => super::dashboard::costs(pool, period, currency, marketing, sales).await,
        ReportCommand::Funnel { common, industry, top } => {
            let (period, scope) = (common.period(false)?, common.scope()?);
            let benchmarks = funnel::Benchmarks { industry: funnel::Benchmarks::parse_line("industry", &industry)?, top: funnel::Benchmarks::parse_line("top", &top)? };
            let f = funnel::load(&mut conn, &period, &scope, &benchmarks).await?;
            print_funnel(&f, common.format)
        }
        ReportCommand::Kpi { common, target, trend } => {
            let (period, scope) = (common.period(false)?, common.scope()?);
            let target = match target {
                Some(t) => {
                    let mut c = Checker::new();
                    let v = c.decimal("target", &t, (Decimal::ZERO, Decimal::from(1_000_000_000_000_000_i64)), 4);
                    c.finish()?;
                    v
                }
                None => None,
            };
            let r = kpi::load(&mut conn, &period, &scope, target, trend.clamp(1, 24)).await?;
            print_kpi(&r, common.format)
        }
        ReportCommand::Abc { common, a_pct, b_pct, apply } => {
            let (period, scope) = (common.period(false)?, common.scope()?);
            let mut c = Checker::new();
            let (a, b) = (c.percent("a_pct", &a_pct), c.percent("b_pct", &b_pct));
            c.finish()?;
            let t = abc::Thresholds { a_pct: a.unwrap_or_default(), b_pct: b.unwrap_or_default() };
            let result = abc::load(&mut conn, &period, &scope, &t).await?;
            drop(conn);
            if !apply {
                return print_abc(&result, common.format);
            }
            let preview = abc::changes(&result);
            print_changes(&preview, common.format)?;
            let applied = abc::apply_abc(pool, &period, &scope, &t).await?;
            if applied != preview {
                eprintln!("note: the data changed meanwhile; {} change(s) were applied", applied.len());
            }
            eprintln!("applied {} tier change(s)", applied.len());
            Ok(())
        }
        ReportCommand::Forecast { common, months } => {
            let (period, scope) = (common.period(true)?, common.scope()?);
            let f = forecast::load(&mut conn, &period, months, &scope).await?;
            print_forecast(&f, common.format)
        }
    }
}

/// Writes one line to stdout; a closed pipe (`| head`) ends the output quietly.
fn out(line: impl std::fmt::Display) -> Result<(), CoreError> {
    use std::io::Write;
    match writeln!(std::io::stdout().lock(), "{line}") {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(CoreError::io("cannot write to stdout", e)),
        _ => Ok(()),
    }
}

pub(crate) fn json<T: Serialize>(value: &T) -> Result<(), CoreError> {
    let text = serde_json::to_string_pretty(value).map_err(|e| CoreError::BadRequest(format!("cannot write JSON: {e}")))?;
    out(text)
}

fn opt(v: Option<Decimal>) -> String {
    v.map(|d| d.to_string()).unwrap_or_default()
}

fn csv_field(v: &str) -> String {
    if v.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v.to_string()
    }
}

/// Rows under a header, as CSV or as a table with aligned columns (empty cells as `-`).
fn print_rows(format: OutputFormat, header: &[&str], rows: &[Vec<String>]) -> Result<(), CoreError> {
    if format == OutputFormat::Csv {
        out(header.iter().map(|h| csv_field(h)).collect::<Vec<_>>().join(","))?;
        for r in rows {
            out(r.iter().map(|v| csv_field(v)).collect::<Vec<_>>().join(","))?;
        }
        return Ok(());
    }
    let cell = |v: &str| if v.is_empty() { "-".to_string() } else { v.to_string() };
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (w, v) in widths.iter_mut().zip(r) {
            *w = (*w).max(cell(v).chars().count());
        }
    }
    let line = |cells: Vec<String>| {
        let padded: Vec<String> = cells.iter().zip(&widths).map(|(v, w)| format!("{v}{}", " ".repeat(w.saturating_sub(v.chars().count())))).collect();
        out(padded.join("  ").trim_end())
    };
    line(header.iter().map(|h| h.to_string()).collect())?;
    for r in rows {
        line(r.iter().map(|v| cell(v)).collect())?;
    }
    Ok(())
}

fn print_funnel(f: &funnel::Funnel, format: OutputFormat) -> Result<(), CoreError> {
    if format == OutputFormat::Json {
        return json(f);
    }
    let header = [
        "stage", "label", "reached", "amount", "current", "current_amount", "conv_prev_pct", "conv_first_pct", "drop_off",
        "median_days", "industry_pct", "top_pct", "bottleneck",
    ];
    let mut rows: Vec<Vec<String>> = f
        .stages
        .iter()
        .map(|s| {
            vec![
                s.stage.code().to_string(),
                s.label_zh.to_string(),
                s.reached_count.to_string(),
                s.reached_amount.to_string(),
                s.current_count.to_string(),
                s.current_amount.to_string(),
                opt(s.conversion_from_previous_pct),
                opt(s.conversion_from_first_pct),
                s.drop_off.map(|d| d.to_string()).unwrap_or_default(),
                opt(s.median_days_in_stage),
                s.industry_pct.to_string(),
                s.top_pct.to_string(),
                if f.bottleneck == Some(s.stage) { "*".into() } else { String::new() },
            ]
        })
        .collect();
    let mut lost = vec![String::new(); header.len()];
    lost[0] = "lost".into();
    lost[1] = "输单".into();
    lost[4] = f.lost_count.to_string();
    lost[5] = f.lost_amount.to_string();
    rows.push(lost);
    if format == OutputFormat::Table {
        out(format!("funnel {} ({}), opportunities created in the period", f.period, f.currency))?;
    }
    print_rows(format, &header, &rows)
}

fn kpi_row(k: &kpi::Kpis) -> Vec<String> {
    vec![
        k.period.clone(),
        k.won_count.to_string(),
        k.lost_count.to_string(),
        opt(k.win_rate_pct),
        k.won_amount.to_string(),
        opt(k.average_deal_size),
        opt(k.sales_cycle_days),
        k.new_customers.to_string(),
        k.open_count.to_string(),
        k.open_pipeline.to_string(),
        opt(k.pipeline_coverage),
    ]
}

fn print_kpi(r: &kpi::KpiReport, format: OutputFormat) -> Result<(), CoreError> {
    if format == OutputFormat::Json {
        return json(r);
    }
    let header = [
        "period", "won", "lost", "win_rate_pct", "won_amount", "avg_deal_size", "sales_cycle_days", "new_customers", "open_count",
        "open_pipeline", "pipeline_coverage",
    ];
    let rows: Vec<Vec<String>> = r.trend.iter().map(kpi_row).collect();
    if format == OutputFormat::Table {
        out(format!("KPIs ({}), trend oldest first; the last row is {}", r.currency, r.current.period))?;
    }
    print_rows(format, &header, &rows)?;
    if let (OutputFormat::Table, Some(c)) = (format, &r.change) {
        out(format!(
            "change from the previous period: won {:+}, win rate {} pts, won amount {}, average deal {}, cycle {} days, new customers {:+}, open pipeline {}",
            c.won_count,
            opt(c.win_rate_pts),
            c.won_amount,
            opt(c.average_deal_size),
            opt(c.sales_cycle_days),
            c.new_customers,
            c.open_pipeline
        ))?;
    }
    Ok(())
}

fn tier(t: Option<dealdesk_core::crm::customer::Tier>) -> String {
    t.map(|t| t.code().to_string()).unwrap_or_default()
}

fn print_abc(a: &abc::Abc, format: OutputFormat) -> Result<(), CoreError> {
    if format == OutputFormat::Json {
        return json(a);
    }
    let header = ["rank", "customer", "revenue", "share_pct", "cumulative_pct", "class", "current_tier"];
    let rows: Vec<Vec<String>> = a
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            vec![(i + 1).to_string(), r.customer_name.clone(), r.revenue.to_string(), opt(r.share_pct), opt(r.cumulative_pct), r.class.code().into(), tier(r.current_tier)]
        })
        .collect();
    if format == OutputFormat::Table {
        out(format!(
            "ABC {} ({}), revenue {}: A {} / B {} / C {} customers (A to {}%, B to {}%)",
            a.period, a.currency, a.total_revenue, a.count_a, a.count_b, a.count_c, a.thresholds.a_pct, a.thresholds.b_pct
        ))?;
    }
    print_rows(format, &header, &rows)
}

fn print_changes(changes: &[abc::TierChange], format: OutputFormat) -> Result<(), CoreError> {
    if format == OutputFormat::Json {
        return json(&changes);
    }
    let rows: Vec<Vec<String>> =
        changes.iter().map(|c| vec![c.customer_name.clone(), tier(c.old_tier), c.new_tier.code().into()]).collect();
    print_rows(format, &["customer", "old_tier", "new_tier"], &rows)
}

fn print_forecast(f: &forecast::Forecast, format: OutputFormat) -> Result<(), CoreError> {
    if format == OutputFormat::Json {
        return json(f);
    }
    let header = ["month", "count", "pipeline", "worst", "likely", "best"];
    let rows: Vec<Vec<String>> = f
        .months
        .iter()
        .chain([&f.total, &f.overdue, &f.unscheduled])
        .map(|b| vec![b.label.clone(), b.count.to_string(), b.pipeline.to_string(), b.worst.to_string(), b.likely.to_string(), b.best.to_string()])
        .collect();
    if format == OutputFormat::Table {
        out(format!("forecast ({}), open opportunities by expected close month", f.currency))?;
    }
    print_rows(format, &header, &rows)
}
