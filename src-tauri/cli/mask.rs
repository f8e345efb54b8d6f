//! `dealdesk mask scan|apply|reveal`: personal data in files, found or masked without opening
//! the database (the pseudonymisation key comes from the credential store, and only when a
//! policy hashes or tokenises). Scan output never holds the matched text unless `--show`.

use clap::{Subcommand, ValueEnum};
use dealdesk_core::masking::apply::{utf8, Masker};
use dealdesk_core::masking::detect::detect;
use dealdesk_core::masking::keys::{self, MaskingKeys};
use dealdesk_core::masking::policy::Policy;
use dealdesk_core::{store, CoreError};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Subcommand, Debug)]
pub enum MaskCommand {
    /// Find personal data in a file: one JSON object per detection, character offsets into the
    /// UTF-8 text ({"kind","start","end","confidence","basis"}).
    Scan {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = ScanFormat::Jsonl)]
        format: ScanFormat,
        /// Also print the matched text (personal data in clear).
        #[arg(long)]
        show: bool,
    },
    /// Mask a CSV, XLSX or text file through a policy; the output is written whole or not at all.
    Apply {
        #[arg(long = "in", value_name = "FILE")]
        input: PathBuf,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// default, admin, sales_ops, legal, distributor, trade_show, or a JSON policy file.
        #[arg(long, default_value = "default", value_name = "NAME|FILE")]
        policy: String,
    },
    /// Turn a `tok:…` token back into its value (needs this computer's pseudonymisation key).
    Reveal { token: String },
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScanFormat {
    Jsonl,
    Text,
}

/// Runs a mask command; no data dir, database or window is touched.
pub fn run(command: &MaskCommand) -> ExitCode {
    let result = match command {
        MaskCommand::Scan { file, format, show } => scan(file, *format, *show),
        MaskCommand::Apply { input, out, policy } => apply(input, out, policy),
        MaskCommand::Reveal { token } => pseudonym_keys().and_then(|k| k.reveal(token)).map(|clear| println!("{clear}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

pub(crate) fn pseudonym_keys() -> Result<MaskingKeys, CoreError> {
    keys::get_or_create(&store::OsKeychain::new())
}

fn scan(file: &Path, format: ScanFormat, show: bool) -> Result<(), CoreError> {
    let name = file.display().to_string();
    let bytes = std::fs::read(file).map_err(|e| CoreError::io(format!("cannot read {name}"), e))?;
    let text = utf8(&name, &bytes)?;
    let found = detect(text);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let (mut line, mut line_start, mut at) = (1usize, 0usize, 0usize);
    let mut written = || -> std::io::Result<()> {
        for d in &found {
            let matched = &text[d.bytes.clone()];
            match format {
                ScanFormat::Jsonl => {
                    // Rounded, so 0.7 prints as 0.7 and not as the f32's 0.699999988….
                    let confidence = (f64::from(d.confidence) * 1000.0).round() / 1000.0;
                    let mut obj = serde_json::json!({"kind": d.kind, "start": d.start, "end": d.end, "confidence": confidence, "basis": d.basis});
                    if show {
                        obj["text"] = serde_json::Value::String(matched.to_string());
                    }
                    writeln!(out, "{obj}")?;
                }
                ScanFormat::Text => {
                    for nl in newlines(&text.as_bytes()[at..d.bytes.start]) {
                        line += 1;
                        line_start = at + nl + 1;
                    }
                    at = d.bytes.start;
                    let column = text[line_start..d.bytes.start].chars().count() + 1;
                    let shown = if show { format!("  {matched}") } else { String::new() };
                    writeln!(out, "line {line}, column {column} (chars {}..{}): {} ({:.2}, {:?}){shown}", d.start, d.end, d.kind, d.confidence, d.basis)?;
                }
            }
        }
        out.flush()
    };
    match written() {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
        Err(e) => return Err(CoreError::io("cannot write the scan results", e)),
    }
    eprintln!("{}: {} detection(s)", name, found.len());
    Ok(())
}

fn newlines(b: &[u8]) -> impl Iterator<Item = usize> + '_ {
    b.iter().enumerate().filter(|(_, c)| **c == b'\n').map(|(i, _)| i)
}

fn apply(input: &Path, out: &Path, policy: &str) -> Result<(), CoreError> {
    let policy = Policy::resolve(policy)?;
    let keys = if policy.needs_keys() { Some(pseudonym_keys()?) } else { None };
    let masker = Masker { policy: &policy, keys: keys.as_ref() };
    let report = masker.file(input, out)?;
    let by_kind: Vec<String> = report.masked.iter().map(|(k, n)| format!("{k}: {n}")).collect();
    println!(
        "masked {} value(s) in {} row(s) of {} into {} (policy {}{}{})",
        report.total(),
        report.rows,
        input.display(),
        out.display(),
        report.policy,
        if by_kind.is_empty() { "" } else { "; " },
        by_kind.join(", ")
    );
    Ok(())
}
