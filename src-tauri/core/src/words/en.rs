//! English amounts in words, the style of bank documents and invoices: upper case, the number
//! before the currency name, hyphens in 21–99, no "AND" inside a number, "AND" only before the
//! minor units, "ONLY" at the end, "MINUS" in front of a negative amount:
//! `ONE THOUSAND TWO HUNDRED US DOLLARS AND FIFTY CENTS ONLY`. Singular names for one
//! (`ONE US DOLLAR`, `ONE CENT`); zero minor units are not written (`ONE HUNDRED EUROS ONLY`)
//! but a zero major part is, so the currency is always named (`ZERO US DOLLARS AND FIVE CENTS
//! ONLY`). CNY is `CHINESE YUAN` with `FEN` as the hundredth (1.50 → ONE CHINESE YUAN AND FIFTY
//! FEN ONLY).

/// The names of a currency's major and minor units, singular and plural.
pub(super) struct Names {
    major_one: &'static str,
    major_many: &'static str,
    minor_one: &'static str,
    minor_many: &'static str,
}

const fn names_of(major_one: &'static str, major_many: &'static str, minor_one: &'static str, minor_many: &'static str) -> Names {
    Names { major_one, major_many, minor_one, minor_many }
}

/// Names for every currency in `money::CURRENCIES` (a test checks none is missing).
pub(super) fn names(code: &str) -> Option<Names> {
    Some(match code {
        "CNY" => names_of("CHINESE YUAN", "CHINESE YUAN", "FEN", "FEN"),
        "USD" => names_of("US DOLLAR", "US DOLLARS", "CENT", "CENTS"),
        "EUR" => names_of("EURO", "EUROS", "CENT", "CENTS"),
        "HKD" => names_of("HONG KONG DOLLAR", "HONG KONG DOLLARS", "CENT", "CENTS"),
        "JPY" => names_of("JAPANESE YEN", "JAPANESE YEN", "", ""),
        "GBP" => names_of("POUND STERLING", "POUNDS STERLING", "PENNY", "PENCE"),
        "SGD" => names_of("SINGAPORE DOLLAR", "SINGAPORE DOLLARS", "CENT", "CENTS"),
        "TWD" => names_of("NEW TAIWAN DOLLAR", "NEW TAIWAN DOLLARS", "CENT", "CENTS"),
        "KRW" => names_of("SOUTH KOREAN WON", "SOUTH KOREAN WON", "", ""),
        "AUD" => names_of("AUSTRALIAN DOLLAR", "AUSTRALIAN DOLLARS", "CENT", "CENTS"),
        "CAD" => names_of("CANADIAN DOLLAR", "CANADIAN DOLLARS", "CENT", "CENTS"),
        "CHF" => names_of("SWISS FRANC", "SWISS FRANCS", "CENTIME", "CENTIMES"),
        "MOP" => names_of("MACANESE PATACA", "MACANESE PATACAS", "AVO", "AVOS"),
        _ => return None,
    })
}

const ONES: [&str; 20] = [
    "ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN", "ELEVEN", "TWELVE", "THIRTEEN",
    "FOURTEEN", "FIFTEEN", "SIXTEEN", "SEVENTEEN", "EIGHTEEN", "NINETEEN",
];
const TENS: [&str; 10] = ["", "", "TWENTY", "THIRTY", "FORTY", "FIFTY", "SIXTY", "SEVENTY", "EIGHTY", "NINETY"];
/// Enough scales for any u64 (below 1.9 × 10^19).
const SCALES: [&str; 7] = ["", "THOUSAND", "MILLION", "BILLION", "TRILLION", "QUADRILLION", "QUINTILLION"];

/// `minor` units where one major unit is `per_major` minor units (1 for JPY).
pub(super) fn write(minor: i64, per_major: u64, names: &Names) -> String {
    let abs = minor.unsigned_abs();
    let (major, rest) = (abs / per_major, abs % per_major);
    let mut out = String::new();
    if minor < 0 {
        out.push_str("MINUS ");
    }
    out.push_str(&number(major));
    out.push(' ');
    out.push_str(if major == 1 { names.major_one } else { names.major_many });
    if rest != 0 {
        out.push_str(" AND ");
        out.push_str(&number(rest));
        out.push(' ');
        out.push_str(if rest == 1 { names.minor_one } else { names.minor_many });
    }
    out.push_str(" ONLY");
    out
}

