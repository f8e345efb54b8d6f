//! Reading a plan from untrusted bytes (a file, the form's JSON, a database column): size and
//! nesting limits first, then serde with `deny_unknown_fields`, then `validate`. Every refusal
//! is a `CoreError::Validation` whose `FieldError.field` is the JSON path (`rate.tiers[2].from`)
//! or `$` for the document as a whole.

use super::json_path;
use super::plan::Plan;
use super::validate::validate;
use crate::error::{CoreError, CoreResult, FieldCode, FieldError};

/// Most bytes a plan may have: a plan with 1,000 overrides is about 150 KB.
pub const MAX_PLAN_BYTES: usize = 1024 * 1024;

/// Deepest nesting a plan may have. The deepest real path is
/// `overrides[i].rate.tiers[j]`, 4 levels; serde_json itself stops at 128.
pub const MAX_PLAN_DEPTH: usize = 16;

fn whole(code: FieldCode, message: impl Into<String>) -> CoreError {
    CoreError::Validation(vec![FieldError { field: "$".into(), code, message: message.into() }])
}

/// Parses and validates a plan. The result is a plan the engine can run.
pub fn parse_plan(bytes: &[u8]) -> CoreResult<Plan> {
    let plan = read_plan(bytes)?;
    validate(&plan)?;
    Ok(plan)
}

/// Parses without the semantic checks (for the form, which shows `validate`'s errors itself).
pub fn read_plan(bytes: &[u8]) -> CoreResult<Plan> {
    if bytes.len() > MAX_PLAN_BYTES {
        return Err(whole(
            FieldCode::TooLong,
            format!("the plan is {} KB; a plan may have at most {} KB", bytes.len() / 1024, MAX_PLAN_BYTES / 1024),
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| whole(FieldCode::Unreadable, format!("the plan is not UTF-8 text ({e})")))?;
    let text = text.trim_start_matches('\u{feff}');
    let depth = json_path::depth(text, MAX_PLAN_DEPTH);
    if depth > MAX_PLAN_DEPTH {
        return Err(whole(FieldCode::OutOfRange, format!("the plan is nested deeper than {MAX_PLAN_DEPTH} levels; a plan needs at most 4")));
    }
    serde_json::from_str::<Plan>(text).map_err(|e| structural(text, &e))
}

/// Turns a serde_json error into a field error at the path where it struck.
fn structural(text: &str, e: &serde_json::Error) -> CoreError {
    let mut path = json_path::path_at(text, e.line(), e.column());
    let full = e.to_string();
    // serde_json appends " at line L column C"; the path replaces it.
    let message = match full.rfind(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full.clone(),
    };
    if let Some(field) = message.strip_prefix("missing field `").and_then(|m| m.strip_suffix('`')) {
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(field);
    }
    let code = if message.starts_with("missing field") {
        FieldCode::Required
    } else if message.starts_with("unknown field") || message.starts_with("unknown variant") {
        FieldCode::UnknownValue
    } else if e.is_syntax() || e.is_eof() {
        FieldCode::Unreadable
    } else {
        FieldCode::InvalidNumber
    };
    let code = if message.contains("date") && code == FieldCode::InvalidNumber { FieldCode::InvalidDate } else { code };
    let field = if path.is_empty() { "$".to_string() } else { path };
    let message = if e.is_syntax() || e.is_eof() { format!("{message} (line {}, column {})", e.line(), e.column()) } else { message };
    CoreError::Validation(vec![FieldError { field, code, message }])
}
