//! The seed checklist of every review: items per risk type (付款 / 交付 / 知识产权 / 责任 / 终止)
//! with the mitigation legal expects. Each review gets its own copy, which legal marks pass,
//! accept with reason, or require change.

use super::catalog::Category;

/// One seed item: key, the question (zh, en) and the expected mitigation (zh, en).
pub struct SeedItem {
    pub category: Category,
    pub key: &'static str,
    pub text_zh: &'static str,
    pub text_en: &'static str,
    pub mitigation_zh: &'static str,
    pub mitigation_en: &'static str,
}

macro_rules! item {
    ($cat:ident, $key:literal, $tz:literal, $te:literal, $mz:literal, $me:literal) => {
        SeedItem { category: Category::$cat, key: $key, text_zh: $tz, text_en: $te, mitigation_zh: $mz, mitigation_en: $me }
    };
}

pub const SEED: &[SeedItem] = &[
    item!(Payment, "payment.period", "付款期限是否在上限内，有无背靠背条件？", "Is the payment period within the limit, with no pay-when-paid condition?", "固定天数自验收和发票起算；公共机构不超过30日。", "A fixed number of days from acceptance and invoice; 30 at most for public bodies."),
    item!(Payment, "payment.late", "是否约定逾期付款利息？", "Is late-payment interest agreed?", "逾期付款按日万分之五计息。", "0.05% per day on overdue amounts."),
    item!(Delivery, "delivery.date", "交付期限是否明确？", "Is the delivery period fixed?", "自合同生效或订单确认起的天数。", "Days from signing or the order confirmation."),
    item!(Delivery, "delivery.acceptance", "验收是否有客观标准和视为验收？", "Does acceptance have objective criteria and deemed acceptance?", "按技术规格验收，验收期不超过30日，逾期视为合格。", "Acceptance against the specifications within 30 days at most, then deemed accepted."),
    item!(Delivery, "delivery.penalty", "逾期违约金是否有上限？", "Is the delay penalty capped?", "累计不超过合同总价的10%。", "At most 10% of the contract price in total."),
    item!(Ip, "ip.ownership", "交付成果的归属是否明确，背景知识产权是否保留？", "Is ownership of deliverables clear, and is background IP kept?", "只转让专门开发的成果；背景知识产权保留并许可使用。", "Assign only bespoke results; keep background IP and license it."),
    item!(Ip, "ip.licence", "许可范围、期限是否受限？", "Is the licence limited in scope and time?", "非独占、不可转让、限于合同期限和用途。", "Non-exclusive, non-transferable, for the term and purpose."),
    item!(Liability, "liability.cap", "是否有责任上限，并排除间接损失？", "Is liability capped, with indirect losses excluded?", "累计责任不超过合同总价；排除间接损失和预期利益。", "Aggregate liability up to the contract price; no indirect losses or lost profits."),
    item!(Liability, "liability.void", "是否免除了人身伤害、故意或重大过失责任（民法典第506条）？", "Does it exclude liability for personal injury or gross negligence (Civil Code art. 506)?", "上述责任不受限制。", "Those are carved out of every limitation."),
    item!(Liability, "liability.force_majeure", "是否有不可抗力条款？", "Is there a force-majeure clause?", "标准不可抗力条款，持续90日可解除。", "The standard clause; termination after 90 days."),
    item!(Termination, "termination.rights", "解除权是否对等，通知期是否足够，有无补救期？", "Are termination rights mutual, with enough notice and a cure period?", "违约解除前30日纠正期；任意解除需提前至少30日通知。", "30 days to cure before termination; at least 30 days' notice otherwise."),
    item!(Termination, "termination.consequences", "是否约定终止后果与续期？", "Are the consequences of termination and renewal agreed?", "支付已完成工作、返还资料；不续期通知不超过60日。", "Pay for work done, return materials; non-renewal notice 60 days at most."),
];
