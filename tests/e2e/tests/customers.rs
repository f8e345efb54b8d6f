//! Customers through the form: first run on an empty database, create, search, edit, and the
//! field error for an empty name.

use dealdesk_e2e::run;

#[tokio::test]
async fn first_run_create_find_and_edit_a_customer() {
    run(
        "first_run_create_find_and_edit_a_customer",
        |app| async move {
            app.start_empty().await;
            app.open("customers").await;
            app.wait_count("customers-total", 0).await;

            app.click("customers-new").await;
            app.fill("field-name", "Acme 精密仪器").await;
            app.fill("field-industry", "Manufacturing").await;
            app.fill("field-region", "华东").await;
            app.fill("field-owner", "张伟").await;
            app.click("form-submit").await;
            app.wait_gone("form-submit").await;
            app.wait_count("customers-total", 1).await;
            let id = app.wait_row("customers", "Acme 精密仪器").await;

            // A search that matches nothing empties the table; a case-insensitive part finds it.
            app.fill("customers-search", "no such customer").await;
            app.wait_count("customers-total", 0).await;
            app.fill("customers-search", "acme").await;
            app.wait_count("customers-total", 1).await;
            assert_eq!(app.wait_row("customers", "Acme 精密仪器").await, id);

            // Edit: the form opens with the saved values; the changed region shows in the row.
            app.click(&format!("edit-{id}")).await;
            assert_eq!(app.value("field-name").await, "Acme 精密仪器");
            assert_eq!(app.value("field-region").await, "华东");
            app.fill("field-region", "华南").await;
            app.click("form-submit").await;
            app.wait_gone("form-submit").await;
            assert_eq!(
                app.wait_row("customers", "华南").await,
                id,
                "the edited row shows the new region"
            );
            app.wait_count("customers-total", 1).await;
        },
    )
    .await;
}

#[tokio::test]
async fn saving_without_a_name_shows_the_error_next_to_the_field() {
    run(
        "saving_without_a_name_shows_the_error_next_to_the_field",
        |app| async move {
            app.start_empty().await;
            app.open("customers").await;
            app.wait_count("customers-total", 0).await;

            app.click("customers-new").await;
            app.fill("field-industry", "Retail").await;
            app.fill("field-name", "").await;
            app.click("form-submit").await;

            let error = app.el("error-name").await;
            let text = error.text().await.unwrap();
            assert!(
                !text.trim().is_empty(),
                "error-name is shown but says nothing"
            );
            assert!(
                app.is_visible("form-submit").await,
                "the form stays open on a validation error"
            );
            app.click("form-cancel").await;
            app.wait_gone("form-submit").await;
            app.wait_count("customers-total", 0).await;
        },
    )
    .await;
}
