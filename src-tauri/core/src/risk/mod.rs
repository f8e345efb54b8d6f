//! Contract risk: the rules legal relies on (payment, delivery, IP, liability, termination)
//! over a contract's key terms and its clause text in zh and en, or over a plain-text / .docx
//! file; the checklist items per risk type; and the review a contract goes through before
//! legal signs it off (flags, waivers, decisions, sign-off, all audited), and its PDF report.

pub mod catalog;
pub mod checklist;
pub mod docx;
pub mod report;
pub mod review;
pub mod rules;
mod rules_other;
mod rules_payment;
pub mod text;

pub use catalog::{Category, Severity, RiskThresholds};
pub use rules::{Finding, Passage, Subject};

use crate::contract::{FilledClause, KeyTerms, TemplateKind};

/// The subject of a contract: every clause in zh and in en.
pub fn contract_subject(kind: TemplateKind, terms: &KeyTerms, clauses: &[FilledClause]) -> Subject {
    let passages = clauses
        .iter()
        .flat_map(|c| {
            [
                Passage { clause: Some(c.position), topic: Some(c.topic), text: c.zh.clone() },
                Passage { clause: Some(c.position), topic: Some(c.topic), text: c.en.clone() },
            ]
        })
        .collect();
    Subject { kind: Some(kind), terms: Some(terms.clone()), passages }
}

/// The rules over the text of a file (kind unknown, no structured terms).
pub fn check_text(text: &str, thresholds: &RiskThresholds) -> Vec<Finding> {
    let subject = Subject { kind: None, terms: None, passages: vec![Passage { clause: None, topic: None, text: text.to_string() }] };
    rules::check(&subject, thresholds)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::contract::library::{default_clauses, default_template};

    pub fn findings(text: &str) -> Vec<Finding> {
        check_text(text, &RiskThresholds::default())
    }

    /// Whether `rule` fires on `text` read as a file.
    pub fn fires(rule: &str, text: &str) -> bool {
        findings(text).iter().any(|f| f.rule == rule)
    }

    pub fn kind_findings(kind: TemplateKind, terms: KeyTerms) -> Vec<Finding> {
        let clauses = crate::contract::sample_filled(&default_template(kind), &default_clauses(), &terms).expect("default template fills");
        rules::check(&contract_subject(kind, &terms, &clauses), &RiskThresholds::default())
    }

    /// Whether `rule` fires on the default template of `kind` with `terms`.
    pub fn kind_fires(rule: &str, kind: TemplateKind, terms: KeyTerms) -> bool {
        kind_findings(kind, terms).iter().any(|f| f.rule == rule)
    }

    /// Whether `rule` fires on the default sales contract with `terms`.
    pub fn fires_with_terms(rule: &str, terms: KeyTerms) -> bool {
        kind_fires(rule, TemplateKind::Sales, terms)
    }

    #[test]
    fn the_default_library_raises_no_high_flag_with_default_terms() {
        for kind in TemplateKind::ALL {
            let found = kind_findings(*kind, KeyTerms::default());
            let high: Vec<_> = found.iter().filter(|f| f.severity == Severity::High).collect();
            assert!(high.is_empty(), "{kind:?}: {high:#?}");
            let any: Vec<_> = found.iter().map(|f| f.rule).collect();
            assert!(any.is_empty(), "{kind:?} raises nothing at all with the house terms: {any:?}");
        }
    }

    #[test]
    fn a_flag_points_at_its_clause_and_is_raised_once_for_zh_and_en() {
        let mut terms = KeyTerms::default();
        terms.payment_days = Some(120);
        let found = kind_findings(TemplateKind::Sales, terms);
        let pay: Vec<_> = found.iter().filter(|f| f.rule == "PAY-01").collect();
        assert_eq!(pay.len(), 1, "{pay:#?}");
        assert_eq!(pay[0].clause, Some(3), "the payment clause is the third of the sales template");
        assert_eq!(pay[0].severity, Severity::High);
    }

    #[test]
    fn file_offsets_are_characters_of_the_file() {
        let text = "第一条 付款\n付款时间由双方另行协商。";
        let f = findings(text).into_iter().find(|f| f.rule == "PAY-03" && !f.excerpt.is_empty()).expect("PAY-03");
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(chars[f.start..f.end].iter().collect::<String>(), f.excerpt);
        assert_eq!(f.excerpt, "付款时间由双方另行协商。");
    }
}
