//! The quote document: a display model the quote domain fills (all amounts already computed,
//! the amount in words already spelled) and its layout: letterhead, customer and quote facts,
//! the line-item table, totals, amount in words, terms, signature and seal blocks.
//! Internal figures (cost, margin) have no field here on purpose: what is in this model is
//! what the customer sees.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// Width and height in points.
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }
}

/// Language of the printed labels (the data is printed as entered).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Labels {
    /// "报价单 Quotation", "数量 Qty", …
    #[default]
    Bilingual,
    Zh,
    En,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Letterhead {
    pub company_name: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub tax_number: String,
    #[serde(default)]
    pub bank_name: String,
    #[serde(default)]
    pub bank_account: String,
    #[serde(default)]
    pub phone: String,
    /// PNG or JPEG bytes, drawn top-left scaled into a 120 × 48 pt box.
    #[serde(default)]
    pub logo: Option<Vec<u8>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomerBlock {
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

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QuoteLine {
    pub no: u32,
    #[serde(default)]
    pub sku: String,
    /// Any length; wraps, explicit newlines kept.
    pub description: String,
    #[serde(default)]
    pub unit: String,
    pub quantity: Decimal,
    pub unit_price: Decimal,
    /// Percent (10 = 10%); blank when zero.
    #[serde(default)]
    pub discount_pct: Decimal,
    pub amount: Decimal,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TaxLine {
    /// Percent (13 = 13%).
    pub rate_pct: Decimal,
    pub amount: Decimal,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Totals {
    pub subtotal: Decimal,
    /// Document-level discount as a positive amount; the row is omitted when zero.
    #[serde(default)]
    pub discount: Decimal,
    /// One line per tax rate.
    #[serde(default)]
    pub tax_lines: Vec<TaxLine>,
    pub total: Decimal,
    /// Prices include tax: the subtotal and total already hold it, and the tax lines are
    /// printed after the total as "of which".
    #[serde(default)]
    pub tax_inclusive: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Signatures {
    /// Buyer's name under "买方 Buyer" (usually the customer).
    #[serde(default)]
    pub buyer: String,
    /// Seller's name under "卖方 Seller" (usually the letterhead company).
    #[serde(default)]
    pub seller: String,
}

/// Everything a printed quote shows.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QuoteDocument {
    #[serde(default)]
    pub paper: Paper,
    #[serde(default)]
    pub labels: Labels,
    pub letterhead: Letterhead,
    pub customer: CustomerBlock,
    /// `Q-2026-0001-R2`; `None` for a draft that has no number yet.
    #[serde(default)]
    pub number: Option<String>,
    pub date: NaiveDate,
    #[serde(default)]
    pub valid_until: Option<NaiveDate>,
    /// ISO 4217; decides the minor units shown (JPY 0, CNY 2).
    pub currency: String,
    #[serde(default)]
    pub revision: u32,
    pub lines: Vec<QuoteLine>,
    pub totals: Totals,
    /// Already spelled by the caller, e.g. "人民币壹万陆仟肆佰零玖元零贰分".
    #[serde(default)]
    pub amount_in_words: String,
    #[serde(default)]
    pub amount_in_words_en: Option<String>,
    /// Terms and notes; paragraphs separated by newlines.
    #[serde(default)]
    pub terms: String,
    #[serde(default)]
    pub signatures: Signatures,
    /// e.g. "草稿 DRAFT": drawn large, light grey and diagonal behind every page.
    #[serde(default)]
    pub watermark: Option<String>,
}

/// Picks the label text for the language (bilingual: "中文 English").
pub(super) fn l(lang: Labels, zh: &str, en: &str) -> String {
    match lang {
        Labels::Bilingual => format!("{zh} {en}"),
        Labels::Zh => zh.to_string(),
        Labels::En => en.to_string(),
    }
}

/// Header lines of a table column: two lines when bilingual.
pub(super) fn head(lang: Labels, zh: &str, en: &str) -> Vec<String> {
    match lang {
        Labels::Bilingual => vec![zh.to_string(), en.to_string()],
        Labels::Zh => vec![zh.to_string()],
        Labels::En => vec![en.to_string()],
    }
}

/// "第 x 页 / 共 y 页  Page x of y" (or one language).
pub fn page_label(lang: Labels, page: usize, total: usize) -> String {
    match lang {
        Labels::Bilingual => format!("第 {page} 页 / 共 {total} 页  Page {page} of {total}"),
        Labels::Zh => format!("第 {page} 页 / 共 {total} 页"),
        Labels::En => format!("Page {page} of {total}"),
    }
}

pub(crate) use super::quote_layout::render;
