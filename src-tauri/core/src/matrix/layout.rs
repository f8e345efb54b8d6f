//! The wide file layout of a matrix (CSV or XLSX, one sheet): competitors × dimensions with a
//! header block describing every dimension, so export → import loses nothing. Column A holds
//! a row key (`#…`) or a competitor's name; B and C the competitor's "ours" and "hidden"
//! flags; dimensions from column D on. The full description is in docs/matrix.md.
//!
//! Reading is all-or-nothing: every problem is collected with its spreadsheet row (header =
//! row 1) and column (`E (价格 Price)`), and nothing is returned unless there are none.

use super::model::*;
use super::rule::Rule;
use super::value;
use crate::error::{FieldCode, ImportProblem, ImportRejection};
use crate::ids::{new_row_id, CompetitorId, DimensionId, MatrixId};
use crate::tabular::{Cell as Out, Sheet};
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::str::FromStr;

/// Dimension columns start here (A = key/competitor, B = ours, C = hidden).
pub const FIRST_DIM: usize = 3;
/// Header rows, in the order they are written (row 1 is `#name_zh`).
const DIM_ROWS: [&str; 11] = ["#name_zh", "#name_en", "#group_zh", "#group_en", "#type", "#currency", "#unit", "#choices", "#weight", "#rule", "#dim_hidden"];
const MAX_PROBLEMS: usize = 50;

