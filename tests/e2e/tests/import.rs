//! Importing customers from CSV through the page's file input: a file with bad rows is
//! rejected as a whole with row/column problems; a good file adds every row.

use dealdesk_e2e::{fixture, run};

#[tokio::test]
async fn a_csv_with_bad_rows_shows_row_and_column_and_imports_nothing() {
    run(
        "a_csv_with_bad_rows_shows_row_and_column_and_imports_nothing",
        |app| async move {
            app.start_empty().await;
            app.set_language("en").await;
            app.open("customers").await;
            app.wait_count("customers-total", 0).await;

            app.upload("customers-import-input", &fixture("customers-bad.csv"))
                .await;

            app.el("import-errors").await;
            let mut problems = Vec::new();
            for item in app.all("[data-testid=\"import-error\"]").await {
                problems.push(item.text().await.unwrap_or_default());
            }
            // Row numbers count the header as row 1: "huge" is a bad size in row 3, the empty name
            // is in row 4. (en: "Row 3 · column size · value 'huge': …")
            assert!(
                problems
                    .iter()
                    .any(|p| p.contains("Row 3") && p.contains("size") && p.contains("huge")),
                "no problem names row 3 / size / huge: {problems:?}"
            );
            assert!(
                problems
                    .iter()
                    .any(|p| p.contains("Row 4") && p.contains("name")),
                "no problem names row 4 / name: {problems:?}"
            );
            assert!(
                !problems.iter().any(|p| p.contains("Good Row Co")),
                "good rows are not problems: {problems:?}"
            );

            // All or nothing: the good rows of a rejected file are not imported either.
            app.wait_count("customers-total", 0).await;
            assert!(
                app.rows("customers").await.is_empty(),
                "no rows after a rejected import"
            );
        },
    )
    .await;
}

#[tokio::test]
async fn a_good_csv_adds_every_row() {
    run("a_good_csv_adds_every_row", |app| async move {
        app.start_empty().await;
        app.open("customers").await;
        app.wait_count("customers-total", 0).await;

        app.upload("customers-import-input", &fixture("customers-good.csv"))
            .await;

        app.wait_text("import-success", "the count 3", |t| t.contains('3'))
            .await;
        app.wait_count("customers-total", 3).await;
        app.wait_row("customers", "华东精密制造有限公司").await;
        app.wait_row("customers", "Blue Harbor Logistics").await;
        assert!(
            !app.is_visible("import-errors").await,
            "a good file shows no import errors"
        );
    })
    .await;
}
