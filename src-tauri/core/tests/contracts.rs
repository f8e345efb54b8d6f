//! Legal's sign-off gate against a real database: an open high flag blocks the sign-off and the
//! final PDF (with the reason); fixing the term lets both through; a change after sign-off
//! reopens the review and blocks the final PDF again; a high flag waived with a reason allows
//! the sign-off. Waivers, sign-offs, reopened reviews and report exports are audited.

use dealdesk_core::contract::{print, workflow, ContractStatus, KeyTerms, TemplateKind};
use dealdesk_core::crm::customer::{self, CustomerInput};
use dealdesk_core::error::CoreError;
use dealdesk_core::pdf::quote::Labels;
use dealdesk_core::pdf::PdfEngine;
use dealdesk_core::quote::{self, Actor, QuoteInput, QuoteLineInput, QuoteStatus, Role};
use dealdesk_core::risk::{report, review, Severity};
use dealdesk_core::store::open_in_memory;
use sqlx::SqlitePool;

fn actor(name: &str, role: Role) -> Actor {
    Actor { name: name.into(), role }
}

/// An accepted quote and a draft sales contract on it with `payment_days`; the contract id.
async fn contract(pool: &SqlitePool, payment_days: u32) -> String {
    let c = customer::save(pool, &CustomerInput { name: "华信科技有限公司".into(), ..Default::default() }).await.expect("customer").id.to_string();
    let line = QuoteLineInput {
        sku: "SRV-1".into(),
        description: "服务器 Server".into(),
        unit: "台".into(),
        quantity: "2".into(),
        unit_price: "50000".into(),
        discount_pct: "0".into(),
        tax_rate_pct: "13".into(),
        unit_cost: "30000".into(),
        ..Default::default()
    };
    let input = QuoteInput { customer_id: c, currency: "CNY".into(), quote_date: "2026-11-20".into(), valid_until: "2099-12-31".into(), lines: vec![line], ..Default::default() };
    let q = quote::store::save_draft(pool, &input).await.expect("draft");
    let sales = actor("wang", Role::Sales);
    let q = quote::workflow::submit(pool, q.id, &sales).await.expect("approved without approval");
    assert_eq!(q.status, QuoteStatus::Approved);
    quote::workflow::mark(pool, q.id, &sales, QuoteStatus::Sent, "").await.expect("sent");
    quote::workflow::mark(pool, q.id, &sales, QuoteStatus::Accepted, "").await.expect("accepted");
    let terms = KeyTerms { payment_days: Some(payment_days), ..KeyTerms::default() };
    let number = q.number.expect("numbered");
    workflow::create_from_quote(pool, &number, TemplateKind::Sales, &terms, &sales).await.expect("contract").id
}

fn engine() -> Option<PdfEngine> {
    match PdfEngine::load(None) {
        Ok(e) => Some(e),
        Err(e) => {
            eprintln!("no CJK font on this machine, PDF steps skipped (install fonts-noto-cjk): {e}");
            None
        }
    }
}

/// The final (not draft) PDF: Ok(bytes) or the refusal's text.
async fn final_pdf(pool: &SqlitePool, engine: Option<&PdfEngine>, id: &str) -> Result<Vec<u8>, String> {
    let blocked = review::get(pool, id).await.expect("review").final_blocked;
    let Some(engine) = engine else { return blocked.map_or(Ok(Vec::new()), Err) };
    match print::render(pool, engine, id, Labels::Bilingual, false).await {
        Ok((_, bytes)) => {
            assert_eq!(blocked, None, "rendered although the review says it is blocked");
            Ok(bytes)
        }
        Err(CoreError::Conflict(why)) => {
            assert!(blocked.is_some(), "refused ({why}) although the review says it is allowed");
            Err(why)
        }
        Err(e) => panic!("unexpected error: {e}"),
    }
}

async fn audit_actions(pool: &SqlitePool) -> Vec<String> {
    sqlx::query_scalar("SELECT action FROM audit_log ORDER BY seq").fetch_all(pool).await.expect("audit")
}

