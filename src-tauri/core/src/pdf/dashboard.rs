//! The dashboard as a PDF for the weekly meeting (销售周报): the funnel with bars and the
//! bottleneck marked, the KPIs against the previous period, target attainment and CAC/LTV,
//! the rolling forecast with its accuracy, and the top of the ABC ranking. Bilingual labels,
//! A4 portrait, the same page flow and tables as quotes (header repeated, no row split).

use super::canvas::{Canvas, TextStyle};
use super::format::money;
use super::layout::{Align, Column, Flow, LineBox, PageDecor, PageGeom, Table};
use super::writer::{self, DocInfo};
use super::PdfEngine;
use crate::report::dashboard::Dashboard;
use crate::CoreResult;
use rust_decimal::Decimal;

const TITLE: TextStyle = TextStyle::new(15.0).bold();
pub(super) const HEADING: TextStyle = TextStyle::new(10.5).bold();
pub(super) const BODY: TextStyle = TextStyle::new(8.0).gray(0.1);
const SMALL: TextStyle = TextStyle::new(7.0).gray(0.35);
/// How many customers of the ABC ranking the report lists.
const ABC_LISTED: usize = 15;

fn opt(v: Option<Decimal>, f: impl Fn(Decimal) -> String) -> String {
    v.map(f).unwrap_or_else(|| "—".into())
}

/// As computed (rates arrive rounded to one decimal; benchmarks as the user typed them).
fn pct(v: Decimal) -> String {
    format!("{v}%")
}

fn signed(v: Decimal, f: impl Fn(Decimal) -> String) -> String {
    if v.is_sign_negative() { f(v) } else { format!("+{}", f(v)) }
}

/// A table over the body width with bilingual headers, columns scaled from `cols` widths
/// (also used by the partner statement).
pub(super) fn table(flow: &Flow<'_>, cols: &[(f32, Align, &str, &str)]) -> Table {
    let total: f32 = cols.iter().map(|c| c.0).sum();
    let scale = flow.geom.body_width() / total;
    Table {
        columns: cols.iter().map(|(w, a, zh, en)| Column { width: w * scale, align: *a, header: vec![zh.to_string(), en.to_string()], shrink: *a == Align::Right }).collect(),
        body: LineBox::new(BODY, 10.5),
        head: LineBox::new(TextStyle::new(7.0).bold(), 8.5),
        pad_x: 3.5,
        pad_y: 2.5,
        marker_col: 0,
        repeat_col: 0,
        marker: "(续 cont.)".into(),
    }
}

/// A section heading `中文  English`, kept with what follows it.
pub(super) fn heading(flow: &mut Flow<'_>, zh: &str, en: &str) {
    heading_line(flow, &format!("{zh}  {en}"));
}

/// A section heading in the words given (one language, or both already joined).
pub(super) fn heading_line(flow: &mut Flow<'_>, text: &str) {
    flow.ensure(60.0);
    flow.y += 10.0;
    let base = flow.y + 11.0;
    flow.canvas.text(flow.geom.left, base, text, &HEADING);
    flow.y = base + 7.0;
}

fn note(flow: &mut Flow<'_>, text: &str) {
    let lb = LineBox::new(SMALL, 9.5);
    let (x, w) = (flow.geom.left, flow.geom.body_width());
    flow.paragraph(x, w, text, &lb);
}

/// Horizontal bars, one per funnel stage, widths by reached count; the bottleneck darker.
fn funnel_bars(flow: &mut Flow<'_>, d: &Dashboard) {
    let rows = d.funnel.stages.len() as f32;
    flow.ensure(rows * 15.0 + 6.0);
    let max = d.funnel.stages.iter().map(|s| s.reached_count).max().unwrap_or(0).max(1) as f32;
    let (left, width) = (flow.geom.left + 70.0, flow.geom.body_width() - 140.0);
    for s in &d.funnel.stages {
        let top = flow.y + 2.0;
        let w = (s.reached_count as f32 / max * width).max(1.0);
        let x = left + (width - w) / 2.0;
        let gray = if d.funnel.bottleneck == Some(s.stage) { 0.35 } else { 0.75 };
        flow.canvas.fill_rect(x, top, w, 11.0, gray);
        flow.canvas.text(flow.geom.left, top + 8.5, s.label_zh, &BODY);
        flow.canvas.text_right(flow.geom.right, top + 8.5, &s.reached_count.to_string(), &BODY);
        flow.y += 15.0;
    }
}

