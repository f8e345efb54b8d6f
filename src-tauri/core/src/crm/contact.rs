//! Contacts: people at customers. Name, mobile and e-mail are personal data: they never
//! appear in log lines or error messages (only ids do).

use crate::clock;
use crate::error::{CoreError, CoreResult, FieldCode};
use crate::ids::{ContactId, CustomerId};
use crate::listing::{fetch_page, ListQuery, ListSpec, Page};
use crate::store::row;
use crate::validate::Checker;
use serde::{Deserialize, Serialize};
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection, SqlitePool};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Contact {
    #[ts(type = "string")]
    pub id: ContactId,
    #[ts(type = "string | null")]
    pub customer_id: Option<CustomerId>,
    pub customer_name: Option<String>,
    pub name: String,
    pub title: String,
    pub mobile: String,
    pub email: String,
    pub created_at: String,
    pub updated_at: String,
    /// Personal fields shown masked (by the data view's policy); empty when read from the store.
    pub masked: Vec<String>,
}

impl<'r> sqlx::FromRow<'r, SqliteRow> for Contact {
    fn from_row(r: &'r SqliteRow) -> Result<Self, sqlx::Error> {
        Ok(Self {
            id: ContactId(row::uuid(r, "id")?),
            customer_id: row::opt_uuid(r, "customer_id")?.map(CustomerId),
            customer_name: r.try_get("customer_name")?,
            name: r.try_get("name")?,
            title: r.try_get("title")?,
            mobile: r.try_get("mobile")?,
            email: r.try_get("email")?,
            created_at: r.try_get("created_at")?,
            updated_at: r.try_get("updated_at")?,
            masked: Vec::new(),
        })
    }
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct ContactInput {
    pub id: Option<String>,
    pub customer_id: Option<String>,
    pub name: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub mobile: String,
    #[serde(default)]
    pub email: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ContactFields {
    pub customer_id: Option<CustomerId>,
    pub name: String,
    pub title: String,
    pub mobile: String,
    pub email: String,
}

impl ContactInput {
    /// Checks the fields; the customer reference is checked against the store by
    /// [`check_customer`].
    pub fn check(&self, c: &mut Checker) -> ContactFields {
        let customer_id = crate::crm::parse_optional_id(c, self.customer_id.as_deref(), CustomerId::parse);
        let mobile = c.text("mobile", &self.mobile, 40, false);
        if !mobile.is_empty() && !mobile.chars().all(|ch| ch.is_ascii_digit() || " +-()".contains(ch)) {
            c.fail("mobile", FieldCode::InvalidNumber, "may hold only digits, spaces and + - ( )");
        }
        ContactFields {
            customer_id,
            name: c.text("name", &self.name, 100, true),
            title: c.text("title", &self.title, 100, false),
            mobile,
            email: c.email("email", &self.email),
        }
    }
}

/// Fails the `customer_id` field when it names no live customer.
pub async fn check_customer(conn: &mut SqliteConnection, c: &mut Checker, id: Option<CustomerId>) -> CoreResult<()> {
    if let Some(id) = id {
        if !crate::crm::customer::exists(conn, id).await? {
            c.fail("customer_id", FieldCode::InvalidReference, "no such customer");
        }
    }
    Ok(())
}

pub const LIST: ListSpec = ListSpec {
    select: "SELECT c.*, cu.name AS customer_name FROM contacts c LEFT JOIN customers cu ON cu.id = c.customer_id WHERE c.deleted_at IS NULL",
    count: "SELECT COUNT(*) FROM contacts c LEFT JOIN customers cu ON cu.id = c.customer_id WHERE c.deleted_at IS NULL",
    search_columns: &["c.name", "c.title", "c.mobile", "c.email", "cu.name"],
    sort_keys: &[("name", "LOWER(c.name)"), ("title", "c.title"), ("customer_name", "LOWER(cu.name)"), ("updated_at", "c.updated_at")],
    default_sort: "c.name",
    id_column: "c.id",
};

pub async fn get(conn: &mut SqliteConnection, id: ContactId) -> CoreResult<Contact> {
    sqlx::query_as(
        "SELECT c.*, cu.name AS customer_name FROM contacts c LEFT JOIN customers cu ON cu.id = c.customer_id
         WHERE c.id = ? AND c.deleted_at IS NULL",
    )
    .bind(id.to_string())
    .fetch_optional(conn)
    .await?
    .ok_or_else(|| CoreError::not_found("contact", id))
}

pub async fn insert(conn: &mut SqliteConnection, id: ContactId, f: &ContactFields, now: &str) -> CoreResult<()> {
    sqlx::query(
        "INSERT INTO contacts (id, customer_id, name, title, mobile, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(id.to_string())
    .bind(f.customer_id.map(|c| c.to_string()))
    .bind(&f.name)
    .bind(&f.title)
    .bind(&f.mobile)
    .bind(&f.email)
    .bind(now)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn update(conn: &mut SqliteConnection, id: ContactId, f: &ContactFields, now: &str) -> CoreResult<bool> {
    let done = sqlx::query(
        "UPDATE contacts SET customer_id = ?, name = ?, title = ?, mobile = ?, email = ?, updated_at = ?
         WHERE id = ? AND deleted_at IS NULL",
    )
    .bind(f.customer_id.map(|c| c.to_string()))
    .bind(&f.name)
    .bind(&f.title)
    .bind(&f.mobile)
    .bind(&f.email)
    .bind(now)
    .bind(id.to_string())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn list(pool: &SqlitePool, q: &ListQuery) -> CoreResult<Page<Contact>> {
    let mut conn = pool.acquire().await?;
    fetch_page(&mut conn, &LIST, q).await
}

pub async fn save(pool: &SqlitePool, input: &ContactInput) -> CoreResult<Contact> {
    let mut c = Checker::new();
    let fields = input.check(&mut c);
    let id = crate::crm::parse_optional_id(&mut c, input.id.as_deref(), ContactId::parse);
    let mut tx = pool.begin().await?;
    check_customer(&mut tx, &mut c, fields.customer_id).await?;
    c.finish()?;
    let now = clock::now();
    let id = match id {
        Some(id) => {
            if !update(&mut tx, id, &fields, &now).await? {
                return Err(CoreError::not_found("contact", id));
            }
            id
        }
        None => {
            let id = ContactId::new();
            insert(&mut tx, id, &fields, &now).await?;
            id
        }
    };
    let saved = get(&mut tx, id).await?;
    tx.commit().await?;
    tracing::info!(contact = %id, "contact saved");
    Ok(saved)
}

pub async fn delete(pool: &SqlitePool, id: ContactId) -> CoreResult<()> {
    crate::crm::soft_delete(pool, "contacts", "contact", &id.to_string()).await
}
