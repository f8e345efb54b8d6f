//! Quotes, contracts with legal's review, and the dashboard through the data view on a real
//! database: each list and record masked under the distributor view and in clear for admin;
//! a masked quote form saved back keeps the clear notes (and notes edited around the stars
//! are refused); reveal reaches quote, event, contract and review rows, audited; the
//! dashboard's owners, attainment and drill rows masked, the owner filter still resolving;
//! legal's review report exported through the policy.

use dealdesk_core::contract::{workflow as contract_workflow, KeyTerms, TemplateKind};
use dealdesk_core::crm::customer::{self, CustomerInput};
use dealdesk_core::crm::opportunity::{self, OpportunityInput};
use dealdesk_core::error::{CoreError, FieldCode};
use dealdesk_core::ids::QuoteId;
use dealdesk_core::listing::ListQuery;
use dealdesk_core::masking::apply::Masker;
use dealdesk_core::masking::dashboard as shown;
use dealdesk_core::masking::policy::Role;
use dealdesk_core::masking::reveal::{self, RevealTable};
use dealdesk_core::masking::{documents, view};
use dealdesk_core::quote::{self, Actor, Quote, QuoteInput, QuoteLineInput, QuoteStatus};
use dealdesk_core::report::dashboard::{self, DashboardRequest};
use dealdesk_core::report::drill::{self, DrillTarget};
use dealdesk_core::report::snapshot::Snapshot;
use dealdesk_core::report::Period;
use dealdesk_core::risk::review;
use sqlx::SqlitePool;

const NOTE: &str = "联系人：张伟 13812341234，周五前回复";

async fn a_customer(pool: &SqlitePool) -> String {
    customer::save(pool, &CustomerInput { name: "华信科技有限公司".into(), ..Default::default() }).await.expect("customer").id.to_string()
}

fn line() -> QuoteLineInput {
    QuoteLineInput {
        description: "服务器 Server".into(),
        quantity: "2".into(),
        unit_price: "50000".into(),
        tax_rate_pct: "13".into(),
        unit_cost: "30000".into(),
        ..Default::default()
    }
}

/// A draft with personal notes, owned by 王伟, whose creation event names 王伟 and a contact.
async fn a_quote(pool: &SqlitePool) -> QuoteId {
    let customer_id = a_customer(pool).await;
    let input = QuoteInput { customer_id, currency: "CNY".into(), valid_until: "2099-12-31".into(), notes: NOTE.into(), lines: vec![line()], ..Default::default() };
    let q = quote::store::save_draft(pool, &input).await.expect("draft");
    sqlx::query("UPDATE quotes SET owner = '王伟' WHERE id = ?").bind(q.id.to_string()).execute(pool).await.expect("owner");
    sqlx::query("UPDATE quote_events SET actor = '王伟', comment = '已电话联系人：张伟' WHERE quote_id = ?").bind(q.id.to_string()).execute(pool).await.expect("event");
    q.id
}

/// What the builder sends back for a quote it was shown.
fn form_of(q: &Quote) -> QuoteInput {
    QuoteInput { id: Some(q.id.to_string()), customer_id: q.customer_id.clone(), currency: q.currency.clone(), valid_until: q.valid_until.clone(), notes: q.notes.clone(), lines: vec![line()], ..Default::default() }
}

#[sqlx::test(migrations = "../../migrations")]
async fn quotes_show_owner_notes_and_history_through_the_view(pool: SqlitePool) {
    let id = a_quote(&pool).await;
    view::set_role(&pool, Role::Distributor).await.expect("role");
    let list = documents::list_quotes(&pool, &ListQuery::default()).await.expect("list");
    assert_eq!((list.items[0].owner.as_str(), list.items[0].masked.clone()), ("王*", vec!["owner".to_string()]));
    let q = documents::quote_revisions(&pool, id).await.expect("revisions").remove(0);
    assert_eq!(q.owner, "王*");
    assert!(!q.notes.contains("张伟") && !q.notes.contains("13812341234") && q.notes.contains("周五前回复"), "{}", q.notes);
    assert_eq!(q.masked, vec!["owner", "notes"]);
    let e = &q.events[0];
    assert_eq!((e.actor.as_str(), e.masked.clone()), ("王*", vec!["actor".to_string(), "comment".to_string()]));
    assert!(!e.comment.contains("张伟"), "{}", e.comment);
    let submitted = quote::workflow::submit(&pool, id, &Actor { name: "李娜".into(), role: quote::Role::Sales }).await.expect("submit");
    let submitted = documents::shown_quote(&pool, submitted).await.expect("shown");
    assert!(submitted.events.iter().all(|e| e.actor != "李娜" && e.actor != "王伟"), "workflow results are masked too");

    view::set_role(&pool, Role::Admin).await.expect("role");
    let q = documents::quote_revisions(&pool, id).await.expect("revisions").remove(0);
    assert_eq!((q.owner.as_str(), q.notes.as_str(), q.events[0].actor.as_str()), ("王伟", NOTE, "王伟"));
    assert!(q.masked.is_empty() && q.events.iter().all(|e| e.masked.is_empty()));
    assert_eq!(documents::list_quotes(&pool, &ListQuery::default()).await.expect("list").items[0].owner, "王伟");
}

