//! An in-memory copy of what the dashboard reads (every live opportunity with its stage
//! history, every customer), so a refresh with a million opportunities computes in memory
//! instead of decoding four million rows each time.
//!
//! Kept current through `report_changes`, which triggers fill on every insert or update of
//! opportunities, stage history and customers (no write path can forget it): a refresh reads
//! the ids changed since the snapshot's `seq` and re-reads only those rows. A snapshot that
//! finds the feed behind it (the database was restored or replaced) or too many changes
//! reloads everything, and so does one that finds a gap in the feed (another process trimmed
//! changes it had not read). Invariant: after `refresh`, the snapshot equals a fresh `load` of the
//! database as of `seq`.

use super::rows::{parse_instant, CustomerRow, OppRow, Scope};
use crate::crm::customer::Tier;
use crate::crm::opportunity::Stage;
use crate::ids::CustomerId;
use crate::store::row;
use crate::CoreResult;
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection};
use std::collections::{HashMap, HashSet};

/// Above this many changed ids a full reload is cheaper than patching.
const MAX_PATCH: usize = 50_000;
/// Ids per `IN (…)` query.
const CHUNK: usize = 500;

#[derive(Debug, Clone)]
struct Entry {
    row: OppRow,
    owner: String,
    currency: String,
}

#[derive(Debug, Clone)]
struct CustomerEntry {
    row: CustomerRow,
    region: String,
    owner: String,
}

/// What a refresh did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refreshed {
    Unchanged,
    Patched { opportunities: usize, customers: usize },
    Reloaded,
}

#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    opps: HashMap<String, Entry>,
    /// Live customers only; an opportunity of a deleted customer is left out of every report.
    customers: HashMap<String, CustomerEntry>,
    seq: i64,
    /// Owners and regions that occur, kept sorted (recomputed when rows change).
    owners: Vec<String>,
    regions: Vec<String>,
}

const OPP_COLUMNS: &str = "id, customer_id, stage, amount, probability_pct, expected_close, created_at, owner, currency";
const CUSTOMER_COLUMNS: &str = "id, name, tier, created_at, region, owner";

fn decode_opp(r: &SqliteRow) -> CoreResult<Entry> {
    Ok(Entry {
        row: OppRow {
            id: r.try_get("id")?,
            customer_id: r.try_get("customer_id")?,
            stage: row::choice(r, "stage", Stage::parse)?,
            amount: row::decimal(r, "amount")?,
            probability_pct: row::decimal(r, "probability_pct")?,
            expected_close: row::opt_date(r, "expected_close")?,
            created_at: parse_instant(&r.try_get::<String, _>("created_at")?)?,
            history: Vec::new(),
        },
        owner: r.try_get("owner")?,
        currency: r.try_get("currency")?,
    })
}

fn decode_customer(r: &SqliteRow) -> CoreResult<CustomerEntry> {
    Ok(CustomerEntry {
        row: CustomerRow {
            id: CustomerId(row::uuid(r, "id")?),
            name: r.try_get("name")?,
            tier: row::opt_choice(r, "tier", Tier::parse)?,
            created_at: parse_instant(&r.try_get::<String, _>("created_at")?)?,
        },
        region: r.try_get("region")?,
        owner: r.try_get("owner")?,
    })
}

async fn latest_seq(conn: &mut SqliteConnection) -> CoreResult<i64> {
    Ok(sqlx::query_scalar("SELECT COALESCE(MAX(seq), 0) FROM report_changes").fetch_one(&mut *conn).await?)
}

/// Adds the history rows (oldest first) to the entries they belong to.
fn attach_history(opps: &mut HashMap<String, Entry>, rows: Vec<(String, String, String)>) -> CoreResult<()> {
    for (opp, stage, at) in rows {
        if let (Some(entry), Some(stage)) = (opps.get_mut(&opp), Stage::parse(&stage)) {
            entry.row.history.push((stage, parse_instant(&at)?));
        }
    }
    Ok(())
}

