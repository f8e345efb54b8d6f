//! The whole import (`tabular::import::import`: read, map headers, validate every row, write in
//! one transaction) into an in-memory database, for one table (customers; another with
//! `DEALDESK_FUZZ_TABLE=products` etc.). CSV or XLSX: a zip is read as XLSX whatever its name.
//! Checks the all-or-nothing contract: either the import succeeded, the table grew by exactly
//! the number of rows reported inserted, no other table changed and one audit entry was added;
//! or it was rejected with a reason and not a single row anywhere changed. Any other error
//! (a database error, say) is a bug.
#![no_main]

use dealdesk_core::error::CoreError;
use dealdesk_core::progress::NoProgress;
use dealdesk_core::store::{self, SqlitePool};
use dealdesk_core::tabular::{import, TableName};
use libfuzzer_sys::fuzz_target;
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// The tables counted before and after each import, children first (the order they are emptied).
const TABLES: [&str; 6] = ["opportunity_stage_history", "opportunities", "contacts", "products", "customers", "audit_log"];

/// Row counts of [`TABLES`].
type Counts = [i64; TABLES.len()];

fn index_of(table: &str) -> usize {
    TABLES.iter().position(|t| *t == table).expect("a counted table")
}

fn table() -> TableName {
    static TABLE: OnceLock<TableName> = OnceLock::new();
    *TABLE.get_or_init(|| match std::env::var("DEALDESK_FUZZ_TABLE") {
        Ok(name) => TableName::parse(&name).unwrap_or_else(|| panic!("DEALDESK_FUZZ_TABLE={name} is not a table")),
        Err(_) => TableName::Customers,
    })
}

fn runtime() -> &'static tokio::runtime::Runtime {
    static RUNTIME: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a tokio runtime"))
}

/// The database and when it was opened. It is emptied after every successful import (so each
/// input starts from the same state and a crash reproduces alone) and replaced now and then:
/// the audit log only grows, and sqlx retires a pooled connection after 30 minutes, which
/// for an in-memory database would mean a new, empty database without the schema.
struct Db {
    pool: SqlitePool,
    opened: Instant,
    imports: u32,
}

static DB: Mutex<Option<Db>> = Mutex::new(None);

async fn counts(pool: &SqlitePool) -> Counts {
    let mut out = [0; TABLES.len()];
    for (n, table) in out.iter_mut().zip(TABLES) {
        *n = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(pool).await.expect("counting rows");
    }
    out
}

async fn empty_tables(pool: &SqlitePool) {
    // The audit log refuses deletes by design; it is dropped with the database instead.
    for table in &TABLES[..TABLES.len() - 1] {
        sqlx::query(&format!("DELETE FROM {table}")).execute(pool).await.expect("emptying a table");
    }
}

fuzz_target!(init: dealdesk_fuzz::init(), |data: &[u8]| {
    let table = table();
    let mut guard = DB.lock().unwrap_or_else(|e| e.into_inner());
    if guard.as_ref().is_some_and(|db| db.imports >= 20_000 || db.opened.elapsed() > Duration::from_secs(600)) {
        if let Some(old) = guard.take() {
            runtime().block_on(old.pool.close());
        }
    }
    if guard.is_none() {
        let pool = runtime().block_on(store::open_in_memory()).expect("an in-memory database");
        *guard = Some(Db { pool, opened: Instant::now(), imports: 0 });
    }
    let db = guard.as_mut().expect("opened above");
    db.imports += 1;
    let pool = &db.pool;
    runtime().block_on(async {
        let before = counts(pool).await;
        let result = import::import(pool, table, "fuzz.csv", data, &NoProgress).await;
        let after = counts(pool).await;
        match result {
            Ok(report) => {
                assert_eq!(report.table, table);
                let target = index_of(table.code());
                let audit = index_of("audit_log");
                for (i, name) in TABLES.iter().enumerate() {
                    let grew = after[i] - before[i];
                    if *name == "opportunity_stage_history" && table == TableName::Opportunities {
                        // One entry per new opportunity, plus one per stage an update changes.
                        assert!(grew >= i64::from(report.inserted), "import reported {report:?} but {name} grew by {grew}");
                        continue;
                    }
                    let expected = if i == target {
                        i64::from(report.inserted)
                    } else if i == audit {
                        1
                    } else {
                        0
                    };
                    assert_eq!(grew, expected, "import reported {report:?} but {name} grew by {grew}");
                }
                empty_tables(pool).await;
            }
            Err(CoreError::ImportRejected(r)) => {
                assert_eq!(before, after, "a rejected import changed row counts ({TABLES:?})");
                dealdesk_fuzz::check_rejection("import", &r);
            }
            Err(other) => panic!("import: not an import rejection but {other:?}"),
        }
    });
});
