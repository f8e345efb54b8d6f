//! The rule catalogue: every rule's id, risk type, severity, why it matters (zh + en), what to
//! do instead and which library clause (and fallback position) legal suggests; and the
//! thresholds a user can change (kept as JSON in the `settings` table).

use crate::error::{CoreError, CoreResult};
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;
use ts_rs::TS;

/// The five risk types of the review (付款 / 交付 / 知识产权 / 责任 / 终止).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "RiskCategory")]
pub enum Category {
    Payment,
    Delivery,
    Ip,
    Liability,
    Termination,
}

impl Category {
    pub const ALL: [Category; 5] = [Self::Payment, Self::Delivery, Self::Ip, Self::Liability, Self::Termination];

    pub fn code(self) -> &'static str {
        match self {
            Self::Payment => "payment",
            Self::Delivery => "delivery",
            Self::Ip => "ip",
            Self::Liability => "liability",
            Self::Termination => "termination",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Payment => "付款",
            Self::Delivery => "交付",
            Self::Ip => "知识产权",
            Self::Liability => "责任",
            Self::Termination => "终止",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Self::Payment => "Payment",
            Self::Delivery => "Delivery",
            Self::Ip => "IP",
            Self::Liability => "Liability",
            Self::Termination => "Termination",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "RiskSeverity")]
pub enum Severity {
    High,
    Medium,
    Low,
}

impl Severity {
    pub fn code(self) -> &'static str {
        match self {
            Self::High => "high",
            Self::Medium => "medium",
            Self::Low => "low",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        [Self::High, Self::Medium, Self::Low].into_iter().find(|s| s.code() == code)
    }
}

