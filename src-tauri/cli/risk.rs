//! `dealdesk risk check FILE`: the contract risk rules over a plain-text or .docx contract (zh
//! or en), one JSON object per flag and line (`--format text` for people). Opens no database;
//! exits 3 when a high-severity flag is found, 0 otherwise.

use clap::{Subcommand, ValueEnum};
use dealdesk_core::risk::{self, catalog, docx, Severity};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Subcommand, Debug)]
pub enum RiskCommand {
    /// Run the rules over a .txt or .docx contract and print the flags.
    Check {
        file: PathBuf,
        #[arg(long, value_enum, default_value = "json")]
        format: FormatArg,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum FormatArg {
    Json,
    Text,
}

fn line_col(text: &str, char_offset: usize) -> (usize, usize) {
    let before: String = text.chars().take(char_offset).collect();
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

pub fn run(command: &RiskCommand) -> ExitCode {
    let RiskCommand::Check { file, format } = command;
    let name = file.display().to_string();
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: cannot read {name}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let text = if docx::is_docx(&bytes) {
        match docx::text(&name, &bytes) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        match String::from_utf8(bytes) {
            Ok(t) => t.trim_start_matches('\u{feff}').to_string(),
            Err(_) => {
                eprintln!("error: {name} is neither UTF-8 text nor a .docx file");
                return ExitCode::FAILURE;
            }
        }
    };
    let findings = risk::check_text(&text, &catalog::RiskThresholds::default());
    for f in &findings {
        let info = catalog::info(f.rule);
        match format {
            FormatArg::Json => {
                let v = serde_json::json!({
                    "rule": f.rule,
                    "category": f.category.code(),
                    "severity": f.severity.code(),
                    "excerpt": f.excerpt,
                    "start": f.start,
                    "end": f.end,
                    "detail": f.detail,
                    "why": info.map(|i| i.why_en),
                    "why_zh": info.map(|i| i.why_zh),
                });
                println!("{v}");
            }
            FormatArg::Text => {
                let place = if f.excerpt.is_empty() {
                    "whole text".to_string()
                } else {
                    let (line, col) = line_col(&text, f.start);
                    format!("line {line}, column {col}")
                };
                println!("{} {:<6} [{}] {place}: {}", f.rule, f.severity.code(), f.category.label_zh(), info.map_or("", |i| i.why_en));
                if !f.excerpt.is_empty() {
                    println!("    «{}»{}", f.excerpt, if f.detail.is_empty() { String::new() } else { format!(" ({})", f.detail) });
                } else if !f.detail.is_empty() {
                    println!("    ({})", f.detail);
                }
            }
        }
    }
    if matches!(format, FormatArg::Text) {
        println!("{name}: {} flag(s), {} high", findings.len(), findings.iter().filter(|f| f.severity == Severity::High).count());
    }
    if findings.iter().any(|f| f.severity == Severity::High) {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    }
}
