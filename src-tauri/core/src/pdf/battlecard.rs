//! A one-page battlecard for one competitor against our product (A4 portrait, labels in
//! Chinese, English or both): scores and coverage, the quick summary, where we win and where
//! they win (the dimensions with the largest weighted score gaps), the pricing snapshot,
//! objection handling, trap questions, and the as-of dates with staleness marks (`※`). Lists
//! are capped so the card stays on one page.

use super::canvas::{Canvas, TextStyle};
use super::layout::{Align, Column, Flow, LineBox, PageDecor, PageGeom, Table};
use super::matrix::fit;
use super::writer::{self, DocInfo};
use super::PdfEngine;
use crate::error::{CoreError, CoreResult};
use crate::ids::CompetitorId;
use crate::matrix::fresh::is_stale;
use crate::matrix::{display, score, value, BattlecardNotes, DimensionKind, MatrixData};
use chrono::NaiveDate;
use rust_decimal::Decimal;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BattlecardLang {
    Zh,
    En,
    Bilingual,
}

const TITLE: TextStyle = TextStyle::new(15.0).bold();
const HEADING: TextStyle = TextStyle::new(10.0).bold();
const BODY: TextStyle = TextStyle::new(8.2).gray(0.1);
const SMALL: TextStyle = TextStyle::new(7.0).gray(0.35);
/// Rows per win/loss table and lines per note block: what fits one page.
const LISTED: usize = 6;
const NOTE_LINES: usize = 6;

struct Labels(BattlecardLang);

impl Labels {
    fn t(&self, zh: &str, en: &str) -> String {
        match self.0 {
            BattlecardLang::Zh => zh.to_string(),
            BattlecardLang::En => en.to_string(),
            BattlecardLang::Bilingual => format!("{zh} {en}"),
        }
    }
    fn name(&self, zh: &str, en: &str) -> String {
        match (self.0, zh.is_empty(), en.is_empty()) {
            (BattlecardLang::Zh, false, _) | (_, false, true) => zh.to_string(),
            (BattlecardLang::En, _, false) | (_, true, false) => en.to_string(),
            _ => format!("{zh} {en}"),
        }
    }
}

fn heading(flow: &mut Flow<'_>, text: &str) {
    flow.ensure(40.0);
    flow.y += 8.0;
    let base = flow.y + 10.0;
    flow.canvas.text(flow.geom.left, base, text, &HEADING);
    flow.canvas.line(flow.geom.left, base + 3.5, flow.geom.right, base + 3.5, 0.5, 0.7);
    flow.y = base + 6.0;
}

fn lines(flow: &mut Flow<'_>, text: &str, bullet: &str, empty: &str) {
    let lb = LineBox::new(BODY, 11.0);
    let (x, w) = (flow.geom.left + 4.0, flow.geom.body_width() - 4.0);
    let items: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    if items.is_empty() {
        flow.paragraph(x, w, empty, &LineBox::new(SMALL, 10.0));
    }
    for l in items.iter().take(NOTE_LINES) {
        flow.paragraph(x, w, &format!("{bullet}{l}"), &lb);
    }
    if items.len() > NOTE_LINES {
        flow.paragraph(x, w, &format!("… +{}", items.len() - NOTE_LINES), &LineBox::new(SMALL, 10.0));
    }
}

fn table(flow: &Flow<'_>, cols: &[(f32, Align, String)]) -> Table {
    let total: f32 = cols.iter().map(|c| c.0).sum();
    let scale = flow.geom.body_width() / total;
    Table {
        columns: cols.iter().map(|(w, a, h)| Column { width: w * scale, align: *a, header: vec![h.clone()], shrink: *a == Align::Right }).collect(),
        body: LineBox::new(BODY, 10.5),
        head: LineBox::new(TextStyle::new(7.2).bold(), 9.0),
        pad_x: 3.5,
        pad_y: 2.0,
        marker_col: 0,
        repeat_col: 0,
        marker: "(续 cont.)".into(),
    }
}

