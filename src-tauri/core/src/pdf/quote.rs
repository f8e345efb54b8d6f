//! The quote document: a display model the quote domain fills (all amounts already computed,
//! the amount in words already spelled) and its layout: letterhead, customer and quote facts,
//! the line-item table, totals, amount in words, terms, signature and seal blocks.
//! Internal figures (cost, margin) have no field here on purpose: what is in this model is
//! what the customer sees.

use super::canvas::{Canvas, TextStyle};
use super::format::{money, percent, quantity};
use super::layout::{Align, Column, Flow, LineBox, PageDecor, PageGeom, Table};
use super::text::wrap;
use super::writer::{self, DocInfo};
use super::PdfEngine;
use crate::error::CoreResult;
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
fn l(lang: Labels, zh: &str, en: &str) -> String {
    match lang {
        Labels::Bilingual => format!("{zh} {en}"),
        Labels::Zh => zh.to_string(),
        Labels::En => en.to_string(),
    }
}

/// Header lines of a table column: two lines when bilingual.
fn head(lang: Labels, zh: &str, en: &str) -> Vec<String> {
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

const SMALL: TextStyle = TextStyle::new(7.5).gray(0.25);
const BODY: TextStyle = TextStyle::new(8.0).gray(0.1);
/// Letterhead and customer fields are capped so a runaway address cannot push page 1 apart.
const MAX_FIELD_LINES: usize = 4;

pub(crate) fn render(engine: &PdfEngine, doc: &QuoteDocument) -> CoreResult<Vec<u8>> {
    let lang = doc.labels;
    let (w, h) = doc.paper.size();
    let geom = PageGeom::new(w, h);
    let title = l(lang, "报价单", "Quotation");
    let number = doc.number.clone().unwrap_or_else(|| l(lang, "草稿（未编号）", "Draft (unnumbered)"));
    let decor = PageDecor {
        watermark: doc.watermark.clone().filter(|m| !m.trim().is_empty()),
        running: Some((doc.letterhead.company_name.clone(), format!("{title}  {number}"))),
    };
    let logo = match &doc.letterhead.logo {
        Some(bytes) if !bytes.is_empty() => Some(engine.logo(bytes)?),
        _ => None,
    };
    let mut flow = Flow::new(Canvas::new(engine.fonts(), w, h), geom, decor);

    letterhead(&mut flow, doc, &title, &number, logo.as_ref());
    parties(&mut flow, doc, &number);
    let closing = totals_height(doc) + words_height(&flow, doc) + terms_height(&flow, doc) + SIGNATURE_HEIGHT;
    let keep = if closing <= flow.page_capacity() * 0.75 { closing } else { totals_height(doc) };
    line_items(&mut flow, doc, keep);
    totals(&mut flow, doc);
    words(&mut flow, doc);
    terms(&mut flow, doc);
    signatures(&mut flow, doc);

    flow.footers(&number, |page, total| page_label(lang, page, total));
    let info_title = format!("{title} {number}");
    writer::write(flow.canvas, &DocInfo { title: &info_title })
}

/// Wrapped lines of `text`, at most `max` (the last one ends with "…" when cut).
fn capped_lines(flow: &Flow<'_>, text: &str, style: &TextStyle, width: f32, max: usize) -> Vec<String> {
    let face = flow.canvas.face(style);
    let ranges = wrap(face, style.size, text, width);
    let cut = ranges.len() > max;
    let mut lines: Vec<String> = ranges.into_iter().take(max).map(|r| text[r].to_string()).collect();
    if cut {
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && flow.canvas.width(last, style) + flow.canvas.width("…", style) > width {
                last.pop();
            }
            last.push('…');
        }
    }
    lines
}

