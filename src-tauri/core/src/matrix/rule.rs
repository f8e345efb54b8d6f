//! How a cell becomes a score on the matrix scale, set per dimension, and the rule's text form
//! (stored in `matrix_dimensions.rule` and in files; syntax in docs/matrix.md):
//!
//! - score cells are their own score (`""`);
//! - yes/partial/no: `yes=10;partial=5;no=0` (default: max, midpoint, min of the scale);
//! - price or number on a range: `lower_better;min=100;max=500` — linear between the
//!   bounds, clamped, the better end scores the scale's max;
//! - price or number by rank: `lower_better;rank` (default for price; `higher_better;rank`
//!   for numbers) — the distinct known values are ranked, the best scores max, the worst
//!   min, linear in between; equal values share a score; one value alone scores max;
//! - choice: `Enterprise=10;SMB=4` (a choice without a score is not scored);
//! - `none`: not scored (the default for text and for choice without a mapping).

use super::model::{CellValue, DimensionKind, Scale, Ypn};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Better {
    Lower,
    Higher,
}

impl Better {
    fn code(self) -> &'static str {
        match self {
            Self::Lower => "lower_better",
            Self::Higher => "higher_better",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// A score cell is its own score.
    Direct,
    None,
    YesPartialNo { yes: Decimal, partial: Decimal, no: Decimal },
    Range { better: Better, min: Decimal, max: Decimal },
    Rank { better: Better },
    Choice(Vec<(String, Decimal)>),
}

impl Rule {
    pub fn default_for(kind: DimensionKind, scale: Scale) -> Self {
        match kind {
            DimensionKind::Score => Self::Direct,
            DimensionKind::YesPartialNo => Self::YesPartialNo { yes: scale.max(), partial: scale.mid(), no: scale.min() },
            DimensionKind::Price => Self::Rank { better: Better::Lower },
            DimensionKind::Number => Self::Rank { better: Better::Higher },
            DimensionKind::Text | DimensionKind::Choice => Self::None,
        }
    }

    /// Whether cells of this dimension count in scores and score coverage.
    pub fn scores(&self) -> bool {
        !matches!(self, Self::None)
    }

    /// The text form; `parse` reads it back to the same rule.
    pub fn text(&self) -> String {
        match self {
            Self::Direct => String::new(),
            Self::None => "none".into(),
            Self::YesPartialNo { yes, partial, no } => format!("yes={yes};partial={partial};no={no}"),
            Self::Range { better, min, max } => format!("{};min={min};max={max}", better.code()),
            Self::Rank { better } => format!("{};rank", better.code()),
            Self::Choice(map) => map.iter().map(|(c, s)| format!("{c}={s}")).collect::<Vec<_>>().join(";"),
        }
    }

