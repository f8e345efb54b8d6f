//! Quote rules the user edits in Settings: customer-tier discounts, the cost-plus target
//! margin, discount-approval thresholds, the number pattern and the default validity. Kept as
//! one validated JSON value in the `settings` table.

use crate::error::{CoreError, CoreResult, FieldCode};
use crate::settings;
use crate::validate::Checker;
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;
use ts_rs::TS;

const KEY: &str = "quote.rules";

/// Who must approve a quote before it can be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ApprovalLevel {
    None,
    Manager,
    Director,
}

impl ApprovalLevel {
    pub fn code(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Manager => "manager",
            Self::Director => "director",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "none" => Some(Self::None),
            "manager" => Some(Self::Manager),
            "director" => Some(Self::Director),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct QuoteRules {
    /// Default line discount for customers of tier A, B and C (percent).
    #[ts(type = "string")]
    pub tier_a_discount_pct: Decimal,
    #[ts(type = "string")]
    pub tier_b_discount_pct: Decimal,
    #[ts(type = "string")]
    pub tier_c_discount_pct: Decimal,
    /// The cost-plus suggestion: 售价 = 成本 × (1 + 目标利润率).
    #[ts(type = "string")]
    pub target_margin_pct: Decimal,
    /// A discount (line, document, or both compounded) above this needs a manager…
    #[ts(type = "string")]
    pub manager_above_pct: Decimal,
    /// …and above this a director.
    #[ts(type = "string")]
    pub director_above_pct: Decimal,
    /// A margin below this always needs at least a manager.
    #[ts(type = "string")]
    pub margin_floor_pct: Decimal,
    /// `{yyyy}`, `{yy}`, `{mm}` and `{seq:N}` (N digits, zero-padded) are replaced.
    pub number_pattern: String,
    pub validity_days: u32,
}

impl Default for QuoteRules {
    fn default() -> Self {
        Self {
            tier_a_discount_pct: Decimal::from(8),
            tier_b_discount_pct: Decimal::from(5),
            tier_c_discount_pct: Decimal::ZERO,
            target_margin_pct: Decimal::from(35),
            manager_above_pct: Decimal::from(10),
            director_above_pct: Decimal::from(20),
            margin_floor_pct: Decimal::from(15),
            number_pattern: "Q-{yyyy}-{seq:4}".into(),
            validity_days: 30,
        }
    }
}

impl QuoteRules {
    pub fn tier_discount_pct(&self, tier: Option<&str>) -> Decimal {
        match tier {
            Some("A") => self.tier_a_discount_pct,
            Some("B") => self.tier_b_discount_pct,
            Some("C") => self.tier_c_discount_pct,
            _ => Decimal::ZERO,
        }
    }

    /// The approval a quote needs for its largest effective discount and its margin.
    pub fn required_level(&self, max_discount_pct: Decimal, margin_pct: Option<Decimal>) -> ApprovalLevel {
        let by_discount = if max_discount_pct > self.director_above_pct {
            ApprovalLevel::Director
        } else if max_discount_pct > self.manager_above_pct {
            ApprovalLevel::Manager
        } else {
            ApprovalLevel::None
        };
        let by_margin = match margin_pct {
            Some(m) if m < self.margin_floor_pct => ApprovalLevel::Manager,
            _ => ApprovalLevel::None,
        };
        by_discount.max(by_margin)
    }

    pub fn validate(&self) -> CoreResult<()> {
        let mut c = Checker::new();
        for (field, v) in [
            ("tier_a_discount_pct", self.tier_a_discount_pct),
            ("tier_b_discount_pct", self.tier_b_discount_pct),
            ("tier_c_discount_pct", self.tier_c_discount_pct),
            ("manager_above_pct", self.manager_above_pct),
            ("director_above_pct", self.director_above_pct),
            ("margin_floor_pct", self.margin_floor_pct),
        ] {
            c.percent(field, &v.to_string());
        }
        c.decimal("target_margin_pct", &self.target_margin_pct.to_string(), (Decimal::ZERO, Decimal::from(1000)), 2);
        if self.director_above_pct < self.manager_above_pct {
            c.fail("director_above_pct", FieldCode::OutOfRange, "must not be below the manager threshold");
        }
        if let Err(message) = check_pattern(&self.number_pattern) {
            c.fail("number_pattern", FieldCode::UnknownValue, message);
        }
        if !(1..=365).contains(&self.validity_days) {
            c.fail("validity_days", FieldCode::OutOfRange, "must be between 1 and 365");
        }
        c.finish()
    }
}

fn check_pattern(pattern: &str) -> Result<(), String> {
    let mut rest = pattern;
    let mut has_seq = false;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else { return Err(format!("'{pattern}' has an unclosed '{{'")) };
        let token = &rest[open + 1..open + close];
        match token {
            "yyyy" | "yy" | "mm" => {}
            t if t.strip_prefix("seq:").and_then(|n| n.parse::<u8>().ok()).is_some_and(|n| (1..=9).contains(&n)) => has_seq = true,
            t => return Err(format!("unknown placeholder {{{t}}}; use {{yyyy}}, {{yy}}, {{mm}} or {{seq:N}}")),
        }
        rest = &rest[open + close + 1..];
    }
    if !has_seq {
        return Err("needs a {seq:N} placeholder".into());
    }
    if pattern.chars().count() > 40 {
        return Err("is longer than 40 characters".into());
    }
    Ok(())
}

/// The number for sequence value `seq` in the year of `date`.
pub fn format_number(pattern: &str, date: NaiveDate, seq: u32) -> String {
    let mut out = String::new();
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else { break };
        let token = &rest[open + 1..open + close];
        match token {
            "yyyy" => out.push_str(&format!("{:04}", date.year())),
            "yy" => out.push_str(&format!("{:02}", date.year() % 100)),
            "mm" => out.push_str(&format!("{:02}", date.month())),
            t => {
                let width = t.strip_prefix("seq:").and_then(|n| n.parse::<usize>().ok()).unwrap_or(4);
                out.push_str(&format!("{seq:0width$}"));
            }
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

pub async fn load(conn: &mut SqliteConnection) -> CoreResult<QuoteRules> {
    match settings::get(conn, KEY).await? {
        None => Ok(QuoteRules::default()),
        Some(json) => serde_json::from_str(&json).map_err(|e| CoreError::BadRequest(format!("the saved quote rules are unreadable: {e}"))),
    }
}

pub async fn save(conn: &mut SqliteConnection, rules: &QuoteRules) -> CoreResult<()> {
    rules.validate()?;
    let json = serde_json::to_string(rules).map_err(|e| CoreError::BadRequest(e.to_string()))?;
    settings::put(conn, KEY, &json).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_pattern() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
        assert_eq!(format_number("Q-{yyyy}-{seq:4}", date, 7), "Q-2026-0007");
        assert_eq!(format_number("BJ{yy}{mm}-{seq:3}", date, 12), "BJ2611-012");
        assert_eq!(format_number("Q-{yyyy}-{seq:2}", date, 123), "Q-2026-123");
    }

    #[test]
    fn patterns_are_checked() {
        assert!(check_pattern("Q-{yyyy}-{seq:4}").is_ok());
        assert!(check_pattern("Q-{yyyy}").is_err());
        assert!(check_pattern("Q-{year}-{seq:4}").is_err());
        assert!(check_pattern("Q-{seq:4").is_err());
    }

    #[test]
    fn approval_levels_follow_the_thresholds() {
        let r = QuoteRules::default();
        let d = Decimal::from;
        assert_eq!(r.required_level(d(10), Some(d(40))), ApprovalLevel::None);
        assert_eq!(r.required_level(d(11), Some(d(40))), ApprovalLevel::Manager);
        assert_eq!(r.required_level(d(25), Some(d(40))), ApprovalLevel::Director);
        assert_eq!(r.required_level(d(0), Some(d(12))), ApprovalLevel::Manager);
        assert_eq!(r.required_level(d(25), Some(d(12))), ApprovalLevel::Director);
    }
}
