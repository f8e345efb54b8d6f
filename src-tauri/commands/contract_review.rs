//! Legal's review from the window: send a contract to review (or re-run the rules), waive a
//! flag with the reason, decide checklist items, request changes, sign off, and export the
//! review report PDF. The core refuses
//! the legal-only steps for any other role (the window also disables them); each returns the
//! contract screen's data afterwards.

use super::contracts::{change, ContractDetail};
use super::IpcError;
use crate::state::AppState;
use dealdesk_core::masking::apply::Masker;
use dealdesk_core::pdf::quote::Labels;
use dealdesk_core::risk::{report, review};
use dealdesk_core::CoreError;
use tauri::{AppHandle, Runtime, State};

/// Sends a draft (or a contract with changes requested) to review; otherwise re-runs the rules.
#[tauri::command]
pub async fn submit_contract_review(state: State<'_, AppState>, id: String) -> Result<ContractDetail, IpcError> {
    change(&state, id, |pool, id, who| async move {
        let status = review::get(&pool, &id).await?.contract_status;
        if status == dealdesk_core::contract::ContractStatus::ChangesRequested {
            review::submit(&pool, &id, &who).await
        } else {
            review::run(&pool, &id, &who).await
        }
    })
    .await
}

#[tauri::command]
pub async fn waive_contract_flag(state: State<'_, AppState>, id: String, flag: String, reason: String) -> Result<ContractDetail, IpcError> {
    change(&state, id, move |pool, id, who| async move { review::waive(&pool, &id, &flag, &reason, &who).await }).await
}

/// `decision` is `pass`, `accepted` or `change_required` (the last two need a reason).
#[tauri::command]
pub async fn decide_contract_item(state: State<'_, AppState>, id: String, item: String, decision: String, reason: String) -> Result<ContractDetail, IpcError> {
    change(&state, id, move |pool, id, who| async move { review::decide_item(&pool, &id, &item, &decision, &reason, &who).await }).await
}

#[tauri::command]
pub async fn request_contract_changes(state: State<'_, AppState>, id: String, comment: String) -> Result<ContractDetail, IpcError> {
    change(&state, id, move |pool, id, who| async move { review::request_changes(&pool, &id, &comment, &who).await }).await
}

#[tauri::command]
pub async fn sign_off_contract(state: State<'_, AppState>, id: String, comment: String) -> Result<ContractDetail, IpcError> {
    change(&state, id, move |pool, id, who| async move { review::sign_off(&pool, &id, &comment, &who).await }).await
}

/// Legal's review report (flags, decisions, who and when) as a PDF where the user says in the
/// native dialog; `None` when cancelled. Any status: an open review's report says what blocks it.
/// Names and reasons go through the data view's policy (as on the contract screen); the file
/// name ends in `-masked-<policy>` unless the view is admin, and the audit entry names it.
#[tauri::command]
pub async fn export_contract_review_report<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, id: String) -> Result<Option<String>, IpcError> {
    let pool = state.pool()?;
    let (number, policy) = {
        let mut conn = pool.acquire().await.map_err(CoreError::from)?;
        let policy = dealdesk_core::masking::view::load(&mut conn).await?.effective_policy();
        (dealdesk_core::contract::store::get_in(&mut conn, &id).await?.number, policy)
    };
    let name = dealdesk_core::masking::dashboard::export_file_name(&format!("{number}-review"), &policy.name, "pdf");
    let Some(path) = super::files::pick_save_path(&app, name, "pdf").await? else { return Ok(None) };
    let engine = state.pdf_engine(&pool).await?;
    let masker = Masker { policy: &policy, keys: None };
    report::render_to_file_masked(&pool, &engine, &id, Labels::Bilingual, &path, Some(&masker)).await?;
    Ok(Some(path.display().to_string()))
}
