//! The default clause library (zh + en) and the four default templates. Every template covers
//! the twelve topics; the texts are the house position, written so that with the default key
//! terms the risk rules raise no high flag (tested in risk::tests), and each commercial clause
//! carries legal's fallback positions.

use super::model::{Fallback, LibraryClause, Template, TemplateKind, Topic};

fn clause(key: &str, topic: Topic, zh: &str, en: &str, fallbacks: &[(&str, &str)]) -> LibraryClause {
    let (title_zh, title_en) = topic.title();
    LibraryClause {
        key: key.into(),
        topic,
        version: 1,
        title_zh: title_zh.into(),
        title_en: title_en.into(),
        zh: zh.into(),
        en: en.into(),
        fallbacks: fallbacks.iter().map(|(zh, en)| Fallback { zh: (*zh).into(), en: (*en).into() }).collect(),
    }
}

const PAYMENT_ZH: &str = "甲方应于验收合格且收到乙方开具的合规发票之日起{{payment.days}}日内支付合同总价{{quote.total}}（大写：{{quote.total_in_words}}）。逾期付款的，甲方应按日万分之五向乙方支付逾期利息。";
const PAYMENT_EN: &str = "The Buyer shall pay the contract price of {{quote.total}} ({{quote.total_in_words_en}}) within {{payment.days}} days after acceptance and receipt of a valid invoice from the Seller. Overdue amounts bear late-payment interest of 0.05% per day.";

const LIABILITY_ZH: &str = "任何一方违反本合同的，应赔偿守约方因此遭受的直接损失。除因故意或重大过失造成的损失及人身伤害外，任何一方在本合同项下的累计赔偿责任总额不超过{{liability.cap}}（合同总价的{{liability.cap_pct}}%）。任何一方均不对间接损失、预期利益损失承担责任。";
const LIABILITY_EN: &str = "A party in breach compensates the other party's direct losses. Except for losses caused by wilful misconduct or gross negligence and for personal injury, each party's aggregate liability under this contract shall not exceed {{liability.cap}} ({{liability.cap_pct}}% of the contract price). Neither party is liable for indirect or consequential losses or loss of expected profits.";

const TERMINATION_ZH: &str = "任何一方严重违约，且在收到对方书面通知后30日内未予纠正的，守约方可书面通知解除本合同。本合同解除或终止的，甲方应支付乙方截至终止日已完成工作或已交付产品的价款，双方应返还对方提供的资料和保密信息。";
const TERMINATION_EN: &str = "If a party materially breaches this contract and does not cure the breach within 30 days after the other party's written notice, the other party may terminate this contract by written notice. On termination the Buyer pays for the work performed and the products delivered up to the termination date, and each party returns the other's documents and confidential information.";

const ACCEPTANCE_ZH: &str = "甲方应于交付之日起{{acceptance.days}}日内依据本合同约定的技术规格和报价单所列配置进行验收；逾期未提出书面异议的，视为验收合格。";
const ACCEPTANCE_EN: &str = "The Buyer inspects the delivery against the agreed technical specifications and the configuration in the quotation within {{acceptance.days}} days after delivery; without a written objection within that period the delivery is deemed accepted.";
const DELAY_ZH: &str = "乙方逾期交付的，每逾期一日按合同总价的千分之一支付违约金，累计不超过合同总价的10%。";
const DELAY_EN: &str = "For late delivery the Seller pays liquidated damages of 0.1% of the contract price per day of delay, in total not exceeding 10% of the contract price.";

