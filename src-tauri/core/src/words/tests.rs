//! Tests of the public API (rounding, limits, typed errors) and property tests: the 大写 text
//! keeps the PBOC invariants and parses back to the same number of fen for random amounts.

use super::*;
use crate::error::FieldCode;
use proptest::prelude::*;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).expect("literal")
}

fn zh(amount: &str) -> String {
    amount_in_words(d(amount), "CNY", Lang::Zh, &ZhOptions::default()).expect("valid amount")
}

fn en(amount: &str, currency: &str) -> String {
    amount_in_words(d(amount), currency, Lang::En, &ZhOptions::default()).expect("valid amount")
}

/// The one field error of a rejected call, as (field, code).
fn field_error(result: CoreResult<String>) -> (String, FieldCode) {
    match result {
        Err(CoreError::Validation(errors)) if errors.len() == 1 => (errors[0].field.clone(), errors[0].code),
        other => panic!("expected one field error, got {other:?}"),
    }
}

#[test]
fn decimal_amounts_in_both_languages() {
    assert_eq!(zh("1234567890123456.78"), "人民币壹仟贰佰叁拾肆万伍仟陆佰柒拾捌亿玖仟零壹拾贰万叁仟肆佰伍拾陆元柒角捌分");
    assert_eq!(zh("107000.53"), "人民币壹拾万柒仟元伍角叁分");
    assert_eq!(zh("0"), "人民币零元整");
    assert_eq!(en("1200.50", "USD"), "ONE THOUSAND TWO HUNDRED US DOLLARS AND FIFTY CENTS ONLY");
    assert_eq!(en("0", "USD"), "ZERO US DOLLARS ONLY");
    assert_eq!(en("12.5", "cny"), "TWELVE CHINESE YUAN AND FIFTY FEN ONLY", "codes are case-insensitive");
}

#[test]
fn amounts_are_rounded_half_away_from_zero_to_minor_units_first() {
    assert_eq!(zh("1.005"), "人民币壹元零壹分");
    assert_eq!(zh("1.004"), "人民币壹元整");
    assert_eq!(en("-0.005", "USD"), "MINUS ZERO US DOLLARS AND ONE CENT ONLY");
    assert_eq!(en("-0.004", "USD"), "ZERO US DOLLARS ONLY", "rounds to zero, which has no sign");
    assert_eq!(zh("-0.004"), "人民币零元整");
    assert_eq!(en("1234.5", "JPY"), "ONE THOUSAND TWO HUNDRED THIRTY-FIVE JAPANESE YEN ONLY");
}

#[test]
fn options_reach_the_chinese_text() {
    let opts = ZhOptions { zheng_after_jiao: true, yuan_char: YuanChar::Round, optional_zero: true };
    assert_eq!(amount_in_words(d("1680.30"), "CNY", Lang::Zh, &opts).expect("valid"), "人民币壹仟陆佰捌拾圆零叁角整");
}

#[test]
fn amounts_of_ten_to_the_sixteen_are_refused() {
    for amount in ["10000000000000000", "-10000000000000000", "9999999999999999.995", "1e20"] {
        for lang in [Lang::Zh, Lang::En] {
            let result = amount_in_words(d_or_sci(amount), "CNY", lang, &ZhOptions::default());
            assert_eq!(field_error(result), ("amount".to_string(), FieldCode::OutOfRange), "{amount}");
        }
    }
    assert!(amount_in_words(d("9999999999999999.994"), "CNY", Lang::Zh, &ZhOptions::default()).is_ok());
    assert_eq!(field_error(cny_in_words(1_000_000_000_000_000_000, &ZhOptions::default())).1, FieldCode::OutOfRange);
    assert!(cny_in_words(999_999_999_999_999_999, &ZhOptions::default()).is_ok());
    assert_eq!(field_error(english_in_words(10_000_000_000_000_000, "JPY")).1, FieldCode::OutOfRange);
    assert!(english_in_words(-9_999_999_999_999_999, "JPY").is_ok());
}

fn d_or_sci(s: &str) -> Decimal {
    if s.contains('e') {
        Decimal::from_scientific(s).expect("literal")
    } else {
        d(s)
    }
}

