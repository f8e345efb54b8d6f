//! Personal-data masking as issue 6 tells it: with the data view role set to distributor the
//! contacts list shows mobiles masked (and no eye to reveal them); an admin behind the privacy
//! screen reveals one with a reason and finds the reveal in the audit log (without the
//! number); contacts exported "for distributor" have their mobiles masked in the file. Then
//! beyond the lists: a quote's owner and notes and the dashboard drill-down's owners are
//! masked for the distributor view, and an admin behind the privacy screen reveals the
//! quote's owner (audited as a reveal on the quote).

use dealdesk_e2e::run;

const MOBILE: &str = "13812341234";
const MASKED: &str = "138****1234";

#[tokio::test]
async fn masking_distributor_view_admin_reveal_audit_and_masked_export() {
    run("masking_distributor_view_admin_reveal_audit_and_masked_export", |app| async move {
        app.start_empty().await;
        app.set_language("en").await;

        app.open("contacts").await;
        app.click("contacts-new").await;
        app.fill("field-name", "张伟").await;
        app.fill("field-mobile", MOBILE).await;
        app.fill("field-email", "zhang.wei@example.com").await;
        app.click("form-submit").await;
        app.wait_gone("form-submit").await;
        let id = app.wait_row("contacts", MOBILE).await;

        // Settings › General › Data view role: distributor.
        app.open("settings").await;
        app.choose("settings-data-view-role", "data-view-role-distributor").await;
        app.open("contacts").await;
        assert_eq!(app.wait_row("contacts", MASKED).await, id);
        let rows = app.rows("contacts").await;
        assert!(rows.iter().all(|(_, text)| !text.contains(MOBILE)), "no clear mobile in the list: {rows:?}");
        assert!(rows.iter().any(|(_, text)| text.contains("张*")), "the name is masked too: {rows:?}");
        assert!(!app.is_visible(&format!("reveal-{id}-mobile")).await, "a distributor cannot reveal");
        app.view("contacts-distributor").await;

        // Admin at the stand: privacy screen on, everything hidden; reveal one value.
        app.open("settings").await;
        app.choose("settings-data-view-role", "data-view-role-admin").await;
        app.click("privacy-toggle").await;
        app.el("privacy-banner").await;
        app.open("contacts").await;
        assert_eq!(app.wait_row("contacts", "[mobile]").await, id);
        app.view("contacts-privacy-screen").await;
        app.click(&format!("reveal-{id}-mobile")).await;
        app.fill("reveal-reason", "客户到展台核对联系方式").await;
        app.click("reveal-confirm").await;
        app.wait_text("reveal-value", MOBILE, |t| t.trim() == MOBILE).await;
        app.click("reveal-close").await;
        app.wait_gone("reveal-value").await;
        assert!(app.rows("contacts").await.iter().all(|(_, text)| !text.contains(MOBILE)), "the list stays masked");

        // The audit log has the reveal: who, what, why; never the number.
        app.open("compliance").await;
        app.el("audit-table").await;
        let found = app
            .js(
                "const row = Array.from(document.querySelectorAll('[data-testid^=audit-row-]'))
                     .find(r => r.getAttribute('data-action') === 'reveal');
                 return row ? row.innerText : null;",
                vec![],
            )
            .await;
        let entry = found.as_str().unwrap_or_default().to_string();
        assert!(entry.contains("mobile") && entry.contains("客户到展台核对联系方式") && entry.contains("admin"), "the reveal entry: {entry:?}");
        assert!(entry.contains(&id), "it names the contact: {entry:?}");
        let table = app.js("return document.querySelector('[data-testid=audit-table]').innerText;", vec![]).await;
        assert!(!table.as_str().unwrap_or_default().contains(MOBILE), "no clear mobile in the audit log");
        app.view("audit-log").await;

        // Privacy screen off with its shortcut (Ctrl+Shift+P), then export for a distributor.
        app.js("window.dispatchEvent(new KeyboardEvent('keydown', { key: 'P', ctrlKey: true, shiftKey: true })); return null;", vec![]).await;
        app.wait_gone("privacy-banner").await;
        app.open("contacts").await;
        app.wait_row("contacts", MOBILE).await;
        app.click("contacts-export-csv").await;
        app.el("export-dialog").await;
        app.choose("export-policy", "export-policy-distributor").await;
        app.click("export-to-documents").await;
        app.el("export-success").await;
        let path = app.js("return document.querySelector('[data-testid=export-success]').getAttribute('data-path');", vec![]).await;
        let path = path.as_str().unwrap_or_default().to_string();
        assert!(path.ends_with("-masked-distributor.csv"), "the file name says the policy: {path}");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {path}: {e}"));
        assert!(text.contains(MASKED) && !text.contains(MOBILE), "the file's mobiles are masked: {text}");
        assert!(text.contains("张*") && !text.contains("张伟"), "and the names: {text}");
    })
    .await;
}

