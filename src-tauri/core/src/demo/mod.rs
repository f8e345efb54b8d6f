//! Demo data for trying the app and for benchmarks: a deterministic, realistic bilingual data
//! set (200 customers, 500 contacts, 100+ products in five lines, 300 opportunities across all
//! stages with stage histories), written in one transaction through the same repository
//! functions as user input.

mod names;
pub mod bulk;

use crate::catalog::product::{self, ProductFields};
use crate::clock;
use crate::crm::contact::{self, ContactFields};
use crate::crm::customer::{self, CompanySize, CustomerFields, Tier};
use crate::crm::opportunity::{self, OpportunityFields, Stage};
use crate::error::CoreResult;
use crate::ids::{ContactId, CustomerId, OpportunityId, ProductId};
use crate::progress::Progress;
use chrono::{Days, NaiveDate};
use names::*;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use rust_decimal::Decimal;
use serde::Serialize;
use sqlx::SqlitePool;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DemoCounts {
    pub customers: u32,
    pub contacts: u32,
    pub products: u32,
    pub opportunities: u32,
}

pub const DEFAULT: DemoCounts = DemoCounts { customers: 200, contacts: 500, products: 100, opportunities: 300 };

fn pick<'a, T>(rng: &mut StdRng, items: &'a [T]) -> &'a T {
    &items[rng.random_range(0..items.len())]
}

fn company(rng: &mut StdRng, n: usize) -> (String, String) {
    let (city, region) = *pick(rng, CITIES);
    let name = if n % 5 == 4 {
        let first = rng.random_range(0..EN_WORDS.len());
        // A different second word: "Bluepeak Bluepeak" is no company name.
        let second = (first + rng.random_range(1..EN_WORDS.len())) % EN_WORDS.len();
        format!("{} {} {}", EN_WORDS[first], EN_WORDS[second], pick(rng, EN_SUFFIXES))
    } else {
        format!("{}{}{}", city, pick(rng, ZH_WORDS), pick(rng, ZH_SUFFIXES))
    };
    (name, region.to_string())
}

fn person(rng: &mut StdRng, n: usize) -> (String, String) {
    if n % 4 == 3 {
        let (first, last) = (pick(rng, EN_FIRST), pick(rng, EN_LAST));
        (format!("{first} {last}"), format!("{}.{}", first.to_lowercase(), last.to_lowercase()))
    } else {
        let (s, g) = (pick(rng, SURNAMES), pick(rng, GIVEN));
        (format!("{s}{g}"), format!("user{n:04}"))
    }
}

