//! Reading typed values out of TEXT columns (exact decimals, ids, dates, enums), turning a
//! malformed stored value into a decode error rather than a panic.

use rust_decimal::Decimal;
use sqlx::sqlite::SqliteRow;
use sqlx::Row;
use std::str::FromStr;

fn decode_err(column: &str, what: &str, value: &str) -> sqlx::Error {
    sqlx::Error::ColumnDecode {
        index: column.to_string(),
        source: format!("stored value '{value}' is not {what}").into(),
    }
}

pub fn decimal(row: &SqliteRow, column: &str) -> Result<Decimal, sqlx::Error> {
    let s: String = row.try_get(column)?;
    Decimal::from_str(&s).map_err(|_| decode_err(column, "a decimal", &s))
}

pub fn uuid(row: &SqliteRow, column: &str) -> Result<uuid::Uuid, sqlx::Error> {
    let s: String = row.try_get(column)?;
    uuid::Uuid::parse_str(&s).map_err(|_| decode_err(column, "a UUID", &s))
}

pub fn opt_uuid(row: &SqliteRow, column: &str) -> Result<Option<uuid::Uuid>, sqlx::Error> {
    let s: Option<String> = row.try_get(column)?;
    s.map(|s| uuid::Uuid::parse_str(&s).map_err(|_| decode_err(column, "a UUID", &s))).transpose()
}

pub fn opt_date(row: &SqliteRow, column: &str) -> Result<Option<chrono::NaiveDate>, sqlx::Error> {
    let s: Option<String> = row.try_get(column)?;
    s.map(|s| chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| decode_err(column, "a date", &s))).transpose()
}

/// A TEXT enum column decoded with the enum's own parser.
pub fn choice<T>(row: &SqliteRow, column: &str, parse: impl Fn(&str) -> Option<T>) -> Result<T, sqlx::Error> {
    let s: String = row.try_get(column)?;
    parse(&s).ok_or_else(|| decode_err(column, "a known value", &s))
}

pub fn opt_choice<T>(row: &SqliteRow, column: &str, parse: impl Fn(&str) -> Option<T>) -> Result<Option<T>, sqlx::Error> {
    let s: Option<String> = row.try_get(column)?;
    s.map(|s| parse(&s).ok_or_else(|| decode_err(column, "a known value", &s))).transpose()
}