#[sqlx::test(migrations = "../../migrations")]
async fn a_masked_quote_form_saved_back_keeps_the_clear_notes(pool: SqlitePool) {
    let id = a_quote(&pool).await;
    view::set_role(&pool, Role::TradeShow).await.expect("role");
    let shown_quote = documents::quote_revisions(&pool, id).await.expect("revisions").remove(0);
    assert_ne!(shown_quote.notes, NOTE);
    let saved = documents::save_quote(&pool, form_of(&shown_quote)).await.expect("saved unchanged");
    assert_eq!(saved.notes, shown_quote.notes, "returned masked");
    assert_eq!(quote::store::get(&pool, id).await.expect("stored").notes, NOTE, "the stars were not saved");

    let mut edited = form_of(&shown_quote);
    edited.notes.push_str(" 另：加急");
    match documents::save_quote(&pool, edited).await {
        Err(CoreError::Validation(errors)) => assert!(errors.iter().any(|e| e.field == "notes" && e.code == FieldCode::Masked), "{errors:?}"),
        other => panic!("edited around masked pieces must be refused: {other:?}"),
    }
    let mut retyped = form_of(&shown_quote);
    retyped.notes = "改为邮件沟通".into();
    documents::save_quote(&pool, retyped).await.expect("typed anew");
    assert_eq!(quote::store::get(&pool, id).await.expect("stored").notes, "改为邮件沟通");
}

/// An accepted quote, a contract on it owned by 王伟, a decided checklist item and a sign-off.
async fn a_reviewed_contract(pool: &SqlitePool) -> String {
    let id = a_quote(pool).await;
    let sales = Actor { name: "wang".into(), role: quote::Role::Sales };
    let q = quote::workflow::submit(pool, id, &sales).await.expect("submitted");
    assert_eq!(q.status, QuoteStatus::Approved);
    quote::workflow::mark(pool, id, &sales, QuoteStatus::Sent, "").await.expect("sent");
    quote::workflow::mark(pool, id, &sales, QuoteStatus::Accepted, "").await.expect("accepted");
    let terms = KeyTerms { payment_days: Some(30), ..KeyTerms::default() };
    let c = contract_workflow::create_from_quote(pool, &q.number.expect("numbered"), TemplateKind::Sales, &terms, &sales).await.expect("contract").id;
    review::run(pool, &c, &Actor { name: "李娜".into(), role: quote::Role::Legal }).await.expect("review");
    sqlx::query("UPDATE contracts SET owner = '王伟' WHERE id = ?").bind(&c).execute(pool).await.expect("owner");
    sqlx::query("UPDATE contract_events SET actor = '王伟', comment = '联系人：张伟 已确认' WHERE contract_id = ?").bind(&c).execute(pool).await.expect("events");
    sqlx::query("UPDATE review_items SET status = 'accepted', decided_by = '李娜', reason = '联系人：张伟 13812341234 确认风险' WHERE item_key = (SELECT MIN(item_key) FROM review_items)")
        .execute(pool)
        .await
        .expect("item");
    sqlx::query("INSERT INTO contract_signoffs (id, contract_id, round, actor, role, comment, at) VALUES ('0190a1b2-0000-7000-8000-0000000005a1', ?, 1, '李娜', 'legal', '联系人：张伟', '2026-12-02T08:00:00Z')")
        .bind(&c)
        .execute(pool)
        .await
        .expect("sign-off");
    c
}

