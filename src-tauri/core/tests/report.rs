//! The dashboard's reports read from a real store: filters (period, owner, region,
//! currency, deleted records), KPIs, the forecast, and ABC tiers previewed then applied in
//! one audited transaction.

use dealdesk_core::crm::customer::{self, CustomerInput, Tier};
use dealdesk_core::crm::opportunity::{self, OpportunityFields, Stage};
use dealdesk_core::ids::{CustomerId, OpportunityId};
use dealdesk_core::report::{abc, forecast, funnel, kpi, Period, Scope};
use dealdesk_core::store::open_in_memory;
use rust_decimal::Decimal;
use sqlx::SqlitePool;

async fn customer(pool: &SqlitePool, name: &str, region: &str, tier: Option<&str>) -> CustomerId {
    let input = CustomerInput { name: name.into(), region: region.into(), tier: tier.map(str::to_string), ..Default::default() };
    customer::save(pool, &input).await.expect("customer").id
}

/// An opportunity that walks `path` (stage, date entered); amount in `currency`.
async fn deal(pool: &SqlitePool, c: CustomerId, amount: i64, currency: &str, owner: &str, path: &[(Stage, &str)]) -> OpportunityId {
    let mut conn = pool.acquire().await.expect("conn");
    let id = OpportunityId::new();
    let fields = |stage: Stage| OpportunityFields {
        customer_id: Some(c),
        name: "deal".into(),
        stage,
        amount: Decimal::from(amount),
        currency: currency.into(),
        expected_close: chrono::NaiveDate::from_ymd_opt(2026, 12, 10),
        probability_pct: stage.default_probability_pct(),
        competitor: String::new(),
        owner: owner.into(),
    };
    let stamp = |d: &str| format!("{d}T09:00:00.000Z");
    opportunity::insert(&mut conn, id, &fields(path[0].0), &stamp(path[0].1)).await.expect("insert");
    for (stage, at) in &path[1..] {
        opportunity::update(&mut conn, id, &fields(*stage), &stamp(at)).await.expect("update");
    }
    id
}

fn cny() -> Scope {
    Scope::default()
}

async fn sample(pool: &SqlitePool) -> (CustomerId, CustomerId, CustomerId) {
    use Stage::*;
    let big = customer(pool, "华东大客户", "华东", Some("C")).await;
    let mid = customer(pool, "华南客户", "华南", None).await;
    let small = customer(pool, "华东小客户", "华东", Some("A")).await;
    deal(pool, big, 8000, "CNY", "王", &[(Initial, "2026-07-01"), (Qualified, "2026-07-05"), (Proposal, "2026-07-15"), (Negotiation, "2026-07-20"), (Won, "2026-08-01")]).await;
    deal(pool, mid, 1500, "CNY", "李", &[(Initial, "2026-07-02"), (Qualified, "2026-07-12"), (Won, "2026-09-01")]).await;
    deal(pool, small, 500, "CNY", "王", &[(Initial, "2026-08-01"), (Qualified, "2026-08-03"), (Lost, "2026-08-20")]).await;
    deal(pool, small, 3000, "CNY", "李", &[(Initial, "2026-08-10"), (Qualified, "2026-08-20"), (Proposal, "2026-09-01")]).await;
    // Not in 2026-Q3's funnel: another currency, another period, and a deleted deal.
    deal(pool, big, 99_000, "USD", "王", &[(Initial, "2026-07-01"), (Won, "2026-07-02")]).await;
    deal(pool, mid, 7000, "CNY", "李", &[(Initial, "2026-04-01")]).await;
    let gone = deal(pool, mid, 5000, "CNY", "李", &[(Initial, "2026-07-01")]).await;
    opportunity::delete(pool, gone).await.expect("delete");
    (big, mid, small)
}

fn reached(f: &funnel::Funnel) -> Vec<u32> {
    f.stages.iter().map(|s| s.reached_count).collect()
}

