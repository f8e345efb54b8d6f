//! Products in the price book: SKU (unique among live products), product line, unit, list
//! price and cost (exact decimals in the product's currency) and the tax rate in percent.

use crate::clock;
use crate::error::{CoreError, CoreResult, FieldCode};
use crate::ids::ProductId;
use crate::listing::{fetch_page, ListQuery, ListSpec, Page};
use crate::money;
use crate::store::row;
use crate::validate::Checker;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection, SqlitePool};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Product {
    #[ts(type = "string")]
    pub id: ProductId,
    pub sku: String,
    pub name: String,
    pub product_line: String,
    pub unit: String,
    #[ts(type = "string")]
    pub list_price: Decimal,
    #[ts(type = "string")]
    pub cost: Decimal,
    #[ts(type = "string")]
    pub tax_rate_pct: Decimal,
    pub currency: String,
    pub active: bool,
    pub created_at: String,
    pub updated_at: String,
}

impl<'r> sqlx::FromRow<'r, SqliteRow> for Product {
    fn from_row(r: &'r SqliteRow) -> Result<Self, sqlx::Error> {
        Ok(Self {
            id: ProductId(row::uuid(r, "id")?),
            sku: r.try_get("sku")?,
            name: r.try_get("name")?,
            product_line: r.try_get("product_line")?,
            unit: r.try_get("unit")?,
            list_price: row::decimal(r, "list_price")?,
            cost: row::decimal(r, "cost")?,
            tax_rate_pct: row::decimal(r, "tax_rate_pct")?,
            currency: r.try_get("currency")?,
            active: r.try_get("active")?,
            created_at: r.try_get("created_at")?,
            updated_at: r.try_get("updated_at")?,
        })
    }
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct ProductInput {
    pub id: Option<String>,
    pub sku: String,
    pub name: String,
    #[serde(default)]
    pub product_line: String,
    #[serde(default)]
    pub unit: String,
    pub list_price: String,
    pub cost: String,
    pub tax_rate_pct: String,
    pub currency: String,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProductFields {
    pub sku: String,
    pub name: String,
    pub product_line: String,
    pub unit: String,
    pub list_price: Decimal,
    pub cost: Decimal,
    pub tax_rate_pct: Decimal,
    pub currency: String,
    pub active: bool,
}

/// Unit prices may carry up to 4 decimals (a price per unit of 0.0125 is real).
const PRICE_DECIMALS: u32 = 4;

fn max_price() -> Decimal {
    Decimal::from(1_000_000_000_000_i64)
}

impl ProductInput {
    pub fn check(&self, c: &mut Checker) -> ProductFields {
        let sku = c.text("sku", &self.sku, 64, true);
        if sku.chars().any(char::is_whitespace) {
            c.fail("sku", FieldCode::UnknownValue, "must not contain spaces");
        }
        let currency = c.currency("currency", &self.currency);
        let price = |c: &mut Checker, field: &str, v: &str| {
            c.decimal(field, v, (Decimal::ZERO, max_price()), PRICE_DECIMALS)
                .map(|d| money::with_minor_units(d, &currency))
                .unwrap_or_default()
        };
        let list_price = price(c, "list_price", &self.list_price);
        let cost = price(c, "cost", &self.cost);
        ProductFields {
            sku,
            name: c.text("name", &self.name, 200, true),
            product_line: c.text("product_line", &self.product_line, 100, false),
            unit: c.text("unit", &self.unit, 20, false),
            list_price,
            cost,
            tax_rate_pct: c.percent("tax_rate_pct", &self.tax_rate_pct).unwrap_or_default(),
            currency,
            active: self.active,
        }
    }
}

pub const LIST: ListSpec = ListSpec {
    select: "SELECT * FROM products WHERE deleted_at IS NULL",
    count: "SELECT COUNT(*) FROM products WHERE deleted_at IS NULL",
    search_columns: &["sku", "name", "product_line"],
    sort_keys: &[
        ("sku", "sku"),
        ("name", "LOWER(name)"),
        ("product_line", "product_line"),
        ("list_price", "CAST(list_price AS REAL)"),
        ("currency", "currency"),
        ("active", "active"),
        ("updated_at", "updated_at"),
    ],
    default_sort: "sku",
    id_column: "id",
};

pub async fn get(conn: &mut SqliteConnection, id: ProductId) -> CoreResult<Product> {
    sqlx::query_as("SELECT * FROM products WHERE id = ? AND deleted_at IS NULL")
        .bind(id.to_string())
        .fetch_optional(conn)
        .await?
        .ok_or_else(|| CoreError::not_found("product", id))
}

/// The live product with this SKU, if any.
pub async fn id_by_sku(conn: &mut SqliteConnection, sku: &str) -> CoreResult<Option<ProductId>> {
    let id: Option<String> = sqlx::query_scalar("SELECT id FROM products WHERE sku = ? AND deleted_at IS NULL")
        .bind(sku)
        .fetch_optional(conn)
        .await?;
    Ok(id.as_deref().and_then(ProductId::parse))
}

/// Fails the `sku` field when another live product already has it.
pub async fn check_sku_free(conn: &mut SqliteConnection, c: &mut Checker, sku: &str, own: Option<ProductId>) -> CoreResult<()> {
    if let Some(other) = id_by_sku(conn, sku).await? {
        if Some(other) != own {
            c.fail("sku", FieldCode::Duplicate, format!("SKU {} is already used by another product", crate::validate::truncate(sku)));
        }
    }
    Ok(())
}

pub async fn insert(conn: &mut SqliteConnection, id: ProductId, f: &ProductFields, now: &str) -> CoreResult<()> {
    sqlx::query(
        "INSERT INTO products (id, sku, name, product_line, unit, list_price, cost, tax_rate_pct, currency, active, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(id.to_string())
    .bind(&f.sku)
    .bind(&f.name)
    .bind(&f.product_line)
    .bind(&f.unit)
    .bind(f.list_price.to_string())
    .bind(f.cost.to_string())
    .bind(f.tax_rate_pct.to_string())
    .bind(&f.currency)
    .bind(f.active)
    .bind(now)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn update(conn: &mut SqliteConnection, id: ProductId, f: &ProductFields, now: &str) -> CoreResult<bool> {
    let done = sqlx::query(
        "UPDATE products SET sku = ?, name = ?, product_line = ?, unit = ?, list_price = ?, cost = ?, tax_rate_pct = ?,
                currency = ?, active = ?, updated_at = ?
         WHERE id = ? AND deleted_at IS NULL",
    )
    .bind(&f.sku)
    .bind(&f.name)
    .bind(&f.product_line)
    .bind(&f.unit)
    .bind(f.list_price.to_string())
    .bind(f.cost.to_string())
    .bind(f.tax_rate_pct.to_string())
    .bind(&f.currency)
    .bind(f.active)
    .bind(now)
    .bind(id.to_string())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn list(pool: &SqlitePool, q: &ListQuery) -> CoreResult<Page<Product>> {
    let mut conn = pool.acquire().await?;
    fetch_page(&mut conn, &LIST, q).await
}

pub async fn save(pool: &SqlitePool, input: &ProductInput) -> CoreResult<Product> {
    let mut c = Checker::new();
    let fields = input.check(&mut c);
    let id = crate::crm::parse_optional_id(&mut c, input.id.as_deref(), ProductId::parse);
    let mut tx = pool.begin().await?;
    if !fields.sku.is_empty() {
        check_sku_free(&mut tx, &mut c, &fields.sku, id).await?;
    }
    c.finish()?;
    let now = clock::now();
    let id = match id {
        Some(id) => {
            if !update(&mut tx, id, &fields, &now).await? {
                return Err(CoreError::not_found("product", id));
            }
            id
        }
        None => {
            let id = ProductId::new();
            insert(&mut tx, id, &fields, &now).await?;
            id
        }
    };
    let saved = get(&mut tx, id).await?;
    tx.commit().await?;
    tracing::info!(product = %id, "product saved");
    Ok(saved)
}

pub async fn delete(pool: &SqlitePool, id: ProductId) -> CoreResult<()> {
    crate::crm::soft_delete(pool, "products", "product", &id.to_string()).await
}
