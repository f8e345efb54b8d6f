//! Subject requests on a real database: find a person by mobile, e-mail or name in contacts
//! (also soft-deleted ones), notes and the other registry columns; export the answer as JSON +
//! PDF; correct the number everywhere; erase the person — in one transaction, with the audit
//! log naming them only by a keyed hash.

use dealdesk_core::crm::contact::{self, ContactInput};
use dealdesk_core::crm::customer::{self, CustomerInput};
use dealdesk_core::masking::keys::MaskingKeys;
use dealdesk_core::pdf::quote::Labels;
use dealdesk_core::pdf::{find_system_cjk_font, PdfEngine};
use dealdesk_core::subject::{self, Subject, SubjectKind, ERASED};
use sqlx::SqlitePool;

const MOBILE: &str = "13812341234";

fn keys() -> MaskingKeys {
    MaskingKeys::from_master(&[7; 32])
}

fn mobile() -> Subject {
    Subject::new(SubjectKind::Mobile, "+86 138-1234-1234").expect("valid")
}

/// A customer whose notes mention 张伟's number, 张伟 as a contact, an older deleted contact
/// record of 张伟 with the same number, and 李娜, who must stay untouched.
async fn seed(pool: &SqlitePool) -> (String, String) {
    let notes = format!("采购联系人张伟，电话{MOBILE}，周五前回电");
    let cust = customer::save(pool, &CustomerInput { name: "华东精密制造".into(), owner: "王芳".into(), notes, ..Default::default() }).await.expect("customer");
    let cid = Some(cust.id.to_string());
    let zhang = ContactInput { customer_id: cid.clone(), name: "张伟".into(), title: "采购经理".into(), mobile: MOBILE.into(), email: "zhang.wei@example.com".into(), ..Default::default() };
    let zhang = contact::save(pool, &zhang).await.expect("contact").id.to_string();
    let old = ContactInput { customer_id: cid.clone(), name: "张伟".into(), mobile: "138 1234 1234".into(), ..Default::default() };
    let old = contact::save(pool, &old).await.expect("old contact");
    contact::delete(pool, old.id).await.expect("soft delete");
    let li = ContactInput { customer_id: cid, name: "李娜".into(), mobile: "13900001111".into(), email: "li.na@example.com".into(), ..Default::default() };
    contact::save(pool, &li).await.expect("other contact");
    (zhang, cust.id.to_string())
}

#[sqlx::test(migrations = "../../migrations")]
async fn every_kind_searches_every_registry_table(pool: SqlitePool) {
    for kind in SubjectKind::ALL {
        let value = match kind {
            SubjectKind::Name => "张伟",
            SubjectKind::Mobile => MOBILE,
            SubjectKind::Email => "a@b.cn",
            SubjectKind::ResidentId => "11010519491231002X",
            SubjectKind::BankCard => "4111111111111111",
            SubjectKind::Passport => "E12345678",
        };
        let s = Subject::new(kind, value).expect("valid");
        let mut conn = pool.acquire().await.expect("conn");
        let found = subject::find(&mut conn, &s).await.unwrap_or_else(|e| panic!("{kind:?}: {e}"));
        assert!(found.hits.is_empty());
        assert!(found.tables.contains(&"customers".to_string()), "notes are searched for every kind");
    }
}

#[sqlx::test(migrations = "../../migrations")]
async fn a_mobile_finds_the_contact_its_deleted_copy_and_the_note(pool: SqlitePool) {
    let (zhang, customer) = seed(&pool).await;
    let found = subject::lookup(&pool, &mobile(), &keys()).await.expect("found");
    let places: Vec<(&str, &str, bool, bool)> = found.hits.iter().map(|h| (h.table.as_str(), h.column.as_str(), h.whole, h.deleted)).collect();
    assert_eq!(places.len(), 3, "{places:?}");
    assert!(places.contains(&("contacts", "mobile", true, false)));
    assert!(places.contains(&("contacts", "mobile", true, true)), "a soft-deleted record is still stored");
    assert!(places.contains(&("customers", "notes", false, false)));
    let live = found.hits.iter().find(|h| h.id == zhang).expect("the live contact");
    assert_eq!(live.label, "华东精密制造");
    assert!(live.fields.iter().any(|f| f.column == "email" && f.value == "zhang.wei@example.com"), "the whole record comes with it");
    let note = found.hits.iter().find(|h| h.id == customer).expect("the note");
    assert!(note.value.contains(MOBILE) && note.value.contains("采购联系人"), "the mention with its context: {}", note.value);
    let (action, entity_id, detail): (String, String, String) =
        sqlx::query_as("SELECT action, entity_id, detail FROM audit_log ORDER BY seq DESC LIMIT 1").fetch_one(&pool).await.expect("audit");
    assert_eq!(action, "subject_find");
    assert_eq!(entity_id, mobile().hash(&keys()));
    assert!(!entity_id.contains(MOBILE) && !detail.contains(MOBILE) && !detail.contains("1234"));
}

