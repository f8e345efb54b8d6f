//! The subject access report (个人信息查询报告) as a PDF: who asked for what and when, then
//! every place the person's data is stored (table, record, field, value, state) and each
//! matching contact record in full. A4 landscape with the review report's sections and tables.
//! The values are in clear: this is the person's own copy of their data.

use super::canvas::{Canvas, TextStyle};
use super::layout::{Align, Flow, PageDecor, PageGeom};
use super::quote::{l, page_label, Labels};
use super::review::{facts, lang_table, none_line, section};
use super::writer::{self, DocInfo};
use super::PdfEngine;
use crate::error::CoreResult;

/// Everything the report prints, already worded in `lang`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SubjectReportDocument {
    pub lang: Labels,
    /// The reference printed in the running header and footer (the request's hash, short).
    pub reference: String,
    /// (label zh, label en, value) rows under the title.
    pub header: Vec<(String, String, String)>,
    /// [table, record, field, value, state].
    pub hits: Vec<[String; 5]>,
    /// Per matching contact: its label and its (field, value) rows.
    pub records: Vec<(String, Vec<(String, String)>)>,
}

const TITLE: TextStyle = TextStyle::new(15.0).bold();

pub(crate) fn render(engine: &PdfEngine, doc: &SubjectReportDocument) -> CoreResult<Vec<u8>> {
    let (w, h) = (841.89, 595.28);
    let geom = PageGeom::new(w, h);
    let lang = doc.lang;
    let title = l(lang, "个人信息查询报告", "Personal data report");
    let decor = PageDecor { watermark: None, running: Some((title.clone(), doc.reference.clone())) };
    let mut flow = Flow::new(Canvas::new(engine.fonts(), w, h), geom, decor);
    let base = flow.y + 16.0;
    flow.canvas.text(geom.left, base, &title, &TITLE);
    flow.y = base + 10.0;
    facts(&mut flow, lang, &doc.header);

    section(&mut flow, lang, "存储位置", "Where the data is stored");
    if doc.hits.is_empty() {
        none_line(&mut flow, lang);
    } else {
        let t = lang_table(&flow, lang, &[
            (110.0, Align::Left, "数据表", "Table"),
            (150.0, Align::Left, "记录", "Record"),
            (80.0, Align::Left, "字段", "Field"),
            (300.0, Align::Left, "内容", "Value"),
            (122.0, Align::Left, "状态", "State"),
        ]);
        let rows: Vec<Vec<String>> = doc.hits.iter().map(|r| r.to_vec()).collect();
        t.draw(&mut flow, &rows, 0.0);
    }

    section(&mut flow, lang, "联系人记录", "Contact records");
    if doc.records.is_empty() {
        none_line(&mut flow, lang);
    }
    for (label, fields) in &doc.records {
        let t = lang_table(&flow, lang, &[(160.0, Align::Left, "字段", "Field"), (602.0, Align::Left, label, label)]);
        let rows: Vec<Vec<String>> = fields.iter().map(|(f, v)| vec![f.clone(), v.clone()]).collect();
        t.draw(&mut flow, &rows, 0.0);
        flow.y += 6.0;
    }
    flow.footers(&doc.reference, |page, total| page_label(lang, page, total));
    writer::write(flow.canvas, &DocInfo { title: &title })
}