fn letterhead(flow: &mut Flow<'_>, doc: &QuoteDocument, title: &str, number: &str, logo: Option<&std::sync::Arc<super::image::Image>>) {
    let lang = doc.labels;
    let g = flow.geom;
    let top = flow.y;
    let mut x = g.left;
    let mut bottom = top;
    if let Some(img) = logo {
        let (bw, bh) = (120.0f32, 48.0f32);
        let scale = (bw / img.width as f32).min(bh / img.height as f32);
        let (iw, ih) = (img.width as f32 * scale, img.height as f32 * scale);
        flow.canvas.image(img, g.left, top, iw, ih);
        x = g.left + iw + 10.0;
        bottom = bottom.max(top + ih);
    }
    // Right: title and number.
    let title_style = TextStyle::new(18.0).bold();
    let title_w = flow.canvas.width(title, &title_style).max(150.0);
    let title_lb = LineBox::new(title_style, 24.0);
    let base = flow.baseline(top, &title_lb);
    flow.canvas.text_right(g.right, base, title, &title_style);
    let num_lb = LineBox::new(TextStyle::new(9.0).emphasis().gray(0.2), 13.0);
    let base = flow.baseline(top + 26.0, &num_lb);
    flow.canvas.text_right(g.right, base, number, &num_lb.style);
    bottom = bottom.max(top + 39.0);

    // Left: company.
    let width = (g.right - title_w - 16.0 - x).max(120.0);
    let mut y = top;
    let name_lb = LineBox::new(TextStyle::new(12.5).emphasis(), 16.0);
    for line in capped_lines(flow, &doc.letterhead.company_name, &name_lb.style, width, 2) {
        let base = flow.baseline(y, &name_lb);
        flow.canvas.text(x, base, &line, &name_lb.style);
        y += name_lb.height;
    }
    let lh = &doc.letterhead;
    let mut fields = Vec::new();
    if !lh.address.is_empty() {
        fields.push(format!("{}: {}", l(lang, "地址", "Address"), lh.address));
    }
    if !lh.tax_number.is_empty() {
        fields.push(format!("{}: {}", l(lang, "税号", "Tax No."), lh.tax_number));
    }
    if !lh.bank_name.is_empty() || !lh.bank_account.is_empty() {
        fields.push(format!("{}: {}   {}: {}", l(lang, "开户行", "Bank"), lh.bank_name, l(lang, "账号", "Account"), lh.bank_account));
    }
    if !lh.phone.is_empty() {
        fields.push(format!("{}: {}", l(lang, "电话", "Phone"), lh.phone));
    }
    let small_lb = LineBox::new(SMALL, 10.5);
    for field in fields {
        for line in capped_lines(flow, &field, &SMALL, width, 2) {
            let base = flow.baseline(y, &small_lb);
            flow.canvas.text(x, base, &line, &SMALL);
            y += small_lb.height;
        }
    }
    bottom = bottom.max(y) + 6.0;
    flow.canvas.line(g.left, bottom, g.right, bottom, 1.2, 0.15);
    flow.y = bottom + 10.0;
}

fn parties(flow: &mut Flow<'_>, doc: &QuoteDocument, number: &str) {
    let lang = doc.labels;
    let g = flow.geom;
    let top = flow.y;
    let left_w = g.body_width() * 0.56;
    let meta_x = g.left + left_w + 16.0;

    // Customer.
    let caption_lb = LineBox::new(TextStyle::new(7.5).bold().gray(0.4), 11.0);
    let name_lb = LineBox::new(TextStyle::new(10.0).emphasis(), 14.0);
    let body_lb = LineBox::new(BODY, 11.0);
    let mut y = top;
    let base = flow.baseline(y, &caption_lb);
    flow.canvas.text(g.left, base, &l(lang, "客户", "Customer"), &caption_lb.style);
    y += caption_lb.height;
    let c = &doc.customer;
    for line in capped_lines(flow, &c.name, &name_lb.style, left_w, 2) {
        let base = flow.baseline(y, &name_lb);
        flow.canvas.text(g.left, base, &line, &name_lb.style);
        y += name_lb.height;
    }
    let mut fields = Vec::new();
    if !c.address.is_empty() {
        fields.push(format!("{}: {}", l(lang, "地址", "Address"), c.address));
    }
    if !c.contact_name.is_empty() {
        fields.push(format!("{}: {}", l(lang, "联系人", "Contact"), c.contact_name));
    }
    let reach: Vec<String> = [(l(lang, "电话", "Phone"), &c.phone), (l(lang, "邮箱", "Email"), &c.email)]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}: {v}"))
        .collect();
    if !reach.is_empty() {
        fields.push(reach.join("   "));
    }
    for field in fields {
        for line in capped_lines(flow, &field, &BODY, left_w, MAX_FIELD_LINES) {
            let base = flow.baseline(y, &body_lb);
            flow.canvas.text(g.left, base, &line, &BODY);
            y += body_lb.height;
        }
    }

    // Quote facts, label left and value right-aligned.
    let mut rows = vec![(l(lang, "报价单号", "Quote No."), number.to_string())];
    rows.push((l(lang, "日期", "Date"), doc.date.format("%Y-%m-%d").to_string()));
    if let Some(v) = doc.valid_until {
        rows.push((l(lang, "有效期至", "Valid until"), v.format("%Y-%m-%d").to_string()));
    }
    rows.push((l(lang, "币种", "Currency"), doc.currency.clone()));
    if doc.revision > 0 {
        rows.push((l(lang, "版本", "Revision"), doc.revision.to_string()));
    }
    let label_lb = LineBox::new(TextStyle::new(7.5).gray(0.4), 13.0);
    let value_style = TextStyle::new(8.5).gray(0.05);
    let mut my = top;
    for (label, value) in rows {
        let base = flow.baseline(my, &label_lb);
        flow.canvas.text(meta_x, base, &label, &label_lb.style);
        let label_w = flow.canvas.width(&label, &label_lb.style);
        let value_w = (g.right - meta_x - label_w - 8.0).max(20.0);
        let value = capped_lines(flow, &value, &value_style, value_w, 1).into_iter().next().unwrap_or_default();
        flow.canvas.text_right(g.right, base, &value, &value_style);
        flow.canvas.line(meta_x, my + label_lb.height, g.right, my + label_lb.height, 0.3, 0.82);
        my += label_lb.height;
    }
    flow.y = y.max(my) + 12.0;
}

