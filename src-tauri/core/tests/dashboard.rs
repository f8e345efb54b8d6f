//! The window's dashboard over a real store: figures from the in-memory snapshot equal the
//! per-report loads from SQLite, a refreshed snapshot equals a fresh one after every kind of
//! write (new deal, stage change, delete, customer moved or deleted, an import-sized batch),
//! every drill-down lists as many records as the number it explains, targets resolve from the
//! table, and the weekly PDF holds the figures.

use dealdesk_core::crm::customer::{self, CustomerInput};
use dealdesk_core::crm::opportunity::{self, OpportunityInput, Stage};
use dealdesk_core::demo;
use dealdesk_core::report::dashboard::{self, Dashboard, DashboardRequest};
use dealdesk_core::report::drill::{self, DrillTarget};
use dealdesk_core::report::snapshot::{Refreshed, Snapshot};
use dealdesk_core::report::targets::{self, TargetInput};
use dealdesk_core::report::{abc, forecast, funnel, kpi, Period};
use dealdesk_core::store::open_in_memory;
use sqlx::SqlitePool;

fn request(period: &str) -> DashboardRequest {
    DashboardRequest { period: period.into(), owner: None, region: None, currency: "CNY".into(), forecast_months: 6 }
}

/// The figures as the window computes them. Takes the test's one connection (an in-memory
/// database is one connection).
async fn figures(conn: &mut sqlx::SqliteConnection, snap: &Snapshot, req: &DashboardRequest) -> Dashboard {
    let (period, scope) = dashboard::parse_request(req).expect("request");
    let inputs = dashboard::load_inputs(conn, &period, &scope).await.expect("inputs");
    dashboard::compute(snap, &period, &scope, req.forecast_months, &inputs, dealdesk_core::clock::today()).expect("figures")
}

async fn demo_pool() -> SqlitePool {
    let pool = open_in_memory().await.expect("db");
    demo::fill(&pool, demo::DEFAULT, &dealdesk_core::progress::NoProgress).await.expect("demo");
    pool
}

fn this_year() -> String {
    Period::year_of(dealdesk_core::clock::today()).expect("year").label()
}

#[tokio::test]
async fn snapshot_figures_equal_the_reports_read_from_sqlite() {
    let pool = demo_pool().await;
    let mut conn = pool.acquire().await.expect("conn");
    let snap = Snapshot::load(&mut conn).await.expect("snapshot");
    for owner in [None, Some("王伟")] {
        let req = DashboardRequest { owner: owner.map(str::to_string), ..request(&this_year()) };
        let d = figures(&mut conn, &snap, &req).await;
        let (period, scope) = dashboard::parse_request(&req).expect("request");
        let f = funnel::load(&mut conn, &period, &scope, &d.settings.benchmarks).await.expect("funnel");
        assert_eq!(d.funnel, f, "funnel for owner {owner:?}");
        let k = kpi::load(&mut conn, &period, &scope, None, 6).await.expect("kpi");
        assert_eq!(d.kpi.trend, k.trend, "KPI trend for owner {owner:?}");
        let month = Period::month_of(dealdesk_core::clock::today()).expect("month");
        assert_eq!(d.forecast, forecast::load(&mut conn, &month, 6, &scope).await.expect("forecast"));
        let mut a = abc::load(&mut conn, &period, &scope, &d.settings.thresholds).await.expect("abc");
        assert_eq!(a.rows.len() as u32, d.abc_rows_total);
        a.rows.truncate(dashboard::ABC_ROWS);
        assert_eq!(d.abc, a);
    }
    assert!(snap.len() > 250, "the demo has 300 opportunities, some in USD: {}", snap.len());
}

async fn assert_fresh(pool: &SqlitePool, snap: &mut Snapshot, what: &str) -> Refreshed {
    let mut conn = pool.acquire().await.expect("conn");
    let refreshed = snap.refresh(&mut conn).await.expect("refresh");
    let fresh = Snapshot::load(&mut conn).await.expect("fresh");
    for period in [this_year(), format!("{}-Q4", &this_year())] {
        for region in [None, Some("华东")] {
            let req = DashboardRequest { region: region.map(str::to_string), ..request(&period) };
            assert_eq!(figures(&mut conn, snap, &req).await, figures(&mut conn, &fresh, &req).await, "after {what}: {period} {region:?}");
        }
    }
    refreshed
}

