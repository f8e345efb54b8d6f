//! Encryption at rest: a database file is useless without its key, the key lives in the
//! credential store (a memory store here), and the recovery key, wrong-key and re-key paths
//! behave as a user needs.

use dealdesk_core::crm::customer::{self, CustomerInput};
use dealdesk_core::listing::ListQuery;
use dealdesk_core::store::{self, key, DbKey, MemoryStore, SecretStore};
use dealdesk_core::CoreError;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};
use std::path::Path;

async fn add_customer(pool: &sqlx::SqlitePool, name: &str) {
    customer::save(pool, &CustomerInput { name: name.into(), ..Default::default() }).await.expect("saved");
}

async fn names(pool: &sqlx::SqlitePool) -> Vec<String> {
    customer::list(pool, &ListQuery::default()).await.expect("list").items.into_iter().map(|c| c.name).collect()
}

/// What a finder of the file gets with plain SQLite and no key.
async fn read_without_key(path: &Path) -> Result<i64, sqlx::Error> {
    let mut conn = SqliteConnectOptions::new().filename(path).connect().await?;
    let n = sqlx::query_scalar("SELECT COUNT(*) FROM sqlite_master").fetch_one(&mut conn).await;
    let _ = conn.close().await;
    n
}

#[tokio::test]
async fn a_new_database_is_unreadable_without_its_key_and_opens_with_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("d.db");
    let keys = MemoryStore::default();
    let opened = store::open(&path, &keys).await.expect("created");
    let recovery = opened.recovery_key.clone().expect("a new database shows its recovery key");
    add_customer(&opened.pool, "华信科技").await;
    opened.pool.close().await;

    let header = std::fs::read(&path).expect("read")[..16].to_vec();
    assert_ne!(header, b"SQLite format 3\0".to_vec(), "the file must not look like a plaintext database");
    let raw = std::fs::read(&path).expect("read");
    assert!(!raw.windows("华信科技".len()).any(|w| w == "华信科技".as_bytes()), "customer names must not appear in the file");
    let err = read_without_key(&path).await.expect_err("no key, no data");
    assert!(err.to_string().contains("file is not a database"), "{err}");

    let again = store::open(&path, &keys).await.expect("reopened");
    assert!(again.recovery_key.is_none(), "the recovery key is shown only when it is created");
    assert_eq!(names(&again.pool).await, vec!["华信科技".to_string()]);
    assert_eq!(DbKey::parse(&recovery).expect("parses").hex(), keys.get(&key::account_for(&path)).expect("get").expect("stored"));
}

#[tokio::test]
async fn a_missing_or_wrong_key_says_what_to_do_and_the_recovery_key_gets_back_in() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("d.db");
    let keys = MemoryStore::default();
    let opened = store::open(&path, &keys).await.expect("created");
    let recovery = opened.recovery_key.clone().expect("recovery key");
    add_customer(&opened.pool, "Northwind").await;
    opened.pool.close().await;

    // Another computer: no key in its store.
    let other = MemoryStore::default();
    let err = store::open(&path, &other).await.err().expect("no key");
    assert!(matches!(err, CoreError::KeyMissing { .. }), "{err}");
    assert!(err.to_string().contains("recover-key"), "the message names the way out: {err}");

    // A wrong key in the store.
    other.set(&key::account_for(&path), &DbKey::random().expect("key").hex()).expect("set");
    let err = store::open(&path, &other).await.err().expect("wrong key");
    assert!(matches!(err, CoreError::WrongKey { .. }), "{err}");

    // A mistyped recovery key is refused and changes nothing; the right one restores access.
    assert!(store::recover_key(&path, "1234-5678", &other).await.is_err());
    store::recover_key(&path, &recovery.to_lowercase(), &other).await.expect("recovered");
    let back = store::open(&path, &other).await.expect("opens again");
    assert_eq!(names(&back.pool).await, vec!["Northwind".to_string()]);
}

#[tokio::test]
async fn rekey_gives_a_new_key_and_the_old_one_stops_working() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("d.db");
    let keys = MemoryStore::default();
    let opened = store::open(&path, &keys).await.expect("created");
    let old_recovery = opened.recovery_key.clone().expect("recovery key");
    add_customer(&opened.pool, "Bluepeak").await;
    let new_recovery = store::rekey(opened.pool, &path, &keys).await.expect("rekeyed");
    assert_ne!(old_recovery, new_recovery);

    let reopened = store::open(&path, &keys).await.expect("opens with the new key");
    assert_eq!(names(&reopened.pool).await, vec!["Bluepeak".to_string()]);
    reopened.pool.close().await;
    let err = store::open_with_key(&path, &DbKey::parse(&old_recovery).expect("old")).await.err().expect("old key is dead");
    assert!(matches!(err, CoreError::WrongKey { .. }), "{err}");
    store::open_with_key(&path, &DbKey::parse(&new_recovery).expect("new")).await.expect("new recovery key opens it");
}

#[tokio::test]
async fn a_plaintext_database_from_before_encryption_is_encrypted_in_place_with_its_data() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("old.db");
    {
        let pool = sqlx::sqlite::SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(SqliteConnectOptions::new().filename(&path).create_if_missing(true))
            .await
            .expect("plaintext");
        store::MIGRATOR.run(&pool).await.expect("migrated");
        add_customer(&pool, "宏图制造").await;
        pool.close().await;
    }
    assert!(read_without_key(&path).await.expect("plaintext is readable") > 0);
    let keys = MemoryStore::default();
    let opened = store::open(&path, &keys).await.expect("encrypted and opened");
    assert!(opened.recovery_key.is_some(), "the user must get the new recovery key");
    assert_eq!(names(&opened.pool).await, vec!["宏图制造".to_string()]);
    opened.pool.close().await;
    assert!(read_without_key(&path).await.is_err(), "the old plaintext must be gone");
}
