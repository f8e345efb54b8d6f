//! Importing a file into one table, all or nothing: every row is validated and written inside
//! one transaction; if any row has a problem the transaction is rolled back and the caller
//! gets the full list of problems (row, column, value, why). Rows with an `id` update that
//! record (products also match by SKU); other rows are inserted.

use super::columns::{self, Column};
use super::read::read_sheet;
use super::{is_formula_start, ImportReport, TableName};
use crate::catalog::product::{self, ProductInput};
use crate::clock;
use crate::crm::contact::{self, ContactInput};
use crate::crm::customer::{self, CustomerInput};
use crate::crm::opportunity::{self, OpportunityInput};
use crate::error::{CoreError, CoreResult, FieldCode, FieldError, ImportProblem, ImportRejection};
use crate::ids::{ContactId, CustomerId, OpportunityId, ProductId};
use crate::progress::Progress;
use crate::validate::{truncate, Checker};
use sqlx::{SqliteConnection, SqlitePool};
use std::collections::HashMap;

/// At most this many problems are listed; the rest are counted.
const MAX_LISTED_PROBLEMS: usize = 200;

/// One data row, addressed by canonical column name.
struct RowView<'a> {
    cells: HashMap<&'static str, &'a str>,
}

impl RowView<'_> {
    /// The cell's text, trimmed, with an export's formula guard (`'=…`) taken off.
    fn get(&self, column: &str) -> String {
        let v = self.cells.get(column).copied().unwrap_or("").trim();
        match v.strip_prefix('\'') {
            Some(rest) if rest.starts_with(is_formula_start) => rest.to_string(),
            _ => v.to_string(),
        }
    }

    fn raw(&self, column: &str) -> &str {
        self.cells.get(column).copied().unwrap_or("")
    }
}

enum Outcome {
    Inserted,
    Updated,
}

/// Imports `bytes` (the content of `file_name`) into `table`.
pub async fn import(pool: &SqlitePool, table: TableName, file_name: &str, bytes: &[u8], progress: &dyn Progress) -> CoreResult<ImportReport> {
    let sheet = read_sheet(file_name, bytes)?;
    let mapping = map_headers(table, file_name, &sheet.headers)?;
    let total = sheet.rows.len() as u64;
    let mut problems: Vec<ImportProblem> = Vec::new();
    let mut more = 0u32;
    let mut report = ImportReport { table, file_name: file_name.to_string(), inserted: 0, updated: 0 };
    let mut tx = pool.begin().await?;
    let now = clock::now();
    for (i, cells) in sheet.rows.iter().enumerate() {
        let row_number = u32::try_from(i + 2).unwrap_or(u32::MAX);
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut row_problems = Vec::new();
        if cells.len() > sheet.headers.len() && cells[sheet.headers.len()..].iter().any(|c| !c.trim().is_empty()) {
            row_problems.push(problem(row_number, "", "", FieldCode::UnknownValue, format!(
                "the row has {} cells but the header has {} columns",
                cells.len(),
                sheet.headers.len()
            )));
        } else {
            let view = RowView {
                cells: mapping.iter().filter_map(|(idx, col)| cells.get(*idx).map(|v| (col.name, v.as_str()))).collect(),
            };
            match import_row(&mut tx, table, &view, &now).await {
                Ok(Outcome::Inserted) => report.inserted += 1,
                Ok(Outcome::Updated) => report.updated += 1,
                Err(RowFailure::Fields(errors)) => {
                    for e in errors {
                        let column = columns::canonical(table, &e.field);
                        let value = view.raw(&e.field);
                        let shown = if column.is_some_and(|c| c.personal) { mask(value) } else { truncate(value) };
                        row_problems.push(problem(row_number, &e.field, &shown, e.code, e.message));
                    }
                }
                Err(RowFailure::Store(e)) => return Err(e),
            }
        }
        for p in row_problems {
            if problems.len() < MAX_LISTED_PROBLEMS {
                problems.push(p);
            } else {
                more = more.saturating_add(1);
            }
        }
        if (i + 1) % 250 == 0 {
            progress.report(i as u64 + 1, total);
        }
    }
    progress.report(total, total);
    if !problems.is_empty() {
        tx.rollback().await?;
        tracing::warn!(table = table.code(), problems = problems.len() as u64 + u64::from(more), "import rejected");
        return Err(CoreError::ImportRejected(ImportRejection { file_name: file_name.to_string(), problems, more }));
    }
    crate::audit::record(
        &mut tx,
        crate::audit::Event {
            action: "import",
            entity: table.code(),
            entity_id: "",
            detail: serde_json::json!({ "file": file_name, "inserted": report.inserted, "updated": report.updated }),
        },
    )
    .await?;
    tx.commit().await?;
    tracing::info!(table = table.code(), inserted = report.inserted, updated = report.updated, "import committed");
    Ok(report)
}

