//! `dealdesk quote …`: build, approve, revise and print quotes from the command line, with
//! the same core functions as the window. `render --input` needs no database at all.

use clap::{Args, Subcommand, ValueEnum};
use dealdesk_core::ids::QuoteId;
use dealdesk_core::pdf::PdfEngine;
use dealdesk_core::quote::{self, file, print, render, store, workflow, Actor, Quote, QuoteStatus, Role};
use dealdesk_core::CoreError;
use dealdesk_core::store::SqlitePool;
use std::path::{Path, PathBuf};

#[derive(Subcommand, Debug)]
pub enum QuoteCommand {
    /// Render a quote to PDF: from a JSON file (no database needed) or a stored quote's number.
    Render {
        /// A quote described in JSON (docs/quote-json.md).
        #[arg(long, value_name = "FILE.json", conflicts_with = "number", required_unless_present = "number")]
        input: Option<PathBuf>,
        /// A stored quote's number (Q-2026-0001 = newest revision, Q-2026-0001-R2 = that one).
        #[arg(long)]
        number: Option<String>,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// Render every stored quote with a status into a folder (all or none).
    RenderAll {
        #[arg(long)]
        status: Option<StatusArg>,
        #[arg(long, value_name = "DIR")]
        out_dir: PathBuf,
    },
    /// Save a quote described in JSON as a draft for a stored customer; prints its id.
    Create {
        #[arg(long, value_name = "FILE.json")]
        input: PathBuf,
        /// The customer's exact name in the database.
        #[arg(long)]
        customer: String,
    },
    /// List quotes (newest revision of each, or one status).
    List {
        #[arg(long)]
        status: Option<StatusArg>,
    },
    /// Show one quote: status, totals, words, required approval, history.
    Show { quote: String },
    /// Confirm a draft: allocates its number; it is approved at once or waits for approval.
    Submit {
        quote: String,
        #[command(flatten)]
        who: Who,
    },
    /// Approve a quote pending approval (the role must reach the level it needs).
    Approve {
        quote: String,
        #[command(flatten)]
        who: Who,
        #[arg(long, default_value = "")]
        comment: String,
    },
    /// Send a quote pending approval back to draft, with the reason.
    Reject {
        quote: String,
        #[command(flatten)]
        who: Who,
        #[arg(long)]
        comment: String,
    },
    /// Record what happened with the customer: sent, accepted, rejected, expired.
    Mark {
        quote: String,
        to: MarkArg,
        #[command(flatten)]
        who: Who,
    },
    /// Make a new draft revision (…-R2) of a locked quote.
    Revise {
        quote: String,
        #[command(flatten)]
        who: Who,
    },
}

#[derive(Args, Debug)]
pub struct Who {
    /// Who acts (default: the operating-system user).
    #[arg(long = "as", value_name = "NAME")]
    name: Option<String>,
    #[arg(long, default_value = "sales")]
    role: RoleArg,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum RoleArg {
    Sales,
    Manager,
    Director,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum MarkArg {
    Sent,
    Accepted,
    Rejected,
    Expired,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum StatusArg {
    Draft,
    PendingApproval,
    Approved,
    Sent,
    Accepted,
    Rejected,
    Expired,
}

impl From<StatusArg> for QuoteStatus {
    fn from(s: StatusArg) -> Self {
        match s {
            StatusArg::Draft => Self::Draft,
            StatusArg::PendingApproval => Self::PendingApproval,
            StatusArg::Approved => Self::Approved,
            StatusArg::Sent => Self::Sent,
            StatusArg::Accepted => Self::Accepted,
            StatusArg::Rejected => Self::Rejected,
            StatusArg::Expired => Self::Expired,
        }
    }
}

impl Who {
    fn actor(&self) -> Actor {
        let role = match self.role {
            RoleArg::Sales => Role::Sales,
            RoleArg::Manager => Role::Manager,
            RoleArg::Director => Role::Director,
        };
        Actor { name: self.name.clone().unwrap_or_else(dealdesk_core::audit::actor), role }
    }
}

fn read(path: &Path) -> Result<Vec<u8>, CoreError> {
    std::fs::read(path).map_err(|e| CoreError::io(format!("cannot read {}", path.display()), e))
}

fn file_label(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}

/// `quote render --input`: JSON in, PDF out, no database. Checked fully before anything is
/// written, and written atomically, so a bad file leaves no PDF behind.
pub fn render_file(input: &Path, out: &Path) -> Result<(), CoreError> {
    let bytes = read(input)?;
    let parsed = file::parse(&file_label(input), &bytes)?;
    let document = file::document(&parsed, &print::PrintSettings::default(), dealdesk_core::clock::today())?;
    let engine = PdfEngine::load(None)?;
    engine.render_quote_to_file(&document, out)?;
    println!("{}", out.display());
    Ok(())
}

/// A quote named by its id or its number.
async fn resolve(pool: &SqlitePool, key: &str) -> Result<Quote, CoreError> {
    match QuoteId::parse(key) {
        Some(id) => store::get(pool, id).await,
        None => store::find_by_number(pool, key).await,
    }
}

async fn engine(pool: &SqlitePool) -> Result<PdfEngine, CoreError> {
    let mut conn = pool.acquire().await?;
    let settings = print::load(&mut conn).await?;
    let font = settings.font_path.trim();
    PdfEngine::load((!font.is_empty()).then(|| Path::new(font)))
}

fn summary(q: &Quote) -> String {
    format!(
        "{}\t{}\t{}\t{} {}\t{}",
        q.number.clone().unwrap_or_else(|| "(draft)".into()),
        q.id,
        q.status.code(),
        q.totals.total,
        q.currency,
        q.customer_name
    )
}

pub async fn run(command: QuoteCommand, pool: &SqlitePool, progress: &dyn dealdesk_core::progress::Progress) -> Result<(), CoreError> {
    match command {
        QuoteCommand::Render { input: Some(input), out, .. } => render_file(&input, &out)?,
        QuoteCommand::Render { number, out, .. } => {
            let number = number.ok_or_else(|| CoreError::BadRequest("give --input FILE.json or --number".into()))?;
            let engine = engine(pool).await?;
            let q = render::render_number(pool, &engine, &number, &out).await?;
            println!("{}\t{}", q.number.unwrap_or_default(), out.display());
        }
        QuoteCommand::RenderAll { status, out_dir } => {
            let engine = engine(pool).await?;
            let (folder, files) = render::render_all(pool, &engine, status.map(Into::into), &out_dir, progress).await?;
            println!("{} quotes rendered into {}", files.len(), folder.display());
        }
        QuoteCommand::Create { input, customer } => {
            let bytes = read(&input)?;
            let parsed = file::parse(&file_label(&input), &bytes)?;
            let customer_id = store::customer_by_name(pool, &customer).await?;
            let q = store::save_draft(pool, &file::to_input(&parsed, customer_id.to_string())).await?;
            println!("{}", q.id);
        }
        QuoteCommand::List { status } => {
            let ids = store::ids_with_status(pool, status.map(Into::into)).await?;
            for id in ids {
                println!("{}", summary(&store::get(pool, id).await?));
            }
        }
        QuoteCommand::Show { quote } => {
            let q = resolve(pool, &quote).await?;
            println!("{}", summary(&q));
            println!("subtotal {}  discount {}  net {}  total {}", q.totals.subtotal, q.totals.discount, q.totals.net, q.totals.total);
            for t in &q.totals.taxes {
                println!("tax {}%: {}", t.rate_pct, t.tax);
            }
            let mut conn = pool.acquire().await?;
            let settings = print::load(&mut conn).await?;
            let (words, _) = quote::document::total_in_words(q.totals.total, &q.currency, q.labels, &settings)?;
            println!("{words}");
            println!("approval needed: {}", q.required_approval.code());
            for e in &q.events {
                println!("{}  {} → {}  {} ({})  {}", e.at, e.from_status.map(|s| s.code()).unwrap_or("-"), e.to_status.code(), e.actor, e.role, e.comment);
            }
        }
        QuoteCommand::Submit { quote, who } => {
            let q = resolve(pool, &quote).await?;
            println!("{}", summary(&workflow::submit(pool, q.id, &who.actor()).await?));
        }
        QuoteCommand::Approve { quote, who, comment } => {
            let q = resolve(pool, &quote).await?;
            println!("{}", summary(&workflow::decide(pool, q.id, &who.actor(), true, &comment).await?));
        }
        QuoteCommand::Reject { quote, who, comment } => {
            let q = resolve(pool, &quote).await?;
            println!("{}", summary(&workflow::decide(pool, q.id, &who.actor(), false, &comment).await?));
        }
        QuoteCommand::Mark { quote, to, who } => {
            let q = resolve(pool, &quote).await?;
            let to = match to {
                MarkArg::Sent => QuoteStatus::Sent,
                MarkArg::Accepted => QuoteStatus::Accepted,
                MarkArg::Rejected => QuoteStatus::Rejected,
                MarkArg::Expired => QuoteStatus::Expired,
            };
            println!("{}", summary(&workflow::mark(pool, q.id, &who.actor(), to, "").await?));
        }
        QuoteCommand::Revise { quote, who } => {
            let q = resolve(pool, &quote).await?;
            println!("{}", summary(&workflow::revise(pool, q.id, &who.actor()).await?));
        }
    }
    Ok(())
}

/// Whether the command needs the database (all but rendering a JSON file).
pub fn needs_database(command: &QuoteCommand) -> bool {
    !matches!(command, QuoteCommand::Render { input: Some(_), .. })
}
