//! Exact numbers and dates in plan JSON. A decimal may be a string (`"0.035"`, exact) or a
//! JSON number. Integers that fit 64 bits are exact; any other number reaches us as an `f64`
//! (serde_json without arbitrary precision), so one with more than 15 significant digits is
//! refused with a message asking for a string: it would no longer be the number written.
//! `NaN`, `Infinity`, `1e40` and other non-decimals are refused by name.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::de::{Error, Visitor};
use serde::Deserializer;
use std::str::FromStr;

fn shown(text: &str) -> String {
    if text.chars().count() > 40 {
        format!("{}…", text.chars().take(40).collect::<String>())
    } else {
        text.to_string()
    }
}

/// Parses decimal text: plain (`12.50`) or scientific (`1.5e3`); nothing else.
pub fn parse_decimal(text: &str) -> Result<Decimal, String> {
    let t = text.trim();
    let plain = !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'));
    if !plain {
        return Err(format!("'{}' is not a decimal number", shown(t)));
    }
    let parsed = if t.contains(['e', 'E']) { Decimal::from_scientific(t) } else { Decimal::from_str(t) };
    parsed.map(|d| d.normalize()).map_err(|_| format!("'{}' is not a decimal number DealDesk can hold exactly (at most 28 digits)", shown(t)))
}

/// Reads a decimal inside serde_json's `deserialize_any`, so an error carries the position of
/// the offending value (and `json_path` can name its field).
struct DecimalVisitor;

impl<'de> Visitor<'de> for DecimalVisitor {
    type Value = Option<Decimal>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a decimal (\"12.50\" or 12.5)")
    }

    fn visit_str<E: Error>(self, s: &str) -> Result<Self::Value, E> {
        parse_decimal(s).map(Some).map_err(E::custom)
    }

    fn visit_u64<E: Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(Decimal::from(v)))
    }

    fn visit_i64<E: Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(Decimal::from(v)))
    }

    /// serde_json hands over a double for a fraction or an integer beyond 64 bits: accepted
    /// only when its shortest form has at most 15 significant digits.
    fn visit_f64<E: Error>(self, v: f64) -> Result<Self::Value, E> {
        let text = format!("{v}");
        let digits = text.chars().filter(char::is_ascii_digit).collect::<String>();
        if !v.is_finite() || digits.trim_start_matches('0').trim_end_matches('0').len() > 15 {
            return Err(E::custom(format!("{} has too many digits for a JSON number; write it as a string (\"…\")", shown(&text))));
        }
        parse_decimal(&text).map(Some).map_err(E::custom)
    }

    fn visit_unit<E: Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_none<E: Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
}

pub fn decimal<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    d.deserialize_any(DecimalVisitor)?.ok_or_else(|| D::Error::custom("expected a decimal (\"12.50\" or 12.5), found null"))
}

/// An optional decimal: absent or `null` is `None`.
pub fn opt_decimal<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
    d.deserialize_any(DecimalVisitor)
}

struct DateVisitor;

impl Visitor<'_> for DateVisitor {
    type Value = NaiveDate;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a date written YYYY-MM-DD")
    }

    fn visit_str<E: Error>(self, s: &str) -> Result<Self::Value, E> {
        NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| E::custom(format!("'{}' is not a valid date (YYYY-MM-DD)", shown(s))))
    }
}

/// A calendar date written `YYYY-MM-DD` that exists (no 2026-02-30).
pub fn date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    d.deserialize_str(DateVisitor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Holder {
        #[serde(deserialize_with = "decimal")]
        v: Decimal,
    }

    fn read(json: &str) -> Result<Decimal, String> {
        serde_json::from_str::<Holder>(json).map(|h| h.v).map_err(|e| e.to_string())
    }

    #[test]
    fn strings_and_short_numbers_are_exact() {
        assert_eq!(read(r#"{"v":"0.035"}"#).map(|d| d.to_string()), Ok("0.035".into()));
        assert_eq!(read(r#"{"v":12.5}"#).map(|d| d.to_string()), Ok("12.5".into()));
        assert_eq!(read(r#"{"v":500000}"#).map(|d| d.to_string()), Ok("500000".into()));
        assert_eq!(read(r#"{"v":"1.5e3"}"#).map(|d| d.to_string()), Ok("1500".into()));
    }

    #[test]
    fn non_numbers_and_long_numbers_are_refused_by_name() {
        for bad in [r#"{"v":"NaN"}"#, r#"{"v":"Infinity"}"#, r#"{"v":"-inf"}"#, r#"{"v":"0x10"}"#, r#"{"v":"１２"}"#, r#"{"v":true}"#] {
            let e = read(bad).expect_err(bad);
            assert!(e.contains("not a decimal") || e.contains("expected a decimal"), "{bad}: {e}");
        }
        let forty = "1234567890123456789012345678901234567890";
        let e = read(&format!(r#"{{"v":{forty}}}"#)).expect_err("40 digits");
        assert!(e.contains("too many digits"), "{e}");
        let e = read(&format!(r#"{{"v":"{forty}"}}"#)).expect_err("40 digit string");
        assert!(e.contains("at most 28 digits"), "{e}");
        let e = read(r#"{"v":0.1234567890123456789}"#).expect_err("long fraction");
        assert!(e.contains("too many digits"), "{e}");
        assert!(read(r#"{"v":1e400}"#).is_err());
    }
}
