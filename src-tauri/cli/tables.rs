//! `dealdesk import`, `dealdesk export` and `dealdesk demo`: a table from or to a CSV/XLSX
//! file (the export masked through a policy when one is named), and demo data in every table.

use super::{bar, sink, Format, Table};
use dealdesk_core::store::{self, SqlitePool};
use dealdesk_core::tabular::{export, import, FileFormat, TableName};
use dealdesk_core::{demo, settings, CoreError};
use std::path::{Path, PathBuf};

/// Imports `file` into `table`, all or nothing, with a progress bar.
pub async fn import_file(pool: &SqlitePool, table: Table, file: &Path) -> Result<(), CoreError> {
    let bytes = std::fs::read(file).map_err(|e| CoreError::io(format!("cannot read {}", file.display()), e))?;
    let name = file.display().to_string();
    let progress = bar("importing");
    let result = import::import(pool, table.into(), &name, &bytes, &sink(&progress)).await;
    progress.finish_and_clear();
    let report = result?;
    println!(
        "imported {} row(s) into {} from {} ({} new, {} updated)",
        report.inserted + report.updated,
        report.table,
        name,
        report.inserted,
        report.updated
    );
    Ok(())
}

/// Exports `table` to `file` (format from `format` or the extension), masked under `policy`.
pub async fn export_file(pool: &SqlitePool, keys: &store::OsKeychain, table: Table, file: Option<PathBuf>, format: Option<Format>, policy: Option<&str>) -> Result<(), CoreError> {
    let file = file.ok_or_else(|| CoreError::BadRequest("say where to write: FILE or --out FILE".into()))?;
    let format = match format {
        Some(Format::Csv) => FileFormat::Csv,
        Some(Format::Xlsx) => FileFormat::Xlsx,
        None => FileFormat::from_file_name(&file.display().to_string())
            .ok_or_else(|| CoreError::BadRequest(format!("{}: cannot tell the format from the extension; use .csv or .xlsx, or --format", file.display())))?,
    };
    let policy = policy.map(dealdesk_core::masking::policy::Policy::resolve).transpose()?;
    let pseudonyms = match &policy {
        Some(p) if p.needs_keys() => Some(dealdesk_core::masking::keys::get_or_create(keys)?),
        _ => None,
    };
    let masker = policy.as_ref().map(|p| dealdesk_core::masking::apply::Masker { policy: p, keys: pseudonyms.as_ref() });
    let rows = export::export_masked(pool, table.into(), format, &file, masker.as_ref()).await?;
    let how = policy.as_ref().map(|p| format!(" (masked with policy {})", p.name)).unwrap_or_default();
    println!("exported {rows} row(s) of {} to {}{how}", TableName::from(table), file.display());
    Ok(())
}

/// Adds demo data to the database at `db` and marks it onboarded (no first-run guide).
pub async fn demo(pool: &SqlitePool, db: &Path, counts: demo::DemoCounts) -> Result<(), CoreError> {
    let progress = bar("demo data");
    let made = demo::fill(pool, counts, &sink(&progress)).await?;
    progress.finish_and_clear();
    let mut conn = pool.acquire().await?;
    settings::set_onboarded(&mut conn).await?;
    println!(
        "demo data added to {}: {} customers, {} contacts, {} products, {} opportunities",
        db.display(),
        made.customers,
        made.contacts,
        made.products,
        made.opportunities
    );
    Ok(())
}
