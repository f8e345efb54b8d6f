//! Placeholders in clause text (`{{payment.days}}`): the closed list of names, the check that
//! runs when a clause or template is saved (an unknown or unclosed placeholder is an error that
//! names the clause and the placeholder, never a blank in a PDF), and filling them in.

use crate::error::{CoreError, CoreResult, FieldCode, FieldError};
use std::collections::BTreeMap;

/// Every placeholder a clause may use, with what it becomes.
pub const KNOWN: &[(&str, &str)] = &[
    ("customer.name", "the customer's name (甲方)"),
    ("seller.name", "our company name from the print settings (乙方)"),
    ("contract.number", "the contract number, C-2026-0001"),
    ("contract.date", "the contract date, 2026-12-02"),
    ("contract.currency", "the currency code, CNY"),
    ("quote.number", "the accepted quote's number"),
    ("quote.date", "the quote's date"),
    ("quote.total", "the contract value with its currency, CNY 227,618.48"),
    ("quote.total_in_words", "the value in words: 人民币…元整 for CNY, English otherwise"),
    ("quote.total_in_words_en", "the value in English words"),
    ("payment.days", "payment period in days"),
    ("delivery.days", "delivery period in days"),
    ("acceptance.days", "acceptance window in days"),
    ("liability.cap", "the liability cap as an amount with currency"),
    ("liability.cap_pct", "the liability cap as a percent of the contract value"),
    ("warranty.months", "the warranty period in months"),
    ("term.months", "the contract term in months"),
    ("renewal.notice_days", "days of notice to stop an automatic renewal"),
];

pub fn is_known(name: &str) -> bool {
    KNOWN.iter().any(|(k, _)| *k == name)
}

/// A placeholder found in a text: its name and its byte range (the braces included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub name: String,
    pub start: usize,
    pub end: usize,
}

/// The placeholders of `text`; `Err(offset)` at an unclosed `{{`.
pub fn scan(text: &str) -> Result<Vec<Found>, usize> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find("{{") {
        let start = from + open;
        let Some(close) = text[start + 2..].find("}}") else { return Err(start) };
        let end = start + 2 + close + 2;
        let name = text[start + 2..end - 2].trim().to_string();
        if name.contains("{{") {
            return Err(start);
        }
        out.push(Found { name, start, end });
        from = end;
    }
    Ok(out)
}

/// The problems of one text (field = `<what>`, e.g. `clauses[payment].zh`).
pub fn problems(field: &str, text: &str) -> Vec<FieldError> {
    match scan(text) {
        Err(at) => vec![FieldError {
            field: field.to_string(),
            code: FieldCode::UnknownValue,
            message: format!("an unclosed '{{{{' at character {}", text[..at].chars().count() + 1),
        }],
        Ok(found) => found
            .into_iter()
            .filter(|f| !is_known(&f.name))
            .map(|f| FieldError {
                field: field.to_string(),
                code: FieldCode::UnknownValue,
                message: format!("unknown placeholder {{{{{}}}}}; known: {}", f.name, KNOWN.iter().map(|(k, _)| *k).collect::<Vec<_>>().join(", ")),
            })
            .collect(),
    }
}

/// Checks a clause's two texts (and its fallbacks) before it is saved.
pub fn check_clause(clause: &super::LibraryClause) -> CoreResult<()> {
    let mut errors = problems(&format!("clause {}.zh", clause.key), &clause.zh);
    errors.extend(problems(&format!("clause {}.en", clause.key), &clause.en));
    for (i, f) in clause.fallbacks.iter().enumerate() {
        errors.extend(problems(&format!("clause {}.fallbacks[{}].zh", clause.key, i + 1), &f.zh));
        errors.extend(problems(&format!("clause {}.fallbacks[{}].en", clause.key, i + 1), &f.en));
    }
    if errors.is_empty() { Ok(()) } else { Err(CoreError::Validation(errors)) }
}

/// The values placeholders are filled with.
pub type Values = BTreeMap<&'static str, String>;

/// `text` with every known placeholder replaced; a placeholder without a value becomes
/// "____" (a blank to fill by hand: a term not agreed yet), never silently empty.
pub fn fill(text: &str, values: &Values) -> String {
    let Ok(found) = scan(text) else { return text.to_string() };
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for f in found {
        out.push_str(&text[last..f.start]);
        match values.get(f.name.as_str()) {
            Some(v) => out.push_str(v),
            None => out.push_str("____"),
        }
        last = f.end;
    }
    out.push_str(&text[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_placeholders_are_named_with_their_clause() {
        let errors = problems("clause payment.zh", "甲方应于{{payment.days}}日内支付{{quote.totl}}。");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "clause payment.zh");
        assert!(errors[0].message.contains("{{quote.totl}}"), "{}", errors[0].message);
        assert!(problems("x", "{{ payment.days }} days").is_empty(), "spaces inside the braces are fine");
        let unclosed = problems("clause scope.en", "Scope: {{customer.name");
        assert!(unclosed[0].message.contains("unclosed"), "{}", unclosed[0].message);
    }

    #[test]
    fn filling_replaces_known_values_and_leaves_a_visible_blank_for_missing_ones() {
        let mut v = Values::new();
        v.insert("payment.days", "30".into());
        assert_eq!(fill("within {{payment.days}} days, cap {{liability.cap}}", &v), "within 30 days, cap ____");
        assert_eq!(fill("no placeholders", &v), "no placeholders");
    }
}