#[sqlx::test(migrations = "../../migrations")]
async fn contracts_and_the_review_show_names_through_the_view(pool: SqlitePool) {
    let id = a_reviewed_contract(&pool).await;
    let screen = |pool: SqlitePool, id: String| async move {
        let mut conn = pool.acquire().await.expect("conn");
        let mut c = dealdesk_core::contract::store::get_in(&mut conn, &id).await.expect("contract");
        let mut r = review::get_in_review(&mut conn, &id).await.expect("review");
        documents::mask_contract_screen(&mut conn, &mut c, &mut r).await.expect("masked");
        (c, r)
    };
    view::set_role(&pool, Role::Distributor).await.expect("role");
    let list = documents::list_contracts(&mut pool.acquire().await.expect("conn")).await.expect("list");
    assert_eq!((list[0].owner.as_str(), list[0].masked.clone()), ("王*", vec!["owner".to_string()]));
    let (c, r) = screen(pool.clone(), id.clone()).await;
    assert_eq!((c.owner.as_str(), c.masked.clone()), ("王*", vec!["owner".to_string()]));
    assert!(c.events.iter().all(|e| e.actor == "王*" && !e.comment.contains("张伟") && e.masked == ["actor", "comment"]));
    let item = r.items.iter().find(|i| i.decided_by.is_some()).expect("decided item");
    assert_eq!(item.decided_by.as_deref(), Some("李*"));
    assert!(!item.reason.contains("13812341234") && item.masked == ["decided_by", "reason"], "{item:?}");
    assert!(r.items.iter().filter(|i| i.decided_by.is_none()).all(|i| i.masked.is_empty()), "nothing to mask in pending items");
    let s = &r.sign_offs[0];
    assert_eq!((s.actor.as_str(), s.comment.contains("张伟")), ("李*", false));

    // Legal's review report as the window exports it: through the same policy.
    let policy = Role::Distributor.policy();
    let masker = Masker { policy: &policy, keys: None };
    let (_, doc) = dealdesk_core::risk::report::document_masked(&pool, &id, dealdesk_core::pdf::quote::Labels::Bilingual, "2026-12-02T10:00:00Z", Some(&masker)).await.expect("report");
    let printed = format!("{doc:?}");
    assert!(!printed.contains("李娜") && !printed.contains("王伟") && !printed.contains("13812341234") && printed.contains("李*"), "{printed}");
    let (_, clear) = dealdesk_core::risk::report::document(&pool, &id, dealdesk_core::pdf::quote::Labels::Bilingual, "2026-12-02T10:00:00Z").await.expect("report");
    assert!(format!("{clear:?}").contains("李娜"), "the command line's report stays in clear");

    view::set_role(&pool, Role::Admin).await.expect("role");
    let (c, r) = screen(pool.clone(), id).await;
    assert_eq!((c.owner.as_str(), c.events[0].actor.as_str(), r.sign_offs[0].actor.as_str()), ("王伟", "王伟", "李娜"));
    assert!(c.masked.is_empty() && r.items.iter().all(|i| i.masked.is_empty()));
}

#[sqlx::test(migrations = "../../migrations")]
async fn reveal_reaches_quote_contract_and_review_rows_and_is_audited(pool: SqlitePool) {
    let contract = a_reviewed_contract(&pool).await;
    let quote: String = sqlx::query_scalar("SELECT quote_id FROM contracts WHERE id = ?").bind(&contract).fetch_one(&pool).await.expect("quote");
    let event: String = sqlx::query_scalar("SELECT id FROM quote_events WHERE quote_id = ? AND actor = '王伟' LIMIT 1").bind(&quote).fetch_one(&pool).await.expect("event");
    let item: String = sqlx::query_scalar("SELECT id FROM review_items WHERE decided_by IS NOT NULL").fetch_one(&pool).await.expect("item");
    view::set_role(&pool, Role::Distributor).await.expect("role");
    assert!(matches!(reveal::reveal(&pool, RevealTable::Quotes, &quote, "owner", "核对").await, Err(CoreError::Conflict(_))), "never for distributor");
    view::set_role(&pool, Role::Admin).await.expect("role");
    assert_eq!(reveal::reveal(&pool, RevealTable::Quotes, &quote, "owner", "核对负责人").await.expect("owner"), "王伟");
    assert_eq!(reveal::reveal(&pool, RevealTable::QuoteEvents, &event, "actor", "核对").await.expect("actor"), "王伟");
    assert_eq!(reveal::reveal(&pool, RevealTable::Contracts, &contract, "owner", "核对").await.expect("contract owner"), "王伟");
    assert_eq!(reveal::reveal(&pool, RevealTable::ReviewItems, &item, "decided_by", "核对").await.expect("decided_by"), "李娜");
    assert!(matches!(reveal::reveal(&pool, RevealTable::Quotes, &quote, "terms", "x").await, Err(CoreError::BadRequest(_))), "not a personal column");
    let entities: Vec<String> = sqlx::query_scalar("SELECT entity FROM audit_log WHERE action = 'reveal' ORDER BY seq").fetch_all(&pool).await.expect("log");
    assert_eq!(entities, vec!["quote", "quote_event", "contract", "review_item"]);
    let details: Vec<String> = sqlx::query_scalar("SELECT detail FROM audit_log WHERE action = 'reveal'").fetch_all(&pool).await.expect("log");
    assert!(details.iter().all(|d| !d.contains("王伟") && !d.contains("李娜")), "the value is never logged: {details:?}");
}

