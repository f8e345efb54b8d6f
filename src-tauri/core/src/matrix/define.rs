//! Changing a matrix's structure from the editor: its settings (name, owner, the scale while
//! it has no dimensions, the staleness threshold), groups beside the five seeds, dimensions
//! (type, unit, currency, choices, weight, scoring rule), competitors (at most one of them
//! ours, always pinned first), the order of rows and columns, and which of them are hidden.
//!
//! Every function checks its input first (field errors name the form field: `name`, `weight`,
//! `rule`, …), then writes inside the caller's transaction and changes the in-memory
//! [`MatrixData`] the same way, so a window's cached copy stays equal to the store. Cells are
//! never touched here; a change that would leave a stored cell invalid (a new type, a removed
//! choice, a new scale) is refused as a conflict instead.

use super::model::*;
use super::rule::Rule;
use super::store;
use crate::clock;
use crate::error::{CoreError, CoreResult, FieldCode, FieldError};
use crate::ids::{new_row_id, CompetitorId, DimensionId};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;
use std::str::FromStr;
use ts_rs::TS;

/// Names of matrices, groups, dimensions and competitors.
pub const MAX_NAME: usize = 100;
/// The largest weight a dimension may have (weights are shown normalised anyway).
pub const MAX_WEIGHT: u32 = 1000;

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct MatrixSettingsInput {
    pub name: String,
    pub owner: String,
    pub scale: Scale,
    pub stale_after_days: u32,
}

/// A dimension as the editor's form sends it; `id: None` adds one at the end.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct DimensionInput {
    pub id: Option<String>,
    pub group_id: String,
    pub name_zh: String,
    pub name_en: String,
    pub kind: DimensionKind,
    /// Price only (ISO code).
    pub currency: String,
    pub unit: String,
    /// Choice only.
    pub choices: Vec<String>,
    /// A decimal ≥ 0 as typed.
    pub weight: String,
    /// The rule's text form (docs/matrix.md); empty = the default for the type.
    pub rule: String,
}

/// A competitor as the editor sends it; `id: None` adds one at the end.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct CompetitorInput {
    pub id: Option<String>,
    pub name: String,
    pub is_ours: bool,
}

/// Rows are competitors, columns are dimensions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "MatrixAxis")]
pub enum Axis {
    Row,
    Column,
}

fn err(field: &str, code: FieldCode, message: impl Into<String>) -> FieldError {
    FieldError { field: field.into(), code, message: message.into() }
}

fn done(errors: Vec<FieldError>) -> CoreResult<()> {
    if errors.is_empty() { Ok(()) } else { Err(CoreError::Validation(errors)) }
}

fn check_name(errors: &mut Vec<FieldError>, field: &str, value: &str, required: bool) {
    let n = value.trim().chars().count();
    if required && n == 0 {
        errors.push(err(field, FieldCode::Required, "a name is required"));
    } else if n > MAX_NAME {
        errors.push(err(field, FieldCode::TooLong, format!("is longer than {MAX_NAME} characters")));
    }
}

/// Two names of which at least one is given (a dimension or group needs a zh or en name).
fn check_names(errors: &mut Vec<FieldError>, zh: &str, en: &str) {
    check_name(errors, "name_zh", zh, false);
    check_name(errors, "name_en", en, false);
    if zh.trim().is_empty() && en.trim().is_empty() {
        errors.push(err("name_zh", FieldCode::Required, "give a Chinese or an English name"));
    }
}

/// A weight as typed: a decimal from 0 to [`MAX_WEIGHT`] with at most 4 decimals.
pub fn parse_weight(text: &str) -> Result<Decimal, (FieldCode, String)> {
    let t = text.trim();
    let w = Decimal::from_str(t).map_err(|_| (FieldCode::InvalidNumber, format!("'{t}' is not a number")))?.normalize();
    if w.is_sign_negative() && !w.is_zero() {
        return Err((FieldCode::Negative, "a weight must not be negative".into()));
    }
    if w > Decimal::from(MAX_WEIGHT) {
        return Err((FieldCode::OutOfRange, format!("a weight is at most {MAX_WEIGHT}")));
    }
    if w.scale() > 4 {
        return Err((FieldCode::TooManyDecimals, "a weight has at most 4 decimal places".into()));
    }
    Ok(w)
}

