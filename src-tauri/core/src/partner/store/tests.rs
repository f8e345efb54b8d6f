//! Storage and service tests on an in-memory database: import, plan versions, statement runs
//! and versions, locking, clawbacks across periods, refusals naming row and column.

use super::import::{import_partners, import_sales};
use super::service::{lock, run, save_plan};
use super::{partners, statements, Payee};
use crate::error::CoreError;
use crate::partner::parse_plan;
use crate::store::{open_in_memory, SqlitePool};
use rust_decimal::Decimal;
use std::str::FromStr;

pub const PARTNERS_CSV: &str = "渠道商编码,渠道商名称,区域,上级,开户名,银行账号,开户行\nD001,华东总代,华东,,张伟,6222021234567890123,工商银行\nD002,杭州二级,华东,D001,李娜,6222029876543210,建设银行\n";

pub const PLAN: &str = r#"{"schema":1,"name":"测试方案","kind":"partner","effective_from":"2026-01-01","currency":"CNY","base":"gross","trigger":"invoice","rate":{"fixed_pct":"10"},"multi_level":{"override_pct":"2"}}"#;

pub const Q3_SALES: &str = "line_ref,date,partner_code,amount,currency,invoiced_on\nS1,2026-07-05,D001,10000,CNY,2026-07-05\nS2,2026-07-10,D002,5000,CNY,2026-07-12\nS3,2026-08-01,D001,2000,CNY,\n";

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).expect("decimal")
}

fn p(code: &str) -> Payee {
    Payee::Partner(code.into())
}

async fn setup() -> SqlitePool {
    let pool = open_in_memory().await.expect("db");
    import_partners(&pool, "partners.csv", PARTNERS_CSV.as_bytes()).await.expect("partners");
    save_plan(&pool, &parse_plan(PLAN.as_bytes()).expect("plan")).await.expect("save plan");
    import_sales(&pool, "q3.csv", Q3_SALES.as_bytes()).await.expect("sales");
    pool
}

async fn count(pool: &SqlitePool, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(pool).await.expect("count")
}

#[tokio::test]
async fn a_quarter_run_pays_own_sales_and_the_sub_partner_override_and_lists_pending() {
    let pool = setup().await;
    let rec = run(&pool, &p("D001"), "2026-Q3", None).await.expect("run");
    // S1: 10% of 10,000 = 1,000.00; S2 (D002's sale): parent override 2% of 5,000 = 100.00.
    let shares: Vec<(String, String)> = rec.statement.lines.iter().map(|l| (l.line_id.clone(), l.share.to_string())).collect();
    assert_eq!(shares, [("S1".to_string(), "1000.00".to_string()), ("S2".into(), "100.00".into())]);
    assert_eq!(rec.total, d("1100.00"));
    assert_eq!(rec.statement.pending.iter().map(|l| l.line_id.as_str()).collect::<Vec<_>>(), ["S3"], "not invoiced yet");
    assert_eq!((rec.version, rec.mark()), (1, "DRAFT v1".to_string()));
    let sub = run(&pool, &p("D002"), "2026-Q3", None).await.expect("run D002");
    assert_eq!(sub.total, d("500.00"));
}

#[tokio::test]
async fn a_locked_statement_never_changes_and_a_rerun_makes_a_new_version() {
    let pool = setup().await;
    run(&pool, &p("D001"), "2026-Q3", None).await.expect("run");
    let locked = lock(&pool, &p("D001"), "2026-Q3", None).await.expect("lock");
    assert_eq!(locked.mark(), "LOCKED v1");
    assert!(matches!(lock(&pool, &p("D001"), "2026-Q3", Some(1)).await, Err(CoreError::Conflict(_))), "locking twice is refused");
    // A late invoice for S3, then a rerun: version 2, version 1 as it was.
    import_sales(&pool, "late.csv", b"line_ref,date,partner_code,amount,currency,invoiced_on\nS4,2026-09-01,D001,3000,CNY,2026-09-02\n").await.expect("late");
    let v2 = run(&pool, &p("D001"), "2026-Q3", None).await.expect("rerun");
    assert_eq!((v2.version, v2.total), (2, d("1400.00")));
    let v1 = super::service::get(&pool, &p("D001"), "2026-Q3", Some(1)).await.expect("v1");
    assert_eq!((v1.total, v1.statement.lines.len()), (d("1100.00"), 2));
    let update = sqlx::query("UPDATE statements SET total = '0' WHERE version = 1").execute(&pool).await;
    assert!(update.is_err_and(|e| e.to_string().contains("locked statement cannot be changed")));
    let delete = sqlx::query("DELETE FROM statements WHERE version = 1").execute(&pool).await;
    assert!(delete.is_err());
    assert_eq!(count(&pool, "SELECT COUNT(*) FROM statements WHERE payee = 'D001'").await, 2);
}

