//! User preferences kept in the database (`settings` table), so they travel with the data
//! and survive restarts: the UI language and whether the first-run choice was made.

use crate::clock;
use crate::error::CoreResult;
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum Language {
    #[serde(rename = "zh-CN")]
    ZhCn,
    #[serde(rename = "en")]
    En,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Self::ZhCn => "zh-CN",
            Self::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "zh-CN" => Some(Self::ZhCn),
            "en" => Some(Self::En),
            _ => None,
        }
    }
}

const LANGUAGE: &str = "ui.language";
const ONBOARDED: &str = "app.onboarded";

pub async fn get(conn: &mut SqliteConnection, key: &str) -> CoreResult<Option<String>> {
    let v: Option<(String,)> = sqlx::query_as("SELECT value FROM settings WHERE key = ?").bind(key).fetch_optional(conn).await?;
    Ok(v.map(|(s,)| s))
}

pub async fn put(conn: &mut SqliteConnection, key: &str, value: &str) -> CoreResult<()> {
    sqlx::query(
        "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
    )
    .bind(key)
    .bind(value)
    .bind(clock::now())
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn language(conn: &mut SqliteConnection) -> CoreResult<Option<Language>> {
    Ok(get(conn, LANGUAGE).await?.as_deref().and_then(Language::parse))
}

pub async fn set_language(conn: &mut SqliteConnection, language: Language) -> CoreResult<()> {
    put(conn, LANGUAGE, language.code()).await
}

pub async fn onboarded(conn: &mut SqliteConnection) -> CoreResult<bool> {
    Ok(get(conn, ONBOARDED).await?.as_deref() == Some("true"))
}

pub async fn set_onboarded(conn: &mut SqliteConnection) -> CoreResult<()> {
    put(conn, ONBOARDED, "true").await
}

const ROLE: &str = "user.role";

/// The role this computer's user acts in (approvals need manager or director). Default sales.
pub async fn role(conn: &mut SqliteConnection) -> CoreResult<crate::quote::Role> {
    Ok(get(conn, ROLE).await?.as_deref().and_then(crate::quote::Role::parse).unwrap_or(crate::quote::Role::Sales))
}

/// Changes the role, recorded in the audit log in the same transaction.
pub async fn set_role(pool: &sqlx::SqlitePool, role: crate::quote::Role) -> CoreResult<()> {
    let mut tx = pool.begin().await?;
    let before = role_in(&mut tx).await?;
    put(&mut tx, ROLE, role.code()).await?;
    crate::audit::record(
        &mut tx,
        crate::audit::Event { action: "role_changed", entity: "user", entity_id: "", detail: serde_json::json!({ "from": before.code(), "to": role.code() }) },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

async fn role_in(conn: &mut SqliteConnection) -> CoreResult<crate::quote::Role> {
    role(conn).await
}

const BACKUP_KEEP: &str = "backups.keep";
/// Daily backups kept unless the user says otherwise.
pub const DEFAULT_BACKUP_KEEP: u32 = 7;
const MAX_BACKUP_KEEP: u32 = 365;

/// How many daily backups (`backups/auto-YYYYMMDD.db`) are kept.
pub async fn backup_keep(conn: &mut SqliteConnection) -> CoreResult<u32> {
    Ok(get(conn, BACKUP_KEEP).await?.and_then(|v| v.parse().ok()).filter(|n| (1..=MAX_BACKUP_KEEP).contains(n)).unwrap_or(DEFAULT_BACKUP_KEEP))
}

/// Sets how many daily backups are kept (1–365); older ones go at the next daily backup.
pub async fn set_backup_keep(conn: &mut SqliteConnection, keep: u32) -> CoreResult<u32> {
    if !(1..=MAX_BACKUP_KEEP).contains(&keep) {
        return Err(crate::error::CoreError::Validation(vec![crate::error::FieldError {
            field: "keep".into(),
            code: crate::error::FieldCode::OutOfRange,
            message: format!("keep between 1 and {MAX_BACKUP_KEEP} daily backups"),
        }]));
    }
    put(conn, BACKUP_KEEP, &keep.to_string()).await?;
    Ok(keep)
}
