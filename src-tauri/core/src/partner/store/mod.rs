//! The partner area in the database: partners and reps (with quotas), imported sales lines,
//! plan versions (the validated JSON) and statement versions (a computed statement is a JSON
//! snapshot; a locked one is immutable). Repository functions take one connection so a
//! service (`service`) does each user action in one transaction.

pub mod columns;
pub mod documents;
pub mod export;
pub mod from_quote;
pub mod import;
pub mod lines;
pub mod partners;
pub mod plans;
pub mod reps;
pub mod service;
pub mod simulate;
pub mod statements;
pub mod whatif;
pub mod window;

#[cfg(test)]
mod tests;

use crate::error::{CoreError, FieldCode, FieldError};

pub(crate) fn invalid(field: &str, code: FieldCode, message: impl Into<String>) -> CoreError {
    CoreError::Validation(vec![FieldError { field: field.into(), code, message: message.into() }])
}

/// Whose statement: a channel partner (by code) or a sales rep (by code).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(tag = "kind", content = "code", rename_all = "snake_case")]
#[ts(export)]
pub enum Payee {
    Partner(String),
    Rep(String),
}

impl Payee {
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Partner(_) => "partner",
            Self::Rep(_) => "rep",
        }
    }

    pub fn code(&self) -> &str {
        match self {
            Self::Partner(c) | Self::Rep(c) => c,
        }
    }
}
