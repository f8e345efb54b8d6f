//! Tauri build step: embeds the config and capabilities, and declares the app's commands so
//! each one needs an explicit grant in src-tauri/capabilities (least privilege).

const COMMANDS: &[&str] = &[
    "app_info",
    "set_language",
    "finish_onboarding",
    "acknowledge_recovery_key",
    "list_customers",
    "save_customer",
    "delete_customer",
    "customer_options",
    "list_contacts",
    "save_contact",
    "delete_contact",
    "list_products",
    "save_product",
    "delete_product",
    "list_opportunities",
    "save_opportunity",
    "delete_opportunity",
    "stage_upload",
    "import_table",
    "export_table",
    "backup_now",
    "unlock_database",
    "start_new_database",
    "rekey_database",
    "choose_backup",
    "preview_backup",
    "restore_backup",
    "list_quotes",
    "quote_revisions",
    "save_quote",
    "preview_quote",
    "quote_line_for_product",
    "submit_quote",
    "decide_quote",
    "mark_quote",
    "revise_quote",
    "print_quote",
    "export_quote_pdf",
    "export_quotes_pdf",
    "quote_rules",
    "save_quote_rules",
    "print_settings",
    "save_print_settings",
    "set_logo",
    "volume_breaks",
    "save_volume_breaks",
    "user_role",
    "set_user_role",
    "dashboard",
    "dashboard_drill",
    "save_dashboard_settings",
    "target_breakdown",
    "save_target",
    "save_costs",
    "preview_abc",
    "apply_abc",
    "export_dashboard_table",
    "export_dashboard_pdf",
    "print_dashboard",
    "data_view",
    "set_data_view_role",
    "set_privacy_screen",
    "reveal_value",
    "list_audit",
];

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-changed=tauri.conf.json");
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("src-tauri/capabilities/**/*.json")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        panic!("tauri build step failed: {e:#}");
    }
}
