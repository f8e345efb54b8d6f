//! Dashboard commands: the figures (from the window's report snapshot, patched on each
//! refresh), the records behind a number, its settings, targets and costs, ABC apply with a
//! preview, and exports (CSV/XLSX of any table, the weekly PDF) through the native save
//! dialog or into the app's documents folder. Owner names go through the data view's policy
//! (`masking::dashboard`), exports through a policy no less strict, named and audited.

use super::error::ErrorKind;
use super::files::pick_save_path;
use super::IpcError;
use crate::state::AppState;
use dealdesk_core::report::abc::{self, TierChange};
use dealdesk_core::report::dashboard::{self, Dashboard, DashboardRequest, DashboardSettings};
use dealdesk_core::report::drill::{self, Drill, DrillTarget};
use dealdesk_core::report::snapshot::Snapshot;
use dealdesk_core::report::targets::{self, CostInput, TargetBreakdown, TargetInput};
use dealdesk_core::report::{Period, Scope};
use dealdesk_core::masking::apply::Masker;
use dealdesk_core::masking::dashboard as shown;
use dealdesk_core::masking::policy::Policy;
use dealdesk_core::masking::view::{self, DataView};
use dealdesk_core::tabular::{write, Cell, FileFormat};
use serde::Deserialize;
use dealdesk_core::store::SqliteConnection;
use std::path::PathBuf;
use tauri::{AppHandle, Runtime, State};
use tokio::sync::{MappedMutexGuard, MutexGuard};
use ts_rs::TS;

/// The window's snapshot, brought up to date (loaded the first time, or when another
/// database was opened since); held locked while the caller computes from it.
async fn snapshot<'a>(state: &'a AppState, conn: &mut SqliteConnection) -> Result<MappedMutexGuard<'a, Snapshot>, IpcError> {
    let generation = state.generation();
    let mut guard = state.report.lock().await;
    match guard.as_mut() {
        Some((g, snap)) if *g == generation => {
            let refreshed = snap.refresh(conn).await?;
            tracing::debug!(?refreshed, "report snapshot refreshed");
        }
        _ => {
            let started = std::time::Instant::now();
            let snap = Snapshot::load(conn).await?;
            tracing::info!(opportunities = snap.len(), ms = started.elapsed().as_millis() as u64, "report snapshot loaded");
            *guard = Some((generation, snap));
        }
    }
    if let Some((_, snap)) = guard.as_ref() {
        snap.trim(conn).await?;
    }
    MutexGuard::try_map(guard, |g| g.as_mut().map(|(_, snap)| snap)).map_err(|_| IpcError::new(ErrorKind::Internal, "the report snapshot is missing"))
}

/// The figures in clear, the request with its owner resolved to the clear name (the window
/// sends an owner's key, see `masking::dashboard`) and the data view.
async fn clear_figures(state: &AppState, request: &DashboardRequest) -> Result<(Dashboard, DashboardRequest, DataView), IpcError> {
    let mut conn = state.pool()?.acquire().await.map_err(dealdesk_core::CoreError::from)?;
    let view = view::load(&mut conn).await?;
    let snap = snapshot(state, &mut conn).await?;
    let request = shown::resolved_request(request, &snap.filter_values().0, &view.effective_policy())?;
    let (period, scope) = dashboard::parse_request(&request)?;
    let inputs = dashboard::load_inputs(&mut conn, &period, &scope).await?;
    let d = dashboard::compute(&snap, &period, &scope, request.forecast_months, &inputs, dealdesk_core::clock::today())?;
    Ok((d, request, view))
}

/// Every figure, owner names through the data view's policy.
#[tauri::command]
pub async fn dashboard(state: State<'_, AppState>, request: DashboardRequest) -> Result<Dashboard, IpcError> {
    let (mut d, _, view) = clear_figures(&state, &request).await?;
    shown::mask_dashboard(&mut d, &Masker { policy: &view.effective_policy(), keys: None })?;
    Ok(d)
}

