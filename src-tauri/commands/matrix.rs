//! Competitor-matrix commands, the editor's core loop: the list of matrices (owners through
//! the data view), a new matrix, one matrix as a grid, its settings, cell edits (typed text,
//! evidence, fill-down and clearing all arrive as cell inputs), a pasted tab-separated block,
//! undo/redo, and one cell's history. Structure edits are in `matrix_define`, files, snapshots
//! and battlecards in `matrix_files`. Every change answers with what the grid must redraw.

use super::matrix_session::{Ctx, MatrixSessions};
use super::{off_thread, IpcError};
use crate::state::AppState;
use dealdesk_core::ids::{CompetitorId, DimensionId};
use dealdesk_core::matrix::define::{self, MatrixSettingsInput};
use dealdesk_core::matrix::edit::{self, Applied, CellInput};
use dealdesk_core::matrix::people::ShownNames;
use dealdesk_core::matrix::store::{self, MatrixSummary};
use dealdesk_core::matrix::view::{self, GridPatch, MatrixGrid};
use dealdesk_core::matrix::view_history::{self, HistoryView};
use dealdesk_core::{audit, clock, CoreError};
use tauri::State;

/// The grid of the session's matrix as the data view shows it.
pub(crate) async fn grid_of(ctx: &Ctx, id: &str) -> Result<MatrixGrid, CoreError> {
    let names = ShownNames::load(&ctx.pool).await?;
    let s = ctx.open(id).await?;
    let data = s.data()?;
    let owner = names.show(&data.matrix.owner)?;
    Ok(view::grid(data, s.scored()?, clock::today(), owner, s.undo_state(), s.updated_at()))
}

fn cells_of(a: &Applied, inverse: bool) -> Vec<(CompetitorId, DimensionId)> {
    let list = if inverse { &a.inverse } else { &a.forward };
    list.iter().map(|c| (c.competitor_id, c.dimension_id)).collect()
}

#[tauri::command]
pub async fn list_matrices(state: State<'_, AppState>) -> Result<Vec<MatrixSummary>, IpcError> {
    let pool = state.pool()?;
    Ok(off_thread(move || async move {
        let names = ShownNames::load(&pool).await?;
        let mut list = store::list(&mut *pool.acquire().await?).await?;
        for m in &mut list {
            (m.owner, m.owner_masked) = names.show(&m.owner)?;
        }
        Ok(list)
    })
    .await?)
}

/// A new matrix with the five seed groups; the window opens it next (`get_matrix`).
#[tauri::command]
pub async fn create_matrix(state: State<'_, AppState>, input: MatrixSettingsInput) -> Result<MatrixSummary, IpcError> {
    let pool = state.pool()?;
    Ok(off_thread(move || async move {
        let mut tx = pool.begin().await?;
        if !(1..=3650).contains(&input.stale_after_days) {
            return Err(CoreError::Validation(vec![dealdesk_core::error::FieldError {
                field: "stale_after_days".into(),
                code: dealdesk_core::error::FieldCode::OutOfRange,
                message: "give 1 to 3650 days".into(),
            }]));
        }
        let m = store::create(&mut tx, &input.name, &input.owner, input.scale, input.stale_after_days).await?;
        tx.commit().await?;
        let names = ShownNames::load(&pool).await?;
        let (owner, owner_masked) = names.show(&m.owner)?;
        Ok(MatrixSummary { id: m.id.to_string(), name: m.name, owner, owner_masked, scale: m.scale, competitors: 0, dimensions: 0, updated_at: clock::now() })
    })
    .await?)
}

#[tauri::command]
pub async fn get_matrix(state: State<'_, AppState>, sessions: State<'_, MatrixSessions>, id: String) -> Result<MatrixGrid, IpcError> {
    let ctx = Ctx::new(&state, &sessions)?;
    Ok(off_thread(move || async move { grid_of(&ctx, &id).await }).await?)
}

/// Name, owner, scale (only while there are no dimensions) and the staleness threshold. An
/// owner sent back exactly as the data view masked it keeps the stored name (no stars are
/// ever saved over it).
#[tauri::command]
pub async fn save_matrix_settings(state: State<'_, AppState>, sessions: State<'_, MatrixSessions>, id: String, mut input: MatrixSettingsInput) -> Result<MatrixGrid, IpcError> {
    let ctx = Ctx::new(&state, &sessions)?;
    Ok(off_thread(move || async move {
        let names = ShownNames::load(&ctx.pool).await?;
        {
            let mut s = ctx.open(&id).await?;
            let stored = s.data()?.matrix.owner.clone();
            if let (shown, true) = names.show(&stored)? {
                if input.owner.trim() == shown {
                    input.owner = stored;
                }
            }
            s.change(async |conn, data| define::update_settings(conn, data, &input).await).await?;
            s.rebuild();
        }
        grid_of(&ctx, &id).await
    })
    .await?)
}

