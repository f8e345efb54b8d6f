//! The intellectual-property (IP-*), liability (LIA-*) and termination (TER-*) rules.

use super::rules::*;
use crate::contract::{TemplateKind, Topic};

pub(super) fn run(r: &mut Rules<'_, '_>) {
    ip(r);
    liability(r);
    termination(r);
}

fn ip(r: &mut Rules<'_, '_>) {
    for i in r.matching(&[&ASSIGNMENT, &BACKGROUND_IP], &[&KEEPS_BACKGROUND]) {
        r.flag("IP-01", i, String::new());
    }
    let development = match r.kind() {
        Some(k) => k == TemplateKind::Service,
        None => (0..r.len()).any(|i| DEVELOPMENT.is_match(r.low(i)) && !INDEPENDENT_DEVELOPMENT.is_match(r.low(i))),
    };
    if development {
        let owned = (0..r.len()).any(|i| DELIVERABLES.is_match(r.low(i)) && OWNERSHIP.is_match(r.low(i)));
        if !owned {
            r.flag_contract("IP-02", Topic::IntellectualProperty, "deliverables' ownership not stated".into());
        }
    }
    for i in r.matching(&[&JOINT], &[]) {
        // The next sentence counts when it says who may exploit ("; each party may use …").
        let next = r.next_low(i);
        if !EXPLOITATION.is_match(r.low(i)) && !(EXPLOITATION.is_match(next) && EACH_PARTY.is_match(next)) {
            r.flag("IP-03", i, String::new());
        }
    }
    for i in r.matching(&[&LICENCE, &UNLIMITED_LICENCE], &[]) {
        r.flag("IP-04", i, String::new());
    }
}

fn liability(r: &mut Rules<'_, '_>) {
    if r.terms().is_some_and(|t| t.liability_cap_pct.is_none()) {
        r.flag_contract("LIA-01", Topic::LiabilityIndemnity, "no liability cap agreed".into());
    }
    if !r.has(&LIMITATION) {
        r.flag_contract("LIA-01", Topic::LiabilityIndemnity, "no limitation-of-liability clause".into());
    }
    for i in r.matching(&[&UNLIMITED], &[&CAP]) {
        r.flag("LIA-02", i, String::new());
    }
    for i in r.matching(&[&INDIRECT], &[&NEGATED_LOSS]) {
        r.flag("LIA-03", i, String::new());
    }
    let max = f64::from(r.t().liquidated_damages_max_pct);
    for i in r.matching(&[&LD_CTX], &[&INTEREST]) {
        let low = r.low(i).to_string();
        let daily = DAILY.is_match(&low);
        // With a daily rate, only the cap's percentage is a share of the contract value.
        let cap_at = CAP.find(&low).map(|m| m.start());
        let worst = r
            .percents(i)
            .into_iter()
            .filter(|(at, _)| !daily || cap_at.is_some_and(|c| *at > c))
            .map(|(_, v)| v)
            .fold(None, |acc: Option<f64>, v| Some(acc.map_or(v, |a| a.max(v))));
        if let Some(v) = worst.filter(|v| *v > max) {
            r.flag("LIA-04", i, format!("{v}% > {max}%"));
        }
        if daily && !DELAY_DELIVERY.is_match(&low) && !CAP.is_match(&low) && !CAP.is_match(r.next_low(i)) {
            r.flag("LIA-05", i, "daily rate, no cap".into());
        }
    }
    if !r.has(&FORCE_MAJEURE) {
        r.flag_contract("LIA-06", Topic::ForceMajeure, "no force-majeure clause".into());
    }
    for i in r.matching(&[&GRAVE, &EXCLUSION], &[&CARVE_OUT]) {
        r.flag("LIA-07", i, String::new());
    }
}

