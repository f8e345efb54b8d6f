//! Number formatting for documents: thousands separators, the currency's minor units (JPY
//! none, CNY two; extra digits a unit price has are kept), percentages without trailing zeros.

use crate::money::with_minor_units;
use rust_decimal::Decimal;

/// `1234567.5` CNY → `1,234,567.50`; `5000` JPY → `5,000`; `-12.3` → `-12.30`.
pub(crate) fn money(amount: Decimal, currency: &str) -> String {
    group(&with_minor_units(amount, currency).to_string())
}

/// A quantity as entered, without trailing zeros: `2.000` → `2`, `1500.5` → `1,500.5`.
pub(crate) fn quantity(q: Decimal) -> String {
    group(&q.normalize().to_string())
}

/// `10` → `10%`, `12.50` → `12.5%`, zero → empty.
pub(crate) fn percent(p: Decimal) -> String {
    if p.is_zero() {
        String::new()
    } else {
        format!("{}%", p.normalize())
    }
}

/// Inserts `,` every three digits of the integer part.
fn group(s: &str) -> String {
    let (sign, digits) = s.strip_prefix('-').map_or(("", s), |d| ("-", d));
    let (int, frac) = digits.split_once('.').map_or((digits, None), |(i, f)| (i, Some(f)));
    let mut out = String::with_capacity(s.len() + int.len() / 3 + 1);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("literal")
    }

    #[test]
    fn formats_money_quantities_and_percentages() {
        assert_eq!(money(d("1234567.5"), "CNY"), "1,234,567.50");
        assert_eq!(money(d("5000"), "JPY"), "5,000");
        assert_eq!(money(d("-1000"), "USD"), "-1,000.00");
        assert_eq!(money(d("999.9"), "CNY"), "999.90");
        assert_eq!(money(d("0.0125"), "CNY"), "0.0125");
        assert_eq!(money(d("100000"), "CNY"), "100,000.00");
        assert_eq!(quantity(d("2.000")), "2");
        assert_eq!(quantity(d("1500.5")), "1,500.5");
        assert_eq!(percent(d("10.00")), "10%");
        assert_eq!(percent(d("12.5")), "12.5%");
        assert_eq!(percent(Decimal::ZERO), "");
    }
}
