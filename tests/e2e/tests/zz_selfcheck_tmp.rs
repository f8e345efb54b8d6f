use dealdesk_e2e::run;
#[tokio::test]
async fn selfcheck_pass() {
    run("selfcheck_pass", |app| async move {
        app.client().goto("file:///tmp/wdexp/fake.html").await.unwrap();
        app.start_empty().await;
        app.set_language("zh-CN").await;
        app.wait_text("nav-customers", "客户", |t| t.trim() == "客户").await;
        app.set_language("en").await;
        app.wait_text("nav-customers", "Customers", |t| t.trim() == "Customers").await;
    }).await;
}
#[tokio::test]
async fn selfcheck_fail() {
    run("selfcheck_fail", |app| async move {
        app.client().goto("file:///tmp/wdexp/fake.html").await.unwrap();
        app.el("does-not-exist").await;
    }).await;
}