fn problem(row: u32, column: &str, value: &str, code: FieldCode, message: String) -> ImportProblem {
    ImportProblem { row, column: column.to_string(), value: value.to_string(), code, message }
}

/// Personal data in an error report keeps only its first and last character.
fn mask(v: &str) -> String {
    let chars: Vec<char> = v.trim().chars().collect();
    match chars.len() {
        0 => String::new(),
        1 | 2 => "*".repeat(chars.len()),
        n => format!("{}{}{}", chars[0], "*".repeat(n.min(12) - 2), chars[n - 1]),
    }
}

/// Column index → canonical column; unknown headers are ignored, duplicates and missing
/// required columns reject the file.
fn map_headers(table: TableName, file_name: &str, headers: &[String]) -> CoreResult<Vec<(usize, &'static Column)>> {
    let mut mapping: Vec<(usize, &'static Column)> = Vec::new();
    let mut problems = Vec::new();
    for (idx, h) in headers.iter().enumerate() {
        if let Some(col) = columns::canonical(table, h) {
            if mapping.iter().any(|(_, c)| c.name == col.name) {
                problems.push(problem(1, h, h, FieldCode::Duplicate, format!("column {} appears twice", col.name)));
            } else {
                mapping.push((idx, col));
            }
        }
    }
    for group in columns::required(table) {
        if !group.iter().any(|name| mapping.iter().any(|(_, c)| c.name == *name)) {
            problems.push(problem(1, group[0], "", FieldCode::MissingColumn, format!(
                "the header has no {} column (expected columns: {})",
                group.join(" or "),
                columns::columns(table).iter().map(|c| c.name).collect::<Vec<_>>().join(", ")
            )));
        }
    }
    if problems.is_empty() {
        Ok(mapping)
    } else {
        Err(CoreError::ImportRejected(ImportRejection { file_name: file_name.to_string(), problems, more: 0 }))
    }
}

enum RowFailure {
    Fields(Vec<FieldError>),
    Store(CoreError),
}

impl From<CoreError> for RowFailure {
    fn from(e: CoreError) -> Self {
        Self::Store(e)
    }
}

fn fields_or<T>(c: Checker, value: T) -> Result<T, RowFailure> {
    if c.is_ok() {
        Ok(value)
    } else {
        Err(RowFailure::Fields(c.into_errors()))
    }
}

async fn import_row(conn: &mut SqliteConnection, table: TableName, row: &RowView<'_>, now: &str) -> Result<Outcome, RowFailure> {
    match table {
        TableName::Customers => import_customer(conn, row, now).await,
        TableName::Contacts => import_contact(conn, row, now).await,
        TableName::Products => import_product(conn, row, now).await,
        TableName::Opportunities => import_opportunity(conn, row, now).await,
    }
}

fn opt(v: String) -> Option<String> {
    Some(v).filter(|s| !s.is_empty())
}

async fn import_customer(conn: &mut SqliteConnection, row: &RowView<'_>, now: &str) -> Result<Outcome, RowFailure> {
    let input = CustomerInput {
        id: None,
        name: row.get("name"),
        industry: row.get("industry"),
        size: opt(row.get("size")),
        region: row.get("region"),
        tier: opt(row.get("tier")),
        owner: row.get("owner"),
        notes: row.get("notes"),
    };
    let mut c = Checker::new();
    let fields = input.check(&mut c);
    let id = crate::crm::parse_optional_id(&mut c, Some(&row.get("id")), CustomerId::parse);
    let (fields, id) = fields_or(c, (fields, id))?;
    match id {
        Some(id) if customer::update(conn, id, &fields, now).await? => Ok(Outcome::Updated),
        Some(id) => insert_with_id(customer::insert(conn, id, &fields, now).await),
        None => {
            customer::insert(conn, CustomerId::new(), &fields, now).await?;
            Ok(Outcome::Inserted)
        }
    }
}

/// An insert under an id from the file: a clash means the id belongs to a deleted record.
fn insert_with_id(result: CoreResult<()>) -> Result<Outcome, RowFailure> {
    match result {
        Ok(()) => Ok(Outcome::Inserted),
        Err(CoreError::Database(sqlx::Error::Database(e))) if e.is_unique_violation() => Err(RowFailure::Fields(vec![FieldError {
            field: "id".into(),
            code: FieldCode::Duplicate,
            message: "this id belongs to a deleted record; leave id empty to create a new one".into(),
        }])),
        Err(e) => Err(RowFailure::Store(e)),
    }
}

/// The customer a row points at: `customer_id`, else exactly one customer named `customer_name`.
async fn resolve_customer(conn: &mut SqliteConnection, c: &mut Checker, row: &RowView<'_>, required: bool) -> CoreResult<Option<CustomerId>> {
    let id_text = row.get("customer_id");
    if !id_text.is_empty() {
        let id = crate::crm::parse_optional_id(c, Some(&id_text), CustomerId::parse);
        if let Some(id) = id {
            if !customer::exists(conn, id).await? {
                c.fail("customer_id", FieldCode::InvalidReference, "no customer has this id");
                return Ok(None);
            }
        }
        return Ok(id);
    }
    let name = row.get("customer_name");
    if name.is_empty() {
        if required {
            c.fail("customer_name", FieldCode::Required, "is required (or give customer_id)");
        }
        return Ok(None);
    }
    let ids = customer::ids_by_name(conn, &name).await?;
    match ids.as_slice() {
        [one] => Ok(Some(*one)),
        [] => {
            c.fail("customer_name", FieldCode::InvalidReference, "no customer has this name; import customers first");
            Ok(None)
        }
        _ => {
            c.fail("customer_name", FieldCode::InvalidReference, "several customers have this name; give customer_id instead");
            Ok(None)
        }
    }
}

async fn import_contact(conn: &mut SqliteConnection, row: &RowView<'_>, now: &str) -> Result<Outcome, RowFailure> {
    let input = ContactInput { id: None, customer_id: None, name: row.get("name"), title: row.get("title"), mobile: row.get("mobile"), email: row.get("email") };
    let mut c = Checker::new();
    let mut fields = input.check(&mut c);
    fields.customer_id = resolve_customer(conn, &mut c, row, false).await?;
    let id = crate::crm::parse_optional_id(&mut c, Some(&row.get("id")), ContactId::parse);
    let (fields, id) = fields_or(c, (fields, id))?;
    match id {
        Some(id) if contact::update(conn, id, &fields, now).await? => Ok(Outcome::Updated),
        Some(id) => insert_with_id(contact::insert(conn, id, &fields, now).await),
        None => {
            contact::insert(conn, ContactId::new(), &fields, now).await?;
            Ok(Outcome::Inserted)
        }
    }
}

async fn import_product(conn: &mut SqliteConnection, row: &RowView<'_>, now: &str) -> Result<Outcome, RowFailure> {
    let mut c = Checker::new();
    let active = c.boolean("active", &row.get("active"), true);
    let input = ProductInput {
        id: None,
        sku: row.get("sku"),
        name: row.get("name"),
        product_line: row.get("product_line"),
        unit: row.get("unit"),
        list_price: row.get("list_price"),
        cost: row.get("cost"),
        tax_rate_pct: row.get("tax_rate_pct"),
        currency: row.get("currency"),
        active,
    };
    let fields = input.check(&mut c);
    let given = crate::crm::parse_optional_id(&mut c, Some(&row.get("id")), ProductId::parse);
    // Without an id, a known SKU updates that product: the price book is keyed by SKU.
    let id = match given {
        Some(id) => Some(id),
        None if !fields.sku.is_empty() => product::id_by_sku(conn, &fields.sku).await?,
        None => None,
    };
    if !fields.sku.is_empty() {
        product::check_sku_free(conn, &mut c, &fields.sku, id).await?;
    }
    let (fields, id) = fields_or(c, (fields, id))?;
    match id {
        Some(id) if product::update(conn, id, &fields, now).await? => Ok(Outcome::Updated),
        Some(id) => insert_with_id(product::insert(conn, id, &fields, now).await),
        None => {
            product::insert(conn, ProductId::new(), &fields, now).await?;
            Ok(Outcome::Inserted)
        }
    }
}

async fn import_opportunity(conn: &mut SqliteConnection, row: &RowView<'_>, now: &str) -> Result<Outcome, RowFailure> {
    let mut c = Checker::new();
    let customer_id = resolve_customer(conn, &mut c, row, true).await?;
    let input = OpportunityInput {
        id: None,
        // Checked above; a placeholder keeps `check` from reporting the customer twice.
        customer_id: customer_id.map(|id| id.to_string()).unwrap_or_else(|| CustomerId::new().to_string()),
        name: row.get("name"),
        stage: row.get("stage"),
        amount: row.get("amount"),
        currency: row.get("currency"),
        expected_close: opt(row.get("expected_close")),
        probability_pct: row.get("probability_pct"),
        competitor: row.get("competitor"),
        owner: row.get("owner"),
    };
    let mut fields = input.check(&mut c);
    fields.customer_id = customer_id;
    let id = crate::crm::parse_optional_id(&mut c, Some(&row.get("id")), OpportunityId::parse);
    let (fields, id) = fields_or(c, (fields, id))?;
    match id {
        Some(id) if opportunity::update(conn, id, &fields, now).await? => Ok(Outcome::Updated),
        Some(id) => insert_with_id(opportunity::insert(conn, id, &fields, now).await),
        None => {
            opportunity::insert(conn, OpportunityId::new(), &fields, now).await?;
            Ok(Outcome::Inserted)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::mask;

    #[test]
    fn personal_values_in_reports_keep_only_their_ends() {
        assert_eq!(mask("13812345678"), "1*********8");
        assert_eq!(mask("张伟"), "**");
        assert_eq!(mask(""), "");
    }
}
