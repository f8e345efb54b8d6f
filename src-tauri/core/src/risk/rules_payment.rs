//! The payment (PAY-*) and delivery (DEL-*) rules.

use super::rules::*;
use crate::contract::{TemplateKind, Topic};

pub(super) fn run(r: &mut Rules<'_, '_>) {
    if r.applies(TemplateKind::has_payment, &PAYMENT_CTX) {
        payment(r);
    }
    if r.applies(TemplateKind::has_delivery, &DELIVERY_CTX) || (r.kind().is_none() && r.has(&ACCEPT_CTX)) {
        delivery(r);
    }
}

/// Payment sentences: about paying, not about interest, penalties or a liability cap measured
/// by what was paid ("不超过前十二个月已支付的货款").
fn payment_sentences(r: &Rules<'_, '_>) -> Vec<usize> {
    r.matching(&[&PAYMENT_CTX], &[&INTEREST, &LD_CTX, &LIMITATION])
}

fn payment(r: &mut Rules<'_, '_>) {
    let public = r.terms().is_some_and(|t| t.public_body);
    let limit = u64::from(if public { r.t().payment_days_max_public } else { r.t().payment_days_max });
    let who = if public { " (public body)" } else { "" };
    // PAY-01: a period over the limit, in the terms or in the text.
    if let Some(days) = r.terms().and_then(|t| t.payment_days) {
        if u64::from(days) > limit {
            r.flag_contract("PAY-01", Topic::PricePayment, format!("payment {days} days > {limit}{who}"));
        }
    }
    for i in payment_sentences(r) {
        if let Some(p) = r.periods(i).into_iter().find(|p| p.days > limit) {
            r.flag("PAY-01", i, format!("{} days > {limit}{who}", p.days));
        }
    }
    // PAY-02: pay when paid.
    for i in r.matching(&[&PAY_WHEN_PAID], &[]) {
        r.flag("PAY-02", i, String::new());
    }
    // PAY-03: vague due date, no period in the terms, or no period anywhere in the text.
    for i in r.matching(&[&PAYMENT_CTX, &VAGUE], &[]) {
        r.flag("PAY-03", i, String::new());
    }
    match r.terms() {
        Some(t) if t.payment_days.is_none() => r.flag_contract("PAY-03", Topic::PricePayment, "no payment period agreed".into()),
        Some(_) => {}
        None => {
            let dated = payment_sentences(r).into_iter().any(|i| !r.periods(i).is_empty() || DATE.is_match(r.low(i)));
            if !dated {
                r.flag_contract("PAY-03", Topic::PricePayment, "no payment period or date in the text".into());
            }
        }
    }
    // PAY-04: payment conditional on satisfaction.
    for i in r.matching(&[&PAYMENT_CTX, &SATISFACTION], &[]) {
        r.flag("PAY-04", i, String::new());
    }
    // PAY-05: no late-payment interest anywhere.
    // A delivery-delay penalty (逾期交货…价款…违约金) is not late-payment interest.
    let late = |s: &str| ((PAYMENT_CTX.is_match(s) && LATE.is_match(s)) || UNPAID.is_match(s)) && !DELAY_DELIVERY.is_match(s);
    let interest = (0..r.len()).any(|i| late(r.low(i)) && (INTEREST.is_match(r.low(i)) || LD_CTX.is_match(r.low(i))));
    if !interest {
        r.flag_contract("PAY-05", Topic::PricePayment, "no late-payment interest".into());
    }
}