#[test]
fn unknown_currencies_are_refused_on_the_currency_field() {
    let result = amount_in_words(d("1"), "XYZ", Lang::En, &ZhOptions::default());
    assert_eq!(field_error(result), ("currency".to_string(), FieldCode::InvalidCurrency));
    assert_eq!(field_error(english_in_words(1, "")).0, "currency");
}

#[test]
fn chinese_words_are_for_cny_only() {
    let result = amount_in_words(d("1"), "USD", Lang::Zh, &ZhOptions::default());
    let err = result.expect_err("USD in 大写");
    assert!(err.to_string().contains("CNY only"), "{err}");
    assert_eq!(field_error(Err(err)), ("currency".to_string(), FieldCode::InvalidCurrency));
}

#[test]
fn chinese_words_refuse_negative_amounts_and_english_says_minus() {
    let result = amount_in_words(d("-100"), "CNY", Lang::Zh, &ZhOptions::default());
    assert_eq!(field_error(result), ("amount".to_string(), FieldCode::Negative));
    assert_eq!(en("-100", "CNY"), "MINUS ONE HUNDRED CHINESE YUAN ONLY");
}

#[test]
fn every_supported_currency_has_english_names() {
    for code in money::supported_currencies() {
        let words = english_in_words(123_456, code).unwrap_or_else(|e| panic!("{code}: {e}"));
        assert!(words.ends_with(" ONLY") && !words.contains("  "), "{code}: {words}");
    }
}

#[test]
fn the_language_defaults_to_chinese_for_cny_only() {
    assert_eq!(Lang::default_for("CNY"), Lang::Zh);
    assert_eq!(Lang::default_for(" cny "), Lang::Zh);
    assert_eq!(Lang::default_for("USD"), Lang::En);
}

#[test]
fn typed_amounts_are_parsed_with_errors_on_the_amount_field() {
    assert_eq!(parse_amount(" 12,800.50 ").expect("number"), d("12800.50"));
    assert_eq!(parse_amount("-3").expect("number"), d("-3"));
    let err = parse_amount("abc").expect_err("not a number");
    assert_eq!(field_error(Err(err)), ("amount".to_string(), FieldCode::InvalidNumber));
}

/// Reads 大写 text back into fen; `None` when it is not well formed.
fn parse_zh(text: &str) -> Option<u64> {
    let body = text.strip_prefix("人民币")?;
    let body = body.strip_suffix('整').unwrap_or(body);
    let (mut high, mut wan, mut section, mut digit, mut yuan, mut minor) = (0_u64, 0_u64, 0_u64, None, 0_u64, 0_u64);
    for c in body.chars() {
        let unit = match c {
            '零' => continue,
            '拾' => 10,
            '佰' => 100,
            '仟' => 1_000,
            _ => 0,
        };
        if unit > 0 {
            section += digit.take()? * unit;
            continue;
        }
        match c {
            '万' => wan = std::mem::take(&mut section) + digit.take().unwrap_or(0),
            '亿' => {
                high = (std::mem::take(&mut wan) * 10_000 + std::mem::take(&mut section) + digit.take().unwrap_or(0)) * 100_000_000
            }
            '元' | '圆' => {
                yuan = high + std::mem::take(&mut wan) * 10_000 + std::mem::take(&mut section) + digit.take().unwrap_or(0)
            }
            '角' => minor += digit.take()? * 10,
            '分' => minor += digit.take()?,
            _ => {
                let d = "壹贰叁肆伍陆柒捌玖".chars().position(|x| x == c)? as u64 + 1;
                if digit.replace(d).is_some() {
                    return None;
                }
            }
        }
    }
    if digit.is_some() {
        return None;
    }
    Some(yuan * 100 + minor)
}