#[tokio::test]
async fn a_refund_in_a_later_quarter_claws_back_at_the_rate_earned_and_carries_the_debt() {
    let pool = setup().await;
    import_sales(&pool, "q4.csv", b"line_ref,date,partner_code,amount,currency,invoiced_on,refund_of\nR1,2026-10-03,D001,-4000,CNY,2026-10-03,S1\n").await.expect("q4");
    let early = run(&pool, &p("D001"), "2026-Q4", None).await;
    let message = early.expect_err("Q3 was not run").to_string();
    assert!(message.contains("S1") && message.contains("run the statement of D001 for that earlier period first"), "{message}");
    run(&pool, &p("D001"), "2026-Q3", None).await.expect("q3");
    let q4 = run(&pool, &p("D001"), "2026-Q4", None).await.expect("q4");
    let claw = &q4.statement.lines[0];
    assert_eq!((claw.line_id.as_str(), claw.share), ("R1", d("-400.00")), "4,000 back at the 10% S1 earned");
    assert_eq!((q4.total, q4.statement.carried_out), (d("0.00"), d("-400.00")), "nothing paid, the debt carried");
    // Q1 2027 starts from the carried debt.
    let q1 = run(&pool, &p("D001"), "2027-Q1", None).await.expect("q1");
    assert_eq!(q1.statement.carried_out, d("-400.00"));
}

#[tokio::test]
async fn the_same_file_twice_is_refused_and_a_bad_file_names_row_and_column_and_writes_nothing() {
    let pool = setup().await;
    let again = import_sales(&pool, "q3-copy.csv", Q3_SALES.as_bytes()).await.expect_err("twice");
    assert!(matches!(&again, CoreError::Conflict(m) if m.contains("already imported") && m.contains("q3.csv")), "{again}");
    let bad = "行号,日期,渠道商编码,金额,币种\nT1,2026-07-01,D001,100,CNY\nT2,2026-07-01,D001,ten,CNY\nT3,2026-07-01,D999,100,CNY\nS1,2026-07-01,D001,100,CNY\n";
    let err = import_sales(&pool, "bad.csv", bad.as_bytes()).await.expect_err("bad");
    let CoreError::ImportRejected(r) = err else { panic!("not a rejection: {err}") };
    let at: Vec<(u32, &str)> = r.problems.iter().map(|p| (p.row, p.column.as_str())).collect();
    assert_eq!(at, [(3, "amount"), (4, "partner_code"), (5, "line_ref")]);
    assert_eq!(r.file_name, "bad.csv");
    assert_eq!(count(&pool, "SELECT COUNT(*) FROM sales_lines").await, 3, "nothing of bad.csv");
    assert_eq!(count(&pool, "SELECT COUNT(*) FROM import_batches WHERE kind = 'sales'").await, 1);
}

#[tokio::test]
async fn plan_versions_take_effect_by_date_and_bank_details_are_masked() {
    let pool = setup().await;
    let mut plan = parse_plan(PLAN.as_bytes()).expect("plan");
    plan.rate.fixed_pct = Some(d("12"));
    plan.effective_from = chrono::NaiveDate::from_ymd_opt(2026, 10, 1).expect("date");
    let v2 = save_plan(&pool, &plan).await.expect("v2");
    assert_eq!(v2.version, 2);
    let q3 = run(&pool, &p("D002"), "2026-Q3", None).await.expect("q3");
    assert_eq!((q3.plan_version, q3.total), (1, d("500.00")), "v2 takes effect in Q4");
    let mut conn = pool.acquire().await.expect("conn");
    let listed = partners::list(&mut conn).await.expect("list");
    let masked = listed[0].clone().masked();
    assert_eq!((masked.bank_account_holder.as_str(), masked.bank_account_number.as_str()), ("张*", "622202*********0123"));
    assert_eq!(listed[1].parent_code.as_deref(), Some("D001"));
    assert_eq!(listed[1].level, 2, "a level left empty is the depth below the parent");
    let all = statements::list(&mut conn, None).await.expect("list");
    assert_eq!(all.len(), 1);
}

#[tokio::test]
async fn a_partner_file_with_a_cycle_or_an_unknown_parent_is_refused_whole() {
    let pool = open_in_memory().await.expect("db");
    let file = "code,name,parent_code\nA,甲,B\nB,乙,A\nC,丙,Z\n";
    let err = import_partners(&pool, "p.csv", file.as_bytes()).await.expect_err("cycle");
    let CoreError::ImportRejected(r) = err else { panic!("{err}") };
    let at: Vec<(u32, &str)> = r.problems.iter().map(|p| (p.row, p.column.as_str())).collect();
    assert_eq!(at, [(2, "parent_code"), (3, "parent_code"), (4, "parent_code")], "listed in row order");
    assert_eq!(count(&pool, "SELECT COUNT(*) FROM partners").await, 0);
}
