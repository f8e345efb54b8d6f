//! Money conventions: `Decimal` amounts always paired with an ISO 4217 code; the number of
//! minor units per currency decides how amounts are stored and shown. Rounding is explicit:
//! half away from zero ("half-up" on documents), applied only where a function says so.

use rust_decimal::{Decimal, RoundingStrategy};

/// Currencies the app accepts, with their minor units (ISO 4217).
const CURRENCIES: &[(&str, u32)] = &[
    ("CNY", 2),
    ("USD", 2),
    ("EUR", 2),
    ("HKD", 2),
    ("JPY", 0),
    ("GBP", 2),
    ("SGD", 2),
    ("TWD", 2),
    ("KRW", 0),
    ("AUD", 2),
    ("CAD", 2),
    ("CHF", 2),
    ("MOP", 2),
];

/// Minor units of a supported currency (`CNY` → 2, `JPY` → 0); `None` when unsupported.
pub fn minor_units(code: &str) -> Option<u32> {
    CURRENCIES.iter().find(|(c, _)| *c == code).map(|(_, u)| *u)
}

pub fn supported_currencies() -> impl Iterator<Item = &'static str> {
    CURRENCIES.iter().map(|(c, _)| *c)
}

/// Shows `amount` with at least the currency's minor units (`12800` CNY → `12800.00`), never
/// dropping digits the value has (a unit price of `0.0125` stays `0.0125`).
pub fn with_minor_units(amount: Decimal, currency: &str) -> Decimal {
    let units = minor_units(currency).unwrap_or(2);
    let mut d = amount.normalize();
    if d.scale() < units {
        d.rescale(units);
    }
    d
}

/// Rounds half away from zero to the currency's minor units: the rule for document totals.
pub fn round_to_minor_units(amount: Decimal, currency: &str) -> Decimal {
    let units = minor_units(currency).unwrap_or(2);
    let mut d = amount.round_dp_with_strategy(units, RoundingStrategy::MidpointAwayFromZero);
    d.rescale(units);
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn minor_units_pad_but_never_cut() {
        let d = |s| Decimal::from_str(s).expect("literal");
        assert_eq!(with_minor_units(d("12800"), "CNY").to_string(), "12800.00");
        assert_eq!(with_minor_units(d("0.0125"), "CNY").to_string(), "0.0125");
        assert_eq!(with_minor_units(d("5000.00"), "JPY").to_string(), "5000");
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        let d = |s| Decimal::from_str(s).expect("literal");
        assert_eq!(round_to_minor_units(d("2.345"), "CNY").to_string(), "2.35");
        assert_eq!(round_to_minor_units(d("-2.345"), "CNY").to_string(), "-2.35");
        assert_eq!(round_to_minor_units(d("1234.5"), "JPY").to_string(), "1235");
    }
}
