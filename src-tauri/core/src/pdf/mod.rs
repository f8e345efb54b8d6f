//! The PDF engine: system CJK font discovery, line-item tables that break across pages, and
//! quote rendering (later contracts and statements reuse `layout` and `canvas`).
//!
//! Why PDF objects are written here rather than through printpdf 0.12: printpdf took 19–23 ms
//! per document with Noto Sans CJK (it clones the parsed font into every document and
//! subsets through allsorts), above the whole 4 ms budget of a 60-line quote. A text-and-lines
//! document needs few objects (pages, Type0/CID fonts, ToUnicode, images); writing them here,
//! with `subsetter` for TrueType, a glyph cache for CFF (`cff.rs`) and content streams that
//! only write state changes, gives ~3 ms per 60-line quote. bench/pdf/RESULTS.md has the numbers.
//!
//! Modules: `fonts` (discovery, face choice, metrics), `text` (measure, wrap), `canvas` (page
//! content), `layout` (page flow, footers, tables), `quote` (the quote model and its layout),
//! `writer` (PDF objects), `cff` (CFF subsets), `image` (logos), `format` (numbers).
//!
//! Invariants: text is always embedded as a subset CID font with a ToUnicode CMap (so text
//! extraction returns exactly what was drawn); nothing is drawn in the footer zone but the
//! footer; the font is parsed once per [`PdfEngine`], never per document.

mod battlecard;
mod canvas;
mod cff;
pub mod contract;
mod dashboard;
pub mod fonts;
mod format;
mod image;
mod layout;
mod matrix;
pub mod quote;
mod quote_closing;
mod quote_layout;
pub mod review;
mod sample;
pub mod statement;
pub mod subject;
mod text;
mod writer;

use crate::error::{CoreError, CoreResult};
pub use battlecard::BattlecardLang;
pub use fonts::{find_system_cjk_font, FontSet};
pub(crate) use format::money as format_money;
pub use quote::QuoteDocument;
pub use sample::sample_quote;
use std::hash::{Hash, Hasher};
use std::path::Path;
use std::sync::{Arc, Mutex};

/// Fonts parsed once, plus the last encoded logo; create one and reuse it for every render.
/// `Sync`: one engine may serve concurrent renders.
#[derive(Debug)]
pub struct PdfEngine {
    fonts: FontSet,
    logo_cache: Mutex<Option<(u64, Arc<image::Image>)>>,
}

impl PdfEngine {
    pub fn new(fonts: FontSet) -> Self {
        Self { fonts, logo_cache: Mutex::new(None) }
    }

    /// Loads the font chosen in Settings › PDF (`explicit`), else `$DEALDESK_PDF_FONT`, else a
    /// system CJK font. Errors with what to install when there is none.
    pub fn load(explicit_font: Option<&Path>) -> CoreResult<Self> {
        Ok(Self::new(FontSet::load(explicit_font)?))
    }

    pub fn fonts(&self) -> &FontSet {
        &self.fonts
    }

    /// The quote as PDF bytes.
    pub fn render_quote(&self, doc: &QuoteDocument) -> CoreResult<Vec<u8>> {
        quote::render(self, doc)
    }

    /// The contract as PDF bytes.
    pub fn render_contract(&self, doc: &contract::ContractDocument) -> CoreResult<Vec<u8>> {
        contract::render(self, doc)
    }

    /// The dashboard as the weekly report (销售周报); `scope` names the filters applied.
    pub fn render_dashboard(&self, d: &crate::report::dashboard::Dashboard, scope: &str, generated: &str) -> CoreResult<Vec<u8>> {
        dashboard::render(self, d, scope, generated)
    }

    /// Legal's review report of one contract (flags, decisions, sign-off, history).
    pub fn render_review_report(&self, doc: &review::ReviewReportDocument) -> CoreResult<Vec<u8>> {
        review::render(self, doc)
    }

    /// The answer to a subject access request (PIPL art. 45): what is stored about one person.
    pub fn render_subject_report(&self, doc: &subject::SubjectReportDocument) -> CoreResult<Vec<u8>> {
        subject::render(self, doc)
    }

    /// A partner or rep statement (对账单), bilingual.
    pub fn render_statement(&self, s: &crate::partner::Statement, header: &statement::StatementHeader<'_>) -> CoreResult<Vec<u8>> {
        statement::render(self, s, header)
    }

    /// The whole competitor matrix, landscape, columns continued on further pages.
    pub fn render_matrix(&self, data: &crate::matrix::MatrixData, today: chrono::NaiveDate) -> CoreResult<Vec<u8>> {
        matrix::render(self, data, today)
    }

    /// A one-page battlecard for competitor `them` against the matrix's own product.
    pub fn render_battlecard(&self, data: &crate::matrix::MatrixData, them: crate::ids::CompetitorId, notes: &crate::matrix::BattlecardNotes, lang: BattlecardLang, today: chrono::NaiveDate) -> CoreResult<Vec<u8>> {
        battlecard::render(self, data, them, notes, lang, today)
    }

    /// Renders the quote and writes it to `path` atomically (no half-written file on a crash).
    pub fn render_quote_to_file(&self, doc: &QuoteDocument, path: &Path) -> CoreResult<()> {
        let bytes = self.render_quote(doc)?;
        write_atomically(path, &bytes)
    }

    /// The encoded logo, decoded at most once per distinct image.
    pub(crate) fn logo(&self, bytes: &[u8]) -> CoreResult<Arc<image::Image>> {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        bytes.hash(&mut h);
        let key = h.finish();
        if let Ok(cache) = self.logo_cache.lock() {
            if let Some((k, img)) = cache.as_ref() {
                if *k == key {
                    return Ok(img.clone());
                }
            }
        }
        let img = Arc::new(image::decode(bytes)?);
        if let Ok(mut cache) = self.logo_cache.lock() {
            *cache = Some((key, img.clone()));
        }
        Ok(img)
    }
}

/// Writes `bytes` to a temporary file beside `path`, syncs it and renames it into place.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> CoreResult<()> {
    use std::io::Write;
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let io = |e: std::io::Error| CoreError::io(format!("cannot write {}", path.display()), e);
    let mut tmp = tempfile::Builder::new().prefix(".dealdesk-").suffix(".part").tempfile_in(dir).map_err(io)?;
    tmp.as_file_mut().write_all(bytes).map_err(io)?;
    #[cfg(unix)]
    {
        // tempfile creates 0600; a saved document is an ordinary file.
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file().set_permissions(std::fs::Permissions::from_mode(0o644)).map_err(io)?;
    }
    tmp.as_file_mut().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}
