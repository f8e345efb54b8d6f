//! Quote arithmetic: line amounts, document discount, tax per rate, total and the internal
//! margin, for tax-exclusive and tax-inclusive prices. Pure functions over `Decimal`.
//!
//! Rounding (half away from zero, to the currency's minor units) happens at exactly these
//! points, so every printed figure adds up:
//! - each line amount: `round(quantity × unit price × (1 − line discount))`;
//! - subtotal = the sum of the rounded line amounts (never re-rounded);
//! - document discount: `round(subtotal × document discount)`;
//! - tax, once per rate, on that rate's share of the discounted subtotal:
//!   exclusive `round(base × rate)`, inclusive `round(gross × rate / (1 + rate))`;
//! - exclusive: total = subtotal − discount + Σ tax; inclusive: total = subtotal − discount
//!   (the tax is inside it) and the net is total − Σ tax.
//!
//! Percentages are in percent (10 = 10%).

use crate::money::round_to_minor_units;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What the arithmetic needs from a line.
#[derive(Debug, Clone, PartialEq)]
pub struct PricedLine {
    pub quantity: Decimal,
    pub unit_price: Decimal,
    pub discount_pct: Decimal,
    pub tax_rate_pct: Decimal,
    pub unit_cost: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LineTotals {
    /// quantity × unit price, before the line discount (not rounded).
    #[ts(type = "string")]
    pub gross: Decimal,
    /// The printed line amount: after the line discount, rounded; tax-inclusive when the
    /// quote's prices are.
    #[ts(type = "string")]
    pub amount: Decimal,
    /// Internal: cost of the line (quantity × unit cost, rounded).
    #[ts(type = "string")]
    pub cost: Decimal,
    /// Internal: the line's share of the net (after both discounts, without tax) minus its cost.
    #[ts(type = "string")]
    pub margin: Decimal,
    /// Internal: margin as a percent of the line's net, two decimals; `None` for a zero net.
    #[ts(type = "string | null")]
    pub margin_pct: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TaxLine {
    #[ts(type = "string")]
    pub rate_pct: Decimal,
    /// The taxable amount at this rate after the document discount, without tax.
    #[ts(type = "string")]
    pub base: Decimal,
    #[ts(type = "string")]
    pub tax: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Totals {
    pub lines: Vec<LineTotals>,
    /// Sum of the line amounts.
    #[ts(type = "string")]
    pub subtotal: Decimal,
    /// The document discount's amount.
    #[ts(type = "string")]
    pub discount: Decimal,
    /// After discounts, without tax.
    #[ts(type = "string")]
    pub net: Decimal,
    /// One entry per tax rate, in ascending rate order.
    pub taxes: Vec<TaxLine>,
    #[ts(type = "string")]
    pub total: Decimal,
    /// Internal figures, never printed.
    #[ts(type = "string")]
    pub cost: Decimal,
    #[ts(type = "string")]
    pub margin: Decimal,
    #[ts(type = "string | null")]
    pub margin_pct: Option<Decimal>,
}

fn pct(value: Decimal) -> Decimal {
    value / Decimal::ONE_HUNDRED
}

fn percent_of(part: Decimal, whole: Decimal) -> Option<Decimal> {
    if whole.is_zero() {
        None
    } else {
        Some((part / whole * Decimal::ONE_HUNDRED).round_dp(2))
    }
}

/// Computes a quote's totals. `discount_pct` is the document discount; `tax_inclusive` says
/// whether unit prices include tax.
pub fn compute(lines: &[PricedLine], discount_pct: Decimal, tax_inclusive: bool, currency: &str) -> Totals {
    let round = |d: Decimal| round_to_minor_units(d, currency);
    let keep = Decimal::ONE - pct(discount_pct);

    let mut subtotal = round(Decimal::ZERO);
    let mut by_rate: Vec<(Decimal, Decimal)> = Vec::new();
    let mut line_totals = Vec::with_capacity(lines.len());
    for line in lines {
        let gross = line.quantity * line.unit_price;
        let amount = round(gross * (Decimal::ONE - pct(line.discount_pct)));
        subtotal += amount;
        match by_rate.iter_mut().find(|(rate, _)| *rate == line.tax_rate_pct) {
            Some((_, sum)) => *sum += amount,
            None => by_rate.push((line.tax_rate_pct, amount)),
        }
        let net = if tax_inclusive { amount / (Decimal::ONE + pct(line.tax_rate_pct)) } else { amount } * keep;
        let cost = round(line.quantity * line.unit_cost);
        let margin = round(net) - cost;
        line_totals.push(LineTotals { gross, amount, cost, margin, margin_pct: percent_of(margin, net) });
    }
    by_rate.sort_by(|a, b| a.0.cmp(&b.0));

    let discount = round(subtotal * pct(discount_pct));
    let discounted = subtotal - discount;
    let taxes: Vec<TaxLine> = by_rate
        .iter()
        .map(|&(rate, sum)| {
            let share = sum * keep;
            if tax_inclusive {
                let tax = round(share * pct(rate) / (Decimal::ONE + pct(rate)));
                TaxLine { rate_pct: rate, base: round(share) - tax, tax }
            } else {
                TaxLine { rate_pct: rate, base: round(share), tax: round(share * pct(rate)) }
            }
        })
        .collect();
    let tax_sum: Decimal = taxes.iter().map(|t| t.tax).sum();
    let (net, total) = if tax_inclusive { (discounted - tax_sum, discounted) } else { (discounted, discounted + tax_sum) };
    let cost: Decimal = line_totals.iter().map(|l| l.cost).sum();
    let margin = net - cost;
    Totals { lines: line_totals, subtotal, discount, net, taxes, total, cost, margin, margin_pct: percent_of(margin, net) }
}

/// The discount a line really gets once the document discount is applied on top:
/// `1 − (1 − line)(1 − document)`, in percent. Approvals look at this, so splitting a
/// discount between the line and the document does not slip under a threshold.
pub fn effective_discount_pct(line_pct: Decimal, document_pct: Decimal) -> Decimal {
    let kept = (Decimal::ONE - pct(line_pct)) * (Decimal::ONE - pct(document_pct));
    ((Decimal::ONE - kept) * Decimal::ONE_HUNDRED).round_dp(4)
}

/// The cost-plus price suggestion: 售价 = 成本 × (1 + 目标利润率), rounded to the currency.
pub fn cost_plus_price(unit_cost: Decimal, target_margin_pct: Decimal, currency: &str) -> Decimal {
    round_to_minor_units(unit_cost * (Decimal::ONE + pct(target_margin_pct)), currency)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("decimal literal")
    }

    fn line(qty: &str, price: &str, disc: &str, rate: &str, cost: &str) -> PricedLine {
        PricedLine { quantity: d(qty), unit_price: d(price), discount_pct: d(disc), tax_rate_pct: d(rate), unit_cost: d(cost) }
    }

    #[test]
    fn exclusive_prices_add_tax_per_rate_after_the_document_discount() {
        let lines = [line("3", "1000", "10", "13", "600"), line("2", "250.50", "0", "6", "100"), line("1", "99.99", "0", "13", "50")];
        let t = compute(&lines, d("5"), false, "CNY");
        assert_eq!(t.lines[0].amount, d("2700.00"));
        assert_eq!(t.lines[1].amount, d("501.00"));
        assert_eq!(t.subtotal, d("3300.99"));
        assert_eq!(t.discount, d("165.05"));
        assert_eq!(t.net, d("3135.94"));
        // 6%: 501 × 0.95 = 475.95 → tax 28.557 → 28.56; 13%: 2799.99 × 0.95 = 2659.9905 → 345.798765 → 345.80
        assert_eq!(t.taxes.iter().map(|x| (x.rate_pct, x.tax)).collect::<Vec<_>>(), vec![(d("6"), d("28.56")), (d("13"), d("345.80"))]);
        assert_eq!(t.total, d("3510.30"));
        assert_eq!(t.cost, d("2050.00"));
        assert_eq!(t.margin, d("1085.94"));
    }

    #[test]
    fn inclusive_prices_take_the_tax_out_of_the_total() {
        let t = compute(&[line("1", "113", "0", "13", "50")], Decimal::ZERO, true, "CNY");
        assert_eq!(t.total, d("113.00"));
        assert_eq!(t.taxes[0].tax, d("13.00"));
        assert_eq!(t.net, d("100.00"));
        assert_eq!(t.margin, d("50.00"));
        assert_eq!(t.margin_pct, Some(d("50.00")));
    }

    #[test]
    fn yen_has_no_minor_units() {
        let t = compute(&[line("3", "333.5", "0", "10", "0")], Decimal::ZERO, false, "JPY");
        assert_eq!(t.subtotal, d("1001"));
        assert_eq!(t.total, d("1101"));
    }

    #[test]
    fn an_empty_quote_is_all_zero() {
        let t = compute(&[], d("10"), false, "USD");
        assert_eq!((t.subtotal, t.total, t.margin_pct), (d("0.00"), d("0.00"), None));
    }

    #[test]
    fn effective_discount_compounds_line_and_document() {
        assert_eq!(effective_discount_pct(d("8"), d("5")), d("12.6"));
        assert_eq!(effective_discount_pct(d("0"), d("0")), d("0"));
    }

    #[test]
    fn cost_plus_rounds_to_the_currency() {
        assert_eq!(cost_plus_price(d("100"), d("35"), "CNY"), d("135.00"));
        assert_eq!(cost_plus_price(d("33.333"), d("10"), "CNY"), d("36.67"));
    }

    fn arb_line() -> impl Strategy<Value = PricedLine> {
        (1u32..500, 1u64..10_000_000, 0u32..=100, prop::sample::select(vec![0u32, 3, 6, 9, 13]), 0u64..1_000_000).prop_map(|(q, p, disc, rate, cost)| PricedLine {
            quantity: Decimal::from(q),
            unit_price: Decimal::new(p as i64, 2),
            discount_pct: Decimal::from(disc),
            tax_rate_pct: Decimal::from(rate),
            unit_cost: Decimal::new(cost as i64, 2),
        })
    }

    proptest! {
        #[test]
        fn the_lines_add_up_to_the_subtotal_and_the_total(lines in prop::collection::vec(arb_line(), 0..40), disc in 0u32..=100, inclusive: bool) {
            let t = compute(&lines, Decimal::from(disc), inclusive, "CNY");
            let sum: Decimal = t.lines.iter().map(|l| l.amount).sum();
            prop_assert_eq!(t.subtotal, sum);
            let tax: Decimal = t.taxes.iter().map(|x| x.tax).sum();
            prop_assert_eq!(t.total, t.net + tax);
            prop_assert_eq!(t.net + tax, t.subtotal - t.discount + if inclusive { Decimal::ZERO } else { tax });
            for x in &t.taxes { prop_assert!(x.tax.scale() <= 2 && x.tax >= Decimal::ZERO); }
            prop_assert!(t.total >= Decimal::ZERO);
        }

        /// The same goods priced exclusive of tax, or inclusive at price × (1 + rate), come to
        /// the same total within one cent per line and rate (each side rounds at its own points).
        #[test]
        fn inclusive_and_exclusive_prices_agree(lines in prop::collection::vec(arb_line(), 1..20), disc in 0u32..=50) {
            let inclusive: Vec<PricedLine> = lines.iter().map(|l| PricedLine { unit_price: l.unit_price * (Decimal::ONE + l.tax_rate_pct / Decimal::ONE_HUNDRED), ..l.clone() }).collect();
            let a = compute(&lines, Decimal::from(disc), false, "CNY");
            let b = compute(&inclusive, Decimal::from(disc), true, "CNY");
            let slack = Decimal::new(1, 2) * Decimal::from(2 * lines.len() + 2 * a.taxes.len() + 1);
            prop_assert!((a.total - b.total).abs() <= slack, "exclusive {} vs inclusive {}", a.total, b.total);
        }
    }
}