fn line_items(flow: &mut Flow<'_>, doc: &QuoteDocument, keep_with_last: f32) {
    let lang = doc.labels;
    let body_w = flow.geom.body_width();
    let fixed = [22.0, 74.0, 28.0, 36.0, 60.0, 30.0, 66.0];
    let desc_w = body_w - fixed.iter().sum::<f32>();
    let col = |width: f32, align: Align, zh: &str, en: &str, shrink: bool| Column { width, align, header: head(lang, zh, en), shrink };
    let columns = vec![
        col(fixed[0], Align::Center, "序号", "No.", true),
        col(fixed[1], Align::Left, "物料编码", "SKU", false),
        col(desc_w, Align::Left, "描述", "Description", false),
        col(fixed[2], Align::Center, "单位", "Unit", false),
        col(fixed[3], Align::Right, "数量", "Qty", true),
        col(fixed[4], Align::Right, "单价", "Unit price", true),
        col(fixed[5], Align::Right, "折扣", "Disc.", true),
        col(fixed[6], Align::Right, "金额", "Amount", true),
    ];
    let marker = match lang {
        Labels::Bilingual => "(续 cont.)",
        Labels::Zh => "(续)",
        Labels::En => "(cont.)",
    };
    let table = Table {
        columns,
        body: LineBox::new(BODY, 10.5),
        head: LineBox::new(TextStyle::new(7.5).bold(), 9.5),
        pad_x: 3.5,
        pad_y: 3.0,
        marker_col: 2,
        repeat_col: 0,
        marker: marker.to_string(),
    };
    let cur = &doc.currency;
    let rows: Vec<Vec<String>> = doc
        .lines
        .iter()
        .map(|li| {
            vec![
                li.no.to_string(),
                li.sku.clone(),
                li.description.clone(),
                li.unit.clone(),
                quantity(li.quantity),
                money(li.unit_price, cur),
                percent(li.discount_pct),
                money(li.amount, cur),
            ]
        })
        .collect();
    table.draw(flow, &rows, keep_with_last + 8.0);
    flow.y += 8.0;
}

const TOTAL_ROW: f32 = 14.0;
const SIGNATURE_HEIGHT: f32 = 124.0;

fn totals_height(doc: &QuoteDocument) -> f32 {
    let rows = 2 + usize::from(!doc.totals.discount.is_zero()) + doc.totals.tax_lines.len();
    rows as f32 * TOTAL_ROW + 3.0 + 8.0
}

