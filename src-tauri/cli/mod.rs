//! The headless command line of the same binary. With no subcommand the window opens; with
//! one, the command runs against the same core functions and never opens a window.
//! Errors go to stderr with a non-zero exit (1 for rejected input, 2 for usage).

pub mod audit;
pub mod backup;
pub mod bench;
pub mod bench_share;
pub mod contract;
pub mod contract_args;
pub mod contract_template;
pub mod dashboard;
pub mod inbox;
pub mod mask;
pub mod partner;
pub mod matrix;
pub mod quote;
pub mod report;
pub mod risk;
pub mod share_files;
pub mod subject;
pub mod tables;

use clap::{Parser, Subcommand, ValueEnum};
use dealdesk_core::tabular::TableName;
use dealdesk_core::{demo, store, words, CoreError};
use indicatif::{ProgressBar, ProgressStyle};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(name = "dealdesk", version, about = "DealDesk 销售运营工作台: offline-first sales operations workbench.\nWith no command, opens the window.")]
pub struct Cli {
    /// Database file (default: the app-data folder; also DEALDESK_DB).
    #[arg(long, global = true, env = "DEALDESK_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Fill the database with realistic bilingual demo data.
    Demo {
        #[arg(long, default_value_t = demo::DEFAULT.customers)]
        customers: u32,
        #[arg(long, default_value_t = demo::DEFAULT.contacts)]
        contacts: u32,
        #[arg(long, default_value_t = demo::DEFAULT.products)]
        products: u32,
        #[arg(long, default_value_t = demo::DEFAULT.opportunities)]
        opportunities: u32,
    },
    /// Import a CSV (UTF-8, comma or tab) or XLSX file into a table; all rows or none.
    Import {
        table: Table,
        file: PathBuf,
    },
    /// Export a table to CSV or XLSX (format from the extension unless --format is given),
    /// in clear or masked through --policy (a built-in name or a JSON policy file).
    Export {
        table: Table,
        #[arg(required_unless_present = "out")]
        file: Option<PathBuf>,
        #[arg(long, value_name = "FILE", conflicts_with = "file")]
        out: Option<PathBuf>,
        #[arg(long)]
        format: Option<Format>,
        /// default, admin, sales_ops, legal, distributor, trade_show, or a policy JSON file.
        #[arg(long, value_name = "NAME|FILE")]
        policy: Option<String>,
    },
    /// Put a database's key back into this computer's credential store from its recovery key.
    RecoverKey {
        /// The recovery key shown when the database was created (dashes optional).
        recovery_key: String,
    },
    /// Re-encrypt the database with a new random key; prints the new recovery key.
    Rekey,
    #[command(subcommand, about = "Personal data: scan a file for it, or mask a CSV/XLSX/text file through a policy (opens no database).")] Mask(mask::MaskCommand),
    /// Benchmarks on a large database (`bench dashboard`: the dashboard refresh).
    #[command(subcommand)]
    Bench(bench::BenchCommand),
    /// Write an encrypted backup of the database (same key) to a file, and/or set how many
    /// daily backups the window keeps.
    Backup {
        #[arg(long, value_name = "FILE", required_unless_present = "keep_daily")]
        out: Option<PathBuf>,
        /// Daily backups the window keeps in `backups/` (1–365; 7 unless set).
        #[arg(long, value_name = "N")]
        keep_daily: Option<u32>,
    },
    /// The audit log of security-relevant events.
    #[command(subcommand)]
    Audit(audit::AuditCommand),
    /// Subject requests (PIPL art. 44–47): find, export, correct or erase one person's data.
    #[command(subcommand)]
    Subject(subject::SubjectCommand),
    /// Quotes: create, submit, approve, revise, render to PDF.
    #[command(subcommand)]
    Quote(quote::QuoteCommand),
    /// Contracts from accepted quotes, legal review and sign-off, PDFs behind the gate.
    #[command(subcommand)]
    Contract(contract::ContractCommand),
    /// Contract risk rules over a .txt or .docx file (opens no database).
    #[command(subcommand)]
    Risk(risk::RiskCommand),
    /// Channel partners: import, list (bank details masked).
    #[command(subcommand)]
    Partner(partner::PartnerCommand),
    /// Sales reps and their monthly quotas: import.
    #[command(subcommand)]
    Rep(partner::RepCommand),
    /// Partner and rep sales lines: import.
    #[command(subcommand)]
    Sales(partner::SalesCommand),
    /// Profit-share / commission plans: check, save a version, list.
    #[command(subcommand)]
    Plan(partner::PlanCommand),
    /// Statements (对账单): run, lock, export, what-if; check a plan.
    #[command(subcommand)]
    Share(partner::ShareCommand),
    /// The watched inbox: set the folder, import what is in it (scan) or what arrives (watch).
    #[command(subcommand)]
    Inbox(inbox::InboxCommand),
    /// Competitor matrices: import/export, scores, snapshots, diffs, battlecards.
    #[command(subcommand)]
    Matrix(matrix::MatrixCommand),
    /// Sales dashboard figures: funnel, KPIs, ABC segmentation, forecast (table, CSV, JSON).
    #[command(subcommand)]
    Report(report::ReportCommand),
    /// Restore a backup over the database, after a safety copy of the current one.
    Restore {
        file: PathBuf,
        /// Only show what the backup holds.
        #[arg(long)]
        preview: bool,
        /// The recovery key of a backup taken before the database was re-keyed.
        #[arg(long, value_name = "RECOVERY KEY")]
        backup_key: Option<String>,
    },
    /// Print an amount in words: 大写金额 for CNY, English otherwise. Opens no database.
    Words {
        /// The amount (`12,800.50`); rounded half away from zero to the currency's minor units.
        #[arg(allow_negative_numbers = true)]
        amount: String,
        /// zh (大写, CNY only) or en; default zh for CNY, en for other currencies.
        #[arg(long)]
        lang: Option<WordsLang>,
        #[arg(long, default_value = "CNY", value_name = "CODE")]
        currency: String,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum WordsLang {
    Zh,
    En,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum Table {
    Customers,
    Contacts,
    Products,
    Opportunities,
}

impl From<Table> for TableName {
    fn from(t: Table) -> Self {
        match t {
            Table::Customers => Self::Customers,
            Table::Contacts => Self::Contacts,
            Table::Products => Self::Products,
            Table::Opportunities => Self::Opportunities,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum Format {
    Csv,
    Xlsx,
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { ExitCode::from(2) } else { ExitCode::SUCCESS };
        }
    };
    if let Some(Command::Mask(m)) = &cli.command { return mask::run(m); } // before the data dir and the database are touched
    if let Some(Command::Risk(r)) = &cli.command { return risk::run(r); } // a file in, flags out: no database
    if let Some(Command::Words { amount, lang, currency }) = &cli.command {
        // Before the data dir, the keychain and the database are touched: a pure conversion.
        return print_words(amount, *lang, currency);
    }
    if let Some(Command::Plan(partner::PlanCommand::Check { file }) | Command::Share(partner::ShareCommand::Check { file })) = &cli.command {
        return report(partner::check_plan(file)); // opens no database
    }
    if let Some(Command::Bench(bench::BenchCommand::Share { lines, partners, runs, dir })) = &cli.command {
        crate::logging::init_stderr();
        return report(bench_share::run(*lines, *partners, *runs, dir)); // files only: no database
    }
    if let Some(Command::Share(share)) = &cli.command {
        if let Some(result) = partner::file_run(share) {
            crate::logging::init_stderr();
            return report(result); // statements from files: no database
        }
    }
    if let Some(Command::Quote(q)) = &cli.command {
        if !quote::needs_database(q) {
            // A quote from a JSON file: no data dir, keychain or database involved.
            return match q {
                quote::QuoteCommand::Render { input: Some(input), out, .. } => report(quote::render_file(input, out)),
                _ => ExitCode::from(2),
            };
        }
    }
    let db = cli.db.clone().unwrap_or_else(store::default_db_path);
    match cli.command {
        None => run_window(db),
        Some(command) => {
            crate::logging::init_stderr();
            let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
                Ok(rt) => rt,
                Err(e) => {
                    eprintln!("error: cannot start the async runtime: {e}");
                    return ExitCode::FAILURE;
                }
            };
            let status = match runtime.block_on(run(command, &db)) {
                Ok(()) => 0,
                Err(e) => {
                    eprintln!("error: {e}");
                    1
                }
            };
            drop(runtime);
            exit_without_library_teardown(status)
        }
    }
}

/// Ends a finished command without running C libraries' exit handlers. Once in a CI run
/// (2026-12-02, under load) an export that had done its work and closed its database died
/// at exit with glibc's "double free or corruption" inside those handlers (the vendored
/// OpenSSL and SQLCipher clean up there); it was not reproducible in 300 runs. Nothing the
/// command wrote depends on them: every database is closed and checkpointed, files are
/// written by rename, and stdout and stderr are flushed here.
fn exit_without_library_teardown(status: i32) -> ExitCode {
    use std::io::Write as _;
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
    #[cfg(unix)]
    // SAFETY: `_exit` ends the process at once; nothing after this call relies on any state.
    unsafe {
        libc::_exit(status)
    }
    #[cfg(not(unix))]
    ExitCode::from(status as u8)
}

/// Exit status for a command's result: the error on stderr and 1, or success.
fn report(result: Result<(), CoreError>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run_window(db: PathBuf) -> ExitCode {
    crate::reduce_webview_memory();
    let _guard = crate::logging::init_file(&store::default_data_dir().join("logs"));
    match crate::run_window(db) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!(error = %e, "window failed");
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn print_words(amount: &str, lang: Option<WordsLang>, currency: &str) -> ExitCode {
    let lang = match lang {
        Some(WordsLang::Zh) => words::Lang::Zh,
        Some(WordsLang::En) => words::Lang::En,
        None => words::Lang::default_for(currency),
    };
    let result = words::parse_amount(amount)
        .and_then(|amount| words::amount_in_words(amount, currency, lang, &words::ZhOptions::default()));
    match result {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

pub(crate) fn bar(label: &'static str) -> ProgressBar {
    let bar = ProgressBar::new(0);
    if let Ok(style) = ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} ({eta})") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(label);
    bar
}

/// A progress sink `(done, total)` that moves `progress`.
pub(crate) fn sink(progress: &ProgressBar) -> impl Fn(u64, u64) + '_ {
    move |done, total| {
        progress.set_length(total);
        progress.set_position(done);
    }
}

/// Shown once, when a database and its key are created.
pub fn recovery_key_notice(db: &Path, recovery_key: &str) -> String {
    format!(
        "A new encrypted database was created at {}.\nIts recovery key (write it down and keep it safe; it is shown only now):\n\n    {}\n\nWith it the database can be opened on another computer or after the keychain entry is lost:\n    dealdesk --db {} recover-key <RECOVERY KEY>",
        db.display(),
        recovery_key,
        db.display()
    )
}

async fn run(command: Command, db: &Path) -> Result<(), CoreError> {
    let keys = store::OsKeychain::new();
    if let Command::RecoverKey { recovery_key } = &command {
        store::recover_key(db, recovery_key, &keys).await?;
        println!("the key of {} is back in the credential store", db.display());
        return Ok(());
    }
    if let Command::Restore { file, preview, backup_key } = &command {
        return backup::restore(db, file, *preview, backup_key.as_deref(), &keys).await;
    }
    let opened = store::open(db, &keys).await?;
    if let Some(recovery) = &opened.recovery_key {
        eprintln!("{}", recovery_key_notice(db, recovery));
    }
    let pool = opened.pool;
    match command {
        // Handled before the store is opened (Words before anything is touched, in `main`).
        Command::RecoverKey { .. } | Command::Restore { .. } | Command::Words { .. } => {}
        Command::Mask(_) | Command::Risk(_) => {} // handled in main
        Command::Contract(command) => contract::run(command, &pool).await?,
        Command::Audit(command) => audit::run(command, &pool).await?,
        Command::Subject(command) => subject::run(command, &pool).await?,
        Command::Backup { out, keep_daily } => backup::backup(&pool, db, &keys, out.as_deref(), keep_daily).await?,
        Command::Rekey => {
            let recovery = store::rekey(pool, db, &keys).await?;
            println!("{} has a new key. Its new recovery key (the old one no longer works):\n\n    {recovery}\n", db.display());
            return Ok(());
        }
        Command::Demo { customers, contacts, products, opportunities } => tables::demo(&pool, db, demo::DemoCounts { customers, contacts, products, opportunities }).await?,
        Command::Quote(command) => {
            let progress = bar("rendering");
            let sink = sink(&progress);
            let result = quote::run(command, &pool, &sink).await;
            progress.finish_and_clear();
            result?;
        }
        Command::Report(command) => report::run(command, &pool).await?,
        Command::Partner(command) => partner::run_partner(command, &pool).await?,
        Command::Rep(command) => partner::run_rep(command, &pool).await?,
        Command::Sales(command) => partner::run_sales(command, &pool).await?,
        Command::Plan(command) => partner::run_plan(command, &pool).await?,
        Command::Share(command) => partner::run_share(command, &pool).await?,
        Command::Inbox(command) => inbox::run(command, &pool).await?,
        Command::Matrix(command) => matrix::run(command, &pool).await?,
        Command::Bench(command) => bench::run(command, &pool).await?,
        Command::Import { table, file } => tables::import_file(&pool, table, &file).await?,
        Command::Export { table, file, out, format, policy } => tables::export_file(&pool, &keys, table, file.or(out), format, policy.as_deref()).await?,
    }
    store::checkpoint_and_close(pool).await;
    Ok(())
}
