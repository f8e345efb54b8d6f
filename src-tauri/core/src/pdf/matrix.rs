//! The whole competitor matrix as a landscape PDF. Dimension columns that do not fit the page
//! width continue on further pages, each part repeating the row labels (competitor) and the
//! weighted score, so any page can be read on its own; rows break across pages with the
//! header repeated (the shared `Table`). Unknown cells print `?`, stale ones a `※`.

use super::canvas::{Canvas, TextStyle};
use super::layout::{Align, Column, Flow, LineBox, PageDecor, PageGeom, Table};
use super::writer::{self, DocInfo};
use super::PdfEngine;
use crate::matrix::fresh::{freshness, is_stale};
use crate::matrix::{display, score, value, MatrixData};
use crate::CoreResult;
use chrono::NaiveDate;

const TITLE: TextStyle = TextStyle::new(14.0).bold();
const SMALL: TextStyle = TextStyle::new(7.0).gray(0.35);
const HEADING: TextStyle = TextStyle::new(9.5).bold();
const LABEL_W: f32 = 112.0;
const SCORE_W: f32 = 52.0;
/// The narrowest a dimension column may get before the rest moves to the next part.
const MIN_DIM_W: f32 = 74.0;

/// `text` cut with `…` to fit `width` in `style`.
pub(crate) fn fit(canvas: &Canvas<'_>, text: &str, style: &TextStyle, width: f32) -> String {
    if canvas.width(text, style) <= width {
        return text.to_string();
    }
    let mut out: String = text.to_string();
    while !out.is_empty() && canvas.width(&format!("{out}…"), style) > width {
        out.pop();
    }
    format!("{out}…")
}

pub(crate) fn render(engine: &PdfEngine, data: &MatrixData, today: NaiveDate) -> CoreResult<Vec<u8>> {
    let (w, h) = (841.89, 595.28);
    let geom = PageGeom::new(w, h);
    let title = format!("竞品矩阵 Competitor matrix · {}", data.matrix.name);
    let decor = PageDecor { watermark: None, running: Some((title.clone(), format!("{today}"))) };
    let mut flow = Flow::new(Canvas::new(engine.fonts(), w, h), geom, decor);
    let base = flow.y + 14.0;
    flow.canvas.text(geom.left, base, &title, &TITLE);
    flow.y = base + 8.0;
    let f = freshness(data, today);
    let days = data.matrix.stale_after_days;
    let summary = format!(
        "量表 Scale {} · 覆盖率 Coverage {}% · 新鲜度 Freshness {}% · 过期 Stale {} (> {days} 天 days) · 负责人 Owner {} · 生成于 Generated {today}",
        data.matrix.scale.label(),
        display(f.coverage_pct, 1),
        display(f.fresh_pct, 1),
        f.stale,
        if data.matrix.owner.is_empty() { "—" } else { &data.matrix.owner }
    );
    flow.paragraph(geom.left, geom.body_width(), &summary, &LineBox::new(SMALL, 9.5));
    flow.paragraph(geom.left, geom.body_width(), "? = 未知 unknown · ※ = 过期 stale · 得分 = Σ wᵢ·sᵢ / Σ wᵢ（仅已知格 known cells only）", &LineBox::new(SMALL, 9.5));

    let ranking = score::rank(data);
    let dims: Vec<_> = data.dimensions.iter().filter(|d| !d.hidden).collect();
    let rows_of: Vec<_> = data.competitors.iter().filter(|c| !c.hidden).collect();
    let avail = geom.body_width() - LABEL_W - SCORE_W;
    let per_part = ((avail / MIN_DIM_W).floor() as usize).max(1);
    let parts: Vec<_> = dims.chunks(per_part).collect();
    let head = TextStyle::new(6.8).bold();
    for (k, part) in parts.iter().enumerate() {
        if k > 0 {
            flow.new_page();
        }
        flow.y += 6.0;
        let first = k * per_part + 1;
        let heading = format!("维度 Dimensions {first}–{} / {} （第 {} 部分，共 {} 部分 part {} of {}）", first + part.len() - 1, dims.len(), k + 1, parts.len(), k + 1, parts.len());
        let base = flow.y + 10.0;
        flow.canvas.text(geom.left, base, &heading, &HEADING);
        flow.y = base + 6.0;
        let dim_w = (avail / part.len() as f32).min(150.0);
        let inner = dim_w - 7.0;
        let mut columns = vec![
            Column { width: LABEL_W, align: Align::Left, header: vec!["竞品".into(), "Competitor".into(), String::new()], shrink: false },
            Column { width: SCORE_W, align: Align::Right, header: vec!["得分".into(), "Score".into(), "覆盖 cov.".into()], shrink: false },
        ];
        for d in part.iter() {
            let weight = ranking.weights.iter().find(|x| x.dimension_id == d.id).map(|x| x.normalised * rust_decimal::Decimal::ONE_HUNDRED);
            let group = data.group(&d.group_id).map(|g| g.name_zh.clone()).unwrap_or_default();
            columns.push(Column {
                width: dim_w,
                align: Align::Center,
                header: vec![
                    fit(&flow.canvas, &d.name_zh, &head, inner),
                    fit(&flow.canvas, &d.name_en, &head, inner),
                    fit(&flow.canvas, &format!("{group} · {}%", weight.map(|w| display(w, 1)).unwrap_or_default()), &head, inner),
                ],
                shrink: false,
            });
        }
        let table = Table {
            columns,
            body: LineBox::new(TextStyle::new(7.5).gray(0.1), 9.5),
            head: LineBox::new(head, 8.0),
            pad_x: 3.5,
            pad_y: 2.5,
            marker_col: 0,
            repeat_col: 0,
            marker: "(续 cont.)".into(),
        };
        let rows: Vec<Vec<String>> = rows_of
            .iter()
            .map(|c| {
                let r = ranking.row(c.id);
                let name = if c.is_ours { format!("{}（我方 ours）", c.name) } else { c.name.clone() };
                let s = format!("{} · {}%", r.and_then(|r| r.score).map(|s| display(s, 2)).unwrap_or_else(|| "?".into()), r.map(|r| display(r.coverage_pct, 0)).unwrap_or_default());
                let mut row = vec![name, s];
                for d in part.iter() {
                    let cell = data.cell(c.id, d.id);
                    let mut t = value::printed(d, cell.and_then(|x| x.value.as_ref()), true, true);
                    if cell.is_some_and(|x| x.value.is_some() && is_stale(&x.evidence, today, days)) {
                        t.push_str(" ※");
                    }
                    row.push(t);
                }
                row
            })
            .collect();
        table.draw(&mut flow, &rows, 0.0);
    }
    flow.footers("DealDesk", |page, total| format!("第 {page} 页 / 共 {total} 页  Page {page} of {total}"));
    writer::write(flow.canvas, &DocInfo { title: &title })
}
