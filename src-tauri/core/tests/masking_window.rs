//! The window's side of masking on a real database: the data view role and privacy screen,
//! lists and saves through the policy, reveal (refused / allowed, audited without the value),
//! the audit log page, and masked exports.

use dealdesk_core::crm::contact::{self, ContactInput};
use dealdesk_core::listing::ListQuery;
use dealdesk_core::masking::apply::Masker;
use dealdesk_core::masking::policy::Role;
use dealdesk_core::masking::{reveal, view, window};
use dealdesk_core::tabular::{export, FileFormat, TableName};
use dealdesk_core::CoreError;
use sqlx::SqlitePool;

async fn a_contact(pool: &SqlitePool) -> String {
    let input = ContactInput { name: "张伟".into(), mobile: "13812341234".into(), email: "zhang.wei@example.com".into(), ..Default::default() };
    contact::save(pool, &input).await.expect("saved").id.to_string()
}

async fn shown_mobile(pool: &SqlitePool) -> String {
    let page = window::list_contacts(pool, &ListQuery::default()).await.expect("list");
    page.items[0].mobile.clone()
}

#[sqlx::test(migrations = "../../migrations")]
async fn the_view_role_and_privacy_screen_decide_what_lists_show(pool: SqlitePool) {
    a_contact(&pool).await;
    let v = view::current(&pool).await.expect("view");
    assert_eq!((v.role, v.privacy_screen, v.policy.as_str()), (Role::SalesOps, false, "sales_ops"));
    assert_eq!(shown_mobile(&pool).await, "13812341234");
    view::set_role(&pool, Role::Distributor).await.expect("role");
    assert_eq!(shown_mobile(&pool).await, "138****1234");
    let page = window::list_contacts(&pool, &ListQuery::default()).await.expect("list");
    assert_eq!(page.items[0].masked, vec!["name", "mobile", "email"]);
    let search = |term: &str| ListQuery { search: Some(term.into()), ..ListQuery::default() };
    assert_eq!(window::list_contacts(&pool, &search("13812341234")).await.expect("search").total, 0, "a masked column is not searched");
    view::set_role(&pool, Role::Admin).await.expect("role");
    assert_eq!(shown_mobile(&pool).await, "13812341234");
    assert_eq!(window::list_contacts(&pool, &search("13812341234")).await.expect("search").total, 1, "in clear it is");
    let v = view::set_privacy_screen(&pool, true).await.expect("privacy");
    assert_eq!(v.policy, "trade_show");
    assert_eq!(shown_mobile(&pool).await, "[mobile]");
    assert!(view::current(&pool).await.expect("view").privacy_screen, "kept in the database (a restart stays masked)");
    let actions: Vec<String> = sqlx::query_scalar("SELECT action FROM audit_log ORDER BY seq").fetch_all(&pool).await.expect("log");
    assert_eq!(actions, vec!["data_view_role", "data_view_role", "privacy_screen"]);
}

#[sqlx::test(migrations = "../../migrations")]
async fn a_masked_form_saved_back_keeps_the_clear_values(pool: SqlitePool) {
    let id = a_contact(&pool).await;
    view::set_role(&pool, Role::Distributor).await.expect("role");
    let shown = window::list_contacts(&pool, &ListQuery::default()).await.expect("list").items.remove(0);
    let input = ContactInput { id: Some(id.clone()), customer_id: None, name: shown.name, title: "总监".into(), mobile: shown.mobile, email: shown.email };
    let saved = window::save_contact(&pool, input).await.expect("saved");
    assert_eq!((saved.mobile.as_str(), saved.title.as_str()), ("138****1234", "总监"), "returned masked");
    let mut conn = pool.acquire().await.expect("conn");
    let stored = contact::get(&mut conn, dealdesk_core::ids::ContactId::parse(&id).expect("id")).await.expect("stored");
    assert_eq!((stored.name.as_str(), stored.mobile.as_str(), stored.email.as_str()), ("张伟", "13812341234", "zhang.wei@example.com"));
}

#[sqlx::test(migrations = "../../migrations")]
async fn reveal_needs_a_role_that_may_and_a_reason_and_is_audited_without_the_value(pool: SqlitePool) {
    let id = a_contact(&pool).await;
    view::set_role(&pool, Role::Distributor).await.expect("role");
    let refused = reveal::reveal(&pool, TableName::Contacts, &id, "mobile", "客户来电核对").await;
    assert!(matches!(refused, Err(CoreError::Conflict(_))), "{refused:?}");
    view::set_role(&pool, Role::Legal).await.expect("role");
    view::set_privacy_screen(&pool, true).await.expect("privacy");
    assert!(matches!(reveal::reveal(&pool, TableName::Contacts, &id, "mobile", "x").await, Err(CoreError::Conflict(_))), "not behind the privacy screen");
    view::set_role(&pool, Role::Admin).await.expect("role");
    assert!(matches!(reveal::reveal(&pool, TableName::Contacts, &id, "mobile", "  ").await, Err(CoreError::Validation(_))));
    assert!(matches!(reveal::reveal(&pool, TableName::Contacts, &id, "title", "why").await, Err(CoreError::BadRequest(_))), "not a personal column");
    let before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log").fetch_one(&pool).await.expect("count");
    let value = reveal::reveal(&pool, TableName::Contacts, &id, "mobile", "客户 13912345678 来电核对").await.expect("revealed");
    assert_eq!(value, "13812341234");
    let after: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log").fetch_one(&pool).await.expect("count");
    assert_eq!(after, before + 1, "refused reveals leave no entry; the allowed one leaves one");
    let (action, entity, entity_id, detail): (String, String, String, String) =
        sqlx::query_as("SELECT action, entity, entity_id, detail FROM audit_log ORDER BY seq DESC LIMIT 1").fetch_one(&pool).await.expect("entry");
    assert_eq!((action.as_str(), entity.as_str(), entity_id.as_str()), ("reveal", "contact", id.as_str()));
    assert!(detail.contains("\"field\":\"mobile\"") && detail.contains("\"role\":\"admin\"") && detail.contains("来电核对"), "{detail}");
    assert!(!detail.contains("13812341234") && !detail.contains("13912345678"), "no clear number in the log: {detail}");

    let page = window::list_audit(&pool, 1, 2).await.expect("audit page");
    assert_eq!(page.items[0].action, "reveal", "newest first");
    assert_eq!(page.items.len(), 2);
    assert!(page.total >= 4);
}

#[sqlx::test(migrations = "../../migrations")]
async fn a_masked_export_masks_the_file_and_says_its_policy(pool: SqlitePool) {
    a_contact(&pool).await;
    let dir = tempfile::tempdir().expect("tempdir");
    let name = export::masked_file_name(TableName::Contacts, "2026-12-02", "distributor", FileFormat::Csv);
    assert_eq!(name, "contacts-2026-12-02-masked-distributor.csv");
    let path = dir.path().join(name);
    let policy = Role::Distributor.policy();
    export::export_masked(&pool, TableName::Contacts, FileFormat::Csv, &path, Some(&Masker { policy: &policy, keys: None })).await.expect("export");
    let text = std::fs::read_to_string(&path).expect("file");
    assert!(text.contains("138****1234") && !text.contains("13812341234"), "{text}");
    assert!(text.starts_with("\u{feff}id,"), "the header is the ordinary one, so the file imports elsewhere: {text}");
    let detail: String = sqlx::query_scalar("SELECT detail FROM audit_log WHERE action = 'export'").fetch_one(&pool).await.expect("entry");
    assert!(detail.contains("\"policy\":\"distributor\""), "{detail}");
}
