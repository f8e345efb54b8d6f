//! Employees' names in the matrix area — a matrix's owner (`matrices.owner`), who changed a
//! cell (`matrix_cell_history.actor`), who took a snapshot — as the data view shows them.
//! The first two are registered as names in `masking/kinds.rs`; the window gets every one of
//! them through the view's policy, like the other lists (`masking::window`), so a distributor
//! or the trade-show screen never sees a colleague's name in clear.

use crate::error::CoreResult;
use crate::masking::apply::{Masker, MaskReport};
use crate::masking::kinds::PiiKind;
use crate::masking::policy::Policy;
use crate::masking::view;
use sqlx::SqlitePool;

/// The data view's policy, read once per request.
pub struct ShownNames {
    policy: Policy,
}

impl ShownNames {
    pub async fn load(pool: &SqlitePool) -> CoreResult<Self> {
        Ok(Self { policy: view::current(pool).await?.effective_policy() })
    }

    pub fn with_policy(policy: Policy) -> Self {
        Self { policy }
    }

    /// The name as shown and whether it was masked.
    pub fn show(&self, name: &str) -> CoreResult<(String, bool)> {
        let mut report = MaskReport::default();
        let shown = Masker { policy: &self.policy, keys: None }.cell(Some(PiiKind::Name), name, &mut report)?.into_owned();
        let masked = shown != name;
        Ok((shown, masked))
    }
}