fn delivery(r: &mut Rules<'_, '_>) {
    // DEL-01: no delivery period, or ASAP.
    for i in r.matching(&[&DELIVERY_CTX, &VAGUE], &[&PAYMENT_CTX]) {
        r.flag("DEL-01", i, String::new());
    }
    match r.terms() {
        Some(t) if t.delivery_days.is_none() => r.flag_contract("DEL-01", Topic::DeliveryAcceptance, "no delivery period agreed".into()),
        Some(_) => {}
        None => {
            let delivers = |s: &str| (DELIVERY_CTX.is_match(s) || HANDOVER.is_match(s)) && !LD_CTX.is_match(s);
            let dated = (0..r.len()).any(|i| delivers(r.low(i)) && (!r.periods(i).is_empty() || DATE.is_match(r.low(i)) || RELATIVE_DEADLINE.is_match(r.low(i))));
            if !dated {
                r.flag_contract("DEL-01", Topic::DeliveryAcceptance, "no delivery period or date in the text".into());
            }
        }
    }
    // DEL-02: acceptance to the buyer's satisfaction.
    for i in r.matching(&[&SUBJECTIVE_ACCEPTANCE], &[]) {
        r.flag("DEL-02", i, String::new());
    }
    // DEL-03: no deemed acceptance, or a long acceptance window.
    let max = u64::from(r.t().acceptance_days_max);
    if let Some(t) = r.terms() {
        match t.acceptance_days {
            None => r.flag_contract("DEL-03", Topic::DeliveryAcceptance, "no acceptance window agreed".into()),
            Some(d) if u64::from(d) > max => r.flag_contract("DEL-03", Topic::DeliveryAcceptance, format!("acceptance window {d} days > {max}")),
            Some(_) => {}
        }
    }
    for i in r.matching(&[&ACCEPT_CTX], &[&PAYMENT_CTX, &LD_CTX, &WARRANTY]) {
        if let Some(p) = r.periods(i).into_iter().find(|p| p.days > max) {
            r.flag("DEL-03", i, format!("acceptance window {} days > {max}", p.days));
        }
    }
    if !r.has(&DEEMED) {
        r.flag_contract("DEL-03", Topic::DeliveryAcceptance, "no deemed acceptance".into());
    }
    // DEL-04: a daily delay penalty without a cap (in the sentence or the next one).
    for i in r.matching(&[&DELAY_DELIVERY, &DAILY], &[&INTEREST]) {
        if !CAP.is_match(r.low(i)) && !CAP.is_match(r.next_low(i)) {
            r.flag("DEL-04", i, "daily penalty, no cap".into());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::risk::tests::{fires, fires_with_terms};

    #[test]
    fn pay_01_payment_period_over_the_limit() {
        assert!(fires("PAY-01", "甲方应于收到发票后一百二十天内付款。"));
        assert!(fires("PAY-01", "The Buyer shall pay within one hundred and twenty (120) days of the invoice."));
        assert!(!fires("PAY-01", "甲方应于验收合格且收到合规发票之日起30日内支付合同价款。"));
        assert!(!fires("PAY-01", "The Buyer shall pay within sixty (60) days of the invoice."));
        let mut t = crate::contract::KeyTerms::default();
        t.payment_days = Some(45);
        assert!(!fires_with_terms("PAY-01", t.clone()), "45 days is within 60");
        t.public_body = true;
        assert!(fires_with_terms("PAY-01", t), "a public body has 30");
    }

    #[test]
    fn pay_02_pay_when_paid() {
        assert!(fires("PAY-02", "本合同款项采用背靠背方式支付。"));
        assert!(fires("PAY-02", "甲方在收到业主相应付款后10日内向乙方支付。"));
        assert!(fires("PAY-02", "The Contractor pays the Supplier within 10 days after receipt of payment from the Owner."));
        assert!(!fires("PAY-02", "甲方应于收到乙方发票后30日内付款。"));
        assert!(!fires("PAY-02", "The Buyer pays within 30 days after receipt of the Seller's invoice."));
    }

    #[test]
    fn pay_03_vague_or_missing_due_date() {
        assert!(fires("PAY-03", "付款时间由双方另行协商。"));
        assert!(fires("PAY-03", "The Buyer shall pay the price as soon as practicable."));
        assert!(fires("PAY-03", "甲方向乙方支付合同价款。"), "no period at all");
        assert!(!fires("PAY-03", "甲方应于验收合格且收到合规发票之日起30日内支付。"));
        assert!(!fires("PAY-03", "The Buyer pays within 30 days of the invoice."));
        let mut t = crate::contract::KeyTerms::default();
        t.payment_days = None;
        assert!(fires_with_terms("PAY-03", t));
    }

    #[test]
    fn pay_04_payment_on_satisfaction() {
        assert!(fires("PAY-04", "甲方对产品满意后30日内付款。"));
        assert!(fires("PAY-04", "Payment is due within 30 days once the Buyer is satisfied with the goods."));
        assert!(!fires("PAY-04", "甲方应于验收合格之日起30日内付款。"));
        assert!(!fires("PAY-04", "Payment is due within 30 days after acceptance."));
    }

    #[test]
    fn pay_05_no_late_payment_interest() {
        assert!(fires("PAY-05", "甲方应于收到发票之日起30日内付款。"));
        assert!(fires("PAY-05", "The Buyer pays within 30 days of the invoice."));
        assert!(!fires("PAY-05", "甲方应于收到发票之日起30日内付款；逾期付款的，按日万分之五支付逾期利息。"));
        assert!(!fires("PAY-05", "The Buyer pays within 30 days. Overdue payments bear interest of 0.05% per day."));
    }

    #[test]
    fn found_on_the_fixture_set() {
        assert!(!fires("PAY-01", "甲方应于收到发票后30日内付款。任何一方的累计赔偿责任不超过前十二个月乙方已支付的货款总额。"), "a cap measured by past payments is no payment period");
        assert!(!fires("PAY-05", "The Buyer pays within 30 days of the invoice. Any amount not paid when due bears interest at 4% per annum."));
        assert!(!fires("PAY-05", "The Customer shall pay each invoice within 30 days. Overdue amounts bear interest at 0.04% per day."));
        assert!(fires("PAY-05", "甲方应于收到发票后30日内付款。乙方逾期交货的，每逾期一日按货物价款的千分之二支付违约金，累计不超过10%。"), "a delay penalty is not late-payment interest");
        assert!(!fires("DEL-01", "The Subcontractor shall complete the works and deliver them by 30 June 2027."));
        assert!(!fires("DEL-01", "二、成果交付与验收\n乙方应于服务期届满前提交最终咨询报告。"));
        assert!(!fires("DEL-01", "第三条 服务交付与验收\n乙方应于本协议生效之日起15日内完成运维交接。"));
        assert!(fires("DEL-01", "第三条 服务交付与验收\n乙方应完成运维交接。"));
    }

    #[test]
    fn the_acceptable_payment_clause_raises_no_payment_flag() {
        let text = "甲方应于验收合格且收到合规发票之日起30日内支付合同价款；逾期付款的，按日万分之五支付逾期利息。";
        let payment: Vec<_> = crate::risk::tests::findings(text).into_iter().filter(|f| f.rule.starts_with("PAY")).collect();
        assert!(payment.is_empty(), "{payment:?}");
    }

    #[test]
    fn del_01_no_delivery_date_or_asap() {
        assert!(fires("DEL-01", "乙方应尽快交货。"));
        assert!(fires("DEL-01", "The Seller shall deliver the goods as soon as possible."));
        assert!(!fires("DEL-01", "乙方应于合同生效之日起30日内交货。"));
        assert!(!fires("DEL-01", "The Seller shall deliver the goods within thirty (30) days."));
        let mut t = crate::contract::KeyTerms::default();
        t.delivery_days = None;
        assert!(fires_with_terms("DEL-01", t));
    }

    #[test]
    fn del_02_acceptance_to_the_buyers_satisfaction() {
        assert!(fires("DEL-02", "验收标准以甲方满意为准。"));
        assert!(fires("DEL-02", "The goods shall be accepted to the Buyer's satisfaction."));
        assert!(!fires("DEL-02", "甲方依据约定的技术规格进行验收。"));
        assert!(!fires("DEL-02", "The Buyer inspects the goods against the agreed specifications."));
    }

    #[test]
    fn del_03_no_deemed_acceptance_or_a_long_window() {
        assert!(fires("DEL-03", "甲方应于交货后10日内验收。"), "no deemed acceptance");
        assert!(fires("DEL-03", "甲方应于交货后六十日内验收，逾期未提出异议的，视为验收合格。"));
        assert!(fires("DEL-03", "The Buyer inspects within ninety (90) days after delivery; without objection the goods are deemed accepted."));
        assert!(!fires("DEL-03", "甲方应于交货后10日内验收，逾期未提出异议的，视为验收合格。"));
        assert!(!fires("DEL-03", "The Buyer inspects within 10 days after delivery; without objection the goods are deemed accepted."));
        let mut t = crate::contract::KeyTerms::default();
        t.acceptance_days = Some(45);
        assert!(fires_with_terms("DEL-03", t));
    }

    #[test]
    fn del_04_daily_delay_penalty_without_a_cap() {
        assert!(fires("DEL-04", "乙方逾期交货的，每逾期一日按合同总价的千分之五支付违约金。"));
        assert!(fires("DEL-04", "For late delivery the Seller pays 0.5% of the price per day of delay."));
        assert!(!fires("DEL-04", "乙方逾期交货的，每逾期一日按合同总价的千分之一支付违约金，累计不超过合同总价的10%。"));
        assert!(!fires("DEL-04", "For late delivery the Seller pays 0.1% of the price per day of delay. The total shall not exceed 10% of the price."));
    }
}
