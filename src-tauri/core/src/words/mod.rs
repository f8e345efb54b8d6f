//! Amounts in words: 大写金额 for CNY per the PBOC rules, English words for other currencies.
//!
//! Every entry point works on integer minor units: `amount_in_words` first rounds the amount
//! half away from zero to the currency's minor units (`money::round_to_minor_units`), so the
//! words always say exactly what the rounded figure on the document says.
//!
//! Decisions (the rules themselves are in zh.rs and en.rs):
//! - Amounts are limited to |amount| < 10^16 major units (up to 万亿 / QUADRILLION).
//! - Chinese words are written for CNY only: the PBOC rules are about 人民币 and the text starts
//!   with 人民币. Any other currency asks for English.
//! - Chinese words refuse negative amounts: the PBOC rules have no negative form and a
//!   "人民币负…" on a bill would be invalid. English writes `MINUS …`.

mod en;
mod zh;

#[cfg(test)]
mod tests;

use crate::error::{CoreError, CoreResult, FieldCode, FieldError};
use crate::money;
use crate::validate::Checker;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// Amounts must stay below this many major units (10^16 yuan: the 万亿 level).
const LIMIT_MAJOR: i64 = 10_000_000_000_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// 大写金额 (CNY only).
    Zh,
    En,
}

impl Lang {
    /// Chinese for CNY, English for everything else.
    pub fn default_for(currency: &str) -> Self {
        if currency.trim().eq_ignore_ascii_case("CNY") {
            Self::Zh
        } else {
            Self::En
        }
    }
}

/// The character written for the yuan unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum YuanChar {
    /// 元 (the usual form).
    #[default]
    Yuan,
    /// 圆 (the form printed on banknotes, also accepted by banks).
    Round,
}

/// The choices the PBOC rules leave open; the default is the shortest valid text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(default)]
#[ts(export)]
pub struct ZhOptions {
    /// Write 整 after 角 when there are no 分 (人民币壹元伍角整); the rules allow it, not require it.
    pub zheng_after_jiao: bool,
    pub yuan_char: YuanChar,
    /// Write the optional 零 where a run of zeros ends at the 元 place (or the 万, 亿, 万亿 place)
    /// and the next digit is not zero: 人民币壹拾万零柒仟元零伍角叁分 instead of
    /// 人民币壹拾万柒仟元伍角叁分.
    pub optional_zero: bool,
}

/// `amount` of `currency` (ISO code, case-insensitive) in words, rounded half away from zero to
/// the currency's minor units first.
pub fn amount_in_words(amount: Decimal, currency: &str, lang: Lang, zh: &ZhOptions) -> CoreResult<String> {
    let code = currency.trim().to_ascii_uppercase();
    let units = currency_units(&code, currency)?;
    if lang == Lang::Zh && code != "CNY" {
        return Err(invalid(
            "currency",
            FieldCode::InvalidCurrency,
            format!("Chinese words (大写金额) are written for CNY only, not {code}; use English words"),
        ));
    }
    let rounded = money::round_to_minor_units(amount, &code);
    if rounded.abs() >= Decimal::from(LIMIT_MAJOR) {
        return Err(too_large());
    }
    let minor = (rounded * Decimal::from(10_i64.pow(units))).to_i64().ok_or_else(too_large)?;
    match lang {
        Lang::Zh => {
            let fen = u64::try_from(minor).map_err(|_| negative_zh())?;
            cny_in_words(fen, zh)
        }
        Lang::En => english_in_words(minor, &code),
    }
}

/// 大写金额 of `fen` (hundredths of a yuan): 人民币壹仟陆佰捌拾元叁角贰分.
pub fn cny_in_words(fen: u64, opts: &ZhOptions) -> CoreResult<String> {
    if fen >= LIMIT_MAJOR.unsigned_abs() * 100 {
        return Err(too_large());
    }
    Ok(zh::write(fen, opts))
}

/// English words of `minor` units of `currency`: ONE THOUSAND TWO HUNDRED US DOLLARS AND FIFTY
/// CENTS ONLY. For a currency without minor units (JPY, KRW) `minor` is the whole amount.
pub fn english_in_words(minor: i64, currency: &str) -> CoreResult<String> {
    let code = currency.trim().to_ascii_uppercase();
    let units = currency_units(&code, currency)?;
    let names = en::names(&code).ok_or_else(|| unknown_currency(currency))?;
    let per_major = 10_u64.pow(units);
    if minor.unsigned_abs() >= LIMIT_MAJOR.unsigned_abs() * per_major {
        return Err(too_large());
    }
    Ok(en::write(minor, per_major, &names))
}

/// Parses a typed amount (`12,800.50`, `-3`, `1e6`); errors name the field `amount`.
pub fn parse_amount(text: &str) -> CoreResult<Decimal> {
    let mut check = Checker::new();
    let parsed = check.decimal("amount", text, (Decimal::MIN, Decimal::MAX), 28);
    check.finish()?;
    parsed.ok_or_else(|| invalid("amount", FieldCode::InvalidNumber, "is not a number"))
}

fn currency_units(code: &str, typed: &str) -> CoreResult<u32> {
    money::minor_units(code).ok_or_else(|| unknown_currency(typed))
}

fn unknown_currency(typed: &str) -> CoreError {
    let shown = crate::validate::truncate(typed);
    invalid("currency", FieldCode::InvalidCurrency, format!("'{shown}' is not a supported currency code"))
}

fn too_large() -> CoreError {
    invalid("amount", FieldCode::OutOfRange, "must be below 10,000,000,000,000,000 (10^16) in absolute value")
}

fn negative_zh() -> CoreError {
    invalid(
        "amount",
        FieldCode::Negative,
        "must not be negative for Chinese words (大写金额): the PBOC rules define no negative form",
    )
}

fn invalid(field: &str, code: FieldCode, message: impl Into<String>) -> CoreError {
    CoreError::Validation(vec![FieldError { field: field.to_string(), code, message: message.into() }])
}