fn commercial_clauses() -> Vec<LibraryClause> {
    vec![
        clause("parties.sales", Topic::Parties, "甲方（买方）：{{customer.name}}\n乙方（卖方）：{{seller.name}}\n双方经友好协商，就{{quote.number}}号报价单所列事项订立本合同，合同编号{{contract.number}}。", "Buyer: {{customer.name}}\nSeller: {{seller.name}}\nThe parties enter into this contract, number {{contract.number}}, on the items of quotation {{quote.number}}.", &[]),
        clause("parties.distribution", Topic::Parties, "甲方（经销商）：{{customer.name}}\n乙方（供应商）：{{seller.name}}\n双方就乙方产品的经销事宜订立本协议，协议编号{{contract.number}}。", "Distributor: {{customer.name}}\nSupplier: {{seller.name}}\nThe parties enter into this agreement, number {{contract.number}}, on the distribution of the Supplier's products.", &[]),
        clause("parties.service", Topic::Parties, "甲方（委托方）：{{customer.name}}\n乙方（服务方）：{{seller.name}}\n双方就{{quote.number}}号报价单所列服务订立本协议，协议编号{{contract.number}}。", "Client: {{customer.name}}\nProvider: {{seller.name}}\nThe parties enter into this agreement, number {{contract.number}}, on the services of quotation {{quote.number}}.", &[]),
        clause("scope.sales", Topic::Scope, "乙方按{{quote.number}}号报价单向甲方出售其所列产品（含数量、规格与配置），合同总价为{{quote.total}}（大写：{{quote.total_in_words}}），含报价单所列税费。", "The Seller sells to the Buyer the products listed in quotation {{quote.number}} (quantities, specifications and configuration as listed) for a total price of {{quote.total}} ({{quote.total_in_words_en}}), including the taxes shown in the quotation.", &[]),
        clause("scope.distribution", Topic::Scope, "乙方授权甲方在双方书面确认的区域内非独家经销乙方产品。首批订单按{{quote.number}}号报价单执行，金额为{{quote.total}}（大写：{{quote.total_in_words}}）；其后的订单以双方确认的订单为准。", "The Supplier appoints the Distributor as a non-exclusive distributor of its products in the territory the parties confirm in writing. The first order follows quotation {{quote.number}} for {{quote.total}} ({{quote.total_in_words_en}}); later orders follow the orders both parties confirm.", &[]),
        clause("scope.service", Topic::Scope, "乙方按{{quote.number}}号报价单向甲方提供所列服务并交付约定的交付成果，服务费总额为{{quote.total}}（大写：{{quote.total_in_words}}）。", "The Provider performs the services listed in quotation {{quote.number}} and delivers the agreed deliverables for a total fee of {{quote.total}} ({{quote.total_in_words_en}}).", &[]),
        clause(
            "payment.standard",
            Topic::PricePayment,
            PAYMENT_ZH,
            PAYMENT_EN,
            &[
                ("甲方应于验收合格且收到乙方开具的合规发票之日起45日内支付合同总价{{quote.total}}。逾期付款的，甲方应按日万分之五向乙方支付逾期利息。", "The Buyer shall pay the contract price of {{quote.total}} within 45 days after acceptance and receipt of a valid invoice. Overdue amounts bear late-payment interest of 0.05% per day."),
                ("甲方应于合同生效后10日内预付合同总价的30%，余款于验收合格且收到合规发票之日起60日内付清。逾期付款的，甲方应按日万分之五支付逾期利息。", "The Buyer pays 30% of the contract price within 10 days after this contract takes effect and the balance within 60 days after acceptance and receipt of a valid invoice. Overdue amounts bear late-payment interest of 0.05% per day."),
            ],
        ),
        clause(
            "delivery.sales",
            Topic::DeliveryAcceptance,
            &format!("乙方应于合同生效之日起{{{{delivery.days}}}}日内将产品交付至甲方指定地点。{ACCEPTANCE_ZH}{DELAY_ZH}"),
            &format!("The Seller shall deliver the products to the place the Buyer names within {{{{delivery.days}}}} days after this contract takes effect. {ACCEPTANCE_EN} {DELAY_EN}"),
            &[("乙方应于合同生效之日起{{delivery.days}}日内交付产品。甲方应于交付之日起15日内验收；逾期未提出书面异议的，视为验收合格。乙方逾期交付的，每逾期一日按合同总价的万分之五支付违约金，累计不超过合同总价的5%。", "The Seller delivers the products within {{delivery.days}} days after this contract takes effect. The Buyer inspects them within 15 days after delivery; without a written objection within that period they are deemed accepted. For late delivery the Seller pays 0.05% of the contract price per day of delay, in total not exceeding 5% of the contract price.")],
        ),
        clause(
            "delivery.distribution",
            Topic::DeliveryAcceptance,
            &format!("乙方应于收到甲方确认订单之日起{{{{delivery.days}}}}日内发货。{ACCEPTANCE_ZH}{DELAY_ZH}"),
            &format!("The Supplier ships each confirmed order within {{{{delivery.days}}}} days after receiving it. {ACCEPTANCE_EN} {DELAY_EN}"),
            &[],
        ),
        clause(
            "delivery.service",
            Topic::DeliveryAcceptance,
            &format!("乙方应于合同生效之日起{{{{delivery.days}}}}日内完成服务并交付交付成果。{ACCEPTANCE_ZH}{DELAY_ZH}"),
            &format!("The Provider completes the services and delivers the deliverables within {{{{delivery.days}}}} days after this agreement takes effect. {ACCEPTANCE_EN} {DELAY_EN}"),
            &[],
        ),
        clause("ip.sales", Topic::IntellectualProperty, "产品及其所含软件的知识产权归乙方或其许可方所有。甲方在使用产品期间享有为自身业务使用随附软件的非独占、不可转让的许可。本合同不转让任何一方的既有知识产权。", "Intellectual property in the products and their embedded software remains with the Seller or its licensors. The Buyer receives a non-exclusive, non-transferable licence to use the embedded software for its own business while it uses the products. Nothing in this contract assigns either party's pre-existing intellectual property.", &[]),
        clause("ip.distribution", Topic::IntellectualProperty, "乙方授予甲方在本协议有效期内、于约定区域内为经销乙方产品而使用乙方商标的非独占、不可转让的许可，本协议终止时该许可随之终止。乙方商标及产品的知识产权归乙方所有。", "The Supplier grants the Distributor a non-exclusive, non-transferable licence to use the Supplier's trademarks in the territory during the term of this agreement, only to distribute the Supplier's products; the licence ends with this agreement. Intellectual property in the trademarks and products remains the Supplier's.", &[]),
        clause(
            "ip.service",
            Topic::IntellectualProperty,
            "乙方为本合同专门开发并交付的交付成果的知识产权，自甲方付清相应款项之日起归甲方所有。乙方的背景知识产权（包括本合同签订前已有的工具、代码和方法）仍归乙方所有，乙方授予甲方为使用交付成果所必需的非独占许可。",
            "Intellectual property in the deliverables developed specifically for this agreement vests in the Client once the Client has paid for them. The Provider's background intellectual property (tools, code and methods it had before this agreement) remains the Provider's; the Provider grants the Client a non-exclusive licence to it as far as needed to use the deliverables.",
            &[("交付成果的知识产权归乙方所有，乙方授予甲方在本合同有效期内为自身业务使用交付成果的非独占许可。", "Intellectual property in the deliverables remains the Provider's; the Provider grants the Client a non-exclusive licence to use them for its own business during the term of this agreement.")],
        ),
        clause("confidentiality.standard", Topic::Confidentiality, "双方对在履行本合同中知悉的对方商业秘密和保密信息负有保密义务，未经对方书面同意不得向第三方披露，保密义务在本合同终止后三年内继续有效。", "Each party keeps confidential the other's trade secrets and confidential information learned under this contract and discloses none of it to third parties without the other's written consent, during this contract and for three years after it ends.", &[]),
        clause("warranty.standard", Topic::Warranty, "乙方保证产品或交付成果符合约定的技术规格，质量保证期为验收合格之日起{{warranty.months}}个月。质保期内因质量问题出现的故障，乙方负责免费维修或更换。", "The Seller warrants that the products or deliverables meet the agreed technical specifications for {{warranty.months}} months after acceptance. During that period it repairs or replaces free of charge whatever fails through a defect.", &[]),
        clause(
            "liability.standard",
            Topic::LiabilityIndemnity,
            LIABILITY_ZH,
            LIABILITY_EN,
            &[
                ("除因故意或重大过失造成的损失及人身伤害外，任何一方在本合同项下的累计赔偿责任总额不超过合同总价的150%。任何一方均不对间接损失承担责任。", "Except for losses caused by wilful misconduct or gross negligence and for personal injury, each party's aggregate liability under this contract shall not exceed 150% of the contract price. Neither party is liable for indirect or consequential losses."),
                ("除因故意或重大过失造成的损失及人身伤害外，任何一方的累计赔偿责任总额不超过索赔前十二个月内甲方已支付的金额。", "Except for losses caused by wilful misconduct or gross negligence and for personal injury, each party's aggregate liability shall not exceed the amounts the Buyer paid in the twelve months before the claim."),
            ],
        ),
        clause("force_majeure.standard", Topic::ForceMajeure, "因不可抗力不能履行本合同的，受影响一方应在不可抗力发生后15日内书面通知对方并提供证明，在不可抗力影响范围内免除责任。不可抗力持续超过90日的，任何一方可书面通知解除本合同。", "A party prevented by force majeure from performing notifies the other in writing within 15 days with evidence and is excused to the extent of the force majeure. If the force majeure lasts more than 90 days, either party may terminate this contract by written notice.", &[]),
        clause("term.sales", Topic::TermTermination, &format!("本合同自双方签字盖章之日起生效，至双方履行完毕全部义务时终止。{TERMINATION_ZH}"), &format!("This contract takes effect when signed and sealed by both parties and ends when both have performed all their obligations. {TERMINATION_EN}"), &[]),
        clause(
            "term.fixed",
            Topic::TermTermination,
            &format!("本合同自生效之日起有效期为{{{{term.months}}}}个月，期满前双方可书面协商续期。{TERMINATION_ZH}任何一方也可提前90日书面通知对方解除本合同。"),
            &format!("This agreement runs for {{{{term.months}}}} months from the day it takes effect; the parties may agree in writing to renew it before it ends. {TERMINATION_EN} Either party may also terminate this agreement on 90 days' prior written notice."),
            &[(
                "本合同自生效之日起有效期为{{term.months}}个月。期满前{{renewal.notice_days}}日任何一方未书面通知不续期的，本合同自动续期十二个月。任何一方严重违约，且在收到书面通知后30日内未予纠正的，守约方可书面通知解除本合同。本合同终止的，甲方应支付已完成工作的价款，双方应返还对方资料。",
                "This agreement runs for {{term.months}} months and renews automatically for twelve months unless a party gives written notice of non-renewal at least {{renewal.notice_days}} days before it ends. If a party materially breaches it and does not cure the breach within 30 days after written notice, the other party may terminate it by written notice. On termination the Client pays for the work performed and each party returns the other's documents.",
            )],
        ),
        clause("dispute.standard", Topic::DisputeResolution, "因本合同引起的或与本合同有关的争议，双方应友好协商解决；协商不成的，任何一方可向乙方所在地有管辖权的人民法院提起诉讼。", "Disputes arising from or in connection with this contract are first settled by friendly negotiation; failing that, either party may bring proceedings before the competent people's court where the Seller is domiciled.", &[("因本合同引起的争议，提交中国国际经济贸易仲裁委员会按其届时有效的仲裁规则在北京仲裁，仲裁裁决是终局的。", "Disputes arising from this contract are referred to CIETAC for arbitration in Beijing under its rules in force at the time; the award is final.")]),
        clause("law.standard", Topic::GoverningLaw, "本合同的订立、效力、解释和履行适用中华人民共和国法律（为本合同之目的，不含香港、澳门和台湾地区法律）。", "This contract is governed by the laws of the People's Republic of China (for this purpose excluding the laws of Hong Kong, Macao and Taiwan).", &[]),
    ]
}

