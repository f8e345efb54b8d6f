//! Quotes through their life: drafts with field errors, approval levels from discounts and
//! margin, roles, gap-free numbers, locking, revisions kept side by side, expiry, and the
//! printed PDF of a stored quote (number and 大写 total in the text).

use dealdesk_core::crm::customer::{self, CustomerInput};
use dealdesk_core::error::CoreError;
use dealdesk_core::quote::{self, store, workflow, Actor, ApprovalLevel, QuoteInput, QuoteLineInput, QuoteStatus, Role};
use dealdesk_core::store::open_in_memory;
use sqlx::SqlitePool;

fn actor(role: Role) -> Actor {
    Actor { name: format!("{role:?}"), role }
}

async fn customer(pool: &SqlitePool, name: &str) -> String {
    customer::save(pool, &CustomerInput { name: name.into(), ..Default::default() }).await.expect("customer").id.to_string()
}

fn line(description: &str, qty: &str, price: &str, discount: &str, cost: &str) -> QuoteLineInput {
    QuoteLineInput {
        sku: "SKU-1".into(),
        description: description.into(),
        unit: "套".into(),
        quantity: qty.into(),
        unit_price: price.into(),
        discount_pct: discount.into(),
        tax_rate_pct: "13".into(),
        unit_cost: cost.into(),
        ..Default::default()
    }
}

fn input(customer_id: &str, lines: Vec<QuoteLineInput>) -> QuoteInput {
    QuoteInput { customer_id: customer_id.into(), currency: "CNY".into(), quote_date: "2026-11-20".into(), valid_until: "2099-12-31".into(), lines, ..Default::default() }
}

#[tokio::test]
async fn bad_lines_are_refused_with_the_field_named_and_nothing_saved() {
    let pool = open_in_memory().await.expect("db");
    let c = customer(&pool, "华信科技").await;
    let err = store::save_draft(&pool, &input(&c, vec![line("ok", "1", "100", "0", "50"), line("bad", "-2", "100", "120", "50")])).await.err().expect("refused");
    let CoreError::Validation(fields) = err else { panic!("expected field errors, got {err}") };
    let named: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
    assert!(named.contains(&"lines[1].quantity") && named.contains(&"lines[1].discount_pct"), "{named:?}");
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM quotes").fetch_one(&pool).await.expect("count");
    assert_eq!(n, 0);

    let err = store::save_draft(&pool, &QuoteInput { currency: "XYZ".into(), ..input(&c, vec![line("ok", "1", "1", "0", "0")]) }).await.err().expect("refused");
    assert!(err.to_string().contains("currency"), "{err}");
}

#[tokio::test]
async fn a_25_percent_discount_needs_a_director_and_locks_once_approved() {
    let pool = open_in_memory().await.expect("db");
    let c = customer(&pool, "宏图制造").await;
    let draft = store::save_draft(&pool, &input(&c, vec![line("服务器 Server", "4", "10000", "25", "5000")])).await.expect("draft");
    assert_eq!(draft.status, QuoteStatus::Draft);
    assert_eq!(draft.number, None, "a draft has no number yet");
    assert_eq!(draft.required_approval, ApprovalLevel::Director);
    assert_eq!(draft.totals.total.to_string(), "33900.00");

    let pending = workflow::submit(&pool, draft.id, &actor(Role::Sales)).await.expect("submitted");
    assert_eq!(pending.status, QuoteStatus::PendingApproval);
    let number = pending.number.clone().expect("numbered on submit");
    assert_eq!(number, "Q-2026-0001");

    let err = workflow::decide(&pool, draft.id, &actor(Role::Manager), true, "").await.err().expect("a manager may not");
    assert!(err.to_string().contains("director"), "{err}");
    let err = workflow::decide(&pool, draft.id, &actor(Role::Director), false, " ").await.err().expect("a rejection needs a reason");
    assert!(matches!(err, CoreError::Validation(_)), "{err}");
    let approved = workflow::decide(&pool, draft.id, &actor(Role::Director), true, "ok for strategic account").await.expect("approved");
    assert_eq!(approved.status, QuoteStatus::Approved);
    let last = approved.events.last().expect("history");
    assert_eq!((last.actor.as_str(), last.role.as_str(), last.comment.as_str()), ("Director", "director", "ok for strategic account"));

    let edit = QuoteInput { id: Some(draft.id.to_string()), ..input(&c, vec![line("x", "1", "1", "0", "0")]) };
    let err = store::save_draft(&pool, &edit).await.err().expect("locked");
    assert!(matches!(err, CoreError::Conflict(_)), "{err}");

    // A revision: same number with -R2, the first kept read-only.
    let r2 = workflow::revise(&pool, draft.id, &actor(Role::Sales)).await.expect("revised");
    assert_eq!((r2.revision, r2.status, r2.number.as_deref()), (2, QuoteStatus::Draft, Some("Q-2026-0001-R2")));
    let mut changed = input(&c, vec![line("服务器 Server", "4", "10000", "5", "5000")]);
    changed.id = Some(r2.id.to_string());
    let r2 = store::save_draft(&pool, &changed).await.expect("the revision is editable");
    assert_eq!(r2.required_approval, ApprovalLevel::None);
    let r2 = workflow::submit(&pool, r2.id, &actor(Role::Sales)).await.expect("submitted");
    assert_eq!(r2.status, QuoteStatus::Approved, "no approval needed at 5%");
    assert_eq!(r2.number.as_deref(), Some("Q-2026-0001-R2"), "a revision keeps its number");

    let all = store::revisions(&pool, r2.id).await.expect("revisions");
    assert_eq!(all.iter().map(|q| (q.revision, q.status)).collect::<Vec<_>>(), vec![(1, QuoteStatus::Superseded), (2, QuoteStatus::Approved)]);
    assert_eq!(all[0].lines[0].discount_pct.to_string(), "25", "revision 1 is unchanged");
    assert_eq!(store::find_by_number(&pool, "Q-2026-0001").await.expect("newest").revision, 2);
    assert_eq!(store::find_by_number(&pool, "Q-2026-0001-R1").await.expect("first").revision, 1);
}