    /// Parses the text form for a dimension of `kind`; empty means the default. The error says
    /// what is wrong in words a user can act on.
    pub fn parse(text: &str, kind: DimensionKind, scale: Scale, choices: &[String]) -> Result<Self, String> {
        let t = text.trim();
        if t.is_empty() {
            return Ok(Self::default_for(kind, scale));
        }
        if t.eq_ignore_ascii_case("none") {
            return Ok(Self::None);
        }
        let score = |v: &str| -> Result<Decimal, String> {
            let d = Decimal::from_str(v.trim()).map_err(|_| format!("'{}' is not a number", v.trim()))?.normalize();
            if d < scale.min() || d > scale.max() {
                return Err(format!("score {d} is outside the scale {}", scale.label()));
            }
            Ok(d)
        };
        let parts: Vec<&str> = t.split(';').map(str::trim).filter(|p| !p.is_empty()).collect();
        match kind {
            DimensionKind::Score => Err(format!("a score dimension takes no rule (got '{t}')")),
            DimensionKind::Text => Err(format!("a text dimension is not scored; its rule must be empty or none (got '{t}')")),
            DimensionKind::YesPartialNo => {
                let (mut yes, mut partial, mut no) = (None, None, None);
                for p in parts {
                    let (k, v) = p.split_once('=').ok_or_else(|| format!("'{p}' is not key=score"))?;
                    let slot = match Ypn::parse(k) {
                        Some(Ypn::Yes) => &mut yes,
                        Some(Ypn::Partial) => &mut partial,
                        Some(Ypn::No) => &mut no,
                        None => return Err(format!("'{}' is not yes, partial or no", k.trim())),
                    };
                    *slot = Some(score(v)?);
                }
                match (yes, partial, no) {
                    (Some(yes), Some(partial), Some(no)) => Ok(Self::YesPartialNo { yes, partial, no }),
                    _ => Err("give a score for each of yes, partial and no (yes=10;partial=5;no=0)".into()),
                }
            }
            DimensionKind::Price | DimensionKind::Number => {
                let better = match parts.first().copied() {
                    Some("lower_better") => Better::Lower,
                    Some("higher_better") => Better::Higher,
                    _ => return Err(format!("'{t}' must start with lower_better or higher_better")),
                };
                if parts.len() == 2 && parts[1] == "rank" {
                    return Ok(Self::Rank { better });
                }
                let (mut min, mut max) = (None, None);
                for p in &parts[1..] {
                    let (k, v) = p.split_once('=').ok_or_else(|| format!("'{p}' is not min=… or max=… (or rank)"))?;
                    let d = Decimal::from_str(v.trim()).map_err(|_| format!("'{}' is not a number", v.trim()))?.normalize();
                    match k.trim() {
                        "min" => min = Some(d),
                        "max" => max = Some(d),
                        other => return Err(format!("'{other}' is not min or max")),
                    }
                }
                match (min, max) {
                    (Some(min), Some(max)) if min < max => Ok(Self::Range { better, min, max }),
                    (Some(_), Some(_)) => Err("min must be below max".into()),
                    _ => Err("give rank, or both min=… and max=…".into()),
                }
            }
            DimensionKind::Choice => {
                let mut map = Vec::new();
                for p in parts {
                    let (k, v) = p.rsplit_once('=').ok_or_else(|| format!("'{p}' is not choice=score"))?;
                    let k = k.trim();
                    if !choices.iter().any(|c| c == k) {
                        return Err(format!("'{k}' is not one of the choices ({})", choices.join(", ")));
                    }
                    map.push((k.to_string(), score(v)?));
                }
                Ok(Self::Choice(map))
            }
        }
    }
}

/// What ranking needs to know about one dimension: its distinct known values, best first.
#[derive(Debug, Clone, Default)]
pub struct RankContext {
    pub best_first: Vec<Decimal>,
}

impl RankContext {
    pub fn new(values: impl Iterator<Item = Decimal>, better: Better) -> Self {
        let mut v: Vec<Decimal> = values.map(|d| d.normalize()).collect();
        v.sort();
        v.dedup();
        if better == Better::Higher {
            v.reverse();
        }
        Self { best_first: v }
    }
}

/// The score of a known value on the matrix scale, or `None` when the rule does not score it.
pub fn cell_score(rule: &Rule, value: &CellValue, scale: Scale, rank: &RankContext) -> Option<Decimal> {
    let (lo, hi) = (scale.min(), scale.max());
    match (rule, value) {
        (Rule::Direct, CellValue::Score(s)) => Some(*s),
        (Rule::YesPartialNo { yes, partial, no }, CellValue::YesPartialNo(v)) => Some(match v {
            Ypn::Yes => *yes,
            Ypn::Partial => *partial,
            Ypn::No => *no,
        }),
        (Rule::Range { better, min, max }, CellValue::Price(v) | CellValue::Number(v)) => {
            let t = ((*v - *min) / (*max - *min)).clamp(Decimal::ZERO, Decimal::ONE);
            Some(match better {
                Better::Higher => lo + t * (hi - lo),
                Better::Lower => hi - t * (hi - lo),
            })
        }
        (Rule::Rank { .. }, CellValue::Price(v) | CellValue::Number(v)) => {
            let n = rank.best_first.len();
            let r = rank.best_first.iter().position(|x| *x == v.normalize())?;
            if n <= 1 {
                return Some(hi);
            }
            Some(hi - (hi - lo) * Decimal::from(r as u64) / Decimal::from((n - 1) as u64))
        }
        (Rule::Choice(map), CellValue::Choice(c)) => map.iter().find(|(k, _)| k == c).map(|(_, s)| *s),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(v: &str) -> Decimal {
        Decimal::from_str(v).expect("decimal")
    }

    #[test]
    fn text_forms_read_back_to_the_same_rule() {
        let choices = vec!["SMB".to_string(), "Enterprise".to_string()];
        for (kind, text) in [
            (DimensionKind::YesPartialNo, "yes=10;partial=6;no=0"),
            (DimensionKind::Price, "lower_better;min=100;max=500"),
            (DimensionKind::Number, "higher_better;rank"),
            (DimensionKind::Choice, "SMB=4;Enterprise=10"),
            (DimensionKind::Text, "none"),
        ] {
            let rule = Rule::parse(text, kind, Scale::ZeroTen, &choices).expect(text);
            assert_eq!(rule.text(), text);
        }
    }

    #[test]
    fn bad_rules_say_what_is_wrong() {
        let err = Rule::parse("yes=12;partial=5;no=0", DimensionKind::YesPartialNo, Scale::ZeroTen, &[]).expect_err("12 > 10");
        assert!(err.contains("outside the scale 0-10"), "{err}");
        let err = Rule::parse("lower_better;min=5;max=5", DimensionKind::Price, Scale::ZeroTen, &[]).expect_err("empty range");
        assert!(err.contains("min must be below max"), "{err}");
        assert!(Rule::parse("lower_better", DimensionKind::Price, Scale::ZeroTen, &[]).is_err());
    }

    #[test]
    fn lower_price_scores_higher_on_a_range_and_by_rank() {
        let range = Rule::Range { better: Better::Lower, min: d("100"), max: d("500") };
        let none = RankContext::default();
        assert_eq!(cell_score(&range, &CellValue::Price(d("100")), Scale::ZeroTen, &none), Some(d("10")));
        assert_eq!(cell_score(&range, &CellValue::Price(d("300")), Scale::ZeroTen, &none), Some(d("5")));
        assert_eq!(cell_score(&range, &CellValue::Price(d("900")), Scale::ZeroTen, &none), Some(d("0")), "clamped");
        let rank = Rule::Rank { better: Better::Lower };
        let ctx = RankContext::new([d("199"), d("99"), d("299"), d("199.00")].into_iter(), Better::Lower);
        assert_eq!(cell_score(&rank, &CellValue::Price(d("99")), Scale::MinusTwoTwo, &ctx), Some(d("2")));
        assert_eq!(cell_score(&rank, &CellValue::Price(d("199")), Scale::MinusTwoTwo, &ctx), Some(d("0")), "ties share, middle of three");
        assert_eq!(cell_score(&rank, &CellValue::Price(d("299")), Scale::MinusTwoTwo, &ctx), Some(d("-2")));
    }
}
