//! The matrix open in the editor, kept in memory between commands, and the undo stacks.
//!
//! Loading a 200 × 500 matrix decodes 100,000 cells; doing that for every keystroke would cost
//! more than the edit. So the window keeps one loaded [`MatrixData`] and checks before each
//! command that it is still the store's: same database (the app state's generation, which a
//! restore, re-key or unlock bumps) and same `matrices.updated_at` (every core write touches
//! it, so a change from the CLI is noticed and the matrix reloaded). A failed change drops
//! the copy, since the core may have changed it before the transaction was rolled back.
//! The cell scores are kept too (`Scored`): an edit rescores only its columns. Undo/redo
//! stacks live here per matrix, for this run of the window only.

use super::IpcError;
use crate::state::AppState;
use dealdesk_core::error::{CoreError, CoreResult};
use dealdesk_core::ids::MatrixId;
use dealdesk_core::matrix::edit::UndoStack;
use dealdesk_core::ids::DimensionId;
use dealdesk_core::matrix::scored::Scored;
use dealdesk_core::matrix::{store, MatrixData};
use dealdesk_core::store::SqlitePool;
use dealdesk_core::store::SqliteConnection;
use std::collections::HashMap;
use std::sync::Arc;
use tokio::sync::{Mutex, MutexGuard};

struct Open {
    generation: u64,
    updated_at: String,
    data: MatrixData,
    /// The cell scores of `data`, rescored column by column after edits.
    scored: Scored,
}

#[derive(Default)]
pub struct Sessions {
    open: Option<Open>,
    undo: HashMap<MatrixId, UndoStack>,
}

/// Managed state of the window (`lib.rs`): shared with the blocking threads commands run on.
#[derive(Default, Clone)]
pub struct MatrixSessions(Arc<Mutex<Sessions>>);

/// What a matrix command takes to its blocking thread.
pub struct Ctx {
    pub pool: SqlitePool,
    generation: u64,
    sessions: MatrixSessions,
}

impl Ctx {
    pub fn new(state: &AppState, sessions: &MatrixSessions) -> Result<Self, IpcError> {
        Ok(Self { pool: state.pool()?, generation: state.generation(), sessions: sessions.clone() })
    }

    /// The matrix `id`, loaded or reloaded as needed, locked for this command.
    pub async fn open(&self, id: &str) -> CoreResult<Session<'_>> {
        let mid = MatrixId::parse(id).ok_or_else(|| CoreError::BadRequest(format!("'{id}' is not a matrix id")))?;
        let mut guard = self.sessions.0.lock().await;
        let mut conn = self.pool.acquire().await?;
        let stamp = store::updated_at(&mut conn, mid).await?;
        let fresh = guard.open.as_ref().is_some_and(|o| o.generation == self.generation && o.data.matrix.id == mid && o.updated_at == stamp);
        if !fresh {
            let data = store::load_by_id(&mut conn, mid).await?;
            let scored = Scored::new(&data);
            guard.open = Some(Open { generation: self.generation, updated_at: stamp, data, scored });
        }
        Ok(Session { guard, pool: &self.pool, id: mid })
    }
}

/// One command's hold on the open matrix.
pub struct Session<'a> {
    guard: MutexGuard<'a, Sessions>,
    pool: &'a SqlitePool,
    id: MatrixId,
}

impl Session<'_> {
    pub fn data(&self) -> CoreResult<&MatrixData> {
        self.guard.open.as_ref().map(|o| &o.data).ok_or_else(|| CoreError::Conflict("the matrix is no longer open; open it again".into()))
    }

    pub fn scored(&self) -> CoreResult<&Scored> {
        self.guard.open.as_ref().map(|o| &o.scored).ok_or_else(|| CoreError::Conflict("the matrix is no longer open; open it again".into()))
    }

    /// Rescores the columns whose cells changed.
    pub fn rescore(&mut self, dims: impl IntoIterator<Item = DimensionId>) {
        if let Some(o) = self.guard.open.as_mut() {
            o.scored.rescore(&o.data, dims);
        }
    }

    /// Scores everything again (after a change of dimensions: a rule, a type, a new column).
    pub fn rebuild(&mut self) {
        if let Some(o) = self.guard.open.as_mut() {
            o.scored = Scored::new(&o.data);
        }
    }

    pub fn updated_at(&self) -> &str {
        self.guard.open.as_ref().map(|o| o.updated_at.as_str()).unwrap_or_default()
    }

    pub fn undo(&mut self) -> &mut UndoStack {
        self.guard.undo.entry(self.id).or_default()
    }

    pub fn undo_state(&self) -> (bool, bool) {
        self.guard.undo.get(&self.id).map(|u| (u.can_undo(), u.can_redo())).unwrap_or((false, false))
    }

    /// Runs a change in one transaction on the store and the open copy; on failure the copy
    /// is dropped (the next command reloads it), on success its stamp is read back.
    pub async fn change<T>(&mut self, f: impl AsyncFnOnce(&mut SqliteConnection, &mut MatrixData) -> CoreResult<T>) -> CoreResult<T> {
        let pool = self.pool;
        let Some(open) = self.guard.open.as_mut() else { return Err(CoreError::Conflict("the matrix is no longer open; open it again".into())) };
        let result = async {
            let mut tx = pool.begin().await?;
            let out = f(&mut tx, &mut open.data).await?;
            tx.commit().await?;
            Ok::<T, CoreError>(out)
        }
        .await;
        match result {
            Ok(out) => {
                open.updated_at = store::updated_at(&mut *pool.acquire().await?, self.id).await?;
                if !open.scored.fits(&open.data) {
                    open.scored = Scored::new(&open.data);
                }
                Ok(out)
            }
            Err(e) => {
                self.guard.open = None;
                Err(e)
            }
        }
    }
}
