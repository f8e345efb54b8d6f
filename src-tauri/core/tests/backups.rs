//! Backups: encrypted like the database, restorable with a preview and a safety copy, a
//! newer schema refused, daily rolling copies pruned.

use dealdesk_core::crm::customer::{self, CustomerInput};
use dealdesk_core::settings;
use dealdesk_core::store::{self, backup, key, DbKey, MemoryStore, SecretStore};
use dealdesk_core::CoreError;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};

async fn add(pool: &sqlx::SqlitePool, name: &str) {
    customer::save(pool, &CustomerInput { name: name.into(), ..Default::default() }).await.expect("saved");
}

#[tokio::test]
async fn a_backup_is_encrypted_and_restores_what_it_held_after_a_safety_copy() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("d.db");
    let keys = MemoryStore::default();
    let pool = store::open(&db, &keys).await.expect("created").pool;
    add(&pool, "华信科技").await;
    let file = dir.path().join("out/backup.db");
    backup::backup(&pool, &db, &keys, &file).await.expect("backup");
    add(&pool, "宏图制造").await;
    pool.close().await;

    assert_ne!(std::fs::read(&file).expect("read")[..16].to_vec(), b"SQLite format 3\0".to_vec(), "backups are encrypted");
    let key = DbKey::parse(&keys.get(&key::account_for(&db)).expect("get").expect("key")).expect("key");
    let info = backup::inspect(&file, &key).await.expect("preview");
    assert_eq!(info.counts.customers, 1);
    assert_eq!(info.schema_version, backup::current_schema_version());

    let (_, safety) = backup::restore(&db, &file, &key, &keys, &dir.path().join("safety")).await.expect("restored");
    let pool = store::open(&db, &keys).await.expect("reopened").pool;
    assert_eq!(store::table_counts(&pool).await.expect("counts").customers, 1, "the backup's state is back");
    let safety_info = backup::inspect(&safety, &key).await.expect("safety copy opens");
    assert_eq!(safety_info.counts.customers, 2, "the safety copy holds the data from before the restore");
}

#[tokio::test]
async fn a_backup_from_a_newer_schema_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("d.db");
    let keys = MemoryStore::default();
    let pool = store::open(&db, &keys).await.expect("created").pool;
    add(&pool, "Northwind").await;
    let file = dir.path().join("future.db");
    backup::backup(&pool, &db, &keys, &file).await.expect("backup");
    pool.close().await;
    {
        let key = DbKey::parse(&keys.get(&key::account_for(&db)).expect("get").expect("key")).expect("key");
        let mut conn = SqliteConnectOptions::new().filename(&file).pragma("key", key.pragma_value()).connect().await.expect("open backup");
        sqlx::query("INSERT INTO _sqlx_migrations (version, description, installed_on, success, checksum, execution_time) VALUES (99991231000000, 'future', '2099-01-01', 1, x'00', 0)")
            .execute(&mut conn)
            .await
            .expect("pretend a newer schema");
        conn.close().await.expect("close");
    }
    let key = DbKey::parse(&keys.get(&key::account_for(&db)).expect("get").expect("key")).expect("key");
    let err = backup::restore(&db, &file, &key, &keys, &dir.path().join("safety")).await.err().expect("refused");
    assert!(matches!(err, CoreError::Conflict(_)) && err.to_string().contains("newer DealDesk"), "{err}");
    assert!(!dir.path().join("safety").exists(), "nothing was touched");
}

#[tokio::test]
async fn rolling_backups_write_one_a_day_and_keep_as_many_as_the_setting_says() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("d.db");
    let keys = MemoryStore::default();
    let pool = store::open(&db, &keys).await.expect("created").pool;
    let backups = dir.path().join("backups");
    std::fs::create_dir_all(&backups).expect("dir");
    for day in ["20260101", "20260102", "20260103"] {
        std::fs::write(backups.join(format!("auto-{day}.db")), b"old").expect("old backup");
    }
    {
        let mut conn = pool.acquire().await.expect("conn");
        assert_eq!(settings::backup_keep(&mut conn).await.expect("read"), 7, "seven unless set");
        assert!(settings::set_backup_keep(&mut conn, 0).await.is_err(), "at least one is kept");
        assert!(settings::set_backup_keep(&mut conn, 366).await.is_err(), "at most a year");
        settings::set_backup_keep(&mut conn, 2).await.expect("set to two");
    }
    let written = backup::rolling(&pool, &db, &keys, &backups).await.expect("rolling");
    assert!(written.is_some());
    assert!(backup::rolling(&pool, &db, &keys, &backups).await.expect("again").is_none(), "one a day");
    let mut left: Vec<String> = std::fs::read_dir(&backups).expect("list").map(|e| e.expect("entry").file_name().to_string_lossy().into_owned()).collect();
    left.sort();
    assert_eq!(left.len(), 2);
    assert_eq!(left[0], "auto-20260103.db");
}

#[tokio::test]
async fn a_backup_from_before_a_rekey_restores_with_its_recovery_key() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("d.db");
    let keys = MemoryStore::default();
    let opened = store::open(&db, &keys).await.expect("created");
    let old_recovery = opened.recovery_key.expect("a new database shows its recovery key");
    let pool = opened.pool;
    add(&pool, "华信科技").await;
    let file = dir.path().join("before-rekey.db");
    backup::backup(&pool, &db, &keys, &file).await.expect("backup");
    add(&pool, "宏图制造").await;
    store::rekey(pool, &db, &keys).await.expect("rekeyed");

    let current = backup::backup_key(&db, &keys, None).expect("current key");
    let err = backup::inspect(&file, &current).await.err().expect("the new key does not open the old backup");
    assert!(matches!(err, CoreError::WrongKey { .. }), "{err}");

    let old = backup::backup_key(&db, &keys, Some(&old_recovery)).expect("recovery key parses");
    let (info, _) = backup::restore(&db, &file, &old, &keys, &dir.path().join("safety")).await.expect("restored");
    assert_eq!(info.counts.customers, 1);
    let pool = store::open(&db, &keys).await.expect("the restored file opens with the current key").pool;
    assert_eq!(store::table_counts(&pool).await.expect("counts").customers, 1);
    assert_eq!(store::integrity_check(&pool).await.expect("check"), "ok");
}
