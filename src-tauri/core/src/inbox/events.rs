//! What the inbox did with each file, stored (`inbox_events`) so the window's list survives a
//! restart, and sent live to the window as it happens.

use crate::error::{CoreResult, ImportProblem};
use serde::Serialize;
use sqlx::{Row, SqliteConnection};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "InboxOutcome")]
pub enum Outcome {
    /// Imported; the file is in `imported/`.
    Imported,
    /// Refused (bad rows, unreadable, wrong partner); the file is in `rejected/` with its
    /// `.errors.txt`.
    Rejected,
    /// The same bytes were imported before; nothing was imported twice.
    Duplicate,
    /// Not the file's fault (database locked or busy, a folder not writable); the file stayed
    /// where it was and is tried again on the next start.
    Failed,
}

impl Outcome {
    pub fn code(self) -> &'static str {
        match self {
            Self::Imported => "imported",
            Self::Rejected => "rejected",
            Self::Duplicate => "duplicate",
            Self::Failed => "failed",
        }
    }

    fn parse(code: &str) -> Self {
        match code {
            "imported" => Self::Imported,
            "rejected" => Self::Rejected,
            "duplicate" => Self::Duplicate,
            _ => Self::Failed,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct InboxEvent {
    pub id: String,
    /// RFC 3339 UTC.
    pub at: String,
    /// The partner code of a per-partner folder; `None` for the shared folder.
    pub partner: Option<String>,
    pub file_name: String,
    pub sha256: String,
    pub outcome: Outcome,
    /// Sales lines imported.
    pub lines: u32,
    pub batch_id: Option<String>,
    /// Where the file is now, relative to the inbox (`imported/july.csv`); empty when it stayed.
    pub moved_to: String,
    pub message: String,
    pub problems: Vec<ImportProblem>,
}

pub async fn insert(conn: &mut SqliteConnection, e: &InboxEvent) -> CoreResult<()> {
    let problems = serde_json::to_string(&e.problems).unwrap_or_else(|_| "[]".into());
    sqlx::query(
        "INSERT INTO inbox_events (id, at, folder, file_name, sha256, outcome, lines, batch_id, moved_to, message, problems) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&e.id)
    .bind(&e.at)
    .bind(e.partner.clone().unwrap_or_default())
    .bind(&e.file_name)
    .bind(&e.sha256)
    .bind(e.outcome.code())
    .bind(i64::from(e.lines))
    .bind(&e.batch_id)
    .bind(&e.moved_to)
    .bind(&e.message)
    .bind(problems)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

fn problems(json: &str) -> Vec<ImportProblem> {
    serde_json::from_str(json).unwrap_or_default()
}

/// The newest `limit` events, newest first.
pub async fn list(conn: &mut SqliteConnection, limit: u32) -> CoreResult<Vec<InboxEvent>> {
    let rows = sqlx::query("SELECT * FROM inbox_events ORDER BY at DESC, id DESC LIMIT ?").bind(i64::from(limit)).fetch_all(&mut *conn).await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let folder: String = r.try_get("folder")?;
        let lines: i64 = r.try_get("lines")?;
        let outcome: String = r.try_get("outcome")?;
        let stored: String = r.try_get("problems")?;
        out.push(InboxEvent {
            id: r.try_get("id")?,
            at: r.try_get("at")?,
            partner: Some(folder).filter(|f| !f.is_empty()),
            file_name: r.try_get("file_name")?,
            sha256: r.try_get("sha256")?,
            outcome: Outcome::parse(&outcome),
            lines: u32::try_from(lines).unwrap_or(0),
            batch_id: r.try_get("batch_id")?,
            moved_to: r.try_get("moved_to")?,
            message: r.try_get("message")?,
            problems: problems(&stored),
        });
    }
    Ok(out)
}