#[sqlx::test(migrations = "../../migrations")]
async fn the_report_is_written_as_json_and_pdf(pool: SqlitePool) {
    if find_system_cjk_font().is_none() && std::env::var_os("DEALDESK_PDF_FONT").is_none() {
        eprintln!("NOTICE: no CJK font (apt install fonts-noto-cjk): subject PDF test skipped");
        return;
    }
    seed(&pool).await;
    let engine = PdfEngine::load(None).expect("engine");
    let dir = tempfile::tempdir().expect("dir");
    let pdf = dir.path().join("subject.pdf");
    let out = subject::export(&pool, &mobile(), &keys(), &engine, &pdf, Labels::Bilingual).await.expect("exported");
    assert_eq!(out.hits, 3);
    let bytes = std::fs::read(&pdf).expect("pdf");
    assert!(bytes.starts_with(b"%PDF"));
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(dir.path().join("subject.json")).expect("json")).expect("parses");
    assert_eq!(json["request"]["kind"], "mobile");
    assert_eq!(json["hits"].as_array().map(Vec::len), Some(3));
    assert!(json["hits"][0]["table"].is_string());
    let logged: String = sqlx::query_scalar("SELECT detail FROM audit_log WHERE action = 'subject_export'").fetch_one(&pool).await.expect("audited");
    assert!(!logged.contains(MOBILE));
}

#[sqlx::test(migrations = "../../migrations")]
async fn a_correction_changes_the_number_everywhere(pool: SqlitePool) {
    let (zhang, customer) = seed(&pool).await;
    let report = subject::correct(&pool, &mobile(), "139 8888 7777", &keys()).await.expect("corrected");
    assert_eq!(report.tables.get("contacts"), Some(&2));
    assert_eq!(report.tables.get("customers"), Some(&1));
    let stored: String = sqlx::query_scalar("SELECT mobile FROM contacts WHERE id = ?").bind(&zhang).fetch_one(&pool).await.expect("row");
    assert_eq!(stored, "139 8888 7777");
    let notes: String = sqlx::query_scalar("SELECT notes FROM customers WHERE id = ?").bind(&customer).fetch_one(&pool).await.expect("row");
    assert_eq!(notes, "采购联系人张伟，电话139 8888 7777，周五前回电");
    let mut conn = pool.acquire().await.expect("conn");
    assert!(subject::find(&mut conn, &mobile()).await.expect("find").hits.is_empty());
    assert!(subject::correct(&pool, &Subject::new(SubjectKind::Mobile, "13988887777").expect("valid"), "1390000", &keys()).await.is_err(), "a bad new value");
}

#[sqlx::test(migrations = "../../migrations")]
async fn erasure_deletes_the_person_and_nobody_else(pool: SqlitePool) {
    let (_, customer) = seed(&pool).await;
    let before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log").fetch_one(&pool).await.expect("count");
    let name = Subject::new(SubjectKind::Name, "张伟").expect("valid");
    let report = subject::erase(&pool, &name, &keys()).await.expect("erased");
    assert_eq!(report.tables.get("contacts"), Some(&2), "both records of 张伟 deleted");
    assert_eq!(report.tables.get("customers"), Some(&1), "the name in the note");
    let left: Vec<String> = sqlx::query_scalar("SELECT name FROM contacts").fetch_all(&pool).await.expect("rows");
    assert_eq!(left, vec!["李娜"]);
    let notes: String = sqlx::query_scalar("SELECT notes FROM customers WHERE id = ?").bind(&customer).fetch_one(&pool).await.expect("row");
    assert_eq!(notes, format!("采购联系人{ERASED}，电话{MOBILE}，周五前回电"), "only the name was asked for");
    subject::erase(&pool, &mobile(), &keys()).await.expect("erased");
    let notes: String = sqlx::query_scalar("SELECT notes FROM customers WHERE id = ?").bind(&customer).fetch_one(&pool).await.expect("row");
    assert!(!notes.contains(MOBILE));
    let log: Vec<(String, String, String)> = sqlx::query_as("SELECT action, entity_id, detail FROM audit_log ORDER BY seq").fetch_all(&pool).await.expect("log");
    assert_eq!(log.len() as i64, before + 2);
    let (action, entity_id, detail) = &log[log.len() - 2];
    assert_eq!(action, "subject_erase");
    assert_eq!(entity_id.len(), 64, "a keyed hash");
    assert!(!detail.contains("张伟") && !entity_id.contains("张伟"));
    assert!(log.iter().all(|(_, id, d)| !id.contains(MOBILE) && !d.contains(MOBILE)));
    let mut conn = pool.acquire().await.expect("conn");
    assert!(subject::find(&mut conn, &name).await.expect("find").hits.is_empty());
}
