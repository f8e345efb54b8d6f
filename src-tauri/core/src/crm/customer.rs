//! Customers: the accounts everything else hangs off. Validation, storage and the service
//! functions the window, the CLI and the importer share.

use crate::clock;
use crate::error::{CoreError, CoreResult};
use crate::ids::CustomerId;
use crate::listing::{fetch_page, ListQuery, ListSpec, Page};
use crate::store::row;
use crate::validate::Checker;
use serde::{Deserialize, Serialize};
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection, SqlitePool};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum CompanySize {
    Micro,
    Small,
    Medium,
    Large,
    Enterprise,
}

impl CompanySize {
    pub const ALLOWED: &'static str = "micro, small, medium, large, enterprise (微型, 小型, 中型, 大型, 集团)";

    pub fn code(self) -> &'static str {
        match self {
            Self::Micro => "micro",
            Self::Small => "small",
            Self::Medium => "medium",
            Self::Large => "large",
            Self::Enterprise => "enterprise",
        }
    }

    /// Accepts the code, the English word in any case, or the Chinese label.
    pub fn parse(v: &str) -> Option<Self> {
        match v.trim().to_lowercase().as_str() {
            "micro" | "微型" => Some(Self::Micro),
            "small" | "小型" => Some(Self::Small),
            "medium" | "中型" => Some(Self::Medium),
            "large" | "大型" => Some(Self::Large),
            "enterprise" | "集团" | "大型集团" => Some(Self::Enterprise),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum Tier {
    A,
    B,
    C,
}

impl Tier {
    pub const ALLOWED: &'static str = "A, B, C";

    pub fn code(self) -> &'static str {
        match self {
            Self::A => "A",
            Self::B => "B",
            Self::C => "C",
        }
    }

    pub fn parse(v: &str) -> Option<Self> {
        match v.trim().trim_end_matches('类').to_ascii_uppercase().as_str() {
            "A" => Some(Self::A),
            "B" => Some(Self::B),
            "C" => Some(Self::C),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Customer {
    #[ts(type = "string")]
    pub id: CustomerId,
    pub name: String,
    pub industry: String,
    pub size: Option<CompanySize>,
    pub region: String,
    pub tier: Option<Tier>,
    pub owner: String,
    pub notes: String,
    pub created_at: String,
    pub updated_at: String,
    /// Personal fields shown masked (by the data view's policy); empty when read from the store.
    pub masked: Vec<String>,
}

impl<'r> sqlx::FromRow<'r, SqliteRow> for Customer {
    fn from_row(r: &'r SqliteRow) -> Result<Self, sqlx::Error> {
        Ok(Self {
            id: CustomerId(row::uuid(r, "id")?),
            name: r.try_get("name")?,
            industry: r.try_get("industry")?,
            size: row::opt_choice(r, "size", CompanySize::parse)?,
            region: r.try_get("region")?,
            tier: row::opt_choice(r, "tier", Tier::parse)?,
            owner: r.try_get("owner")?,
            notes: r.try_get("notes")?,
            created_at: r.try_get("created_at")?,
            updated_at: r.try_get("updated_at")?,
            masked: Vec::new(),
        })
    }
}

/// What a form or an imported row sends: raw strings, validated by [`CustomerInput::check`].
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct CustomerInput {
    pub id: Option<String>,
    pub name: String,
    #[serde(default)]
    pub industry: String,
    pub size: Option<String>,
    #[serde(default)]
    pub region: String,
    pub tier: Option<String>,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub notes: String,
}

/// A validated customer, ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomerFields {
    pub name: String,
    pub industry: String,
    pub size: Option<CompanySize>,
    pub region: String,
    pub tier: Option<Tier>,
    pub owner: String,
    pub notes: String,
}

impl CustomerInput {
    pub fn check(&self, c: &mut Checker) -> CustomerFields {
        CustomerFields {
            name: c.text("name", &self.name, 200, true),
            industry: c.text("industry", &self.industry, 100, false),
            size: c.choice("size", self.size.as_deref().unwrap_or(""), CompanySize::parse, CompanySize::ALLOWED),
            region: c.text("region", &self.region, 100, false),
            tier: c.choice("tier", self.tier.as_deref().unwrap_or(""), Tier::parse, Tier::ALLOWED),
            owner: c.text("owner", &self.owner, 100, false),
            notes: c.text("notes", &self.notes, 5000, false),
        }
    }
}

pub const LIST: ListSpec = ListSpec {
    select: "SELECT * FROM customers WHERE deleted_at IS NULL",
    count: "SELECT COUNT(*) FROM customers WHERE deleted_at IS NULL",
    search_columns: &["name", "industry", "region", "owner"],
    sort_keys: &[
        ("name", "LOWER(name)"),
        ("industry", "industry"),
        ("size", "size"),
        ("region", "region"),
        ("tier", "tier"),
        ("owner", "owner"),
        ("updated_at", "updated_at"),
    ],
    default_sort: "name",
    id_column: "id",
};

// ---- repository -------------------------------------------------------------------------

pub async fn get(conn: &mut SqliteConnection, id: CustomerId) -> CoreResult<Customer> {
    sqlx::query_as("SELECT * FROM customers WHERE id = ? AND deleted_at IS NULL")
        .bind(id.to_string())
        .fetch_optional(conn)
        .await?
        .ok_or_else(|| CoreError::not_found("customer", id))
}

pub async fn exists(conn: &mut SqliteConnection, id: CustomerId) -> CoreResult<bool> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM customers WHERE id = ? AND deleted_at IS NULL")
        .bind(id.to_string())
        .fetch_one(conn)
        .await?;
    Ok(n > 0)
}

pub async fn insert(conn: &mut SqliteConnection, id: CustomerId, f: &CustomerFields, now: &str) -> CoreResult<()> {
    sqlx::query(
        "INSERT INTO customers (id, name, industry, size, region, tier, owner, notes, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(id.to_string())
    .bind(&f.name)
    .bind(&f.industry)
    .bind(f.size.map(CompanySize::code))
    .bind(&f.region)
    .bind(f.tier.map(Tier::code))
    .bind(&f.owner)
    .bind(&f.notes)
    .bind(now)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// Updates a live customer; `false` when there is none with that id.
pub async fn update(conn: &mut SqliteConnection, id: CustomerId, f: &CustomerFields, now: &str) -> CoreResult<bool> {
    let done = sqlx::query(
        "UPDATE customers SET name = ?, industry = ?, size = ?, region = ?, tier = ?, owner = ?, notes = ?, updated_at = ?
         WHERE id = ? AND deleted_at IS NULL",
    )
    .bind(&f.name)
    .bind(&f.industry)
    .bind(f.size.map(CompanySize::code))
    .bind(&f.region)
    .bind(f.tier.map(Tier::code))
    .bind(&f.owner)
    .bind(&f.notes)
    .bind(now)
    .bind(id.to_string())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Ids of live customers whose name is exactly `name` (imports link contacts by name).
pub async fn ids_by_name(conn: &mut SqliteConnection, name: &str) -> CoreResult<Vec<CustomerId>> {
    let ids: Vec<String> = sqlx::query_scalar("SELECT id FROM customers WHERE name = ? AND deleted_at IS NULL LIMIT 2")
        .bind(name.trim())
        .fetch_all(conn)
        .await?;
    Ok(ids.iter().filter_map(|s| CustomerId::parse(s)).collect())
}

// ---- service ----------------------------------------------------------------------------

pub async fn list(pool: &SqlitePool, q: &ListQuery) -> CoreResult<Page<Customer>> {
    let mut conn = pool.acquire().await?;
    fetch_page(&mut conn, &LIST, q).await
}

/// Creates (no id) or updates (id) a customer in one transaction; returns what was stored.
pub async fn save(pool: &SqlitePool, input: &CustomerInput) -> CoreResult<Customer> {
    let mut c = Checker::new();
    let fields = input.check(&mut c);
    let id = crate::crm::parse_optional_id(&mut c, input.id.as_deref(), CustomerId::parse);
    c.finish()?;
    let mut tx = pool.begin().await?;
    let now = clock::now();
    let id = match id {
        Some(id) => {
            if !update(&mut tx, id, &fields, &now).await? {
                return Err(CoreError::not_found("customer", id));
            }
            id
        }
        None => {
            let id = CustomerId::new();
            insert(&mut tx, id, &fields, &now).await?;
            id
        }
    };
    let saved = get(&mut tx, id).await?;
    tx.commit().await?;
    tracing::info!(customer = %id, "customer saved");
    Ok(saved)
}

/// Soft-deletes a customer. Refused while live contacts or opportunities point at it, so
/// nothing is left dangling.
pub async fn delete(pool: &SqlitePool, id: CustomerId) -> CoreResult<()> {
    let mut tx = pool.begin().await?;
    let key = id.to_string();
    let dependants: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM contacts WHERE customer_id = ? AND deleted_at IS NULL)
              + (SELECT COUNT(*) FROM opportunities WHERE customer_id = ? AND deleted_at IS NULL)",
    )
    .bind(&key)
    .bind(&key)
    .fetch_one(&mut *tx)
    .await?;
    if dependants > 0 {
        return Err(CoreError::Conflict(format!(
            "this customer still has {dependants} contact(s) or opportunity(ies); delete or move them first"
        )));
    }
    crate::crm::soft_delete_in(&mut tx, "customers", "customer", &key).await?;
    tx.commit().await?;
    tracing::info!(customer = %id, "customer deleted");
    Ok(())
}

/// Customers for a picker: id and name, matching `search`, at most 50.
pub async fn options(pool: &SqlitePool, search: Option<&str>) -> CoreResult<Vec<crate::crm::RefOption>> {
    let q = ListQuery { search: search.map(str::to_string), sort: Some("name".into()), desc: false, page: 1, page_size: 50 };
    let page = list(pool, &q).await?;
    Ok(page.items.into_iter().map(|c| crate::crm::RefOption { id: c.id.to_string(), label: c.name }).collect())
}
