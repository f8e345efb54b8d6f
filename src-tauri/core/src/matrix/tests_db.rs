//! The matrix against a real (in-memory) store: edits with history, refusals naming the
//! cell, paste as one batch, undo/redo, snapshots and diffs, import/export round trips and
//! all-or-nothing imports.

use super::edit::{self, CellInput, UndoStack};
use super::model::*;
use super::rule::Rule;
use super::{diff, file, score, snapshot, store};
use crate::error::CoreError;
use crate::ids::DimensionId;
use crate::store::open_in_memory;
use crate::tabular::FileFormat;
use rust_decimal::Decimal;
use sqlx::SqlitePool;
use std::str::FromStr;

fn d(v: &str) -> Decimal {
    Decimal::from_str(v).expect("decimal")
}

pub(super) const FIXTURE: &str = "\
#name_zh,#ours,#hidden,功能完整度,单点登录,年费,部署方式,备注
#name_en,,,Feature depth,SSO,Annual fee,Deployment,Notes
#group_zh,,,产品功能,产品功能,价格策略,服务模式,
#group_en,,,Product features,Product features,Price,Service model,
#type,,,score,yes_partial_no,price,choice,text
#currency,,,,,CNY,,
#unit,,,,,per seat per year,,
#choices,,,,,,SaaS|私有部署,
#weight,,,3,1,2,1,0
#rule,,,,yes=10;partial=5;no=0,lower_better;min=100;max=500,SaaS=6;私有部署=9,none
#matrix,scale=0-10,stale_days=90,owner=产品市场部
我方产品,yes,no,8,yes,200,私有部署,本地部署快
金蝶,no,no,7,partial,300,SaaS,
HubSpot,no,no,,no,,SaaS,'=not a formula
#evidence,金蝶,Annual fee,https://example.com/kingdee-pricing,2026-10-01,fact
#evidence,HubSpot,Feature depth,展会交流,2026-01-05,assumption
";

pub(super) async fn pool_with_fixture() -> SqlitePool {
    let pool = open_in_memory().await.expect("db");
    file::import(&pool, "CRM 2026", "m.csv", FIXTURE.as_bytes(), "tester").await.expect("import");
    pool
}

pub(super) async fn load(pool: &SqlitePool) -> MatrixData {
    let mut conn = pool.acquire().await.expect("conn");
    store::load_by_name(&mut conn, "CRM 2026").await.expect("load")
}

fn find(data: &MatrixData, comp: &str, dim: &str) -> (String, String) {
    let c = data.competitors.iter().find(|c| c.name == comp).expect("competitor");
    let d = data.dimensions.iter().find(|d| d.key() == dim).expect("dimension");
    (c.id.to_string(), d.id.to_string())
}

fn input(data: &MatrixData, comp: &str, dim: &str, text: &str) -> CellInput {
    let (c, d) = find(data, comp, dim);
    CellInput { competitor_id: c, dimension_id: d, text: text.into(), evidence: None }
}

/// Hand-checked from the fixture: weights 3, 1, 2, 1 (Notes has rule none).
/// 我方: 8·3 + 10·1 + price 200 on 100..500 lower-better = 7.5 ·2 + 私有部署 9·1 = 58 / 7 = 8.2857… → 8.29
/// 金蝶: 7·3 + 5 + 5·2 + 6 = 42 / 7 = 6.00; HubSpot: 0 (no) ·1 + 6·1 = 6 / 2 = 3.00, coverage 50 %.
#[tokio::test]
async fn the_imported_fixture_scores_as_computed_by_hand() {
    let pool = pool_with_fixture().await;
    let data = load(&pool).await;
    assert_eq!(data.competitors[0].name, "我方产品", "ours pinned first");
    let r = score::rank(&data);
    let shown: Vec<(String, String, String)> = r.rows.iter().map(|x| (x.name.clone(), x.score.map(|s| super::display(s, 2)).unwrap_or_default(), super::display(x.coverage_pct, 1))).collect();
    assert_eq!(shown, [("我方产品".into(), "8.29".into(), "100.0".into()), ("金蝶".into(), "6.00".into(), "100.0".into()), ("HubSpot".into(), "3.00".into(), "50.0".into())]);
    let (c, dd) = find(&data, "HubSpot", "Notes");
    let notes = data.value(crate::ids::CompetitorId::parse(&c).expect("id"), DimensionId::parse(&dd).expect("id"));
    assert_eq!(notes, Some(&CellValue::Text("=not a formula".into())), "the formula guard is taken off");
}