/// One rule as documented in docs/contracts.md.
#[derive(Debug, Clone, Copy)]
pub struct RuleInfo {
    pub id: &'static str,
    pub category: Category,
    pub severity: Severity,
    pub why_zh: &'static str,
    pub why_en: &'static str,
    pub suggestion_zh: &'static str,
    pub suggestion_en: &'static str,
    /// The library clause to use instead, and the fallback position (None = its standard text).
    pub fallback: Option<(&'static str, Option<u32>)>,
}

macro_rules! rule {
    ($id:literal, $cat:ident, $sev:ident, $wz:literal, $we:literal, $sz:literal, $se:literal, $fb:expr) => {
        RuleInfo { id: $id, category: Category::$cat, severity: Severity::$sev, why_zh: $wz, why_en: $we, suggestion_zh: $sz, suggestion_en: $se, fallback: $fb }
    };
}

pub const RULES: &[RuleInfo] = &[
    rule!("PAY-01", Payment, High, "付款期限超过上限（公共机构更短），占用资金、增加坏账风险。", "The payment period is longer than the limit (shorter for public bodies): cash is tied up and bad-debt risk grows.", "把付款期限缩短到上限以内，或采用预付款加余款的方案。", "Shorten the period to the limit, or take an advance plus the balance.", Some(("payment.standard", Some(2)))),
    rule!("PAY-02", Payment, High, "背靠背/以收到上游付款为前提的付款条件，使回款取决于第三方。", "Pay-when-paid / back-to-back wording makes our payment depend on a third party.", "删除背靠背条件，改为自验收和收到发票起算的固定期限。", "Remove the condition; pay within a fixed period from acceptance and invoice.", Some(("payment.standard", None))),
    rule!("PAY-03", Payment, High, "没有确定的付款期限，或只有“另行协商”“尽快”等模糊表述。", "No fixed due date, or only vague wording such as 'to be agreed' or 'as soon as practicable'.", "写明自验收和收到发票之日起的付款天数。", "State the number of days from acceptance and invoice.", Some(("payment.standard", None))),
    rule!("PAY-04", Payment, High, "付款以买方满意为条件，买方可无限期拖延付款。", "Payment depends on the buyer's satisfaction, so the buyer can delay it indefinitely.", "以客观的验收标准和视为验收为付款条件。", "Tie payment to objective acceptance criteria and deemed acceptance.", Some(("payment.standard", None))),
    rule!("PAY-05", Payment, Medium, "没有逾期付款利息或违约金，拖欠没有成本。", "No late-payment interest: paying late costs the buyer nothing.", "约定逾期付款按日万分之五支付逾期利息。", "Add late-payment interest of 0.05% per day.", Some(("payment.standard", None))),
    rule!("DEL-01", Delivery, High, "没有确定的交付期限，或只有“尽快”等表述。", "No delivery date, or only 'as soon as possible'.", "写明自合同生效或订单确认起的交付天数。", "State the delivery period in days from signing or the order.", Some(("delivery.sales", None))),
    rule!("DEL-02", Delivery, High, "验收以甲方满意为准，没有客观标准，验收可能永不通过。", "Acceptance depends on the buyer's satisfaction, with no objective criteria: it may never pass.", "以约定的技术规格和配置为验收标准。", "Accept against the agreed technical specifications and configuration.", Some(("delivery.sales", None))),
    rule!("DEL-03", Delivery, Medium, "没有视为验收条款，或验收期超过上限。", "No deemed acceptance, or an acceptance window longer than the limit.", "约定验收期（不超过上限），逾期未提异议视为验收合格。", "Set an acceptance window within the limit after which the delivery is deemed accepted.", Some(("delivery.sales", Some(1)))),
    rule!("DEL-04", Delivery, High, "逾期交付按日计付违约金但没有上限。", "A daily delay penalty without a cap.", "为逾期违约金设定累计上限（如合同总价的10%）。", "Cap the delay penalty (e.g. 10% of the contract price in total).", Some(("delivery.sales", None))),
    rule!("IP-01", Ip, High, "知识产权转让范围包括背景/既有知识产权。", "The assignment includes background / pre-existing intellectual property.", "只转让为本合同开发的交付成果，背景知识产权保留并给予使用许可。", "Assign only what is developed for this contract; keep background IP and license it.", Some(("ip.service", None))),
    rule!("IP-02", Ip, Medium, "开发类合同未约定交付成果的知识产权归属。", "A development contract is silent on who owns the deliverables.", "明确交付成果的归属和付款条件。", "State who owns the deliverables and when.", Some(("ip.service", None))),
    rule!("IP-03", Ip, Medium, "约定共有知识产权但没有使用、许可和收益分配规则。", "Joint ownership without rules on use, licensing and revenue.", "约定各方的使用、许可和收益分配规则，或改为单方所有加许可。", "Set rules for use, licensing and revenue, or give ownership to one party with a licence.", Some(("ip.service", None))),
    rule!("IP-04", Ip, Medium, "永久、不可撤销或无限制的许可。", "A perpetual, irrevocable or unlimited licence.", "将许可限定在合同期限、用途和范围内。", "Limit the licence to the term, purpose and scope.", Some(("ip.service", Some(1)))),
    rule!("LIA-01", Liability, High, "没有责任限制条款。", "No limitation-of-liability clause.", "约定累计赔偿责任上限（如合同总价的100%）。", "Cap aggregate liability (e.g. 100% of the contract price).", Some(("liability.standard", None))),
    rule!("LIA-02", Liability, High, "明示承担全部/一切损失，责任无上限。", "Explicitly unlimited liability ('any and all losses').", "改为赔偿直接损失并设定上限。", "Limit it to direct losses under a cap.", Some(("liability.standard", None))),
    rule!("LIA-03", Liability, High, "赔偿范围包括间接损失、预期利益等。", "The indemnity covers indirect or consequential losses, lost profits.", "排除间接损失和预期利益。", "Exclude indirect and consequential losses and lost profits.", Some(("liability.standard", None))),
    rule!("LIA-04", Liability, High, "违约金超过合同价值的上限比例。", "Liquidated damages above the limit share of the contract value.", "将违约金及其累计上限降到上限比例以下。", "Bring the liquidated damages and their cap below the limit.", Some(("delivery.sales", Some(1)))),
    rule!("LIA-05", Liability, High, "按日计算的违约金没有上限。", "Daily liquidated damages without a cap.", "为按日违约金设定累计上限。", "Cap the daily liquidated damages.", Some(("delivery.sales", Some(1)))),
    rule!("LIA-06", Liability, Medium, "没有不可抗力条款。", "No force-majeure clause.", "加入标准不可抗力条款。", "Add the standard force-majeure clause.", Some(("force_majeure.standard", None))),
    rule!("LIA-07", Liability, High, "免除或限制人身伤害、故意或重大过失的责任，依《民法典》第506条无效。", "Excluding liability for personal injury or gross negligence is void under Civil Code art. 506.", "将人身伤害、故意和重大过失排除在责任限制之外。", "Carve personal injury, wilful misconduct and gross negligence out of the limitation.", Some(("liability.standard", None))),
    rule!("TER-01", Termination, High, "一方可随时单方解除合同，或解除通知期短于下限。", "One side may terminate at any time for convenience, or on less notice than the minimum.", "删除任意解除权，或约定双方均需提前足够天数书面通知。", "Remove termination for convenience, or require enough written notice for both.", Some(("term.fixed", None))),
    rule!("TER-02", Termination, Medium, "违约解除前没有补救（纠正）期。", "No cure period before termination for breach.", "约定收到书面通知后30日内的纠正期。", "Give 30 days to cure after written notice.", Some(("term.fixed", None))),
    rule!("TER-03", Termination, Medium, "没有约定终止后果（已完成工作的付款、资料返还）。", "No consequences of termination (payment for work done, return of materials).", "约定终止后支付已完成工作价款并返还资料。", "Provide payment for work done and return of materials on termination.", Some(("term.fixed", None))),
    rule!("TER-04", Termination, Medium, "自动续期且不续期通知期过长。", "Automatic renewal with a non-renewal notice longer than the limit.", "将不续期通知期缩短到上限以内。", "Shorten the non-renewal notice to the limit.", Some(("term.fixed", Some(1)))),
    rule!("TER-05", Termination, Medium, "没有约定期限，或永久有效。", "No term, or perpetual.", "约定明确的合同期限。", "State a fixed term.", Some(("term.fixed", None))),
];

pub fn info(id: &str) -> Option<&'static RuleInfo> {
    RULES.iter().find(|r| r.id == id)
}

