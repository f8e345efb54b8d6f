//! Partner files: partners by code (a known code is updated), parents and levels checked
//! across the file and the database.

use super::super::columns::{PARTNERS, PARTNERS_REQUIRED};
use super::super::partners;
use super::rows::{rows, Problems, RowView};
use super::{begin_batch, finish_batch, sha256_hex, ImportSummary};
use crate::clock;
use crate::error::{CoreResult, FieldCode};
use crate::validate::{truncate, Checker};
use sqlx::SqlitePool;
use std::collections::HashMap;

fn level(c: &mut Checker, text: &str) -> Option<u8> {
    let v = text.trim();
    if v.is_empty() {
        return None;
    }
    let n = match v {
        "一级" | "一级代理" | "一级经销商" => Some(1),
        "二级" | "二级代理" | "二级经销商" => Some(2),
        "三级" => Some(3),
        _ => v.trim_start_matches(['L', 'l']).parse::<u8>().ok().filter(|n| (1..=9).contains(n)),
    };
    if n.is_none() {
        c.fail("level", FieldCode::UnknownValue, format!("'{}' is not a level (1–9, 一级, 二级, 三级)", truncate(v)));
    }
    n
}

/// Imports partners by code (a known code is updated), then sets parents, so a parent may be
/// further down the file. A parent must exist and sit at a lower level; cycles are refused.
pub async fn import_partners(pool: &SqlitePool, file_name: &str, bytes: &[u8]) -> CoreResult<ImportSummary> {
    let sha = sha256_hex(bytes);
    let mut tx = pool.begin().await?;
    let batch_id = begin_batch(&mut tx, "partners", file_name, &sha).await?;
    let rows = rows(file_name, bytes, PARTNERS, PARTNERS_REQUIRED)?;
    let mut problems = Problems::new(file_name, PARTNERS);
    let now = clock::now();
    let mut summary = ImportSummary { kind: "partners", file_name: file_name.to_string(), batch_id, sha256: sha, inserted: 0, updated: 0 };
    let mut parents: Vec<(&RowView, String, Option<String>, Option<u8>)> = Vec::new();
    let mut seen: HashMap<String, u32> = HashMap::new();
    for row in &rows {
        let mut c = Checker::new();
        let code = c.text("code", row.get("code"), 40, true);
        let name = c.text("name", row.get("name"), 200, true);
        let region = c.text("region", row.get("region"), 80, false);
        let parent = Some(c.text("parent_code", row.get("parent_code"), 40, false)).filter(|p| !p.is_empty());
        let given_level = level(&mut c, row.get("level"));
        let contract_start = c.date("contract_start", row.get("contract_start"));
        let contract_end = c.date("contract_end", row.get("contract_end"));
        if let (Some(s), Some(e)) = (contract_start, contract_end) {
            if e < s {
                c.fail("contract_end", FieldCode::OutOfRange, format!("ends before the contract starts ({s})"));
            }
        }
        let holder = c.text("bank_account_holder", row.get("bank_account_holder"), 200, false);
        let number: String = row.get("bank_account_number").chars().filter(|ch| !ch.is_whitespace() && *ch != '-').collect();
        if number.chars().count() > 34 || !number.chars().all(|ch| ch.is_ascii_alphanumeric()) {
            c.fail("bank_account_number", FieldCode::OutOfRange, "is not a bank account number (letters and digits, at most 34)");
        }
        let bank_name = c.text("bank_name", row.get("bank_name"), 200, false);
        if parent.as_deref() == Some(code.as_str()) && !code.is_empty() {
            c.fail("parent_code", FieldCode::InvalidReference, "a partner cannot be its own parent");
        }
        if let Some(first) = seen.get(&code) {
            c.fail("code", FieldCode::Duplicate, format!("partner {code} is also on row {first}"));
        }
        if !c.is_ok() {
            problems.fields(row, c.into_errors());
            continue;
        }
        seen.insert(code.clone(), row.number);
        let level = given_level.unwrap_or(if parent.is_some() { 2 } else { 1 });
        let fields = partners::PartnerFields { code: code.clone(), name, region, level, contract_start, contract_end, bank_account_holder: holder, bank_account_number: number, bank_name };
        if partners::upsert(&mut tx, &fields, &now).await? {
            summary.inserted += 1;
        } else {
            summary.updated += 1;
        }
        parents.push((row, code, parent, given_level));
    }
    for (row, code, parent, _) in &parents {
        let Some(p) = parent else {
            partners::set_parent(&mut tx, code, None).await?;
            continue;
        };
        match partners::by_code(&mut tx, p).await? {
            None => problems.add(row, "parent_code", FieldCode::InvalidReference, format!("no partner has the code {p} (in this file or the database)")),
            Some(_) => partners::set_parent(&mut tx, code, Some(p)).await?,
        }
    }
    // A level left empty is the partner's depth in the tree (1 + its parents).
    for (row, code, parent, given) in &parents {
        if parent.is_none() {
            continue;
        }
        let chain = partners::ancestors(&mut tx, code).await?;
        if chain.last().is_some_and(|a| a.parent_code.as_deref() == Some(code.as_str())) {
            problems.add(row, "parent_code", FieldCode::InvalidReference, "the parents form a cycle");
        } else if given.is_none() {
            partners::set_level(&mut tx, code, u8::try_from(chain.len() + 1).unwrap_or(9).min(9)).await?;
        }
    }
    for (row, code, parent, given) in &parents {
        if parent.is_none() || given.is_none() {
            continue;
        }
        let chain = partners::ancestors(&mut tx, code).await?;
        if let (Some(me), Some(direct)) = (partners::by_code(&mut tx, code).await?, chain.first()) {
            if me.level <= direct.level {
                problems.add(row, "level", FieldCode::OutOfRange, format!("level {} is not below its parent {} (level {})", me.level, direct.code, direct.level));
            }
        }
    }
    if !problems.is_empty() {
        tx.rollback().await?;
        return Err(problems.into_err());
    }
    finish_batch(&mut tx, &summary).await?;
    tx.commit().await?;
    tracing::info!(inserted = summary.inserted, updated = summary.updated, "partners imported");
    Ok(summary)
}
