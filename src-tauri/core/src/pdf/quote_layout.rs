//! How a quote is laid out on the page: letterhead, parties, the line table, totals, the
//! amount in words, terms and the signature blocks (the model is in quote.rs).

use super::canvas::{Canvas, TextStyle};
use super::format::{money, percent, quantity};
use super::layout::{Align, Column, Flow, LineBox, PageDecor, PageGeom, Table};
use super::quote::*;
use super::text::wrap;
use super::writer::{self, DocInfo};
use super::quote_closing::{signatures, terms, terms_height, totals, totals_height, words, words_height, SIGNATURE_HEIGHT};
use super::PdfEngine;
use crate::error::CoreResult;

const SMALL: TextStyle = TextStyle::new(7.5).gray(0.25);
pub(super) const BODY: TextStyle = TextStyle::new(8.0).gray(0.1);
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
pub(super) fn capped_lines(flow: &Flow<'_>, text: &str, style: &TextStyle, width: f32, max: usize) -> Vec<String> {
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
