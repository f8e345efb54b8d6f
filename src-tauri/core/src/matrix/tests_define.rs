//! Structure edits against a real (in-memory) store: every change is checked field by field,
//! written, and equal to what a fresh load gives; and the window's grid and patch shapes.

use super::define::{self, Axis, CompetitorInput, DimensionInput, MatrixSettingsInput};
use super::edit::{self, CellInput};
use super::model::*;
use super::tests_db::{load, pool_with_fixture};
use super::scored::Scored;
use super::view;
use crate::error::{CoreError, FieldCode};
use sqlx::SqlitePool;

fn fields(e: CoreError) -> Vec<(String, FieldCode)> {
    match e {
        CoreError::Validation(v) => v.into_iter().map(|f| (f.field, f.code)).collect(),
        other => panic!("expected field errors, got {other}"),
    }
}

fn dim_input(data: &MatrixData, kind: DimensionKind, en: &str, weight: &str, rule: &str) -> DimensionInput {
    DimensionInput {
        id: None,
        group_id: data.groups[0].id.clone(),
        name_zh: String::new(),
        name_en: en.into(),
        kind,
        currency: if kind == DimensionKind::Price { "CNY".into() } else { String::new() },
        unit: String::new(),
        choices: if kind == DimensionKind::Choice { vec!["A".into(), "B".into()] } else { vec![] },
        weight: weight.into(),
        rule: rule.into(),
    }
}

async fn change<T>(pool: &SqlitePool, data: &mut MatrixData, f: impl AsyncFnOnce(&mut sqlx::SqliteConnection, &mut MatrixData) -> crate::error::CoreResult<T>) -> crate::error::CoreResult<T> {
    let mut tx = pool.begin().await.expect("tx");
    let out = f(&mut tx, data).await?;
    tx.commit().await.expect("commit");
    Ok(out)
}

fn dim_names(data: &MatrixData) -> Vec<String> {
    data.dimensions.iter().map(|d| d.key().to_string()).collect()
}

#[tokio::test]
async fn a_dimension_is_checked_field_by_field_then_added_last_and_stored() {
    let pool = pool_with_fixture().await;
    let mut data = load(&pool).await;
    let mut bad = dim_input(&data, DimensionKind::Price, "SSO", "-1", "cheapest");
    bad.currency = "XXX".into();
    let err = change(&pool, &mut data, async |c, d| define::save_dimension(c, d, &bad).await).await.expect_err("refused");
    assert_eq!(
        fields(err),
        [("name_en".into(), FieldCode::Duplicate), ("currency".into(), FieldCode::InvalidCurrency), ("weight".into(), FieldCode::Negative), ("rule".into(), FieldCode::UnknownValue)]
    );
    let mut empty_choice = dim_input(&data, DimensionKind::Choice, "Tier", "1", "");
    empty_choice.choices = vec![" ".into()];
    let err = change(&pool, &mut data, async |c, d| define::save_dimension(c, d, &empty_choice).await).await.expect_err("no choices");
    assert_eq!(fields(err), [("choices".into(), FieldCode::Required)]);

    let good = dim_input(&data, DimensionKind::YesPartialNo, "Mobile app", "2.5", "");
    let id = change(&pool, &mut data, async |c, d| define::save_dimension(c, d, &good).await).await.expect("added");
    assert_eq!(data.dimensions.last().map(|d| (d.id, d.rule.text())), Some((id, "yes=10;partial=5;no=0".to_string())), "default rule, last column");
    assert_eq!(load(&pool).await, data, "the cached copy equals the store");
}

