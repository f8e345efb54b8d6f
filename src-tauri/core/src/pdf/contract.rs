//! The contract document: title and number, the parties, the key facts (value with its
//! 大写金额, quote, periods), the numbered clauses — in Chinese, in English, or both side by side
//! (zh left, en right, line by line so the two columns cross pages together) — and the
//! signature and seal blocks. A draft carries the 草稿 DRAFT watermark on every page.

use super::canvas::{Canvas, TextStyle};
use super::layout::{Flow, LineBox, PageDecor, PageGeom};
use super::quote::{l, page_label, Labels};
use super::quote_layout::capped_lines;
use super::text::wrap;
use super::writer::{self, DocInfo};
use super::PdfEngine;
use crate::error::CoreResult;

/// One numbered clause, already filled.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ContractClauseText {
    pub no: u32,
    pub title_zh: String,
    pub title_en: String,
    pub zh: String,
    pub en: String,
}

/// Everything a printed contract shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ContractDocument {
    /// Bilingual = zh and en side by side.
    pub lang: Labels,
    pub title_zh: String,
    pub title_en: String,
    pub number: String,
    pub date: String,
    /// (role zh, role en, name) for 甲方 and 乙方.
    pub parties: [(String, String, String); 2],
    /// (label zh, label en, value) rows of the key-facts box.
    pub facts: Vec<(String, String, String)>,
    pub clauses: Vec<ContractClauseText>,
    pub watermark: Option<String>,
}

const BODY: TextStyle = TextStyle::new(8.5).gray(0.1);
const HEADING: TextStyle = TextStyle::new(9.5).bold();

pub(crate) fn render(engine: &PdfEngine, doc: &ContractDocument) -> CoreResult<Vec<u8>> {
    let (w, h) = super::quote::Paper::A4.size();
    let geom = PageGeom::new(w, h);
    let lang = doc.lang;
    let title = l(lang, &doc.title_zh, &doc.title_en);
    let decor = PageDecor { watermark: doc.watermark.clone(), running: Some((title.clone(), doc.number.clone())) };
    let mut flow = Flow::new(Canvas::new(engine.fonts(), w, h), geom, decor);
    header(&mut flow, doc, &title);
    facts(&mut flow, doc);
    for c in &doc.clauses {
        clause(&mut flow, lang, c);
    }
    signatures(&mut flow, doc);
    flow.footers(&doc.number, |page, total| page_label(lang, page, total));
    let info_title = format!("{title} {}", doc.number);
    writer::write(flow.canvas, &DocInfo { title: &info_title })
}

fn header(flow: &mut Flow<'_>, doc: &ContractDocument, title: &str) {
    let g = flow.geom;
    let center = (g.left + g.right) / 2.0;
    let title_lb = LineBox::new(TextStyle::new(17.0).bold(), 26.0);
    let base = flow.baseline(flow.y, &title_lb);
    flow.canvas.text_center(center, base, title, &title_lb.style);
    flow.y += title_lb.height + 2.0;
    let meta = LineBox::new(TextStyle::new(8.5).gray(0.25), 13.0);
    let line = format!("{}: {}    {}: {}", l(doc.lang, "合同编号", "Contract No."), doc.number, l(doc.lang, "签订日期", "Date"), doc.date);
    let base = flow.baseline(flow.y, &meta);
    flow.canvas.text_center(center, base, &line, &meta.style);
    flow.y += meta.height + 8.0;
    flow.canvas.line(g.left, flow.y, g.right, flow.y, 1.0, 0.2);
    flow.y += 8.0;
    let role_lb = LineBox::new(TextStyle::new(8.5).bold().gray(0.3), 13.0);
    let name_lb = LineBox::new(TextStyle::new(10.0).emphasis(), 14.0);
    for (zh, en, name) in &doc.parties {
        let label = format!("{}:", l(doc.lang, zh, en));
        let lw = flow.canvas.width(&label, &role_lb.style) + 8.0;
        let base = flow.baseline(flow.y, &name_lb);
        flow.canvas.text(g.left, base, &label, &role_lb.style);
        for line in capped_lines(flow, name, &name_lb.style, g.body_width() - lw, 2) {
            let base = flow.baseline(flow.y, &name_lb);
            flow.canvas.text(g.left + lw, base, &line, &name_lb.style);
            flow.y += name_lb.height;
        }
    }
    flow.y += 6.0;
}

fn facts(flow: &mut Flow<'_>, doc: &ContractDocument) {
    if doc.facts.is_empty() {
        return;
    }
    let g = flow.geom;
    let label_style = TextStyle::new(7.5).gray(0.4);
    let value_lb = LineBox::new(TextStyle::new(8.5).gray(0.05), 12.0);
    let label_w = doc.facts.iter().map(|(zh, en, _)| flow.canvas.width(&l(doc.lang, zh, en), &label_style)).fold(60.0f32, f32::max) + 10.0;
    let top = flow.y;
    let pad = 6.0;
    let mut y = top + pad;
    for (zh, en, value) in &doc.facts {
        let label = l(doc.lang, zh, en);
        let base = flow.baseline(y, &value_lb);
        flow.canvas.text(g.left + pad, base, &label, &label_style);
        for line in capped_lines(flow, value, &value_lb.style, g.body_width() - label_w - 2.0 * pad, 3) {
            let base = flow.baseline(y, &value_lb);
            flow.canvas.text(g.left + pad + label_w, base, &line, &value_lb.style);
            y += value_lb.height;
        }
    }
    flow.canvas.stroke_rect([g.left, top, g.body_width(), y - top + pad], 0.5, 0.6, false);
    flow.y = y + pad + 12.0;
}