pub async fn update_settings(conn: &mut SqliteConnection, data: &mut MatrixData, input: &MatrixSettingsInput) -> CoreResult<()> {
    let mut errors = Vec::new();
    let name = input.name.trim();
    check_name(&mut errors, "name", name, true);
    check_name(&mut errors, "owner", &input.owner, false);
    if !(1..=3650).contains(&input.stale_after_days) {
        errors.push(err("stale_after_days", FieldCode::OutOfRange, "give 1 to 3650 days"));
    }
    if let Some(other) = store::find_optional(conn, name).await?.filter(|m| m.id != data.matrix.id) {
        errors.push(err("name", FieldCode::Duplicate, format!("a matrix named '{}' already exists", other.name)));
    }
    done(errors)?;
    if input.scale != data.matrix.scale && !data.dimensions.is_empty() {
        return Err(CoreError::Conflict(format!("matrix '{}' has dimensions; its scale cannot change any more", data.matrix.name)));
    }
    let m = Matrix { name: name.to_string(), owner: input.owner.trim().to_string(), scale: input.scale, stale_after_days: input.stale_after_days, ..data.matrix.clone() };
    sqlx::query("UPDATE matrices SET name = ? WHERE id = ?").bind(&m.name).bind(m.id.to_string()).execute(&mut *conn).await?;
    store::update_settings(conn, &m).await?;
    data.matrix = m;
    Ok(())
}

/// A group beside the seeds, last in order; the same pair of names twice is refused.
pub async fn add_group(conn: &mut SqliteConnection, data: &mut MatrixData, name_zh: &str, name_en: &str) -> CoreResult<Group> {
    let (zh, en) = (name_zh.trim(), name_en.trim());
    let mut errors = Vec::new();
    check_names(&mut errors, zh, en);
    let clash = |a: &str, b: &str| !a.is_empty() && a == b;
    if data.groups.iter().any(|g| clash(zh, &g.name_zh) || clash(en, &g.name_en)) {
        errors.push(err(if zh.is_empty() { "name_en" } else { "name_zh" }, FieldCode::Duplicate, "the matrix already has a group of that name"));
    }
    done(errors)?;
    let g = Group { id: new_row_id(), seed: None, name_zh: zh.into(), name_en: en.into(), position: data.groups.iter().map(|g| g.position + 1).max().unwrap_or(0) };
    store::insert_group(conn, data.matrix.id, &g).await?;
    store::touch(conn, data.matrix.id).await?;
    data.groups.push(g.clone());
    Ok(g)
}

fn check_choices(errors: &mut Vec<FieldError>, kind: DimensionKind, choices: &[String]) -> Vec<String> {
    if kind != DimensionKind::Choice {
        return Vec::new();
    }
    let list: Vec<String> = choices.iter().map(|c| c.trim().to_string()).filter(|c| !c.is_empty()).collect();
    if list.is_empty() {
        errors.push(err("choices", FieldCode::Required, "a choice dimension needs at least one choice"));
    }
    for (i, c) in list.iter().enumerate() {
        if c.contains(['|', ';']) || c.chars().count() > 60 {
            errors.push(err("choices", FieldCode::UnknownValue, format!("choice '{c}' must be at most 60 characters without | or ;")));
        } else if list[..i].contains(c) {
            errors.push(err("choices", FieldCode::Duplicate, format!("choice '{c}' is listed twice")));
        }
    }
    list
}

