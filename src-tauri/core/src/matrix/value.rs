//! What a user types into a cell, per dimension type: parsed into a [`CellValue`] or refused
//! with a code and a message; and the text a cell shows. Empty, `?`, `unknown` and `未知` mean
//! unknown, which is never the same as zero.

use super::model::{CellValue, Dimension, DimensionKind, Scale, Ypn};
use crate::error::FieldCode;
use rust_decimal::Decimal;
use std::str::FromStr;

/// The longest text a text cell holds.
pub const MAX_TEXT: usize = 500;

pub type Refusal = (FieldCode, String);

pub fn is_unknown(text: &str) -> bool {
    matches!(text.trim().to_lowercase().as_str(), "" | "?" | "unknown" | "未知" | "n/a")
}

fn decimal(text: &str) -> Result<Decimal, Refusal> {
    let cleaned: String = text.trim().chars().filter(|c| *c != ',' && *c != '_').collect();
    Decimal::from_str(&cleaned)
        .or_else(|_| Decimal::from_scientific(&cleaned))
        .map(|d| d.normalize())
        .map_err(|_| (FieldCode::InvalidNumber, format!("'{}' is not a number", short(text))))
}

fn short(text: &str) -> String {
    let t = text.trim();
    if t.chars().count() > 40 { format!("{}…", t.chars().take(40).collect::<String>()) } else { t.to_string() }
}

/// Parses typed text for a cell of `dim`; `Ok(None)` is unknown.
pub fn parse(dim: &Dimension, scale: Scale, text: &str) -> Result<Option<CellValue>, Refusal> {
    if is_unknown(text) {
        return Ok(None);
    }
    let t = text.trim();
    let value = match dim.kind {
        DimensionKind::Score => CellValue::Score(decimal(t).map_err(|_| (FieldCode::InvalidNumber, format!("'{}' is not a score; type a number from {} (or leave it empty for unknown)", short(t), scale.label())))?),
        DimensionKind::YesPartialNo => CellValue::YesPartialNo(Ypn::parse(t).ok_or_else(|| (FieldCode::UnknownValue, format!("'{}' is not yes, partial or no (是/部分/否)", short(t))))?),
        DimensionKind::Price => {
            let amount = t.strip_prefix(dim.currency.as_str()).filter(|_| !dim.currency.is_empty()).unwrap_or(t);
            CellValue::Price(decimal(amount)?)
        }
        DimensionKind::Number => CellValue::Number(decimal(t)?),
        DimensionKind::Text => CellValue::Text(t.to_string()),
        DimensionKind::Choice => CellValue::Choice(t.to_string()),
    };
    check(dim, scale, &value)?;
    Ok(Some(value))
}

/// Checks a typed value against its dimension (kind, scale, decimals, choices, length).
pub fn check(dim: &Dimension, scale: Scale, value: &CellValue) -> Result<(), Refusal> {
    if value.kind() != dim.kind {
        return Err((FieldCode::UnknownValue, format!("a {} value does not fit a {} dimension", value.kind().code(), dim.kind.code())));
    }
    match value {
        CellValue::Score(s) => {
            if *s < scale.min() || *s > scale.max() {
                return Err((FieldCode::OutOfRange, format!("score {s} is outside the scale {}", scale.label())));
            }
            if s.scale() > 2 {
                return Err((FieldCode::TooManyDecimals, "a score has at most 2 decimal places".into()));
            }
        }
        CellValue::Price(p) => {
            if p.is_sign_negative() && !p.is_zero() {
                return Err((FieldCode::Negative, "a price must not be negative".into()));
            }
            if p.scale() > 4 {
                return Err((FieldCode::TooManyDecimals, "a price has at most 4 decimal places".into()));
            }
        }
        CellValue::Number(n) => {
            if n.scale() > 6 {
                return Err((FieldCode::TooManyDecimals, "a number has at most 6 decimal places".into()));
            }
        }
        CellValue::Text(t) => {
            if t.chars().count() > MAX_TEXT {
                return Err((FieldCode::TooLong, format!("is longer than {MAX_TEXT} characters")));
            }
        }
        CellValue::Choice(c) => {
            if !dim.choices.iter().any(|x| x == c) {
                return Err((FieldCode::UnknownValue, format!("'{}' is not one of {}", short(c), dim.choices.join(" / "))));
            }
        }
        CellValue::YesPartialNo(_) => {}
    }
    Ok(())
}

