//! The audit log: actions leave entries, the chain verifies, and tampering (an altered or a
//! removed entry, even with the append-only triggers dropped) is found at the right entry.

use dealdesk_core::audit;
use dealdesk_core::crm::customer::{self, CustomerInput};
use dealdesk_core::progress::NoProgress;
use dealdesk_core::tabular::{export, import, FileFormat, TableName};
use sqlx::SqlitePool;

async fn some_history(pool: &SqlitePool) {
    let c = customer::save(pool, &CustomerInput { name: "华信科技".into(), ..Default::default() }).await.expect("saved");
    customer::delete(pool, c.id).await.expect("deleted");
    import::import(pool, TableName::Customers, "c.csv", b"name\nA\nB\n", &NoProgress).await.expect("import");
    let dir = tempfile::tempdir().expect("tempdir");
    export::export(pool, TableName::Customers, FileFormat::Csv, &dir.path().join("out.csv")).await.expect("export");
}

#[sqlx::test(migrations = "../../migrations")]
async fn deletes_imports_and_exports_are_recorded_and_the_chain_verifies(pool: SqlitePool) {
    some_history(&pool).await;
    let actions: Vec<String> = sqlx::query_scalar("SELECT action FROM audit_log ORDER BY seq").fetch_all(&pool).await.expect("actions");
    assert_eq!(actions, vec!["delete", "import", "export"]);
    let check = audit::verify(&pool).await.expect("verify");
    assert_eq!((check.entries, check.broken_at), (3, None));
}

#[sqlx::test(migrations = "../../migrations")]
async fn the_log_refuses_updates_and_deletes(pool: SqlitePool) {
    some_history(&pool).await;
    assert!(sqlx::query("UPDATE audit_log SET actor = 'mallory'").execute(&pool).await.is_err());
    assert!(sqlx::query("DELETE FROM audit_log").execute(&pool).await.is_err());
}

#[sqlx::test(migrations = "../../migrations")]
async fn an_altered_entry_is_found(pool: SqlitePool) {
    some_history(&pool).await;
    sqlx::query("DROP TRIGGER audit_log_no_update").execute(&pool).await.expect("drop");
    sqlx::query("UPDATE audit_log SET detail = '{\"rows\":0}' WHERE seq = 3").execute(&pool).await.expect("tamper");
    let check = audit::verify(&pool).await.expect("verify");
    assert_eq!(check.broken_at, Some(3));
    assert!(check.reason.expect("reason").contains("altered"));
}

#[sqlx::test(migrations = "../../migrations")]
async fn a_removed_entry_is_found(pool: SqlitePool) {
    some_history(&pool).await;
    sqlx::query("DROP TRIGGER audit_log_no_delete").execute(&pool).await.expect("drop");
    sqlx::query("DELETE FROM audit_log WHERE seq = 2").execute(&pool).await.expect("tamper");
    let check = audit::verify(&pool).await.expect("verify");
    assert_eq!(check.broken_at, Some(2));
    assert!(check.reason.expect("reason").contains("missing"));
}