#[tokio::test]
async fn a_weight_change_moves_scores_and_normalised_weights_and_bad_weights_are_refused() {
    let pool = pool_with_fixture().await;
    let mut data = load(&pool).await;
    let sso = data.dimensions.iter().find(|d| d.key() == "SSO").expect("SSO").id;
    for (text, code) in [("heavy", FieldCode::InvalidNumber), ("-2", FieldCode::Negative), ("1001", FieldCode::OutOfRange), ("0.12345", FieldCode::TooManyDecimals)] {
        let err = change(&pool, &mut data, async |c, d| define::set_weight(c, d, sso, text).await).await.expect_err(text);
        assert_eq!(fields(err), [("weight".into(), code)], "{text}");
    }
    // HubSpot is scored on SSO (no → 0) and Deployment (SaaS → 6): 3.00; without SSO 6.00.
    change(&pool, &mut data, async |c, d| define::set_weight(c, d, sso, "0").await).await.expect("weight 0");
    let g = view::grid(&data, &Scored::new(&data), chrono::NaiveDate::from_ymd_opt(2026, 12, 2).expect("date"), (String::new(), false), (false, false), "");
    let hub = g.ranking.iter().find(|r| r.name == "HubSpot").expect("row");
    assert_eq!((hub.score.as_deref(), hub.coverage_pct.as_str()), (Some("6.00"), "33.3"), "only Deployment of Feature, fee and Deployment is known");
    let pcts: Vec<&str> = g.dimensions.iter().map(|d| d.normalised_pct.as_str()).collect();
    assert_eq!(pcts, ["50.0", "0.0", "33.3", "16.7", "0.0"], "3, 0, 2, 1 of 6; notes are not scored");
    assert_eq!(load(&pool).await, data);
}

#[tokio::test]
async fn rows_and_columns_move_and_hide_and_ours_stays_first() {
    let pool = pool_with_fixture().await;
    let mut data = load(&pool).await;
    let deployment = data.dimensions[3].id.to_string();
    change(&pool, &mut data, async |c, d| define::move_item(c, d, Axis::Column, &deployment, 0).await).await.expect("moved");
    assert_eq!(dim_names(&data), ["Deployment", "Feature depth", "SSO", "Annual fee", "Notes"]);
    let fee = data.dimensions[3].id.to_string();
    change(&pool, &mut data, async |c, d| define::move_item(c, d, Axis::Column, &fee, 99).await).await.expect("to the end");
    assert_eq!(dim_names(&data), ["Deployment", "Feature depth", "SSO", "Notes", "Annual fee"]);

    let hubspot = data.competitors[2].id.to_string();
    change(&pool, &mut data, async |c, d| define::move_item(c, d, Axis::Row, &hubspot, 0).await).await.expect("moved up");
    let names: Vec<&str> = data.competitors.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["我方产品", "HubSpot", "金蝶"], "ours stays pinned first");
    let ours = data.competitors[0].id.to_string();
    let err = change(&pool, &mut data, async |c, d| define::move_item(c, d, Axis::Row, &ours, 2).await).await.expect_err("ours does not move");
    assert!(matches!(err, CoreError::BadRequest(_)));

    let first = data.dimensions[0].id.to_string();
    change(&pool, &mut data, async |c, d| define::set_hidden(c, d, Axis::Column, &first, true).await).await.expect("hidden");
    assert_eq!(load(&pool).await, data, "order and hidden flags are stored");
    // A paste lands on visible columns: column 0 is now Feature depth.
    let changes = edit::paste(&data, 1, 0, "3").expect("paste");
    assert_eq!(data.dimension(changes[0].dimension_id).map(|d| d.key()), Some("Feature depth"));
}