/// Column letters: 0 → A, 25 → Z, 26 → AA.
pub fn column_letter(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

fn yes_no(b: bool) -> Out {
    Out::Text(if b { "yes" } else { "no" }.into())
}

/// A leading `'` is always doubled, so the one an export adds before `= + - @` and the one a
/// user typed can both be taken off again on import (which removes exactly one).
fn text(t: &str) -> Out {
    Out::Text(if t.starts_with('\'') { format!("'{t}") } else { t.to_string() })
}

/// The rows of the file (row 1 first), padded to one width.
pub fn encode(data: &MatrixData) -> Vec<Vec<Out>> {
    let mut rows: Vec<Vec<Out>> = Vec::new();
    let group = |d: &Dimension| data.group(&d.group_id);
    for key in DIM_ROWS {
        let mut row = vec![Out::Text(key.into())];
        row.push(Out::Text(if key == "#name_zh" { "#ours" } else { "" }.into()));
        row.push(Out::Text(if key == "#name_zh" { "#hidden" } else { "" }.into()));
        for d in &data.dimensions {
            row.push(match key {
                "#name_zh" => text(&d.name_zh),
                "#name_en" => text(&d.name_en),
                "#group_zh" => text(group(d).map(|g| g.name_zh.as_str()).unwrap_or("")),
                "#group_en" => text(group(d).map(|g| g.name_en.as_str()).unwrap_or("")),
                "#type" => Out::Text(d.kind.code().into()),
                "#currency" => Out::Text(d.currency.clone()),
                "#unit" => text(&d.unit),
                "#choices" => text(&d.choices.join("|")),
                "#weight" => Out::Number(d.weight.normalize()),
                "#rule" => text(&d.rule.text()),
                _ => yes_no(d.hidden),
            });
        }
        rows.push(row);
    }
    let m = &data.matrix;
    rows.push(vec![Out::Text("#matrix".into()), Out::Text(format!("scale={}", m.scale.label())), Out::Text(format!("stale_days={}", m.stale_after_days)), text(&format!("owner={}", m.owner))]);
    for g in &data.groups {
        rows.push(vec![Out::Text("#group".into()), text(&g.name_zh), text(&g.name_en)]);
    }
    for c in &data.competitors {
        let mut row = vec![text(&c.name), yes_no(c.is_ours), yes_no(c.hidden)];
        for d in &data.dimensions {
            row.push(match data.value(c.id, d.id) {
                None => Out::Text(String::new()),
                Some(CellValue::Score(v) | CellValue::Price(v) | CellValue::Number(v)) => Out::Number(v.normalize()),
                Some(v) => text(&value::text(v)),
            });
        }
        rows.push(row);
    }
    for c in &data.competitors {
        for d in &data.dimensions {
            if let Some(cell) = data.cell(c.id, d.id).filter(|cell| !cell.evidence.is_empty()) {
                let e = &cell.evidence;
                rows.push(vec![
                    Out::Text("#evidence".into()),
                    text(&c.name),
                    text(d.key()),
                    text(&e.source),
                    Out::Text(e.as_of.map(|d| d.to_string()).unwrap_or_default()),
                    Out::Text(e.label.map(|l| l.code().to_string()).unwrap_or_default()),
                ]);
            }
        }
    }
    let width = rows.iter().map(Vec::len).max().unwrap_or(0).max(6);
    for r in &mut rows {
        r.resize(width, Out::Text(String::new()));
    }
    rows
}

struct Problems {
    list: Vec<ImportProblem>,
    more: u32,
}

impl Problems {
    fn add(&mut self, row: usize, column: String, value: &str, code: FieldCode, message: impl Into<String>) {
        if self.list.len() < MAX_PROBLEMS {
            let value: String = value.chars().take(60).collect();
            self.list.push(ImportProblem { row: row as u32, column, value, code, message: message.into() });
        } else {
            self.more += 1;
        }
    }
}

fn unguard(s: &str) -> &str {
    s.strip_prefix('\'').unwrap_or(s)
}

fn boolean(v: &str) -> Option<bool> {
    match v.trim().to_lowercase().as_str() {
        "" | "no" | "n" | "false" | "0" | "否" => Some(false),
        "yes" | "y" | "true" | "1" | "是" => Some(true),
        _ => None,
    }
}

/// Reads a sheet in the wide layout into a matrix named `name` (fresh ids), or every problem.
pub fn decode(file_name: &str, name: &str, sheet: &Sheet) -> Result<MatrixData, ImportRejection> {
    let mut p = Problems { list: Vec::new(), more: 0 };
    let all: Vec<(usize, Vec<String>)> = std::iter::once(&sheet.headers)
        .chain(sheet.rows.iter())
        .enumerate()
        .map(|(i, r)| (i + 1, r.iter().map(|c| unguard(c).to_string()).collect()))
        .collect();
    let get = |r: &[String], i: usize| r.get(i).map(|s| s.trim()).unwrap_or("").to_string();
    let mut meta: HashMap<&str, (usize, Vec<String>)> = HashMap::new();
    let (mut groups_rows, mut comp_rows, mut evidence_rows, mut matrix_row) = (Vec::new(), Vec::new(), Vec::new(), None);
    for (n, r) in &all {
        let key = get(r, 0);
        match key.as_str() {
            "#matrix" => matrix_row = Some((*n, r.clone())),
            "#group" => groups_rows.push((*n, r.clone())),
            "#evidence" => evidence_rows.push((*n, r.clone())),
            k if DIM_ROWS.contains(&k) => {
                let k = DIM_ROWS.iter().find(|x| **x == k).copied().unwrap_or("");
                meta.insert(k, (*n, r.clone()));
            }
            "" if r.iter().all(|c| c.trim().is_empty()) => {}
            k if k.starts_with('#') => p.add(*n, "A".into(), k, FieldCode::UnknownValue, format!("'{k}' is not a row key of the matrix layout (see docs/matrix.md)")),
            _ => comp_rows.push((*n, r.clone())),
        }
    }
    if !meta.contains_key("#name_zh") && !meta.contains_key("#name_en") {
        p.add(1, "A".into(), &get(&all[0].1, 0), FieldCode::MissingColumn, "the file has no #name_zh or #name_en row: it is not a matrix in the DealDesk layout (docs/matrix.md)");
        return Err(ImportRejection { file_name: file_name.into(), problems: p.list, more: p.more });
    }

    // Matrix settings.
    let (mut scale, mut stale, mut owner) = (Scale::ZeroTen, 90u32, String::new());
    if let Some((n, r)) = &matrix_row {
        for (i, cell) in r.iter().enumerate().skip(1) {
            let cell = cell.trim();
            if cell.is_empty() {
                continue;
            }
            let col = column_letter(i);
            match cell.split_once('=') {
                Some(("scale", v)) => match Scale::parse(v) {
                    Some(s) => scale = s,
                    None => p.add(*n, col, cell, FieldCode::UnknownValue, "scale must be 0-10 or -2..+2"),
                },
                Some(("stale_days", v)) => match v.trim().parse::<u32>() {
                    Ok(d) if (1..=3650).contains(&d) => stale = d,
                    _ => p.add(*n, col, cell, FieldCode::OutOfRange, "stale_days must be a whole number of days from 1 to 3650"),
                },
                Some(("owner", v)) => owner = v.trim().to_string(),
                _ => p.add(*n, col, cell, FieldCode::UnknownValue, "expected scale=…, stale_days=… or owner=…"),
            }
        }
    }

    // Groups: the declared ones in order, then any a dimension names.
    let mut groups: Vec<Group> = Vec::new();
    let group_of = |zh: &str, en: &str, groups: &mut Vec<Group>| -> String {
        if let Some(g) = groups.iter().find(|g| g.name_zh == zh && g.name_en == en) {
            return g.id.clone();
        }
        let seed = SEED_GROUPS.iter().find(|(_, z, e)| *z == zh && *e == en).map(|(s, _, _)| s.to_string());
        let g = Group { id: new_row_id(), seed, name_zh: zh.into(), name_en: en.into(), position: groups.len() as i64 };
        let id = g.id.clone();
        groups.push(g);
        id
    };
    for (n, r) in &groups_rows {
        let (zh, en) = (get(r, 1), get(r, 2));
        if zh.is_empty() && en.is_empty() {
            p.add(*n, "B".into(), "", FieldCode::Required, "a group needs a Chinese or an English name");
            continue;
        }
        group_of(&zh, &en, &mut groups);
    }

    // Dimensions.
    let width = all.iter().map(|(_, r)| r.len()).max().unwrap_or(0);
    let row_of = |k: &str| meta.get(k).map(|(n, _)| *n).unwrap_or(1);
    let at = |k: &str, i: usize| meta.get(k).map(|(_, r)| get(r, i)).unwrap_or_default();
    let mut dimensions: Vec<Dimension> = Vec::new();
    for i in FIRST_DIM..width {
        let (zh, en) = (at("#name_zh", i), at("#name_en", i));
        if zh.is_empty() && en.is_empty() {
            continue;
        }
        let label = if zh.is_empty() || en.is_empty() { format!("{zh}{en}") } else { format!("{zh} {en}") };
        let col = format!("{} ({label})", column_letter(i));
        let kind = match at("#type", i).as_str() {
            "" => DimensionKind::Score,
            t => DimensionKind::parse(t).unwrap_or_else(|| {
                p.add(row_of("#type"), col.clone(), t, FieldCode::UnknownValue, "type must be score, yes_partial_no, price, number, text or choice");
                DimensionKind::Text
            }),
        };
        let currency = at("#currency", i).to_ascii_uppercase();
        if kind == DimensionKind::Price && crate::money::minor_units(&currency).is_none() {
            p.add(row_of("#currency"), col.clone(), &currency, FieldCode::InvalidCurrency, "a price dimension needs a supported currency code (CNY, USD, …)");
        }
        let choices: Vec<String> = at("#choices", i).split('|').map(|c| c.trim().to_string()).filter(|c| !c.is_empty()).collect();
        if kind == DimensionKind::Choice && choices.is_empty() {
            p.add(row_of("#choices"), col.clone(), "", FieldCode::Required, "a choice dimension needs its choices, separated by |");
        }
        if let Some(bad) = choices.iter().find(|c| c.contains(['=', ';'])) {
            p.add(row_of("#choices"), col.clone(), bad, FieldCode::UnknownValue, "a choice may not contain = or ;");
        }
        let weight_text = at("#weight", i);
        let weight = if weight_text.is_empty() {
            Decimal::ONE
        } else {
            match Decimal::from_str(&weight_text).map(|d| d.normalize()) {
                Ok(w) if w >= Decimal::ZERO && w <= Decimal::from(1000) && w.scale() <= 4 => w,
                _ => {
                    p.add(row_of("#weight"), col.clone(), &weight_text, FieldCode::InvalidNumber, "a weight is a number from 0 to 1000 with at most 4 decimals");
                    Decimal::ONE
                }
            }
        };
        let rule = Rule::parse(&at("#rule", i), kind, scale, &choices).unwrap_or_else(|e| {
            p.add(row_of("#rule"), col.clone(), &at("#rule", i), FieldCode::UnknownValue, e);
            Rule::None
        });
        let hidden = boolean(&at("#dim_hidden", i)).unwrap_or_else(|| {
            p.add(row_of("#dim_hidden"), col.clone(), &at("#dim_hidden", i), FieldCode::UnknownValue, "is not yes/no");
            false
        });
        let (gzh, gen) = (at("#group_zh", i), at("#group_en", i));
        let (gzh, gen) = if gzh.is_empty() && gen.is_empty() { (SEED_GROUPS[0].1.to_string(), SEED_GROUPS[0].2.to_string()) } else { (gzh, gen) };
        let d = Dimension {
            id: DimensionId::new(),
            group_id: group_of(&gzh, &gen, &mut groups),
            name_zh: zh,
            name_en: en,
            kind,
            currency: if kind == DimensionKind::Price { currency } else { String::new() },
            unit: at("#unit", i),
            choices,
            weight,
            rule,
            position: dimensions.len() as i64,
            hidden,
        };
        if dimensions.iter().any(|x| x.key() == d.key()) {
            p.add(row_of("#name_en"), col.clone(), d.key(), FieldCode::Duplicate, "two dimensions have this name");
        }
        dimensions.push(d);
    }
    let col_of: HashMap<usize, usize> = {
        let mut m = HashMap::new();
        let mut k = 0;
        for i in FIRST_DIM..width {
            if !(at("#name_zh", i).is_empty() && at("#name_en", i).is_empty()) {
                m.insert(k, i);
                k += 1;
            }
        }
        m
    };

    // Competitors and their cells.
    let mut competitors: Vec<Competitor> = Vec::new();
    let mut cells = HashMap::new();
    for (n, r) in &comp_rows {
        let name = get(r, 0);
        if name.is_empty() {
            p.add(*n, "A".into(), "", FieldCode::Required, "a competitor row needs a name in column A");
        }
        if name.chars().count() > 100 {
            p.add(*n, "A".into(), &name, FieldCode::TooLong, "a competitor name has at most 100 characters");
        }
        if competitors.iter().any(|c| c.name == name) {
            p.add(*n, "A".into(), &name, FieldCode::Duplicate, "this competitor is listed twice");
        }
        let flag = |i: usize, p: &mut Problems| {
            boolean(&get(r, i)).unwrap_or_else(|| {
                p.add(*n, column_letter(i), &get(r, i), FieldCode::UnknownValue, "is not yes/no");
                false
            })
        };
        let c = Competitor { id: CompetitorId::new(), name: name.clone(), is_ours: flag(1, &mut p), position: competitors.len() as i64, hidden: flag(2, &mut p) };
        if c.is_ours && competitors.iter().any(|x| x.is_ours) {
            p.add(*n, "B".into(), "yes", FieldCode::Duplicate, "only one row can be our product");
        }
        for (k, d) in dimensions.iter().enumerate() {
            let i = col_of.get(&k).copied().unwrap_or(FIRST_DIM + k);
            let raw = r.get(i).cloned().unwrap_or_default();
            match value::parse(d, scale, &raw) {
                Ok(Some(v)) => {
                    cells.insert((c.id, d.id), Cell { value: Some(v), evidence: Evidence::default() });
                }
                Ok(None) => {}
                Err((code, msg)) => p.add(*n, format!("{} ({})", column_letter(i), d.label()), &raw, code, format!("{} × {}: {msg}", c.name, d.label())),
            }
        }
        competitors.push(c);
    }
    for (n, r) in &evidence_rows {
        let (cname, dkey) = (get(r, 1), get(r, 2));
        let Some(c) = competitors.iter().find(|c| c.name == cname) else {
            p.add(*n, "B".into(), &cname, FieldCode::InvalidReference, "no competitor row has this name");
            continue;
        };
        let Some(d) = dimensions.iter().find(|d| d.key() == dkey) else {
            p.add(*n, "C".into(), &dkey, FieldCode::InvalidReference, "no dimension has this name (#name_en, or #name_zh when there is no English name)");
            continue;
        };
        let input = super::edit::EvidenceInput { source: r.get(3).cloned().unwrap_or_default(), as_of: get(r, 4), label: get(r, 5) };
        match super::edit::parse_evidence(&input) {
            Ok(e) => cells.entry((c.id, d.id)).or_insert_with(Cell::default).evidence = e,
            Err((code, msg)) => {
                let col = if code == FieldCode::InvalidDate { "E" } else if code == FieldCode::UnknownValue { "F" } else { "D" };
                p.add(*n, col.into(), "", code, msg);
            }
        }
    }
    if !p.list.is_empty() {
        return Err(ImportRejection { file_name: file_name.into(), problems: p.list, more: p.more });
    }
    let matrix = Matrix { id: MatrixId::new(), name: name.trim().to_string(), owner, scale, stale_after_days: stale };
    let mut data = MatrixData { matrix, groups, dimensions, competitors, cells };
    data.sort();
    Ok(data)
}