#[sqlx::test(migrations = "../../migrations")]
async fn the_dashboard_masks_owners_and_drill_rows_and_its_filter_still_works(pool: SqlitePool) {
    let customer_id = a_customer(&pool).await;
    for (name, owner, amount) in [("CRM 升级（联系人：张伟）", "王伟", "5000"), ("ERP 实施", "李娜", "3000")] {
        let input = OpportunityInput { customer_id: customer_id.clone(), name: name.into(), stage: "negotiation".into(), amount: amount.into(), currency: "CNY".into(), owner: owner.into(), ..Default::default() };
        opportunity::save(&pool, &input).await.expect("opportunity");
    }
    let period = Period::year_of(dealdesk_core::clock::today()).expect("year");
    let mut conn = pool.acquire().await.expect("conn");
    let snap = Snapshot::load(&mut conn).await.expect("snapshot");
    let names = snap.filter_values().0;
    let distributor = Role::Distributor.policy();
    let masker = Masker { policy: &distributor, keys: None };

    let request = DashboardRequest { period: period.label(), owner: None, region: None, currency: "CNY".into(), forecast_months: 6 };
    let (p, scope) = dashboard::parse_request(&request).expect("request");
    let inputs = dashboard::load_inputs(&mut conn, &p, &scope).await.expect("inputs");
    let mut d = dashboard::compute(&snap, &p, &scope, 6, &inputs, dealdesk_core::clock::today()).expect("figures");
    shown::mask_dashboard(&mut d, &masker).expect("masked");
    let labels: Vec<&str> = d.owners.iter().map(|o| o.label.as_str()).collect();
    assert_eq!(labels, vec!["李*", "王*"]);
    assert!(d.owners.iter().all(|o| o.masked && !o.value.contains('王') && !o.value.contains('李')), "no clear name crosses IPC");

    // The filter: the key of 王伟 resolves to 王伟 and narrows the drill to his deal.
    let wang = d.owners.iter().find(|o| o.label == "王*").expect("wang").value.clone();
    let filtered = shown::resolved_request(&DashboardRequest { owner: Some(wang), ..request.clone() }, &names, &distributor).expect("resolved");
    assert_eq!(filtered.owner.as_deref(), Some("王伟"));
    assert!(shown::resolved_request(&DashboardRequest { owner: Some("王伟".into()), ..request.clone() }, &names, &distributor).is_err(), "typed names are refused");
    let (p, scope) = dashboard::parse_request(&filtered).expect("request");
    let thresholds = dashboard::load_settings(&mut conn).await.expect("settings").thresholds;
    let mut rows = drill::drill(&mut conn, &snap, &p, &scope, &thresholds, &DrillTarget::Open, drill::SHOWN).await.expect("drill");
    assert_eq!(rows.count, 1);
    let clear = rows.clone();
    assert_eq!(clear.rows[0].owner, "王伟");
    shown::mask_drill(&mut rows, &masker).expect("masked");
    let r = &rows.rows[0];
    assert_eq!((r.owner.as_str(), r.masked.clone()), ("王*", vec!["owner".to_string(), "name".to_string()]));
    assert!(!r.name.contains("张伟") && r.name.starts_with("CRM 升级"), "{}", r.name);
    let admin = Role::Admin.policy();
    let mut in_clear = clear.clone();
    shown::mask_drill(&mut in_clear, &Masker { policy: &admin, keys: None }).expect("admin");
    assert_eq!(in_clear, clear, "admin sees the rows as stored");
    assert_eq!(shown::masked_scope_label(&filtered, &masker).expect("label"), "负责人 Owner: 王*");
}

/// A partner's bank details: masked in the list for sales ops, revealed for admin with a
/// reason (audited without the value), never for the distributor view.
#[sqlx::test(migrations = "../../migrations")]
async fn partner_bank_details_are_revealed_only_where_the_view_may(pool: SqlitePool) {
    let file = "code,name,bank_account_holder,bank_account_number\nD001,华东总代,张伟,6222021234567890123\n";
    dealdesk_core::partner::store::import::import_partners(&pool, "p.csv", file.as_bytes()).await.expect("partners");
    let id: String = sqlx::query_scalar("SELECT id FROM partners WHERE code = 'D001'").fetch_one(&pool).await.expect("id");
    view::set_role(&pool, Role::Distributor).await.expect("role");
    assert!(matches!(reveal::reveal(&pool, RevealTable::Partners, &id, "bank_account_number", "付款核对").await, Err(CoreError::Conflict(_))));
    view::set_role(&pool, Role::Admin).await.expect("role");
    let number = reveal::reveal(&pool, RevealTable::Partners, &id, "bank_account_number", "付款核对").await.expect("revealed");
    assert_eq!(number, "6222021234567890123");
    let detail: String = sqlx::query_scalar("SELECT detail FROM audit_log WHERE action = 'reveal' ORDER BY seq DESC LIMIT 1").fetch_one(&pool).await.expect("audit");
    assert!(detail.contains("bank_account_number") && !detail.contains("6222021234567890123"), "{detail}");
}