fn words_lines() -> (LineBox, LineBox, LineBox) {
    (
        LineBox::new(TextStyle::new(7.5).bold().gray(0.4), 11.0),
        LineBox::new(TextStyle::new(9.5).emphasis().gray(0.05), 13.5),
        LineBox::new(TextStyle::new(8.0).gray(0.2), 11.0),
    )
}

fn has_words(doc: &QuoteDocument) -> bool {
    !doc.amount_in_words.trim().is_empty() || doc.amount_in_words_en.as_deref().is_some_and(|s| !s.trim().is_empty())
}

fn words_height(flow: &Flow<'_>, doc: &QuoteDocument) -> f32 {
    if !has_words(doc) {
        return 0.0;
    }
    let (caption, zh, en) = words_lines();
    let width = flow.geom.body_width();
    let mut h = caption.height + 10.0;
    if !doc.amount_in_words.trim().is_empty() {
        h += flow.measure(&doc.amount_in_words, width, &zh);
    }
    if let Some(e) = doc.amount_in_words_en.as_deref().filter(|s| !s.trim().is_empty()) {
        h += flow.measure(e, width, &en);
    }
    h
}

fn terms_lines() -> (LineBox, LineBox) {
    (LineBox::new(TextStyle::new(8.5).bold(), 13.0), LineBox::new(BODY, 11.5))
}

fn terms_height(flow: &Flow<'_>, doc: &QuoteDocument) -> f32 {
    if doc.terms.trim().is_empty() {
        return 0.0;
    }
    let (heading, body) = terms_lines();
    heading.height + flow.measure(doc.terms.trim_end(), flow.geom.body_width(), &body) + 12.0
}

fn totals(flow: &mut Flow<'_>, doc: &QuoteDocument) {
    let lang = doc.labels;
    let cur = &doc.currency;
    let t = &doc.totals;
    let subtotal = if t.tax_inclusive { l(lang, "小计（含税）", "Subtotal (incl. tax)") } else { l(lang, "小计", "Subtotal") };
    let mut rows: Vec<(String, String, bool)> = vec![(subtotal, money(t.subtotal, cur), false)];
    if !t.discount.is_zero() {
        rows.push((l(lang, "折扣", "Discount"), money(-t.discount.abs(), cur), false));
    }
    let taxes: Vec<(String, String, bool)> = t
        .tax_lines
        .iter()
        .map(|tax| {
            let rate = format!("{}%", tax.rate_pct.normalize());
            let label = match (lang, t.tax_inclusive) {
                (Labels::Bilingual, false) => format!("税额 Tax ({rate})"),
                (Labels::Zh, false) => format!("税额 ({rate})"),
                (Labels::En, false) => format!("Tax ({rate})"),
                (Labels::Bilingual, true) => format!("其中税额 incl. tax ({rate})"),
                (Labels::Zh, true) => format!("其中税额 ({rate})"),
                (Labels::En, true) => format!("incl. tax ({rate})"),
            };
            (label, money(tax.amount, cur), false)
        })
        .collect();
    let total = (format!("{} ({cur})", l(lang, "合计", "Total")), money(t.total, cur), true);
    if t.tax_inclusive {
        rows.push(total);
        rows.extend(taxes);
    } else {
        rows.extend(taxes);
        rows.push(total);
    }

    let row_h = TOTAL_ROW;
    flow.ensure(totals_height(doc) - 8.0);
    let g = flow.geom;
    let label_x = g.right - 250.0;
    let pad = 4.0;
    for (label, value, strong) in rows {
        let style = if strong { TextStyle::new(10.0).bold() } else { TextStyle::new(8.5).gray(0.1) };
        let lb = LineBox::new(style, row_h);
        if strong {
            flow.canvas.line(label_x, flow.y + 1.0, g.right, flow.y + 1.0, 0.8, 0.3);
            flow.y += 3.0;
        }
        let base = flow.baseline(flow.y, &lb);
        flow.canvas.text(label_x + pad, base, &label, &style);
        flow.canvas.text_right(g.right - pad, base, &value, &style);
        flow.y += row_h;
    }
    flow.y += 8.0;
}