#[tokio::test]
async fn competitors_groups_and_settings_refuse_duplicates_and_changes_that_break_cells() {
    let pool = pool_with_fixture().await;
    let mut data = load(&pool).await;
    let dup = CompetitorInput { id: None, name: " 金蝶 ".into(), is_ours: false };
    let err = change(&pool, &mut data, async |c, d| define::save_competitor(c, d, &dup).await).await.expect_err("duplicate");
    assert_eq!(fields(err), [("name".into(), FieldCode::Duplicate)]);
    let new = CompetitorInput { id: None, name: "Salesforce".into(), is_ours: true };
    change(&pool, &mut data, async |c, d| define::save_competitor(c, d, &new).await).await.expect("added");
    assert_eq!(data.competitors.iter().filter(|c| c.is_ours).map(|c| c.name.as_str()).collect::<Vec<_>>(), ["Salesforce"], "one ours");
    assert_eq!(data.competitors[0].name, "Salesforce", "the new ours is pinned first");

    let err = change(&pool, &mut data, async |c, d| define::add_group(c, d, "价格策略", "").await).await.expect_err("seed name taken");
    assert_eq!(fields(err), [("name_zh".into(), FieldCode::Duplicate)]);
    let g = change(&pool, &mut data, async |c, d| define::add_group(c, d, "生态", "Ecosystem").await).await.expect("group");
    assert_eq!((g.seed, g.position), (None, 5));

    let mut sso = dim_input(&data, DimensionKind::Score, "SSO", "1", "");
    sso.id = data.dimensions.iter().find(|d| d.key() == "SSO").map(|d| d.id.to_string());
    let err = change(&pool, &mut data, async |c, d| define::save_dimension(c, d, &sso).await).await.expect_err("type change");
    assert!(matches!(err, CoreError::Conflict(m) if m.contains("type cannot change")));
    let dep = data.dimensions.iter().find(|d| d.key() == "Deployment").expect("dep").clone();
    let mut fewer = dim_input(&data, DimensionKind::Choice, "Deployment", "1", "");
    (fewer.id, fewer.group_id, fewer.choices) = (Some(dep.id.to_string()), g.id.clone(), vec!["私有部署".into()]);
    let err = change(&pool, &mut data, async |c, d| define::save_dimension(c, d, &fewer).await).await.expect_err("SaaS is held");
    assert!(matches!(err, CoreError::Conflict(m) if m.contains("'SaaS'")));

    let settings = |name: &str, scale: Scale| MatrixSettingsInput { name: name.into(), owner: "产品市场部".into(), scale, stale_after_days: 30 };
    let err = change(&pool, &mut data, async |c, d| define::update_settings(c, d, &settings("CRM 2026", Scale::MinusTwoTwo)).await).await.expect_err("scale");
    assert!(matches!(err, CoreError::Conflict(_)));
    change(&pool, &mut data, async |c, d| define::update_settings(c, d, &settings("CRM 2027", Scale::ZeroTen)).await).await.expect("renamed");
    let mut conn = pool.acquire().await.expect("conn");
    let stored = super::store::load_by_name(&mut conn, "CRM 2027").await.expect("by the new name");
    assert_eq!((stored.matrix.stale_after_days, stored), (30, data));
}

#[tokio::test]
async fn a_patch_carries_the_changed_cell_and_its_whole_rescored_column() {
    let pool = pool_with_fixture().await;
    let mut data = load(&pool).await;
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).expect("date");
    let (kd, fee) = (data.competitors[1].id, data.dimensions.iter().find(|d| d.key() == "Annual fee").expect("fee").clone());
    // Annual fee is a range rule: 100..500 lower better. HubSpot's unknown fee becomes 100 → 10.
    let hub = data.competitors[2].id;
    let mut scored = Scored::new(&data);
    let input = CellInput { competitor_id: hub.to_string(), dimension_id: fee.id.to_string(), text: "100".into(), evidence: None };
    let changes = edit::changes_from_inputs(&data, &[input]).expect("valid");
    let mut tx = pool.begin().await.expect("tx");
    edit::apply(&mut tx, &mut data, &changes, "t").await.expect("applied");
    tx.commit().await.expect("commit");
    scored.rescore(&data, [fee.id]);
    assert_eq!(scored, Scored::new(&data), "rescoring the touched column equals scoring everything");
    assert_eq!(scored.ranking(&data), super::score::rank(&data));
    let p = view::patch(&data, &scored, today, &[(hub, fee.id)], (true, false));
    assert_eq!(p.cells.len(), 1);
    assert_eq!((p.cells[0].text.as_str(), p.cells[0].evidence.is_none()), ("100", true));
    assert_eq!(p.columns.len(), 1);
    assert_eq!(p.columns[0].scores, [Some("7.50".into()), Some("5.00".into()), Some("10.00".into())]);
    let g = view::grid(&data, &scored, today, ("x".into(), true), (true, false), "now");
    assert_eq!((g.text[1].len(), g.text[2][2].as_str()), (5, "100"));
    let kd_fee = g.evidence.iter().find(|e| e.row == 1 && e.col == 2).expect("金蝶's fee has evidence");
    assert_eq!((kd_fee.evidence.label, kd_fee.evidence.stale), (Some(Label::Fact), false), "dated 2026-10-01, 62 days old");
    assert_eq!(g.ranking, p.ranking);
    assert!(g.competitors.iter().any(|c| c.id == kd.to_string()));
}
