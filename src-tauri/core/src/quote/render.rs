//! Printing stored quotes: one by number, or a batch to a folder. A batch is all-or-nothing:
//! every PDF is rendered into a hidden staging folder first, and the folder is renamed into
//! place only when all of them succeeded, so a failure (or a crash) leaves no partial set.

use super::document::{from_quote, CustomerDetails};
use super::model::{Quote, QuoteStatus};
use super::{print, store};
use crate::error::CoreResult;
use crate::ids::QuoteId;
use crate::pdf::PdfEngine;
use crate::progress::Progress;
use crate::staged::{safe_file_stem, StagedFolder};
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
    format!("{}.pdf", safe_file_stem(&stem))
}

/// Renders the quote a number names to `out` (atomically).
pub async fn render_number(pool: &SqlitePool, engine: &PdfEngine, number: &str, out: &Path) -> CoreResult<Quote> {
    let quote = store::find_by_number(pool, number).await?;
    let bytes = render(pool, engine, &quote).await?;
    crate::pdf::write_atomically(out, &bytes)?;
    Ok(quote)
}

/// Renders the given quotes as one batch, all or none: into a hidden staging folder beside
/// the target, which is renamed into place when every PDF is written (a kill or an error
/// leaves no partial set). Returns the folder and the files in it.
pub async fn render_many(pool: &SqlitePool, engine: &PdfEngine, ids: &[QuoteId], out_dir: &Path, progress: &dyn Progress) -> CoreResult<(PathBuf, Vec<PathBuf>)> {
    let mut batch = StagedFolder::begin(out_dir, "quotes")?;
    let total = ids.len() as u64;
    for (i, id) in ids.iter().enumerate() {
        let quote = store::get(pool, *id).await?;
        let bytes = render(pool, engine, &quote).await?;
        batch.write(&file_name(&quote), &bytes)?;
        progress.report(i as u64 + 1, total);
    }
    let (target, files) = batch.finish()?;
    tracing::info!(files = files.len(), "quotes rendered");
    Ok((target, files))
}

/// Renders every newest revision with `status` (all when `None`) into `out_dir`.
pub async fn render_all(pool: &SqlitePool, engine: &PdfEngine, status: Option<QuoteStatus>, out_dir: &Path, progress: &dyn Progress) -> CoreResult<(PathBuf, Vec<PathBuf>)> {
    let ids = store::ids_with_status(pool, status).await?;
    render_many(pool, engine, &ids, out_dir, progress).await
}