#[tokio::test]
async fn an_open_high_flag_blocks_sign_off_and_the_final_pdf_until_the_term_is_fixed() {
    let pool = open_in_memory().await.expect("db");
    let engine = engine();
    let id = contract(&pool, 120).await;
    let legal = actor("li.na", Role::Legal);
    let r = review::submit(&pool, &id, &actor("wang", Role::Sales)).await.expect("submitted");
    let pay = r.flags.iter().find(|f| f.rule_id == "PAY-01").expect("PAY-01 raised");
    assert_eq!((pay.severity, pay.status.as_str()), (Severity::High, "open"));

    let err = review::sign_off(&pool, &id, "", &legal).await.expect_err("open high flag");
    assert!(matches!(&err, CoreError::Conflict(m) if m.contains("PAY-01")), "{err}");
    let why = final_pdf(&pool, engine.as_ref(), &id).await.expect_err("no final PDF before sign-off");
    assert!(why.contains("not signed it off"), "{why}");
    if let Some(e) = &engine {
        let (_, draft) = print::render(&pool, e, &id, Labels::Bilingual, true).await.expect("a draft is always allowed");
        assert!(draft.starts_with(b"%PDF"));
    }
    assert_eq!(dealdesk_core::contract::store::get_in(&mut *pool.acquire().await.expect("conn"), &id).await.expect("contract").status, ContractStatus::InReview);

    // The fix: 30 days. The flag resolves on the re-run, legal signs off, the final PDF renders.
    let change = workflow::TermsChange { payment_days: Some(30), ..Default::default() };
    workflow::update_terms(&pool, &id, &change, &actor("wang", Role::Sales)).await.expect("terms changed");
    let r = review::get(&pool, &id).await.expect("review");
    let pay = r.flags.iter().find(|f| f.rule_id == "PAY-01").expect("PAY-01 kept as history");
    assert_eq!(pay.status, "resolved", "{pay:?}");
    let err = review::sign_off(&pool, &id, "", &actor("wang", Role::Sales)).await.expect_err("sales may not sign off");
    assert!(err.to_string().contains("legal role"), "{err}");
    let r = review::sign_off(&pool, &id, "terms within policy", &legal).await.expect("signed off");
    assert_eq!((r.contract_status, r.round, r.final_blocked.as_deref()), (ContractStatus::Approved, 1, None));
    let bytes = final_pdf(&pool, engine.as_ref(), &id).await.expect("final PDF after sign-off");
    assert!(engine.is_none() || bytes.starts_with(b"%PDF"));

    // A change after sign-off: the sign-off is revoked, round 2, the final PDF refused again.
    let change = workflow::TermsChange { delivery_days: Some(45), ..Default::default() };
    workflow::update_terms(&pool, &id, &change, &actor("wang", Role::Sales)).await.expect("changed after sign-off");
    let r = review::get(&pool, &id).await.expect("review");
    assert_eq!((r.contract_status, r.round), (ContractStatus::InReview, 2));
    assert!(r.sign_offs.iter().all(|s| s.revoked_at.is_some()), "{:?}", r.sign_offs);
    let why = final_pdf(&pool, engine.as_ref(), &id).await.expect_err("reopened: no final PDF");
    assert!(why.contains("in review") && why.contains("not signed it off"), "{why}");
    review::sign_off(&pool, &id, "delivery 45 days accepted", &legal).await.expect("round 2 signed off");
    assert_eq!(review::get(&pool, &id).await.expect("review").round, 2);
    final_pdf(&pool, engine.as_ref(), &id).await.expect("final PDF after the second sign-off");

    let actions = audit_actions(&pool).await;
    assert_eq!(actions.iter().filter(|a| *a == "contract_signed_off").count(), 2, "{actions:?}");
    assert_eq!(actions.iter().filter(|a| *a == "contract_review_reopened").count(), 1, "{actions:?}");
    assert!(dealdesk_core::audit::verify(&pool).await.expect("verify").broken_at.is_none());
}

#[tokio::test]
async fn a_high_flag_waived_with_a_reason_allows_the_sign_off_and_the_report_says_so() {
    let pool = open_in_memory().await.expect("db");
    let id = contract(&pool, 120).await;
    let legal = actor("li.na", Role::Legal);
    let r = review::submit(&pool, &id, &actor("wang", Role::Sales)).await.expect("submitted");
    let flag = r.flags.iter().find(|f| f.rule_id == "PAY-01").expect("PAY-01").id.clone();

    let err = review::waive(&pool, &id, &flag, "  ", &legal).await.expect_err("a waiver needs a reason");
    assert!(matches!(err, CoreError::Validation(_)), "{err}");
    let err = review::waive(&pool, &id, &flag, "strategic account", &actor("wang", Role::Sales)).await.expect_err("only legal waives");
    assert!(err.to_string().contains("legal role"), "{err}");
    let r = review::waive(&pool, &id, &flag, "strategic account, CFO approved 120 days", &legal).await.expect("waived");
    let waived = r.flags.iter().find(|f| f.id == flag).expect("flag");
    assert_eq!((waived.status.as_str(), waived.decided_by.as_deref()), ("waived", Some("li.na")));
    assert!(waived.decided_at.is_some());

    let r = review::sign_off(&pool, &id, "", &legal).await.expect("a waived high flag does not block");
    assert_eq!(r.final_blocked, None);
    let still = r.flags.iter().find(|f| f.id == flag).expect("the re-run keeps the flag and its waiver");
    assert_eq!((still.status.as_str(), still.reason.as_str()), ("waived", "strategic account, CFO approved 120 days"));
    let engine = engine();
    final_pdf(&pool, engine.as_ref(), &id).await.expect("final PDF");

    let (_, doc) = report::document(&pool, &id, Labels::Bilingual, "2026-12-02T10:00:00.000Z").await.expect("report");
    assert!(doc.signed);
    assert_eq!(doc.sign_off[0], "已签核 Signed off");
    let row = doc.flags.iter().find(|f| f[0] == "PAY-01").expect("PAY-01 row");
    assert!(row[7].contains("strategic account") && row[7].contains("li.na"), "{row:?}");
    assert_eq!(doc.counts[0][2], "1", "one high flag waived: {:?}", doc.counts);
    assert!(doc.history.iter().any(|h| h[2].contains("PAY-01") && h[1] == "li.na"), "{:?}", doc.history);

    if let Some(e) = &engine {
        let dir = tempfile::tempdir().expect("tmp");
        let out = dir.path().join("review.pdf");
        report::render_to_file(&pool, e, &id, Labels::Zh, &out).await.expect("report written");
        assert!(std::fs::read(&out).expect("file").starts_with(b"%PDF"));
        let detail: String = sqlx::query_scalar("SELECT detail FROM audit_log WHERE action = ? AND entity_id = ?").bind(report::AUDIT_ACTION).bind(&id).fetch_one(&pool).await.expect("audited");
        assert!(detail.contains("review.pdf") && detail.contains("\"zh\""), "{detail}");
    }
    let actions = audit_actions(&pool).await;
    assert!(actions.contains(&"contract_flag_waived".to_string()) && actions.contains(&"contract_signed_off".to_string()), "{actions:?}");
}
