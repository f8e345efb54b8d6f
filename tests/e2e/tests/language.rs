//! The language switch changes the navigation labels at once (zh-CN ↔ en).

use dealdesk_e2e::run;

#[tokio::test]
async fn switching_the_language_changes_the_navigation_labels() {
    run(
        "switching_the_language_changes_the_navigation_labels",
        |app| async move {
            app.start_empty().await;

            app.set_language("zh-CN").await;
            app.wait_text("nav-customers", "客户", |t| t.trim() == "客户")
                .await;
            app.wait_text("nav-products", "产品", |t| t.contains("产品"))
                .await;

            app.set_language("en").await;
            app.wait_text("nav-customers", "Customers", |t| t.trim() == "Customers")
                .await;
            app.wait_text("nav-products", "Products", |t| t.contains("Products"))
                .await;

            app.set_language("zh-CN").await;
            app.wait_text("nav-customers", "客户", |t| t.trim() == "客户")
                .await;
        },
    )
    .await;
}
