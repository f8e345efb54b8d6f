//! Dashboard commands: the figures (from the window's report snapshot, patched on each
//! refresh), the records behind a number, its settings, targets and costs, ABC apply with a
//! preview, and exports (CSV/XLSX of any table, the weekly PDF) through the native save
//! dialog or into the app's documents folder.

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
use dealdesk_core::tabular::{write, Cell, FileFormat};
use serde::Deserialize;
use dealdesk_core::store::SqliteConnection;
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

async fn figures(state: &AppState, request: &DashboardRequest) -> Result<Dashboard, IpcError> {
    let (period, scope) = dashboard::parse_request(request)?;
    let mut conn = state.pool()?.acquire().await.map_err(dealdesk_core::CoreError::from)?;
    let inputs = dashboard::load_inputs(&mut conn, &period, &scope).await?;
    let months = request.forecast_months;
    let snap = snapshot(state, &mut conn).await?;
    Ok(dashboard::compute(&snap, &period, &scope, months, &inputs, dealdesk_core::clock::today())?)
}

#[tauri::command]
pub async fn dashboard(state: State<'_, AppState>, request: DashboardRequest) -> Result<Dashboard, IpcError> {
    figures(&state, &request).await
}

async fn drill_rows(state: &AppState, request: &DashboardRequest, target: &DrillTarget, limit: usize) -> Result<Drill, IpcError> {
    let (period, scope) = dashboard::parse_request(request)?;
    let mut conn = state.pool()?.acquire().await.map_err(dealdesk_core::CoreError::from)?;
    let thresholds = dashboard::load_settings(&mut conn).await?.thresholds;
    let snap = snapshot(state, &mut conn).await?;
    Ok(drill::drill(&mut conn, &snap, &period, &scope, &thresholds, target, limit).await?)
}

/// The records behind one number (the largest first, at most `drill::SHOWN`).
#[tauri::command]
pub async fn dashboard_drill(state: State<'_, AppState>, request: DashboardRequest, target: DrillTarget) -> Result<Drill, IpcError> {
    drill_rows(&state, &request, &target, drill::SHOWN).await
}

#[tauri::command]
pub async fn save_dashboard_settings(state: State<'_, AppState>, settings: DashboardSettings) -> Result<DashboardSettings, IpcError> {
    let mut conn = state.pool()?.acquire().await.map_err(dealdesk_core::CoreError::from)?;
    dashboard::save_settings(&mut conn, &settings).await?;
    Ok(dashboard::load_settings(&mut conn).await?)
}

#[tauri::command]
pub async fn target_breakdown(state: State<'_, AppState>, year: i32, owner: String, currency: String) -> Result<TargetBreakdown, IpcError> {
    let mut conn = state.pool()?.acquire().await.map_err(dealdesk_core::CoreError::from)?;
    Ok(targets::breakdown(&mut conn, year, &owner, &currency).await?)
}

/// Sets or clears one target and returns its year's breakdown as it now is.
#[tauri::command]
pub async fn save_target(state: State<'_, AppState>, input: TargetInput) -> Result<TargetBreakdown, IpcError> {
    let mut conn = state.pool()?.acquire().await.map_err(dealdesk_core::CoreError::from)?;
    targets::set(&mut conn, &input).await?;
    let year = Period::parse(&input.period)?.year();
    Ok(targets::breakdown(&mut conn, year, &input.owner, &input.currency).await?)
}

#[tauri::command]
pub async fn save_costs(state: State<'_, AppState>, input: CostInput) -> Result<(), IpcError> {
    let mut conn = state.pool()?.acquire().await.map_err(dealdesk_core::CoreError::from)?;
    Ok(targets::set_costs(&mut conn, &input).await?)
}

fn abc_args(request: &DashboardRequest) -> Result<(Period, Scope), IpcError> {
    Ok(dashboard::parse_request(request)?)
}

