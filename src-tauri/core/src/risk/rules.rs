//! The risk rules over a contract: its structured key terms (when it has them) and the text
//! of its clauses in zh and en (or the plain text of a file). Wording rules look at one
//! sentence (sometimes the next one too, where a cap often follows); absence rules look at the
//! whole text. Each finding names the rule, the passage and the character range it points at.

use super::catalog::{info, Category, RuleInfo, Severity, RiskThresholds};
use super::text::{percents, periods, sentences, Sentence};
use crate::contract::{KeyTerms, TemplateKind, Topic};
use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

/// A piece of text the rules read: a clause in one language, or a whole file.
#[derive(Debug, Clone)]
pub struct Passage {
    /// The contract clause position it belongs to (None for a file).
    pub clause: Option<u32>,
    pub topic: Option<Topic>,
    pub text: String,
}

/// What the rules look at.
#[derive(Debug, Clone)]
pub struct Subject {
    /// None for a file of unknown kind: rules that depend on the kind look at the text.
    pub kind: Option<TemplateKind>,
    pub terms: Option<KeyTerms>,
    pub passages: Vec<Passage>,
}

/// One rule that fired.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub category: Category,
    pub severity: Severity,
    pub clause: Option<u32>,
    /// Index into `Subject::passages` (None for a finding on the key terms or the whole text).
    #[serde(skip)]
    pub passage: Option<usize>,
    pub excerpt: String,
    /// Character offsets in the passage (the file, for `risk check`).
    pub start: usize,
    pub end: usize,
    /// What was measured, e.g. "120 days > 60".
    pub detail: String,
}

fn re(p: &str) -> Regex {
    Regex::new(p).unwrap_or_else(|e| panic!("rule pattern {p}: {e}"))
}

macro_rules! pattern {
    ($name:ident, $p:expr) => {
        pub(in crate::risk) static $name: LazyLock<Regex> = LazyLock::new(|| re($p));
    };
}