/// The records behind `target` in clear, and the data view.
async fn drill_rows(state: &AppState, request: &DashboardRequest, target: &DrillTarget, limit: usize) -> Result<(Drill, DataView), IpcError> {
    let mut conn = state.pool()?.acquire().await.map_err(dealdesk_core::CoreError::from)?;
    let view = view::load(&mut conn).await?;
    let thresholds = dashboard::load_settings(&mut conn).await?.thresholds;
    let snap = snapshot(state, &mut conn).await?;
    let request = shown::resolved_request(request, &snap.filter_values().0, &view.effective_policy())?;
    let (period, scope) = dashboard::parse_request(&request)?;
    Ok((drill::drill(&mut conn, &snap, &period, &scope, &thresholds, target, limit).await?, view))
}

/// The records behind one number (the largest first, at most `drill::SHOWN`), owners through
/// the data view's policy.
#[tauri::command]
pub async fn dashboard_drill(state: State<'_, AppState>, request: DashboardRequest, target: DrillTarget) -> Result<Drill, IpcError> {
    let (mut d, view) = drill_rows(&state, &request, &target, drill::SHOWN).await?;
    shown::mask_drill(&mut d, &Masker { policy: &view.effective_policy(), keys: None })?;
    Ok(d)
}

/// An owner key from the filters (or `""` for the team) as the clear name.
async fn target_owner(state: &AppState, owner: &str) -> Result<(String, DataView), IpcError> {
    let mut conn = state.pool()?.acquire().await.map_err(dealdesk_core::CoreError::from)?;
    let view = view::load(&mut conn).await?;
    let snap = snapshot(state, &mut conn).await?;
    let name = shown::resolve_owner(Some(owner), &snap.filter_values().0, &view.effective_policy())?;
    Ok((name.unwrap_or_default(), view))
}

#[tauri::command]
pub async fn save_dashboard_settings(state: State<'_, AppState>, settings: DashboardSettings) -> Result<DashboardSettings, IpcError> {
    let mut conn = state.pool()?.acquire().await.map_err(dealdesk_core::CoreError::from)?;
    dashboard::save_settings(&mut conn, &settings).await?;
    Ok(dashboard::load_settings(&mut conn).await?)
}

/// A year's targets for the team (`owner` empty) or one owner (a key from the filters).
#[tauri::command]
pub async fn target_breakdown(state: State<'_, AppState>, year: i32, owner: String, currency: String) -> Result<TargetBreakdown, IpcError> {
    let (owner, view) = target_owner(&state, &owner).await?;
    let mut conn = state.pool()?.acquire().await.map_err(dealdesk_core::CoreError::from)?;
    let mut b = targets::breakdown(&mut conn, year, &owner, &currency).await?;
    b.owner = shown::owner_label(&b.owner, &Masker { policy: &view.effective_policy(), keys: None })?;
    Ok(b)
}

/// Sets or clears one target and returns its year's breakdown as it now is.
#[tauri::command]
pub async fn save_target(state: State<'_, AppState>, input: TargetInput) -> Result<TargetBreakdown, IpcError> {
    let (owner, view) = target_owner(&state, &input.owner).await?;
    let input = TargetInput { owner, ..input };
    let mut conn = state.pool()?.acquire().await.map_err(dealdesk_core::CoreError::from)?;
    targets::set(&mut conn, &input).await?;
    let year = Period::parse(&input.period)?.year();
    let mut b = targets::breakdown(&mut conn, year, &input.owner, &input.currency).await?;
    b.owner = shown::owner_label(&b.owner, &Masker { policy: &view.effective_policy(), keys: None })?;
    Ok(b)
}

#[tauri::command]
pub async fn save_costs(state: State<'_, AppState>, input: CostInput) -> Result<(), IpcError> {
    let mut conn = state.pool()?.acquire().await.map_err(dealdesk_core::CoreError::from)?;
    Ok(targets::set_costs(&mut conn, &input).await?)
}

