//! `dealdesk share run --plan PLAN.json --sales SALES.csv --period 2026-Q3 [--out OUT.csv]
//! [--statements-dir DIR]`: statements straight from files, no database, keychain or data
//! folder. A bad plan or a bad sales file exits non-zero naming the JSON path or the row and
//! column, and writes nothing; the summary is written atomically, the PDFs as one folder that
//! appears whole (`staged::StagedFolder`).

use dealdesk_core::partner::file_run::{self, FileRun, SUMMARY_HEADERS};
use dealdesk_core::partner::plan::{Plan, PlanKind};
use dealdesk_core::partner::store::import::{parse_quotas, parse_sales};
use dealdesk_core::partner::{parse_plan, MonthlyTarget};
use dealdesk_core::pdf::statement::StatementHeader;
use dealdesk_core::pdf::PdfEngine;
use dealdesk_core::staged::{safe_file_stem, StagedFolder};
use dealdesk_core::tabular::write::write_file;
use dealdesk_core::tabular::FileFormat;
use dealdesk_core::CoreError;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// What `share run` was given in its file form.
pub struct FileArgs<'a> {
    pub plan: &'a Path,
    pub sales: &'a Path,
    pub quotas: Option<&'a Path>,
    pub period: &'a str,
    pub only: Option<&'a str>,
    pub out: Option<&'a Path>,
    pub statements_dir: Option<&'a Path>,
}

fn read(file: &Path) -> Result<Vec<u8>, CoreError> {
    std::fs::read(file).map_err(|e| CoreError::io(format!("cannot read {}", file.display()), e))
}

/// Reads the plan, sales and quotas files and computes every statement (timed on stderr).
pub fn compute(args: &FileArgs<'_>) -> Result<(Plan, FileRun), CoreError> {
    let plan = parse_plan(&read(args.plan)?).map_err(|e| CoreError::BadRequest(format!("{}: {e}", args.plan.display())))?;
    let started = Instant::now();
    let lines: Vec<_> = parse_sales(&args.sales.display().to_string(), &read(args.sales)?, &plan.currency)?.into_iter().map(|p| p.into_sales_line()).collect();
    let read_took = started.elapsed();
    let quotas: HashMap<String, Vec<MonthlyTarget>> = match args.quotas {
        Some(q) => parse_quotas(&q.display().to_string(), &read(q)?)?,
        None => HashMap::new(),
    };
    let count = lines.len();
    let started = Instant::now();
    let run = file_run::run(&plan, lines, &quotas, args.period, args.only)?;
    tracing::info!(lines = count as u64, statements = run.statements.len() as u64, read_ms = read_took.as_millis() as u64, compute_ms = started.elapsed().as_millis() as u64, "share run from files");
    Ok((plan, run))
}

/// The statements as PDFs in `dir` (one folder that appears whole).
fn write_pdfs(plan: &Plan, run: &FileRun, dir: &Path) -> Result<PathBuf, CoreError> {
    let engine = PdfEngine::load(None)?;
    let mut batch = StagedFolder::begin(dir, "statements")?;
    let plan_label = format!("{} ({})", plan.name, plan.effective_from);
    let generated = dealdesk_core::clock::today().to_string();
    let mark = "DRAFT (from files)";
    for s in &run.statements {
        let header = StatementHeader { payee: &s.payee, period_label: &run.period_label, mark, plan: &plan_label, generated: &generated };
        let bytes = engine.render_statement(s, &header)?;
        batch.write(&format!("{}-{}.pdf", safe_file_stem(&s.payee), safe_file_stem(&run.period_label)), &bytes)?;
    }
    Ok(batch.finish()?.0)
}

pub fn run(args: &FileArgs<'_>) -> Result<(), CoreError> {
    let (plan, run) = compute(args)?;
    let rows = file_run::summary_rows(&plan, &run);
    match args.out {
        Some(out) => {
            let format = if out.extension().is_some_and(|e| e.eq_ignore_ascii_case("xlsx")) { FileFormat::Xlsx } else { FileFormat::Csv };
            write_file(out, format, SUMMARY_HEADERS, &rows)?;
        }
        None => {
            println!("{}", SUMMARY_HEADERS.join(","));
            for row in &rows {
                println!("{}", super::partner::csv_row(row));
            }
        }
    }
    if let Some(dir) = args.statements_dir {
        let folder = write_pdfs(&plan, &run, dir)?;
        eprintln!("statement PDFs in {}", folder.display());
    }
    let who = if plan.kind == PlanKind::Partner { "partner" } else { "rep" };
    let total: dealdesk_core::Decimal = run.statements.iter().map(|s| s.total).sum();
    let earlier = if run.earlier.is_empty() { String::new() } else { format!(" (after {} earlier period(s) from {})", run.earlier.len(), run.earlier[0]) };
    eprintln!("{} {who} statement(s) for {}{earlier}: total {total} {}", run.statements.len(), run.period_label, plan.currency);
    if let Some(out) = args.out {
        eprintln!("summary written to {}", out.display());
    }
    Ok(())
}
