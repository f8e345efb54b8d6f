//! Tests of the wide matrix file layout: lossless round trips (CSV and XLSX, property-based)
//! and every rejection naming its row and column.

use super::layout::*;
use super::model::*;
use super::rule::Rule;
use super::value;
use crate::ids::{CompetitorId, DimensionId};
use rust_decimal::Decimal;
use crate::matrix::rule::Better;
use proptest::prelude::*;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// Everything a file must carry, without ids: what "lossless" compares.
pub(crate) fn projection(m: &MatrixData) -> Vec<String> {
    let mut out = vec![format!("{:?} {} {}", m.matrix.scale, m.matrix.stale_after_days, m.matrix.owner)];
    out.extend(m.groups.iter().map(|g| format!("group {} {}", g.name_zh, g.name_en)));
    for d in &m.dimensions {
        let g = m.group(&d.group_id).map(|g| format!("{}/{}", g.name_zh, g.name_en)).unwrap_or_default();
        out.push(format!("dim {}|{}|{g}|{:?}|{}|{}|{:?}|{}|{}|{}", d.name_zh, d.name_en, d.kind, d.currency, d.unit, d.choices, d.weight.normalize(), d.rule.text(), d.hidden));
    }
    for c in &m.competitors {
        out.push(format!("competitor {} {} {}", c.name, c.is_ours, c.hidden));
        for d in &m.dimensions {
            if let Some(cell) = m.cell(c.id, d.id).filter(|x| *x != &Cell::default()) {
                let v = cell.value.as_ref().map(value::text);
                out.push(format!("cell {} {} {v:?} {:?}", c.name, d.key(), cell.evidence));
            }
        }
    }
    out
}

const TRICKY: &[&str] = &["=SUM(A1)", "-3 dB", "'quoted", "''=x", "a,b;c", "line\nbreak", "@home", "+86 10", "中文 text", "\"q\"", "tab\tin", "|pipe"];
const CHOICES: &[&str] = &["SaaS", "私有部署", "Hybrid 混合", "-on prem"];

/// A random matrix of every dimension type, unknown and known cells, and evidence.
fn random_matrix(seed: u64) -> MatrixData {
    let mut rng = StdRng::seed_from_u64(seed);
    let scale = if rng.random_bool(0.5) { Scale::ZeroTen } else { Scale::MinusTwoTwo };
    let mut m = crate::matrix::score::tests::empty(scale);
    m.matrix.owner = TRICKY[rng.random_range(0..TRICKY.len())].replace('\n', " ");
    m.matrix.stale_after_days = rng.random_range(1..400);
    m.groups.push(Group { id: "g2".into(), seed: None, name_zh: "生态".into(), name_en: String::new(), position: 1 });
    let dec = |rng: &mut StdRng, lo: i64, hi: i64, dp: u32| Decimal::new(rng.random_range(lo * 10i64.pow(dp)..=hi * 10i64.pow(dp)), dp).normalize();
    for i in 0..rng.random_range(1..7) {
        let kind = DimensionKind::ALL[rng.random_range(0..6)];
        let choices: Vec<String> = if kind == DimensionKind::Choice { CHOICES.iter().map(|s| s.to_string()).collect() } else { vec![] };
        let rule = match kind {
            DimensionKind::Price | DimensionKind::Number if rng.random_bool(0.5) => Rule::Range { better: Better::Higher, min: Decimal::from(-5), max: dec(&mut rng, 1, 900, 2) },
            DimensionKind::Choice if rng.random_bool(0.5) => Rule::Choice(vec![("SaaS".into(), scale.max()), ("-on prem".into(), scale.min())]),
            _ => Rule::default_for(kind, scale),
        };
        m.dimensions.push(Dimension {
            id: DimensionId::new(),
            group_id: if i % 2 == 0 { "g1".into() } else { "g2".into() },
            name_zh: if i == 1 { String::new() } else { format!("维度{i}") },
            name_en: if i == 2 { String::new() } else { format!("-Dim {i}") },
            kind,
            currency: if kind == DimensionKind::Price { "USD".into() } else { String::new() },
            unit: if rng.random_bool(0.5) { "per seat/yr".into() } else { String::new() },
            choices,
            weight: dec(&mut rng, 0, 50, 2),
            rule,
            position: i * 3,
            hidden: rng.random_bool(0.2),
        });
    }
    for i in 0..rng.random_range(0..6) {
        m.competitors.push(Competitor { id: CompetitorId::new(), name: format!("{} {i}", TRICKY[rng.random_range(0..TRICKY.len())].replace(['\n', '\t'], " ")), is_ours: i == 0, position: i, hidden: rng.random_bool(0.2) });
    }
    for c in m.competitors.clone() {
        for d in m.dimensions.clone() {
            let value = if rng.random_bool(0.3) {
                None
            } else {
                Some(match d.kind {
                    DimensionKind::Score => CellValue::Score(dec(&mut rng, scale.min().try_into().unwrap_or(0), scale.max().try_into().unwrap_or(10), 2).clamp(scale.min(), scale.max())),
                    DimensionKind::YesPartialNo => CellValue::YesPartialNo([Ypn::Yes, Ypn::Partial, Ypn::No][rng.random_range(0..3)]),
                    DimensionKind::Price => CellValue::Price(dec(&mut rng, 0, 99_999, 4)),
                    DimensionKind::Number => CellValue::Number(dec(&mut rng, -1000, 1000, 3)),
                    DimensionKind::Text => CellValue::Text(TRICKY[rng.random_range(0..TRICKY.len())].into()),
                    DimensionKind::Choice => CellValue::Choice(CHOICES[rng.random_range(0..CHOICES.len())].into()),
                })
            };
            let evidence = if rng.random_bool(0.5) {
                Evidence {
                    source: TRICKY[rng.random_range(0..TRICKY.len())].into(),
                    as_of: chrono::NaiveDate::from_ymd_opt(2026, rng.random_range(1..13), rng.random_range(1..29)),
                    label: [None, Some(Label::Fact), Some(Label::Inference), Some(Label::Assumption)][rng.random_range(0..4)],
                }
            } else {
                Evidence::default()
            };
            m.cells.insert((c.id, d.id), Cell { value, evidence });
        }
    }
    m.sort();
    m
}

fn through_file(m: &MatrixData, format: crate::tabular::FileFormat) -> MatrixData {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join(format!("m.{}", format.extension()));
    crate::matrix::file::export(m, format, &path).expect("export");
    let bytes = std::fs::read(&path).expect("read");
    let sheet = crate::tabular::read::read_sheet(&path.display().to_string(), &bytes).expect("sheet");
    decode("m", "copy", &sheet).unwrap_or_else(|r| panic!("{r}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn export_then_import_gives_the_same_matrix(seed in any::<u64>()) {
        let m = random_matrix(seed);
        for format in [crate::tabular::FileFormat::Csv, crate::tabular::FileFormat::Xlsx] {
            prop_assert_eq!(projection(&through_file(&m, format)), projection(&m), "{:?}", format);
        }
    }
}

#[test]
fn column_letters_go_past_z() {
    assert_eq!([column_letter(0), column_letter(3), column_letter(25), column_letter(26), column_letter(702)], ["A", "D", "Z", "AA", "AAA"]);
}
