//! Printing stored quotes: one by number, or a batch to a folder. A batch is all-or-nothing:
//! every PDF is rendered into a hidden staging folder first, and the folder is renamed into
//! place only when all of them succeeded, so a failure (or a crash) leaves no partial set.

use super::document::{from_quote, CustomerDetails};
use super::model::{Quote, QuoteStatus};
use super::{print, store};
use crate::error::{CoreError, CoreResult};
use crate::ids::QuoteId;
use crate::pdf::PdfEngine;
use crate::progress::Progress;
use sqlx::{SqliteConnection, SqlitePool};
use std::path::{Path, PathBuf};

/// The customer block of a printed quote: the customer's name and its first contact.
pub async fn customer_details(conn: &mut SqliteConnection, customer_id: &str) -> CoreResult<CustomerDetails> {
    let name: Option<String> = sqlx::query_scalar("SELECT name FROM customers WHERE id = ?").bind(customer_id).fetch_optional(&mut *conn).await?;
    let contact: Option<(String, String, String)> =
        sqlx::query_as("SELECT name, mobile, email FROM contacts WHERE customer_id = ? AND deleted_at IS NULL ORDER BY created_at, id LIMIT 1")
            .bind(customer_id)
            .fetch_optional(&mut *conn)
            .await?;
    let (contact_name, phone, email) = contact.unwrap_or_default();
    Ok(CustomerDetails { name: name.unwrap_or_default(), address: String::new(), contact_name, phone, email })
}

/// The PDF of a stored quote.
pub async fn render(pool: &SqlitePool, engine: &PdfEngine, quote: &Quote) -> CoreResult<Vec<u8>> {
    let mut conn = pool.acquire().await?;
    let settings = print::load(&mut conn).await?;
    let logo = print::logo(&mut conn).await?;
    let customer = customer_details(&mut conn, &quote.customer_id).await?;
    drop(conn);
    engine.render_quote(&from_quote(quote, customer, &settings, logo)?)
}

/// A file name for a quote's PDF: its number, or `draft-<id>` before it has one.
pub fn file_name(quote: &Quote) -> String {
    let stem = quote.number.clone().unwrap_or_else(|| format!("draft-{}", quote.id));
    let safe: String = stem.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect();
    format!("{safe}.pdf")
}

/// Renders the quote a number names to `out` (atomically).
pub async fn render_number(pool: &SqlitePool, engine: &PdfEngine, number: &str, out: &Path) -> CoreResult<Quote> {
    let quote = store::find_by_number(pool, number).await?;
    let bytes = render(pool, engine, &quote).await?;
    crate::pdf::write_atomically(out, &bytes)?;
    Ok(quote)
}

/// Where a batch lands: `out_dir` itself when it is new or empty, else a new subfolder
/// `quotes-<UTC time>` inside it, so the batch can appear in one rename.
fn batch_target(out_dir: &Path) -> CoreResult<PathBuf> {
    let empty = match std::fs::read_dir(out_dir) {
        Ok(mut entries) => entries.next().is_none(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => true,
        Err(e) => return Err(CoreError::io(format!("cannot read {}", out_dir.display()), e)),
    };
    if empty {
        Ok(out_dir.to_path_buf())
    } else {
        Ok(out_dir.join(format!("quotes-{}", chrono::Utc::now().format("%Y%m%d-%H%M%S"))))
    }
}

/// Renders the given quotes as one batch, all or none: into a hidden staging folder beside
/// the target, which is renamed into place when every PDF is written (a kill or an error
/// leaves no partial set). Returns the folder and the files in it.
pub async fn render_many(pool: &SqlitePool, engine: &PdfEngine, ids: &[QuoteId], out_dir: &Path, progress: &dyn Progress) -> CoreResult<(PathBuf, Vec<PathBuf>)> {
    let target = batch_target(out_dir)?;
    let parent = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(|e| CoreError::io(format!("cannot create {}", parent.display()), e))?;
    remove_stale_staging(parent);
    let staging = tempfile::Builder::new()
        .prefix(STAGING_PREFIX)
        .tempdir_in(parent)
        .map_err(|e| CoreError::io(format!("cannot write in {}", parent.display()), e))?;
    let total = ids.len() as u64;
    let mut names = Vec::with_capacity(ids.len());
    for (i, id) in ids.iter().enumerate() {
        let quote = store::get(pool, *id).await?;
        let bytes = render(pool, engine, &quote).await?;
        let name = file_name(&quote);
        crate::pdf::write_atomically(&staging.path().join(&name), &bytes)?;
        names.push(name);
        progress.report(i as u64 + 1, total);
    }
    if target.is_dir() {
        // An existing empty folder: replaced by the staged one.
        std::fs::remove_dir(&target).map_err(|e| CoreError::io(format!("cannot replace {}", target.display()), e))?;
    }
    let staged = staging.keep();
    std::fs::rename(&staged, &target).map_err(|e| CoreError::io(format!("cannot write {}", target.display()), e))?;
    tracing::info!(files = names.len(), "quotes rendered");
    let files = names.iter().map(|n| target.join(n)).collect();
    Ok((target, files))
}

const STAGING_PREFIX: &str = ".dealdesk-render-";

/// Staging folders left by a batch that was killed: removed when older than an hour.
fn remove_stale_staging(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let stale = entry.file_name().to_string_lossy().starts_with(STAGING_PREFIX)
            && entry.metadata().and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok()).is_some_and(|age| age.as_secs() > 3600);
        if stale {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Renders every newest revision with `status` (all when `None`) into `out_dir`.
pub async fn render_all(pool: &SqlitePool, engine: &PdfEngine, status: Option<QuoteStatus>, out_dir: &Path, progress: &dyn Progress) -> CoreResult<(PathBuf, Vec<PathBuf>)> {
    let ids = store::ids_with_status(pool, status).await?;
    render_many(pool, engine, &ids, out_dir, progress).await
}