#[tokio::test]
async fn a_text_in_a_score_cell_is_refused_naming_competitor_and_dimension_and_nothing_changes() {
    let pool = pool_with_fixture().await;
    let data = load(&pool).await;
    let inputs = vec![input(&data, "金蝶", "Feature depth", "6"), input(&data, "金蝶", "SSO", "sometimes"), input(&data, "HubSpot", "Feature depth", "很强")];
    let CoreError::Validation(errors) = edit::changes_from_inputs(&data, &inputs).expect_err("refused") else { panic!("validation") };
    assert_eq!(errors.len(), 2, "every bad cell is reported at once");
    assert_eq!(errors[1].field, "HubSpot/Feature depth");
    assert!(errors[1].message.starts_with("HubSpot × 功能完整度 Feature depth: '很强' is not a score"), "{}", errors[1].message);
    assert_eq!(load(&pool).await.cells, data.cells);
}

#[tokio::test]
async fn a_pasted_block_is_one_batch_with_history_and_undo_redo_restore_it() {
    let pool = pool_with_fixture().await;
    let mut data = load(&pool).await;
    let before = data.cells.clone();
    // Rows 2–3 (金蝶, HubSpot), columns 1–2 (Feature depth, SSO), as Excel copies them.
    let changes = edit::paste(&data, 1, 0, "9\tyes\r\n4\t部分\r\n").expect("paste");
    assert_eq!(changes.len(), 4);
    let mut tx = pool.begin().await.expect("tx");
    let applied = edit::apply(&mut tx, &mut data, &changes, "alice").await.expect("apply");
    tx.commit().await.expect("commit");
    assert_eq!(applied.forward.len(), 4);
    let mut undo = UndoStack::default();
    undo.push(applied.clone());
    let (c, dd) = find(&data, "HubSpot", "Feature depth");
    let (c, dd) = (crate::ids::CompetitorId::parse(&c).expect("id"), DimensionId::parse(&dd).expect("id"));
    assert_eq!(load(&pool).await.value(c, dd), Some(&CellValue::Score(d("4"))));
    let mut conn = pool.acquire().await.expect("conn");
    let h = edit::history(&mut conn, c, dd).await.expect("history");
    let last = h.last().expect("entry");
    assert_eq!((last.actor.as_str(), last.old.value.clone(), last.new.value.clone()), ("alice", None, Some(CellValue::Score(d("4")))));
    assert_eq!(last.old.evidence.label, Some(Label::Assumption), "evidence kept by the paste");
    drop(conn);

    let inverse = undo.undo().expect("undo");
    let mut tx = pool.begin().await.expect("tx");
    edit::apply(&mut tx, &mut data, &inverse, "alice").await.expect("undo applies");
    tx.commit().await.expect("commit");
    assert_eq!(load(&pool).await.cells, before, "undo gives back the cells as they were");
    let forward = undo.redo().expect("redo");
    let mut tx = pool.begin().await.expect("tx");
    edit::apply(&mut tx, &mut data, &forward, "alice").await.expect("redo applies");
    tx.commit().await.expect("commit");
    assert_eq!(load(&pool).await.value(c, dd), Some(&CellValue::Score(d("4"))));
    assert!(undo.can_undo() && !undo.can_redo());

    let err = edit::paste(&data, 2, 3, "1\t2\t3").expect_err("past the last column");
    assert!(err.to_string().contains("does not fit"), "{err}");
}

