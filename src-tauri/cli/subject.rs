//! `dealdesk subject find|export|correct|delete`: subject requests (PIPL art. 44–47) from the
//! command line. Exactly one identifier per request (`--name`, `--mobile`, `--email`, `--id`,
//! `--card`, `--passport`); every request is audited under its keyed hash.

use super::contract::{engine, LangArg};
use super::mask::pseudonym_keys;
use clap::{Args, Subcommand};
use dealdesk_core::store::SqlitePool;
use dealdesk_core::subject::{self, ChangeReport, Subject, SubjectKind};
use dealdesk_core::CoreError;
use std::path::PathBuf;

/// Whom the request is about.
#[derive(Args, Debug)]
#[group(required = true, multiple = false)]
pub struct Who {
    #[arg(long)]
    name: Option<String>,
    #[arg(long)]
    mobile: Option<String>,
    #[arg(long)]
    email: Option<String>,
    /// An 18-character resident ID (居民身份证号).
    #[arg(long = "id")]
    resident_id: Option<String>,
    /// A bank card number.
    #[arg(long)]
    card: Option<String>,
    #[arg(long)]
    passport: Option<String>,
}

impl Who {
    fn subject(&self) -> Result<Subject, CoreError> {
        let pairs = [
            (SubjectKind::Name, &self.name),
            (SubjectKind::Mobile, &self.mobile),
            (SubjectKind::Email, &self.email),
            (SubjectKind::ResidentId, &self.resident_id),
            (SubjectKind::BankCard, &self.card),
            (SubjectKind::Passport, &self.passport),
        ];
        let (kind, value) = pairs
            .into_iter()
            .find_map(|(k, v)| v.as_deref().map(|v| (k, v)))
            .ok_or_else(|| CoreError::BadRequest("say whom: --name, --mobile, --email, --id, --card or --passport".into()))?;
        Subject::new(kind, value)
    }
}

#[derive(Subcommand, Debug)]
pub enum SubjectCommand {
    /// Everything stored about the person: table, record, field, value (in clear).
    Find {
        #[command(flatten)]
        who: Who,
        /// One JSON document instead of lines.
        #[arg(long)]
        json: bool,
    },
    /// The answer to an access request: a PDF report and the same as JSON beside it.
    Export {
        #[command(flatten)]
        who: Who,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
        #[arg(long, value_enum, default_value = "bilingual")]
        lang: LangArg,
    },
    /// Replace the identifier with the corrected value wherever it is stored.
    Correct {
        #[command(flatten)]
        who: Who,
        #[arg(long, value_name = "VALUE")]
        to: String,
    },
    /// Erase the person: matching contacts deleted, the identifier cleared elsewhere.
    Delete {
        #[command(flatten)]
        who: Who,
        /// Required: erasure cannot be undone (restore a backup to get the data back).
        #[arg(long)]
        yes: bool,
    },
}

fn print_change(what: &str, report: &ChangeReport) {
    for (table, n) in &report.tables {
        println!("{table}: {n}");
    }
    if report.retained > 0 {
        println!("kept: {} audit-log entries (append-only record of processing)", report.retained);
    }
    println!("{what} in {} records; audited as subject {}", report.total(), &report.subject_hash[..16]);
}

pub async fn run(command: SubjectCommand, pool: &SqlitePool) -> Result<(), CoreError> {
    match command {
        SubjectCommand::Find { who, json } => {
            let s = who.subject()?;
            let found = subject::lookup(pool, &s, &pseudonym_keys()?).await?;
            if json {
                let text = serde_json::to_string_pretty(&found).map_err(|e| CoreError::BadRequest(e.to_string()))?;
                println!("{text}");
                return Ok(());
            }
            for h in &found.hits {
                let mut state = String::new();
                if h.deleted {
                    state.push_str(" (deleted, still stored)");
                }
                if h.retained.is_some() {
                    state.push_str(" (kept: audit log)");
                }
                let how = if h.whole { "" } else { " mention" };
                println!("{}  {}  [{}]  {}{how}: {}{state}", h.table, h.id, h.label, h.column, h.value);
            }
            println!("{} places in {} tables searched", found.hits.len(), found.tables.len());
            Ok(())
        }
        SubjectCommand::Export { who, out, lang } => {
            let s = who.subject()?;
            let engine = engine(pool).await?;
            let done = subject::export(pool, &s, &pseudonym_keys()?, &engine, &out, lang.into()).await?;
            println!("wrote {} and {} ({} places)", done.pdf, done.json, done.hits);
            Ok(())
        }
        SubjectCommand::Correct { who, to } => {
            let report = subject::correct(pool, &who.subject()?, &to, &pseudonym_keys()?).await?;
            print_change("corrected", &report);
            Ok(())
        }
        SubjectCommand::Delete { who, yes } => {
            if !yes {
                return Err(CoreError::BadRequest("erasure cannot be undone: run again with --yes (a backup first: `dealdesk backup --out FILE`)".into()));
            }
            let report = subject::erase(pool, &who.subject()?, &pseudonym_keys()?).await?;
            print_change("erased", &report);
            Ok(())
        }
    }
}