fn placeholders(n: usize) -> String {
    vec!["?"; n].join(", ")
}

impl Snapshot {
    /// Everything, as of now.
    pub async fn load(conn: &mut SqliteConnection) -> CoreResult<Self> {
        let seq = latest_seq(conn).await?;
        let mut opps = HashMap::new();
        for r in sqlx::query(&format!("SELECT {OPP_COLUMNS} FROM opportunities WHERE deleted_at IS NULL")).fetch_all(&mut *conn).await? {
            let e = decode_opp(&r)?;
            opps.insert(e.row.id.clone(), e);
        }
        let history: Vec<(String, String, String)> =
            sqlx::query_as("SELECT opportunity_id, stage, entered_at FROM opportunity_stage_history ORDER BY opportunity_id, entered_at, id")
                .fetch_all(&mut *conn)
                .await?;
        attach_history(&mut opps, history)?;
        let mut customers = HashMap::new();
        for r in sqlx::query(&format!("SELECT {CUSTOMER_COLUMNS} FROM customers WHERE deleted_at IS NULL")).fetch_all(&mut *conn).await? {
            let c = decode_customer(&r)?;
            customers.insert(c.row.id.to_string(), c);
        }
        let mut snap = Self { opps, customers, seq, owners: Vec::new(), regions: Vec::new() };
        snap.collect_filter_values();
        Ok(snap)
    }

    /// Brings the snapshot up to date with the database (see the module header).
    pub async fn refresh(&mut self, conn: &mut SqliteConnection) -> CoreResult<Refreshed> {
        let latest = latest_seq(conn).await?;
        if latest == self.seq {
            return Ok(Refreshed::Unchanged);
        }
        let changed: Vec<(Option<String>, Option<String>)> =
            sqlx::query_as("SELECT DISTINCT opportunity_id, customer_id FROM report_changes WHERE seq > ? AND seq <= ?")
                .bind(self.seq)
                .bind(latest)
                .fetch_all(&mut *conn)
                .await?;
        // Another process (a CLI run) may have trimmed changes this snapshot had not read: seq
        // grows by one per change, so a first remaining seq past `self.seq + 1` is a gap.
        let first: Option<i64> = sqlx::query_scalar("SELECT MIN(seq) FROM report_changes WHERE seq > ?").bind(self.seq).fetch_one(&mut *conn).await?;
        let gap = first.is_some_and(|f| f > self.seq + 1);
        if latest < self.seq || gap || changed.len() > MAX_PATCH {
            *self = Self::load(conn).await?;
            return Ok(Refreshed::Reloaded);
        }
        let opp_ids: Vec<String> = changed.iter().filter_map(|(o, _)| o.clone()).collect::<HashSet<_>>().into_iter().collect();
        let customer_ids: Vec<String> = changed.iter().filter_map(|(_, c)| c.clone()).collect::<HashSet<_>>().into_iter().collect();
        for chunk in opp_ids.chunks(CHUNK) {
            self.patch_opportunities(conn, chunk).await?;
        }
        for chunk in customer_ids.chunks(CHUNK) {
            self.patch_customers(conn, chunk).await?;
        }
        self.seq = latest;
        self.collect_filter_values();
        Ok(Refreshed::Patched { opportunities: opp_ids.len(), customers: customer_ids.len() })
    }

    async fn patch_opportunities(&mut self, conn: &mut SqliteConnection, ids: &[String]) -> CoreResult<()> {
        let marks = placeholders(ids.len());
        let sql = format!("SELECT {OPP_COLUMNS} FROM opportunities WHERE deleted_at IS NULL AND id IN ({marks})");
        let mut q = sqlx::query(&sql);
        for id in ids {
            q = q.bind(id);
        }
        let mut fresh = HashMap::new();
        for r in q.fetch_all(&mut *conn).await? {
            let e = decode_opp(&r)?;
            fresh.insert(e.row.id.clone(), e);
        }
        let sql = format!("SELECT opportunity_id, stage, entered_at FROM opportunity_stage_history WHERE opportunity_id IN ({marks}) ORDER BY opportunity_id, entered_at, id");
        let mut q = sqlx::query_as(&sql);
        for id in ids {
            q = q.bind(id);
        }
        attach_history(&mut fresh, q.fetch_all(&mut *conn).await?)?;
        for id in ids {
            self.opps.remove(id);
        }
        self.opps.extend(fresh);
        Ok(())
    }