/// The text a cell shows in the grid and in files; `parse` reads it back to the same value.
pub fn text(value: &CellValue) -> String {
    match value {
        CellValue::Score(d) | CellValue::Price(d) | CellValue::Number(d) => d.normalize().to_string(),
        CellValue::YesPartialNo(v) => v.code().to_string(),
        CellValue::Text(t) | CellValue::Choice(t) => t.clone(),
    }
}

/// The text a printed document shows: units and currencies added, yes/partial/no in both
/// languages (`是 yes`) or one.
pub fn printed(dim: &Dimension, value: Option<&CellValue>, zh: bool, en: bool) -> String {
    let Some(value) = value else { return "?".into() };
    match value {
        CellValue::YesPartialNo(v) => match (zh, en) {
            (true, true) => format!("{} {}", v.zh(), v.code()),
            (true, false) => v.zh().to_string(),
            _ => v.code().to_string(),
        },
        CellValue::Price(p) => format!("{} {}", dim.currency, p.normalize()).trim().to_string(),
        CellValue::Number(n) if !dim.unit.is_empty() => format!("{} {}", n.normalize(), dim.unit),
        other => text(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::DimensionId;
    use crate::matrix::rule::Rule;

    pub(crate) fn dim(kind: DimensionKind) -> Dimension {
        Dimension {
            id: DimensionId::new(),
            group_id: "g".into(),
            name_zh: "测试".into(),
            name_en: "Test".into(),
            kind,
            currency: if kind == DimensionKind::Price { "CNY".into() } else { String::new() },
            unit: String::new(),
            choices: vec!["SaaS".into(), "私有部署".into()],
            weight: Decimal::ONE,
            rule: Rule::default_for(kind, Scale::ZeroTen),
            position: 0,
            hidden: false,
        }
    }

    #[test]
    fn each_type_takes_its_own_values_and_refuses_others() {
        let s = Scale::ZeroTen;
        assert_eq!(parse(&dim(DimensionKind::Score), s, " 7.5 "), Ok(Some(CellValue::Score(Decimal::new(75, 1)))));
        assert_eq!(parse(&dim(DimensionKind::Score), s, "").map(|v| v.is_none()), Ok(true), "empty is unknown");
        assert_eq!(parse(&dim(DimensionKind::Score), s, "0"), Ok(Some(CellValue::Score(Decimal::ZERO))), "zero is known");
        let (code, msg) = parse(&dim(DimensionKind::Score), s, "good").expect_err("text in a score cell");
        assert_eq!(code, FieldCode::InvalidNumber);
        assert!(msg.contains("is not a score"), "{msg}");
        assert_eq!(parse(&dim(DimensionKind::Score), s, "11").expect_err("range").0, FieldCode::OutOfRange);
        assert_eq!(parse(&dim(DimensionKind::Score), Scale::MinusTwoTwo, "-2"), Ok(Some(CellValue::Score(Decimal::from(-2)))));
        assert_eq!(parse(&dim(DimensionKind::YesPartialNo), s, "部分"), Ok(Some(CellValue::YesPartialNo(Ypn::Partial))));
        assert!(parse(&dim(DimensionKind::YesPartialNo), s, "maybe").is_err());
        assert_eq!(parse(&dim(DimensionKind::Price), s, "CNY 1,299.50"), Ok(Some(CellValue::Price(Decimal::new(12995, 1)))));
        assert_eq!(parse(&dim(DimensionKind::Price), s, "-5").expect_err("negative").0, FieldCode::Negative);
        assert_eq!(parse(&dim(DimensionKind::Choice), s, "私有部署"), Ok(Some(CellValue::Choice("私有部署".into()))));
        assert_eq!(parse(&dim(DimensionKind::Choice), s, "on-prem").expect_err("not listed").0, FieldCode::UnknownValue);
        assert_eq!(parse(&dim(DimensionKind::Text), s, &"长".repeat(501)).expect_err("long").0, FieldCode::TooLong);
    }
}