/// Adds (`input.id` None) or changes a dimension. The type can change only while none of its
/// cells is known, and a choice can be removed only while no cell holds it.
pub async fn save_dimension(conn: &mut SqliteConnection, data: &mut MatrixData, input: &DimensionInput) -> CoreResult<DimensionId> {
    let existing = match input.id.as_deref() {
        Some(raw) => {
            let id = DimensionId::parse(raw).ok_or_else(|| CoreError::BadRequest(format!("'{raw}' is not a dimension id")))?;
            Some(data.dimension(id).cloned().ok_or_else(|| CoreError::not_found("dimension", raw))?)
        }
        None => None,
    };
    let (zh, en) = (input.name_zh.trim(), input.name_en.trim());
    let mut errors = Vec::new();
    check_names(&mut errors, zh, en);
    if data.group(&input.group_id).is_none() {
        errors.push(err("group_id", FieldCode::InvalidReference, "choose one of the matrix's groups"));
    }
    let key = if en.is_empty() { zh } else { en };
    let id = existing.as_ref().map(|d| d.id).unwrap_or_default();
    if data.dimensions.iter().any(|d| d.id != id && d.key() == key) {
        errors.push(err(if en.is_empty() { "name_zh" } else { "name_en" }, FieldCode::Duplicate, format!("the matrix already has a dimension '{key}'")));
    }
    let currency = input.currency.trim().to_uppercase();
    let currency = if input.kind == DimensionKind::Price {
        if crate::money::minor_units(&currency).is_none() {
            errors.push(err("currency", FieldCode::InvalidCurrency, format!("'{currency}' is not a supported currency")));
        }
        currency
    } else {
        String::new()
    };
    if input.unit.trim().chars().count() > 40 {
        errors.push(err("unit", FieldCode::TooLong, "a unit is at most 40 characters"));
    }
    let choices = check_choices(&mut errors, input.kind, &input.choices);
    let weight = parse_weight(&input.weight).map_err(|(code, m)| errors.push(err("weight", code, m))).ok();
    let rule = Rule::parse(&input.rule, input.kind, data.matrix.scale, &choices).map_err(|m| errors.push(err("rule", FieldCode::UnknownValue, m))).ok();
    done(errors)?;
    let (Some(weight), Some(rule)) = (weight, rule) else { return Err(CoreError::BadRequest("weight or rule missing".into())) };
    if let Some(old) = &existing {
        let held = data.competitors.iter().filter_map(|c| data.value(c.id, old.id));
        let mut held = held.peekable();
        if old.kind != input.kind && held.peek().is_some() {
            return Err(CoreError::Conflict(format!("dimension {} has known cells; its type cannot change", old.label())));
        }
        if let Some(CellValue::Choice(lost)) = held.find(|v| matches!(v, CellValue::Choice(c) if !choices.contains(c))) {
            return Err(CoreError::Conflict(format!("cells of {} hold the choice '{lost}'; it cannot be removed", old.label())));
        }
    }
    let d = Dimension {
        id,
        group_id: input.group_id.clone(),
        name_zh: zh.into(),
        name_en: en.into(),
        kind: input.kind,
        currency,
        unit: input.unit.trim().into(),
        choices,
        weight,
        rule,
        position: existing.as_ref().map(|d| d.position).unwrap_or_else(|| data.dimensions.iter().map(|d| d.position + 1).max().unwrap_or(0)),
        hidden: existing.as_ref().is_some_and(|d| d.hidden),
    };
    store::upsert_dimension(conn, data.matrix.id, &d).await?;
    store::touch(conn, data.matrix.id).await?;
    match data.dimensions.iter_mut().find(|x| x.id == d.id) {
        Some(x) => *x = d,
        None => data.dimensions.push(d),
    }
    Ok(id)
}

/// Sets one dimension's weight (weight 0 takes it out of the scores).
pub async fn set_weight(conn: &mut SqliteConnection, data: &mut MatrixData, dimension: DimensionId, text: &str) -> CoreResult<()> {
    let weight = parse_weight(text).map_err(|(code, m)| CoreError::Validation(vec![err("weight", code, m)]))?;
    let d = data.dimensions.iter_mut().find(|d| d.id == dimension).ok_or_else(|| CoreError::not_found("dimension", dimension))?;
    sqlx::query("UPDATE matrix_dimensions SET weight = ?, updated_at = ? WHERE id = ?")
        .bind(weight.to_string())
        .bind(clock::now())
        .bind(dimension.to_string())
        .execute(&mut *conn)
        .await?;
    d.weight = weight;
    store::touch(conn, data.matrix.id).await
}

