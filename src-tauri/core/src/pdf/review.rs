//! Legal's review report (合同审核报告) as a PDF: the header facts of the contract, the summary
//! (flags per severity and state, the sign-off or why there is none), the flags table, the
//! checklist decisions and the history — who did what and when. A4 landscape, because the flags
//! table has eight columns of running text; the same page flow, bilingual tables and section
//! headings as the weekly report and the partner statement. The cells arrive as text
//! (`risk::report` words them in the chosen language); this module only lays them out.

use super::canvas::{Canvas, TextStyle};
use super::dashboard::{heading_line, table};
use super::layout::{Align, Flow, LineBox, PageDecor, PageGeom, Table};
use super::quote::{head, l, page_label, Labels};
use super::writer::{self, DocInfo};
use super::PdfEngine;
use crate::error::CoreResult;

/// Everything the review report prints, already worded in `lang`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReviewReportDocument {
    pub lang: Labels,
    pub number: String,
    /// (label zh, label en, value) rows under the title.
    pub header: Vec<(String, String, String)>,
    /// Per severity: [severity, open, waived, resolved, total]; the last row is the total.
    pub counts: Vec<[String; 5]>,
    /// Whether a valid sign-off stands (the sign-off box is drawn darker when not).
    pub signed: bool,
    /// Lines of the sign-off box: state, who / when / comment or the blocking reason.
    pub sign_off: Vec<String>,
    /// [rule, risk type, severity, clause, excerpt, why, suggestion, state].
    pub flags: Vec<[String; 8]>,
    /// [item, risk type, status, reason, who, when].
    pub items: Vec<[String; 6]>,
    /// [when, who, what].
    pub history: Vec<[String; 3]>,
}

const TITLE: TextStyle = TextStyle::new(15.0).bold();
const LABEL: TextStyle = TextStyle::new(7.5).gray(0.4);
const SMALL: TextStyle = TextStyle::new(7.0).gray(0.35);

/// A table with headers in `lang` (the dashboard's table, one header line per language).
pub(super) fn lang_table(flow: &Flow<'_>, lang: Labels, cols: &[(f32, Align, &str, &str)]) -> Table {
    let mut t = table(flow, cols);
    for (col, (_, _, zh, en)) in t.columns.iter_mut().zip(cols) {
        col.header = head(lang, zh, en);
        col.shrink = false;
    }
    t
}

pub(super) fn section(flow: &mut Flow<'_>, lang: Labels, zh: &str, en: &str) {
    let text = match lang {
        Labels::Bilingual => format!("{zh}  {en}"),
        Labels::Zh => zh.to_string(),
        Labels::En => en.to_string(),
    };
    heading_line(flow, &text);
}

pub(super) fn none_line(flow: &mut Flow<'_>, lang: Labels) {
    let lb = LineBox::new(SMALL, 10.0);
    let (x, w) = (flow.geom.left, flow.geom.body_width());
    flow.paragraph(x, w, &l(lang, "（无）", "(none)"), &lb);
}

/// Label / value rows: labels in a fixed column, values wrapped beside them.
pub(super) fn facts(flow: &mut Flow<'_>, lang: Labels, rows: &[(String, String, String)]) {
    let value_lb = LineBox::new(TextStyle::new(8.5).gray(0.05), 12.5);
    let label_w = rows.iter().map(|(zh, en, _)| flow.canvas.width(&l(lang, zh, en), &LABEL)).fold(60.0f32, f32::max) + 12.0;
    let g = flow.geom;
    // Two columns of facts side by side: the header is short and the page is wide.
    let half = (rows.len() + 1) / 2;
    let col_w = g.body_width() / 2.0;
    let top = flow.y;
    let mut bottom = top;
    for (c, chunk) in rows.chunks(half.max(1)).enumerate() {
        flow.y = top;
        let x = g.left + c as f32 * col_w;
        for (zh, en, value) in chunk {
            flow.ensure(value_lb.height);
            let base = flow.baseline(flow.y, &value_lb);
            flow.canvas.text(x, base, &l(lang, zh, en), &LABEL);
            flow.paragraph(x + label_w, col_w - label_w - 10.0, value, &value_lb);
        }
        bottom = bottom.max(flow.y);
    }
    flow.y = bottom + 4.0;
}

fn summary(flow: &mut Flow<'_>, doc: &ReviewReportDocument) {
    let lang = doc.lang;
    section(flow, lang, "摘要", "Summary");
    let mut t = lang_table(flow, lang, &[
        (110.0, Align::Left, "严重程度", "Severity"),
        (60.0, Align::Center, "未决", "Open"),
        (60.0, Align::Center, "已豁免", "Waived"),
        (60.0, Align::Center, "已解决", "Resolved"),
        (60.0, Align::Center, "合计", "Total"),
    ]);
    // The counts take the left part of the page; the sign-off box sits beside them.
    let counts_w = 350.0;
    let scale = counts_w / t.columns.iter().map(|c| c.width).sum::<f32>();
    for c in &mut t.columns {
        c.width *= scale;
    }
    let g = flow.geom;
    let (x, w) = (g.left + counts_w + 16.0, g.right - g.left - counts_w - 16.0);
    let height = sign_off_height(flow, doc, w);
    flow.ensure(height.max(80.0));
    let top = flow.y;
    let rows: Vec<Vec<String>> = doc.counts.iter().map(|r| r.to_vec()).collect();
    t.draw(flow, &rows, 0.0);
    let table_bottom = flow.y;
    if table_bottom >= top {
        sign_off_box(flow, doc, x, top, w, height);
        flow.y = table_bottom.max(top + height);
    } else {
        flow.ensure(height + 8.0);
        let y = flow.y + 8.0;
        sign_off_box(flow, doc, g.left, y, g.body_width(), sign_off_height(flow, doc, g.body_width()));
    }
}