/// The demo's opportunity owners (src-tauri/core/src/demo/names.rs).
const DEMO_OWNERS: [&str; 6] = ["王磊", "李娜", "陈静", "赵强", "Emily Chen", "David Liu"];

#[tokio::test]
async fn masking_quote_owner_and_dashboard_drill_for_distributor_then_admin_reveals() {
    run("masking_quote_owner_and_dashboard_drill_for_distributor_then_admin_reveals", |app| async move {
        app.click("recovery-ack").await;
        app.click("onboarding-demo").await;
        app.el("nav-customers").await;
        app.set_language("en").await;

        app.open("customers").await;
        app.click("customers-new").await;
        app.fill("field-name", "华信精密仪器有限公司").await;
        app.click("form-submit").await;
        app.wait_gone("form-submit").await;
        app.open("quotes").await;
        app.click("quotes-new").await;
        app.pick("quote-customer", "华信精密", "华信精密仪器有限公司").await;
        app.click("quote-add-line").await;
        app.fill("line-0-description", "年度订阅").await;
        app.fill("line-0-quantity", "1").await;
        app.fill("line-0-unit_price", "10000").await;
        app.fill("quote-notes", &format!("联系人：张伟 {MOBILE}")).await;
        app.click("quote-save").await;
        app.el("quote-owner").await;
        app.click("quote-back").await;
        let qid = app.wait_row("quotes", "华信精密").await;
        // Sales ops (the default view) sees the owner (the OS account) in clear.
        let owner = app.rows("quotes").await.into_iter().find(|(id, _)| *id == qid).map(|(_, text)| text).unwrap_or_default();
        assert!(!app.is_visible(&format!("masked-{qid}-owner")).await, "in clear for sales ops: {owner:?}");

        app.open("settings").await;
        app.choose("settings-data-view-role", "data-view-role-distributor").await;
        app.open("quotes").await;
        let masked = app.wait_inner_text(&format!("masked-{qid}-owner"), "a masked owner", |t| t.contains('*')).await;
        assert!(!app.is_visible(&format!("reveal-{qid}-owner")).await, "a distributor cannot reveal");
        app.click(&format!("open-{qid}")).await;
        let header = app.wait_inner_text("quote-owner", "the owner masked", |t| t.contains(masked.trim())).await;
        assert!(header.contains('*'), "{header:?}");
        let notes = app.value("quote-notes").await;
        assert!(!notes.contains(MOBILE) && !notes.contains("张伟"), "the notes are masked in the form: {notes:?}");
        app.el("masked-hint-notes").await;
        app.view("quote-builder-distributor").await;
        app.click("quote-back").await;

        app.open("dashboard").await;
        app.el("funnel-card").await;
        app.click("reached-initial").await;
        app.wait_text("drill-summary", "records", |t| t.contains("records")).await;
        let table = app.wait_inner_text("drill-table", "masked owners", |t| t.contains('*')).await;
        assert!(DEMO_OWNERS.iter().all(|o| !table.contains(o)), "no owner in clear in the drill-down: {table:?}");
        let owners = app.all("[data-testid=drill-table] [data-testid^=masked-][data-testid$=-owner]").await;
        assert!(!owners.is_empty(), "the owners are marked masked");
        app.view("dashboard-drill-distributor").await;
        app.js("document.querySelector('.ant-drawer-close').click(); return null;", vec![]).await;
        app.wait_gone("drill-summary").await;

        // Admin behind the privacy screen reveals the quote's owner with a reason.
        app.open("settings").await;
        app.choose("settings-data-view-role", "data-view-role-admin").await;
        app.click("privacy-toggle").await;
        app.el("privacy-banner").await;
        app.open("quotes").await;
        app.wait_inner_text(&format!("masked-{qid}-owner"), "[name]", |t| t.contains("[name]")).await;
        app.click(&format!("reveal-{qid}-owner")).await;
        app.fill("reveal-reason", "核对报价负责人").await;
        app.click("reveal-confirm").await;
        let clear = app.wait_text("reveal-value", "the owner", |t| !t.trim().is_empty()).await;
        assert!(owner.contains(clear.trim()), "the revealed owner is the one sales ops saw: {clear:?} in {owner:?}");
        app.click("reveal-close").await;
        app.wait_gone("reveal-value").await;

        app.open("compliance").await;
        // The log is read afresh when the page opens: wait for the entry, then read its row.
        app.wait_inner_text("audit-table", "the reveal entry", |t| t.contains("核对报价负责人")).await;
        let entry = app
            .js(
                "const row = Array.from(document.querySelectorAll('[data-testid^=audit-row-]'))
                     .find(r => r.getAttribute('data-action') === 'reveal');
                 return row ? row.innerText : null;",
                vec![],
            )
            .await;
        let entry = entry.as_str().unwrap_or_default().to_string();
        assert!(entry.contains("owner") && entry.contains("核对报价负责人") && entry.contains(&qid), "the reveal entry names the quote: {entry:?}");
    })
    .await;
}
