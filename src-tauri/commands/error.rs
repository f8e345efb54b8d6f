//! The one error shape that crosses to the window: `{ kind, message, fields, problems }`.
//! `kind` is a closed set the UI branches on; `message` is for people.

use dealdesk_core::error::{FieldError, ImportProblem};
use dealdesk_core::CoreError;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorKind {
    Validation,
    NotFound,
    Conflict,
    ImportRejected,
    Io,
    Database,
    /// The database key is missing or wrong.
    Locked,
    Cancelled,
    Internal,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct IpcError {
    pub kind: ErrorKind,
    pub message: String,
    pub fields: Vec<FieldError>,
    pub problems: Vec<ImportProblem>,
}

impl IpcError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self { kind, message: message.into(), fields: Vec::new(), problems: Vec::new() }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Validation, message)
    }
}

impl From<CoreError> for IpcError {
    fn from(e: CoreError) -> Self {
        let message = e.to_string();
        let kind = match &e {
            CoreError::Validation(_) | CoreError::BadRequest(_) => ErrorKind::Validation,
            CoreError::NotFound { .. } => ErrorKind::NotFound,
            CoreError::Conflict(_) => ErrorKind::Conflict,
            CoreError::ImportRejected(_) => ErrorKind::ImportRejected,
            CoreError::Io { .. } => ErrorKind::Io,
            CoreError::Database(_) | CoreError::Migration(_) => ErrorKind::Database,
            CoreError::Key(_) | CoreError::KeyMissing { .. } | CoreError::WrongKey { .. } => ErrorKind::Locked,
        };
        if matches!(kind, ErrorKind::Database | ErrorKind::Io) {
            tracing::error!(kind = ?kind, error = %message, "command failed");
        }
        let mut out = Self::new(kind, message);
        match e {
            CoreError::Validation(fields) => out.fields = fields,
            CoreError::ImportRejected(r) => {
                out.message = format!("{}: rejected, nothing was imported", r.file_name);
                out.problems = r.problems;
            }
            _ => {}
        }
        out
    }
}