#[tokio::test]
async fn numbers_are_gap_free_and_a_refused_submit_takes_none() {
    let pool = open_in_memory().await.expect("db");
    let c = customer(&pool, "Northwind").await;
    let empty = store::save_draft(&pool, &input(&c, vec![])).await.expect("empty draft");
    assert!(workflow::submit(&pool, empty.id, &actor(Role::Sales)).await.is_err(), "no lines, no submit");
    let mut numbers = Vec::new();
    for _ in 0..3 {
        let q = store::save_draft(&pool, &input(&c, vec![line("Widget", "1", "100", "0", "10")])).await.expect("draft");
        numbers.push(workflow::submit(&pool, q.id, &actor(Role::Sales)).await.expect("submit").number.expect("number"));
    }
    assert_eq!(numbers, vec!["Q-2026-0001", "Q-2026-0002", "Q-2026-0003"]);
}

#[tokio::test]
async fn low_margin_needs_a_manager_and_past_validity_expires() {
    let pool = open_in_memory().await.expect("db");
    let c = customer(&pool, "Contoso").await;
    let q = store::save_draft(&pool, &input(&c, vec![line("thin", "1", "100", "0", "95")])).await.expect("draft");
    assert_eq!(q.required_approval, ApprovalLevel::Manager, "5% margin is under the 15% floor");

    let mut old = input(&c, vec![line("Widget", "1", "100", "0", "10")]);
    old.quote_date = "2020-01-01".into();
    old.valid_until = "2020-01-31".into();
    let q = store::save_draft(&pool, &old).await.expect("draft");
    workflow::submit(&pool, q.id, &actor(Role::Sales)).await.expect("approved at once");
    let listed = store::list(&pool, &Default::default()).await.expect("list");
    let row = listed.items.iter().find(|r| r.id == q.id.to_string()).expect("listed");
    assert_eq!(row.status, QuoteStatus::Expired);
    assert_eq!(row.number.as_deref(), Some("Q-2020-0001"), "numbers count per year");
}

#[tokio::test]
async fn a_stored_quote_prints_its_number_and_total_in_words() {
    let Ok(engine) = dealdesk_core::pdf::PdfEngine::load(None) else {
        eprintln!("no CJK font on this machine: skipped (install fonts-noto-cjk)");
        return;
    };
    let pool = open_in_memory().await.expect("db");
    let c = customer(&pool, "华信科技").await;
    let q = store::save_draft(&pool, &input(&c, vec![line("门禁系统 Access control", "1", "14521.26", "0", "1000")])).await.expect("draft");
    let q = workflow::submit(&pool, q.id, &actor(Role::Sales)).await.expect("approved");
    let pdf = quote::render::render(&pool, &engine, &q).await.expect("rendered");
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("q.pdf");
    std::fs::write(&path, &pdf).expect("write");
    let out = std::process::Command::new("pdftotext").args(["-layout"]).arg(&path).arg("-").output().expect("pdftotext (poppler-utils)");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Q-2026-0001"), "{text}");
    // 14521.26 × 1.13 = 16409.0238 → 16409.02
    assert!(text.contains("人民币壹万陆仟肆佰零玖元零贰分"), "{text}");
    assert!(text.contains("门禁系统"), "{text}");
    assert!(!text.contains("DRAFT"), "an approved quote has no watermark");
}