fn nda_clauses() -> Vec<LibraryClause> {
    vec![
        clause("parties.nda", Topic::Parties, "甲方：{{customer.name}}\n乙方：{{seller.name}}\n双方为评估合作事宜相互披露保密信息，订立本保密协议，协议编号{{contract.number}}。", "Party A: {{customer.name}}\nParty B: {{seller.name}}\nThe parties disclose confidential information to each other to evaluate a cooperation and enter into this non-disclosure agreement, number {{contract.number}}.", &[]),
        clause("scope.nda", Topic::Scope, "保密信息指一方（披露方）以任何形式向另一方（接收方）披露的技术、商业和财务信息，但不包括已公开或接收方独立开发的信息。", "Confidential information is technical, commercial and financial information one party (the Discloser) discloses to the other (the Recipient) in any form, excluding information that is public or that the Recipient developed independently.", &[]),
        clause("payment.nda", Topic::PricePayment, "本协议不涉及价款，双方各自承担履行本协议的费用。", "No fee is payable under this agreement; each party bears its own costs of performing it.", &[]),
        clause("delivery.nda", Topic::DeliveryAcceptance, "披露方可以书面、电子或口头形式披露保密信息；口头披露的，应于披露后15日内书面确认。", "The Discloser may disclose confidential information in writing, electronically or orally; an oral disclosure is confirmed in writing within 15 days.", &[]),
        clause("ip.nda", Topic::IntellectualProperty, "披露保密信息不视为授予接收方任何知识产权或许可，保密信息的知识产权仍归披露方所有。", "Disclosure grants the Recipient no licence or other right in the Discloser's intellectual property, which remains the Discloser's.", &[]),
        clause("confidentiality.nda", Topic::Confidentiality, "接收方仅为评估合作之目的使用保密信息，采取不低于保护自身保密信息的措施予以保护，未经披露方书面同意不得向第三方披露。", "The Recipient uses confidential information only to evaluate the cooperation, protects it at least as well as its own, and discloses none of it to third parties without the Discloser's written consent.", &[]),
        clause("warranty.nda", Topic::Warranty, "保密信息按现状提供，披露方不就其准确性或完整性作出保证。", "Confidential information is provided as is; the Discloser gives no warranty of its accuracy or completeness.", &[]),
        clause("liability.nda", Topic::LiabilityIndemnity, "接收方违反本协议的，应赔偿披露方因此遭受的直接损失，累计赔偿责任总额不超过{{liability.cap}}，但因故意泄密造成的损失除外。任何一方均不对间接损失承担责任。", "A Recipient in breach compensates the Discloser's direct losses; its aggregate liability shall not exceed {{liability.cap}}, except for losses caused by wilful disclosure. Neither party is liable for indirect losses.", &[]),
        clause("term.nda", Topic::TermTermination, "本协议自签署之日起生效，有效期{{term.months}}个月；保密义务在本协议终止后三年内继续有效。任何一方可提前30日书面通知对方解除本协议。一方违反本协议且在收到书面通知后30日内未纠正的，另一方可书面通知立即解除本协议。本协议终止后，接收方应返还或销毁全部保密信息。", "This agreement takes effect when signed and runs for {{term.months}} months; the duty of confidence survives for three years after it ends. Either party may terminate it on 30 days' written notice. If a party breaches it and does not cure the breach within 30 days after written notice, the other may terminate it at once by written notice. On termination the Recipient returns or destroys all confidential information.", &[]),
    ]
}

