//! The checks a plan passes before it is saved or run, all at once, each naming its JSON path
//! (`overrides[1].rate.tiers[2].from`): schema version, rates 0–100, tiers and attainment
//! bands contiguous (no gap, no overlap, lower boundary inclusive, only the last open), one
//! rate form per rule, settings that belong to the plan's kind, and size limits.

use super::plan::{AttainmentBand, Plan, PlanKind, RateRule, Service, Tier, SCHEMA_VERSION};
use crate::error::{CoreResult, FieldCode};
use crate::money;
use crate::validate::Checker;
use chrono::Datelike;
use rust_decimal::Decimal;

pub const MAX_TIERS: usize = 50;
pub const MAX_OVERRIDES: usize = 1000;
/// Decimal places allowed in rates and tier boundaries.
pub const MAX_DP: u32 = 4;
const MAX_TEXT: usize = 200;

pub fn validate(plan: &Plan) -> CoreResult<()> {
    let mut c = Checker::new();
    if plan.schema != SCHEMA_VERSION {
        c.fail("schema", FieldCode::OutOfRange, format!("version {} is not known; this DealDesk reads schema {SCHEMA_VERSION}", plan.schema));
    }
    c.text("name", &plan.name, MAX_TEXT, true);
    let year = plan.effective_from.year();
    if !(2000..=2100).contains(&year) {
        c.fail("effective_from", FieldCode::InvalidDate, "must be a date between 2000 and 2100");
    }
    let units = money::minor_units(&plan.currency);
    if units.is_none() {
        c.fail("currency", FieldCode::InvalidCurrency, format!("'{}' is not a supported currency code", crate::validate::truncate(&plan.currency)));
    }
    let units = units.unwrap_or(2);
    rate_rule(&mut c, "rate", &plan.rate, plan.kind);
    overrides(&mut c, plan);
    services(&mut c, plan);
    if let Some(b) = &plan.quarterly_bonus {
        if !(1..=12).contains(&b.months) {
            c.fail("quarterly_bonus.months", FieldCode::OutOfRange, "must be between 1 and 12");
        }
        range(&mut c, "quarterly_bonus.min_attainment_pct", b.min_attainment_pct, Decimal::ZERO, Decimal::from(10_000), MAX_DP);
        if b.amount.is_none() && b.rate_pct.is_none() {
            c.fail("quarterly_bonus", FieldCode::Required, "give an amount, a rate_pct, or both");
        }
        if let Some(a) = b.amount {
            range(&mut c, "quarterly_bonus.amount", a, Decimal::ZERO, Decimal::from(1_000_000_000_000u64), units);
        }
        if let Some(r) = b.rate_pct {
            pct(&mut c, "quarterly_bonus.rate_pct", r);
        }
    }
    if let Some(l) = &plan.limits {
        let max = Decimal::from(1_000_000_000_000u64);
        for (name, v) in [("cap", l.cap), ("floor", l.floor)] {
            if let Some(v) = v {
                range(&mut c, &format!("limits.{name}"), v, Decimal::ZERO, max, units);
            }
        }
        if let (Some(cap), Some(floor)) = (l.cap, l.floor) {
            if floor > cap {
                c.fail("limits.floor", FieldCode::OutOfRange, format!("is above the cap ({cap})"));
            }
        }
        match (l.cap, l.excess) {
            (Some(_), None) => c.fail("limits.excess", FieldCode::Required, "say what happens above the cap: carry_forward or forfeit"),
            (None, Some(_)) => c.fail("limits.excess", FieldCode::UnknownValue, "only applies with a cap"),
            _ => {}
        }
        if l.cap.is_none() && l.floor.is_none() {
            c.fail("limits", FieldCode::Required, "give a cap, a floor, or both (or leave limits out)");
        }
    }
    if let Some(m) = &plan.multi_level {
        if plan.kind != PlanKind::Partner {
            c.fail("multi_level", FieldCode::UnknownValue, "parent overrides are for partner plans");
        }
        pct(&mut c, "multi_level.override_pct", m.override_pct);
    }
    if let Some(p) = &plan.team_pool {
        if plan.kind != PlanKind::Rep {
            c.fail("team_pool", FieldCode::UnknownValue, "team pools are for rep (commission) plans");
        }
        pct(&mut c, "team_pool.pct", p.pct);
        if let Some(m) = p.min_attainment_pct {
            range(&mut c, "team_pool.min_attainment_pct", m, Decimal::ZERO, Decimal::from(10_000), MAX_DP);
        }
    }
    c.finish()
}

