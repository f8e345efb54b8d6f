//! Repository and service tests against a real SQLite database with the migrations applied.

use dealdesk_core::catalog::product::{self, ProductInput};
use dealdesk_core::crm::contact::{self, ContactInput};
use dealdesk_core::crm::customer::{self, CompanySize, CustomerInput, Tier};
use dealdesk_core::crm::opportunity::{self, OpportunityInput, Stage};
use dealdesk_core::error::FieldCode;
use dealdesk_core::listing::ListQuery;
use dealdesk_core::CoreError;
use sqlx::SqlitePool;

fn customer_input(name: &str) -> CustomerInput {
    CustomerInput { name: name.into(), industry: "制造业".into(), size: Some("large".into()), region: "华东".into(), tier: Some("A".into()), ..Default::default() }
}

fn field_codes(err: CoreError) -> Vec<(String, FieldCode)> {
    match err {
        CoreError::Validation(fields) => fields.into_iter().map(|f| (f.field, f.code)).collect(),
        other => panic!("expected a validation error, got {other}"),
    }
}

#[sqlx::test(migrations = "../../migrations")]
async fn a_customer_is_created_found_edited_and_soft_deleted(pool: SqlitePool) {
    let created = customer::save(&pool, &customer_input("上海华信科技有限公司")).await.expect("saved");
    assert_eq!(created.size, Some(CompanySize::Large));
    assert_eq!(created.tier, Some(Tier::A));

    let found = customer::list(&pool, &ListQuery { search: Some("华信".into()), ..Default::default() }).await.expect("listed");
    assert_eq!(found.total, 1);
    assert_eq!(found.items[0].id, created.id);

    let edited = customer::save(&pool, &CustomerInput { id: Some(created.id.to_string()), region: "华南".into(), ..customer_input("上海华信科技有限公司") })
        .await
        .expect("edited");
    assert_eq!(edited.region, "华南");
    assert_eq!(edited.created_at, created.created_at);

    customer::delete(&pool, created.id).await.expect("deleted");
    let after = customer::list(&pool, &ListQuery::default()).await.expect("listed");
    assert_eq!(after.total, 0);
    // The row is still there, marked deleted.
    let kept: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM customers WHERE deleted_at IS NOT NULL").fetch_one(&pool).await.expect("count");
    assert_eq!(kept, 1);
}

#[sqlx::test(migrations = "../../migrations")]
async fn invalid_customers_are_refused_field_by_field(pool: SqlitePool) {
    let err = customer::save(&pool, &CustomerInput { name: "  ".into(), size: Some("huge".into()), tier: Some("D".into()), ..Default::default() })
        .await
        .expect_err("invalid");
    assert_eq!(
        field_codes(err),
        vec![("name".into(), FieldCode::Required), ("size".into(), FieldCode::UnknownValue), ("tier".into(), FieldCode::UnknownValue)]
    );
    assert_eq!(customer::list(&pool, &ListQuery::default()).await.expect("listed").total, 0);
}

#[sqlx::test(migrations = "../../migrations")]
async fn a_customer_with_contacts_cannot_be_deleted(pool: SqlitePool) {
    let c = customer::save(&pool, &customer_input("宏图制造")).await.expect("saved");
    contact::save(&pool, &ContactInput { customer_id: Some(c.id.to_string()), name: "张伟".into(), mobile: "13812345678".into(), ..Default::default() })
        .await
        .expect("contact");
    assert!(matches!(customer::delete(&pool, c.id).await, Err(CoreError::Conflict(_))));
}

#[sqlx::test(migrations = "../../migrations")]
async fn contacts_must_point_at_a_live_customer_and_have_a_valid_email(pool: SqlitePool) {
    let err = contact::save(
        &pool,
        &ContactInput { customer_id: Some(uuid::Uuid::now_v7().to_string()), name: "李娜".into(), email: "li.na@".into(), ..Default::default() },
    )
    .await
    .expect_err("invalid");
    let codes = field_codes(err);
    assert!(codes.contains(&("customer_id".into(), FieldCode::InvalidReference)), "{codes:?}");
    assert!(codes.contains(&("email".into(), FieldCode::InvalidEmail)), "{codes:?}");
}