fn funnel(flow: &mut Flow<'_>, d: &Dashboard) {
    heading(flow, "销售漏斗", "Sales funnel");
    funnel_bars(flow, d);
    let cur = &d.currency;
    let t = table(flow, &[
        (62.0, Align::Left, "阶段", "Stage"),
        (40.0, Align::Right, "到达", "Reached"),
        (70.0, Align::Right, "金额", "Amount"),
        (44.0, Align::Right, "环比转化", "Step conv."),
        (44.0, Align::Right, "总转化", "From first"),
        (40.0, Align::Right, "流失", "Drop-off"),
        (44.0, Align::Right, "中位天数", "Median days"),
        (44.0, Align::Right, "行业基准", "Industry"),
        (44.0, Align::Right, "优秀基准", "Top"),
    ]);
    let rows: Vec<Vec<String>> = d
        .funnel
        .stages
        .iter()
        .map(|s| {
            let mark = if d.funnel.bottleneck == Some(s.stage) { " ◆" } else { "" };
            vec![
                format!("{}{mark}", s.label_zh),
                s.reached_count.to_string(),
                money(s.reached_amount, cur),
                opt(s.conversion_from_previous_pct, pct),
                opt(s.conversion_from_first_pct, pct),
                s.drop_off.map(|v| v.to_string()).unwrap_or_else(|| "—".into()),
                opt(s.median_days_in_stage, |v| v.to_string()),
                pct(s.industry_pct),
                pct(s.top_pct),
            ]
        })
        .collect();
    t.draw(flow, &rows, 0.0);
    let bottleneck = d.funnel.stages.iter().find(|s| Some(s.stage) == d.funnel.bottleneck).map(|s| s.label_zh).unwrap_or("—");
    note(flow, &format!("◆ 瓶颈阶段 Bottleneck: {bottleneck}（相对行业基准转化最差的一步 the step converting worst against the industry benchmark）；输单 Lost: {} / {}", d.funnel.lost_count, money(d.funnel.lost_amount, cur)));
}

fn kpis(flow: &mut Flow<'_>, d: &Dashboard) {
    heading(flow, "关键指标", "KPIs");
    let (k, cur) = (&d.kpi.current, &d.currency);
    let prev = d.kpi.previous.as_ref();
    let c = d.kpi.change.as_ref();
    let t = table(flow, &[(120.0, Align::Left, "指标", "KPI"), (90.0, Align::Right, "本期", "This period"), (90.0, Align::Right, "上期", "Previous"), (90.0, Align::Right, "变化", "Change")]);
    let m = |v: Decimal| money(v, cur);
    let rows = vec![
        vec!["签约率 Win rate".into(), opt(k.win_rate_pct, pct), opt(prev.and_then(|p| p.win_rate_pct), pct), opt(c.and_then(|c| c.win_rate_pts), |v| signed(v, |v| format!("{} pts", v.normalize())))],
        vec!["成交金额 Won amount".into(), m(k.won_amount), opt(prev.map(|p| p.won_amount), m), opt(c.map(|c| c.won_amount), |v| signed(v, m))],
        vec!["成交数 Deals won".into(), k.won_count.to_string(), prev.map(|p| p.won_count.to_string()).unwrap_or_default(), c.map(|c| format!("{:+}", c.won_count)).unwrap_or_default()],
        vec!["平均客单价 Avg. deal".into(), opt(k.average_deal_size, m), opt(prev.and_then(|p| p.average_deal_size), m), opt(c.and_then(|c| c.average_deal_size), |v| signed(v, m))],
        vec!["销售周期(天) Cycle (days)".into(), opt(k.sales_cycle_days, |v| v.to_string()), opt(prev.and_then(|p| p.sales_cycle_days), |v| v.to_string()), opt(c.and_then(|c| c.sales_cycle_days), |v| signed(v, |v| v.to_string()))],
        vec!["新客户 New customers".into(), k.new_customers.to_string(), prev.map(|p| p.new_customers.to_string()).unwrap_or_default(), c.map(|c| format!("{:+}", c.new_customers)).unwrap_or_default()],
        vec!["在手商机 Open pipeline".into(), m(k.open_pipeline), opt(prev.map(|p| p.open_pipeline), m), opt(c.map(|c| c.open_pipeline), |v| signed(v, m))],
        vec!["管道覆盖率 Coverage".into(), opt(k.pipeline_coverage, |v| format!("{v}×")), String::new(), String::new()],
    ];
    t.draw(flow, &rows, 40.0);
    let a = &d.attainment;
    let e = &d.economics;
    note(flow, &format!(
        "目标 Target {}，完成 Won {}，达成率 Attainment {}。CAC = (市场费用 + 销售费用) / 新客户 = {}；LTV = 年均客户收入 × 合作年限 {} = {}；LTV : CAC = {}",
        opt(a.target, m), m(a.won), opt(a.attainment_pct, pct), opt(e.cac, m), e.lifetime_years.normalize(), opt(e.ltv, m), opt(e.ltv_to_cac, |v| v.to_string())
    ));
}