    async fn patch_customers(&mut self, conn: &mut SqliteConnection, ids: &[String]) -> CoreResult<()> {
        let sql = format!("SELECT {CUSTOMER_COLUMNS} FROM customers WHERE deleted_at IS NULL AND id IN ({})", placeholders(ids.len()));
        let mut q = sqlx::query(&sql);
        for id in ids {
            q = q.bind(id);
        }
        let rows = q.fetch_all(&mut *conn).await?;
        for id in ids {
            self.customers.remove(id);
        }
        for r in rows {
            let c = decode_customer(&r)?;
            self.customers.insert(c.row.id.to_string(), c);
        }
        Ok(())
    }

    /// Forgets the changes this snapshot has read, so the feed stays short. Whoever loads a
    /// snapshot may call it (the window after each refresh, the CLI after its load); a
    /// snapshot that finds changes trimmed before it read them reloads (see `refresh`).
    pub async fn trim(&self, conn: &mut SqliteConnection) -> CoreResult<()> {
        sqlx::query("DELETE FROM report_changes WHERE seq <= ?").bind(self.seq).execute(&mut *conn).await?;
        Ok(())
    }

    /// The live opportunities of live customers in `scope` (owner, region, currency).
    pub fn opportunities(&self, scope: &Scope) -> Vec<&OppRow> {
        self.opps
            .values()
            .filter(|e| e.currency == scope.currency && scope.owner.as_ref().is_none_or(|o| *o == e.owner))
            .filter(|e| {
                self.customers.get(&e.row.customer_id).is_some_and(|c| scope.region.as_ref().is_none_or(|r| *r == c.region))
            })
            .map(|e| &e.row)
            .collect()
    }

    /// Like [`Self::opportunities`] but for every owner (ABC ranks a customer on all its deals).
    pub fn opportunities_all_owners(&self, scope: &Scope) -> Vec<&OppRow> {
        self.opportunities(&Scope { owner: None, ..scope.clone() })
    }

    /// Live customers in `scope` (the customer's owner and region).
    pub fn customers(&self, scope: &Scope) -> Vec<CustomerRow> {
        let mut out: Vec<CustomerRow> = self
            .customers
            .values()
            .filter(|c| scope.owner.as_ref().is_none_or(|o| *o == c.owner) && scope.region.as_ref().is_none_or(|r| *r == c.region))
            .map(|c| c.row.clone())
            .collect();
        out.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.0.cmp(&b.id.0)));
        out
    }

    fn collect_filter_values(&mut self) {
        let owners: HashSet<&str> = self.opps.values().map(|e| e.owner.as_str()).filter(|o| !o.is_empty()).collect();
        let regions: HashSet<&str> = self.customers.values().map(|c| c.region.as_str()).filter(|r| !r.is_empty()).collect();
        let sorted = |set: HashSet<&str>| {
            let mut v: Vec<String> = set.into_iter().map(str::to_string).collect();
            v.sort();
            v
        };
        (self.owners, self.regions) = (sorted(owners), sorted(regions));
    }

    /// Owners and regions that occur, sorted, for the dashboard's filters.
    pub fn filter_values(&self) -> (Vec<String>, Vec<String>) {
        (self.owners.clone(), self.regions.clone())
    }

    pub fn len(&self) -> usize {
        self.opps.len()
    }

    pub fn is_empty(&self) -> bool {
        self.opps.is_empty()
    }

    pub fn seq(&self) -> i64 {
        self.seq
    }
}
