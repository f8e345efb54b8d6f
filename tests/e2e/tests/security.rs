//! The database's key in the window: a database copied from elsewhere opens on the unlock
//! screen and unlocks with its recovery key (a wrong key says so); Settings re-keys the
//! database and shows the new recovery key, and the new key is the one in the keychain.

use dealdesk_e2e::{cli, recovery_key_in, run, run_prepared};
use std::sync::{Arc, Mutex};

#[tokio::test]
async fn a_copied_database_unlocks_with_its_recovery_key() {
    let recovery = Arc::new(Mutex::new(String::new()));
    let written = recovery.clone();
    run_prepared(
        "a_copied_database_unlocks_with_its_recovery_key",
        move |db| {
            // Made under another path, so this computer's keychain has no key for `db`.
            let elsewhere = db.with_file_name("elsewhere.db");
            let other = elsewhere.display().to_string();
            let (_, stderr) = cli(&["--db", &other, "demo", "--customers", "3", "--contacts", "0", "--products", "0", "--opportunities", "0"]);
            *written.lock().expect("lock") = recovery_key_in(&stderr).expect("a new database prints its recovery key");
            std::fs::copy(&elsewhere, db).expect("copy the database");
        },
        move |app| async move {
            let key = recovery.lock().expect("lock").clone();
            let reason = app.text("unlock-reason").await;
            assert!(reason.contains("dealdesk.db"), "the unlock screen names the file: {reason}");

            app.fill("unlock-key", "00000000-00000000-00000000-00000000-00000000-00000000-00000000-00000000").await;
            app.click("unlock-submit").await;
            let error = app.text("unlock-error").await;
            assert!(!error.trim().is_empty(), "a wrong recovery key is refused with a message");

            app.fill("unlock-key", &key).await;
            app.click("unlock-submit").await;
            app.open("customers").await;
            app.wait_count("customers-total", 3).await;
        },
    )
    .await;
}

#[tokio::test]
async fn settings_rekey_shows_a_new_recovery_key_that_the_keychain_holds() {
    run("settings_rekey_shows_a_new_recovery_key_that_the_keychain_holds", |app| async move {
        let first = app.text("recovery-key").await.trim().to_owned();
        app.click("recovery-ack").await;
        app.click("onboarding-empty").await;
        app.open("customers").await;
        app.click("customers-new").await;
        app.fill("field-name", "华信科技").await;
        app.click("form-submit").await;
        app.wait_count("customers-total", 1).await;

        app.open("settings").await;
        app.click("settings-rekey").await;
        app.click("settings-rekey-confirm").await;
        let second = app.text("recovery-key").await.trim().to_owned();
        assert_eq!(second.len(), 71, "a new recovery key is shown: {second:?}");
        assert_ne!(first, second, "re-keying gives a new key");
        app.click("recovery-ack").await;

        // The data is still there, and the CLI (same keychain) opens the re-keyed file.
        app.open("customers").await;
        app.wait_count("customers-total", 1).await;
        let db = app.db_path().display().to_string();
        let (stdout, _) = cli(&["--db", &db, "audit", "verify"]);
        assert!(stdout.contains("audit log intact"), "{stdout}");
    })
    .await;
}