fn words(flow: &mut Flow<'_>, doc: &QuoteDocument) {
    if !has_words(doc) {
        return;
    }
    let lang = doc.labels;
    let g = flow.geom;
    let (caption_lb, zh_lb, en_lb) = words_lines();
    let width = g.body_width();
    let need = words_height(flow, doc) - 10.0;
    // Keep the caption with the words when they fit on one page.
    if need <= flow.page_capacity() {
        flow.ensure(need);
    } else {
        flow.ensure(caption_lb.height + zh_lb.height);
    }
    let base = flow.baseline(flow.y, &caption_lb);
    flow.canvas.text(g.left, base, &l(lang, "大写金额", "Amount in words"), &caption_lb.style);
    flow.y += caption_lb.height;
    if !doc.amount_in_words.trim().is_empty() {
        flow.paragraph(g.left, width, &doc.amount_in_words, &zh_lb);
    }
    if let Some(en) = doc.amount_in_words_en.as_deref().filter(|s| !s.trim().is_empty()) {
        flow.paragraph(g.left, width, en, &en_lb);
    }
    flow.y += 10.0;
}

fn terms(flow: &mut Flow<'_>, doc: &QuoteDocument) {
    if doc.terms.trim().is_empty() {
        return;
    }
    let g = flow.geom;
    let (heading, body) = terms_lines();
    // No heading alone at the bottom of a page.
    flow.ensure(heading.height + 2.0 * body.height);
    let base = flow.baseline(flow.y, &heading);
    flow.canvas.text(g.left, base, &l(doc.labels, "条款与备注", "Terms & notes"), &heading.style);
    flow.y += heading.height;
    flow.paragraph(g.left, g.body_width(), doc.terms.trim_end(), &body);
    flow.y += 12.0;
}

fn signatures(flow: &mut Flow<'_>, doc: &QuoteDocument) {
    let lang = doc.labels;
    let g = flow.geom;
    let gap = 20.0;
    let box_w = (g.body_width() - gap) / 2.0;
    let height = SIGNATURE_HEIGHT;
    flow.ensure(height);
    let top = flow.y;
    let parties = [
        (l(lang, "买方", "Buyer"), if doc.signatures.buyer.is_empty() { &doc.customer.name } else { &doc.signatures.buyer }),
        (l(lang, "卖方", "Seller"), if doc.signatures.seller.is_empty() { &doc.letterhead.company_name } else { &doc.signatures.seller }),
    ];
    let heading = LineBox::new(TextStyle::new(9.0).bold(), 14.0);
    let name_lb = LineBox::new(BODY, 11.0);
    let label_lb = LineBox::new(TextStyle::new(8.0).gray(0.3), 12.0);
    for (i, (role, name)) in parties.iter().enumerate() {
        let x = g.left + i as f32 * (box_w + gap);
        flow.canvas.stroke_rect([x, top, box_w, height], 0.5, 0.6, false);
        let inner = x + 8.0;
        let mut y = top + 6.0;
        let base = flow.baseline(y, &heading);
        flow.canvas.text(inner, base, role, &heading.style);
        y += heading.height;
        let mut name_y = y;
        for line in capped_lines(flow, name, &BODY, box_w - 16.0, 2) {
            let base = flow.baseline(name_y, &name_lb);
            flow.canvas.text(inner, base, &line, &BODY);
            name_y += name_lb.height;
        }
        y += 2.0 * name_lb.height + 8.0;
        let seal_w = 64.0;
        let line_end = x + box_w - seal_w - 18.0;
        for label in [l(lang, "签字", "Signature"), l(lang, "日期", "Date")] {
            let base = flow.baseline(y, &label_lb);
            let text = format!("{label}:");
            flow.canvas.text(inner, base, &text, &label_lb.style);
            let lx = inner + flow.canvas.width(&text, &label_lb.style) + 4.0;
            flow.canvas.line(lx, base + 2.0, line_end, base + 2.0, 0.5, 0.4);
            y += 30.0;
        }
        // Seal area: dashed square at the right with its caption.
        let sx = x + box_w - seal_w - 8.0;
        let sy = top + 44.0;
        flow.canvas.stroke_rect([sx, sy, seal_w, seal_w], 0.5, 0.55, true);
        let seal = l(lang, "盖章", "Seal");
        let base = flow.baseline(sy + seal_w / 2.0 - 6.0, &label_lb);
        flow.canvas.text_center(sx + seal_w / 2.0, base, &seal, &TextStyle::new(7.5).gray(0.55));
    }
    flow.y = top + height;
}