/// What applying the ABC classes to the customers' tiers would change.
#[tauri::command]
pub async fn preview_abc(state: State<'_, AppState>, request: DashboardRequest) -> Result<Vec<TierChange>, IpcError> {
    let (period, scope) = abc_args(&request)?;
    let pool = state.pool()?;
    let mut conn = pool.acquire().await.map_err(dealdesk_core::CoreError::from)?;
    let t = dashboard::load_settings(&mut conn).await?.thresholds;
    Ok(abc::preview_abc(&pool, &period, &scope, &t).await?)
}

/// Writes the ABC classes to the customers' tiers (one audited transaction).
#[tauri::command]
pub async fn apply_abc(state: State<'_, AppState>, request: DashboardRequest) -> Result<Vec<TierChange>, IpcError> {
    let (period, scope) = abc_args(&request)?;
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

async fn table_cells(state: &AppState, request: &DashboardRequest, table: &DashboardTable) -> Result<(Vec<&'static str>, Vec<Vec<Cell>>), IpcError> {
    if let DashboardTable::Drill { target } = table {
        let d = drill_rows(state, request, target, usize::MAX).await?;
        return Ok(drill::table(&d));
    }
    let mut d = figures(state, request).await?;
    if let DashboardTable::Abc = table {
        // The export has every customer, not only the dashboard's top rows.
        let (period, scope) = dashboard::parse_request(request)?;
        let mut conn = state.pool()?.acquire().await.map_err(dealdesk_core::CoreError::from)?;
        d.abc = abc::load(&mut conn, &period, &scope, &d.settings.thresholds).await?;
    }
    Ok(super::dashboard_tables::cells(&d, table))
}

/// Exports one table of the dashboard to a CSV or XLSX file chosen in the native dialog.
#[tauri::command]
pub async fn export_dashboard_table<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    request: DashboardRequest,
    table: DashboardTable,
    format: FileFormat,
) -> Result<Option<String>, IpcError> {
    let (headers, rows) = table_cells(&state, &request, &table).await?;
    let name = format!("dashboard-{}-{}.{}", super::dashboard_tables::name(&table), request.period, format.extension());
    let Some(path) = pick_save_path(&app, name, format.extension()).await? else { return Ok(None) };
    write::write_file(&path, format, &headers, &rows)?;
    Ok(Some(path.display().to_string()))
}

async fn weekly_pdf(state: &AppState, request: &DashboardRequest) -> Result<Vec<u8>, IpcError> {
    let d = figures(state, request).await?;
    let pool = state.pool()?;
    let engine = state.pdf_engine(&pool).await?;
    let scope = dashboard::scope_label(request);
    Ok(engine.render_dashboard(&d, &scope, &dealdesk_core::clock::today().to_string())?)
}

/// The weekly report PDF, saved where the user says.
#[tauri::command]
pub async fn export_dashboard_pdf<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, request: DashboardRequest) -> Result<Option<String>, IpcError> {
    let bytes = weekly_pdf(&state, &request).await?;
    let Some(path) = pick_save_path(&app, format!("weekly-report-{}.pdf", request.period), "pdf").await? else { return Ok(None) };
    dealdesk_core::pdf::write_atomically(&path, &bytes)?;
    Ok(Some(path.display().to_string()))
}

/// The weekly report PDF, written into the app's documents folder; returns its path.
#[tauri::command]
pub async fn print_dashboard(state: State<'_, AppState>, request: DashboardRequest) -> Result<String, IpcError> {
    let bytes = weekly_pdf(&state, &request).await?;
    let dir = state.documents_dir();
    std::fs::create_dir_all(&dir).map_err(|e| dealdesk_core::CoreError::io(format!("cannot create {}", dir.display()), e))?;
    let path = dir.join(format!("weekly-report-{}-{}.pdf", request.period, dealdesk_core::clock::today()));
    dealdesk_core::pdf::write_atomically(&path, &bytes)?;
    Ok(path.display().to_string())
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
