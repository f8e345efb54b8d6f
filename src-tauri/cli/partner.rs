//! `dealdesk partner|rep|sales|plan|share …`: channel partners and reps, sales-line imports,
//! plan versions, and statements (run, lock, export, what-if) with the same core functions as
//! the window. `plan check` / `share check` open no database. Bank numbers are masked unless
//! `--show-bank` is given.

use clap::{Subcommand, ValueEnum};
use dealdesk_core::partner::parse_plan;
use dealdesk_core::partner::store::statements::StatementRecord;
use dealdesk_core::partner::store::{export, import, partners, plans, service, whatif, Payee};
use dealdesk_core::pdf::statement::StatementHeader;
use dealdesk_core::pdf::PdfEngine;
use dealdesk_core::store::SqlitePool;
use dealdesk_core::tabular::FileFormat;
use dealdesk_core::CoreError;
use std::path::{Path, PathBuf};

#[derive(Subcommand, Debug)]
pub enum PartnerCommand {
    /// Import partners from CSV/XLSX (code, name, region, level, parent_code, contract, bank); by code.
    Import { file: PathBuf },
    /// List partners (bank holder and number masked unless --show-bank).
    List {
        #[arg(long)]
        show_bank: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum RepCommand {
    /// Import sales reps (code, name) and monthly quotas (month, quota).
    Import { file: PathBuf },
}

#[derive(Subcommand, Debug)]
pub enum SalesCommand {
    /// Import sales lines from CSV/XLSX; all rows or none; a file imported before is refused.
    Import { file: PathBuf },
}

#[derive(Subcommand, Debug)]
pub enum PlanCommand {
    /// Validate a plan file; every error names its JSON path. Opens no database.
    Check { file: PathBuf },
    /// Save a plan file as the next version of its name.
    Save {
        file: PathBuf,
        #[arg(long)]
        name: Option<String>,
        #[arg(long, value_name = "YYYY-MM-DD")]
        effective_from: Option<String>,
    },
    /// List stored plan versions.
    List,
}

#[derive(clap::Args, Debug)]
pub struct Who {
    /// The partner's code.
    #[arg(long, conflicts_with = "rep", required_unless_present = "rep")]
    pub partner: Option<String>,
    /// The sales rep's code (commission statement).
    #[arg(long)]
    pub rep: Option<String>,
    /// 2026-Q3, 2026-07, 2026-H1 or 2026.
    #[arg(long)]
    pub period: String,
}

impl Who {
    fn payee(&self) -> Payee {
        match (&self.partner, &self.rep) {
            (Some(p), _) => Payee::Partner(p.trim().to_string()),
            (None, Some(r)) => Payee::Rep(r.trim().to_string()),
            (None, None) => Payee::Partner(String::new()),
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum ShowFormat {
    Table,
    Json,
    Csv,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum ExportFormat {
    Pdf,
    Csv,
    Xlsx,
}

#[derive(Subcommand, Debug)]
pub enum ShareCommand {
    /// Validate a plan file (same as `plan check`). Opens no database.
    Check { file: PathBuf },
    /// Compute statements. With --sales, straight from files and no database: every partner's
    /// (or rep's) statement for the period under the plan file, one summary row each (--out,
    /// else stdout), PDFs with --statements-dir. Without --sales: one payee's statement with
    /// the stored plan in effect, stored as a new version.
    Run {
        /// The partner's code (with --sales: only this partner).
        #[arg(long, conflicts_with = "rep")]
        partner: Option<String>,
        /// The sales rep's code (commission statement; with --sales: only this rep).
        #[arg(long)]
        rep: Option<String>,
        /// 2026-Q3, 2026-07, 2026-H1 or 2026.
        #[arg(long)]
        period: String,
        /// With --sales: the plan file (PLAN.json). Without: only stored plans with this name.
        #[arg(long)]
        plan: Option<String>,
        /// A sales file (CSV/XLSX): compute from files, with no database.
        #[arg(long, value_name = "SALES.csv", requires = "plan")]
        sales: Option<PathBuf>,
        /// With --sales: a reps file with monthly quotas (code, name, month, quota) for a rep plan.
        #[arg(long, value_name = "REPS.csv", requires = "sales")]
        quotas: Option<PathBuf>,
        /// With --sales: write the summary here (.csv or .xlsx) instead of stdout.
        #[arg(long, value_name = "OUT.csv", requires = "sales")]
        out: Option<PathBuf>,
        /// With --sales: write every statement as a PDF into this folder.
        #[arg(long, value_name = "DIR", requires = "sales")]
        statements_dir: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "table")]
        format: ShowFormat,
    },
    /// Compute every partner's statement for the period (each partner with sales up to its end)
    /// in one transaction: all new versions or none. Prints one line per partner.
    RunAll {
        /// 2026-Q3, 2026-07, 2026-H1 or 2026.
        #[arg(long)]
        period: String,
        /// Only plans with this name.
        #[arg(long)]
        plan: Option<String>,
    },
    /// Lock a statement version (default: the newest); locked versions never change.
    Lock {
        #[command(flatten)]
        who: Who,
        #[arg(long)]
        version: Option<u32>,
    },
    /// Write a stored statement version as PDF (bilingual), CSV or XLSX.
    Export {
        #[command(flatten)]
        who: Who,
        #[arg(long)]
        version: Option<u32>,
        #[arg(long, value_enum)]
        format: ExportFormat,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Compare a draft plan with the stored plan in effect: per payee totals and difference. Writes nothing.
    WhatIf {
        #[arg(long, value_name = "PLAN.json")]
        plan: PathBuf,
        /// One partner (or rep, for a rep plan); default every payee.
        #[arg(long)]
        partner: Option<String>,
        #[arg(long)]
        period: String,
    },
}

fn read(file: &Path) -> Result<Vec<u8>, CoreError> {
    std::fs::read(file).map_err(|e| CoreError::io(format!("cannot read {}", file.display()), e))
}

/// `plan check`: the plan's errors with their JSON paths, or what the plan is.
pub fn check_plan(file: &Path) -> Result<(), CoreError> {
    let plan = parse_plan(&read(file)?).map_err(|e| match e {
        CoreError::Validation(errors) => {
            let lines: Vec<String> = errors.iter().map(|fe| format!("  {}: {}", fe.field, fe.message)).collect();
            CoreError::BadRequest(format!("{}: the plan is not valid ({} error(s)):\n{}", file.display(), errors.len(), lines.join("\n")))
        }
        other => other,
    })?;
    println!("{}: valid {} plan '{}', effective from {}, {} override(s)", file.display(), if plan.kind == dealdesk_core::partner::plan::PlanKind::Rep { "rep" } else { "partner" }, plan.name, plan.effective_from, plan.overrides.len());
    Ok(())
}

fn imported(s: &import::ImportSummary) {
    println!("imported {} {} row(s) from {} ({} new, {} updated; batch {}, sha256 {})", s.inserted + s.updated, s.kind, s.file_name, s.inserted, s.updated, s.batch_id, &s.sha256[..12.min(s.sha256.len())]);
}

pub async fn run_partner(command: PartnerCommand, pool: &SqlitePool) -> Result<(), CoreError> {
    match command {
        PartnerCommand::Import { file } => imported(&import::import_partners(pool, &file.display().to_string(), &read(&file)?).await?),
        PartnerCommand::List { show_bank } => {
            let mut conn = pool.acquire().await?;
            let list = partners::list(&mut conn).await?;
            println!("code\tname\tregion\tlevel\tparent\tcontract\tbank\taccount holder\taccount number");
            for p in list {
                let p = if show_bank { p } else { p.masked() };
                let contract = format!("{}–{}", p.contract_start.unwrap_or_default(), p.contract_end.unwrap_or_default());
                println!("{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}", p.code, p.name, p.region, p.level, p.parent_code.unwrap_or_default(), contract, p.bank_name, p.bank_account_holder, p.bank_account_number);
            }
        }
    }
    Ok(())
}

pub async fn run_rep(command: RepCommand, pool: &SqlitePool) -> Result<(), CoreError> {
    let RepCommand::Import { file } = command;
    imported(&import::import_reps(pool, &file.display().to_string(), &read(&file)?).await?);
    Ok(())
}

pub async fn run_sales(command: SalesCommand, pool: &SqlitePool) -> Result<(), CoreError> {
    let SalesCommand::Import { file } = command;
    imported(&import::import_sales(pool, &file.display().to_string(), &read(&file)?).await?);
    Ok(())
}

pub async fn run_plan(command: PlanCommand, pool: &SqlitePool) -> Result<(), CoreError> {
    match command {
        PlanCommand::Check { file } => check_plan(&file)?,
        PlanCommand::Save { file, name, effective_from } => {
            let mut plan = parse_plan(&read(&file)?)?;
            if let Some(n) = name {
                plan.name = n.trim().to_string();
            }
            if let Some(d) = effective_from {
                plan.effective_from = service::parse_date("effective_from", &d)?;
            }
            let saved = service::save_plan(pool, &plan).await?;
            println!("saved plan '{}' version {} (effective from {})", saved.name, saved.version, saved.effective_from);
        }
        PlanCommand::List => {
            let mut conn = pool.acquire().await?;
            println!("name\tversion\tkind\teffective_from\tsaved");
            for p in plans::list(&mut conn).await? {
                println!("{}\tv{}\t{:?}\t{}\t{}", p.name, p.version, p.kind, p.effective_from, p.created_at);
            }
        }
    }
    Ok(())
}

/// One CSV field: quoted when it holds a comma, quote or line break; a leading = + - @ is
/// neutralised with ' as in file exports.
fn csv_field(v: &str) -> String {
    let v = if v.starts_with(['=', '+', '-', '@']) && v.parse::<f64>().is_err() { format!("'{v}") } else { v.to_string() };
    if v.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v
    }
}

/// One CSV line of cells, each through [`csv_field`].
pub(crate) fn csv_row(row: &[dealdesk_core::tabular::Cell]) -> String {
    let cells: Vec<String> = row
        .iter()
        .map(|c| match c {
            dealdesk_core::tabular::Cell::Text(t) => csv_field(t),
            dealdesk_core::tabular::Cell::Number(n) => n.to_string(),
            dealdesk_core::tabular::Cell::Bool(b) => b.to_string(),
        })
        .collect();
    cells.join(",")
}

fn print_statement(rec: &StatementRecord, format: ShowFormat) -> Result<(), CoreError> {
    let s = &rec.statement;
    match format {
        ShowFormat::Json => println!("{}", serde_json::to_string_pretty(rec).map_err(|e| CoreError::BadRequest(e.to_string()))?),
        ShowFormat::Csv => {
            println!("{}", export::HEADERS.iter().map(|h| csv_field(h)).collect::<Vec<_>>().join(","));
            for row in export::rows(rec) {
                println!("{}", csv_row(&row));
            }
        }
        ShowFormat::Table => {
            println!("statement {} {} {} · plan {} v{} · {} · {}", rec.payee.kind(), s.payee, rec.period_label, rec.plan_name, rec.plan_version, s.currency, rec.mark());
            println!("line\tdate\trule\tbase\trate %\tshare");
            for l in &s.lines {
                println!("{}\t{}\t{}\t{}\t{}\t{}", l.line_id, l.date, l.rule, l.base, l.rate_pct.round_dp(4).normalize(), l.share);
            }
            for p in &s.pending {
                println!("pending {}: {}", p.line_id, p.reason);
            }
            for a in &s.adjustments {
                println!("adjustment {:?}: {} ({})", a.kind, a.amount, a.note);
            }
            println!("lines total {} · carried out {} · total {}", s.lines_total, s.carried_out, s.total);
            println!("rounding: {}", s.rounding);
        }
    }
    Ok(())
}

/// `share run --sales …`: the file form, which opens no database (`None` for any other command).
pub fn file_run(command: &ShareCommand) -> Option<Result<(), CoreError>> {
    let ShareCommand::Run { partner, rep, period, plan: Some(plan), sales: Some(sales), quotas, out, statements_dir, .. } = command else { return None };
    let args = super::share_files::FileArgs {
        plan: Path::new(plan),
        sales,
        quotas: quotas.as_deref(),
        period,
        only: partner.as_deref().or(rep.as_deref()),
        out: out.as_deref(),
        statements_dir: statements_dir.as_deref(),
    };
    Some(super::share_files::run(&args))
}

pub async fn run_share(command: ShareCommand, pool: &SqlitePool) -> Result<(), CoreError> {
    match command {
        ShareCommand::Check { file } => check_plan(&file)?,
        ShareCommand::Run { partner, rep, period, plan, format, .. } => {
            let payee = match (partner, rep) {
                (Some(p), _) => Payee::Partner(p.trim().to_string()),
                (None, Some(r)) => Payee::Rep(r.trim().to_string()),
                (None, None) => return Err(CoreError::BadRequest("whose statement? --partner CODE or --rep CODE (or compute from files with --plan PLAN.json --sales SALES.csv)".into())),
            };
            let rec = service::run(pool, &payee, &period, plan.as_deref()).await?;
            print_statement(&rec, format)?;
        }
        ShareCommand::RunAll { period, plan } => {
            let recs = service::run_all_partners(pool, &period, plan.as_deref()).await?;
            for rec in &recs {
                println!("{}\tv{}\t{}\t{} {}", rec.payee.code(), rec.version, rec.statement.lines.len(), rec.total, rec.currency);
            }
            println!("{} partner statements computed for {}", recs.len(), period.trim());
        }
        ShareCommand::Lock { who, version } => {
            let rec = service::lock(pool, &who.payee(), &who.period, version).await?;
            println!("locked statement v{} of {} for {} (total {} {})", rec.version, rec.payee.code(), rec.period_label, rec.total, rec.currency);
        }
        ShareCommand::Export { who, version, format, out } => {
            let payee = who.payee();
            let rec = service::get(pool, &payee, &who.period, version).await?;
            match format {
                ExportFormat::Csv => export::write(&rec, FileFormat::Csv, &out)?,
                ExportFormat::Xlsx => export::write(&rec, FileFormat::Xlsx, &out)?,
                ExportFormat::Pdf => {
                    let name = match &payee {
                        Payee::Partner(c) => {
                            let mut conn = pool.acquire().await?;
                            partners::by_code(&mut conn, c).await?.map(|p| format!("{} {}", p.code, p.name)).unwrap_or_else(|| c.clone())
                        }
                        Payee::Rep(c) => c.clone(),
                    };
                    let engine = PdfEngine::load(None)?;
                    let plan = format!("{} v{}", rec.plan_name, rec.plan_version);
                    let mark = rec.mark();
                    let generated = rec.locked_at.clone().unwrap_or_else(|| rec.created_at.clone());
                    let header = StatementHeader { payee: &name, period_label: &rec.period_label, mark: &mark, plan: &plan, generated: &generated[..10.min(generated.len())] };
                    let bytes = engine.render_statement(&rec.statement, &header)?;
                    dealdesk_core::pdf::write_atomically(&out, &bytes)?;
                }
            }
            println!("wrote statement v{} of {} for {} ({}) to {}", rec.version, rec.payee.code(), rec.period_label, rec.mark(), out.display());
        }
        ShareCommand::WhatIf { plan, partner, period } => {
            let draft = parse_plan(&read(&plan)?)?;
            let w = whatif::what_if(pool, &draft, partner.as_deref(), &period).await?;
            println!("what-if {} · draft '{}' vs {} · {}", w.period, w.draft_plan, w.current_plan.clone().unwrap_or_else(|| "no stored plan".into()), w.currency);
            println!("payee\tcurrent\tdraft\tdifference");
            for r in &w.rows {
                println!("{}\t{}\t{}\t{}", r.payee, r.current.map(|c| c.to_string()).unwrap_or_else(|| "—".into()), r.draft, r.difference);
            }
            println!("total\t{}\t{}\t{}", w.current_total, w.draft_total, w.difference);
            println!("(nothing was written)");
        }
    }
    Ok(())
}
