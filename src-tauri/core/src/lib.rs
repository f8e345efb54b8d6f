//! DealDesk's domain: the store, CRM records, the price book, tabular import/export and demo
//! data. No Tauri here: the window (src-tauri/commands) and the CLI (src-tauri/cli.rs) both
//! call these service functions, so every capability is reachable from both.

pub mod audit;
pub mod catalog;
pub mod clock;
pub mod contract;
pub mod crm;
pub mod demo;
pub mod error;
pub mod inbox;
pub mod ids;
pub mod listing;
pub mod masking;
pub mod matrix;
pub mod money;
pub mod partner;
pub mod pdf;
pub mod progress;
pub mod quote;
pub mod report;
pub mod risk;
pub mod settings;
pub mod staged;
pub mod store;
pub mod subject;
pub mod tabular;
pub mod validate;
pub mod words;

pub use chrono::NaiveDate;
pub use error::{CoreError, CoreResult};
pub use rust_decimal::Decimal;
