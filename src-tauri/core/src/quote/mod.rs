//! Quotes: the builder's arithmetic (totals), pricing and approval rules, the store, the
//! status flow with numbering and revisions, and the step from a quote to the printed
//! document (`pdf` lays it out).

pub mod document;
pub mod file;
pub mod list;
pub mod model;
pub mod pricing;
pub mod print;
pub mod render;
pub mod rules;
pub mod store;
pub mod totals;
pub mod workflow;

pub use model::{Labels, Paper, Quote, QuoteInput, QuoteLine, QuoteLineInput, QuoteStatus};
pub use rules::{ApprovalLevel, QuoteRules};
pub use workflow::{Actor, Role};
