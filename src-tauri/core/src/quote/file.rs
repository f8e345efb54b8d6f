//! A quote described in a JSON file (`dealdesk quote render --input FILE.json`), for scripts
//! and for printing without a database. The format is documented in docs/quote-json.md.
//! Amounts may be JSON strings ("12.50", exact) or numbers (12.5); a number with more
//! significant digits than a double keeps exactly is refused rather than silently changed.

use super::document::{build, CustomerDetails, Printable};
use super::model::{Labels, Paper, QuoteInput, QuoteLineInput, QuoteStatus};
use super::print::PrintSettings;
use super::totals;
use crate::error::{CoreError, CoreResult};
use crate::pdf::quote::QuoteDocument;
use crate::validate::Checker;
use serde::{Deserialize, Deserializer};

/// Most bytes a quote file may have (a 2,000-line quote is well under 2 MB).
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;

/// Accepts `"12.50"` or `12.5`; refuses numbers a double cannot hold exactly as written.
fn amount<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    use serde::de::Error;
    match serde_json::Value::deserialize(d)? {
        serde_json::Value::String(s) => Ok(s),
        serde_json::Value::Null => Ok(String::new()),
        serde_json::Value::Number(n) => {
            let text = n.to_string();
            let digits = text.chars().filter(char::is_ascii_digit).collect::<String>();
            if n.is_f64() && digits.trim_start_matches('0').len() > 15 {
                return Err(D::Error::custom(format!("{text} has too many digits for a JSON number; write it as a string (\"{text}\")")));
            }
            Ok(text)
        }
        other => Err(D::Error::custom(format!("expected an amount (\"12.50\" or 12.5), found {other}"))),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FileLetterhead {
    pub company_name: String,
    pub address: String,
    pub tax_number: String,
    pub bank_name: String,
    pub bank_account: String,
    pub phone: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileCustomer {
    pub name: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub contact_name: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileLine {
    #[serde(default)]
    pub sku: String,
    pub description: String,
    #[serde(default)]
    pub unit: String,
    #[serde(deserialize_with = "amount")]
    pub quantity: String,
    #[serde(deserialize_with = "amount")]
    pub unit_price: String,
    #[serde(default, deserialize_with = "amount")]
    pub discount_pct: String,
    #[serde(default, deserialize_with = "amount")]
    pub tax_rate_pct: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuoteFile {
    #[serde(default)]
    pub letterhead: FileLetterhead,
    pub customer: FileCustomer,
    #[serde(default)]
    pub number: Option<String>,
    /// `draft` (default: printed with the DRAFT watermark) or `approved`, `sent`, `accepted`.
    #[serde(default)]
    pub status: Option<QuoteStatus>,
    #[serde(default)]
    pub revision: Option<u32>,
    pub currency: String,
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub valid_until: String,
    #[serde(default)]
    pub tax_inclusive: bool,
    #[serde(default, deserialize_with = "amount")]
    pub discount_pct: String,
    #[serde(default)]
    pub labels: Labels,
    #[serde(default)]
    pub paper: Paper,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub terms: String,
    pub lines: Vec<FileLine>,
}

/// Parses and checks a quote file; every problem names its field (`lines[2].quantity`).
pub fn parse(file_name: &str, bytes: &[u8]) -> CoreResult<QuoteFile> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(CoreError::BadRequest(format!("{file_name}: larger than {} MB", MAX_FILE_BYTES / 1024 / 1024)));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| CoreError::BadRequest(format!("{file_name}: not UTF-8 text ({e})")))?;
    serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| CoreError::BadRequest(format!("{file_name}: {e}")))
}

/// The quote input a file describes, for a stored customer (`dealdesk quote create`).
pub fn to_input(file: &QuoteFile, customer_id: String) -> QuoteInput {
    QuoteInput {
        customer_id,
        currency: file.currency.clone(),
        discount_pct: file.discount_pct.clone(),
        tax_inclusive: file.tax_inclusive,
        quote_date: file.date.clone(),
        valid_until: file.valid_until.clone(),
        labels: file.labels,
        paper: file.paper,
        notes: file.notes.clone(),
        terms: file.terms.clone(),
        lines: file
            .lines
            .iter()
            .map(|l| QuoteLineInput {
                sku: l.sku.clone(),
                description: l.description.clone(),
                unit: l.unit.clone(),
                quantity: l.quantity.clone(),
                unit_price: l.unit_price.clone(),
                discount_pct: l.discount_pct.clone(),
                tax_rate_pct: l.tax_rate_pct.clone(),
                ..QuoteLineInput::default()
            })
            .collect(),
        ..QuoteInput::default()
    }
}

/// The printable document for a quote file, with totals and words computed here.
pub fn document(file: &QuoteFile, settings: &PrintSettings, today: chrono::NaiveDate) -> CoreResult<QuoteDocument> {
    let input = to_input(file, String::new());
    let mut c = Checker::new();
    let fields = input.check(&mut c, today, 30);
    c.text("customer.name", &file.customer.name, 200, true);
    if file.lines.is_empty() {
        c.fail("lines", crate::error::FieldCode::Required, "a quote needs at least one line");
    }
    c.finish()?;
    let t = totals::compute(&fields.lines.iter().map(super::QuoteLine::priced).collect::<Vec<_>>(), fields.discount_pct, fields.tax_inclusive, &fields.currency);
    let mut settings = settings.clone();
    let lh = &file.letterhead;
    for (target, value) in [
        (&mut settings.company_name, &lh.company_name),
        (&mut settings.address, &lh.address),
        (&mut settings.tax_number, &lh.tax_number),
        (&mut settings.bank_name, &lh.bank_name),
        (&mut settings.bank_account, &lh.bank_account),
        (&mut settings.phone, &lh.phone),
    ] {
        if !value.trim().is_empty() {
            *target = value.trim().to_string();
        }
    }
    build(
        Printable {
            number: file.number.clone().filter(|n| !n.trim().is_empty()),
            revision: file.revision.unwrap_or(1),
            status: file.status.unwrap_or(QuoteStatus::Draft),
            date: fields.quote_date,
            valid_until: fields.valid_until,
            currency: &fields.currency,
            tax_inclusive: fields.tax_inclusive,
            labels: fields.labels,
            paper: fields.paper,
            lines: &fields.lines,
            totals: &t,
            notes: &fields.notes,
            terms: &fields.terms,
            customer: CustomerDetails {
                name: file.customer.name.trim().to_string(),
                address: file.customer.address.clone(),
                contact_name: file.customer.contact_name.clone(),
                phone: file.customer.phone.clone(),
                email: file.customer.email.clone(),
            },
        },
        &settings,
        None,
    )
}
