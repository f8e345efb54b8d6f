//! Import/export tests: all-or-nothing imports with row/column problems, and round trips
//! through CSV and XLSX that give back the same data.

use dealdesk_core::crm::customer::{self, CustomerInput};
use dealdesk_core::error::FieldCode;
use dealdesk_core::listing::ListQuery;
use dealdesk_core::progress::NoProgress;
use dealdesk_core::tabular::{export, import, FileFormat, TableName};
use dealdesk_core::{demo, CoreError};
use sqlx::SqlitePool;

async fn count(pool: &SqlitePool, table: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table} WHERE deleted_at IS NULL")).fetch_one(pool).await.expect("count")
}

#[sqlx::test(migrations = "../../migrations")]
async fn a_file_with_one_bad_row_imports_nothing_and_names_row_column_and_value(pool: SqlitePool) {
    let csv = "name,industry,size,region,tier\n华信科技,制造业,large,华东,A\n宏图贸易,零售,huge,华南,B\n,教育,small,华北,C\n";
    let err = import::import(&pool, TableName::Customers, "customers.csv", csv.as_bytes(), &NoProgress).await.expect_err("rejected");
    let CoreError::ImportRejected(r) = err else { panic!("expected a rejection, got {err}") };
    let found: Vec<(u32, &str, &str, FieldCode)> = r.problems.iter().map(|p| (p.row, p.column.as_str(), p.value.as_str(), p.code)).collect();
    assert_eq!(found, vec![(3, "size", "huge", FieldCode::UnknownValue), (4, "name", "", FieldCode::Required)]);
    assert_eq!(count(&pool, "customers").await, 0, "nothing may be written");
}

#[sqlx::test(migrations = "../../migrations")]
async fn tab_separated_files_with_a_bom_and_chinese_headers_import(pool: SqlitePool) {
    let tsv = "\u{feff}客户名称\t行业\t规模\t等级\n华信科技\t制造业\t大型\tA\nBluepeak Retail\tRetail\tmedium\tb\n";
    let report = import::import(&pool, TableName::Customers, "客户.tsv", tsv.as_bytes(), &NoProgress).await.expect("imported");
    assert_eq!((report.inserted, report.updated), (2, 0));
    let page = customer::list(&pool, &ListQuery { search: Some("bluepeak".into()), ..Default::default() }).await.expect("list");
    assert_eq!(page.items[0].tier.map(|t| t.code()), Some("B"));
}

#[sqlx::test(migrations = "../../migrations")]
async fn a_file_without_a_required_column_is_refused_before_any_row(pool: SqlitePool) {
    let err = import::import(&pool, TableName::Products, "p.csv", b"sku,name\nSW-1,CRM\n", &NoProgress).await.expect_err("rejected");
    let CoreError::ImportRejected(r) = err else { panic!("expected a rejection") };
    assert!(r.problems.iter().all(|p| p.row == 1 && p.code == FieldCode::MissingColumn));
    assert!(r.problems.iter().any(|p| p.column == "list_price"));
}

#[sqlx::test(migrations = "../../migrations")]
async fn contact_problems_mask_personal_values(pool: SqlitePool) {
    let csv = "name,mobile,email\n张伟,138-abc-5678,zhang.wei@\n";
    let err = import::import(&pool, TableName::Contacts, "c.csv", csv.as_bytes(), &NoProgress).await.expect_err("rejected");
    let CoreError::ImportRejected(r) = err else { panic!("expected a rejection") };
    for p in &r.problems {
        assert!(!p.value.contains("abc") && !p.value.contains("zhang.wei"), "personal value shown in clear: {p:?}");
    }
    assert_eq!(r.problems.len(), 2);
}

#[sqlx::test(migrations = "../../migrations")]
async fn duplicate_skus_inside_one_file_are_reported(pool: SqlitePool) {
    let csv = "sku,name,list_price,cost,tax_rate_pct,currency\nSW-1,A,100,50,13,CNY\nSW-1,B,100,50,13,CNY\n";
    // The second row updates the first (same SKU) rather than duplicating it.
    let report = import::import(&pool, TableName::Products, "p.csv", csv.as_bytes(), &NoProgress).await.expect("imported");
    assert_eq!((report.inserted, report.updated), (1, 1));
    assert_eq!(count(&pool, "products").await, 1);
}

#[sqlx::test(migrations = "../../migrations")]
async fn opportunities_link_customers_by_name_and_refuse_unknown_ones(pool: SqlitePool) {
    customer::save(&pool, &CustomerInput { name: "华信科技".into(), ..Default::default() }).await.expect("customer");
    let csv = "customer_name,name,stage,amount,currency\n华信科技,CRM 升级,商务谈判,250000,CNY\n不存在公司,X,initial,1,CNY\n";
    let err = import::import(&pool, TableName::Opportunities, "o.csv", csv.as_bytes(), &NoProgress).await.expect_err("rejected");
    let CoreError::ImportRejected(r) = err else { panic!("expected a rejection") };
    assert_eq!(r.problems.len(), 1);
    assert_eq!((r.problems[0].row, r.problems[0].column.as_str()), (3, "customer_name"));
    assert_eq!(count(&pool, "opportunities").await, 0);
}

