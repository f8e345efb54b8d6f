//! Contracts: the bilingual clause library and templates, placeholders, contracts made from
//! accepted quotes (key terms, edited clauses, fallbacks, free-text clauses), their status flow
//! and the step to the printed document. The legal review lives in `risk`.

pub mod fill;
pub mod library;
pub mod model;
pub mod placeholders;
pub mod print;
pub mod store;
pub mod template_file;
pub mod workflow;

pub use fill::FilledClause;
pub use model::{ClauseSource, Contract, ContractClause, ContractStatus, Fallback, KeyTerms, LibraryClause, Template, TemplateKind, Topic};

use crate::error::{CoreError, CoreResult};

/// The clauses of `template` from `clauses`, filled with sample facts and `terms`: what a
/// template check and the library tests read.
pub fn sample_filled(template: &Template, clauses: &[LibraryClause], terms: &KeyTerms) -> CoreResult<Vec<FilledClause>> {
    let values = fill::values(&fill::Facts {
        customer_name: "示例客户有限公司 Example Customer Ltd.",
        seller_name: "示例供应商有限公司 Example Supplier Ltd.",
        contract_number: "C-2026-0001",
        contract_date: "2026-12-02",
        currency: "CNY",
        quote_number: "Q-2026-0001",
        quote_date: "2026-11-22",
        value: rust_decimal::Decimal::from(100_000),
        terms,
        words: &crate::words::ZhOptions::default(),
    })?;
    template
        .clauses
        .iter()
        .enumerate()
        .map(|(i, key)| {
            let c = clauses.iter().find(|c| &c.key == key).ok_or_else(|| CoreError::not_found("clause", key))?;
            Ok(FilledClause {
                position: u32::try_from(i + 1).unwrap_or(u32::MAX),
                topic: c.topic,
                title_zh: c.title_zh.clone(),
                title_en: c.title_en.clone(),
                zh: placeholders::fill(&c.zh, &values),
                en: placeholders::fill(&c.en, &values),
            })
        })
        .collect()
}