pattern!(PAYMENT_CTX, r"付款|支付|价款|货款|服务费|付清|\bpay|payment|invoice");
pattern!(DELIVERY_CTX, r"交付|交货|发货|到货|deliver|ship|dispatch");
pattern!(ACCEPT_CTX, r"验收|accept|inspect");
pattern!(TERMINATION_CTX, r"解除|终止|terminat");
pattern!(LD_CTX, r"违约金|罚金|罚款|liquidated damages|penalt");
pattern!(WARRANTY, r"质量保证|质保|warrant");
pattern!(INTEREST, r"利息|滞纳金|interest");
pattern!(LATE, r"逾期|迟延|延迟|overdue|late");
pattern!(DAILY, r"每日|每天|按日|日息|每逾期一日|每延迟一日|每迟延一日|/日|/天|per day|a day|each day|every day|/day|daily|per diem");
pattern!(CAP, r"不超过|不得超过|不超出|最高|上限|封顶|为限|not exceed|not more than|no more than|\bcap\b|capped|maximum|limited to|up to");
pattern!(PAY_WHEN_PAID, r"背靠背|收到(?:业主|最终用户|终端用户|上游|总包方|发包方|建设单位|其客户)[^。；;]{0,12}(?:付款|支付|款项|货款)后|(?:业主|最终用户|建设单位|发包方)(?:付款|支付|拨款)后|pay[- ]when[- ]paid|pay[- ]if[- ]paid|back[- ]to[- ]back|(?:upon|after|on) (?:the )?receipt of (?:payment|funds) from (?:the |its )?(?:owner|end[- ]customer|end[- ]user|employer|main contractor|customer|client)|(?:has )?receive[ds]? payment from (?:the |its )?(?:owner|end[- ]customer|end[- ]user|employer|main contractor)");
pattern!(VAGUE, r"另行协商|协商确定|另行约定|视情况|适时|尽快|尽早|as soon as practicable|as soon as possible|\basap\b|to be agreed|to be mutually agreed|in due course|within a reasonable time|另行通知");
pattern!(SATISFACTION, r"满意|认可后|satisf|approval of the (?:buyer|customer|client)|sole discretion");
pattern!(SUBJECTIVE_ACCEPTANCE, r"以(?:甲方|买方|委托方|客户)满意为准|(?:甲方|买方|委托方|客户)满意|令(?:甲方|买方)满意|(?:甲方|买方)认可为准|to the (?:full |sole |complete |entire )?satisfaction of the (?:buyer|customer|client)|to the (?:buyer|customer|client)'s (?:full |sole |complete |entire )?satisfaction|satisfactory to the (?:buyer|customer|client)|in the (?:buyer|customer|client)'s sole (?:opinion|discretion)");
pattern!(DEEMED, r"视为(?:验收)?(?:合格|通过|已验收|接受|验收)|视为[^。；，,]{0,6}(?:完成交付|交付完成|已交付)|deemed (?:to have been |to be )?(?:accept|approv|delivered)|deemed acceptance");
pattern!(DELAY_DELIVERY, r"逾期交[付货]|延迟交[付货]|迟延交[付货]|延期交[付货]|逾期[^。；，,]{0,4}交付|late delivery|delay in delivery|delayed delivery|per day of delay|each day of delay|every day of delay|delivery is late|delivery is delayed");
pattern!(BACKGROUND_IP, r"背景知识产权|既有知识产权|原有知识产权|已有知识产权|签订前已有|在先知识产权|pre-?existing|background (?:ip|intellectual)|prior intellectual property|existing intellectual property");
pattern!(ASSIGNMENT, r"转让|归甲方|归属于甲方|归买方|归委托方|assign|transfer|vests? in the (?:buyer|customer|client)|become the property of the (?:buyer|customer|client)|owned by the (?:buyer|customer|client)");
pattern!(KEEPS_BACKGROUND, r"不转让|不因此|不包括|除外|不影响|仍归|保留|remain|retain|nothing in|\bnot\b|\bno\b|other than|except");
// Word-bounded: "Westbay Developments Ltd." is a name, not a development contract.
pattern!(DEVELOPMENT, r"开发|定制|\bdevelop(?:s|ed|ing|ment)?\b|bespoke|custom software");
pattern!(DELIVERABLES, r"交付成果|工作成果|开发成果|成果|项下(?:形成|产生|开发)的|deliverables?|work product|results|(?:created|developed|arising) under this");
pattern!(OWNERSHIP, r"归|所有|转让|ownership|owned|owns|vest|belong|assign");
// "Independently developed" (an NDA exclusion) does not make a development contract.
pattern!(INDEPENDENT_DEVELOPMENT, r"independently develop|自行开发|独立开发");
// Rules on exploiting joint results name who may do it.
pattern!(EACH_PARTY, r"each party|either party|both parties|each of the parties|任何一方|双方|各方");
pattern!(JOINT, r"共同所有|共有|共同拥有|双方共享|jointly owned|joint ownership|owned jointly|co-owned|jointly own");
pattern!(EXPLOITATION, r"使用|实施|许可|收益|分配|exploit|licen|\buse|revenue|commerciali");
pattern!(LICENCE, r"许可|授权|licen");
pattern!(UNLIMITED_LICENCE, r"永久|不可撤销|无限制|不受限制|无期限|perpetual|irrevocable|unlimited|unrestricted|in perpetuity");
pattern!(LIMITATION, r"责任上限|赔偿责任总额|责任总额|累计赔偿[^。；]{0,12}不超过|赔偿[^。；]{0,30}(?:不超过|为限)|责任限制|limitation of liability|aggregate liability|total liability|liability[^.;]{0,60}(?:shall not|will not|does not|not) exceed|liability[^.;]{0,40}limited to|liability cap");
pattern!(UNLIMITED, r"承担全部损失|承担一切损失|赔偿全部损失|赔偿一切损失|全部损失|一切损失|一切责任|全部责任|无限责任|无限连带|全额赔偿|任何及所有损失|any and all (?:losses|damages|liabilit|claims)|all losses|unlimited liability|without limit|fully indemnify|all (?:losses|damages|costs) (?:whatsoever|of any kind)");
pattern!(INDIRECT, r"间接损失|间接损害|预期利益|可得利益|利润损失|商誉损失|indirect|consequential|loss of (?:expected |anticipated )?profits?|lost profits|loss of revenue|loss of goodwill");
pattern!(NEGATED_LOSS, r"均不|不对|不就|不承担|不负责|不包括|不赔偿|不含|除外|免责|无需|无须|免除|neither|not be liable|not liable|no liability|shall not|in no event|exclud|\bnor\b");
pattern!(FORCE_MAJEURE, r"不可抗力|force majeure");
pattern!(GRAVE, r"人身伤害|人身损害|人身伤亡|死亡|重大过失|故意|personal injury|bodily injury|death|gross negligence|wil?lful misconduct|fraud");
pattern!(EXCLUSION, r"不承担|不负责|免除|免责|不予赔偿|不赔偿|不超过|not be liable|not liable|no liability|excludes?|excluded|disclaim|shall not exceed|limited to");
pattern!(CARVE_OUT, r"除[^。；;]{0,80}外|但[^。；;]{0,60}除外|不适用|不限制|except|other than|save for|does not apply|shall not apply|does not limit|nothing in this");
pattern!(CONVENIENCE, r"随时(?:单方|书面通知|通知)?(?:解除|终止)|有权随时|单方解除|单方终止|任意解除|at any time (?:and )?(?:for any reason|for convenience|without cause)|terminat[^.;]{0,50}(?:at any time|for convenience|without cause|for any reason)|(?:at any time|for convenience)[^.;]{0,50}terminat");
pattern!(NO_CONVENIENCE, r"不得随时|不能随时|不可随时|无权随时|may not terminate|shall not terminate|not entitled to terminate");
pattern!(NOTICE, r"提前|通知|notice");
pattern!(CURE, r"纠正|补救|整改|改正|\bcure|remed|rectif");
pattern!(AFTER_TERMINATION, r"解除后|终止后|解除或终止的|终止或解除的|解除或终止后|合同解除的|合同终止的|协议终止的|协议解除的|upon termination|on termination|after termination|following termination|on expiry or termination|upon expiry or termination|if this (?:contract|agreement) is terminated");
pattern!(CONSEQUENCE, r"返还|归还|销毁|删除|退还|支付|结算|结清|return|destroy|delete|export|pay|settle");
pattern!(AUTO_RENEW, r"自动续|自动延长|自动顺延|automatically renew|auto-?renew|renews? automatically|automatically extended|tacit(?:ly)? renew");
pattern!(NOTICE_NEAR, r"前|提前|通知|notice|prior|before");
pattern!(PERPETUAL_TERM, r"长期有效|永久有效|无固定期限|无限期|in perpetuity|indefinitely|no fixed term|perpetual term");
pattern!(TERM_CTX, r"有效期|合同期限|期限为|term of this|remain in (?:full )?force|continue in force|shall continue|is valid");
pattern!(PERPETUAL_WORD, r"永久|perpetual|indefinite");
pattern!(DATE, r"[0-9]{4}\s*年\s*[0-9]{1,2}\s*月|[0-9]{4}-[0-9]{2}-[0-9]{2}|(?:january|february|march|april|may|june|july|august|september|october|november|december) [0-9]{1,2},? [0-9]{4}|[0-9]{1,2} (?:january|february|march|april|may|june|july|august|september|october|november|december),? [0-9]{4}");
// A deadline tied to the end of a period already fixed (服务期届满前).
pattern!(RELATIVE_DEADLINE, r"届满前|期满前|before the end of the (?:term|service period)|by the end of the (?:term|service period)");
// What a service contract delivers: a report handed in, a service taken over, a system live.
pattern!(HANDOVER, r"提交|交接|移交|上线|送达|配送|运抵|submit|hand(?:s|ed)? over|handover|go[- ]live");
// Late payment named without a payment word: "not paid when due", "overdue amounts".
pattern!(UNPAID, r"not paid when due|unpaid (?:amounts?|sums?|invoices?|fees)|overdue (?:amounts?|sums?|invoices?|fees)|逾期未付|欠付");

