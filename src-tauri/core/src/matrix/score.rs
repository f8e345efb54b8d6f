//! Weighted scores and the ranking. Each scored dimension (a rule that scores, weight > 0)
//! maps a known cell to a score on the matrix scale (`rule::cell_score`); a competitor's
//! score is Σ wᵢ·sᵢ / Σ wᵢ over its KNOWN scored cells only — an unknown cell is left out of
//! both sums, never counted as 0 — and its coverage is known scored cells / scored
//! dimensions. Weights are shown normalised (wᵢ / Σ w over scored dimensions). Hidden rows
//! and columns still count (hiding is a view setting; weight 0 takes a dimension out).
//! Everything is exact; `super::display` rounds for display only.

use super::model::{CellValue, Competitor, Dimension, MatrixData};
use super::rule::{cell_score, RankContext, Rule};
use crate::ids::{CompetitorId, DimensionId};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionWeight {
    pub dimension_id: DimensionId,
    pub weight: Decimal,
    /// Share of the total weight of scored dimensions (0–1); zero for unscored ones.
    pub normalised: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreRow {
    pub competitor_id: CompetitorId,
    pub name: String,
    pub is_ours: bool,
    /// `None` when no scored cell is known.
    pub score: Option<Decimal>,
    pub known: u32,
    pub scored_dimensions: u32,
    /// known / scored dimensions × 100, exact.
    pub coverage_pct: Decimal,
    /// 1 = best; equal scores share a rank (1, 2, 2, 4); `None` without a score.
    pub rank: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranking {
    /// Best first; competitors without a score last, by name.
    pub rows: Vec<ScoreRow>,
    pub weights: Vec<DimensionWeight>,
}

impl Ranking {
    pub fn row(&self, id: CompetitorId) -> Option<&ScoreRow> {
        self.rows.iter().find(|r| r.competitor_id == id)
    }
}

/// The score of every known, scored cell (the heatmap's colours and the battlecard's wins).
pub fn cell_scores(data: &MatrixData) -> HashMap<(CompetitorId, DimensionId), Decimal> {
    let mut out = HashMap::new();
    for d in data.dimensions.iter().filter(|d| d.rule.scores()) {
        let column = column_scores(data, d, |_, c| data.value(c.id, d.id));
        for (c, s) in data.competitors.iter().zip(column) {
            if let Some(s) = s {
                out.insert((c.id, d.id), s);
            }
        }
    }
    out
}

/// One dimension's scores, competitor by competitor (data order), from each competitor's value
/// (`value_of(index, competitor)`); a rank rule ranks the known values of this column only.
pub fn column_scores<'a>(data: &MatrixData, d: &Dimension, value_of: impl Fn(usize, &Competitor) -> Option<&'a CellValue>) -> Vec<Option<Decimal>> {
    if !d.rule.scores() {
        return vec![None; data.competitors.len()];
    }
    let values: Vec<Option<&CellValue>> = data.competitors.iter().enumerate().map(|(i, c)| value_of(i, c)).collect();
    let ctx = match &d.rule {
        Rule::Rank { better } => RankContext::new(
            values.iter().filter_map(|v| match v {
                Some(CellValue::Price(v) | CellValue::Number(v)) => Some(*v),
                _ => None,
            }),
            *better,
        ),
        _ => RankContext::default(),
    };
    values.into_iter().map(|v| v.and_then(|v| cell_score(&d.rule, v, data.matrix.scale, &ctx))).collect()
}

pub fn rank(data: &MatrixData) -> Ranking {
    rank_from(data, &cell_scores(data))
}

/// The ranking from cell scores already computed by [`cell_scores`] (the window needs both).
pub fn rank_from(data: &MatrixData, scores: &HashMap<(CompetitorId, DimensionId), Decimal>) -> Ranking {
    rank_with(data, |ci, di| scores.get(&(data.competitors[ci].id, data.dimensions[di].id)).copied())
}

/// The ranking from a cell score lookup by competitor and dimension index (data order).
pub fn rank_with(data: &MatrixData, score_of: impl Fn(usize, usize) -> Option<Decimal>) -> Ranking {
    let scored: Vec<(usize, &Dimension)> = data.dimensions.iter().enumerate().filter(|(_, d)| d.rule.scores() && d.weight > Decimal::ZERO).collect();
    let total: Decimal = scored.iter().map(|(_, d)| d.weight).sum();
    let weights = data
        .dimensions
        .iter()
        .map(|d| {
            let counts = d.rule.scores() && d.weight > Decimal::ZERO && !total.is_zero();
            DimensionWeight { dimension_id: d.id, weight: d.weight, normalised: if counts { d.weight / total } else { Decimal::ZERO } }
        })
        .collect();
    let n = scored.len() as u32;
    let mut rows: Vec<ScoreRow> = data
        .competitors
        .iter()
        .enumerate()
        .map(|(ci, c)| {
            let (mut sum_ws, mut sum_w, mut known) = (Decimal::ZERO, Decimal::ZERO, 0u32);
            for (di, d) in &scored {
                if let Some(s) = score_of(ci, *di) {
                    sum_ws += d.weight * s;
                    sum_w += d.weight;
                    known += 1;
                }
            }
            let coverage_pct = if n == 0 { Decimal::ZERO } else { Decimal::from(known) * Decimal::ONE_HUNDRED / Decimal::from(n) };
            ScoreRow {
                competitor_id: c.id,
                name: c.name.clone(),
                is_ours: c.is_ours,
                score: (!sum_w.is_zero()).then(|| sum_ws / sum_w),
                known,
                scored_dimensions: n,
                coverage_pct,
                rank: None,
            }
        })
        .collect();
    rows.sort_by(|a, b| match (a.score, b.score) {
        (Some(x), Some(y)) => y.cmp(&x).then_with(|| a.name.cmp(&b.name)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.name.cmp(&b.name),
    });
    let mut previous: Option<(Decimal, u32)> = None;
    for (i, row) in rows.iter_mut().enumerate() {
        if let Some(s) = row.score {
            let r = match previous {
                Some((p, r)) if p == s => r,
                _ => i as u32 + 1,
            };
            row.rank = Some(r);
            previous = Some((s, r));
        }
    }
    Ranking { rows, weights }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::ids::MatrixId;
    use crate::matrix::model::*;
    use crate::matrix::rule::Better;
    use std::str::FromStr;

    pub(crate) fn d(v: &str) -> Decimal {
        Decimal::from_str(v).expect("decimal")
    }

    pub(crate) fn dimension(name: &str, kind: DimensionKind, weight: &str, rule: Rule, position: i64) -> Dimension {
        Dimension {
            id: DimensionId::new(),
            group_id: "g1".into(),
            name_zh: String::new(),
            name_en: name.into(),
            kind,
            currency: if kind == DimensionKind::Price { "CNY".into() } else { String::new() },
            unit: String::new(),
            choices: vec![],
            weight: d(weight),
            rule,
            position,
            hidden: false,
        }
    }

    pub(crate) fn competitor(name: &str, is_ours: bool, position: i64) -> Competitor {
        Competitor { id: CompetitorId::new(), name: name.into(), is_ours, position, hidden: false }
    }

    pub(crate) fn empty(scale: Scale) -> MatrixData {
        MatrixData {
            matrix: Matrix { id: MatrixId::new(), name: "t".into(), owner: String::new(), scale, stale_after_days: 90 },
            groups: vec![Group { id: "g1".into(), seed: Some("features".into()), name_zh: "产品功能".into(), name_en: "Product features".into(), position: 0 }],
            dimensions: vec![],
            competitors: vec![],
            cells: HashMap::new(),
        }
    }

    pub(crate) fn set(m: &mut MatrixData, c: usize, dim: usize, v: CellValue) {
        let key = (m.competitors[c].id, m.dimensions[dim].id);
        m.cells.insert(key, Cell { value: Some(v), evidence: Evidence::default() });
    }

    /// Hand-checked: weights 3, 1, 1 (normalised 0.6, 0.2, 0.2).
    /// A: 8 (w3), yes→10 (w1), price 100 (cheapest by rank → 10)  = (24+10+10)/5 = 8.8
    /// B: 6 (w3), unknown,     price 200 (→ 0)                    = (18+0)/4   = 4.5, coverage 2/3
    /// C: unknown everywhere                                       → no score, coverage 0
    #[test]
    fn weighted_score_over_known_cells_only_with_coverage_and_ties() {
        let mut m = empty(Scale::ZeroTen);
        m.dimensions = vec![
            dimension("Feature", DimensionKind::Score, "3", Rule::Direct, 0),
            dimension("SSO", DimensionKind::YesPartialNo, "1", Rule::default_for(DimensionKind::YesPartialNo, Scale::ZeroTen), 1),
            dimension("Price", DimensionKind::Price, "1", Rule::Rank { better: Better::Lower }, 2),
            dimension("Notes", DimensionKind::Text, "5", Rule::None, 3),
        ];
        m.competitors = vec![competitor("A", true, 0), competitor("B", false, 1), competitor("C", false, 2)];
        set(&mut m, 0, 0, CellValue::Score(d("8")));
        set(&mut m, 0, 1, CellValue::YesPartialNo(Ypn::Yes));
        set(&mut m, 0, 2, CellValue::Price(d("100")));
        set(&mut m, 0, 3, CellValue::Text("strong".into()));
        set(&mut m, 1, 0, CellValue::Score(d("6")));
        set(&mut m, 1, 2, CellValue::Price(d("200")));
        let r = rank(&m);
        assert_eq!(r.weights.iter().map(|w| w.normalised).collect::<Vec<_>>(), vec![d("0.6"), d("0.2"), d("0.2"), d("0")]);
        let names: Vec<&str> = r.rows.iter().map(|x| x.name.as_str()).collect();
        assert_eq!(names, ["A", "B", "C"]);
        assert_eq!(r.rows[0].score, Some(d("8.8")));
        assert_eq!(r.rows[1].score, Some(d("4.5")), "the unknown SSO cell is not a zero");
        assert_eq!(crate::matrix::display(r.rows[1].coverage_pct, 1), "66.7");
        assert_eq!((r.rows[2].score, r.rows[2].rank, r.rows[2].coverage_pct), (None, None, d("0")));
        // Zero is known: B's SSO = no scores 0 and lowers B to (18 + 0 + 0) / 5 = 3.6.
        set(&mut m, 1, 1, CellValue::YesPartialNo(Ypn::No));
        assert_eq!(rank(&m).rows[1].score, Some(d("3.6")));
        // A weight change moves the ranking: with Feature at 0, A = 10, B = 0 … and ties share a rank.
        m.dimensions[0].weight = d("0");
        set(&mut m, 1, 1, CellValue::YesPartialNo(Ypn::Yes));
        set(&mut m, 1, 2, CellValue::Price(d("100")));
        let r = rank(&m);
        assert_eq!((r.rows[0].rank, r.rows[1].rank), (Some(1), Some(1)));
        assert_eq!(r.rows[0].score, Some(d("10")));
    }
}
