//! Revenue targets (年度→季度→月度) for the team and each owner, and the marketing and sales
//! cost of a period (for CAC). Users set targets at any level; the others follow:
//!
//! - a period with its own row uses it;
//! - otherwise, when every one of its parts (a year's or half's quarters, a quarter's months)
//!   resolves from its own rows or their parts, it is their sum;
//! - otherwise it takes a share of its parent (a month of its quarter, a quarter of its year):
//!   what is left of the parent after the siblings with their own rows, split evenly among the
//!   siblings without, rounded half away from zero to the currency's minor units. The last such
//!   sibling takes the rounding remainder, so the parts always add up to the parent exactly.
//!
//! Costs have no breakdown from above (a month's spend is not a twelfth of the year's): a
//! period's cost is its own row or the sum of its parts' rows, or unknown.

use super::Period;
use crate::clock;
use crate::error::FieldCode;
use crate::ids::new_row_id;
use crate::money::round_to_minor_units;
use crate::validate::Checker;
use crate::CoreResult;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use sqlx::{Row, SqliteConnection};
use std::collections::HashMap;
use ts_rs::TS;

/// One period of a breakdown, with whether the user set it or it follows from others.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TargetCell {
    pub period: String,
    #[ts(type = "string | null")]
    pub amount: Option<Decimal>,
    pub explicit: bool,
}

/// A year's targets for one owner (`""` = the team): the year, its quarters, its months.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TargetBreakdown {
    pub year: i32,
    pub owner: String,
    pub currency: String,
    pub year_target: TargetCell,
    pub quarters: Vec<TargetCell>,
    pub months: Vec<TargetCell>,
}

/// Sets (`amount` given) or clears (`None`) the target of one period and owner.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[ts(export)]
pub struct TargetInput {
    pub period: String,
    pub owner: String,
    pub currency: String,
    pub amount: Option<String>,
}

/// The explicit targets of one owner and currency, by period label.
#[derive(Debug, Clone, Default)]
pub struct Targets {
    explicit: HashMap<String, Decimal>,
    currency: String,
}

impl Targets {
    pub fn new(currency: &str, explicit: HashMap<String, Decimal>) -> Self {
        Self { explicit, currency: currency.to_string() }
    }

    /// The target of `p` by the rules in the module header; `None` when nothing determines it.
    pub fn resolve(&self, p: &Period) -> Option<Decimal> {
        self.from_parts(p).or_else(|| match p.kind {
            // A half is not a level of the breakdown: it is the sum of its two quarters.
            super::period::PeriodKind::Half => p.children().iter().map(|q| self.resolve(q)).sum(),
            _ => self.from_parent(p),
        })
    }

    fn from_parts(&self, p: &Period) -> Option<Decimal> {
        if let Some(v) = self.explicit.get(&p.label()) {
            return Some(*v);
        }
        let parts = p.children();
        if parts.is_empty() {
            return None;
        }
        parts.iter().map(|c| self.from_parts(c)).sum()
    }

    fn from_parent(&self, p: &Period) -> Option<Decimal> {
        let parent = p.parent()?;
        let total = self.resolve(&parent)?;
        let siblings = parent.children();
        let own: Vec<Option<Decimal>> = siblings.iter().map(|s| self.from_parts(s)).collect();
        let open: Vec<usize> = own.iter().enumerate().filter(|(_, v)| v.is_none()).map(|(i, _)| i).collect();
        let position = siblings.iter().position(|s| s == p)?;
        let rest = (total - own.iter().flatten().sum::<Decimal>()).max(Decimal::ZERO);
        let share = round_to_minor_units(rest / Decimal::from(open.len().max(1)), &self.currency);
        if open.last() == Some(&position) {
            // The remainder, so the parts add up to the parent exactly.
            Some(rest - share * Decimal::from(open.len() - 1))
        } else {
            Some(share)
        }
    }

    fn cell(&self, p: &Period) -> TargetCell {
        TargetCell { period: p.label(), amount: self.resolve(p), explicit: self.explicit.contains_key(&p.label()) }
    }
}

async fn explicit(conn: &mut SqliteConnection, owner: &str, currency: &str) -> CoreResult<HashMap<String, Decimal>> {
    let rows = sqlx::query("SELECT period, amount FROM sales_targets WHERE owner = ? AND currency = ?")
        .bind(owner)
        .bind(currency)
        .fetch_all(&mut *conn)
        .await?;
    let mut out = HashMap::new();
    for r in &rows {
        out.insert(r.try_get::<String, _>("period")?, crate::store::row::decimal(r, "amount")?);
    }
    Ok(out)
}

