//! The values a contract's placeholders take (from the contract, its quote, the customer and
//! the print settings), and the contract's clauses with them filled in — what the PDF prints
//! and what the risk rules read.

use super::model::{Contract, KeyTerms, Topic};
use super::placeholders::{fill, Values};
use crate::error::CoreResult;
use crate::words::{self, Lang, ZhOptions};
use rust_decimal::Decimal;

/// What the values are made from.
pub struct Facts<'a> {
    pub customer_name: &'a str,
    pub seller_name: &'a str,
    pub contract_number: &'a str,
    pub contract_date: &'a str,
    pub currency: &'a str,
    pub quote_number: &'a str,
    pub quote_date: &'a str,
    pub value: Decimal,
    pub terms: &'a KeyTerms,
    pub words: &'a ZhOptions,
}

fn amount(v: Decimal, currency: &str) -> String {
    format!("{currency} {}", crate::pdf::format_money(v, currency))
}

/// The amount in words: 大写 for CNY, English otherwise.
pub fn value_in_words(value: Decimal, currency: &str, opts: &ZhOptions) -> CoreResult<(String, String)> {
    let en = words::amount_in_words(value, currency, Lang::En, opts)?;
    let zh = if currency.eq_ignore_ascii_case("CNY") { words::amount_in_words(value, currency, Lang::Zh, opts)? } else { en.clone() };
    Ok((zh, en))
}

pub fn values(f: &Facts<'_>) -> CoreResult<Values> {
    let (zh_words, en_words) = value_in_words(f.value, f.currency, f.words)?;
    let mut v = Values::new();
    v.insert("customer.name", f.customer_name.to_string());
    v.insert("seller.name", if f.seller_name.trim().is_empty() { "____".into() } else { f.seller_name.to_string() });
    v.insert("contract.number", f.contract_number.to_string());
    v.insert("contract.date", f.contract_date.to_string());
    v.insert("contract.currency", f.currency.to_string());
    v.insert("quote.number", f.quote_number.to_string());
    v.insert("quote.date", f.quote_date.to_string());
    v.insert("quote.total", amount(f.value, f.currency));
    v.insert("quote.total_in_words", zh_words);
    v.insert("quote.total_in_words_en", en_words);
    let t = f.terms;
    let mut num = |k: &'static str, n: Option<u32>| {
        if let Some(n) = n {
            v.insert(k, n.to_string());
        }
    };
    num("payment.days", t.payment_days);
    num("delivery.days", t.delivery_days);
    num("acceptance.days", t.acceptance_days);
    num("warranty.months", t.warranty_months);
    num("term.months", t.term_months);
    num("renewal.notice_days", t.non_renewal_notice_days);
    if let Some(pct) = t.liability_cap_pct {
        let cap = crate::money::round_to_minor_units(f.value * pct / Decimal::from(100), f.currency);
        v.insert("liability.cap", amount(cap, f.currency));
        v.insert("liability.cap_pct", pct.normalize().to_string());
    }
    Ok(v)
}

/// One clause ready to print or check.
#[derive(Debug, Clone, PartialEq)]
pub struct FilledClause {
    pub position: u32,
    pub topic: Topic,
    pub title_zh: String,
    pub title_en: String,
    pub zh: String,
    pub en: String,
}

pub fn filled(contract: &Contract, values: &Values) -> Vec<FilledClause> {
    contract
        .clauses
        .iter()
        .map(|c| FilledClause { position: c.position, topic: c.topic, title_zh: c.title_zh.clone(), title_en: c.title_en.clone(), zh: fill(&c.zh, values), en: fill(&c.en, values) })
        .collect()
}