const SIGN_PAD: f32 = 6.0;
const SIGN_FIRST: LineBox = LineBox::new(TextStyle::new(10.0).bold(), 15.0);
const SIGN_LINE: LineBox = LineBox::new(TextStyle::new(8.5).gray(0.05), 12.5);

fn sign_off_height(flow: &Flow<'_>, doc: &ReviewReportDocument, w: f32) -> f32 {
    let lines: f32 = doc.sign_off.iter().enumerate().map(|(i, s)| flow.measure(s, w - 2.0 * SIGN_PAD, if i == 0 { &SIGN_FIRST } else { &SIGN_LINE })).sum();
    lines + 2.0 * SIGN_PAD
}

fn sign_off_box(flow: &mut Flow<'_>, doc: &ReviewReportDocument, x: f32, top: f32, w: f32, height: f32) {
    let (width, gray) = if doc.signed { (0.8, 0.35) } else { (1.4, 0.1) };
    flow.canvas.stroke_rect([x, top, w, height], width, gray, !doc.signed);
    flow.y = top + SIGN_PAD;
    for (i, line) in doc.sign_off.iter().enumerate() {
        flow.paragraph(x + SIGN_PAD, w - 2.0 * SIGN_PAD, line, if i == 0 { &SIGN_FIRST } else { &SIGN_LINE });
    }
    flow.y = top + height;
}

fn flags(flow: &mut Flow<'_>, doc: &ReviewReportDocument) {
    let lang = doc.lang;
    section(flow, lang, "风险提示", "Flags");
    if doc.flags.is_empty() {
        return none_line(flow, lang);
    }
    let t = lang_table(flow, lang, &[
        (46.0, Align::Left, "规则", "Rule"),
        (52.0, Align::Left, "风险类型", "Risk type"),
        (40.0, Align::Left, "严重程度", "Severity"),
        (30.0, Align::Left, "条款", "Clause"),
        (150.0, Align::Left, "摘录", "Excerpt"),
        (160.0, Align::Left, "原因", "Why"),
        (150.0, Align::Left, "建议条款", "Suggested fallback"),
        (134.0, Align::Left, "状态", "State"),
    ]);
    let rows: Vec<Vec<String>> = doc.flags.iter().map(|r| r.to_vec()).collect();
    t.draw(flow, &rows, 0.0);
}

fn items(flow: &mut Flow<'_>, doc: &ReviewReportDocument) {
    let lang = doc.lang;
    section(flow, lang, "检查清单决定", "Checklist decisions");
    if doc.items.is_empty() {
        return none_line(flow, lang);
    }
    let t = lang_table(flow, lang, &[
        (250.0, Align::Left, "检查项", "Item"),
        (56.0, Align::Left, "风险类型", "Risk type"),
        (70.0, Align::Left, "决定", "Status"),
        (220.0, Align::Left, "理由", "Reason"),
        (76.0, Align::Left, "决定人", "Who"),
        (90.0, Align::Left, "时间", "When"),
    ]);
    let rows: Vec<Vec<String>> = doc.items.iter().map(|r| r.to_vec()).collect();
    t.draw(flow, &rows, 0.0);
}

fn history(flow: &mut Flow<'_>, doc: &ReviewReportDocument) {
    let lang = doc.lang;
    section(flow, lang, "审核记录", "Review history");
    if doc.history.is_empty() {
        return none_line(flow, lang);
    }
    let t = lang_table(flow, lang, &[(100.0, Align::Left, "时间", "When"), (110.0, Align::Left, "操作人", "Who"), (552.0, Align::Left, "内容", "What")]);
    let rows: Vec<Vec<String>> = doc.history.iter().map(|r| r.to_vec()).collect();
    t.draw(flow, &rows, 0.0);
}

pub(crate) fn render(engine: &PdfEngine, doc: &ReviewReportDocument) -> CoreResult<Vec<u8>> {
    let (w, h) = (841.89, 595.28);
    let geom = PageGeom::new(w, h);
    let lang = doc.lang;
    let title = format!("{} · {}", l(lang, "合同审核报告", "Contract review report"), doc.number);
    let decor = PageDecor { watermark: None, running: Some((title.clone(), doc.number.clone())) };
    let mut flow = Flow::new(Canvas::new(engine.fonts(), w, h), geom, decor);
    let base = flow.y + 16.0;
    flow.canvas.text(geom.left, base, &title, &TITLE);
    flow.y = base + 10.0;
    facts(&mut flow, lang, &doc.header);
    summary(&mut flow, doc);
    flags(&mut flow, doc);
    items(&mut flow, doc);
    history(&mut flow, doc);
    flow.footers(&doc.number, |page, total| page_label(lang, page, total));
    writer::write(flow.canvas, &DocInfo { title: &title })
}