/// Period and scope of a window request, its owner key resolved to the clear name.
async fn abc_args(state: &AppState, request: &DashboardRequest) -> Result<(Period, Scope), IpcError> {
    let owner = request.owner.as_deref().unwrap_or_default();
    let (owner, _) = target_owner(state, owner).await?;
    let request = DashboardRequest { owner: Some(owner).filter(|o| !o.is_empty()), ..request.clone() };
    Ok(dashboard::parse_request(&request)?)
}

/// What applying the ABC classes to the customers' tiers would change.
#[tauri::command]
pub async fn preview_abc(state: State<'_, AppState>, request: DashboardRequest) -> Result<Vec<TierChange>, IpcError> {
    let (period, scope) = abc_args(&state, &request).await?;
    let pool = state.pool()?;
    let mut conn = pool.acquire().await.map_err(dealdesk_core::CoreError::from)?;
    let t = dashboard::load_settings(&mut conn).await?.thresholds;
    Ok(abc::preview_abc(&pool, &period, &scope, &t).await?)
}

/// Writes the ABC classes to the customers' tiers (one audited transaction).
#[tauri::command]
pub async fn apply_abc(state: State<'_, AppState>, request: DashboardRequest) -> Result<Vec<TierChange>, IpcError> {
    let (period, scope) = abc_args(&state, &request).await?;
    let pool = state.pool()?;
    let mut conn = pool.acquire().await.map_err(dealdesk_core::CoreError::from)?;
    let t = dashboard::load_settings(&mut conn).await?.thresholds;
    drop(conn);
    let p2 = pool.clone();
    Ok(super::off_thread(move || async move { abc::apply_abc(&p2, &period, &scope, &t).await }).await?)
}

/// Which table of the dashboard to export.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(tag = "table", rename_all = "snake_case")]
#[ts(export)]
pub enum DashboardTable {
    Funnel,
    Kpi,
    Forecast,
    Abc,
    Drill { target: DrillTarget },
}

/// One dashboard table's cells through `policy` (the drill-down's owners and names masked;
/// the other tables hold no personal data), and the export's file stem.
async fn table_cells(state: &AppState, request: &DashboardRequest, table: &DashboardTable, policy: Option<&str>) -> Result<Export, IpcError> {
    let stem = format!("dashboard-{}-{}", super::dashboard_tables::name(table), request.period);
    if let DashboardTable::Drill { target } = table {
        let (mut d, view) = drill_rows(state, request, target, usize::MAX).await?;
        let policy = view.export_policy(policy)?;
        shown::mask_drill(&mut d, &Masker { policy: &policy, keys: None })?;
        let (headers, rows) = drill::table(&d);
        return Ok(Export { stem, headers, rows, policy });
    }
    let (mut d, resolved, view) = clear_figures(state, request).await?;
    let policy = view.export_policy(policy)?;
    if let DashboardTable::Abc = table {
        // The export has every customer, not only the dashboard's top rows.
        let (period, scope) = dashboard::parse_request(&resolved)?;
        let mut conn = state.pool()?.acquire().await.map_err(dealdesk_core::CoreError::from)?;
        d.abc = abc::load(&mut conn, &period, &scope, &d.settings.thresholds).await?;
    }
    let (headers, rows) = super::dashboard_tables::cells(&d, table);
    Ok(Export { stem, headers, rows, policy })
}

struct Export {
    stem: String,
    headers: Vec<&'static str>,
    rows: Vec<Vec<Cell>>,
    policy: Policy,
}

/// Where an export goes: the native save dialog (`None`: cancelled) or the documents folder.
async fn export_path<R: Runtime>(app: &AppHandle<R>, state: &AppState, name: String, extension: &'static str, to_documents: bool) -> Result<Option<PathBuf>, IpcError> {
    if !to_documents {
        return pick_save_path(app, name, extension).await;
    }
    let dir = state.documents_dir().join("exports");
    std::fs::create_dir_all(&dir).map_err(|e| dealdesk_core::CoreError::io(format!("cannot create {}", dir.display()), e))?;
    Ok(Some(dir.join(name)))
}