fn forecast(flow: &mut Flow<'_>, d: &Dashboard) {
    heading(flow, "滚动预测", "Rolling forecast");
    let cur = &d.currency;
    let t = table(flow, &[(70.0, Align::Left, "月份", "Month"), (40.0, Align::Right, "商机数", "Deals"), (80.0, Align::Right, "管道", "Pipeline"), (80.0, Align::Right, "保守", "Worst"), (80.0, Align::Right, "可能", "Likely"), (80.0, Align::Right, "乐观", "Best")]);
    let f = &d.forecast;
    let rows: Vec<Vec<String>> = f
        .months
        .iter()
        .chain([&f.total, &f.overdue])
        .map(|b| {
            let label = match b.label.as_str() {
                "total" => "合计 Total".to_string(),
                "overdue" => "已逾期 Overdue".to_string(),
                other => other.to_string(),
            };
            vec![label, b.count.to_string(), money(b.pipeline, cur), money(b.worst, cur), money(b.likely, cur), money(b.best, cur)]
        })
        .collect();
    t.draw(flow, &rows, 0.0);
    let acc: Vec<String> = d.accuracy.iter().map(|r| format!("{} {}", r.month, opt(r.accuracy_pct, pct))).collect();
    note(flow, &format!("预测准确率（按各月初的管道回测）Forecast accuracy (pipeline at each month's start): {}", acc.join("  ")));
}

fn abc(flow: &mut Flow<'_>, d: &Dashboard) {
    heading(flow, "ABC 客户分类", "ABC segmentation");
    let a = &d.abc;
    note(flow, &format!(
        "A {} / B {} / C {}（A 至累计 {}%，B 至 {}%）; revenue {}",
        a.count_a, a.count_b, a.count_c, a.thresholds.a_pct.normalize(), a.thresholds.b_pct.normalize(), money(a.total_revenue, &d.currency)
    ));
    let t = table(flow, &[(30.0, Align::Right, "排名", "Rank"), (200.0, Align::Left, "客户", "Customer"), (90.0, Align::Right, "收入", "Revenue"), (60.0, Align::Right, "累计", "Cumulative"), (40.0, Align::Center, "分类", "Class")]);
    let rows: Vec<Vec<String>> = a
        .rows
        .iter()
        .take(ABC_LISTED)
        .enumerate()
        .map(|(i, r)| vec![(i + 1).to_string(), r.customer_name.clone(), money(r.revenue, &d.currency), opt(r.cumulative_pct, pct), r.class.code().to_string()])
        .collect();
    t.draw(flow, &rows, 0.0);
}

/// The weekly report of `d`; `generated` is printed under the title (e.g. `2026-12-02`).
pub(crate) fn render(engine: &PdfEngine, d: &Dashboard, scope_label: &str, generated: &str) -> CoreResult<Vec<u8>> {
    let (w, h) = (595.28, 841.89);
    let geom = PageGeom::new(w, h);
    let title = format!("销售周报 Weekly sales report · {}", d.period);
    let decor = PageDecor { watermark: None, running: Some((title.clone(), scope_label.to_string())) };
    let mut flow = Flow::new(Canvas::new(engine.fonts(), w, h), geom, decor);
    let base = flow.y + 16.0;
    flow.canvas.text(geom.left, base, &title, &TITLE);
    flow.y = base + 8.0;
    note(&mut flow, &format!("{scope_label} · {} · 生成于 Generated {generated} · {} 个商机 opportunities", d.currency, d.opportunity_count));
    funnel(&mut flow, d);
    kpis(&mut flow, d);
    forecast(&mut flow, d);
    abc(&mut flow, d);
    flow.footers("DealDesk", |page, total| format!("第 {page} 页 / 共 {total} 页  Page {page} of {total}"));
    writer::write(flow.canvas, &DocInfo { title: &title })
}
