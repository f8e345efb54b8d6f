//! An in-memory copy of what the dashboard reads (every live opportunity with its stage
//! history, every customer), so a refresh with a million opportunities computes in memory
//! instead of decoding four million rows each time. Records are compact (`compact::Opp`);
//! the figures over them are in `figures.rs`.
//!
//! Kept current through `report_changes`, which triggers fill on every insert or update of
//! opportunities, stage history and customers (no write path can forget it): a refresh reads
//! the ids changed since the snapshot's `seq` and re-reads only those rows. A snapshot that
//! finds the feed behind it (the database was restored or replaced) or too many changes
//! reloads everything, and so does one that finds a gap in the feed (another process trimmed
//! changes it had not read). Invariant: after `refresh`, the snapshot holds what a fresh
//! `load` of the database as of `seq` holds (the order of records may differ).

use super::compact::{parse_micros, parse_stage, Interner, Micros, Opp};
use super::rows::CustomerRow;
use crate::crm::customer::Tier;
use crate::crm::opportunity::Stage;
use crate::error::CoreError;
use crate::ids::CustomerId;
use crate::store::row;
use crate::CoreResult;
use futures_util::TryStreamExt;
use rust_decimal::Decimal;
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection};
use std::collections::{HashMap, HashSet};
use std::str::FromStr;

mod read;

/// Above this many changed ids a full reload is cheaper than patching.
const MAX_PATCH: usize = 50_000;
/// Ids per `IN (…)` query.
const CHUNK: usize = 500;

#[derive(Debug, Clone)]
pub(crate) struct CustomerEntry {
    pub row: CustomerRow,
    pub region: u32,
    pub owner: String,
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
    pub(crate) opps: Vec<Opp>,
    /// `ids[i]` is the id of `opps[i]`; `index` the way back.
    ids: Vec<String>,
    index: HashMap<String, u32>,
    /// Every record's history, oldest first, in ranges (`Opp::history_start`, `history_len`);
    /// patched records append theirs and leave the old range unused until [`Self::compact`].
    history: Vec<(Stage, Micros)>,
    /// Customer ids (of opportunities and of customers) as numbers.
    pub(crate) customer_keys: Interner,
    /// Live customers by customer number; an opportunity of a deleted customer is in no report.
    pub(crate) customers: Vec<Option<CustomerEntry>>,
    pub(crate) owners: Interner,
    pub(crate) regions: Interner,
    pub(crate) currencies: Interner,
    seq: i64,
    /// Owners and regions that occur, kept sorted (recomputed when rows change).
    owner_list: Vec<String>,
    region_list: Vec<String>,
}

const OPP_COLUMNS: &str = "id, customer_id, stage, amount, probability_pct, expected_close, created_at, owner, currency";
const CUSTOMER_COLUMNS: &str = "id, name, tier, created_at, region, owner";
const HISTORY_COLUMNS: &str = "opportunity_id, stage, entered_at";

/// An opportunity row before its history is attached.
struct Decoded {
    id: String,
    customer_id: String,
    stage: Stage,
    amount: Decimal,
    probability_pct: Decimal,
    expected_close: Option<chrono::NaiveDate>,
    created: Micros,
    owner: String,
    currency: String,
}

fn bad(column: &str, value: &str) -> CoreError {
    CoreError::BadRequest(format!("a stored {column} is not valid: '{}'", crate::validate::truncate(value)))
}

fn micros_of(column: &str, text: &str) -> CoreResult<Micros> {
    parse_micros(text).ok_or_else(|| bad(column, text))
}

fn decimal_of(column: &str, text: &str) -> CoreResult<Decimal> {
    Decimal::from_str(text).map_err(|_| bad(column, text))
}

fn decode_opp(r: &SqliteRow) -> CoreResult<Decoded> {
    let stage: &str = r.try_get("stage")?;
    Ok(Decoded {
        id: r.try_get("id")?,
        customer_id: r.try_get("customer_id")?,
        stage: parse_stage(stage).ok_or_else(|| bad("stage", stage))?,
        amount: decimal_of("amount", r.try_get("amount")?)?,
        probability_pct: decimal_of("probability_pct", r.try_get("probability_pct")?)?,
        expected_close: row::opt_date(r, "expected_close")?,
        created: micros_of("created_at", r.try_get("created_at")?)?,
        owner: r.try_get("owner")?,
        currency: r.try_get("currency")?,
    })
}

/// History ids are UUIDs, whose text order is their number's order; ties in entered time
/// are broken by it as `ORDER BY entered_at, id` would (a non-UUID id sorts last).
fn tie_breaker(id: &str) -> u128 {
    uuid::Uuid::parse_str(id).map_or(u128::MAX, |u| u.as_u128())
}

