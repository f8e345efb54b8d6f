//! Quotes, contracts and legal's review through the data view's policy, as the registry in
//! [`super::kinds`] declares their columns: the quote's owner and notes, the history events'
//! actor and comment, the contract's owner, the sign-offs' actor and comment, the checklist
//! items' and flags' `decided_by` and reason. The window's quote list, builder, revision
//! comparison, contract list and contract screen all go through here before they cross IPC,
//! so no screen shows one of these fields in clear by forgetting it. The printed quote and
//! contract are customer documents and are rendered from the store, in clear.

use super::apply::Masker;
use super::records::{mask_all, mask_record, masked_records, personal, restore_masked};
use super::view;
use crate::contract::model::{Contract, ContractEvent};
use crate::contract::store::{self as contracts, ContractSummary};
use crate::error::CoreResult;
use crate::ids::QuoteId;
use crate::listing::{ListQuery, Page};
use crate::quote::model::{Quote, QuoteEvent, QuoteInput};
use crate::quote::store::{self as quotes, QuoteSummary};
use crate::risk::review::{Flag, Review, ReviewItem, SignOff};
use sqlx::{SqliteConnection, SqlitePool};

personal!(Quote, "quotes", [owner, notes]);
personal!(QuoteInput, "quotes", [notes]);
personal!(QuoteSummary, "quotes", [owner]);
personal!(QuoteEvent, "quote_events", [actor, comment]);
personal!(Contract, "contracts", [owner]);
personal!(ContractSummary, "contracts", [owner]);
personal!(ContractEvent, "contract_events", [actor, comment]);
personal!(SignOff, "contract_signoffs", [actor, comment]);
personal!(ReviewItem, "review_items", [reason], opt [decided_by]);
personal!(Flag, "review_flags", [reason], opt [decided_by]);
masked_records!(Quote, QuoteSummary, QuoteEvent, Contract, ContractSummary, ContractEvent, SignOff, ReviewItem, Flag);

/// A quote revision with its history, masked.
pub fn mask_quote(q: &mut Quote, masker: &Masker<'_>) -> CoreResult<()> {
    mask_record(q, masker)?;
    mask_all(&mut q.events, masker)
}

/// A contract with its history, masked.
pub fn mask_contract(c: &mut Contract, masker: &Masker<'_>) -> CoreResult<()> {
    mask_record(c, masker)?;
    mask_all(&mut c.events, masker)
}

/// Legal's review (checklist decisions, flags, sign-offs), masked.
pub fn mask_review(r: &mut Review, masker: &Masker<'_>) -> CoreResult<()> {
    mask_all(&mut r.items, masker)?;
    mask_all(&mut r.flags, masker)?;
    mask_all(&mut r.sign_offs, masker)
}

/// The quote list as the data view shows it (its search never looks at the owner).
pub async fn list_quotes(pool: &SqlitePool, q: &ListQuery) -> CoreResult<Page<QuoteSummary>> {
    let policy = view::current(pool).await?.effective_policy();
    let mut page = quotes::list(pool, q).await?;
    mask_all(&mut page.items, &Masker { policy: &policy, keys: None })?;
    Ok(page)
}

/// A quote returned by any step of the builder (submit, decide, mark, revise), masked.
pub async fn shown_quote(pool: &SqlitePool, mut quote: Quote) -> CoreResult<Quote> {
    let policy = view::current(pool).await?.effective_policy();
    mask_quote(&mut quote, &Masker { policy: &policy, keys: None })?;
    Ok(quote)
}

/// Every revision of a quote (the builder and the revision comparison), masked.
pub async fn quote_revisions(pool: &SqlitePool, id: QuoteId) -> CoreResult<Vec<Quote>> {
    let policy = view::current(pool).await?.effective_policy();
    let masker = Masker { policy: &policy, keys: None };
    let mut revisions = quotes::revisions(pool, id).await?;
    for q in &mut revisions {
        mask_quote(q, &masker)?;
    }
    Ok(revisions)
}

/// Saves a draft from the builder. Notes sent back exactly as shown (masked) keep their
/// stored clear text; notes edited around masked pieces are refused (field code `masked`).
pub async fn save_quote(pool: &SqlitePool, mut input: QuoteInput) -> CoreResult<Quote> {
    let policy = view::current(pool).await?.effective_policy();
    let masker = Masker { policy: &policy, keys: None };
    if let Some(id) = input.id.as_deref().and_then(QuoteId::parse) {
        if let Ok(stored) = quotes::get(pool, id).await {
            restore_masked(&stored, &mut input, &masker)?;
        }
    }
    let mut saved = quotes::save_draft(pool, &input).await?;
    mask_quote(&mut saved, &masker)?;
    Ok(saved)
}

/// The contract list as the data view shows it.
pub async fn list_contracts(conn: &mut SqliteConnection) -> CoreResult<Vec<ContractSummary>> {
    let policy = view::load(conn).await?.effective_policy();
    let mut list = contracts::summaries(conn).await?;
    mask_all(&mut list, &Masker { policy: &policy, keys: None })?;
    Ok(list)
}

/// The contract screen's contract and review, masked with the data view's policy.
pub async fn mask_contract_screen(conn: &mut SqliteConnection, contract: &mut Contract, review: &mut Review) -> CoreResult<()> {
    let policy = view::load(conn).await?.effective_policy();
    let masker = Masker { policy: &policy, keys: None };
    mask_contract(contract, &masker)?;
    mask_review(review, &masker)
}