async fn round_trip(pool: &SqlitePool, format: FileFormat) {
    demo::fill(pool, demo::DemoCounts { customers: 30, contacts: 60, products: 25, opportunities: 40 }, &NoProgress).await.expect("demo");
    let dir = tempfile::tempdir().expect("tempdir");
    let ext = format.extension();
    for table in TableName::ALL {
        let first = dir.path().join(format!("{table}-1.{ext}"));
        export::export(pool, table, format, &first).await.expect("export");
        let before = export::rows(pool, table).await.expect("rows");
        let bytes = std::fs::read(&first).expect("read");
        let report = import::import(pool, table, &format!("{table}.{ext}"), &bytes, &NoProgress).await.expect("re-import");
        assert_eq!(report.inserted, 0, "{table}: every exported row must update itself");
        assert_eq!(report.updated as usize, before.len());
        let after = export::rows(pool, table).await.expect("rows");
        assert_eq!(before, after, "{table}: a round trip through {ext} changed the data");
        let second = dir.path().join(format!("{table}-2.{ext}"));
        export::export(pool, table, format, &second).await.expect("export again");
        if format == FileFormat::Csv {
            assert_eq!(std::fs::read(&first).expect("1"), std::fs::read(&second).expect("2"), "{table}: CSV differs after a round trip");
        }
    }
}

#[sqlx::test(migrations = "../../migrations")]
async fn csv_round_trip_gives_back_the_same_data(pool: SqlitePool) {
    round_trip(&pool, FileFormat::Csv).await;
}

#[sqlx::test(migrations = "../../migrations")]
async fn xlsx_round_trip_gives_back_the_same_data(pool: SqlitePool) {
    round_trip(&pool, FileFormat::Xlsx).await;
}

#[sqlx::test(migrations = "../../migrations")]
async fn into_a_fresh_database_an_export_recreates_every_record(pool: SqlitePool) {
    demo::fill(&pool, demo::DemoCounts { customers: 10, contacts: 20, products: 8, opportunities: 12 }, &NoProgress).await.expect("demo");
    let fresh = dealdesk_core::store::open_in_memory().await.expect("fresh");
    let dir = tempfile::tempdir().expect("tempdir");
    for table in TableName::ALL {
        let path = dir.path().join(format!("{table}.csv"));
        export::export(&pool, table, FileFormat::Csv, &path).await.expect("export");
        import::import(&fresh, table, "x.csv", &std::fs::read(&path).expect("read"), &NoProgress).await.expect("import");
        assert_eq!(export::rows(&pool, table).await.expect("a"), export::rows(&fresh, table).await.expect("b"), "{table}");
    }
}

#[sqlx::test(migrations = "../../migrations")]
async fn formula_cells_are_neutralised_on_export_and_restored_on_import(pool: SqlitePool) {
    customer::save(&pool, &CustomerInput { name: "=HYPERLINK(\"http://evil\")".into(), notes: "+1 call".into(), ..Default::default() }).await.expect("saved");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("c.csv");
    export::export(&pool, TableName::Customers, FileFormat::Csv, &path).await.expect("export");
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains("'=HYPERLINK"), "{text}");
    assert!(text.contains("'+1 call"), "{text}");
    import::import(&pool, TableName::Customers, "c.csv", text.as_bytes(), &NoProgress).await.expect("import");
    let page = customer::list(&pool, &ListQuery::default()).await.expect("list");
    assert_eq!(page.items[0].name, "=HYPERLINK(\"http://evil\")");
}

#[sqlx::test(migrations = "../../migrations")]
async fn demo_data_meets_the_promised_volumes_and_covers_every_stage(pool: SqlitePool) {
    let made = demo::fill(&pool, demo::DEFAULT, &NoProgress).await.expect("demo");
    assert!(made.customers >= 200 && made.contacts >= 500 && made.products >= 100 && made.opportunities >= 300, "{made:?}");
    assert_eq!(count(&pool, "customers").await, 200);
    let stages: Vec<String> = sqlx::query_scalar("SELECT DISTINCT stage FROM opportunities ORDER BY stage").fetch_all(&pool).await.expect("stages");
    assert_eq!(stages.len(), 6, "{stages:?}");
    let lines: i64 = sqlx::query_scalar("SELECT COUNT(DISTINCT product_line) FROM products").fetch_one(&pool).await.expect("lines");
    assert!(lines >= 5);
}
