//! Competitor-matrix structure commands: a new group, adding or changing a dimension (type,
//! unit, currency, choices, weight, scoring rule), one dimension's weight, adding or renaming a
//! competitor (or making it ours), moving and hiding rows and columns. Rules and checks are in
//! `dealdesk_core::matrix::define`. A weight change answers with a patch (ranking and
//! weights); the others with the whole grid, whose columns or rows changed.

use super::matrix::grid_of;
use super::matrix_session::{Ctx, MatrixSessions};
use super::{off_thread, IpcError};
use crate::state::AppState;
use dealdesk_core::ids::DimensionId;
use dealdesk_core::matrix::define::{self, Axis, CompetitorInput, DimensionInput};
use dealdesk_core::matrix::view::{self, GridPatch, MatrixGrid};
use dealdesk_core::{clock, CoreError};
use tauri::State;

/// Runs one structure change on the open matrix, then answers with the whole grid.
async fn restructure<F>(ctx: Ctx, id: String, f: F) -> Result<MatrixGrid, CoreError>
where
    F: AsyncFnOnce(&mut dealdesk_core::store::SqliteConnection, &mut dealdesk_core::matrix::MatrixData) -> Result<(), CoreError>,
{
    {
        let mut s = ctx.open(&id).await?;
        s.change(f).await?;
        s.rebuild();
    }
    grid_of(&ctx, &id).await
}

#[tauri::command]
pub async fn add_matrix_group(state: State<'_, AppState>, sessions: State<'_, MatrixSessions>, id: String, name_zh: String, name_en: String) -> Result<MatrixGrid, IpcError> {
    let ctx = Ctx::new(&state, &sessions)?;
    Ok(off_thread(move || restructure(ctx, id, async move |conn, data| define::add_group(conn, data, &name_zh, &name_en).await.map(|_| ()))).await?)
}

/// Adds (`input.id` null) or changes a dimension; field errors name `name_zh`, `weight`, `rule`, …
#[tauri::command]
pub async fn save_matrix_dimension(state: State<'_, AppState>, sessions: State<'_, MatrixSessions>, id: String, input: DimensionInput) -> Result<MatrixGrid, IpcError> {
    let ctx = Ctx::new(&state, &sessions)?;
    Ok(off_thread(move || restructure(ctx, id, async move |conn, data| define::save_dimension(conn, data, &input).await.map(|_| ()))).await?)
}

/// One dimension's weight (a decimal ≥ 0 as typed); answers with the new ranking and weights.
#[tauri::command]
pub async fn set_matrix_weight(state: State<'_, AppState>, sessions: State<'_, MatrixSessions>, id: String, dimension_id: String, weight: String) -> Result<GridPatch, IpcError> {
    let d = super::parse_id(&dimension_id, DimensionId::parse)?;
    let ctx = Ctx::new(&state, &sessions)?;
    Ok(off_thread(move || async move {
        let mut s = ctx.open(&id).await?;
        s.change(async |conn, data| define::set_weight(conn, data, d, &weight).await).await?;
        Ok(view::patch(s.data()?, s.scored()?, clock::today(), &[], s.undo_state()))
    })
    .await?)
}

/// Adds (`input.id` null) or renames a competitor; `is_ours` pins it first (one per matrix).
#[tauri::command]
pub async fn save_matrix_competitor(state: State<'_, AppState>, sessions: State<'_, MatrixSessions>, id: String, input: CompetitorInput) -> Result<MatrixGrid, IpcError> {
    let ctx = Ctx::new(&state, &sessions)?;
    Ok(off_thread(move || restructure(ctx, id, async move |conn, data| define::save_competitor(conn, data, &input).await.map(|_| ()))).await?)
}

/// Moves a row (competitor) or column (dimension) to `to`, an index in the full display order.
#[tauri::command]
pub async fn move_matrix_item(state: State<'_, AppState>, sessions: State<'_, MatrixSessions>, id: String, axis: Axis, item_id: String, to: u32) -> Result<MatrixGrid, IpcError> {
    let ctx = Ctx::new(&state, &sessions)?;
    Ok(off_thread(move || restructure(ctx, id, async move |conn, data| define::move_item(conn, data, axis, &item_id, to as usize).await)).await?)
}

/// Hides or shows a row or column (hidden ones still count in the scores).
#[tauri::command]
pub async fn set_matrix_hidden(state: State<'_, AppState>, sessions: State<'_, MatrixSessions>, id: String, axis: Axis, item_id: String, hidden: bool) -> Result<MatrixGrid, IpcError> {
    let ctx = Ctx::new(&state, &sessions)?;
    Ok(off_thread(move || restructure(ctx, id, async move |conn, data| define::set_hidden(conn, data, axis, &item_id, hidden).await)).await?)
}
