//! Contract commands: the list, one contract as the window shows it (its clauses filled in,
//! the library fallbacks each clause may swap to, legal's review and why the final PDF is
//! blocked), making one from an accepted quote, key terms, clause edits, fallbacks, free-text
//! clauses, the status marks after sign-off, and the PDF (draft or final) through a native
//! save dialog or into the app's documents folder. Legal's review is in `contract_review`.

use super::quotes::actor;
use super::{off_thread, IpcError};
use crate::state::AppState;
use dealdesk_core::contract::store::{self, ContractSummary};
use dealdesk_core::contract::{print, workflow, Contract, ContractStatus, Fallback, KeyTerms, TemplateKind, Topic};
use dealdesk_core::pdf::quote::Labels;
use dealdesk_core::risk::review::{self, Review};
use dealdesk_core::CoreError;
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

/// A clause with its placeholders filled, as printed and as the rules read it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct FilledClauseText {
    pub position: u32,
    pub zh: String,
    pub en: String,
}

/// The library's fallback positions for one clause key (1-based in `fallbacks`).
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ClauseFallbacks {
    pub clause_key: String,
    pub zh: String,
    pub en: String,
    pub fallbacks: Vec<Fallback>,
}

/// Everything the contract screen shows.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ContractDetail {
    pub contract: Contract,
    pub filled: Vec<FilledClauseText>,
    pub library: Vec<ClauseFallbacks>,
    pub review: Review,
    /// Why the final PDF cannot be produced yet (None: it can); the draft always can.
    pub final_blocked: Option<String>,
}

/// The key-terms form as typed. The liability cap is text so a bad one comes back as a field
/// error (`liability_cap_pct`), not as a malformed request.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct TermsForm {
    pub payment_days: Option<u32>,
    pub delivery_days: Option<u32>,
    pub acceptance_days: Option<u32>,
    pub liability_cap_pct: Option<String>,
    pub warranty_months: Option<u32>,
    pub term_months: Option<u32>,
    pub auto_renew: bool,
    pub non_renewal_notice_days: Option<u32>,
    pub public_body: bool,
}

impl TermsForm {
    fn cap(&self) -> Result<Option<dealdesk_core::report::Decimal>, CoreError> {
        self.liability_cap_pct.as_deref().map(str::trim).filter(|c| !c.is_empty()).map(workflow::parse_cap).transpose()
    }

    /// The terms of a new contract (an empty field: not agreed).
    fn terms(&self) -> Result<KeyTerms, CoreError> {
        Ok(KeyTerms {
            payment_days: self.payment_days,
            delivery_days: self.delivery_days,
            acceptance_days: self.acceptance_days,
            liability_cap_pct: self.cap()?,
            warranty_months: self.warranty_months,
            term_months: self.term_months,
            auto_renew: self.auto_renew,
            non_renewal_notice_days: self.non_renewal_notice_days,
            public_body: self.public_body,
        })
    }

    /// A change to an existing contract (the core keeps a term whose field is empty).
    fn change(&self) -> Result<workflow::TermsChange, CoreError> {
        Ok(workflow::TermsChange {
            payment_days: self.payment_days,
            delivery_days: self.delivery_days,
            acceptance_days: self.acceptance_days,
            liability_cap_pct: self.cap()?,
            warranty_months: self.warranty_months,
            term_months: self.term_months,
            auto_renew: Some(self.auto_renew),
            non_renewal_notice_days: self.non_renewal_notice_days,
            public_body: Some(self.public_body),
        })
    }
}

/// What "New contract" sends: the accepted quote (id or number), the template and the terms.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct NewContract {
    pub quote: String,
    pub kind: TemplateKind,
    pub terms: TermsForm,
}

/// The contract screen's data for `id`.
pub(crate) async fn detail(pool: &dealdesk_core::store::SqlitePool, id: &str) -> Result<ContractDetail, CoreError> {
    let mut conn = pool.acquire().await?;
    let contract = store::get_in(&mut conn, id).await?;
    let filled = review::filled_clauses(&mut conn, &contract).await?.into_iter().map(|f| FilledClauseText { position: f.position, zh: f.zh, en: f.en }).collect();
    let mut library = Vec::new();
    for key in contract.clauses.iter().filter_map(|c| c.clause_key.as_deref()) {
        if library.iter().any(|l: &ClauseFallbacks| l.clause_key == key) {
            continue;
        }
        let c = store::clause(&mut conn, key).await?;
        library.push(ClauseFallbacks { clause_key: c.key, zh: c.zh, en: c.en, fallbacks: c.fallbacks });
    }
    let mut review = review::get_in_review(&mut conn, id).await?;
    let final_blocked = review.final_blocked.clone();
    // Owner, history, decisions and sign-offs through the data view's policy (the filled
    // clauses hold the customer's and seller's company names, not personal data).
    let mut contract = contract;
    dealdesk_core::masking::documents::mask_contract_screen(&mut conn, &mut contract, &mut review).await?;
    Ok(ContractDetail { contract, filled, library, review, final_blocked })
}

#[tauri::command]
pub async fn list_contracts(state: State<'_, AppState>) -> Result<Vec<ContractSummary>, IpcError> {
    let mut conn = state.pool()?.acquire().await.map_err(CoreError::from)?;
    Ok(dealdesk_core::masking::documents::list_contracts(&mut conn).await?)
}