/// Adds or renames a competitor; marking one as ours unmarks the previous one.
pub async fn save_competitor(conn: &mut SqliteConnection, data: &mut MatrixData, input: &CompetitorInput) -> CoreResult<CompetitorId> {
    let existing = match input.id.as_deref() {
        Some(raw) => {
            let id = CompetitorId::parse(raw).ok_or_else(|| CoreError::BadRequest(format!("'{raw}' is not a competitor id")))?;
            Some(data.competitor(id).cloned().ok_or_else(|| CoreError::not_found("competitor", raw))?)
        }
        None => None,
    };
    let name = input.name.trim();
    let mut errors = Vec::new();
    check_name(&mut errors, "name", name, true);
    let id = existing.as_ref().map(|c| c.id).unwrap_or_default();
    if data.competitors.iter().any(|c| c.id != id && c.name == name) {
        errors.push(err("name", FieldCode::Duplicate, format!("the matrix already has a competitor '{name}'")));
    }
    done(errors)?;
    if input.is_ours {
        sqlx::query("UPDATE matrix_competitors SET is_ours = 0 WHERE matrix_id = ? AND id <> ?")
            .bind(data.matrix.id.to_string())
            .bind(id.to_string())
            .execute(&mut *conn)
            .await?;
        data.competitors.iter_mut().for_each(|c| c.is_ours = false);
    }
    let c = Competitor {
        id,
        name: name.into(),
        is_ours: input.is_ours,
        position: existing.as_ref().map(|c| c.position).unwrap_or_else(|| data.competitors.iter().map(|c| c.position + 1).max().unwrap_or(0)),
        hidden: existing.as_ref().is_some_and(|c| c.hidden),
    };
    store::upsert_competitor(conn, data.matrix.id, &c).await?;
    store::touch(conn, data.matrix.id).await?;
    match data.competitors.iter_mut().find(|x| x.id == c.id) {
        Some(x) => *x = c,
        None => data.competitors.push(c),
    }
    data.sort();
    Ok(id)
}

/// Moves a row or column to index `to` of the display order (rows: ours stays first).
/// Positions are renumbered 0, 1, 2 … and only the ones that changed are written.
pub async fn move_item(conn: &mut SqliteConnection, data: &mut MatrixData, axis: Axis, id: &str, to: usize) -> CoreResult<()> {
    let now = clock::now();
    let changed: Vec<(String, i64)> = match axis {
        Axis::Column => {
            let from = data.dimensions.iter().position(|d| d.id.to_string() == id).ok_or_else(|| CoreError::not_found("dimension", id))?;
            let d = data.dimensions.remove(from);
            data.dimensions.insert(to.min(data.dimensions.len()), d);
            renumber(data.dimensions.iter_mut().map(|d| (d.id.to_string(), &mut d.position)))
        }
        Axis::Row => {
            let from = data.competitors.iter().position(|c| c.id.to_string() == id).ok_or_else(|| CoreError::not_found("competitor", id))?;
            if data.competitors[from].is_ours {
                return Err(CoreError::BadRequest("our own product is pinned first and does not move".into()));
            }
            let first = usize::from(data.competitors.first().is_some_and(|c| c.is_ours));
            let c = data.competitors.remove(from);
            data.competitors.insert(to.clamp(first, data.competitors.len()), c);
            renumber(data.competitors.iter_mut().map(|c| (c.id.to_string(), &mut c.position)))
        }
    };
    let table = match axis {
        Axis::Column => "UPDATE matrix_dimensions SET position = ?, updated_at = ? WHERE id = ?",
        Axis::Row => "UPDATE matrix_competitors SET position = ?, updated_at = ? WHERE id = ?",
    };
    for (id, position) in changed {
        sqlx::query(table).bind(position).bind(&now).bind(id).execute(&mut *conn).await?;
    }
    store::touch(conn, data.matrix.id).await
}

fn renumber<'a>(items: impl Iterator<Item = (String, &'a mut i64)>) -> Vec<(String, i64)> {
    let mut changed = Vec::new();
    for (i, (id, position)) in items.enumerate() {
        if *position != i as i64 {
            *position = i as i64;
            changed.push((id, i as i64));
        }
    }
    changed
}

/// Hides or shows a row or column. Hiding is a view setting: hidden ones still count in scores.
pub async fn set_hidden(conn: &mut SqliteConnection, data: &mut MatrixData, axis: Axis, id: &str, hidden: bool) -> CoreResult<()> {
    let (sql, slot) = match axis {
        Axis::Column => ("UPDATE matrix_dimensions SET hidden = ?, updated_at = ? WHERE id = ?", data.dimensions.iter_mut().find(|d| d.id.to_string() == id).map(|d| &mut d.hidden)),
        Axis::Row => ("UPDATE matrix_competitors SET hidden = ?, updated_at = ? WHERE id = ?", data.competitors.iter_mut().find(|c| c.id.to_string() == id).map(|c| &mut c.hidden)),
    };
    let slot = slot.ok_or_else(|| CoreError::not_found(if axis == Axis::Row { "competitor" } else { "dimension" }, id))?;
    *slot = hidden;
    sqlx::query(sql).bind(i64::from(hidden)).bind(clock::now()).bind(id).execute(&mut *conn).await?;
    store::touch(conn, data.matrix.id).await
}
