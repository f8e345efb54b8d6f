//! The DealDesk app: the Tauri window (commands over `dealdesk-core`) and the headless CLI.
//! Kept small: the builder wires plugins, state and commands; everything else lives in
//! modules named for what they hold.

pub mod cli;
pub mod commands;
pub mod logging;
pub mod state;

use dealdesk_core::CoreError;
use state::AppState;
use std::path::PathBuf;
use tauri::{Builder, Runtime};

/// Plugins, state and commands: shared by the real app and the mock-runtime tests.
pub fn configure<R: Runtime>(builder: Builder<R>, state: AppState) -> Builder<R> {
    builder.plugin(tauri_plugin_dialog::init()).manage(state).manage(commands::inbox::InboxState::default()).manage(commands::matrix_session::MatrixSessions::default()).invoke_handler(tauri::generate_handler![
        commands::app::app_info,
        commands::app::set_language,
        commands::app::finish_onboarding,
        commands::app::acknowledge_recovery_key,
        commands::customers::list_customers,
        commands::customers::save_customer,
        commands::customers::delete_customer,
        commands::customers::customer_options,
        commands::contacts::list_contacts,
        commands::contacts::save_contact,
        commands::contacts::delete_contact,
        commands::products::list_products,
        commands::products::save_product,
        commands::products::delete_product,
        commands::opportunities::list_opportunities,
        commands::opportunities::save_opportunity,
        commands::opportunities::delete_opportunity,
        commands::files::stage_upload,
        commands::files::import_table,
        commands::files::export_table,
        commands::files::backup_now,
        commands::security::unlock_database,
        commands::security::start_new_database,
        commands::security::rekey_database,
        commands::security::choose_backup,
        commands::security::preview_backup,
        commands::security::restore_backup,
        commands::quotes::list_quotes,
        commands::quotes::quote_revisions,
        commands::quotes::save_quote,
        commands::quotes::preview_quote,
        commands::quotes::quote_line_for_product,
        commands::quotes::submit_quote,
        commands::quotes::decide_quote,
        commands::quotes::mark_quote,
        commands::quotes::revise_quote,
        commands::quotes::print_quote,
        commands::quotes::export_quote_pdf,
        commands::quotes::export_quotes_pdf,
        commands::quote_settings::quote_rules,
        commands::quote_settings::save_quote_rules,
        commands::quote_settings::print_settings,
        commands::quote_settings::save_print_settings,
        commands::quote_settings::set_logo,
        commands::quote_settings::volume_breaks,
        commands::quote_settings::save_volume_breaks,
        commands::quote_settings::user_role,
        commands::quote_settings::set_user_role,
        commands::dashboard::dashboard,
        commands::dashboard::dashboard_drill,
        commands::dashboard::save_dashboard_settings,
        commands::dashboard::target_breakdown,
        commands::dashboard::save_target,
        commands::dashboard::save_costs,
        commands::dashboard::preview_abc,
        commands::dashboard::apply_abc,
        commands::dashboard::export_dashboard_table,
        commands::dashboard::export_dashboard_pdf,
        commands::dashboard::print_dashboard,
        commands::contracts::list_contracts,
        commands::contracts::get_contract,
        commands::contracts::create_contract,
        commands::contracts::save_contract_terms,
        commands::contracts::edit_contract_clause,
        commands::contracts::choose_contract_fallback,
        commands::contracts::add_contract_clause,
        commands::contracts::mark_contract,
        commands::contracts::export_contract_pdf,
        commands::contracts::print_contract,
        commands::contract_review::submit_contract_review,
        commands::contract_review::waive_contract_flag,
        commands::contract_review::decide_contract_item,
        commands::contract_review::request_contract_changes,
        commands::contract_review::sign_off_contract,
        commands::contract_review::export_contract_review_report,
        // competitor matrix
        commands::matrix::list_matrices,
        commands::matrix::create_matrix,
        commands::matrix::get_matrix,
        commands::matrix::save_matrix_settings,
        commands::matrix::edit_matrix_cells,
        commands::matrix::paste_matrix_cells,
        commands::matrix::undo_matrix_edit,
        commands::matrix::redo_matrix_edit,
        commands::matrix::matrix_cell_history,
        commands::matrix_define::add_matrix_group,
        commands::matrix_define::save_matrix_dimension,
        commands::matrix_define::set_matrix_weight,
        commands::matrix_define::save_matrix_competitor,
        commands::matrix_define::move_matrix_item,
        commands::matrix_define::set_matrix_hidden,
        commands::matrix_files::import_matrix,
        commands::matrix_files::export_matrix,
        commands::matrix_files::export_matrix_heatmap,
        commands::matrix_files::list_matrix_snapshots,
        commands::matrix_files::take_matrix_snapshot,
        commands::matrix_files::diff_matrix,
        commands::matrix_files::battlecard_notes,
        commands::matrix_files::save_battlecard_notes,
        commands::matrix_files::export_matrix_battlecard,
        commands::matrix_files::print_matrix_battlecard,
        commands::masking::data_view,
        commands::masking::set_data_view_role,
        commands::masking::set_privacy_screen,
        commands::masking::reveal_value,
        commands::masking::list_audit,
        commands::compliance::subject_find,
        commands::compliance::export_subject_report,
        commands::compliance::correct_subject,
        commands::compliance::erase_subject,
        commands::compliance::scan_upload,
        commands::compliance::scan_store,
        commands::security::backup_keep,
        commands::security::set_backup_keep,
        // channel partners
        commands::partners::list_partners,
        commands::partners::list_reps,
        commands::partners::import_partner_file,
        commands::partners::list_import_batches,
        commands::partners::list_sales_lines,
        commands::partners::take_quote_lines,
        commands::partner_plans::list_plans,
        commands::partner_plans::get_plan,
        commands::partner_plans::effective_plan,
        commands::partner_plans::check_plan,
        commands::partner_plans::save_plan,
        commands::partner_plans::what_if,
        commands::partner_plans::deal_earnings,
        commands::statements::list_statements,
        commands::statements::run_statements,
        commands::statements::get_statement,
        commands::statements::lock_statement,
        commands::statements::export_statement,
        commands::inbox::inbox_status,
        commands::inbox::choose_inbox_folder,
        commands::inbox::use_default_inbox,
        commands::inbox::stop_inbox,
        commands::inbox::make_partner_folders,
        commands::inbox::list_inbox_events,
        commands::inbox::subscribe_inbox,
    ])
}