/// `n` in words: `TWELVE THOUSAND THREE HUNDRED FORTY-FIVE`.
pub(super) fn number(n: u64) -> String {
    if n == 0 {
        return ONES[0].to_string();
    }
    let mut groups = Vec::new();
    let mut rest = n;
    while rest > 0 {
        groups.push((rest % 1000) as usize);
        rest /= 1000;
    }
    let mut parts: Vec<String> = Vec::new();
    for (scale, &group) in groups.iter().enumerate().rev() {
        if group == 0 {
            continue;
        }
        parts.push(below_thousand(group));
        if scale > 0 {
            parts.push(SCALES[scale].to_string());
        }
    }
    parts.join(" ")
}

fn below_thousand(n: usize) -> String {
    let (hundreds, rest) = (n / 100, n % 100);
    let mut parts: Vec<String> = Vec::new();
    if hundreds > 0 {
        parts.push(format!("{} HUNDRED", ONES[hundreds]));
    }
    if rest >= 20 {
        let (tens, ones) = (rest / 10, rest % 10);
        parts.push(if ones == 0 { TENS[tens].to_string() } else { format!("{}-{}", TENS[tens], ONES[ones]) });
    } else if rest > 0 {
        parts.push(ONES[rest].to_string());
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::{names, number, write};

    fn en(minor: i64, code: &str) -> String {
        let per_major = if matches!(code, "JPY" | "KRW") { 1 } else { 100 };
        write(minor, per_major, &names(code).expect("known currency"))
    }

    #[test]
    fn dollars_and_cents_with_and_only_before_the_cents() {
        assert_eq!(en(120_050, "USD"), "ONE THOUSAND TWO HUNDRED US DOLLARS AND FIFTY CENTS ONLY");
        assert_eq!(en(10_500, "EUR"), "ONE HUNDRED FIVE EUROS ONLY");
        assert_eq!(en(2_199, "HKD"), "TWENTY-ONE HONG KONG DOLLARS AND NINETY-NINE CENTS ONLY");
    }

    #[test]
    fn one_is_singular_for_both_units() {
        assert_eq!(en(100, "USD"), "ONE US DOLLAR ONLY");
        assert_eq!(en(101, "USD"), "ONE US DOLLAR AND ONE CENT ONLY");
        assert_eq!(en(201, "GBP"), "TWO POUNDS STERLING AND ONE PENNY ONLY");
        assert_eq!(en(150, "GBP"), "ONE POUND STERLING AND FIFTY PENCE ONLY");
    }

    #[test]
    fn zero_names_the_currency() {
        assert_eq!(en(0, "USD"), "ZERO US DOLLARS ONLY");
        assert_eq!(en(5, "USD"), "ZERO US DOLLARS AND FIVE CENTS ONLY");
        assert_eq!(en(0, "JPY"), "ZERO JAPANESE YEN ONLY");
    }

    #[test]
    fn currencies_without_minor_units_are_whole_amounts() {
        assert_eq!(en(1_234_567, "JPY"), "ONE MILLION TWO HUNDRED THIRTY-FOUR THOUSAND FIVE HUNDRED SIXTY-SEVEN JAPANESE YEN ONLY");
        assert_eq!(en(1, "KRW"), "ONE SOUTH KOREAN WON ONLY");
    }

    #[test]
    fn negative_amounts_start_with_minus() {
        assert_eq!(en(-150, "CNY"), "MINUS ONE CHINESE YUAN AND FIFTY FEN ONLY");
    }

    #[test]
    fn scales_up_to_quadrillion_skip_empty_groups() {
        assert_eq!(number(1_000_000_001), "ONE BILLION ONE");
        assert_eq!(number(1_000_000), "ONE MILLION");
        assert_eq!(number(9_999_999_999_999_999), "NINE QUADRILLION NINE HUNDRED NINETY-NINE TRILLION NINE HUNDRED NINETY-NINE BILLION NINE HUNDRED NINETY-NINE MILLION NINE HUNDRED NINETY-NINE THOUSAND NINE HUNDRED NINETY-NINE");
        assert_eq!(number(2_300_000_000_040_000), "TWO QUADRILLION THREE HUNDRED TRILLION FORTY THOUSAND");
        assert_eq!(number(2_000_300_000_040_000), "TWO QUADRILLION THREE HUNDRED BILLION FORTY THOUSAND");
        assert_eq!(number(u64::MAX).split(' ').next(), Some("EIGHTEEN"));
    }

    #[test]
    fn teens_and_tens() {
        assert_eq!(number(10), "TEN");
        assert_eq!(number(13), "THIRTEEN");
        assert_eq!(number(40), "FORTY");
        assert_eq!(number(110), "ONE HUNDRED TEN");
        assert_eq!(number(999), "NINE HUNDRED NINETY-NINE");
    }
}
