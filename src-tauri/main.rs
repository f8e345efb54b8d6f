//! The one binary: with no subcommand it opens the window, with one it runs headless.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    dealdesk_app::cli::main()
}