/// Opens the database and runs the window until it is closed.
pub fn run_window(db_path: PathBuf) -> Result<(), String> {
    let keys = dealdesk_core::store::OsKeychain::new();
    let state = match tauri::async_runtime::block_on(dealdesk_core::store::open(&db_path, &keys)) {
        Ok(opened) => {
            tracing::info!(new_key = opened.recovery_key.is_some(), "window starting");
            spawn_rolling_backup(opened.pool.clone(), db_path.clone());
            let state = AppState::new(opened.pool, db_path);
            state.set_recovery_key(opened.recovery_key);
            state
        }
        // The window opens on the unlock screen: recovery key, or a new database.
        Err(e @ (CoreError::KeyMissing { .. } | CoreError::WrongKey { .. })) => {
            tracing::warn!(error = %e, "window starting locked");
            AppState::locked(db_path, e.to_string())
        }
        Err(e) => return Err(format!("cannot open the database {}: {e}", db_path.display())),
    };
    configure(tauri::Builder::default(), state)
        .setup(|app| {
            commands::dashboard::prewarm(app.handle().clone());
            commands::inbox::start_saved(app.handle());
            Ok(())
        })
        .run(tauri::generate_context!())
        .map_err(|e| format!("the window failed: {e}"))
}

/// WebKitGTK's accelerated compositing costs about 100 MiB of memory (measured: 437 → 333 MiB
/// PSS with the demo data) and buys nothing for a forms-and-tables app. A user who sets the
/// variable keeps their choice.
pub(crate) fn reduce_webview_memory() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        // Called first thing on the window path, before any other thread exists.
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
}

/// Daily backups kept while the app is used: one at start when today's is missing, as many
/// kept as Settings says (7 unless changed), in `backups/` beside the database. A failure is
/// logged, never fatal.
pub(crate) fn spawn_rolling_backup(pool: dealdesk_core::store::SqlitePool, db_path: PathBuf) {
    // Its own thread: the export future is not `Send` (sqlx executor lifetimes), and a backup
    // must not hold up the window anyway.
    std::thread::spawn(move || tauri::async_runtime::block_on(async move {
        let dir = dealdesk_core::store::backup::backups_dir(&db_path);
        let keys = dealdesk_core::store::OsKeychain::new();
        match dealdesk_core::store::backup::rolling(&pool, &db_path, &keys, &dir).await {
            Ok(Some(_)) => tracing::info!("daily backup written"),
            Ok(None) => {}
            Err(e) => tracing::warn!(error = %e, "daily backup failed"),
        }
    }));
}
