//! Field validation shared by forms and imports: each check trims and parses one value and
//! records a `FieldError` instead of failing fast, so a user sees every problem at once.

use crate::error::{CoreError, FieldCode, FieldError};
use crate::money;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::str::FromStr;

#[derive(Default)]
pub struct Checker {
    errors: Vec<FieldError>,
}

impl Checker {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn fail(&mut self, field: &str, code: FieldCode, message: impl Into<String>) {
        self.errors.push(FieldError { field: field.to_string(), code, message: message.into() });
    }

    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }

    /// Trimmed text of at most `max` characters; `required` refuses an empty value.
    pub fn text(&mut self, field: &str, value: &str, max: usize, required: bool) -> String {
        let v = value.trim();
        if required && v.is_empty() {
            self.fail(field, FieldCode::Required, "is required");
        } else if v.chars().count() > max {
            self.fail(field, FieldCode::TooLong, format!("is longer than {max} characters"));
        }
        v.to_string()
    }

    /// An exact decimal within `[min, max]` with at most `max_dp` decimal places.
    /// Thousands separators (`,`) and surrounding spaces are accepted; an empty value is
    /// `required`'s business.
    pub fn decimal(&mut self, field: &str, value: &str, range: (Decimal, Decimal), max_dp: u32) -> Option<Decimal> {
        let cleaned: String = value.trim().chars().filter(|c| *c != ',' && *c != '_').collect();
        if cleaned.is_empty() {
            self.fail(field, FieldCode::Required, "is required");
            return None;
        }
        let parsed = if cleaned.contains(['e', 'E']) { Decimal::from_scientific(&cleaned) } else { Decimal::from_str(&cleaned) };
        let Ok(d) = parsed else {
            self.fail(field, FieldCode::InvalidNumber, format!("'{}' is not a number", truncate(value)));
            return None;
        };
        let d = d.normalize();
        if d.is_sign_negative() && !d.is_zero() && range.0 >= Decimal::ZERO {
            self.fail(field, FieldCode::Negative, "must not be negative");
            return None;
        }
        if d < range.0 || d > range.1 {
            self.fail(field, FieldCode::OutOfRange, format!("must be between {} and {}", range.0, range.1));
            return None;
        }
        if d.scale() > max_dp {
            self.fail(field, FieldCode::TooManyDecimals, format!("has more than {max_dp} decimal places"));
            return None;
        }
        Some(d)
    }

    /// A percentage 0–100 with at most two decimals; a trailing `%` is accepted.
    pub fn percent(&mut self, field: &str, value: &str) -> Option<Decimal> {
        let v = value.trim().trim_end_matches('%');
        self.decimal(field, v, (Decimal::ZERO, Decimal::ONE_HUNDRED), 2)
    }

    /// An ISO 4217 code the app knows, upper-cased.
    pub fn currency(&mut self, field: &str, value: &str) -> String {
        let v = value.trim().to_ascii_uppercase();
        if v.is_empty() {
            self.fail(field, FieldCode::Required, "is required");
        } else if money::minor_units(&v).is_none() {
            self.fail(field, FieldCode::InvalidCurrency, format!("'{}' is not a supported currency code", truncate(value)));
        }
        v
    }

    /// An optional `YYYY-MM-DD` date (also accepts `YYYY/MM/DD`).
    pub fn date(&mut self, field: &str, value: &str) -> Option<NaiveDate> {
        let v = value.trim();
        if v.is_empty() {
            return None;
        }
        if let Some(d) = iso_date(v) {
            return Some(d);
        }
        let parsed = NaiveDate::parse_from_str(v, "%Y-%m-%d").or_else(|_| NaiveDate::parse_from_str(v, "%Y/%m/%d"));
        match parsed {
            Ok(d) => Some(d),
            Err(_) => {
                self.fail(field, FieldCode::InvalidDate, format!("'{}' is not a date (YYYY-MM-DD)", truncate(v)));
                None
            }
        }
    }

    /// An optional e-mail address: one `@`, a dot in the domain, no spaces.
    pub fn email(&mut self, field: &str, value: &str) -> String {
        let v = value.trim();
        if !v.is_empty() && !looks_like_email(v) {
            // The value is personal data: the message does not repeat it.
            self.fail(field, FieldCode::InvalidEmail, "is not an e-mail address");
        }
        if v.chars().count() > 254 {
            self.fail(field, FieldCode::TooLong, "is longer than 254 characters");
        }
        v.to_string()
    }

    /// An optional value of a closed set, parsed by `parse` (codes and labels in zh and en).
    pub fn choice<T>(&mut self, field: &str, value: &str, parse: impl Fn(&str) -> Option<T>, allowed: &str) -> Option<T> {
        let v = value.trim();
        if v.is_empty() {
            return None;
        }
        let parsed = parse(v);
        if parsed.is_none() {
            self.fail(field, FieldCode::UnknownValue, format!("'{}' is not one of {allowed}", truncate(v)));
        }
        parsed
    }

    /// A yes/no value: true/false, yes/no, 1/0, 是/否, y/n.
    pub fn boolean(&mut self, field: &str, value: &str, default: bool) -> bool {
        match value.trim().to_ascii_lowercase().as_str() {
            "" => default,
            "true" | "yes" | "y" | "1" | "是" | "启用" => true,
            "false" | "no" | "n" | "0" | "否" | "停用" => false,
            other => {
                self.fail(field, FieldCode::UnknownValue, format!("'{}' is not yes/no", truncate(other)));
                default
            }
        }
    }

    pub fn finish(self) -> Result<(), CoreError> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(CoreError::Validation(self.errors))
        }
    }

    pub fn into_errors(self) -> Vec<FieldError> {
        self.errors
    }
}