fn range(c: &mut Checker, field: &str, v: Decimal, min: Decimal, max: Decimal, dp: u32) {
    if v < min || v > max {
        c.fail(field, FieldCode::OutOfRange, format!("must be between {min} and {max}"));
    } else if v.normalize().scale() > dp {
        c.fail(field, FieldCode::TooManyDecimals, format!("has more than {dp} decimal places"));
    }
}

fn pct(c: &mut Checker, field: &str, v: Decimal) {
    range(c, field, v, Decimal::ZERO, Decimal::ONE_HUNDRED, MAX_DP);
}

fn rate_rule(c: &mut Checker, path: &str, r: &RateRule, kind: PlanKind) {
    let forms = [r.fixed_pct.is_some(), !r.tiers.is_empty(), !r.attainment.is_empty()];
    if forms.iter().filter(|f| **f).count() != 1 {
        c.fail(path, FieldCode::Required, "give exactly one of fixed_pct, tiers or attainment");
    }
    if let Some(p) = r.fixed_pct {
        pct(c, &format!("{path}.fixed_pct"), p);
    }
    if r.tiers.is_empty() {
        if r.tier_mode.is_some() || r.tier_over.is_some() {
            c.fail(&format!("{path}.tiers"), FieldCode::Required, "tier_mode and tier_over need tiers");
        }
    } else {
        if r.tier_mode.is_none() {
            c.fail(&format!("{path}.tier_mode"), FieldCode::Required, "is required with tiers: marginal or retroactive");
        }
        if r.tier_over.is_none() {
            c.fail(&format!("{path}.tier_over"), FieldCode::Required, "is required with tiers: period or line");
        }
        tiers(c, path, &r.tiers);
    }
    if !r.attainment.is_empty() {
        if kind != PlanKind::Rep {
            c.fail(&format!("{path}.attainment"), FieldCode::UnknownValue, "attainment rates are for rep plans");
        }
        bands(c, path, &r.attainment);
    }
}

/// Contiguity shared by tiers and bands: `(from, to)` pairs in order.
fn contiguous(c: &mut Checker, list: &str, names: (&str, &str), spans: &[(Decimal, Option<Decimal>)]) {
    let last = spans.len().saturating_sub(1);
    for (i, (from, to)) in spans.iter().enumerate() {
        let (f, t) = (format!("{list}[{i}].{}", names.0), format!("{list}[{i}].{}", names.1));
        match to {
            Some(to) if to <= from => c.fail(&t, FieldCode::OutOfRange, format!("must be above {} ({from})", names.0)),
            None if i != last => c.fail(&t, FieldCode::Required, "only the last one may be open-ended"),
            _ => {}
        }
        if i == last && to.is_some() {
            c.fail(&t, FieldCode::OutOfRange, "the last one must be open-ended (leave it out) so every amount above has a rate");
        }
        if let Some((_, Some(prev_to))) = i.checked_sub(1).map(|p| spans[p]) {
            if *from > prev_to {
                c.fail(&f, FieldCode::OutOfRange, format!("gap: the one before ends at {prev_to}, this starts at {from}"));
            } else if *from < prev_to {
                c.fail(&f, FieldCode::OutOfRange, format!("overlap: the one before ends at {prev_to}, this starts at {from}"));
            }
        }
    }
}