struct Ctx<'a> {
    subject: &'a Subject,
    t: &'a RiskThresholds,
    sentences: Vec<Sentence>,
    /// The lowercased text of every passage, joined: what absence rules look at.
    all: String,
    out: Vec<Finding>,
}

impl Ctx<'_> {
    fn next_low(&self, i: usize) -> &str {
        match (self.sentences.get(i), self.sentences.get(i + 1)) {
            (Some(a), Some(b)) if a.passage == b.passage => &b.low,
            _ => "",
        }
    }

    fn has(&self, r: &Regex) -> bool {
        r.is_match(&self.all)
    }

    fn applies(&self, by_kind: impl Fn(TemplateKind) -> bool, text: &Regex) -> bool {
        match self.subject.kind {
            Some(k) => by_kind(k),
            None => self.has(text),
        }
    }

    fn first_clause(&self, topic: Topic) -> Option<u32> {
        self.subject.passages.iter().find(|p| p.topic == Some(topic)).and_then(|p| p.clause)
    }

    /// A finding on the sentence `s` of a passage.
    fn on_sentence(&mut self, rule: &'static str, i: usize, detail: String) {
        let Some(s) = self.sentences.get(i) else { return };
        let p = &self.subject.passages[s.passage];
        let excerpt = p.text[s.start..s.end].to_string();
        let start = p.text[..s.start].chars().count();
        let finding = make(rule, p.clause, Some(s.passage), excerpt.clone(), start, start + excerpt.chars().count(), detail);
        self.out.extend(finding);
    }

    /// A finding on the key terms or the whole text, pointed at the first clause of `topic`.
    fn on_contract(&mut self, rule: &'static str, topic: Topic, detail: String) {
        let clause = self.first_clause(topic);
        self.out.extend(make(rule, clause, None, String::new(), 0, 0, detail));
    }
}