fn looks_like_email(v: &str) -> bool {
    let Some((local, domain)) = v.split_once('@') else { return false };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !v.chars().any(char::is_whitespace)
}

/// Values quoted in messages are cut to 60 characters so a 100 MB cell cannot flood a report.
pub fn truncate(v: &str) -> String {
    if v.chars().count() <= 60 {
        v.to_string()
    } else {
        let head: String = v.chars().take(57).collect();
        format!("{head}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_accepts_thousands_separators_and_rejects_words() {
        let mut c = Checker::new();
        assert_eq!(c.decimal("amount", " 12,800.50 ", (Decimal::ZERO, Decimal::MAX), 2), Some(Decimal::new(1280050, 2)));
        assert_eq!(c.decimal("amount", "abc", (Decimal::ZERO, Decimal::MAX), 2), None);
        assert_eq!(c.decimal("amount", "-1", (Decimal::ZERO, Decimal::MAX), 2), None);
        assert_eq!(c.decimal("amount", "1.234", (Decimal::ZERO, Decimal::MAX), 2), None);
        let codes: Vec<FieldCode> = c.into_errors().into_iter().map(|e| e.code).collect();
        assert_eq!(codes, vec![FieldCode::InvalidNumber, FieldCode::Negative, FieldCode::TooManyDecimals]);
    }

    #[test]
    fn dates_are_iso_or_slashed_and_must_exist() {
        let mut c = Checker::new();
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(c.date("d", "2026-07-05"), day(2026, 7, 5));
        assert_eq!(c.date("d", "2024-02-29"), day(2024, 2, 29));
        assert_eq!(c.date("d", "2026/07/05"), day(2026, 7, 5));
        assert!(c.is_ok());
        assert_eq!(c.date("d", "2026-02-30"), None, "no such day");
        assert_eq!(c.date("d", "1900-02-29"), None, "1900 is no leap year");
        assert_eq!(c.date("d", "2026-0a-05"), None);
        assert_eq!(c.into_errors().len(), 3);
    }

    #[test]
    fn percent_takes_a_percent_sign_and_stays_within_0_to_100() {
        let mut c = Checker::new();
        assert_eq!(c.percent("p", "13%"), Some(Decimal::new(13, 0)));
        assert_eq!(c.percent("p", "100.01"), None);
        assert!(!c.is_ok());
    }

    #[test]
    fn email_needs_an_at_and_a_domain_with_a_dot() {
        let mut c = Checker::new();
        c.email("email", "li.lei@example.cn");
        assert!(c.is_ok());
        c.email("email", "li.lei@example");
        c.email("email", "a b@example.com");
        assert_eq!(c.into_errors().len(), 2);
    }

    #[test]
    fn dates_must_exist_on_the_calendar() {
        let mut c = Checker::new();
        assert!(c.date("d", "2026-02-28").is_some());
        assert!(c.date("d", "2026-02-30").is_none());
        assert_eq!(c.into_errors()[0].code, FieldCode::InvalidDate);
    }
}

/// `YYYY-MM-DD` read directly (a million-line import spends most of its date time in the
/// general format parser); anything else, or an impossible date, is left to chrono.
fn iso_date(v: &str) -> Option<NaiveDate> {
    let b = v.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| b[r].iter().try_fold(0u32, |n, c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')));
    let year = i32::try_from(num(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, num(5..7)?, num(8..10)?)
}