/// Typed cells (text and optionally evidence), all or none: every refusal is reported at once,
/// each naming the competitor and the dimension. One undo step.
#[tauri::command]
pub async fn edit_matrix_cells(state: State<'_, AppState>, sessions: State<'_, MatrixSessions>, id: String, cells: Vec<CellInput>) -> Result<GridPatch, IpcError> {
    let ctx = Ctx::new(&state, &sessions)?;
    Ok(off_thread(move || async move {
        let mut s = ctx.open(&id).await?;
        let changes = edit::changes_from_inputs(s.data()?, &cells)?;
        let applied = s.change(async |conn, data| edit::apply(conn, data, &changes, &audit::actor()).await).await?;
        let touched = cells_of(&applied, false);
        s.undo().push(applied);
        s.rescore(touched.iter().map(|(_, d)| *d));
        Ok(view::patch(s.data()?, s.scored()?, clock::today(), &touched, s.undo_state()))
    })
    .await?)
}

/// A rectangle of tab-separated text (as Excel copies it) with its top-left corner at the
/// given cell; hidden rows and columns are skipped. One transaction, one undo step.
#[tauri::command]
pub async fn paste_matrix_cells(
    state: State<'_, AppState>,
    sessions: State<'_, MatrixSessions>,
    id: String,
    competitor_id: String,
    dimension_id: String,
    tsv: String,
) -> Result<GridPatch, IpcError> {
    let ctx = Ctx::new(&state, &sessions)?;
    Ok(off_thread(move || async move {
        let mut s = ctx.open(&id).await?;
        let data = s.data()?;
        let top = data.competitors.iter().filter(|c| !c.hidden).position(|c| c.id.to_string() == competitor_id);
        let left = data.dimensions.iter().filter(|d| !d.hidden).position(|d| d.id.to_string() == dimension_id);
        let (Some(top), Some(left)) = (top, left) else { return Err(CoreError::BadRequest("the paste starts at a cell that is not shown".into())) };
        let changes = edit::paste(data, top, left, &tsv)?;
        let applied = s.change(async |conn, data| edit::apply(conn, data, &changes, &audit::actor()).await).await?;
        let touched = cells_of(&applied, false);
        s.undo().push(applied);
        s.rescore(touched.iter().map(|(_, d)| *d));
        Ok(view::patch(s.data()?, s.scored()?, clock::today(), &touched, s.undo_state()))
    })
    .await?)
}

async fn step(ctx: &Ctx, id: &str, redo: bool) -> Result<GridPatch, CoreError> {
    let mut s = ctx.open(id).await?;
    let changes = if redo { s.undo().redo() } else { s.undo().undo() };
    let Some(changes) = changes else { return Ok(view::patch(s.data()?, s.scored()?, clock::today(), &[], s.undo_state())) };
    let touched: Vec<_> = changes.iter().map(|c| (c.competitor_id, c.dimension_id)).collect();
    s.change(async |conn, data| edit::apply(conn, data, &changes, &audit::actor()).await).await?;
    s.rescore(touched.iter().map(|(_, d)| *d));
    Ok(view::patch(s.data()?, s.scored()?, clock::today(), &touched, s.undo_state()))
}

/// Ctrl+Z: applies the last change's inverse (itself recorded in the history).
#[tauri::command]
pub async fn undo_matrix_edit(state: State<'_, AppState>, sessions: State<'_, MatrixSessions>, id: String) -> Result<GridPatch, IpcError> {
    let ctx = Ctx::new(&state, &sessions)?;
    Ok(off_thread(move || async move { step(&ctx, &id, false).await }).await?)
}

/// Ctrl+Shift+Z: applies the last undone change again.
#[tauri::command]
pub async fn redo_matrix_edit(state: State<'_, AppState>, sessions: State<'_, MatrixSessions>, id: String) -> Result<GridPatch, IpcError> {
    let ctx = Ctx::new(&state, &sessions)?;
    Ok(off_thread(move || async move { step(&ctx, &id, true).await }).await?)
}

/// Every change of one cell, newest first (who through the data view, when, old → new).
#[tauri::command]
pub async fn matrix_cell_history(state: State<'_, AppState>, competitor_id: String, dimension_id: String) -> Result<Vec<HistoryView>, IpcError> {
    let c = super::parse_id(&competitor_id, CompetitorId::parse)?;
    let d = super::parse_id(&dimension_id, DimensionId::parse)?;
    let pool = state.pool()?;
    Ok(off_thread(move || async move {
        let names = ShownNames::load(&pool).await?;
        let entries = edit::history(&mut *pool.acquire().await?, c, d).await?;
        view_history::history(entries, &names)
    })
    .await?)
}