/// Lines of `text` wrapped to `width`, as owned strings.
fn lines(flow: &Flow<'_>, text: &str, style: &TextStyle, width: f32) -> Vec<String> {
    let face = flow.canvas.face(style);
    wrap(face, style.size, text, width).into_iter().map(|r| text[r].to_string()).collect()
}

fn clause(flow: &mut Flow<'_>, lang: Labels, c: &ContractClauseText) {
    let g = flow.geom;
    let head_lb = LineBox::new(HEADING, 15.0);
    let body_lb = LineBox::new(BODY, 12.0);
    let gap = 16.0;
    let (columns, width) = match lang {
        Labels::Bilingual => (vec![(c.zh.as_str(), format!("第{}条 {}", c.no, c.title_zh)), (c.en.as_str(), format!("Article {} {}", c.no, c.title_en))], (g.body_width() - gap) / 2.0),
        Labels::Zh => (vec![(c.zh.as_str(), format!("第{}条 {}", c.no, c.title_zh))], g.body_width()),
        Labels::En => (vec![(c.en.as_str(), format!("Article {} {}", c.no, c.title_en))], g.body_width()),
    };
    let wrapped: Vec<Vec<String>> = columns.iter().map(|(text, _)| lines(flow, text, &BODY, width)).collect();
    // Keep the heading with at least two lines of its clause.
    flow.ensure(head_lb.height + 2.0 * body_lb.height);
    let base = flow.baseline(flow.y, &head_lb);
    for (i, (_, heading)) in columns.iter().enumerate() {
        flow.canvas.text(g.left + i as f32 * (width + gap), base, heading, &HEADING);
    }
    flow.y += head_lb.height;
    let rows = wrapped.iter().map(Vec::len).max().unwrap_or(0);
    for row in 0..rows {
        flow.ensure(body_lb.height);
        let base = flow.baseline(flow.y, &body_lb);
        for (i, col) in wrapped.iter().enumerate() {
            if let Some(line) = col.get(row) {
                flow.canvas.text(g.left + i as f32 * (width + gap), base, line, &BODY);
            }
        }
        flow.y += body_lb.height;
    }
    flow.y += 8.0;
}

const SIGNATURE_HEIGHT: f32 = 130.0;

fn signatures(flow: &mut Flow<'_>, doc: &ContractDocument) {
    let lang = doc.lang;
    let g = flow.geom;
    let gap = 20.0;
    let box_w = (g.body_width() - gap) / 2.0;
    flow.y += 6.0;
    flow.ensure(SIGNATURE_HEIGHT);
    let top = flow.y;
    let heading = LineBox::new(TextStyle::new(9.0).bold(), 14.0);
    let name_lb = LineBox::new(BODY, 11.0);
    let label_lb = LineBox::new(TextStyle::new(8.0).gray(0.3), 12.0);
    for (i, (zh, en, name)) in doc.parties.iter().enumerate() {
        let x = g.left + i as f32 * (box_w + gap);
        flow.canvas.stroke_rect([x, top, box_w, SIGNATURE_HEIGHT], 0.5, 0.6, false);
        let inner = x + 8.0;
        let mut y = top + 6.0;
        let base = flow.baseline(y, &heading);
        flow.canvas.text(inner, base, &l(lang, zh, en), &heading.style);
        y += heading.height;
        let mut name_y = y;
        for line in capped_lines(flow, name, &BODY, box_w - 16.0, 2) {
            let base = flow.baseline(name_y, &name_lb);
            flow.canvas.text(inner, base, &line, &BODY);
            name_y += name_lb.height;
        }
        y += 2.0 * name_lb.height + 6.0;
        let seal_w = 64.0;
        let line_end = x + box_w - seal_w - 18.0;
        for label in [l(lang, "授权代表签字", "Authorised signature"), l(lang, "日期", "Date")] {
            let base = flow.baseline(y, &label_lb);
            let text = format!("{label}:");
            flow.canvas.text(inner, base, &text, &label_lb.style);
            let lx = inner + flow.canvas.width(&text, &label_lb.style) + 4.0;
            flow.canvas.line(lx, base + 2.0, line_end.max(lx + 20.0), base + 2.0, 0.5, 0.4);
            y += 30.0;
        }
        let sx = x + box_w - seal_w - 8.0;
        let sy = top + 50.0;
        flow.canvas.stroke_rect([sx, sy, seal_w, seal_w], 0.5, 0.55, true);
        let base = flow.baseline(sy + seal_w / 2.0 - 6.0, &label_lb);
        flow.canvas.text_center(sx + seal_w / 2.0, base, &l(lang, "盖章", "Seal"), &TextStyle::new(7.5).gray(0.55));
    }
    flow.y = top + SIGNATURE_HEIGHT;
}
