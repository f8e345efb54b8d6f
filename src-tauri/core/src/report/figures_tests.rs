//! The one-pass figures (figures.rs) equal the row functions' on random deals, periods and filters.
use super::figures::*;
use super::abc::{self, Thresholds};
use super::funnel::{self, Benchmarks};
use super::snapshot::Snapshot;
use super::targets::Costs;
use super::Period;
use crate::crm::opportunity::Stage;
use rust_decimal::Decimal;
use crate::report::rows::CustomerRow;
use crate::crm::customer::Tier;
use crate::ids::CustomerId;
use crate::report::rows::{OppRow, Scope};
use crate::report::{accuracy, economics, forecast, kpi};
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;

const OWNERS: [&str; 3] = ["王伟", "李娜", "Ann"];
const REGIONS: [&str; 2] = ["华东", "华南"];

fn base() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).single().expect("base")
}

fn customer_id(n: u8) -> CustomerId {
    CustomerId(uuid::Uuid::from_u128(u128::from(n) + 1))
}

/// A deal: customer, owner, currency, amount in cents, probability, expected close in
/// days, created (minutes after the base), and the steps it took (stage, minutes later).
type Deal = (u8, usize, bool, i64, u32, Option<i64>, i64, Vec<(usize, i64)>);

fn deal() -> impl Strategy<Value = Deal> {
    (0u8..8, 0usize..3, prop::bool::weighted(0.9), -5_000i64..50_000_000, 0u32..=10_000, prop::option::of(0i64..800), 0i64..1_000_000, prop::collection::vec((0usize..6, 0i64..200_000), 0..6))
}

fn build(deals: &[Deal]) -> Snapshot {
    let rows: Vec<(OppRow, &str, &str)> = deals
        .iter()
        .enumerate()
        .map(|(i, (customer, owner, cny, cents, p, close, created, steps))| {
            let created_at = base() + Duration::minutes(*created) + Duration::milliseconds(i as i64 % 1000);
            let mut at = created_at;
            let mut history = vec![(Stage::Initial, created_at)];
            for (stage, minutes) in steps {
                at += Duration::minutes(*minutes);
                history.push((Stage::ALL[*stage], at));
            }
            let row = OppRow {
                id: format!("opp-{i:03}"),
                customer_id: customer_id(*customer).to_string(),
                stage: history.last().map_or(Stage::Initial, |h| h.0),
                amount: Decimal::new(*cents, 2),
                probability_pct: Decimal::new(i64::from(*p), 2),
                expected_close: close.map(|d| NaiveDate::from_ymd_opt(2025, 1, 1).expect("day") + Duration::days(d)),
                created_at,
                history,
            };
            (row, OWNERS[*owner], if *cny { "CNY" } else { "USD" })
        })
        .collect();
    // Customer 7 is deleted: its deals are in no figure.
    let customers: Vec<(CustomerRow, &str, &str)> = (0u8..7)
        .map(|n| {
            let row = CustomerRow { id: customer_id(n), name: format!("客户{}", n % 4), tier: [None, Some(Tier::A), Some(Tier::C)][usize::from(n % 3)], created_at: base() + Duration::days(i64::from(n) * 50) };
            (row, REGIONS[usize::from(n % 2)], OWNERS[usize::from(n % 3)])
        })
        .collect();
    Snapshot::from_rows(&rows, &customers)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn fast_figures_equal_the_row_functions(
        deals in prop::collection::vec(deal(), 0..40),
        period in prop::sample::select(vec!["2025", "2025-H2", "2025-Q3", "2025-11", "2026-Q1", "2026-02"]),
        owner in prop::option::of(0usize..3),
        region in prop::option::of(0usize..2),
        today in 0i64..700,
    ) {
        let snap = build(&deals);
        let scope = Scope { owner: owner.map(|o| OWNERS[o].to_string()), region: region.map(|r| REGIONS[r].to_string()), currency: "CNY".into() };
        let period = Period::parse(period).expect("period");
        let rows = snap.opportunities(&scope);
        let all_rows = snap.opportunities_all_owners(&scope);
        let customers = snap.customers(&scope);
        let opps: Vec<_> = snap.scan(&scope).filter(|(_, _, owner_ok)| *owner_ok).collect();
        prop_assert_eq!((opps.len(), snap.scan(&scope).count()), (rows.len(), all_rows.len()));

        let month = Period::month_of(NaiveDate::from_ymd_opt(2025, 1, 1).expect("day") + Duration::days(today)).expect("month");
        let fast = all(&snap, &scope, &period, &month, 6, 6, 6).expect("one pass");
        prop_assert_eq!(fast.count, opps.len());

        let created_in: Vec<&OppRow> = rows.iter().filter(|o| period.contains(o.created_at)).collect();
        prop_assert_eq!(fast.funnel.finish(&Benchmarks::default()), funnel::compute(&created_in, &Benchmarks::default()));
        let target = Some(Decimal::from(100_000));
        let k = fast.kpi.finish(&period, &customers, "CNY", target, 6);
        prop_assert_eq!(&k, &kpi::report(&period, &rows, &customers, "CNY", target, 6));
        let costs = Some(Costs { marketing: Decimal::from(9000), sales: Decimal::new(12345, 1) });
        let lifetime = economics::default_lifetime_years();
        prop_assert_eq!(
            fast.economics.finish(costs, k.current.new_customers, lifetime, "CNY"),
            economics::compute(&period, &rows, costs, k.current.new_customers, lifetime, "CNY")
        );
        prop_assert_eq!(fast.forecast.finish("CNY"), forecast::compute(&rows, &month, 6, "CNY").expect("rows"));
        prop_assert_eq!(fast.accuracy.finish("CNY"), accuracy::backtest(&rows, &month, 6, "CNY"));
        let t = Thresholds::default();
        prop_assert_eq!(fast.abc.finish(&snap, &customers, &period, "CNY", &t), abc::compute(&customers, &all_rows, &period, "CNY", &t));
    }
}

#[test]
fn medians_of_seconds_are_the_medians_of_exact_days() {
    let mut odd = [86_400 * 3, 10, 86_400];
    assert_eq!(median_days(&mut odd), Some(Decimal::ONE));
    // (1 + 2.5) / 2 days
    let mut even = [86_400, 86_400 * 5, 216_000, 0];
    assert_eq!(median_days(&mut even), Some(Decimal::new(175, 2)));
    assert_eq!(median_days(&mut []), None);
}