#[tokio::test]
async fn the_funnel_counts_the_period_in_one_currency_with_owner_and_region_filters() {
    let pool = open_in_memory().await.expect("db");
    sample(&pool).await;
    let q3 = Period::parse("2026-Q3").expect("q3");
    let mut conn = pool.acquire().await.expect("conn");
    let f = funnel::load(&mut conn, &q3, &cny(), &funnel::Benchmarks::default()).await.expect("funnel");
    assert_eq!(reached(&f), [4, 4, 3, 2, 2]);
    assert_eq!((f.period.as_str(), f.currency.as_str(), f.lost_count), ("2026-Q3", "CNY", 1));
    assert_eq!(f.stages[0].reached_amount, Decimal::from(13_000));
    // Initial stays: 4, 10, 2, 10 days → 7.0.
    assert_eq!(f.stages[0].median_days_in_stage, Some(Decimal::new(70, 1)));
    let wang = Scope { owner: Some("王".into()), ..cny() };
    assert_eq!(reached(&funnel::load(&mut conn, &q3, &wang, &funnel::Benchmarks::default()).await.expect("owner")), [2, 2, 1, 1, 1]);
    let south = Scope { region: Some("华南".into()), ..cny() };
    assert_eq!(reached(&funnel::load(&mut conn, &q3, &south, &funnel::Benchmarks::default()).await.expect("region")), [1, 1, 1, 1, 1]);
    let usd = Scope { currency: "USD".into(), ..cny() };
    assert_eq!(reached(&funnel::load(&mut conn, &q3, &usd, &funnel::Benchmarks::default()).await.expect("usd")), [1, 1, 1, 1, 1]);
}

#[tokio::test]
async fn kpis_and_forecast_come_from_the_store() {
    let pool = open_in_memory().await.expect("db");
    sample(&pool).await;
    let mut conn = pool.acquire().await.expect("conn");
    let q3 = Period::parse("2026-Q3").expect("q3");
    let r = kpi::load(&mut conn, &q3, &cny(), Some(Decimal::from(20_000)), 4).await.expect("kpi");
    let k = &r.current;
    assert_eq!((k.won_count, k.lost_count), (2, 1));
    assert_eq!(k.win_rate_pct, Some(Decimal::new(667, 1)));
    assert_eq!(k.average_deal_size, Some(Decimal::new(475_000, 2)));
    // Open at 2026-10-01: the proposal (3000) and the April deal (7000).
    assert_eq!(k.open_pipeline, Decimal::from(10_000));
    assert_eq!(r.trend.len(), 4);
    let dec = Period::parse("2026-12").expect("dec");
    let f = forecast::load(&mut conn, &dec, 3, &cny()).await.expect("forecast");
    // December: 3000 × 50% + 7000 × 10% = 2200.
    assert_eq!((f.months[0].count, f.months[0].likely), (2, Decimal::new(220_000, 2)));
}

#[tokio::test]
async fn abc_previews_then_applies_the_tiers_in_one_audited_step() {
    let pool = open_in_memory().await.expect("db");
    let (big, mid, small) = sample(&pool).await;
    let q3 = Period::parse("2026-Q3").expect("q3");
    let t = abc::Thresholds::default();
    // Revenue 8000 (84.2%), 1500, 0 → A, B, C.
    let preview = abc::preview_abc(&pool, &q3, &cny(), &t).await.expect("preview");
    let summary: Vec<(String, Option<Tier>, Tier)> = preview.iter().map(|c| (c.customer_id.clone(), c.old_tier, c.new_tier)).collect();
    assert_eq!(
        summary,
        [(big.to_string(), Some(Tier::C), Tier::A), (mid.to_string(), None, Tier::B), (small.to_string(), Some(Tier::A), Tier::C)]
    );
    let tier_of = |id: CustomerId| {
        let pool = pool.clone();
        async move { customer::get(&mut pool.acquire().await.expect("conn"), id).await.expect("get").tier }
    };
    assert_eq!(tier_of(big).await, Some(Tier::C), "a preview changes nothing");
    let applied = abc::apply_abc(&pool, &q3, &cny(), &t).await.expect("apply");
    assert_eq!(applied, preview);
    assert_eq!((tier_of(big).await, tier_of(mid).await, tier_of(small).await), (Some(Tier::A), Some(Tier::B), Some(Tier::C)));
    let entries: Vec<(String, String)> =
        sqlx::query_as("SELECT action, entity_id FROM audit_log WHERE action = 'abc_segmentation'").fetch_all(&pool).await.expect("audit");
    assert_eq!(entries, [("abc_segmentation".to_string(), "2026-Q3".to_string())]);
    assert!(abc::apply_abc(&pool, &q3, &cny(), &t).await.expect("again").is_empty(), "nothing left to change");
    let bad = abc::Thresholds { a_pct: Decimal::from(96), b_pct: Decimal::from(95) };
    assert!(matches!(abc::apply_abc(&pool, &q3, &cny(), &bad).await, Err(dealdesk_core::CoreError::Validation(e)) if e[0].field == "b_pct"));
    assert!(dealdesk_core::audit::verify(&pool).await.expect("verify").broken_at.is_none());
}