pub(crate) fn render(engine: &PdfEngine, data: &MatrixData, them: CompetitorId, notes: &BattlecardNotes, lang: BattlecardLang, today: NaiveDate) -> CoreResult<Vec<u8>> {
    let l = Labels(lang);
    let ours = data.competitors.iter().find(|c| c.is_ours).ok_or_else(|| CoreError::BadRequest(format!("matrix '{}' has no row marked as our product", data.matrix.name)))?;
    let rival = data.competitor(them).ok_or_else(|| CoreError::not_found("competitor", them))?;
    let days = data.matrix.stale_after_days;
    let (w, h) = (595.28, 841.89);
    let geom = PageGeom::new(w, h);
    let title = format!("{} · {} vs {}", l.t("竞品作战卡", "Battlecard"), rival.name, ours.name);
    let mut flow = Flow::new(Canvas::new(engine.fonts(), w, h), geom, PageDecor { watermark: None, running: Some((title.clone(), data.matrix.name.clone())) });
    let base = flow.y + 16.0;
    flow.canvas.text(geom.left, base, &fit(&flow.canvas, &title, &TITLE, geom.body_width()), &TITLE);
    flow.y = base + 8.0;

    let ranking = score::rank(data);
    let scores = score::cell_scores(data);
    let dated: Vec<NaiveDate> = data.dimensions.iter().filter_map(|d| data.cell(rival.id, d.id)).filter(|c| c.value.is_some()).filter_map(|c| c.evidence.as_of).collect();
    let stale = data.dimensions.iter().filter_map(|d| data.cell(rival.id, d.id)).filter(|c| c.value.is_some() && is_stale(&c.evidence, today, days)).count();
    let as_of = dated.iter().max().map(|d| d.to_string()).unwrap_or_else(|| "—".into());
    let oldest = dated.iter().min().map(|d| d.to_string()).unwrap_or_else(|| "—".into());
    let line = format!(
        "{} {} · {} {as_of} ({} {oldest}) · {} {stale}{} · {} {today}",
        l.t("矩阵", "Matrix"),
        data.matrix.name,
        l.t("资料截至", "As of"),
        l.t("最早", "oldest"),
        l.t("过期格", "Stale cells"),
        if stale > 0 { " ※" } else { "" },
        l.t("生成于", "Generated"),
    );
    flow.paragraph(geom.left, geom.body_width(), &line, &LineBox::new(SMALL, 10.0));
    let sc = |id| {
        let r = ranking.row(id);
        format!(
            "{} ({} {}%, {} {})",
            r.and_then(|r| r.score).map(|s| display(s, 2)).unwrap_or_else(|| "?".into()),
            l.t("覆盖", "coverage"),
            r.map(|r| display(r.coverage_pct, 0)).unwrap_or_default(),
            l.t("排名", "rank"),
            r.and_then(|r| r.rank).map(|r| r.to_string()).unwrap_or_else(|| "—".into())
        )
    };
    let scoreline = format!("{}: {} {} · {} {}  ({} {})", l.t("加权得分", "Weighted score"), ours.name, sc(ours.id), rival.name, sc(rival.id), l.t("量表", "scale"), data.matrix.scale.label());
    flow.paragraph(geom.left, geom.body_width(), &scoreline, &LineBox::new(TextStyle::new(8.5).bold(), 12.0));

    heading(&mut flow, &l.t("速览", "Quick summary"));
    lines(&mut flow, &notes.summary, "", &l.t("（尚无摘要）", "(no summary yet)"));

    // Gaps weighted by the dimension's share: what matters most comes first.
    let weights: std::collections::HashMap<_, _> = ranking.weights.iter().map(|w| (w.dimension_id, w.normalised)).collect();
    let mut gaps: Vec<(Decimal, &crate::matrix::Dimension, Decimal, Decimal)> = data
        .dimensions
        .iter()
        .filter_map(|d| {
            let (a, b) = (scores.get(&(ours.id, d.id))?, scores.get(&(rival.id, d.id))?);
            let w = weights.get(&d.id).copied().unwrap_or_default();
            (!w.is_zero() && a != b).then_some(((*a - *b) * w, d, *a, *b))
        })
        .collect();
    gaps.sort_by(|x, y| y.0.cmp(&x.0));
    let mark = |c: CompetitorId, d: &crate::matrix::Dimension| {
        let cell = data.cell(c, d.id);
        let mut t = value::printed(d, cell.and_then(|x| x.value.as_ref()), lang != BattlecardLang::En, lang != BattlecardLang::Zh);
        if cell.is_some_and(|x| x.value.is_some() && is_stale(&x.evidence, today, days)) {
            t.push_str(" ※");
        }
        t
    };
    let gap_table = |flow: &mut Flow<'_>, picked: Vec<&(Decimal, &crate::matrix::Dimension, Decimal, Decimal)>| {
        if picked.is_empty() {
            flow.paragraph(flow.geom.left + 4.0, flow.geom.body_width(), &l.t("（无）", "(none)"), &LineBox::new(SMALL, 10.0));
            return;
        }
        let t = table(flow, &[(150.0, Align::Left, l.t("维度", "Dimension")), (110.0, Align::Left, ours.name.clone()), (110.0, Align::Left, rival.name.clone()), (60.0, Align::Right, l.t("得分差", "Score gap"))]);
        let rows: Vec<Vec<String>> = picked.iter().map(|(_, d, a, b)| vec![l.name(&d.name_zh, &d.name_en), mark(ours.id, d), mark(rival.id, d), display(*a - *b, 2)]).collect();
        t.draw(flow, &rows, 0.0);
    };
    heading(&mut flow, &l.t("我方优势", "Where we win"));
    gap_table(&mut flow, gaps.iter().filter(|g| g.0 > Decimal::ZERO).take(LISTED).collect());
    heading(&mut flow, &l.t("对手优势", "Where they win"));
    gap_table(&mut flow, gaps.iter().rev().filter(|g| g.0 < Decimal::ZERO).take(LISTED).collect());

    heading(&mut flow, &l.t("价格对比", "Pricing snapshot"));
    let prices: Vec<_> = data.dimensions.iter().filter(|d| d.kind == DimensionKind::Price).collect();
    if prices.is_empty() {
        flow.paragraph(geom.left + 4.0, geom.body_width(), &l.t("（无价格维度）", "(no price dimensions)"), &LineBox::new(SMALL, 10.0));
    } else {
        let t = table(&flow, &[(140.0, Align::Left, l.t("价格项", "Price")), (80.0, Align::Left, l.t("单位", "Unit")), (90.0, Align::Right, ours.name.clone()), (90.0, Align::Right, rival.name.clone()), (70.0, Align::Left, l.t("截至", "As of"))]);
        let rows: Vec<Vec<String>> = prices
            .iter()
            .take(LISTED)
            .map(|d| {
                let as_of = data.cell(rival.id, d.id).and_then(|c| c.evidence.as_of).map(|d| d.to_string()).unwrap_or_else(|| "—".into());
                vec![l.name(&d.name_zh, &d.name_en), d.unit.clone(), mark(ours.id, d), mark(rival.id, d), as_of]
            })
            .collect();
        t.draw(&mut flow, &rows, 0.0);
    }

    heading(&mut flow, &l.t("异议处理", "Objection handling"));
    lines(&mut flow, &notes.objections, "• ", &l.t("（尚无）", "(none yet)"));
    heading(&mut flow, &l.t("陷阱问题", "Trap questions"));
    lines(&mut flow, &notes.trap_questions, "? ", &l.t("（尚无）", "(none yet)"));
    flow.y += 6.0;
    let legend = l.t(
        &format!("※ 资料早于 {days} 天，需复核；? 未知。得分 = Σ 权重×分 / Σ 权重（仅已知格）。"),
        &format!("※ evidence older than {days} days, re-check; ? unknown. Score = Σ w·s / Σ w over known cells."),
    );
    flow.paragraph(geom.left, geom.body_width(), &legend, &LineBox::new(SMALL, 9.5));
    flow.footers("DealDesk", |page, total| format!("第 {page} 页 / 共 {total} 页  Page {page} of {total}"));
    writer::write(flow.canvas, &DocInfo { title: &title })
}