/// Every clause of the default library, each key once.
pub fn default_clauses() -> Vec<LibraryClause> {
    let mut all = commercial_clauses();
    all.extend(nda_clauses());
    all
}

/// The default template of a kind.
pub fn default_template(kind: TemplateKind) -> Template {
    let keys: &[&str] = match kind {
        TemplateKind::Sales => &["parties.sales", "scope.sales", "payment.standard", "delivery.sales", "ip.sales", "confidentiality.standard", "warranty.standard", "liability.standard", "force_majeure.standard", "term.sales", "dispute.standard", "law.standard"],
        TemplateKind::Distribution => &["parties.distribution", "scope.distribution", "payment.standard", "delivery.distribution", "ip.distribution", "confidentiality.standard", "warranty.standard", "liability.standard", "force_majeure.standard", "term.fixed", "dispute.standard", "law.standard"],
        TemplateKind::Service => &["parties.service", "scope.service", "payment.standard", "delivery.service", "ip.service", "confidentiality.standard", "warranty.standard", "liability.standard", "force_majeure.standard", "term.fixed", "dispute.standard", "law.standard"],
        TemplateKind::Nda => &["parties.nda", "scope.nda", "payment.nda", "delivery.nda", "ip.nda", "confidentiality.nda", "warranty.nda", "liability.nda", "force_majeure.standard", "term.nda", "dispute.standard", "law.standard"],
    };
    let (name_zh, name_en) = kind.name();
    Template { kind, version: 1, name_zh: name_zh.into(), name_en: name_en.into(), clauses: keys.iter().map(|k| (*k).to_string()).collect() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_default_template_covers_the_twelve_topics_with_known_clauses_and_placeholders() {
        let clauses = default_clauses();
        let keys: BTreeSet<&str> = clauses.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(keys.len(), clauses.len(), "each key once");
        for c in &clauses {
            super::super::placeholders::check_clause(c).unwrap_or_else(|e| panic!("{}: {e}", c.key));
            assert!(!c.zh.trim().is_empty() && !c.en.trim().is_empty(), "{} has both languages", c.key);
        }
        for kind in TemplateKind::ALL {
            let t = default_template(*kind);
            let topics: BTreeSet<Topic> = t.clauses.iter().map(|k| clauses.iter().find(|c| &c.key == k).unwrap_or_else(|| panic!("{k} is in the library")).topic).collect();
            assert_eq!(topics.len(), 12, "{:?} covers every topic", kind);
        }
    }
}