fn make(rule: &'static str, clause: Option<u32>, passage: Option<usize>, excerpt: String, start: usize, end: usize, detail: String) -> Option<Finding> {
    let i: &RuleInfo = info(rule)?;
    Some(Finding { rule: i.id, category: i.category, severity: i.severity, clause, passage, excerpt, start, end, detail })
}

/// Runs every rule; findings come in rule order, one per rule and clause (the first place
/// it fires), so a clause that says the same thing in zh and en is flagged once.
pub fn check(subject: &Subject, thresholds: &RiskThresholds) -> Vec<Finding> {
    let sentences: Vec<Sentence> = subject.passages.iter().enumerate().flat_map(|(i, p)| sentences(i, &p.text)).collect();
    let all = subject.passages.iter().map(|p| p.text.to_ascii_lowercase()).collect::<Vec<_>>().join("\n");
    let mut ctx = Ctx { subject, t: thresholds, sentences, all, out: Vec::new() };
    super::rules_payment::run(&mut ctx_ref(&mut ctx));
    super::rules_other::run(&mut ctx_ref(&mut ctx));
    let mut findings = std::mem::take(&mut ctx.out);
    let order = |f: &Finding| super::catalog::RULES.iter().position(|r| r.id == f.rule).unwrap_or(usize::MAX);
    findings.sort_by_key(|f| (order(f), f.clause, f.passage, f.start));
    let file_mode = subject.passages.iter().all(|p| p.clause.is_none());
    findings.dedup_by(|b, a| a.rule == b.rule && if file_mode { a.start == b.start && a.passage == b.passage } else { a.clause == b.clause });
    findings
}

/// The view of the context the rule files get.
pub(super) struct Rules<'c, 'a> {
    ctx: &'c mut Ctx<'a>,
}

fn ctx_ref<'c, 'a>(ctx: &'c mut Ctx<'a>) -> Rules<'c, 'a> {
    Rules { ctx }
}

/// The building blocks the rule files use.
impl Rules<'_, '_> {
    pub fn len(&self) -> usize {
        self.ctx.sentences.len()
    }
    pub fn low(&self, i: usize) -> &str {
        &self.ctx.sentences[i].low
    }
    pub fn next_low(&self, i: usize) -> &str {
        self.ctx.next_low(i)
    }
    pub fn terms(&self) -> Option<&KeyTerms> {
        self.ctx.subject.terms.as_ref()
    }
    pub fn kind(&self) -> Option<TemplateKind> {
        self.ctx.subject.kind
    }
    pub fn t(&self) -> &RiskThresholds {
        self.ctx.t
    }
    pub fn has(&self, r: &Regex) -> bool {
        self.ctx.has(r)
    }
    pub fn applies(&self, by_kind: impl Fn(TemplateKind) -> bool, text: &Regex) -> bool {
        self.ctx.applies(by_kind, text)
    }
    pub fn flag(&mut self, rule: &'static str, i: usize, detail: String) {
        self.ctx.on_sentence(rule, i, detail);
    }
    pub fn flag_contract(&mut self, rule: &'static str, topic: Topic, detail: String) {
        self.ctx.on_contract(rule, topic, detail);
    }
    /// Indices of the sentences matching every pattern in `all` and none in `none`.
    pub fn matching(&self, all: &[&Regex], none: &[&Regex]) -> Vec<usize> {
        (0..self.len()).filter(|&i| all.iter().all(|r| r.is_match(self.low(i))) && !none.iter().any(|r| r.is_match(self.low(i)))).collect()
    }
    /// Periods of sentence `i` in days.
    pub fn periods(&self, i: usize) -> Vec<super::text::Period> {
        periods(self.low(i))
    }
    pub fn percents(&self, i: usize) -> Vec<(usize, f64)> {
        percents(self.low(i))
    }
}