#[tokio::test]
async fn a_snapshot_then_an_edit_shows_in_the_diff_with_the_ranking_move() {
    let pool = pool_with_fixture().await;
    let mut data = load(&pool).await;
    let mut conn = pool.acquire().await.expect("conn");
    snapshot::take(&mut conn, &data, "2026-Q3", "bob").await.expect("snapshot");
    assert!(matches!(snapshot::take(&mut conn, &data, "2026-Q3", "bob").await, Err(CoreError::Conflict(_))));
    // 金蝶 now the cheapest and complete on SSO: 7·3 + 10 + 10·2 + 6 = 57 / 7 = 8.14, still behind 8.29.
    // Then its feature depth 9: 27 + 10 + 20 + 6 = 63 / 7 = 9.00 — it overtakes us.
    let changes = edit::changes_from_inputs(&data, &[input(&data, "金蝶", "SSO", "yes"), input(&data, "金蝶", "Annual fee", "100"), input(&data, "金蝶", "Feature depth", "9")]).expect("valid");
    edit::apply(&mut conn, &mut data, &changes, "bob").await.expect("apply");
    let then = snapshot::load(&mut conn, &data, "2026-Q3").await.expect("load snapshot");
    let now = store::load_by_name(&mut conn, "CRM 2026").await.expect("live");
    let diff = diff::diff(&then, &now);
    let cells: Vec<(String, String, String)> = diff.cells.iter().map(|c| (c.dimension.clone(), c.old.clone(), c.new.clone())).collect();
    assert_eq!(cells, [("功能完整度 Feature depth".into(), "7".into(), "9".into()), ("单点登录 SSO".into(), "partial".into(), "yes".into()), ("年费 Annual fee".into(), "300".into(), "100".into())]);
    let kd = diff.ranking.iter().find(|m| m.competitor == "金蝶").expect("move");
    assert_eq!((kd.from_rank, kd.to_rank, kd.places()), (Some(2), Some(1), Some(1)));
    assert_eq!(kd.to_score.map(|s| super::display(s, 2)), Some("9.00".into()));
    assert!(diff::diff(&then, &then).cells.is_empty());
}

#[tokio::test]
async fn export_then_import_into_a_new_matrix_is_lossless_in_csv_and_xlsx() {
    let pool = pool_with_fixture().await;
    let data = load(&pool).await;
    let dir = tempfile::tempdir().expect("dir");
    for format in [FileFormat::Csv, FileFormat::Xlsx] {
        let path = dir.path().join(format!("m.{}", format.extension()));
        file::export(&data, format, &path).expect("export");
        let bytes = std::fs::read(&path).expect("read");
        let name = format!("copy {}", format.extension());
        file::import(&pool, &name, &path.display().to_string(), &bytes, "t").await.expect("import");
        let mut conn = pool.acquire().await.expect("conn");
        let copy = store::load_by_name(&mut conn, &name).await.expect("copy");
        assert_eq!(super::tests_layout::projection(&copy), super::tests_layout::projection(&data), "{format:?}");
    }
}

#[tokio::test]
async fn a_bad_file_is_refused_naming_row_and_column_and_nothing_is_written() {
    let pool = pool_with_fixture().await;
    let before = load(&pool).await;
    let bad = FIXTURE.replace("金蝶,no,no,7,partial", "金蝶,no,no,good,partial").replace("SaaS=6", "Cloud=6");
    let err = file::import(&pool, "CRM 2026", "bad.csv", bad.as_bytes(), "t").await.expect_err("refused");
    let CoreError::ImportRejected(r) = err else { panic!("rejection") };
    let places: Vec<(u32, String)> = r.problems.iter().map(|p| (p.row, p.column.clone())).collect();
    assert_eq!(places, [(10, "G (部署方式 Deployment)".into()), (13, "D (功能完整度 Feature depth)".into())], "{r}");
    assert!(r.to_string().contains("bad.csv: row 13, column D (功能完整度 Feature depth), value 'good'"), "{r}");
    assert_eq!(load(&pool).await, before, "nothing half-imported");
    let err = file::import(&pool, "Other", "bad.csv", bad.as_bytes(), "t").await.expect_err("refused");
    assert!(matches!(err, CoreError::ImportRejected(_)));
    let mut conn = pool.acquire().await.expect("conn");
    assert!(store::find_optional(&mut conn, "Other").await.expect("query").is_none(), "no empty matrix left behind");
}

#[tokio::test]
async fn a_reimport_keeps_ids_and_records_only_the_changed_cells() {
    let pool = pool_with_fixture().await;
    let before = load(&pool).await;
    let edited = FIXTURE.replace("金蝶,no,no,7,", "金蝶,no,no,8,");
    let report = file::import(&pool, "CRM 2026", "m.csv", edited.as_bytes(), "t").await.expect("import");
    assert_eq!((report.created, report.cells_changed), (false, 1));
    let after = load(&pool).await;
    assert_eq!(after.competitors.iter().map(|c| c.id).collect::<Vec<_>>(), before.competitors.iter().map(|c| c.id).collect::<Vec<_>>());
    assert_eq!(after.dimensions[0].rule, Rule::Direct);
}