fn termination(r: &mut Rules<'_, '_>) {
    for i in r.matching(&[&CONVENIENCE], &[&NO_CONVENIENCE]) {
        r.flag("TER-01", i, "termination at any time".into());
    }
    let min = u64::from(r.t().termination_notice_min_days);
    for i in r.matching(&[&TERMINATION_CTX, &NOTICE], &[&CURE, &FORCE_MAJEURE]) {
        if let Some(p) = r.periods(i).into_iter().find(|p| p.days < min) {
            r.flag("TER-01", i, format!("notice {} days < {min}", p.days));
        }
    }
    // A file that never mentions termination (an NDA that simply runs) needs no cure period
    // and no termination consequences; a contract of a known kind always does.
    if r.kind().is_some() || r.has(&TERMINATION_CTX) {
        if !r.has(&CURE) {
            r.flag_contract("TER-02", Topic::TermTermination, "no cure period".into());
        }
        let consequences = (0..r.len()).any(|i| AFTER_TERMINATION.is_match(r.low(i)) && CONSEQUENCE.is_match(r.low(i)));
        if !consequences {
            r.flag_contract("TER-03", Topic::TermTermination, "no consequences of termination".into());
        }
    }
    let max = u64::from(r.t().non_renewal_notice_max_days);
    if let Some(t) = r.terms() {
        if t.auto_renew {
            if let Some(d) = t.non_renewal_notice_days.filter(|d| u64::from(*d) > max) {
                r.flag_contract("TER-04", Topic::TermTermination, format!("non-renewal notice {d} days > {max}"));
            }
        }
    }
    for i in r.matching(&[&AUTO_RENEW], &[]) {
        let low = r.low(i).to_string();
        let near_notice = r.periods(i).into_iter().find(|p| {
            let before = low[..p.start].chars().rev().take(8).collect::<String>().chars().rev().collect::<String>();
            let after: String = low[p.end..].chars().take(10).collect();
            p.days > max && (NOTICE_NEAR.is_match(&before) || NOTICE_NEAR.is_match(&after))
        });
        if let Some(p) = near_notice {
            r.flag("TER-04", i, format!("non-renewal notice {} days > {max}", p.days));
        }
    }
    if let Some(t) = r.terms() {
        if r.kind().is_some_and(TemplateKind::has_term) && t.term_months.is_none_or(|m| m == 0) {
            r.flag_contract("TER-05", Topic::TermTermination, "no term agreed".into());
        }
    }
    for i in r.matching(&[&PERPETUAL_TERM], &[&LICENCE]) {
        r.flag("TER-05", i, String::new());
    }
    for i in r.matching(&[&TERM_CTX, &PERPETUAL_WORD], &[&LICENCE]) {
        r.flag("TER-05", i, String::new());
    }
}

#[cfg(test)]
mod tests {
    use crate::risk::tests::{fires, fires_with_terms, kind_fires};

    #[test]
    fn ip_01_assignment_of_background_ip() {
        assert!(fires("IP-01", "乙方在本合同项下的全部知识产权，包括背景知识产权，均转让给甲方。"));
        assert!(fires("IP-01", "The Provider assigns to the Client all intellectual property, including its pre-existing intellectual property."));
        assert!(!fires("IP-01", "乙方的背景知识产权仍归乙方所有，交付成果的知识产权转让给甲方。"));
        assert!(!fires("IP-01", "Nothing in this contract assigns either party's pre-existing intellectual property."));
    }

    #[test]
    fn ip_02_development_contract_silent_on_deliverables() {
        assert!(fires("IP-02", "乙方为甲方开发定制软件，甲方支付开发费。"));
        assert!(fires("IP-02", "The Provider develops bespoke software for the Client."));
        assert!(!fires("IP-02", "乙方为甲方开发定制软件，交付成果的知识产权归甲方所有。"));
        assert!(!fires("IP-02", "The Provider develops bespoke software; the deliverables are owned by the Client."));
    }

    #[test]
    fn found_on_the_fixture_set() {
        assert!(!fires("IP-02", "Confidential Information does not include information independently developed by the recipient."));
        assert!(!fires("IP-02", "乙方为甲方开发仓储管理系统。乙方在本合同项下形成的全部知识产权均转让给甲方。"));
        assert!(fires("IP-03", "Improvements are jointly owned by the parties. The Developer grants the Client a licence to use its tools."), "the next sentence is about another licence");
        assert!(!fires("TER-02", "本协议自双方签字盖章之日起生效，长期有效。"), "no termination, no cure period needed");
        assert!(!fires("TER-03", "This agreement takes effect on signature."));
        assert!(fires("TER-05", "本协议自双方签字盖章之日起生效，长期有效。"));
    }

