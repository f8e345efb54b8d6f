//! `dealdesk contract template …`: contract templates as JSON files — check one (unknown
//! placeholders and clause keys named, then the risk rules with the house terms), save it as
//! the kind's new version, or write the default of a kind.

use super::contract::{read, KindArg};
use clap::Subcommand;
use dealdesk_core::contract::{self, store, template_file, KeyTerms};
use dealdesk_core::store::SqlitePool;
use dealdesk_core::CoreError;
use std::path::PathBuf;

#[derive(Subcommand, Debug)]
pub enum TemplateCommand {
    /// Check a template file: unknown placeholders and clause keys, named; then the risk rules
    /// with the house terms.
    Check { file: PathBuf },
    /// Save a template file as the kind's new version (after the same check).
    Save { file: PathBuf },
    /// Write the default template of a kind with its clauses.
    Export {
        #[arg(long, value_enum)]
        kind: KindArg,
        #[arg(long, value_name = "FILE.json")]
        out: PathBuf,
    },
}

pub async fn run(command: TemplateCommand, pool: &SqlitePool) -> Result<(), CoreError> {
    match command {
        TemplateCommand::Export { kind, out } => {
            let file = template_file::export_default(kind.into());
            let json = serde_json::to_vec_pretty(&file).map_err(|e| CoreError::BadRequest(e.to_string()))?;
            dealdesk_core::pdf::write_atomically(&out, &json)?;
            println!("{}", out.display());
        }
        TemplateCommand::Check { file } => {
            let name = file.display().to_string();
            let parsed = template_file::parse(&name, &read(&file)?)?;
            let mut conn = pool.acquire().await?;
            let library = store::clauses(&mut conn).await?;
            store::check_template(&parsed.template, &parsed.clauses, &library).map_err(|e| CoreError::BadRequest(format!("{name}: {e}")))?;
            let mut all = parsed.clauses.clone();
            all.extend(library.into_iter().filter(|l| !parsed.clauses.iter().any(|c| c.key == l.key)));
            let filled = contract::sample_filled(&parsed.template, &all, &KeyTerms::default())?;
            let findings = dealdesk_core::risk::rules::check(&dealdesk_core::risk::contract_subject(parsed.template.kind, &KeyTerms::default(), &filled), &Default::default());
            println!("{name}: placeholders and clause keys are valid ({} clauses)", parsed.template.clauses.len());
            for f in &findings {
                println!("  {} {} §{} {}", f.rule, f.severity.code(), f.clause.map_or_else(|| "-".into(), |c| c.to_string()), f.detail);
            }
        }
        TemplateCommand::Save { file } => {
            let name = file.display().to_string();
            let parsed = template_file::parse(&name, &read(&file)?)?;
            let mut tx = pool.begin().await?;
            let version = store::save_template(&mut tx, &parsed.template, &parsed.clauses).await.map_err(|e| CoreError::BadRequest(format!("{name}: {e}")))?;
            tx.commit().await?;
            println!("template {} saved as version {version}", parsed.template.kind.code());
        }
    }
    Ok(())
}