#[tokio::test]
async fn a_refreshed_snapshot_equals_a_fresh_one_after_every_kind_of_write() {
    let pool = demo_pool().await;
    let mut conn = pool.acquire().await.expect("conn");
    let mut snap = Snapshot::load(&mut conn).await.expect("snapshot");
    drop(conn);
    assert_eq!(assert_fresh(&pool, &mut snap, "nothing").await, Refreshed::Unchanged);

    let c = customer::save(&pool, &CustomerInput { name: "新客户".into(), region: "华东".into(), ..Default::default() }).await.expect("customer");
    let input = OpportunityInput {
        customer_id: c.id.to_string(),
        name: "新商机".into(),
        stage: "initial".into(),
        amount: "12345.67".into(),
        currency: "CNY".into(),
        expected_close: Some(dealdesk_core::clock::today().to_string()),
        ..Default::default()
    };
    let o = opportunity::save(&pool, &input).await.expect("new deal");
    let r = assert_fresh(&pool, &mut snap, "a new customer and deal").await;
    assert_eq!(r, Refreshed::Patched { opportunities: 1, customers: 1 });

    let moved = OpportunityInput { id: Some(o.id.to_string()), stage: "negotiation".into(), ..input.clone() };
    opportunity::save(&pool, &moved).await.expect("stage change");
    assert_fresh(&pool, &mut snap, "a stage change").await;

    let won = OpportunityInput { stage: "won".into(), ..moved.clone() };
    opportunity::save(&pool, &won).await.expect("won");
    assert_fresh(&pool, &mut snap, "a win").await;

    let other = customer::list(&pool, &dealdesk_core::listing::ListQuery { page_size: 500, ..Default::default() }).await.expect("customers").items.into_iter().find(|x| x.region == "华东" && x.id != c.id).expect("a 华东 customer");
    customer::save(&pool, &CustomerInput { id: Some(other.id.to_string()), name: other.name.clone(), region: "西北".into(), ..Default::default() }).await.expect("move");
    assert_fresh(&pool, &mut snap, "a customer moved to another region").await;

    opportunity::delete(&pool, o.id).await.expect("delete deal");
    customer::delete(&pool, c.id).await.expect("delete its customer");
    assert_fresh(&pool, &mut snap, "deletes").await;

    demo::fill(&pool, demo::DemoCounts { customers: 20, contacts: 0, products: 0, opportunities: 150 }, &dealdesk_core::progress::NoProgress).await.expect("batch");
    let r = assert_fresh(&pool, &mut snap, "a batch of 150 deals").await;
    assert!(matches!(r, Refreshed::Patched { opportunities: 150, customers: 20 }), "{r:?}");

    // Another process loads its own snapshot and trims the feed: ours must notice the gap.
    let c2 = customer::save(&pool, &CustomerInput { name: "又一个客户".into(), ..Default::default() }).await.expect("customer");
    let mut conn = pool.acquire().await.expect("conn");
    let other = Snapshot::load(&mut conn).await.expect("other");
    drop(conn);
    opportunity::save(&pool, &OpportunityInput { id: None, customer_id: c2.id.to_string(), name: "另一个".into(), ..input.clone() }).await.expect("deal");
    let mut conn = pool.acquire().await.expect("conn");
    other.trim(&mut conn).await.expect("other trims");
    drop(conn);
    customer::save(&pool, &CustomerInput { id: Some(c2.id.to_string()), name: "又一个客户".into(), region: "华南".into(), ..Default::default() }).await.expect("move");
    assert_eq!(assert_fresh(&pool, &mut snap, "changes trimmed by another process").await, Refreshed::Reloaded);

    let mut conn = pool.acquire().await.expect("conn");
    snap.trim(&mut conn).await.expect("trim");
    let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM report_changes").fetch_one(&mut *conn).await.expect("count");
    assert_eq!(left, 0, "the feed is emptied up to what the snapshot read");
}

