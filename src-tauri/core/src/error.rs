//! The core's error type. Each variant means something to a user; the app maps the variant
//! to the closed `kind` set the UI branches on (`IpcError` in src-tauri/commands/error.rs).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub type CoreResult<T> = Result<T, CoreError>;

/// What is wrong with one field of a form or of an imported row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FieldCode {
    Required,
    TooLong,
    InvalidNumber,
    Negative,
    OutOfRange,
    TooManyDecimals,
    InvalidEmail,
    InvalidDate,
    InvalidCurrency,
    UnknownValue,
    Duplicate,
    InvalidReference,
    MissingColumn,
    Unreadable,
    /// The field holds masked personal data that would be saved over the clear value.
    Masked,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct FieldError {
    pub field: String,
    pub code: FieldCode,
    /// English text for logs and the CLI; the window localises by `code`.
    pub message: String,
}

/// One problem in an imported file: the spreadsheet row (header = row 1), the column and the
/// offending value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportProblem {
    pub row: u32,
    pub column: String,
    pub value: String,
    pub code: FieldCode,
    pub message: String,
}

/// A rejected import: nothing was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportRejection {
    pub file_name: String,
    pub problems: Vec<ImportProblem>,
    /// Problems found beyond the ones listed (the list is capped).
    pub more: u32,
}

impl std::fmt::Display for ImportRejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let total = self.problems.len() as u64 + u64::from(self.more);
        write!(f, "{}: rejected, nothing was imported ({total} problem(s))", self.file_name)?;
        for p in &self.problems {
            write!(f, "\n  {}: row {}, column {}, value '{}': {}", self.file_name, p.row, p.column, p.value, p.message)?;
        }
        if self.more > 0 {
            write!(f, "\n  … and {} more", self.more)?;
        }
        Ok(())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error("{}", summarize(.0))]
    Validation(Vec<FieldError>),
    #[error("{entity} {id} was not found")]
    NotFound { entity: &'static str, id: String },
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    ImportRejected(ImportRejection),
    /// A request the caller should not have made (unknown table, malformed argument).
    #[error("{0}")]
    BadRequest(String),
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error(transparent)]
    Key(#[from] crate::store::key::KeyError),
    #[error("the key of {path} is not in this computer's credential store; open it with its recovery key (`dealdesk --db {path} recover-key`) or restore a backup")]
    KeyMissing { path: String },
    #[error("{path} does not open with the key in the credential store (a different key, or not a DealDesk database); use its recovery key (`dealdesk --db {path} recover-key`) or restore a backup")]
    WrongKey { path: String },
    #[error("database migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
}

impl CoreError {
    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Self::Io { context: context.into(), source }
    }

    pub fn not_found(entity: &'static str, id: impl ToString) -> Self {
        Self::NotFound { entity, id: id.to_string() }
    }
}

fn summarize(errors: &[FieldError]) -> String {
    let parts: Vec<String> = errors.iter().map(|e| format!("{}: {}", e.field, e.message)).collect();
    format!("invalid input: {}", parts.join("; "))
}
