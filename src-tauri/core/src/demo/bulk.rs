//! Bulk data for the dashboard benchmark: a million opportunities with stage histories are
//! far too many to write through the repository functions in reasonable time, so this writes
//! them with set-based SQL (a recursive counter) in one transaction. Deterministic: the same
//! `n` always gives the same rows. Not for user data: ids are synthetic but valid UUIDs, and
//! there are no contacts or products.
//!
//! Shape, like the demo data: 1 customer per 50 opportunities across 7 regions and 12
//! owners; stages weighted towards the top of the funnel (3:3:2:2:1:1 for initial …
//! negotiation, won, lost); histories walk the funnel 3–24 days per stage; creation dates
//! spread over days 0–780 of the 900 before `today` (so every history ends by today); 10 % of opportunities in USD.

use crate::error::CoreResult;
use chrono::NaiveDate;
use sqlx::SqlitePool;

/// How many rows of each table were written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BulkCounts {
    pub customers: u64,
    pub opportunities: u64,
    pub history: u64,
}

const REGIONS: &str = "CASE n % 7 WHEN 0 THEN '华东' WHEN 1 THEN '华北' WHEN 2 THEN '华南' WHEN 3 THEN '西南' WHEN 4 THEN '华中' WHEN 5 THEN '东北' ELSE '西北' END";
const OWNERS: &str = "'owner' || (n % 12 + 1)";
/// Stage index 0–5 (initial … won, lost) from the weights in the module header.
const STAGE_OF: &str = "CASE (n * 7919) % 12 WHEN 0 THEN 0 WHEN 1 THEN 0 WHEN 2 THEN 0 WHEN 3 THEN 1 WHEN 4 THEN 1 WHEN 5 THEN 1 WHEN 6 THEN 2 WHEN 7 THEN 2 WHEN 8 THEN 3 WHEN 9 THEN 3 WHEN 10 THEN 4 ELSE 5 END";
const CODES: [&str; 6] = ["initial", "qualified", "proposal", "negotiation", "won", "lost"];
const PROBABILITY: [&str; 6] = ["10.00", "25.00", "50.00", "75.00", "100.00", "0.00"];

fn case_of(column: &str, values: &[&str; 6]) -> String {
    let arms: String = values.iter().enumerate().map(|(i, v)| format!(" WHEN {i} THEN '{v}'")).collect();
    format!("CASE {column}{arms} END")
}

/// Writes `opportunities` opportunities (and their customers and histories) into an empty
/// database, dated up to `today`.
pub async fn fill(pool: &SqlitePool, opportunities: u64, today: NaiveDate) -> CoreResult<BulkCounts> {
    let customers = opportunities.div_ceil(50).max(1);
    let start = today - chrono::Days::new(900);
    let stamp = |days: &str| format!("strftime('%Y-%m-%dT09:00:00.000Z', '{start}', '+' || ({days}) || ' days')");
    let mut tx = pool.begin().await?;
    sqlx::query(&format!(
        "WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ?1)
         INSERT INTO customers (id, name, region, owner, created_at, updated_at)
         SELECT printf('00000000-0000-7000-8000-%012d', n), printf('Bench customer %d', n), {REGIONS}, {OWNERS}, {c}, {c} FROM seq",
        c = stamp("n % 900")
    ))
    .bind(i64::try_from(customers).unwrap_or(i64::MAX))
    .execute(&mut *tx)
    .await?;
    // One row per opportunity with what its history needs: final stage, path length (a lost
    // deal got 1–4 stages in before it was lost) and the day it was created.
    sqlx::query("CREATE TEMP TABLE bench_gen (n INTEGER PRIMARY KEY, stage INTEGER, path INTEGER, day INTEGER)")
        .execute(&mut *tx)
        .await?;
    sqlx::query(&format!(
        "WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ?1)
         INSERT INTO bench_gen SELECT n, s, CASE WHEN s = 5 THEN 1 + n % 4 ELSE s + 1 END, (n * 104729) % 780
         FROM (SELECT n, {STAGE_OF} AS s FROM seq)"
    ))
    .bind(i64::try_from(opportunities).unwrap_or(i64::MAX))
    .execute(&mut *tx)
    .await?;
    // Stage k (0-based) is entered k steps after creation; a step is 3–24 days, fixed per deal.
    let entered = |k: &str| format!("(day + ({k}) * (3 + (n * 31) % 22))");
    let final_day = entered("CASE WHEN stage = 5 THEN path ELSE path - 1 END");
    sqlx::query(&format!(
        "INSERT INTO opportunities (id, customer_id, name, stage, amount, currency, expected_close, probability_pct, owner, created_at, updated_at)
         SELECT printf('00000001-0000-7000-8000-%012d', n), printf('00000000-0000-7000-8000-%012d', 1 + n % ?1), printf('Bench deal %d', n),
                {stage}, printf('%d.00', ((n * 97) % 1980 + 20) * 500), CASE WHEN n % 10 = 9 THEN 'USD' ELSE 'CNY' END,
                date('{start}', '+' || (day + 60 + n % 180) || ' days'), {prob}, {OWNERS}, {created}, {updated}
         FROM bench_gen",
        stage = case_of("stage", &CODES),
        prob = case_of("stage", &PROBABILITY),
        created = stamp("day"),
        updated = stamp(&final_day),
    ))
    .bind(i64::try_from(customers).unwrap_or(i64::MAX))
    .execute(&mut *tx)
    .await?;
    // The walk: stages 0 … path-1, then 输单 for a lost deal.
    let history = sqlx::query(&format!(
        "WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < 4)
         INSERT INTO opportunity_stage_history (id, opportunity_id, stage, entered_at)
         SELECT printf('00000002-0000-7000-8%03d-%012d', i, n), printf('00000001-0000-7000-8000-%012d', n),
                {code}, {at}
         FROM bench_gen JOIN k ON i < path OR (stage = 5 AND i = path)",
        code = case_of("CASE WHEN stage = 5 AND i = path THEN 5 ELSE i END", &CODES),
        at = stamp(&entered("i")),
    ))
    .execute(&mut *tx)
    .await?
    .rows_affected();
    sqlx::query("DROP TABLE bench_gen").execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(BulkCounts { customers, opportunities, history })
}

/// How many opportunities the database holds (deleted ones included).
pub async fn opportunity_count(pool: &SqlitePool) -> CoreResult<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM opportunities").fetch_one(pool).await?)
}

/// Forgets the change feed (after a bulk fill, which no snapshot needs to replay).
pub async fn clear_changes(pool: &SqlitePool) -> CoreResult<()> {
    sqlx::query("DELETE FROM report_changes").execute(pool).await?;
    Ok(())
}

/// Moves the `nth` deal still in 初步接触 on to 需求确认, as saving it in the window would (the
/// row and a stage-history row, one transaction): the benchmark's "one change" refresh.
pub async fn advance_one(pool: &SqlitePool, nth: i64) -> CoreResult<()> {
    let mut tx = pool.begin().await?;
    let id: String = sqlx::query_scalar("SELECT id FROM opportunities WHERE stage = 'initial' ORDER BY id LIMIT 1 OFFSET ?")
        .bind(nth)
        .fetch_one(&mut *tx)
        .await?;
    let now = crate::clock::now();
    sqlx::query("UPDATE opportunities SET stage = 'qualified', updated_at = ? WHERE id = ?").bind(&now).bind(&id).execute(&mut *tx).await?;
    sqlx::query("INSERT INTO opportunity_stage_history (id, opportunity_id, stage, entered_at) VALUES (?, ?, 'qualified', ?)")
        .bind(crate::ids::new_row_id())
        .bind(&id)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}
