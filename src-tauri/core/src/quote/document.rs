//! From a quote to the document the PDF engine prints: the computed totals, the amount in
//! words (大写 for CNY unless the labels are English-only, English otherwise), the letterhead
//! from the print settings, and the DRAFT watermark on anything not yet approved. Internal
//! columns (cost, margin) are left behind here.

use super::model::{Labels, Paper, Quote, QuoteLine, QuoteStatus};
use super::print::PrintSettings;
use super::totals::Totals;
use crate::error::{CoreError, CoreResult};
use crate::pdf::quote as doc;
use crate::words::{self, Lang};
use chrono::NaiveDate;

/// Printed on every page of a quote that is not approved.
pub const DRAFT_WATERMARK: &str = "草稿 DRAFT";

/// What the printed customer block shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CustomerDetails {
    pub name: String,
    pub address: String,
    pub contact_name: String,
    pub phone: String,
    pub email: String,
}

/// The amount in words for a total: Chinese 大写 for CNY (unless the labels are English only),
/// English for every other currency; plus the English line on bilingual CNY quotes.
pub fn total_in_words(total: rust_decimal::Decimal, currency: &str, labels: Labels, settings: &PrintSettings) -> CoreResult<(String, Option<String>)> {
    let zh_first = currency.eq_ignore_ascii_case("CNY") && labels != Labels::En;
    if zh_first {
        let zh = words::amount_in_words(total, currency, Lang::Zh, &settings.words)?;
        let en = if labels == Labels::Bilingual { Some(words::amount_in_words(total, currency, Lang::En, &settings.words)?) } else { None };
        Ok((zh, en))
    } else {
        Ok((words::amount_in_words(total, currency, Lang::En, &settings.words)?, None))
    }
}

/// Fields shared by a stored quote and a quote described in a JSON file.
pub struct Printable<'a> {
    pub number: Option<String>,
    pub revision: u32,
    pub status: QuoteStatus,
    pub date: NaiveDate,
    pub valid_until: NaiveDate,
    pub currency: &'a str,
    pub tax_inclusive: bool,
    pub labels: Labels,
    pub paper: Paper,
    pub lines: &'a [QuoteLine],
    pub totals: &'a Totals,
    pub notes: &'a str,
    pub terms: &'a str,
    pub customer: CustomerDetails,
}

pub fn build(p: Printable<'_>, settings: &PrintSettings, logo: Option<Vec<u8>>) -> CoreResult<doc::QuoteDocument> {
    let (amount_in_words, amount_in_words_en) = total_in_words(p.totals.total, p.currency, p.labels, settings)?;
    let lines = p
        .lines
        .iter()
        .zip(&p.totals.lines)
        .enumerate()
        .map(|(i, (l, t))| doc::QuoteLine {
            no: u32::try_from(i + 1).unwrap_or(u32::MAX),
            sku: l.sku.clone(),
            description: l.description.clone(),
            unit: l.unit.clone(),
            quantity: l.quantity,
            unit_price: l.unit_price,
            discount_pct: l.discount_pct,
            amount: t.amount,
        })
        .collect();
    let terms = [p.terms.trim(), p.notes.trim()].iter().filter(|t| !t.is_empty()).copied().collect::<Vec<_>>().join("\n\n");
    Ok(doc::QuoteDocument {
        paper: match p.paper {
            Paper::A4 => doc::Paper::A4,
            Paper::Letter => doc::Paper::Letter,
        },
        labels: match p.labels {
            Labels::Bilingual => doc::Labels::Bilingual,
            Labels::Zh => doc::Labels::Zh,
            Labels::En => doc::Labels::En,
        },
        letterhead: doc::Letterhead {
            company_name: settings.company_name.clone(),
            address: settings.address.clone(),
            tax_number: settings.tax_number.clone(),
            bank_name: settings.bank_name.clone(),
            bank_account: settings.bank_account.clone(),
            phone: settings.phone.clone(),
            logo,
        },
        customer: doc::CustomerBlock {
            name: p.customer.name.clone(),
            address: p.customer.address,
            contact_name: p.customer.contact_name,
            phone: p.customer.phone,
            email: p.customer.email,
        },
        number: p.number,
        date: p.date,
        valid_until: Some(p.valid_until),
        currency: p.currency.to_string(),
        revision: p.revision,
        lines,
        totals: doc::Totals {
            subtotal: p.totals.subtotal,
            discount: p.totals.discount,
            tax_lines: p.totals.taxes.iter().map(|t| doc::TaxLine { rate_pct: t.rate_pct, amount: t.tax }).collect(),
            total: p.totals.total,
            tax_inclusive: p.tax_inclusive,
        },
        amount_in_words,
        amount_in_words_en,
        terms,
        signatures: doc::Signatures { buyer: p.customer.name, seller: settings.company_name.clone() },
        watermark: if p.status.is_final() { None } else { Some(DRAFT_WATERMARK.to_string()) },
    })
}

fn date(text: &str, field: &str) -> CoreResult<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|e| CoreError::BadRequest(format!("{field} '{text}' is not a date: {e}")))
}

/// The printable form of a stored quote.
pub fn from_quote(q: &Quote, customer: CustomerDetails, settings: &PrintSettings, logo: Option<Vec<u8>>) -> CoreResult<doc::QuoteDocument> {
    build(
        Printable {
            number: q.number.clone(),
            revision: q.revision,
            status: q.status,
            date: date(&q.quote_date, "quote_date")?,
            valid_until: date(&q.valid_until, "valid_until")?,
            currency: &q.currency,
            tax_inclusive: q.tax_inclusive,
            labels: q.labels,
            paper: q.paper,
            lines: &q.lines,
            totals: &q.totals,
            notes: &q.notes,
            terms: &q.terms,
            customer,
        },
        settings,
        logo,
    )
}