/// The thresholds the rules use (Settings › Legal, key `risk.thresholds`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct RiskThresholds {
    pub payment_days_max: u32,
    pub payment_days_max_public: u32,
    pub acceptance_days_max: u32,
    /// Liquidated damages above this percent of the contract value are flagged.
    pub liquidated_damages_max_pct: u32,
    pub termination_notice_min_days: u32,
    pub non_renewal_notice_max_days: u32,
}

impl Default for RiskThresholds {
    fn default() -> Self {
        Self { payment_days_max: 60, payment_days_max_public: 30, acceptance_days_max: 30, liquidated_damages_max_pct: 30, termination_notice_min_days: 30, non_renewal_notice_max_days: 60 }
    }
}

const KEY: &str = "risk.thresholds";

pub async fn load_thresholds(conn: &mut SqliteConnection) -> CoreResult<RiskThresholds> {
    match crate::settings::get(conn, KEY).await? {
        None => Ok(RiskThresholds::default()),
        Some(json) => serde_json::from_str(&json).map_err(|e| CoreError::BadRequest(format!("the saved risk thresholds are unreadable: {e}"))),
    }
}

pub async fn save_thresholds(conn: &mut SqliteConnection, t: &RiskThresholds) -> CoreResult<()> {
    let json = serde_json::to_string(t).map_err(|e| CoreError::BadRequest(e.to_string()))?;
    crate::settings::put(conn, KEY, &json).await
}
