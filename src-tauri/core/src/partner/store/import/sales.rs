//! Sales files: each row checked on its own (on all cores) and against the file's other rows,
//! then, for the database, against partners, reps and lines imported before.

use super::super::columns::{SALES, SALES_REQUIRED};
use super::super::lines::{self, NewLine, PaymentStatus};
use super::super::{partners, reps};
use super::rows::{amount, required_date, rows, Problems, RowView};
use super::{begin_batch, finish_batch, sha256_hex, ImportSummary};
use crate::error::{CoreResult, FieldCode, FieldError};
use crate::partner::plan::Service;
use crate::partner::sales::SalesLine;
use crate::validate::{truncate, Checker};
use rust_decimal::Decimal;
use sqlx::SqlitePool;
use std::collections::{HashMap, HashSet};

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
    pub fn into_sales_line(mut self) -> SalesLine {
        let id = std::mem::take(&mut self.line.line_ref);
        self.line.into_sales_line(id, self.partner_code, self.parent_partner_code, self.rep_code)
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