/// Exports one table of the dashboard to CSV or XLSX through a masking policy (default: the
/// data view's; never one that shows more), in the native save dialog or (`to_documents`)
/// into `documents/exports/`. The name ends in `-masked-<policy>`; the export is audited.
#[tauri::command]
pub async fn export_dashboard_table<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    request: DashboardRequest,
    table: DashboardTable,
    format: FileFormat,
    policy: Option<String>,
    to_documents: Option<bool>,
) -> Result<Option<String>, IpcError> {
    let e = table_cells(&state, &request, &table, policy.as_deref()).await?;
    let name = shown::export_file_name(&e.stem, &e.policy.name, format.extension());
    let Some(path) = export_path(&app, &state, name, format.extension(), to_documents.unwrap_or(false)).await? else { return Ok(None) };
    write::write_file(&path, format, &e.headers, &e.rows)?;
    let table_name = super::dashboard_tables::name(&table);
    shown::audit_export(&state.pool()?, &path, table_name, e.rows.len(), format.extension(), Some(&e.policy)).await?;
    Ok(Some(path.display().to_string()))
}

/// The weekly report through `policy` (the scope line's owner masked), and the policy.
async fn weekly_pdf(state: &AppState, request: &DashboardRequest, policy: Option<&str>) -> Result<(Vec<u8>, Policy), IpcError> {
    let (d, resolved, view) = clear_figures(state, request).await?;
    let policy = view.export_policy(policy)?;
    let scope = shown::masked_scope_label(&resolved, &Masker { policy: &policy, keys: None })?;
    let pool = state.pool()?;
    let engine = state.pdf_engine(&pool).await?;
    Ok((engine.render_dashboard(&d, &scope, &dealdesk_core::clock::today().to_string())?, policy))
}

async fn write_weekly(state: &AppState, path: &std::path::Path, bytes: &[u8], policy: &Policy) -> Result<String, IpcError> {
    dealdesk_core::pdf::write_atomically(path, bytes)?;
    shown::audit_export(&state.pool()?, path, "weekly_report", 1, "pdf", Some(policy)).await?;
    Ok(path.display().to_string())
}

/// The weekly report PDF through a masking policy (as for table exports), saved where the user says.
#[tauri::command]
pub async fn export_dashboard_pdf<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, request: DashboardRequest, policy: Option<String>) -> Result<Option<String>, IpcError> {
    let (bytes, policy) = weekly_pdf(&state, &request, policy.as_deref()).await?;
    let name = shown::export_file_name(&format!("weekly-report-{}", request.period), &policy.name, "pdf");
    let Some(path) = pick_save_path(&app, name, "pdf").await? else { return Ok(None) };
    Ok(Some(write_weekly(&state, &path, &bytes, &policy).await?))
}

/// The weekly report PDF through a masking policy, written into the app's documents folder.
#[tauri::command]
pub async fn print_dashboard(state: State<'_, AppState>, request: DashboardRequest, policy: Option<String>) -> Result<String, IpcError> {
    let (bytes, policy) = weekly_pdf(&state, &request, policy.as_deref()).await?;
    let dir = state.documents_dir();
    std::fs::create_dir_all(&dir).map_err(|e| dealdesk_core::CoreError::io(format!("cannot create {}", dir.display()), e))?;
    let stem = format!("weekly-report-{}-{}", request.period, dealdesk_core::clock::today());
    write_weekly(&state, &dir.join(shown::export_file_name(&stem, &policy.name, "pdf")), &bytes, &policy).await
}

/// Loads the report snapshot in the background when the window opens, so the first visit to
/// the dashboard does not wait for it (seconds with a million opportunities; see bench/).
pub fn prewarm<R: Runtime>(app: AppHandle<R>) {
    use tauri::Manager;
    tauri::async_runtime::spawn(async move {
        let state = app.state::<AppState>();
        let Ok(pool) = state.pool() else { return };
        let Ok(mut conn) = pool.acquire().await else { return };
        let loaded = snapshot(&state, &mut conn).await.map(|_| ());
        if let Err(e) = loaded {
            tracing::warn!(error = %e.message, "loading the report snapshot failed");
        }
    });
}