    #[test]
    fn ip_03_joint_ownership_without_rules() {
        assert!(fires("IP-03", "项目成果的知识产权由双方共同所有。"));
        assert!(fires("IP-03", "The results are jointly owned by the parties."));
        assert!(!fires("IP-03", "项目成果由双方共同所有，任何一方均可自行使用和实施，收益平均分配。"));
        assert!(!fires("IP-03", "The results are jointly owned; each party may use and license them, and revenue is shared equally."));
    }

    #[test]
    fn ip_04_perpetual_or_unlimited_licence() {
        assert!(fires("IP-04", "乙方授予甲方永久、不可撤销的软件使用许可。"));
        assert!(fires("IP-04", "The Provider grants the Client a perpetual, irrevocable licence."));
        assert!(!fires("IP-04", "乙方授予甲方在本合同有效期内使用软件的非独占许可。"));
        assert!(!fires("IP-04", "The Provider grants the Client a non-exclusive licence for the term of this agreement."));
    }

    #[test]
    fn lia_01_no_limitation_of_liability() {
        assert!(fires("LIA-01", "违约方应赔偿守约方的直接损失。"));
        assert!(fires("LIA-01", "The party in breach compensates the other party's direct losses."));
        assert!(!fires("LIA-01", "任何一方的累计赔偿责任总额不超过合同总价。"));
        assert!(!fires("LIA-01", "Each party's aggregate liability shall not exceed the contract price."));
        let mut t = crate::contract::KeyTerms::default();
        t.liability_cap_pct = None;
        assert!(fires_with_terms("LIA-01", t));
    }

    #[test]
    fn lia_02_explicit_unlimited_liability() {
        assert!(fires("LIA-02", "乙方违约的，应承担甲方的全部损失。"));
        assert!(fires("LIA-02", "The Seller shall indemnify the Buyer for any and all losses."));
        assert!(!fires("LIA-02", "违约方应赔偿守约方的直接损失，累计不超过合同总价。"));
        assert!(!fires("LIA-02", "The Seller compensates direct losses up to the contract price."));
    }

    #[test]
    fn lia_03_indemnity_for_indirect_losses() {
        assert!(fires("LIA-03", "违约方应赔偿守约方的损失，包括间接损失和预期利益。"));
        assert!(fires("LIA-03", "The Seller shall indemnify the Buyer against indirect and consequential losses."));
        assert!(!fires("LIA-03", "任何一方均不对间接损失、预期利益损失承担责任。"));
        assert!(!fires("LIA-03", "Neither party is liable for indirect or consequential losses."));
    }

    #[test]
    fn lia_04_liquidated_damages_over_30_percent() {
        assert!(fires("LIA-04", "任何一方违约的，应向对方支付合同总价50%的违约金。"));
        assert!(fires("LIA-04", "The party in breach pays liquidated damages of 40% of the contract price."));
        assert!(fires("LIA-04", "每逾期一日按千分之一支付违约金，累计不超过合同总价的百分之五十。"), "the cap itself is over 30%");
        assert!(!fires("LIA-04", "任何一方违约的，应向对方支付合同总价10%的违约金。"));
        assert!(!fires("LIA-04", "Liquidated damages are 0.1% per day, in total not exceeding 10% of the contract price."));
    }

    #[test]
    fn lia_05_daily_liquidated_damages_without_a_cap() {
        assert!(fires("LIA-05", "乙方未按时提供服务的，按日支付合同总价千分之三的违约金。"));
        assert!(fires("LIA-05", "For each failure the Provider pays liquidated damages of 0.3% of the fee per day."));
        assert!(!fires("LIA-05", "乙方未按时提供服务的，按日支付合同总价千分之三的违约金，累计不超过合同总价的10%。"));
        assert!(!fires("LIA-05", "The Provider pays liquidated damages of 0.3% per day, capped at 10% of the fee."));
    }