fn product_input(sku: &str) -> ProductInput {
    ProductInput {
        id: None,
        sku: sku.into(),
        name: "CRM 专业版".into(),
        product_line: "软件许可".into(),
        unit: "套".into(),
        list_price: "39800".into(),
        cost: "12000.5".into(),
        tax_rate_pct: "13%".into(),
        currency: "cny".into(),
        active: true,
    }
}

#[sqlx::test(migrations = "../../migrations")]
async fn prices_are_stored_exactly_with_the_currency_minor_units(pool: SqlitePool) {
    let p = product::save(&pool, &product_input("SW-PRO")).await.expect("saved");
    assert_eq!(p.list_price.to_string(), "39800.00");
    assert_eq!(p.cost.to_string(), "12000.50");
    assert_eq!(p.tax_rate_pct.to_string(), "13");
    assert_eq!(p.currency, "CNY");
    let stored: String = sqlx::query_scalar("SELECT cost FROM products").fetch_one(&pool).await.expect("raw");
    assert_eq!(stored, "12000.50");
}

#[sqlx::test(migrations = "../../migrations")]
async fn a_sku_is_unique_among_live_products(pool: SqlitePool) {
    let first = product::save(&pool, &product_input("SW-PRO")).await.expect("saved");
    let err = product::save(&pool, &product_input("SW-PRO")).await.expect_err("duplicate");
    assert_eq!(field_codes(err), vec![("sku".into(), FieldCode::Duplicate)]);
    product::delete(&pool, first.id).await.expect("deleted");
    product::save(&pool, &product_input("SW-PRO")).await.expect("a deleted product frees its SKU");
}

#[sqlx::test(migrations = "../../migrations")]
async fn opportunities_record_every_stage_they_enter(pool: SqlitePool) {
    let c = customer::save(&pool, &customer_input("远航物流")).await.expect("customer");
    let input = OpportunityInput {
        id: None,
        customer_id: c.id.to_string(),
        name: "仓储扫码项目".into(),
        stage: "初步接触".into(),
        amount: "120000".into(),
        currency: "CNY".into(),
        expected_close: Some("2026-12-31".into()),
        probability_pct: String::new(),
        competitor: "金蝶".into(),
        owner: "王磊".into(),
    };
    let o = opportunity::save(&pool, &input).await.expect("created");
    assert_eq!(o.stage, Stage::Initial);
    assert_eq!(o.probability_pct.to_string(), "10", "a new opportunity takes its stage's default probability");
    assert_eq!(o.amount.to_string(), "120000.00");
    let moved = OpportunityInput { id: Some(o.id.to_string()), stage: "negotiation".into(), probability_pct: "80".into(), ..input.clone() };
    opportunity::save(&pool, &moved).await.expect("moved");
    opportunity::save(&pool, &moved).await.expect("saved again without a stage change");
    let mut conn = pool.acquire().await.expect("conn");
    let history: Vec<Stage> = opportunity::stage_history(&mut conn, o.id).await.expect("history").into_iter().map(|(s, _)| s).collect();
    assert_eq!(history, vec![Stage::Initial, Stage::Negotiation]);
}

#[sqlx::test(migrations = "../../migrations")]
async fn opportunity_amounts_respect_currency_decimals(pool: SqlitePool) {
    let c = customer::save(&pool, &customer_input("Northwind Trading Ltd.")).await.expect("customer");
    let input = OpportunityInput {
        customer_id: c.id.to_string(),
        name: "Rollout".into(),
        stage: "proposal".into(),
        amount: "1000.5".into(),
        currency: "JPY".into(),
        ..Default::default()
    };
    let err = opportunity::save(&pool, &input).await.expect_err("yen has no decimals");
    assert_eq!(field_codes(err), vec![("amount".into(), FieldCode::TooManyDecimals)]);
}

#[sqlx::test(migrations = "../../migrations")]
async fn lists_sort_and_page_on_the_server(pool: SqlitePool) {
    for name in ["Charlie", "alpha", "Bravo", "delta", "Echo"] {
        customer::save(&pool, &customer_input(name)).await.expect("saved");
    }
    let q = ListQuery { sort: Some("name".into()), desc: true, page: 2, page_size: 2, search: None };
    let page = customer::list(&pool, &q).await.expect("listed");
    assert_eq!(page.total, 5);
    let names: Vec<&str> = page.items.iter().map(|c| c.name.as_str()).collect();
    // Names sort case-insensitively, as people expect.
    assert_eq!(names, vec!["Charlie", "Bravo"]);
}
