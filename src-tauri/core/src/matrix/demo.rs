//! A generated matrix for demonstrations and for the editor's benchmark
//! (`dealdesk matrix demo --competitors 200 --dimensions 500`): our product plus numbered
//! competitors, dimensions of every type spread over the five seed groups with weights 1–5,
//! about 85 % of the cells known, a third of those with evidence dated up to 200 days back (so
//! some are stale). The same seed gives the same matrix. Cells are written directly in one
//! transaction, without history rows: nobody changed them, they were made up.

use super::model::*;
use super::rule::Rule;
use super::store;
use crate::clock;
use crate::error::{CoreError, CoreResult};
use crate::ids::{CompetitorId, DimensionId};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use rust_decimal::Decimal;
use serde::Serialize;
use sqlx::SqlitePool;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DemoMatrix {
    pub name: String,
    pub competitors: u32,
    pub dimensions: u32,
    pub known_cells: u32,
}

const CHOICES: [&str; 3] = ["SaaS", "私有部署", "混合"];

fn kind_of(i: u32) -> DimensionKind {
    match i % 20 {
        0..=9 => DimensionKind::Score,
        10..=13 => DimensionKind::YesPartialNo,
        14 | 15 => DimensionKind::Price,
        16 | 17 => DimensionKind::Number,
        18 => DimensionKind::Text,
        _ => DimensionKind::Choice,
    }
}

fn dimension(i: u32, group: &Group, scale: Scale, rng: &mut StdRng) -> Dimension {
    let kind = kind_of(i);
    let choices: Vec<String> = if kind == DimensionKind::Choice { CHOICES.iter().map(|c| c.to_string()).collect() } else { Vec::new() };
    let rule = match kind {
        DimensionKind::Choice => Rule::Choice(vec![("SaaS".into(), Decimal::from(6)), ("私有部署".into(), Decimal::from(9)), ("混合".into(), Decimal::from(7))]),
        _ => Rule::default_for(kind, scale),
    };
    Dimension {
        id: DimensionId::new(),
        group_id: group.id.clone(),
        name_zh: format!("{}指标{:03}", group.name_zh, i + 1),
        name_en: format!("{} {:03}", group.name_en, i + 1),
        kind,
        currency: if kind == DimensionKind::Price { "CNY".into() } else { String::new() },
        unit: match kind {
            DimensionKind::Price => "每席位每年 per seat/yr".into(),
            DimensionKind::Number => "天 days".into(),
            _ => String::new(),
        },
        choices,
        weight: Decimal::from(rng.random_range(1..=5)),
        rule,
        position: i64::from(i),
        hidden: false,
    }
}

fn value(kind: DimensionKind, scale: Scale, rng: &mut StdRng) -> CellValue {
    match kind {
        DimensionKind::Score => match scale {
            Scale::ZeroTen => CellValue::Score(Decimal::from(rng.random_range(0..=20)) / Decimal::TWO),
            Scale::MinusTwoTwo => CellValue::Score(Decimal::from(rng.random_range(-2..=2))),
        },
        DimensionKind::YesPartialNo => CellValue::YesPartialNo([Ypn::Yes, Ypn::Partial, Ypn::No][rng.random_range(0..3)]),
        DimensionKind::Price => CellValue::Price(Decimal::from(rng.random_range(50..=900))),
        DimensionKind::Number => CellValue::Number(Decimal::from(rng.random_range(1..=60))),
        DimensionKind::Text => CellValue::Text(["本地团队", "仅英文支持", "7×24 服务", "渠道为主"][rng.random_range(0..4)].into()),
        DimensionKind::Choice => CellValue::Choice(CHOICES[rng.random_range(0..CHOICES.len())].into()),
    }
}

fn evidence(rng: &mut StdRng, today: chrono::NaiveDate) -> Evidence {
    if rng.random_range(0..3) != 0 {
        return Evidence::default();
    }
    let label = [Label::Fact, Label::Inference, Label::Assumption][rng.random_range(0..3)];
    let source = if label == Label::Fact { format!("https://example.com/review/{}", rng.random_range(1000..9999)) } else { "展会交流 trade show talk".into() };
    Evidence { source, as_of: today.checked_sub_days(chrono::Days::new(rng.random_range(0..200))), label: Some(label) }
}

/// Creates matrix `name` (refused when it exists) with generated content, in one transaction.
pub async fn generate(pool: &SqlitePool, name: &str, competitors: u32, dimensions: u32, seed: u64, actor: &str) -> CoreResult<DemoMatrix> {
    if !(1..=1000).contains(&competitors) || !(1..=2000).contains(&dimensions) {
        return Err(CoreError::BadRequest("a demo matrix has 1–1000 competitors and 1–2000 dimensions".into()));
    }
    let mut rng = StdRng::seed_from_u64(seed);
    let today = clock::today();
    let mut tx = pool.begin().await?;
    let m = store::create(&mut tx, name, "产品市场部", Scale::ZeroTen, 90).await?;
    let groups = store::load(&mut tx, m.clone()).await?.groups;
    let mut dims = Vec::with_capacity(dimensions as usize);
    for i in 0..dimensions {
        let d = dimension(i, &groups[i as usize % groups.len()], m.scale, &mut rng);
        store::upsert_dimension(&mut tx, m.id, &d).await?;
        dims.push(d);
    }
    let mut comps = Vec::with_capacity(competitors as usize);
    for i in 0..competitors {
        let name = if i == 0 { "我方产品".to_string() } else { format!("竞品 {i:03}") };
        let c = Competitor { id: CompetitorId::new(), name, is_ours: i == 0, position: i64::from(i), hidden: false };
        store::upsert_competitor(&mut tx, m.id, &c).await?;
        comps.push(c);
    }
    let now = clock::now();
    let mut known = 0u32;
    for c in &comps {
        for d in &dims {
            if rng.random_range(0..100) >= 85 {
                continue;
            }
            let cell = Cell { value: Some(value(d.kind, m.scale, &mut rng)), evidence: evidence(&mut rng, today) };
            store::write_cell(&mut tx, m.id, c.id, d.id, &cell, &now, actor).await?;
            known += 1;
        }
    }
    tx.commit().await?;
    tracing::info!(competitors, dimensions, known, "demo matrix generated");
    Ok(DemoMatrix { name: m.name, competitors, dimensions, known_cells: known })
}
