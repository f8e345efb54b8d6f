//! From a contract to its PDF, behind legal's gate: the final PDF only after legal's sign-off
//! with no open high-severity flag; before that (or on request) only a 草稿 DRAFT-watermarked
//! one. Parties, number, the key facts with the 大写 amount, the numbered clauses in zh, en or
//! both side by side, and the signature blocks.

use super::fill;
use super::model::Contract;
use crate::error::{CoreError, CoreResult};
use crate::pdf::contract::{ContractClauseText, ContractDocument};
use crate::pdf::quote::Labels;
use crate::pdf::PdfEngine;
use crate::risk::review;
use sqlx::SqlitePool;
use std::path::Path;

/// Printed on every page of a contract legal has not signed off.
pub const DRAFT_WATERMARK: &str = "草稿 DRAFT";

fn days(v: Option<u32>, zh: &str, en: &str, lang: Labels) -> String {
    match (v, lang) {
        (Some(n), Labels::Zh) => format!("{n} {zh}"),
        (Some(n), Labels::En) => format!("{n} {en}"),
        (Some(n), Labels::Bilingual) => format!("{n} {zh} / {n} {en}"),
        (None, _) => "____".into(),
    }
}

/// The document of a contract (`draft`: watermarked).
pub async fn document(pool: &SqlitePool, c: &Contract, lang: Labels, draft: bool) -> CoreResult<ContractDocument> {
    let mut conn = pool.acquire().await?;
    let settings = crate::quote::print::load(&mut conn).await?;
    let clauses = review::filled_clauses(&mut conn, c).await?;
    drop(conn);
    let (zh_words, en_words) = fill::value_in_words(c.contract_value, &c.currency, &settings.words)?;
    let (name_zh, name_en) = c.kind.name();
    let (buyer, seller) = match c.kind {
        super::TemplateKind::Sales => (("甲方（买方）", "Buyer"), ("乙方（卖方）", "Seller")),
        super::TemplateKind::Distribution => (("甲方（经销商）", "Distributor"), ("乙方（供应商）", "Supplier")),
        super::TemplateKind::Service => (("甲方（委托方）", "Client"), ("乙方（服务方）", "Provider")),
        super::TemplateKind::Nda => (("甲方", "Party A"), ("乙方", "Party B")),
    };
    let seller_name = if settings.company_name.trim().is_empty() { "____".to_string() } else { settings.company_name.clone() };
    let value = format!("{} {}", c.currency, crate::pdf::format_money(c.contract_value, &c.currency));
    let mut facts = vec![("合同金额".to_string(), "Contract value".to_string(), value)];
    let words = match lang {
        Labels::Zh => zh_words,
        Labels::En => en_words,
        Labels::Bilingual if zh_words == en_words => zh_words,
        Labels::Bilingual => format!("{zh_words}\n{en_words}"),
    };
    facts.push(("大写金额".into(), "Amount in words".into(), words));
    facts.push(("报价单号".into(), "Quotation".into(), c.quote_number.clone()));
    let t = &c.terms;
    if c.kind.has_payment() {
        facts.push(("付款期限".into(), "Payment".into(), days(t.payment_days, "日", "days", lang)));
    }
    if c.kind.has_delivery() {
        facts.push(("交付期限".into(), "Delivery".into(), days(t.delivery_days, "日", "days", lang)));
        facts.push(("验收期".into(), "Acceptance window".into(), days(t.acceptance_days, "日", "days", lang)));
    }
    if c.kind.has_term() {
        facts.push(("合同期限".into(), "Term".into(), days(t.term_months, "个月", "months", lang)));
    }
    Ok(ContractDocument {
        lang,
        title_zh: name_zh.into(),
        title_en: name_en.into(),
        number: c.number.clone(),
        date: c.contract_date.clone(),
        parties: [
            (buyer.0.into(), buyer.1.into(), c.customer_name.clone()),
            (seller.0.into(), seller.1.into(), seller_name),
        ],
        facts,
        clauses: clauses.into_iter().map(|f| ContractClauseText { no: f.position, title_zh: f.title_zh, title_en: f.title_en, zh: f.zh, en: f.en }).collect(),
        watermark: draft.then(|| DRAFT_WATERMARK.to_string()),
    })
}

/// Renders the contract: the final PDF (refused with the reason until legal signed off with
/// no open high flag), or with `draft` the watermarked one, which is always allowed.
pub async fn render(pool: &SqlitePool, engine: &PdfEngine, id: &str, lang: Labels, draft: bool) -> CoreResult<(Contract, Vec<u8>)> {
    let mut conn = pool.acquire().await?;
    let c = super::store::get_in(&mut conn, id).await?;
    let r = review::get_in_review(&mut conn, id).await?;
    drop(conn);
    if !draft {
        if let Some(why) = r.final_blocked {
            return Err(CoreError::Conflict(format!("no final PDF of {}: {why} (use --draft for a watermarked one)", c.number)));
        }
    }
    let doc = document(pool, &c, lang, draft).await?;
    let bytes = engine.render_contract(&doc)?;
    Ok((c, bytes))
}

/// [`render`] into a file, written atomically.
pub async fn render_to_file(pool: &SqlitePool, engine: &PdfEngine, id: &str, lang: Labels, draft: bool, out: &Path) -> CoreResult<Contract> {
    let (c, bytes) = render(pool, engine, id, lang, draft).await?;
    crate::pdf::write_atomically(out, &bytes)?;
    Ok(c)
}