/// The targets of `owner` (`""` = team) in `currency`, ready to resolve.
pub async fn load(conn: &mut SqliteConnection, owner: &str, currency: &str) -> CoreResult<Targets> {
    Ok(Targets::new(currency, explicit(conn, owner, currency).await?))
}

/// A year's breakdown for the targets editor.
pub async fn breakdown(conn: &mut SqliteConnection, year: i32, owner: &str, currency: &str) -> CoreResult<TargetBreakdown> {
    let period = Period::parse(&year.to_string())?;
    let t = load(conn, owner.trim(), currency).await?;
    let quarters = period.children();
    let months: Vec<Period> = quarters.iter().flat_map(Period::children).collect();
    Ok(TargetBreakdown {
        year,
        owner: owner.trim().to_string(),
        currency: currency.to_string(),
        year_target: t.cell(&period),
        quarters: quarters.iter().map(|q| t.cell(q)).collect(),
        months: months.iter().map(|m| t.cell(m)).collect(),
    })
}

/// Sets or clears one target. Fields: `period`, `owner`, `currency`, `amount`.
pub async fn set(conn: &mut SqliteConnection, input: &TargetInput) -> CoreResult<()> {
    let mut c = Checker::new();
    let currency = c.currency("currency", &input.currency);
    let owner = c.text("owner", &input.owner, 100, false);
    let period = Period::parse(&input.period);
    if period.is_err() {
        c.fail("period", FieldCode::InvalidDate, format!("'{}' is not a period ({})", crate::validate::truncate(&input.period), super::period::ALLOWED));
    }
    let places = crate::money::minor_units(&currency).unwrap_or(2);
    let amount = input.amount.as_deref().map(|a| c.decimal("amount", a, (Decimal::ZERO, Decimal::from(10_i64.pow(15))), places));
    c.finish()?;
    let Ok(period) = period else { return Ok(()) };
    match amount.flatten() {
        Some(amount) => {
            let now = clock::now();
            sqlx::query(
                "INSERT INTO sales_targets (id, period, owner, currency, amount, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                 ON CONFLICT (period, owner, currency) DO UPDATE SET amount = excluded.amount, updated_at = excluded.updated_at",
            )
            .bind(new_row_id())
            .bind(period.label())
            .bind(&owner)
            .bind(&currency)
            .bind(crate::money::with_minor_units(amount, &currency).to_string())
            .bind(&now)
            .bind(&now)
            .execute(&mut *conn)
            .await?;
        }
        None => {
            sqlx::query("DELETE FROM sales_targets WHERE period = ? AND owner = ? AND currency = ?")
                .bind(period.label())
                .bind(&owner)
                .bind(&currency)
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(())
}

/// Marketing and sales cost of a period.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Costs {
    #[ts(type = "string")]
    pub marketing: Decimal,
    #[ts(type = "string")]
    pub sales: Decimal,
}

#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[ts(export)]
pub struct CostInput {
    pub period: String,
    pub currency: String,
    pub marketing_cost: String,
    pub sales_cost: String,
}

/// Every cost row of `currency`, by period label.
pub async fn load_costs(conn: &mut SqliteConnection, currency: &str) -> CoreResult<HashMap<String, Costs>> {
    let rows = sqlx::query("SELECT period, marketing_cost, sales_cost FROM period_costs WHERE currency = ?").bind(currency).fetch_all(&mut *conn).await?;
    let mut out = HashMap::new();
    for r in &rows {
        let costs = Costs { marketing: crate::store::row::decimal(r, "marketing_cost")?, sales: crate::store::row::decimal(r, "sales_cost")? };
        out.insert(r.try_get::<String, _>("period")?, costs);
    }
    Ok(out)
}

/// The cost of `p`: its own row, else the sum of its parts when every part is known.
pub fn resolve_costs(rows: &HashMap<String, Costs>, p: &Period) -> Option<Costs> {
    if let Some(c) = rows.get(&p.label()) {
        return Some(*c);
    }
    let parts = p.children();
    if parts.is_empty() {
        return None;
    }
    parts.iter().try_fold(Costs { marketing: Decimal::ZERO, sales: Decimal::ZERO }, |acc, part| {
        let c = resolve_costs(rows, part)?;
        Some(Costs { marketing: acc.marketing + c.marketing, sales: acc.sales + c.sales })
    })
}

/// Sets the cost of one period (both amounts required, ≥ 0).
pub async fn set_costs(conn: &mut SqliteConnection, input: &CostInput) -> CoreResult<()> {
    let mut c = Checker::new();
    let currency = c.currency("currency", &input.currency);
    let places = crate::money::minor_units(&currency).unwrap_or(2);
    let range = (Decimal::ZERO, Decimal::from(10_i64.pow(15)));
    let marketing = c.decimal("marketing_cost", &input.marketing_cost, range, places);
    let sales = c.decimal("sales_cost", &input.sales_cost, range, places);
    let period = Period::parse(&input.period);
    if period.is_err() {
        c.fail("period", FieldCode::InvalidDate, format!("'{}' is not a period ({})", crate::validate::truncate(&input.period), super::period::ALLOWED));
    }
    c.finish()?;
    let (Ok(period), Some(marketing), Some(sales)) = (period, marketing, sales) else { return Ok(()) };
    let now = clock::now();
    let money = |d: Decimal| crate::money::with_minor_units(d, &currency).to_string();
    sqlx::query(
        "INSERT INTO period_costs (id, period, currency, marketing_cost, sales_cost, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (period, currency) DO UPDATE SET marketing_cost = excluded.marketing_cost, sales_cost = excluded.sales_cost, updated_at = excluded.updated_at",
    )
    .bind(new_row_id())
    .bind(period.label())
    .bind(&currency)
    .bind(money(marketing))
    .bind(money(sales))
    .bind(&now)
    .bind(&now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().expect("decimal")
    }

    fn p(s: &str) -> Period {
        Period::parse(s).expect("period")
    }

    fn targets(rows: &[(&str, &str)]) -> Targets {
        Targets::new("CNY", rows.iter().map(|(k, v)| (k.to_string(), d(v))).collect())
    }

    #[test]
    fn a_year_target_splits_evenly_and_the_parts_add_up_exactly() {
        // 1,000,000 / 4 = 250,000 a quarter; 250,000 / 3 = 83,333.33, the third month 83,333.34.
        let t = targets(&[("2026", "1000000")]);
        assert_eq!(t.resolve(&p("2026-Q2")), Some(d("250000")));
        assert_eq!(t.resolve(&p("2026-04")), Some(d("83333.33")));
        assert_eq!(t.resolve(&p("2026-05")), Some(d("83333.33")));
        assert_eq!(t.resolve(&p("2026-06")), Some(d("83333.34")));
        let months: Decimal = p("2026").children().iter().flat_map(Period::children).filter_map(|m| t.resolve(&m)).sum();
        assert_eq!(months, d("1000000"));
        assert_eq!(t.resolve(&p("2026-H1")), Some(d("500000")));
    }

    #[test]
    fn a_set_quarter_takes_its_share_and_the_rest_is_split_among_the_others() {
        // Year 1,200,000 with Q1 set to 600,000: Q2–Q4 share the remaining 600,000.
        let t = targets(&[("2026", "1200000"), ("2026-Q1", "600000")]);
        assert_eq!(t.resolve(&p("2026-Q1")), Some(d("600000")));
        assert_eq!(t.resolve(&p("2026-Q3")), Some(d("200000")));
        assert_eq!(t.resolve(&p("2026-01")), Some(d("200000")));
    }

    #[test]
    fn months_set_without_a_year_add_up_to_their_quarter_and_nothing_is_invented() {
        let t = targets(&[("2026-01", "10"), ("2026-02", "20"), ("2026-03", "30")]);
        assert_eq!(t.resolve(&p("2026-Q1")), Some(d("60")));
        assert_eq!(t.resolve(&p("2026-Q2")), None);
        assert_eq!(t.resolve(&p("2026")), None, "three quarters are unknown");
    }

    #[test]
    fn costs_add_up_from_their_parts_only() {
        let rows: HashMap<String, Costs> = [("2026-07", "100", "50"), ("2026-08", "100", "50"), ("2026-09", "100", "60")]
            .iter()
            .map(|(k, m, s)| (k.to_string(), Costs { marketing: d(m), sales: d(s) }))
            .collect();
        assert_eq!(resolve_costs(&rows, &p("2026-Q3")), Some(Costs { marketing: d("300"), sales: d("160") }));
        assert_eq!(resolve_costs(&rows, &p("2026-10")), None);
        assert_eq!(resolve_costs(&rows, &p("2026")), None);
    }
}