/// Fills the database with demo data. Adds to what is there (ids and SKUs are fresh).
pub async fn fill(pool: &SqlitePool, counts: DemoCounts, progress: &dyn Progress) -> CoreResult<DemoCounts> {
    let mut rng = StdRng::seed_from_u64(20_261_122);
    let total = u64::from(counts.customers + counts.contacts + counts.products + counts.opportunities);
    let mut done = 0u64;
    let mut tx = pool.begin().await?;
    let now = clock::now();
    let today = chrono::Utc::now().date_naive();
    // A per-run suffix keeps SKUs unique when demo data is added twice.
    let run = &uuid::Uuid::now_v7().simple().to_string()[8..12];

    let mut customers = Vec::with_capacity(counts.customers as usize);
    let mut names_seen = std::collections::HashSet::new();
    for n in 0..counts.customers as usize {
        let (mut name, region) = company(&mut rng, n);
        if !names_seen.insert(name.clone()) {
            name = format!("{name}（{}）", n + 1);
            names_seen.insert(name.clone());
        }
        let f = CustomerFields {
            name,
            industry: pick(&mut rng, INDUSTRIES).to_string(),
            size: Some(*pick(&mut rng, &[CompanySize::Micro, CompanySize::Small, CompanySize::Medium, CompanySize::Large, CompanySize::Enterprise])),
            region,
            tier: Some(*pick(&mut rng, &[Tier::A, Tier::B, Tier::B, Tier::C, Tier::C, Tier::C])),
            owner: pick(&mut rng, OWNERS).to_string(),
            notes: if n % 7 == 0 { "重点客户，年度框架协议续签中。Key account; framework renewal in progress.".into() } else { String::new() },
        };
        let id = CustomerId::new();
        customer::insert(&mut tx, id, &f, &now).await?;
        customers.push(id);
        done += 1;
        progress.report(done, total);
    }

    for n in 0..counts.contacts as usize {
        let (name, handle) = person(&mut rng, n);
        let domain = if n % 4 == 3 { "example.com" } else { "example.cn" };
        let f = ContactFields {
            customer_id: Some(customers[n % customers.len().max(1)]),
            name,
            title: pick(&mut rng, TITLES).to_string(),
            mobile: format!("1{}{:09}", pick(&mut rng, &["38", "39", "58", "86", "77", "35"]), rng.random_range(0..1_000_000_000u32)).chars().take(11).collect(),
            email: format!("{handle}@{domain}"),
        };
        if customers.is_empty() {
            break;
        }
        contact::insert(&mut tx, ContactId::new(), &f, &now).await?;
        done += 1;
        if n % 50 == 0 {
            progress.report(done, total);
        }
    }

    let mut made = 0u32;
    'lines: for round in 0.. {
        for (line, prefix, unit, tax, items) in PRODUCT_LINES {
            for (i, (name, price)) in items.iter().enumerate() {
                if made >= counts.products {
                    break 'lines;
                }
                let variant = if round == 0 { String::new() } else { format!(" V{}", round + 1) };
                let list_price = Decimal::from(*price) * Decimal::new(100 + 5 * i64::from(round), 2);
                let list_price = list_price.round_dp(2);
                let f = ProductFields {
                    sku: format!("{prefix}-{run}-{round:02}{i:02}"),
                    name: format!("{name}{variant}"),
                    product_line: line.to_string(),
                    unit: unit.to_string(),
                    cost: (list_price * Decimal::new(rng.random_range(35..70), 2)).round_dp(2),
                    list_price,
                    tax_rate_pct: Decimal::from(*tax),
                    currency: "CNY".into(),
                    active: made % 17 != 16,
                };
                let f = ProductFields { list_price: crate::money::with_minor_units(f.list_price, "CNY"), cost: crate::money::with_minor_units(f.cost, "CNY"), ..f };
                product::insert(&mut tx, ProductId::new(), &f, &now).await?;
                made += 1;
                done += 1;
            }
        }
        if counts.products == 0 {
            break;
        }
    }
    progress.report(done, total);

    let stages = [Stage::Initial, Stage::Qualified, Stage::Proposal, Stage::Negotiation, Stage::Won, Stage::Lost];
    let topics = ["CRM 升级", "移动销售", "数据平台", "仓储扫码", "年度续约", "Cloud migration", "BI rollout", "培训项目"];
    for n in 0..counts.opportunities as usize {
        if customers.is_empty() {
            break;
        }
        // More early-stage than late-stage deals, as in a real funnel.
        let stage = stages[[0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 4, 5][rng.random_range(0..12)]];
        let currency = if n % 10 == 9 { "USD" } else { "CNY" };
        let amount = Decimal::from(rng.random_range(20u32..2_000u32) * 500);
        let close = today.checked_add_days(Days::new(rng.random_range(0..180))).unwrap_or(today);
        let f = OpportunityFields {
            customer_id: Some(customers[rng.random_range(0..customers.len())]),
            name: format!("{} {}", pick(&mut rng, &topics), n + 1),
            stage,
            amount: crate::money::with_minor_units(amount, currency),
            currency: currency.into(),
            expected_close: Some(close),
            probability_pct: stage.default_probability_pct(),
            competitor: pick(&mut rng, COMPETITORS).to_string(),
            owner: pick(&mut rng, OWNERS).to_string(),
        };
        let id = OpportunityId::new();
        // Walk the funnel so the stage history has a path, spaced days apart.
        let path_len = match stage {
            Stage::Lost => rng.random_range(1..5),
            s => stages.iter().position(|x| *x == s).unwrap_or(0) + 1,
        };
        let mut at = today.checked_sub_days(Days::new(rng.random_range(30..200))).unwrap_or(today);
        let first = OpportunityFields { stage: stages[0], ..f.clone() };
        opportunity::insert(&mut tx, id, &first, &stamp(at)).await?;
        for step in stages.iter().take(path_len).skip(1).copied().chain((stage == Stage::Lost).then_some(Stage::Lost)) {
            at = at.checked_add_days(Days::new(rng.random_range(3..25))).unwrap_or(at);
            let next = OpportunityFields { stage: step, ..f.clone() };
            opportunity::update(&mut tx, id, &next, &stamp(at)).await?;
        }
        done += 1;
        if n % 50 == 0 {
            progress.report(done, total);
        }
    }
    tx.commit().await?;
    progress.report(total, total);
    tracing::info!(customers = counts.customers, contacts = counts.contacts, products = made, opportunities = counts.opportunities, "demo data written");
    Ok(DemoCounts { products: made, ..counts })
}

fn stamp(d: NaiveDate) -> String {
    format!("{d}T09:00:00.000Z")
}
