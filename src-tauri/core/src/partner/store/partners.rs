//! Channel partners: code, name, region, level (一级/二级…), parent partner, contract period and
//! bank details. Bank holder and number are personal data (masking registry): listings mask
//! them unless asked for in clear.

use crate::error::{CoreError, CoreResult};
use crate::ids::new_row_id;
use crate::masking::kinds::PiiKind;
use crate::masking::operators::{self, Operator};
use chrono::NaiveDate;
use serde::Serialize;
use sqlx::{Row, SqliteConnection};

/// A partner as a form or an imported row gives it (already checked).
#[derive(Debug, Clone, PartialEq)]
pub struct PartnerFields {
    pub code: String,
    pub name: String,
    pub region: String,
    pub level: u8,
    pub contract_start: Option<NaiveDate>,
    pub contract_end: Option<NaiveDate>,
    pub bank_account_holder: String,
    pub bank_account_number: String,
    pub bank_name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Partner {
    pub id: String,
    pub code: String,
    pub name: String,
    pub region: String,
    pub level: u8,
    pub parent_code: Option<String>,
    pub contract_start: Option<String>,
    pub contract_end: Option<String>,
    pub bank_account_holder: String,
    pub bank_account_number: String,
    pub bank_name: String,
}

/// A personal value through the default policy's operator for its kind.
pub fn mask(kind: PiiKind, value: &str) -> String {
    operators::apply(&Operator::default_for(kind), kind, value, None).unwrap_or_else(|_| "*".repeat(value.chars().count()))
}

impl Partner {
    /// The bank holder and number masked (`张*`, `622202******1234`).
    pub fn masked(mut self) -> Self {
        self.bank_account_holder = mask(PiiKind::Name, &self.bank_account_holder);
        self.bank_account_number = mask(PiiKind::BankCard, &self.bank_account_number);
        self
    }
}

const SELECT: &str = "SELECT p.*, pp.code AS parent_code FROM partners p LEFT JOIN partners pp ON pp.id = p.parent_id";

fn from_row(r: &sqlx::sqlite::SqliteRow) -> Result<Partner, sqlx::Error> {
    let level: i64 = r.try_get("level")?;
    Ok(Partner {
        id: r.try_get("id")?,
        code: r.try_get("code")?,
        name: r.try_get("name")?,
        region: r.try_get("region")?,
        level: u8::try_from(level).unwrap_or(1),
        parent_code: r.try_get("parent_code")?,
        contract_start: r.try_get("contract_start")?,
        contract_end: r.try_get("contract_end")?,
        bank_account_holder: r.try_get("bank_account_holder")?,
        bank_account_number: r.try_get("bank_account_number")?,
        bank_name: r.try_get("bank_name")?,
    })
}

/// Inserts the partner or updates the one with the same code; `true` when inserted. The
/// parent is set separately (`set_parent`), so a file may name a parent further down.
pub async fn upsert(conn: &mut SqliteConnection, f: &PartnerFields, now: &str) -> CoreResult<bool> {
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string());
    let updated = sqlx::query(
        "UPDATE partners SET name = ?, region = ?, level = ?, contract_start = ?, contract_end = ?, bank_account_holder = ?, bank_account_number = ?, bank_name = ?, updated_at = ? WHERE code = ?",
    )
    .bind(&f.name)
    .bind(&f.region)
    .bind(i64::from(f.level))
    .bind(date(f.contract_start))
    .bind(date(f.contract_end))
    .bind(&f.bank_account_holder)
    .bind(&f.bank_account_number)
    .bind(&f.bank_name)
    .bind(now)
    .bind(&f.code)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if updated > 0 {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO partners (id, code, name, region, level, contract_start, contract_end, bank_account_holder, bank_account_number, bank_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(new_row_id())
    .bind(&f.code)
    .bind(&f.name)
    .bind(&f.region)
    .bind(i64::from(f.level))
    .bind(date(f.contract_start))
    .bind(date(f.contract_end))
    .bind(&f.bank_account_holder)
    .bind(&f.bank_account_number)
    .bind(&f.bank_name)
    .bind(now)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(true)
}

/// Sets (or clears) the parent of `code` by the parent's code.
pub async fn set_parent(conn: &mut SqliteConnection, code: &str, parent_code: Option<&str>) -> CoreResult<()> {
    let parent_id = match parent_code {
        Some(p) => Some(by_code(conn, p).await?.ok_or_else(|| CoreError::not_found("partner", p))?.id),
        None => None,
    };
    sqlx::query("UPDATE partners SET parent_id = ? WHERE code = ?").bind(parent_id).bind(code).execute(&mut *conn).await?;
    Ok(())
}

pub async fn set_level(conn: &mut SqliteConnection, code: &str, level: u8) -> CoreResult<()> {
    sqlx::query("UPDATE partners SET level = ? WHERE code = ?").bind(i64::from(level)).bind(code).execute(&mut *conn).await?;
    Ok(())
}

pub async fn by_code(conn: &mut SqliteConnection, code: &str) -> CoreResult<Option<Partner>> {
    let row = sqlx::query(&format!("{SELECT} WHERE p.code = ?")).bind(code.trim()).fetch_optional(&mut *conn).await?;
    Ok(row.map(|r| from_row(&r)).transpose()?)
}

/// Every partner by code (bank details in clear: mask before showing).
pub async fn list(conn: &mut SqliteConnection) -> CoreResult<Vec<Partner>> {
    let rows = sqlx::query(&format!("{SELECT} ORDER BY p.code")).fetch_all(&mut *conn).await?;
    Ok(rows.iter().map(from_row).collect::<Result<_, _>>()?)
}

/// The chain of parents above `code` (nearest first); stops at a cycle.
pub async fn ancestors(conn: &mut SqliteConnection, code: &str) -> CoreResult<Vec<Partner>> {
    let mut out: Vec<Partner> = Vec::new();
    let mut next = by_code(conn, code).await?.and_then(|p| p.parent_code);
    while let Some(c) = next {
        if c == code || out.iter().any(|p| p.code == c) || out.len() > 16 {
            break;
        }
        let Some(p) = by_code(conn, &c).await? else { break };
        next = p.parent_code.clone();
        out.push(p);
    }
    Ok(out)
}
