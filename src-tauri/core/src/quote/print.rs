//! Print settings for quotes (and later contracts): the letterhead (company, address, tax
//! number, bank account, phone, logo), the 大写 options, and an explicit font file. Kept in the
//! `settings` table; the logo separately, base64-encoded, so the rest stays small.

use crate::error::{CoreError, CoreResult, FieldCode};
use crate::settings;
use crate::validate::Checker;
use crate::words::ZhOptions;
use base64::Engine as _;
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;
use ts_rs::TS;

const KEY: &str = "print.settings";
const LOGO_KEY: &str = "print.logo";
/// Largest logo accepted: it is embedded in every PDF.
pub const MAX_LOGO_BYTES: usize = 512 * 1024;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct PrintSettings {
    pub company_name: String,
    pub address: String,
    pub tax_number: String,
    pub bank_name: String,
    pub bank_account: String,
    pub phone: String,
    /// A font file to use instead of the system's CJK font (empty: find one).
    pub font_path: String,
    pub words: ZhOptions,
    /// Whether a logo is stored (the bytes travel separately).
    pub has_logo: bool,
}

impl PrintSettings {
    pub fn validate(&self) -> CoreResult<()> {
        let mut c = Checker::new();
        c.text("company_name", &self.company_name, 200, false);
        c.text("address", &self.address, 400, false);
        c.text("tax_number", &self.tax_number, 40, false);
        c.text("bank_name", &self.bank_name, 200, false);
        c.text("bank_account", &self.bank_account, 60, false);
        c.text("phone", &self.phone, 60, false);
        let font = self.font_path.trim();
        if !font.is_empty() && !std::path::Path::new(font).is_file() {
            c.fail("font_path", FieldCode::InvalidReference, format!("{font} is not a file"));
        }
        c.finish()
    }
}

pub async fn load(conn: &mut SqliteConnection) -> CoreResult<PrintSettings> {
    let mut s: PrintSettings = match settings::get(conn, KEY).await? {
        None => PrintSettings::default(),
        Some(json) => serde_json::from_str(&json).map_err(|e| CoreError::BadRequest(format!("the saved print settings are unreadable: {e}")))?,
    };
    s.has_logo = settings::get(conn, LOGO_KEY).await?.is_some_and(|l| !l.is_empty());
    Ok(s)
}

pub async fn save(conn: &mut SqliteConnection, s: &PrintSettings) -> CoreResult<()> {
    s.validate()?;
    let json = serde_json::to_string(s).map_err(|e| CoreError::BadRequest(e.to_string()))?;
    settings::put(conn, KEY, &json).await
}

/// The stored logo's bytes (PNG or JPEG).
pub async fn logo(conn: &mut SqliteConnection) -> CoreResult<Option<Vec<u8>>> {
    match settings::get(conn, LOGO_KEY).await? {
        Some(text) if !text.is_empty() => {
            base64::engine::general_purpose::STANDARD.decode(text).map(Some).map_err(|e| CoreError::BadRequest(format!("the saved logo is unreadable: {e}")))
        }
        _ => Ok(None),
    }
}

/// Stores (or with `None`, removes) the logo; only PNG and JPEG up to 512 KB.
pub async fn set_logo(conn: &mut SqliteConnection, bytes: Option<&[u8]>) -> CoreResult<()> {
    let Some(bytes) = bytes else { return settings::put(conn, LOGO_KEY, "").await };
    let mut c = Checker::new();
    if bytes.len() > MAX_LOGO_BYTES {
        c.fail("logo", FieldCode::OutOfRange, format!("is larger than {} KB", MAX_LOGO_BYTES / 1024));
    } else if !(bytes.starts_with(b"\x89PNG\r\n\x1a\n") || bytes.starts_with(&[0xFF, 0xD8, 0xFF])) {
        c.fail("logo", FieldCode::UnknownValue, "must be a PNG or JPEG image");
    }
    c.finish()?;
    settings::put(conn, LOGO_KEY, &base64::engine::general_purpose::STANDARD.encode(bytes)).await
}
