//! Timestamps as stored: RFC 3339, UTC, millisecond precision, so text order is time order.

use chrono::{SecondsFormat, Utc};

/// The current instant as the store writes it (`2026-11-22T15:20:45.123Z`).
pub fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Today's date (UTC), for defaults such as a quote's date.
pub fn today() -> chrono::NaiveDate {
    Utc::now().date_naive()
}
