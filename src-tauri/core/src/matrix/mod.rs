//! Competitor matrices: competitors (rows, our product pinned first) against typed, weighted
//! dimensions (columns) in groups, with evidence on every cell, a history of every change,
//! named snapshots and diffs, weighted scores with coverage, and files (wide CSV/XLSX,
//! Markdown) that round-trip without loss. The grid window calls [`edit`] (cell edits and
//! pasted rectangles as one transaction; undo/redo as inverse edits), [`define`] (structure:
//! groups, dimensions, weights, competitors, order, hidden) and [`view`] (what it is sent).
//!
//! Modules: `model` (types), `value` (parsing and validation per dimension type), `rule`
//! (cell-to-score rules and their text form), `score` (weighted scores, coverage, ranking), `scored` (the editor's kept scores),
//! `fresh` (staleness), `store` (the tables), `edit` (changes, history, undo, paste),
//! `define` (structure edits), `snapshot`, `diff`, `layout` (the wide file layout), `file`
//! (import/export), `markdown`, `view` / `view_history` (the window's shapes), `people`
//! (names through the data view), `demo` (a generated matrix of any size).
//!
//! Rounding: scores, weights and coverage are exact `Decimal` throughout; they are rounded
//! only for display: scores to 2 dp, percentages to 1 dp, half away from zero ([`display`]).

pub mod define;
pub mod demo;
pub mod diff;
pub mod edit;
pub mod file;
pub mod fresh;
pub mod layout;
pub mod markdown;
pub mod model;
pub mod people;
pub mod rule;
pub mod score;
pub mod scored;
pub mod snapshot;
pub mod store;
pub mod value;
pub mod view;
pub mod view_history;

#[cfg(test)]
mod tests_db;
#[cfg(test)]
mod tests_define;
#[cfg(test)]
pub(crate) mod tests_layout;

pub use model::*;

use rust_decimal::{Decimal, RoundingStrategy};

/// Display rounding: `dp` decimals, half away from zero, trailing zeros kept (`7.50`).
pub fn display(v: Decimal, dp: u32) -> String {
    let r = v.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    format!("{r:.prec$}", prec = dp as usize)
}