#[tokio::test]
async fn every_drill_down_lists_as_many_records_as_its_number() {
    let pool = demo_pool().await;
    let mut conn = pool.acquire().await.expect("conn");
    let snap = Snapshot::load(&mut conn).await.expect("snapshot");
    let req = request(&this_year());
    let d = figures(&mut conn, &snap, &req).await;
    let (period, scope) = dashboard::parse_request(&req).expect("request");
    let t = d.settings.thresholds;
    let mut conn = Some(conn);
    macro_rules! count {
        ($target:expr) => {{
            let c = conn.as_mut().expect("conn");
            drill::drill(c, &snap, &period, &scope, &t, &$target, usize::MAX).await.expect("drill")
        }};
    }
    for s in &d.funnel.stages {
        let reached = count!(DrillTarget::FunnelReached { stage: s.stage });
        assert_eq!((reached.count, reached.total), (s.reached_count, s.reached_amount), "reached {:?}", s.stage);
        assert_eq!(count!(DrillTarget::FunnelCurrent { stage: s.stage }).count, s.current_count);
        if let Some(drop_off) = s.drop_off {
            assert_eq!(count!(DrillTarget::FunnelDropped { stage: s.stage }).count, drop_off, "dropped at {:?}", s.stage);
        }
    }
    let won = count!(DrillTarget::Won);
    assert_eq!((won.count, won.total), (d.kpi.current.won_count, d.kpi.current.won_amount));
    assert!(won.rows.iter().all(|r| r.stage == Some(Stage::Won) && !r.name.is_empty() && !r.customer.is_empty()));
    assert_eq!(count!(DrillTarget::Open).total, d.kpi.current.open_pipeline);
    assert_eq!(count!(DrillTarget::NewCustomers).count, d.kpi.current.new_customers);
    for m in &d.forecast.months {
        assert_eq!(count!(DrillTarget::ForecastMonth { month: m.label.clone() }).count, m.count, "forecast {}", m.label);
    }
    let a = count!(DrillTarget::AbcClass { class: customer::Tier::A });
    assert_eq!(a.count, d.abc.count_a);
}

#[tokio::test]
async fn targets_from_the_table_drive_attainment_and_the_weekly_pdf_holds_the_figures() {
    let pool = demo_pool().await;
    let year = this_year();
    let mut conn = pool.acquire().await.expect("conn");
    let set = TargetInput { period: year.clone(), owner: String::new(), currency: "CNY".into(), amount: Some("1,000,000".into()) };
    targets::set(&mut conn, &set).await.expect("target");
    let bad = TargetInput { period: "2026-Q5".into(), amount: Some("abc".into()), ..set.clone() };
    let err = targets::set(&mut conn, &bad).await.expect_err("a bad period and amount");
    let text = err.to_string();
    assert!(text.contains("period") && text.contains("amount"), "both fields are named: {text}");
    let snap = Snapshot::load(&mut conn).await.expect("snapshot");
    let d = figures(&mut conn, &snap, &request(&year)).await;
    assert_eq!(d.attainment.target, Some("1000000.00".parse().expect("decimal")));
    assert_eq!(d.kpi.current.target, d.attainment.target, "the KPIs use the same target");
    let q = figures(&mut conn, &snap, &request(&format!("{year}-Q4"))).await;
    assert_eq!(q.attainment.target, Some("250000.00".parse().expect("decimal")), "a quarter gets a quarter of the year");

    let Ok(engine) = dealdesk_core::pdf::PdfEngine::load(None) else {
        panic!("no CJK font on this machine: install fonts-noto-cjk (scripts/setup.sh does)");
    };
    let bytes = engine.render_dashboard(&d, "全部 All", "2026-12-02").expect("pdf");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("weekly.pdf");
    std::fs::write(&path, &bytes).expect("write");
    let out = std::process::Command::new("pdftotext").arg(&path).arg("-").output().expect("pdftotext (poppler-utils)");
    let text = String::from_utf8_lossy(&out.stdout);
    for needle in ["销售周报", "Weekly sales report", "销售漏斗", "关键指标", "滚动预测", "ABC 客户分类", "第 1 页"] {
        assert!(text.contains(needle), "the weekly PDF shows {needle}: {text}");
    }
    let won = format!("{}", d.kpi.current.won_amount);
    let grouped: String = won.split('.').next().unwrap_or_default().chars().rev().collect::<Vec<_>>().chunks(3).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join(",").chars().rev().collect();
    assert!(text.contains(&grouped), "the won amount {won} appears as {grouped}");
}
