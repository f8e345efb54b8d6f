//! Compliance from the window: subject requests (find, export the report, correct, erase) and
//! scans for personal data nobody declared (an uploaded file, the store's free text). Subject
//! requests need the admin or legal data view without the privacy screen; what they show in
//! the window goes through the view's policy, the exported report is the person's data in clear.

use super::error::ErrorKind;
use super::{off_thread, IpcError};
use crate::state::AppState;
use dealdesk_core::masking::apply::{MaskReport, Masker};
use dealdesk_core::masking::keys::{self, MaskingKeys};
use dealdesk_core::masking::kinds::{column_kind, PiiKind};
use dealdesk_core::masking::scan::{self, ScanReport};
use dealdesk_core::masking::view;
use dealdesk_core::pdf::quote::Labels;
use dealdesk_core::subject::{self, ChangeReport, ExportedReport, Findings, Subject, SubjectKind};
use dealdesk_core::CoreError;
use tauri::{AppHandle, Runtime, State};

fn pseudonym_keys() -> Result<MaskingKeys, CoreError> {
    keys::get_or_create(&dealdesk_core::store::OsKeychain::new())
}

/// The subject, once the data view may handle requests.
async fn authorised(state: &AppState, kind: SubjectKind, value: &str) -> Result<(dealdesk_core::store::SqlitePool, Subject), IpcError> {
    let pool = state.pool()?;
    subject::check_view(&view::current(&pool).await?)?;
    Ok((pool, Subject::new(kind, value)?))
}

fn mask_findings(findings: &mut Findings, masker: &Masker<'_>) -> Result<(), CoreError> {
    let mut report = MaskReport::default();
    for hit in &mut findings.hits {
        let kind = PiiKind::parse(&hit.kind);
        hit.value = if hit.whole { masker.cell(kind, &hit.value, &mut report)?.into_owned() } else { masker.text(&hit.value, &mut report)?.into_owned() };
        for f in &mut hit.fields {
            if let Some(kind) = column_kind("contacts", &f.column) {
                f.value = masker.cell(Some(kind), &f.value, &mut report)?.into_owned();
            }
        }
    }
    Ok(())
}

/// Everything stored about one person, shown through the data view's policy (audited).
#[tauri::command]
pub async fn subject_find(state: State<'_, AppState>, kind: SubjectKind, value: String) -> Result<Findings, IpcError> {
    let (pool, subject) = authorised(&state, kind, &value).await?;
    let mut findings = subject::lookup(&pool, &subject, &pseudonym_keys()?).await?;
    let policy = view::current(&pool).await?.effective_policy();
    mask_findings(&mut findings, &Masker { policy: &policy, keys: None })?;
    Ok(findings)
}

/// The report for the person (PDF + JSON beside it), in a native save dialog or, with
/// `to_documents`, in `documents/subject-requests/` beside the database. `None`: cancelled.
#[tauri::command]
pub async fn export_subject_report<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    kind: SubjectKind,
    value: String,
    to_documents: Option<bool>,
) -> Result<Option<ExportedReport>, IpcError> {
    let (pool, subject) = authorised(&state, kind, &value).await?;
    let keys = pseudonym_keys()?;
    let suggested = format!("subject-{}-{}.pdf", kind.code(), &subject.hash(&keys)[..8]);
    let path = if to_documents.unwrap_or(false) {
        let dir = state.documents_dir().join("subject-requests");
        std::fs::create_dir_all(&dir).map_err(|e| CoreError::io(format!("cannot create {}", dir.display()), e))?;
        dir.join(suggested)
    } else {
        let Some(path) = super::files::pick_save_path(&app, suggested, "pdf").await? else { return Ok(None) };
        path
    };
    let engine = state.pdf_engine(&pool).await?;
    Ok(Some(subject::export(&pool, &subject, &keys, &engine, &path, Labels::Bilingual).await?))
}

/// Replaces the identifier with `to` wherever it is stored (one transaction, audited).
#[tauri::command]
pub async fn correct_subject(state: State<'_, AppState>, kind: SubjectKind, value: String, to: String) -> Result<ChangeReport, IpcError> {
    let (pool, subject) = authorised(&state, kind, &value).await?;
    let keys = pseudonym_keys()?;
    Ok(off_thread(move || async move { subject::correct(&pool, &subject, &to, &keys).await }).await?)
}

/// Erases the person (one transaction, audited under the keyed hash only).
#[tauri::command]
pub async fn erase_subject(state: State<'_, AppState>, kind: SubjectKind, value: String) -> Result<ChangeReport, IpcError> {
    let (pool, subject) = authorised(&state, kind, &value).await?;
    let keys = pseudonym_keys()?;
    Ok(off_thread(move || async move { subject::erase(&pool, &subject, &keys).await }).await?)
}

/// Scans a staged upload (see `stage_upload`) for personal data its headers do not declare.
#[tauri::command]
pub async fn scan_upload(state: State<'_, AppState>, upload_id: String) -> Result<ScanReport, IpcError> {
    let upload = state.take(&upload_id).ok_or_else(|| IpcError::new(ErrorKind::NotFound, "the chosen file is no longer staged; choose it again"))?;
    let report = tauri::async_runtime::spawn_blocking(move || scan::scan_bytes(&upload.file_name, &upload.bytes))
        .await
        .map_err(|e| IpcError::new(ErrorKind::Internal, format!("the scan failed: {e}")))??;
    Ok(report)
}

/// Scans the store's free text (notes, comments, reasons) for personal data.
#[tauri::command]
pub async fn scan_store(state: State<'_, AppState>) -> Result<ScanReport, IpcError> {
    Ok(scan::scan_store(&state.pool()?).await?)
}
