//! `dealdesk matrix …`: competitor matrices from the command line — list, import and export
//! (wide CSV/XLSX, Markdown, PDF), the ranking with scores and coverage, snapshots, diffs
//! between snapshots or a snapshot and now, a battlecard PDF for one competitor, and a
//! generated matrix of any size (`demo`).

use clap::{Subcommand, ValueEnum};
use dealdesk_core::matrix::{diff, display, file, fresh, score, snapshot, store, MatrixData};
use dealdesk_core::pdf::{BattlecardLang, PdfEngine};
use dealdesk_core::store::SqlitePool;
use dealdesk_core::tabular::FileFormat;
use dealdesk_core::{audit, clock, CoreError};
use std::path::{Path, PathBuf};

#[derive(Subcommand, Debug)]
pub enum MatrixCommand {
    /// The matrices in the database.
    List,
    /// Write a matrix to a file: wide CSV/XLSX (imports back unchanged), Markdown or PDF.
    Export {
        #[arg(long)]
        name: String,
        #[arg(long)]
        format: MatrixFormat,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Read a wide CSV/XLSX (docs/matrix.md) into a matrix, created when missing; all or nothing.
    Import {
        file: PathBuf,
        #[arg(long)]
        name: String,
    },
    /// The ranking: weighted score over known cells and coverage per competitor.
    Score {
        #[arg(long)]
        name: String,
    },
    /// Freeze the matrix under a snapshot name (e.g. 2026-Q3).
    Snapshot {
        #[arg(long)]
        name: String,
        #[arg(long = "as", value_name = "SNAP")]
        snapshot: String,
    },
    /// Cells changed and ranking moves between two snapshots, or a snapshot and now.
    Diff {
        #[arg(long)]
        name: String,
        #[arg(long, value_name = "SNAP")]
        from: String,
        #[arg(long, value_name = "SNAP|now", default_value = "now")]
        to: String,
    },
    /// Generate a matrix of any size: our product and numbered competitors against dimensions
    /// of every type (demonstrations, and the editor's benchmark: 200 × 500).
    Demo {
        #[arg(long)]
        name: String,
        #[arg(long, default_value_t = 20)]
        competitors: u32,
        #[arg(long, default_value_t = 40)]
        dimensions: u32,
        #[arg(long, default_value_t = 7)]
        seed: u64,
    },
    /// A one-page battlecard PDF for one competitor against our product.
    Battlecard {
        #[arg(long)]
        name: String,
        #[arg(long)]
        competitor: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Labels in Chinese, English, or both (default).
        #[arg(long)]
        lang: Option<Lang>,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum MatrixFormat {
    Csv,
    Xlsx,
    Md,
    Pdf,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum Lang {
    Zh,
    En,
}

async fn load(pool: &SqlitePool, name: &str) -> Result<MatrixData, CoreError> {
    let mut conn = pool.acquire().await?;
    store::load_by_name(&mut conn, name).await
}

async fn load_state(pool: &SqlitePool, live: &MatrixData, which: &str) -> Result<MatrixData, CoreError> {
    if which.trim().eq_ignore_ascii_case("now") {
        return Ok(live.clone());
    }
    let mut conn = pool.acquire().await?;
    snapshot::load(&mut conn, live, which).await
}

fn opt_score(s: Option<dealdesk_core::report::Decimal>) -> String {
    s.map(|s| display(s, 2)).unwrap_or_else(|| "—".into())
}

pub async fn run(command: MatrixCommand, pool: &SqlitePool) -> Result<(), CoreError> {
    let today = clock::today();
    match command {
        MatrixCommand::List => {
            let mut conn = pool.acquire().await?;
            let list = store::list(&mut conn).await?;
            if list.is_empty() {
                println!("no matrices (import one: dealdesk matrix import FILE --name NAME)");
            }
            for m in list {
                println!("{}\t{} competitors × {} dimensions\tscale {}\towner {}\tupdated {}", m.name, m.competitors, m.dimensions, m.scale.label(), m.owner, m.updated_at);
            }
        }
        MatrixCommand::Import { file: path, name } => {
            let bytes = std::fs::read(&path).map_err(|e| CoreError::io(format!("cannot read {}", path.display()), e))?;
            let r = file::import(pool, &name, &path.display().to_string(), &bytes, &audit::actor()).await?;
            println!(
                "imported {} into matrix '{}'{}: {} competitors × {} dimensions, {} cell(s) changed",
                path.display(),
                r.matrix,
                if r.created { " (new)" } else { "" },
                r.competitors,
                r.dimensions,
                r.cells_changed
            );
        }
        MatrixCommand::Export { name, format, out } => {
            let data = load(pool, &name).await?;
            match format {
                MatrixFormat::Csv => file::export(&data, FileFormat::Csv, &out)?,
                MatrixFormat::Xlsx => file::export(&data, FileFormat::Xlsx, &out)?,
                MatrixFormat::Md => file::export_markdown(&data, &out, today)?,
                MatrixFormat::Pdf => {
                    let engine = PdfEngine::load(None)?;
                    let bytes = engine.render_matrix(&data, today)?;
                    dealdesk_core::pdf::write_atomically(&out, &bytes)?;
                }
            }
            record_export(pool, &data, &out, format).await?;
            println!("exported matrix '{}' ({} competitors × {} dimensions) to {}", data.matrix.name, data.competitors.len(), data.dimensions.len(), out.display());
        }
        MatrixCommand::Score { name } => {
            let data = load(pool, &name).await?;
            let r = score::rank(&data);
            let f = fresh::freshness(&data, today);
            println!(
                "matrix '{}': scale {}, {} competitors × {} dimensions, coverage {}%, fresh {}%, {} stale (> {} days)",
                data.matrix.name,
                data.matrix.scale.label(),
                data.competitors.len(),
                data.dimensions.len(),
                display(f.coverage_pct, 1),
                display(f.fresh_pct, 1),
                f.stale,
                data.matrix.stale_after_days
            );
            println!("rank\tscore\tcoverage\tcompetitor");
            for row in &r.rows {
                let rank = row.rank.map(|r| r.to_string()).unwrap_or_else(|| "—".into());
                let ours = if row.is_ours { " (ours 我方)" } else { "" };
                println!("{rank}\t{}\t{}% ({}/{})\t{}{ours}", opt_score(row.score), display(row.coverage_pct, 1), row.known, row.scored_dimensions, row.name);
            }
        }
        MatrixCommand::Snapshot { name, snapshot: snap } => {
            let data = load(pool, &name).await?;
            let mut tx = pool.begin().await?;
            let info = snapshot::take(&mut tx, &data, &snap, &audit::actor()).await?;
            tx.commit().await?;
            println!("snapshot '{}' of matrix '{}' taken at {} ({} cells)", info.name, data.matrix.name, info.taken_at, data.cells.len());
        }
        MatrixCommand::Diff { name, from, to } => {
            let live = load(pool, &name).await?;
            let (a, b) = (load_state(pool, &live, &from).await?, load_state(pool, &live, &to).await?);
            print_diff(&live.matrix.name, &from, &to, &diff::diff(&a, &b));
        }
        MatrixCommand::Demo { name, competitors, dimensions, seed } => {
            let started = std::time::Instant::now();
            let m = dealdesk_core::matrix::demo::generate(pool, &name, competitors, dimensions, seed, &audit::actor()).await?;
            println!("matrix '{}': {} competitors × {} dimensions, {} known cells, made in {:.1} s", m.name, m.competitors, m.dimensions, m.known_cells, started.elapsed().as_secs_f64());
        }
        MatrixCommand::Battlecard { name, competitor, out, lang } => {
            let data = load(pool, &name).await?;
            let c = data
                .competitors
                .iter()
                .find(|c| c.name == competitor.trim())
                .ok_or_else(|| CoreError::not_found("competitor", format!("{} in matrix {}", competitor.trim(), data.matrix.name)))?;
            let mut conn = pool.acquire().await?;
            let notes = store::notes(&mut conn, c.id).await?;
            drop(conn);
            let lang = match lang {
                Some(Lang::Zh) => BattlecardLang::Zh,
                Some(Lang::En) => BattlecardLang::En,
                None => BattlecardLang::Bilingual,
            };
            let engine = PdfEngine::load(None)?;
            let bytes = engine.render_battlecard(&data, c.id, &notes, lang, today)?;
            dealdesk_core::pdf::write_atomically(&out, &bytes)?;
            println!("battlecard for {} written to {}", c.name, out.display());
        }
    }
    Ok(())
}

async fn record_export(pool: &SqlitePool, data: &MatrixData, out: &Path, format: MatrixFormat) -> Result<(), CoreError> {
    let file = out.file_name().map(|f| f.to_string_lossy().to_string()).unwrap_or_default();
    let event = audit::Event { action: "export", entity: "matrix", entity_id: &data.matrix.id.to_string(), detail: serde_json::json!({ "file": file, "format": format!("{format:?}").to_lowercase() }) };
    audit::record_now(pool, event).await
}

fn print_diff(name: &str, from: &str, to: &str, d: &diff::MatrixDiff) {
    println!("matrix '{name}': {from} → {to}");
    for (label, list) in [("competitors added", &d.added_competitors), ("competitors removed", &d.removed_competitors), ("dimensions added", &d.added_dimensions), ("dimensions removed", &d.removed_dimensions)] {
        if !list.is_empty() {
            println!("{label}: {}", list.join(", "));
        }
    }
    println!("cells changed: {}", d.cells.len());
    for c in &d.cells {
        let note = if c.evidence_only { " (evidence only)" } else { "" };
        println!("  {} × {}: {} → {}{note}", c.competitor, c.dimension, c.old, c.new);
    }
    println!("ranking:");
    for m in &d.ranking {
        let r = |r: Option<u32>| r.map(|r| r.to_string()).unwrap_or_else(|| "—".into());
        let places = match m.places() {
            Some(p) if p > 0 => format!(" (up {p})"),
            Some(p) if p < 0 => format!(" (down {})", -p),
            _ => String::new(),
        };
        println!("  {}: {} → {}{places}, score {} → {}", m.competitor, r(m.from_rank), r(m.to_rank), opt_score(m.from_score), opt_score(m.to_score));
    }
}