#[tauri::command]
pub async fn get_contract(state: State<'_, AppState>, id: String) -> Result<ContractDetail, IpcError> {
    let pool = state.pool()?;
    Ok(off_thread(move || async move { detail(&pool, &id).await }).await?)
}

/// Runs a change as the current user (on its own thread: some changes write the audit log,
/// whose future is not `Send`) and returns the contract screen's data afterwards.
pub(crate) async fn change<F, Fut, T>(state: &AppState, id: String, f: F) -> Result<ContractDetail, IpcError>
where
    F: FnOnce(dealdesk_core::store::SqlitePool, String, dealdesk_core::quote::Actor) -> Fut + Send + 'static,
    Fut: std::future::Future<Output = Result<T, CoreError>>,
    T: Send + 'static,
{
    let who = actor(state).await?;
    let pool = state.pool()?;
    Ok(off_thread(move || async move {
        f(pool.clone(), id.clone(), who).await?;
        detail(&pool, &id).await
    })
    .await?)
}

#[tauri::command]
pub async fn create_contract(state: State<'_, AppState>, input: NewContract) -> Result<ContractDetail, IpcError> {
    let terms = input.terms.terms()?;
    let who = actor(&state).await?;
    let pool = state.pool()?;
    Ok(off_thread(move || async move {
        let c = workflow::create_from_quote(&pool, input.quote.trim(), input.kind, &terms, &who).await?;
        detail(&pool, &c.id).await
    })
    .await?)
}

#[tauri::command]
pub async fn save_contract_terms(state: State<'_, AppState>, id: String, terms: TermsForm) -> Result<ContractDetail, IpcError> {
    let change_ = terms.change()?;
    change(&state, id, move |pool, id, who| async move { workflow::update_terms(&pool, &id, &change_, &who).await }).await
}

#[tauri::command]
pub async fn edit_contract_clause(state: State<'_, AppState>, id: String, position: u32, zh: String, en: String) -> Result<ContractDetail, IpcError> {
    change(&state, id, move |pool, id, who| async move { workflow::edit_clause(&pool, &id, position, &zh, &en, &who).await }).await
}

/// `fallback` is the library fallback's 1-based position; 0 goes back to the standard text.
#[tauri::command]
pub async fn choose_contract_fallback(state: State<'_, AppState>, id: String, position: u32, fallback: u32) -> Result<ContractDetail, IpcError> {
    change(&state, id, move |pool, id, who| async move { workflow::choose_fallback(&pool, &id, position, fallback, &who).await }).await
}

#[tauri::command]
pub async fn add_contract_clause(
    state: State<'_, AppState>,
    id: String,
    topic: Topic,
    title_zh: String,
    title_en: String,
    zh: String,
    en: String,
) -> Result<ContractDetail, IpcError> {
    change(&state, id, move |pool, id, who| async move { workflow::add_free_clause(&pool, &id, topic, (title_zh.as_str(), title_en.as_str()), &zh, &en, &who).await }).await
}

/// After legal's sign-off: signed → active → expired / terminated.
#[tauri::command]
pub async fn mark_contract(state: State<'_, AppState>, id: String, to: ContractStatus) -> Result<ContractDetail, IpcError> {
    change(&state, id, move |pool, id, who| async move { workflow::mark(&pool, &id, to, &who).await }).await
}

/// The PDF's bytes and file name; the final one is refused with the reason until legal signed
/// it off with no open high flag.
async fn render(state: &AppState, id: &str, draft: bool) -> Result<(String, Vec<u8>), IpcError> {
    let pool = state.pool()?;
    let engine = state.pdf_engine(&pool).await?;
    let (c, bytes) = print::render(&pool, &engine, id, Labels::Bilingual, draft).await?;
    let name = if draft { format!("{}-draft.pdf", c.number) } else { format!("{}.pdf", c.number) };
    Ok((name, bytes))
}

/// Saves the contract's PDF where the user says in the native dialog; `None` when cancelled.
#[tauri::command]
pub async fn export_contract_pdf<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, id: String, draft: bool) -> Result<Option<String>, IpcError> {
    let (name, bytes) = render(&state, &id, draft).await?;
    let Some(path) = super::files::pick_save_path(&app, name, "pdf").await? else { return Ok(None) };
    dealdesk_core::pdf::write_atomically(&path, &bytes)?;
    tracing::info!(draft, "contract PDF exported");
    Ok(Some(path.display().to_string()))
}

/// Writes the contract's PDF into `documents/contracts/` beside the database; returns the path.
#[tauri::command]
pub async fn print_contract(state: State<'_, AppState>, id: String, draft: bool) -> Result<String, IpcError> {
    let (name, bytes) = render(&state, &id, draft).await?;
    let dir = state.documents_dir().join("contracts");
    std::fs::create_dir_all(&dir).map_err(|e| CoreError::io(format!("cannot create {}", dir.display()), e))?;
    let path = dir.join(name);
    dealdesk_core::pdf::write_atomically(&path, &bytes)?;
    tracing::info!(draft, "contract PDF printed");
    Ok(path.display().to_string())
}
