//! A partner or rep statement (对账单) as a bilingual PDF: header with payee, period, plan and
//! status (LOCKED vN / DRAFT vN, also as a watermark on drafts), every line with its base,
//! the rule and tier that applied, rate and share, pending lines, adjustments (carried
//! balance, bonus, cap, floor, debt carried), the total in figures and words, and the rounding
//! rule. A4 portrait, the same page flow and tables as quotes and the weekly report.

use super::canvas::{Canvas, TextStyle};
use super::format::money;
use super::layout::{Align, Flow, LineBox, PageDecor, PageGeom};
use super::writer::{self, DocInfo};
use super::PdfEngine;
use crate::partner::statement::{AdjustmentKind, LineRole, Statement};
use crate::words;
use crate::CoreResult;

const TITLE: TextStyle = TextStyle::new(15.0).bold();
use super::dashboard::{heading, table, BODY};
const SMALL: TextStyle = TextStyle::new(7.0).gray(0.35);
const TOTAL: TextStyle = TextStyle::new(10.0).bold();

/// What the PDF says about the statement beyond its figures.
pub struct StatementHeader<'a> {
    /// `D001 华东总代`.
    pub payee: &'a str,
    /// `2026-Q3`.
    pub period_label: &'a str,
    /// `LOCKED v2` or `DRAFT v3`.
    pub mark: &'a str,
    pub plan: &'a str,
    pub generated: &'a str,
}


fn note(flow: &mut Flow<'_>, text: &str, style: TextStyle) {
    let lb = LineBox::new(style, 10.0);
    let (x, w) = (flow.geom.left, flow.geom.body_width());
    flow.paragraph(x, w, text, &lb);
}

fn role(r: &LineRole) -> String {
    match r {
        LineRole::Own => "本方 own".into(),
        LineRole::SubPartner { partner_id } => format!("下级 sub {partner_id}"),
        LineRole::Clawback { of } => format!("冲回 clawback {of}"),
    }
}

fn adjustment(k: AdjustmentKind) -> &'static str {
    match k {
        AdjustmentKind::CarriedIn => "上期结转 Carried in",
        AdjustmentKind::QuarterlyBonus => "季度奖励 Quarterly bonus",
        AdjustmentKind::TeamPool => "团队奖金池 Team pool",
        AdjustmentKind::CapCarriedForward => "超封顶结转 Above cap, carried forward",
        AdjustmentKind::CapForfeited => "超封顶作废 Above cap, forfeited",
        AdjustmentKind::FloorTopUp => "保底补足 Floor top-up",
        AdjustmentKind::NegativeCarriedForward => "负数结转 Debt carried forward",
    }
}

