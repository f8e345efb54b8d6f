//! Importing partner, rep and sales files (CSV/XLSX through `tabular::read`), all or nothing:
//! every row is checked and written inside one transaction, and any problem rolls it back and
//! comes back as a list naming the file, row and column (personal values masked). A file whose
//! bytes (SHA-256) were imported before is refused whole, so a report dropped twice counts once.

use super::columns::{PARTNERS, PARTNERS_REQUIRED, REPS, REPS_REQUIRED, SALES, SALES_REQUIRED};
use super::lines::{self, NewLine, PaymentStatus};
use super::{partners, reps};
use crate::clock;
use crate::error::{CoreError, CoreResult, FieldCode, FieldError, ImportProblem, ImportRejection};
use crate::ids::new_row_id;
use crate::masking::kinds::PiiKind;
use crate::partner::plan::Service;
use crate::partner::sales::{MonthlyTarget, SalesLine};
use crate::tabular::columns::{canonical_in, Column};
use crate::tabular::read::read_sheet;
use crate::validate::{truncate, Checker};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::{Row, SqliteConnection, SqlitePool};
use std::collections::{HashMap, HashSet};

/// At most this many problems are listed; the rest are counted.
const MAX_LISTED: usize = 200;
/// Largest amount a line may carry (the engine's own limit).
const MAX_AMOUNT: i64 = 1_000_000_000_000_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export, rename = "PartnerImportSummary")]
pub struct ImportSummary {
    #[ts(type = "string")]
    pub kind: &'static str,
    pub file_name: String,
    pub batch_id: String,
    pub sha256: String,
    pub inserted: u32,
    pub updated: u32,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// One data row, read by canonical column name through the file's header mapping (shared by
/// every row: a million-row file builds no map per row).
pub(crate) struct RowView {
    pub number: u32,
    cells: Vec<String>,
    mapping: std::sync::Arc<[(&'static str, usize)]>,
}

impl RowView {
    /// Trimmed text, with an export's formula guard (`'=…`) taken off.
    pub fn get(&self, column: &str) -> &str {
        let cell = self.mapping.iter().find(|(name, _)| *name == column).and_then(|(_, i)| self.cells.get(*i));
        let v = cell.map(String::as_str).unwrap_or("").trim();
        match v.strip_prefix('\'') {
            Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
            _ => v,
        }
    }
}

/// Problems of one file, capped, personal values masked.
pub(crate) struct Problems {
    file_name: String,
    columns: &'static [Column],
    list: Vec<ImportProblem>,
    more: u32,
}

impl Problems {
    fn new(file_name: &str, columns: &'static [Column]) -> Self {
        Self { file_name: file_name.to_string(), columns, list: Vec::new(), more: 0 }
    }

    fn add(&mut self, row: &RowView, column: &str, code: FieldCode, message: impl Into<String>) {
        let raw = row.get(column);
        let value = match column {
            "bank_account_number" => partners::mask(PiiKind::BankCard, raw),
            "bank_account_holder" => partners::mask(PiiKind::Name, raw),
            _ if self.columns.iter().any(|c| c.name == column && c.personal) => "*".repeat(raw.chars().count().min(12)),
            _ => truncate(raw),
        };
        if self.list.len() < MAX_LISTED {
            self.list.push(ImportProblem { row: row.number, column: column.to_string(), value, code, message: message.into() });
        } else {
            self.more = self.more.saturating_add(1);
        }
    }

    fn fields(&mut self, row: &RowView, errors: Vec<FieldError>) {
        for e in errors {
            self.add(row, &e.field.clone(), e.code, e.message);
        }
    }

    fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    fn finish(self) -> CoreResult<()> {
        if self.list.is_empty() {
            return Ok(());
        }
        Err(self.into_err())
    }

    fn into_err(mut self) -> CoreError {
        // Checks run in several passes (each row, then across rows): list them by row.
        self.list.sort_by_key(|p| p.row);
        tracing::warn!(problems = self.list.len() as u64 + u64::from(self.more), "partner-area import rejected");
        CoreError::ImportRejected(ImportRejection { file_name: self.file_name, problems: self.list, more: self.more })
    }
}

/// The file's data rows by canonical column; unknown headers are ignored, a duplicate or a
/// missing required column rejects the file.
pub(crate) fn rows(file_name: &str, bytes: &[u8], columns: &'static [Column], required: &[&[&str]]) -> CoreResult<Vec<RowView>> {
    let sheet = read_sheet(file_name, bytes)?;
    let header_row = RowView { number: 1, cells: Vec::new(), mapping: std::sync::Arc::from(Vec::new()) };
    let mut problems = Problems::new(file_name, columns);
    let mut mapping: Vec<(usize, &'static str)> = Vec::new();
    for (i, h) in sheet.headers.iter().enumerate() {
        if let Some(c) = canonical_in(columns, h) {
            if mapping.iter().any(|(_, n)| *n == c.name) {
                problems.add(&header_row, c.name, FieldCode::Duplicate, format!("column {} appears twice (header '{}')", c.name, truncate(h)));
            } else {
                mapping.push((i, c.name));
            }
        }
    }
    for group in required {
        if !group.iter().any(|n| mapping.iter().any(|(_, m)| m == n)) {
            let expected: Vec<&str> = columns.iter().map(|c| c.name).collect();
            problems.add(&header_row, group[0], FieldCode::MissingColumn, format!("the header has no {} column (expected columns: {})", group.join(" or "), expected.join(", ")));
        }
    }
    problems.finish()?;
    let mapping: std::sync::Arc<[(&'static str, usize)]> = mapping.into_iter().map(|(i, name)| (name, i)).collect();
    let mut out = Vec::with_capacity(sheet.rows.len());
    for (i, cells) in sheet.rows.into_iter().enumerate() {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        out.push(RowView { number: u32::try_from(i + 2).unwrap_or(u32::MAX), cells, mapping: mapping.clone() });
    }
    Ok(out)
}

fn amount(c: &mut Checker, row: &RowView, column: &str, default: Option<Decimal>) -> Option<Decimal> {
    let text = row.get(column);
    if text.is_empty() {
        if default.is_none() {
            c.fail(column, FieldCode::Required, "is required");
        }
        return default;
    }
    let max = Decimal::from(MAX_AMOUNT);
    c.decimal(column, text, (-max, max), 4)
}

fn required_date(c: &mut Checker, row: &RowView, column: &str) -> Option<NaiveDate> {
    if row.get(column).is_empty() {
        c.fail(column, FieldCode::Required, "is required");
        return None;
    }
    c.date(column, row.get(column))
}

fn services(c: &mut Checker, text: &str) -> Vec<Service> {
    let mut out = Vec::new();
    for part in text.split([',', ';', '、', '/', '|', '，', ' ']).map(str::trim).filter(|p| !p.is_empty()) {
        let s = match part.to_lowercase().replace('-', "_").as_str() {
            "installation" | "install" | "安装" => Service::Installation,
            "training" | "培训" => Service::Training,
            "after_sales" | "aftersales" | "售后" | "售后服务" => Service::AfterSales,
            _ => {
                c.fail("services", FieldCode::UnknownValue, format!("'{}' is not one of installation, training, after_sales (安装, 培训, 售后)", truncate(part)));
                continue;
            }
        };
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

/// A checked sales row, partners and reps by code (not yet resolved against the database).
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedLine {
    pub row: u32,
    pub partner_code: String,
    pub parent_partner_code: Option<String>,
    pub rep_code: Option<String>,
    /// `partner_id`/`rep_id` are empty here; the database import fills them.
    pub line: NewLine,
}

impl ParsedLine {
    /// The engine's row, for runs without a database.
    pub fn into_sales_line(self) -> SalesLine {
        let l = self.line;
        SalesLine {
            id: l.line_ref,
            date: l.sale_date,
            partner_id: self.partner_code,
            parent_partner_id: self.parent_partner_code,
            rep: self.rep_code,
            customer_type: l.customer_type,
            product_line: l.product_line,
            quantity: l.quantity,
            amount: l.amount,
            discount: l.discount,
            cost: l.cost,
            currency: l.currency,
            invoiced_on: l.invoiced_on,
            paid_on: l.paid_on,
            services: l.services,
            refund_of: l.refund_of,
        }
    }
}

fn parse_sales_row(row: &RowView) -> Result<ParsedLine, Vec<FieldError>> {
    let mut c = Checker::new();
    let line_ref = c.text("line_ref", row.get("line_ref"), 80, true);
    let partner_code = c.text("partner_code", row.get("partner_code"), 40, true);
    let opt = |v: &str| Some(v.to_string()).filter(|s| !s.is_empty());
    let parent = opt(&c.text("parent_partner_code", row.get("parent_partner_code"), 40, false));
    let rep = opt(&c.text("rep_code", row.get("rep_code"), 40, false));
    let sale_date = required_date(&mut c, row, "date");
    let quantity = amount(&mut c, row, "quantity", Some(Decimal::ONE));
    let amt = amount(&mut c, row, "amount", None);
    let discount = amount(&mut c, row, "discount", Some(Decimal::ZERO));
    let cost = amount(&mut c, row, "cost", Some(Decimal::ZERO));
    let currency = c.currency("currency", row.get("currency"));
    let invoiced_on = c.date("invoiced_on", row.get("invoiced_on"));
    let invoiced = c.choice("invoice_status", row.get("invoice_status"), |v| match v.to_lowercase().as_str() {
        "invoiced" | "yes" | "已开票" | "开票" => Some(true),
        "not_invoiced" | "not invoiced" | "no" | "未开票" => Some(false),
        _ => None,
    }, "invoiced, not_invoiced (已开票, 未开票)");
    match (invoiced, row.get("invoiced_on").is_empty()) {
        (Some(true), true) => c.fail("invoiced_on", FieldCode::Required, "an invoiced line needs its invoice date"),
        (Some(false), false) => c.fail("invoiced_on", FieldCode::OutOfRange, "a line not invoiced has no invoice date"),
        _ => {}
    }
    let paid_on = c.date("paid_on", row.get("paid_on"));
    let status = c.choice("payment_status", row.get("payment_status"), PaymentStatus::parse, PaymentStatus::ALLOWED);
    let payment_status = match (status, row.get("paid_on").is_empty()) {
        (Some(PaymentStatus::Paid), true) => {
            c.fail("paid_on", FieldCode::Required, "a line paid in full needs the date it was paid");
            PaymentStatus::Paid
        }
        (Some(s @ (PaymentStatus::Unpaid | PaymentStatus::Partial)), false) => {
            c.fail("paid_on", FieldCode::OutOfRange, "paid_on is the date of full payment: leave it empty unless payment_status is paid");
            s
        }
        (Some(s), _) => s,
        (None, true) => PaymentStatus::Unpaid,
        (None, false) => PaymentStatus::Paid,
    };
    let services = services(&mut c, row.get("services"));
    let refund_of = opt(&c.text("refund_of", row.get("refund_of"), 80, false));
    let figures = [("amount", amt), ("discount", discount), ("cost", cost)];
    match &refund_of {
        None => {
            for (name, v) in figures {
                if v.is_some_and(|v| v < Decimal::ZERO) {
                    c.fail(name, FieldCode::Negative, "is negative on a sale; a return or refund names the line it reverses in refund_of");
                }
            }
        }
        Some(of) if *of == line_ref => c.fail("refund_of", FieldCode::InvalidReference, "a line cannot refund itself"),
        Some(_) => {
            for (name, v) in figures {
                if v.is_some_and(|v| v > Decimal::ZERO) {
                    c.fail(name, FieldCode::OutOfRange, "a return or refund has negative figures");
                }
            }
        }
    }
    let text = |v: &str, max: usize, field: &str, c: &mut Checker| c.text(field, v, max, false);
    let customer = text(row.get("customer"), 200, "customer", &mut c);
    let customer_type = text(row.get("customer_type"), 80, "customer_type", &mut c);
    let product = text(row.get("product"), 200, "product", &mut c);
    let product_line = text(row.get("product_line"), 80, "product_line", &mut c);
    if !c.is_ok() {
        return Err(c.into_errors());
    }
    let (Some(sale_date), Some(quantity), Some(amount), Some(discount), Some(cost)) = (sale_date, quantity, amt, discount, cost) else {
        return Err(vec![FieldError { field: "amount".into(), code: FieldCode::Required, message: "is required".into() }]);
    };
    let line = NewLine {
        line_ref,
        sale_date,
        partner_id: String::new(),
        rep_id: None,
        customer,
        customer_type,
        product,
        product_line,
        quantity,
        amount,
        discount,
        cost,
        currency,
        invoiced_on,
        payment_status,
        paid_on,
        services,
        refund_of,
    };
    Ok(ParsedLine { row: row.number, partner_code, parent_partner_code: parent, rep_code: rep, line })
}

/// Each row checked on its own (a pure function of the row), spread over the machine's cores;
/// rows come back in file order.
fn parse_in_parallel(rows: Vec<RowView>) -> Vec<(RowView, Result<ParsedLine, Vec<FieldError>>)> {
    let workers = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    if workers < 2 || rows.len() < 10_000 {
        return rows.into_iter().map(|r| {
            let parsed = parse_sales_row(&r);
            (r, parsed)
        }).collect();
    }
    let chunk = rows.len().div_ceil(workers);
    let mut parts: Vec<Vec<RowView>> = Vec::with_capacity(workers);
    let mut rest = rows;
    while rest.len() > chunk {
        let tail = rest.split_off(chunk);
        parts.push(rest);
        rest = tail;
    }
    parts.push(rest);
    std::thread::scope(|scope| {
        let handles: Vec<_> = parts
            .into_iter()
            .map(|part| scope.spawn(move || part.into_iter().map(|r| {
                let parsed = parse_sales_row(&r);
                (r, parsed)
            }).collect::<Vec<_>>()))
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p))).collect()
    })
}

/// Checks every row of a sales file on its own and against the file's other rows (duplicate
/// references, refunds of lines of another partner).
fn parse_sales_rows(file_name: &str, bytes: &[u8]) -> CoreResult<(Vec<(RowView, ParsedLine)>, Problems)> {
    let rows = rows(file_name, bytes, SALES, SALES_REQUIRED)?;
    let mut problems = Problems::new(file_name, SALES);
    let mut out = Vec::with_capacity(rows.len());
    for (row, parsed) in parse_in_parallel(rows) {
        match parsed {
            Ok(p) => out.push((row, p)),
            Err(errors) => problems.fields(&row, errors),
        }
    }
    // Each reference's first row and partner, borrowed from the parsed rows.
    let mut first: HashMap<&str, (u32, &str)> = HashMap::with_capacity(out.len());
    for (row, p) in &out {
        match first.entry(p.line.line_ref.as_str()) {
            std::collections::hash_map::Entry::Occupied(e) => problems.add(row, "line_ref", FieldCode::Duplicate, format!("line {} is also on row {}", p.line.line_ref, e.get().0)),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert((row.number, p.partner_code.as_str()));
            }
        }
    }
    for (row, p) in &out {
        if let Some(of) = &p.line.refund_of {
            if let Some((_, owner)) = first.get(of.as_str()).filter(|(_, owner)| *owner != p.partner_code) {
                problems.add(row, "refund_of", FieldCode::InvalidReference, format!("line {of} belongs to partner {owner}, not {}", p.partner_code));
            }
        }
    }
    drop(first);
    Ok((out, problems))
}

/// A sales file read and checked without a database (for `share run --sales`): every line
/// must be in `currency` (the plan's), and a refund must reverse a line of the same file.
pub fn parse_sales(file_name: &str, bytes: &[u8], currency: &str) -> CoreResult<Vec<ParsedLine>> {
    let (rows, mut problems) = parse_sales_rows(file_name, bytes)?;
    let refs: HashSet<&str> = rows.iter().map(|(_, p)| p.line.line_ref.as_str()).collect();
    for (row, p) in &rows {
        if let Some(of) = &p.line.refund_of {
            if !refs.contains(of.as_str()) {
                problems.add(row, "refund_of", FieldCode::InvalidReference, format!("no line {of} in this file"));
            }
        }
        if p.line.currency != currency {
            problems.add(row, "currency", FieldCode::InvalidCurrency, format!("{}, but the plan's statements are in {currency}", p.line.currency));
        }
    }
    problems.finish()?;
    Ok(rows.into_iter().map(|(_, p)| p).collect())
}

/// Refuses bytes imported before as the same kind; else records the new batch.
async fn begin_batch(conn: &mut SqliteConnection, kind: &'static str, file_name: &str, sha: &str) -> CoreResult<String> {
    let before = sqlx::query("SELECT id, file_name, imported_at, rows FROM import_batches WHERE kind = ? AND sha256 = ?").bind(kind).bind(sha).fetch_optional(&mut *conn).await?;
    if let Some(r) = before {
        let (id, name, at, rows): (String, String, String, i64) = (r.try_get("id")?, r.try_get("file_name")?, r.try_get("imported_at")?, r.try_get("rows")?);
        return Err(CoreError::Conflict(format!(
            "{file_name}: this file was already imported on {at} (as {name}, batch {id}, {rows} row(s)); nothing was imported"
        )));
    }
    let id = new_row_id();
    sqlx::query("INSERT INTO import_batches (id, kind, file_name, sha256, rows, imported_at) VALUES (?, ?, ?, ?, 0, ?)")
        .bind(&id)
        .bind(kind)
        .bind(file_name)
        .bind(sha)
        .bind(clock::now())
        .execute(&mut *conn)
        .await?;
    Ok(id)
}

async fn finish_batch(conn: &mut SqliteConnection, s: &ImportSummary) -> CoreResult<()> {
    sqlx::query("UPDATE import_batches SET rows = ? WHERE id = ?").bind(i64::from(s.inserted + s.updated)).bind(&s.batch_id).execute(&mut *conn).await?;
    let detail = serde_json::json!({ "file": s.file_name, "sha256": s.sha256, "inserted": s.inserted, "updated": s.updated });
    crate::audit::record(conn, crate::audit::Event { action: "import", entity: s.kind, entity_id: &s.batch_id, detail }).await
}

/// Imports a sales file: partners (and reps) must exist, references must be new, a refund's
/// original must be in the file or the database and belong to the same partner.
pub async fn import_sales(pool: &SqlitePool, file_name: &str, bytes: &[u8]) -> CoreResult<ImportSummary> {
    let sha = sha256_hex(bytes);
    let mut tx = pool.begin().await?;
    let batch_id = begin_batch(&mut tx, "sales", file_name, &sha).await?;
    let (rows, mut problems) = parse_sales_rows(file_name, bytes)?;
    let in_file: HashMap<&str, &str> = rows.iter().map(|(_, p)| (p.line.line_ref.as_str(), p.partner_code.as_str())).collect();
    let mut partner_ids: HashMap<String, Option<String>> = HashMap::new();
    let mut rep_ids: HashMap<String, Option<String>> = HashMap::new();
    let mut ready = Vec::new();
    for (row, p) in &rows {
        if !partner_ids.contains_key(&p.partner_code) {
            let id = partners::by_code(&mut tx, &p.partner_code).await?.map(|x| x.id);
            partner_ids.insert(p.partner_code.clone(), id);
        }
        let partner_id = partner_ids[&p.partner_code].clone();
        if partner_id.is_none() {
            problems.add(row, "partner_code", FieldCode::InvalidReference, "no partner has this code; import partners first (`dealdesk partner import`)");
        }
        let mut rep_id = None;
        if let Some(rc) = &p.rep_code {
            if !rep_ids.contains_key(rc) {
                let id = reps::id_by_code(&mut tx, rc).await?;
                rep_ids.insert(rc.clone(), id);
            }
            rep_id = rep_ids[rc].clone();
            if rep_id.is_none() {
                problems.add(row, "rep_code", FieldCode::InvalidReference, "no sales rep has this code; import reps first (`dealdesk rep import`)");
            }
        }
        if lines::partner_of(&mut tx, &p.line.line_ref).await?.is_some() {
            problems.add(row, "line_ref", FieldCode::Duplicate, format!("line {} was already imported by an earlier file", p.line.line_ref));
        }
        if let Some(of) = &p.line.refund_of {
            if !in_file.contains_key(of.as_str()) {
                match lines::partner_of(&mut tx, of).await? {
                    None => problems.add(row, "refund_of", FieldCode::InvalidReference, format!("no line {of} in this file or the database")),
                    Some(owner) if owner != p.partner_code => problems.add(row, "refund_of", FieldCode::InvalidReference, format!("line {of} belongs to partner {owner}, not {}", p.partner_code)),
                    Some(_) => {}
                }
            }
        }
        if let Some(partner_id) = partner_id {
            let mut line = p.line.clone();
            line.partner_id = partner_id;
            line.rep_id = rep_id;
            ready.push(line);
        }
    }
    if !problems.is_empty() {
        tx.rollback().await?;
        return Err(problems.into_err());
    }
    for line in &ready {
        lines::insert(&mut tx, &batch_id, &sha, line).await?;
    }
    let summary = ImportSummary { kind: "sales", file_name: file_name.to_string(), batch_id, sha256: sha, inserted: u32::try_from(ready.len()).unwrap_or(u32::MAX), updated: 0 };
    finish_batch(&mut tx, &summary).await?;
    tx.commit().await?;
    tracing::info!(lines = summary.inserted, "sales lines imported");
    Ok(summary)
}

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

/// A checked rep row: code, name and, when the row gives both, the month and its quota.
fn rep_row(row: &RowView) -> Result<(String, String, Option<(NaiveDate, Decimal)>), Vec<FieldError>> {
    let mut c = Checker::new();
    let code = c.text("code", row.get("code"), 40, true);
    let name = c.text("name", row.get("name"), 200, true);
    let month_text = row.get("month");
    let month = if month_text.is_empty() { None } else { c.date("month", &format!("{}-01", month_text.replace('/', "-").get(..7).unwrap_or(month_text))) };
    let quota = if row.get("quota").is_empty() { None } else { c.decimal("quota", row.get("quota"), (Decimal::ZERO, Decimal::from(MAX_AMOUNT)), 2) };
    if month.is_some() != quota.is_some() && c.is_ok() {
        c.fail(if month.is_none() { "month" } else { "quota" }, FieldCode::Required, "a quota needs both month and quota");
    }
    if !c.is_ok() {
        return Err(c.into_errors());
    }
    Ok((code, name, month.zip(quota)))
}

/// The monthly quotas of a reps file, by rep code, read and checked without a database (for
/// `share run --quotas`); all rows or none.
pub fn parse_quotas(file_name: &str, bytes: &[u8]) -> CoreResult<HashMap<String, Vec<MonthlyTarget>>> {
    let rows = rows(file_name, bytes, REPS, REPS_REQUIRED)?;
    let mut problems = Problems::new(file_name, REPS);
    let mut out: HashMap<String, Vec<MonthlyTarget>> = HashMap::new();
    for row in &rows {
        match rep_row(row) {
            Ok((code, _, Some((month, amount)))) => out.entry(code).or_default().push(MonthlyTarget { month, amount }),
            Ok(_) => {}
            Err(errors) => problems.fields(row, errors),
        }
    }
    problems.finish()?;
    Ok(out)
}

/// Imports reps (code, name) and, where a row gives `month` and `quota`, that month's quota.
pub async fn import_reps(pool: &SqlitePool, file_name: &str, bytes: &[u8]) -> CoreResult<ImportSummary> {
    let sha = sha256_hex(bytes);
    let mut tx = pool.begin().await?;
    let batch_id = begin_batch(&mut tx, "reps", file_name, &sha).await?;
    let rows = rows(file_name, bytes, REPS, REPS_REQUIRED)?;
    let mut problems = Problems::new(file_name, REPS);
    let now = clock::now();
    let mut summary = ImportSummary { kind: "reps", file_name: file_name.to_string(), batch_id, sha256: sha, inserted: 0, updated: 0 };
    for row in &rows {
        let (code, name, quota) = match rep_row(row) {
            Ok(r) => r,
            Err(errors) => {
                problems.fields(row, errors);
                continue;
            }
        };
        let existed = reps::id_by_code(&mut tx, &code).await?.is_some();
        let id = reps::upsert(&mut tx, &code, &name, &now).await?;
        if let Some((m, q)) = quota {
            reps::set_quota(&mut tx, &id, m, q).await?;
        }
        if existed {
            summary.updated += 1;
        } else {
            summary.inserted += 1;
        }
    }
    if !problems.is_empty() {
        tx.rollback().await?;
        return Err(problems.into_err());
    }
    finish_batch(&mut tx, &summary).await?;
    tx.commit().await?;
    Ok(summary)
}
