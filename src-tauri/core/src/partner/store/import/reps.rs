//! Rep files: reps by code and, where a row gives them, monthly quotas (also read without a
//! database for `share run --quotas`).

use super::super::columns::{REPS, REPS_REQUIRED};
use super::super::reps;
use super::rows::{rows, Problems, RowView, MAX_AMOUNT};
use super::{begin_batch, finish_batch, sha256_hex, ImportSummary};
use crate::clock;
use crate::error::{CoreResult, FieldCode, FieldError};
use crate::partner::sales::MonthlyTarget;
use crate::validate::Checker;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use sqlx::SqlitePool;
use std::collections::HashMap;

/// A checked rep row: code, name and, when the row gives both, the month and its quota.
fn rep_row(row: &RowView) -> Result<(String, String, Option<(NaiveDate, Decimal)>), Vec<FieldError>> {
    let mut c = Checker::new();
    let code = c.text("code", row.get("code"), 40, true);
    let name = c.text("name", row.get("name"), 200, true);
    let month_text = row.get("month");
    let month = if month_text.is_empty() { None } else { c.date("month", &format!("{}-01", month_text.replace('/', "-").get(..7).unwrap_or(month_text))) };
    let quota = if row.get("quota").is_empty() { None } else { c.decimal("quota", row.get("quota"), (Decimal::ZERO, Decimal::from(MAX_AMOUNT)), 2) };
    if month.is_some() != quota.is_some() && c.is_ok() {
        c.fail(if month.is_none() { "month" } else { "quota" }, FieldCode::Required, "a quota needs both month and quota");
    }
    if !c.is_ok() {
        return Err(c.into_errors());
    }
    Ok((code, name, month.zip(quota)))
}

/// The monthly quotas of a reps file, by rep code, read and checked without a database (for
/// `share run --quotas`); all rows or none.
pub fn parse_quotas(file_name: &str, bytes: &[u8]) -> CoreResult<HashMap<String, Vec<MonthlyTarget>>> {
    let rows = rows(file_name, bytes, REPS, REPS_REQUIRED)?;
    let mut problems = Problems::new(file_name, REPS);
    let mut out: HashMap<String, Vec<MonthlyTarget>> = HashMap::new();
    for row in &rows {
        match rep_row(row) {
            Ok((code, _, Some((month, amount)))) => out.entry(code).or_default().push(MonthlyTarget { month, amount }),
            Ok(_) => {}
            Err(errors) => problems.fields(row, errors),
        }
    }
    problems.finish()?;
    Ok(out)
}

/// Imports reps (code, name) and, where a row gives `month` and `quota`, that month's quota.
pub async fn import_reps(pool: &SqlitePool, file_name: &str, bytes: &[u8]) -> CoreResult<ImportSummary> {
    let sha = sha256_hex(bytes);
    let mut tx = pool.begin().await?;
    let batch_id = begin_batch(&mut tx, "reps", file_name, &sha).await?;
    let rows = rows(file_name, bytes, REPS, REPS_REQUIRED)?;
    let mut problems = Problems::new(file_name, REPS);
    let now = clock::now();
    let mut summary = ImportSummary { kind: "reps", file_name: file_name.to_string(), batch_id, sha256: sha, inserted: 0, updated: 0 };
    for row in &rows {
        let (code, name, quota) = match rep_row(row) {
            Ok(r) => r,
            Err(errors) => {
                problems.fields(row, errors);
                continue;
            }
        };
        let existed = reps::id_by_code(&mut tx, &code).await?.is_some();
        let id = reps::upsert(&mut tx, &code, &name, &now).await?;
        if let Some((m, q)) = quota {
            reps::set_quota(&mut tx, &id, m, q).await?;
        }
        if existed {
            summary.updated += 1;
        } else {
            summary.inserted += 1;
        }
    }
    if !problems.is_empty() {
        tx.rollback().await?;
        return Err(problems.into_err());
    }
    finish_batch(&mut tx, &summary).await?;
    tx.commit().await?;
    Ok(summary)
}