    #[test]
    fn lia_06_no_force_majeure() {
        assert!(fires("LIA-06", "本合同自签署之日起生效。"));
        assert!(fires("LIA-06", "This contract takes effect on signature."));
        assert!(!fires("LIA-06", "因不可抗力不能履行合同的，受影响一方免除责任。"));
        assert!(!fires("LIA-06", "A party prevented by force majeure is excused."));
    }

    #[test]
    fn lia_07_excluding_personal_injury_or_gross_negligence() {
        assert!(fires("LIA-07", "因任何原因造成的人身伤害，乙方均不承担责任。"));
        assert!(fires("LIA-07", "The Seller shall not be liable for death or personal injury however caused."));
        assert!(!fires("LIA-07", "本条责任限制不适用于因故意或重大过失造成的损失及人身伤害。"));
        assert!(!fires("LIA-07", "Except for gross negligence and personal injury, liability shall not exceed the price."));
    }

    #[test]
    fn ter_01_termination_for_convenience_or_short_notice() {
        assert!(fires("TER-01", "甲方有权随时单方解除本合同。"));
        assert!(fires("TER-01", "The Buyer may terminate this contract at any time for convenience."));
        assert!(fires("TER-01", "任何一方可提前七日书面通知对方解除本合同。"));
        assert!(fires("TER-01", "Either party may terminate on fifteen (15) days' notice."));
        assert!(!fires("TER-01", "任何一方可提前90日书面通知对方解除本合同。"));
        assert!(!fires("TER-01", "Either party may terminate on ninety (90) days' written notice."));
        assert!(!fires("TER-01", "甲方不得随时解除本合同。"));
    }

    #[test]
    fn ter_02_no_cure_period() {
        assert!(fires("TER-02", "一方违约的，另一方可解除本合同。"));
        assert!(fires("TER-02", "If a party breaches this contract, the other may terminate it."));
        assert!(!fires("TER-02", "一方违约且在收到通知后30日内未纠正的，另一方可解除本合同。"));
        assert!(!fires("TER-02", "If a party does not cure a breach within 30 days, the other may terminate."));
    }

    #[test]
    fn ter_03_no_consequences_of_termination() {
        assert!(fires("TER-03", "一方违约的，另一方可解除本合同。"));
        assert!(fires("TER-03", "Either party may terminate this contract for breach."));
        assert!(!fires("TER-03", "合同解除后，甲方应支付已完成工作的价款，双方返还对方资料。"));
        assert!(!fires("TER-03", "On termination the Buyer pays for the work performed and each party returns the other's documents."));
    }

    #[test]
    fn ter_04_auto_renewal_with_a_long_non_renewal_notice() {
        assert!(fires("TER-04", "期满前九十日任何一方未书面通知不续期的，本合同自动续期一年。"));
        assert!(fires("TER-04", "This agreement renews automatically unless notice is given at least 90 days before it ends."));
        assert!(!fires("TER-04", "期满前30日任何一方未书面通知不续期的，本合同自动续期一年。"));
        assert!(!fires("TER-04", "This agreement renews automatically for twelve months unless notice is given 30 days before it ends."));
        let mut t = crate::contract::KeyTerms::default();
        t.auto_renew = true;
        t.non_renewal_notice_days = Some(90);
        assert!(fires_with_terms("TER-04", t.clone()));
        t.non_renewal_notice_days = Some(60);
        assert!(!fires_with_terms("TER-04", t));
    }

    #[test]
    fn ter_05_no_term_or_perpetual() {
        assert!(fires("TER-05", "本合同长期有效。"));
        assert!(fires("TER-05", "This agreement shall continue in force indefinitely."));
        assert!(!fires("TER-05", "本合同有效期为十二个月。"));
        assert!(!fires("TER-05", "This agreement runs for twelve months."));
        let mut t = crate::contract::KeyTerms::default();
        t.term_months = None;
        assert!(kind_fires("TER-05", crate::contract::TemplateKind::Service, t.clone()));
        assert!(!kind_fires("TER-05", crate::contract::TemplateKind::Sales, t), "a one-off sale needs no term");
    }
}