fn decode_history(r: &SqliteRow) -> CoreResult<(String, Option<Stage>, Micros)> {
    let stage: &str = r.try_get("stage")?;
    Ok((r.try_get("opportunity_id")?, parse_stage(stage), micros_of("entered_at", r.try_get("entered_at")?)?))
}

fn decode_customer(r: &SqliteRow, regions: &mut Interner) -> CoreResult<CustomerEntry> {
    Ok(CustomerEntry {
        row: CustomerRow {
            id: CustomerId(row::uuid(r, "id")?),
            name: r.try_get("name")?,
            tier: row::opt_choice(r, "tier", Tier::parse)?,
            created_at: super::compact::instant(micros_of("created_at", r.try_get("created_at")?)?),
        },
        region: regions.intern(r.try_get("region")?),
        owner: r.try_get("owner")?,
    })
}

async fn latest_seq(conn: &mut SqliteConnection) -> CoreResult<i64> {
    Ok(sqlx::query_scalar("SELECT COALESCE(MAX(seq), 0) FROM report_changes").fetch_one(&mut *conn).await?)
}

fn placeholders(n: usize) -> String {
    vec!["?"; n].join(", ")
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Snapshot {
    /// Everything, as of now. Both tables are read in storage order (a full scan, no index
    /// lookups: on an encrypted file every random page read is a decryption) and histories
    /// are put in order in memory: by entered time, then by history id as the row loaders do.
    pub async fn load(conn: &mut SqliteConnection) -> CoreResult<Self> {
        let mut snap = Self { seq: latest_seq(conn).await?, ..Self::default() };
        let mut decoded = Vec::new();
        let mut position: HashMap<String, u32> = HashMap::new();
        {
            let sql = format!("SELECT {OPP_COLUMNS} FROM opportunities WHERE deleted_at IS NULL");
            let mut rows = sqlx::query(&sql).fetch(&mut *conn);
            while let Some(r) = rows.try_next().await? {
                let d = decode_opp(&r)?;
                position.insert(d.id.clone(), to_u32(decoded.len()));
                decoded.push(d);
            }
        }
        // (opportunity position, entered, history id as a number for ties, stage)
        let mut entries: Vec<(u32, Micros, u128, Stage)> = Vec::new();
        {
            let sql = format!("SELECT {HISTORY_COLUMNS}, id FROM opportunity_stage_history");
            let mut rows = sqlx::query(&sql).fetch(&mut *conn);
            while let Some(r) = rows.try_next().await? {
                let opp: &str = r.try_get("opportunity_id")?;
                let Some(at) = position.get(opp).copied() else { continue };
                let stage: &str = r.try_get("stage")?;
                let Some(stage) = parse_stage(stage) else { continue };
                let entered = micros_of("entered_at", r.try_get("entered_at")?)?;
                let id: &str = r.try_get("id")?;
                entries.push((at, entered, tie_breaker(id), stage));
            }
        }
        drop(position);
        entries.sort_unstable_by_key(|e| (e.0, e.1, e.2));
        let mut ranges: Vec<(u32, u32)> = vec![(0, 0); decoded.len()];
        snap.history.reserve_exact(entries.len());
        for (at, entered, _, stage) in entries {
            let range = &mut ranges[at as usize];
            if range.1 == 0 {
                range.0 = to_u32(snap.history.len());
            }
            range.1 += 1;
            snap.history.push((stage, entered));
        }
        snap.opps.reserve_exact(decoded.len());
        for (d, (start, len)) in decoded.into_iter().zip(ranges) {
            snap.insert(d, start, len);
        }
        snap.load_customers(conn, None).await?;
        snap.collect_filter_values();
        Ok(snap)
    }

    /// Adds a decoded opportunity whose history is `history[start..start + len]`.
    fn insert(&mut self, d: Decoded, start: u32, len: u32) {
        let h = &self.history[start as usize..(start + len) as usize];
        let (closed, furthest) = Opp::derive(d.created, d.stage, h);
        let opp = Opp {
            created: d.created,
            closed,
            expected_close: d.expected_close,
            expected_month: d.expected_close.map_or(0, super::compact::month_number),
            amount: d.amount,
            probability_pct: d.probability_pct,
            forecast: super::forecast::Contribution::of(d.amount, d.probability_pct),
            stage: d.stage,
            furthest,
            customer: self.customer_keys.intern(&d.customer_id),
            owner: self.owners.intern(&d.owner),
            currency: self.currencies.intern(&d.currency),
            history_start: start,
            history_len: len,
        };
        self.index.insert(d.id.clone(), to_u32(self.opps.len()));
        self.ids.push(d.id);
        self.opps.push(opp);
    }

    /// A snapshot of the given rows, as `load` would build it (for tests of the figures):
    /// opportunities with their owner and currency, live customers with region and owner.
    #[cfg(test)]
    pub(crate) fn from_rows(opps: &[(super::rows::OppRow, &str, &str)], customers: &[(CustomerRow, &str, &str)]) -> Self {
        let mut snap = Self::default();
        for (row, owner, currency) in opps {
            let start = to_u32(snap.history.len());
            snap.history.extend(row.history.iter().map(|(s, at)| (*s, super::compact::micros(*at))));
            let d = Decoded {
                id: row.id.clone(),
                customer_id: row.customer_id.clone(),
                stage: row.stage,
                amount: row.amount,
                probability_pct: row.probability_pct,
                expected_close: row.expected_close,
                created: super::compact::micros(row.created_at),
                owner: owner.to_string(),
                currency: currency.to_string(),
            };
            snap.insert(d, start, to_u32(row.history.len()));
        }
        for (row, region, owner) in customers {
            let n = snap.customer_keys.intern(&row.id.to_string()) as usize;
            if snap.customers.len() <= n {
                snap.customers.resize(n + 1, None);
            }
            snap.customers[n] = Some(CustomerEntry { row: row.clone(), region: snap.regions.intern(region), owner: owner.to_string() });
        }
        snap.collect_filter_values();
        snap
    }

    /// Forgets the opportunity `id` if present (the last record takes its place).
    fn remove(&mut self, id: &str) {
        let Some(i) = self.index.remove(id) else { return };
        let i = i as usize;
        self.opps.swap_remove(i);
        self.ids.swap_remove(i);
        if let Some(moved) = self.ids.get(i) {
            self.index.insert(moved.clone(), to_u32(i));
        }
    }

    async fn load_customers(&mut self, conn: &mut SqliteConnection, ids: Option<&[String]>) -> CoreResult<()> {
        let rows = match ids {
            None => sqlx::query(&format!("SELECT {CUSTOMER_COLUMNS} FROM customers WHERE deleted_at IS NULL")).fetch_all(&mut *conn).await?,
            Some(ids) => {
                let sql = format!("SELECT {CUSTOMER_COLUMNS} FROM customers WHERE deleted_at IS NULL AND id IN ({})", placeholders(ids.len()));
                let mut q = sqlx::query(&sql);
                for id in ids {
                    q = q.bind(id);
                }
                for id in ids {
                    if let Some(n) = self.customer_keys.get(id) {
                        if let Some(slot) = self.customers.get_mut(n as usize) {
                            *slot = None;
                        }
                    }
                }
                q.fetch_all(&mut *conn).await?
            }
        };
        for r in rows {
            let c = decode_customer(&r, &mut self.regions)?;
            let n = self.customer_keys.intern(&c.row.id.to_string()) as usize;
            if self.customers.len() <= n {
                self.customers.resize(n + 1, None);
            }
            self.customers[n] = Some(c);
        }
        Ok(())
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
            self.load_customers(conn, Some(chunk)).await?;
        }
        self.compact_history();
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
        let fresh: Vec<Decoded> = q.fetch_all(&mut *conn).await?.iter().map(decode_opp).collect::<CoreResult<_>>()?;
        let sql = format!("SELECT {HISTORY_COLUMNS} FROM opportunity_stage_history WHERE opportunity_id IN ({marks}) ORDER BY opportunity_id, entered_at, id");
        let mut q = sqlx::query(&sql);
        for id in ids {
            q = q.bind(id);
        }
        let mut histories: HashMap<String, Vec<(Stage, Micros)>> = HashMap::new();
        for r in q.fetch_all(&mut *conn).await? {
            if let (opp, Some(stage), at) = decode_history(&r)? {
                histories.entry(opp).or_default().push((stage, at));
            }
        }
        for id in ids {
            self.remove(id);
        }
        for d in fresh {
            let h = histories.remove(&d.id).unwrap_or_default();
            let start = to_u32(self.history.len());
            self.history.extend_from_slice(&h);
            self.insert(d, start, to_u32(h.len()));
        }
        Ok(())
    }

    /// Rewrites the history array without the ranges patched records left behind, once they
    /// are most of it.
    fn compact_history(&mut self) {
        let live: usize = self.opps.iter().map(|o| o.history_len as usize).sum();
        if self.history.len() <= 2 * live + 65_536 {
            return;
        }
        let mut packed = Vec::with_capacity(live);
        for o in &mut self.opps {
            let start = to_u32(packed.len());
            packed.extend_from_slice(&self.history[o.history_start as usize..(o.history_start + o.history_len) as usize]);
            o.history_start = start;
        }
        self.history = packed;
    }

    /// Forgets the changes this snapshot has read, so the feed stays short. Whoever loads a
    /// snapshot may call it (the window after each refresh, the CLI after its load); a
    /// snapshot that finds changes trimmed before it read them reloads (see `refresh`).
    pub async fn trim(&self, conn: &mut SqliteConnection) -> CoreResult<()> {
        sqlx::query("DELETE FROM report_changes WHERE seq <= ?").bind(self.seq).execute(&mut *conn).await?;
        Ok(())
    }
}
