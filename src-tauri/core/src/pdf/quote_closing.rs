//! The closing blocks of a quote, after its line table: totals with tax per rate, the amount
//! in words, terms, and the signature and seal blocks, with the heights the page flow needs
//! to keep them together.

use super::canvas::TextStyle;
use super::format::money;
use super::layout::{Flow, LineBox};
use super::quote::*;
use super::quote_layout::{capped_lines, BODY};

const TOTAL_ROW: f32 = 14.0;
pub(super) const SIGNATURE_HEIGHT: f32 = 124.0;

pub(super) fn totals_height(doc: &QuoteDocument) -> f32 {
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

pub(super) fn words_height(flow: &Flow<'_>, doc: &QuoteDocument) -> f32 {
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

pub(super) fn terms_height(flow: &Flow<'_>, doc: &QuoteDocument) -> f32 {
    if doc.terms.trim().is_empty() {
        return 0.0;
    }
    let (heading, body) = terms_lines();
    heading.height + flow.measure(doc.terms.trim_end(), flow.geom.body_width(), &body) + 12.0
}

pub(super) fn totals(flow: &mut Flow<'_>, doc: &QuoteDocument) {
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

pub(super) fn words(flow: &mut Flow<'_>, doc: &QuoteDocument) {
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

pub(super) fn terms(flow: &mut Flow<'_>, doc: &QuoteDocument) {
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

pub(super) fn signatures(flow: &mut Flow<'_>, doc: &QuoteDocument) {
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