fn tiers(c: &mut Checker, path: &str, tiers: &[Tier]) {
    let list = format!("{path}.tiers");
    if tiers.len() > MAX_TIERS {
        c.fail(&list, FieldCode::TooLong, format!("at most {MAX_TIERS} tiers"));
        return;
    }
    let big = Decimal::from(1_000_000_000_000_000u64);
    for (i, t) in tiers.iter().enumerate() {
        range(c, &format!("{list}[{i}].from"), t.from, Decimal::ZERO, big, MAX_DP);
        if let Some(to) = t.to {
            range(c, &format!("{list}[{i}].to"), to, Decimal::ZERO, big, MAX_DP);
        }
        pct(c, &format!("{list}[{i}].rate_pct"), t.rate_pct);
    }
    if tiers.first().is_some_and(|t| !t.from.is_zero()) {
        c.fail(&format!("{list}[0].from"), FieldCode::OutOfRange, "the first tier must start at 0 so every amount has a rate");
    }
    let spans: Vec<_> = tiers.iter().map(|t| (t.from, t.to)).collect();
    contiguous(c, &list, ("from", "to"), &spans);
}

fn bands(c: &mut Checker, path: &str, bands: &[AttainmentBand]) {
    let list = format!("{path}.attainment");
    if bands.len() > MAX_TIERS {
        c.fail(&list, FieldCode::TooLong, format!("at most {MAX_TIERS} bands"));
        return;
    }
    let max = Decimal::from(10_000);
    for (i, b) in bands.iter().enumerate() {
        range(c, &format!("{list}[{i}].from_pct"), b.from_pct, Decimal::ZERO, max, MAX_DP);
        if let Some(to) = b.to_pct {
            range(c, &format!("{list}[{i}].to_pct"), to, Decimal::ZERO, max, MAX_DP);
        }
        pct(c, &format!("{list}[{i}].rate_pct_from"), b.rate_pct_from);
        if let Some(r) = b.rate_pct_to {
            pct(c, &format!("{list}[{i}].rate_pct_to"), r);
            if b.to_pct.is_none() {
                c.fail(&format!("{list}[{i}].rate_pct_to"), FieldCode::UnknownValue, "an open-ended band is flat at rate_pct_from");
            }
        }
    }
    let spans: Vec<_> = bands.iter().map(|b| (b.from_pct, b.to_pct)).collect();
    contiguous(c, &list, ("from_pct", "to_pct"), &spans);
}

fn overrides(c: &mut Checker, plan: &Plan) {
    if plan.overrides.len() > MAX_OVERRIDES {
        c.fail("overrides", FieldCode::TooLong, format!("at most {MAX_OVERRIDES} overrides"));
        return;
    }
    for (i, o) in plan.overrides.iter().enumerate() {
        let path = format!("overrides[{i}]");
        if o.product_line.is_none() && o.customer_type.is_none() {
            c.fail(&path, FieldCode::Required, "give a product_line, a customer_type, or both");
        }
        for (name, v) in [("product_line", &o.product_line), ("customer_type", &o.customer_type)] {
            if let Some(v) = v {
                c.text(&format!("{path}.{name}"), v, MAX_TEXT, true);
            }
        }
        if let Some(j) = plan.overrides[..i].iter().position(|p| override_key(p) == override_key(o)) {
            c.fail(&path, FieldCode::Duplicate, format!("same product line and customer type as overrides[{j}]"));
        }
        rate_rule(c, &format!("{path}.rate"), &o.rate, plan.kind);
    }
}

fn override_key(x: &super::plan::Override) -> (Option<&str>, Option<&str>) {
    (x.product_line.as_deref().map(str::trim), x.customer_type.as_deref().map(str::trim))
}

fn services(c: &mut Checker, plan: &Plan) {
    for (i, s) in plan.service.iter().enumerate() {
        let path = format!("service[{i}]");
        if plan.service[..i].iter().any(|p| p.service == s.service) {
            c.fail(&format!("{path}.service"), FieldCode::Duplicate, "appears twice");
        }
        range(c, &format!("{path}.points"), s.points, -Decimal::ONE_HUNDRED, Decimal::ONE_HUNDRED, MAX_DP);
        match (s.service, s.min_score) {
            (Service::Satisfaction, None) => c.fail(&format!("{path}.min_score"), FieldCode::Required, "is required for satisfaction"),
            (Service::Satisfaction, Some(m)) => pct(c, &format!("{path}.min_score"), m),
            (_, Some(_)) => c.fail(&format!("{path}.min_score"), FieldCode::UnknownValue, "only applies to satisfaction"),
            _ => {}
        }
    }
}