pub(crate) fn render(engine: &PdfEngine, s: &Statement, h: &StatementHeader<'_>) -> CoreResult<Vec<u8>> {
    let (w, hgt) = (595.28, 841.89);
    let geom = PageGeom::new(w, hgt);
    let title = format!("分润对账单 Profit-share statement · {} · {}", h.period_label, h.mark);
    let watermark = h.mark.starts_with("DRAFT").then(|| "DRAFT 草稿".to_string());
    let decor = PageDecor { watermark, running: Some((title.clone(), h.payee.to_string())) };
    let mut flow = Flow::new(Canvas::new(engine.fonts(), w, hgt), geom, decor);
    let base = flow.y + 16.0;
    flow.canvas.text(geom.left, base, &title, &TITLE);
    flow.y = base + 8.0;
    let cur = &s.currency;
    note(&mut flow, &format!(
        "收款方 Payee: {} · 期间 Period: {} ({} – {}) · 方案 Plan: {} · 币种 Currency: {} · 状态 Status: {} · 生成于 Generated {}",
        h.payee, h.period_label, s.period.from, s.period.to, h.plan, cur, h.mark, h.generated
    ), BODY);
    heading(&mut flow, "明细", "Lines");
    let t = table(&flow, &[
        (48.0, Align::Left, "行号", "Line"),
        (50.0, Align::Left, "日期", "Date"),
        (62.0, Align::Left, "类型", "Role"),
        (150.0, Align::Left, "规则 / 阶梯", "Rule / tier"),
        (62.0, Align::Right, "基数", "Base"),
        (44.0, Align::Right, "费率", "Rate"),
        (62.0, Align::Right, "分润", "Share"),
    ]);
    let rows: Vec<Vec<String>> = s
        .lines
        .iter()
        .map(|l| {
            let parts: Vec<&str> = l.parts.iter().map(|p| p.note.as_str()).collect();
            let rule = if parts.is_empty() { l.rule.clone() } else { format!("{}: {}", l.rule, parts.join("; ")) };
            let rate = l.rate_pct.round_dp(4).normalize();
            vec![l.line_id.clone(), l.date.to_string(), role(&l.role), rule, money(l.base, cur), format!("{rate}%"), money(l.share, cur)]
        })
        .collect();
    t.draw(&mut flow, &rows, 0.0);
    note(&mut flow, &format!("明细合计 Lines total: {}", money(s.lines_total, cur)), BODY);
    if !s.pending.is_empty() {
        heading(&mut flow, "待触发", "Pending (not yet earning)");
        let t = table(&flow, &[(80.0, Align::Left, "行号", "Line"), (300.0, Align::Left, "原因", "Reason")]);
        let rows: Vec<Vec<String>> = s.pending.iter().map(|p| vec![p.line_id.clone(), p.reason.clone()]).collect();
        t.draw(&mut flow, &rows, 0.0);
    }
    heading(&mut flow, "调整、封顶、冲回与结转", "Adjustments, caps, clawbacks, carry-forward");
    let t = table(&flow, &[(150.0, Align::Left, "项目", "Item"), (250.0, Align::Left, "说明", "Note"), (80.0, Align::Right, "金额", "Amount")]);
    let mut rows: Vec<Vec<String>> = s.adjustments.iter().map(|a| vec![adjustment(a.kind).to_string(), a.note.clone(), money(a.amount, cur)]).collect();
    let clawed: rust_decimal::Decimal = s.lines.iter().filter(|l| matches!(l.role, LineRole::Clawback { .. })).map(|l| l.share).sum();
    rows.push(vec!["冲回合计 Clawbacks (in lines)".into(), "退货/退款按原行费率冲回 refunds reversed at the rate earned".into(), money(clawed, cur)]);
    rows.push(vec!["结转下期 Carried to next".into(), String::new(), money(s.carried_out, cur)]);
    if !s.forfeited.is_zero() {
        rows.push(vec!["作废 Forfeited".into(), String::new(), money(s.forfeited, cur)]);
    }
    t.draw(&mut flow, &rows, 0.0);
    flow.ensure(60.0);
    flow.y += 14.0;
    let base = flow.y + 10.0;
    flow.canvas.text(geom.left, base, &format!("应付合计 Total payable: {}", money(s.total, cur)), &TOTAL);
    flow.y = base + 6.0;
    let lang = words::Lang::default_for(cur);
    let in_words = words::amount_in_words(s.total, cur, lang, &words::ZhOptions::default()).unwrap_or_default();
    let in_words_en = words::amount_in_words(s.total, cur, words::Lang::En, &words::ZhOptions::default()).unwrap_or_default();
    note(&mut flow, &format!("大写 In words: {in_words}"), BODY);
    if lang != words::Lang::En {
        note(&mut flow, &in_words_en, BODY);
    }
    flow.y += 4.0;
    note(&mut flow, &format!("舍入规则 Rounding: 每行分润四舍五入一次（远离零）到最小货币单位 {}", s.rounding), SMALL);
    flow.footers("DealDesk", |page, total| format!("{} · 第 {page} 页 / 共 {total} 页  Page {page} of {total}", h.mark));
    writer::write(flow.canvas, &DocInfo { title: &title })
}
