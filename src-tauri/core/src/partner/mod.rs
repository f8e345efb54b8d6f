//! Channel-partner profit share (分润) and sales-rep commission (提成): the plan as data, its
//! validation, and the engine that turns a plan, a period and sales lines into a statement.
//! Pure functions over plain rows, no database: storage and the window call these.
//!
//! Plans are versioned JSON (`"schema": 1`), documented in docs/partner-plans.md.
//!
//! Rounding: everything is computed exactly in `Decimal` (rates in percent, 5 = 5%). Each
//! statement line's share (all its parts: tier slices, override, service points) is rounded
//! once, half away from zero (`MidpointAwayFromZero`), to the currency's minor units; a
//! rate-based bonus is rounded the same way once. Caps, floors and carried balances are
//! already in minor units. The statement total is the exact sum of the rounded line shares and
//! the adjustments, so every cent on a statement is explained by one of its rows.

mod bonus;
mod clawback;
pub mod curve;
pub mod engine;
pub mod file_run;
pub mod history;
pub mod json_number;
pub mod json_path;
mod limits;
mod lines;
pub mod parse;
pub mod plan;
pub mod pool;
mod rate;
pub mod sales;
pub mod statement;
pub mod store;
pub mod validate;

pub use engine::statement;
pub use parse::{parse_plan, read_plan};
pub use plan::Plan;
pub use sales::{EarnedLine, MonthlyTarget, Period, SalesLine, StatementRequest, TeamContext};
pub use statement::Statement;
pub use validate::validate;

#[cfg(test)]
mod tests;