/// Reads English number words (`TWELVE THOUSAND THREE HUNDRED FORTY-FIVE`) back.
fn parse_en_number(text: &str) -> Option<u64> {
    const ONES: [&str; 20] = [
        "ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN", "ELEVEN", "TWELVE", "THIRTEEN",
        "FOURTEEN", "FIFTEEN", "SIXTEEN", "SEVENTEEN", "EIGHTEEN", "NINETEEN",
    ];
    const TENS: [&str; 10] = ["", "", "TWENTY", "THIRTY", "FORTY", "FIFTY", "SIXTY", "SEVENTY", "EIGHTY", "NINETY"];
    let scales = ["THOUSAND", "MILLION", "BILLION", "TRILLION", "QUADRILLION", "QUINTILLION"];
    let (mut total, mut group) = (0_u64, 0_u64);
    for word in text.split(' ') {
        if word == "HUNDRED" {
            group *= 100;
        } else if let Some(i) = scales.iter().position(|s| *s == word) {
            total += group * 1_000_u64.pow(i as u32 + 1);
            group = 0;
        } else {
            for part in word.split('-') {
                group += match ONES.iter().position(|o| *o == part) {
                    Some(n) => n as u64,
                    None => TENS.iter().position(|t| !t.is_empty() && *t == part)? as u64 * 10,
                };
            }
        }
    }
    Some(total + group)
}

/// Amounts with many zeros: each digit is zero with probability 3/5.
fn fen_with_zero_runs() -> impl Strategy<Value = u64> {
    proptest::collection::vec(prop_oneof![3 => Just(0_u64), 2 => 1_u64..10], 1..=18)
        .prop_map(|digits| digits.iter().fold(0, |n, d| n * 10 + d))
}

fn any_options() -> impl Strategy<Value = ZhOptions> {
    (any::<bool>(), any::<bool>(), any::<bool>()).prop_map(|(zheng_after_jiao, round, optional_zero)| ZhOptions {
        zheng_after_jiao,
        yuan_char: if round { YuanChar::Round } else { YuanChar::Yuan },
        optional_zero,
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn chinese_words_keep_the_pboc_invariants_and_parse_back(
        fen in prop_oneof![fen_with_zero_runs(), 0_u64..1_000_000_000_000_000_000],
        opts in any_options(),
    ) {
        let text = cny_in_words(fen, &opts).expect("below 10^16 yuan");
        prop_assert!(text.starts_with("人民币"), "{}", text);
        prop_assert!(text.chars().all(|c| "人民币零壹贰叁肆伍陆柒捌玖拾佰仟万亿元圆角分整".contains(c)), "{}", text);
        prop_assert!(!text.contains("零零"), "{}", text);
        prop_assert!(!text.ends_with('零'), "{}", text);
        prop_assert!(!text.contains("分整"), "{}", text);
        let after_ling_is_a_digit = text.split('零').skip(1).all(|rest| rest.is_empty() || rest.starts_with(|c| "壹贰叁肆伍陆柒捌玖元圆".contains(c)));
        prop_assert!(after_ling_is_a_digit, "{}", text);
        prop_assert_eq!(text.contains('整'), fen % 100 == 0 || (fen % 10 == 0 && opts.zheng_after_jiao), "{}", text);
        prop_assert_eq!(parse_zh(&text), Some(fen), "{}", text);
        // The optional 零 only ever adds 零 characters.
        let plain = cny_in_words(fen, &ZhOptions { optional_zero: false, ..opts }).expect("valid");
        prop_assert_eq!(plain.replace('零', ""), text.replace('零', ""));
        prop_assert!(plain.chars().count() <= text.chars().count());
    }

    #[test]
    fn english_numbers_parse_back(n in prop_oneof![fen_with_zero_runs(), any::<u64>()]) {
        let words = en::number(n);
        prop_assert!(!words.contains("  ") && !words.contains(" AND "), "{}", words);
        prop_assert_eq!(parse_en_number(&words), Some(n), "{}", words);
    }

    #[test]
    fn decimal_amounts_give_the_words_of_their_rounded_minor_units(cents in -999_999_999_999_999_999_i64..1_000_000_000_000_000_000) {
        let amount = Decimal::new(cents, 2);
        let words = amount_in_words(amount, "USD", Lang::En, &ZhOptions::default()).expect("in range");
        prop_assert_eq!(&words, &english_in_words(cents, "USD").expect("in range"));
        if cents >= 0 {
            let zh = amount_in_words(amount, "CNY", Lang::Zh, &ZhOptions::default()).expect("in range");
            prop_assert_eq!(parse_zh(&zh), Some(cents.unsigned_abs()));
        }
    }
}
