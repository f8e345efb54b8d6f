//! Logging with `tracing`: the window logs to a daily-rotated file in the app's log folder
//! (7 files kept), the CLI to stderr. Log lines carry ids, counts and kinds, never personal
//! data (names, phone numbers, e-mail addresses stay out of every message).

use std::path::Path;
use tracing_appender::non_blocking::WorkerGuard;
use tracing_subscriber::EnvFilter;

fn filter(default: &str) -> EnvFilter {
    EnvFilter::try_from_env("DEALDESK_LOG").unwrap_or_else(|_| EnvFilter::new(default))
}

/// File logging for the window. Keep the guard alive for the life of the app.
pub fn init_file(dir: &Path) -> Option<WorkerGuard> {
    // The appender prunes old files at start and complains on stderr when the folder is missing.
    std::fs::create_dir_all(dir).ok()?;
    let appender = tracing_appender::rolling::Builder::new()
        .rotation(tracing_appender::rolling::Rotation::DAILY)
        .filename_prefix("dealdesk")
        .filename_suffix("log")
        .max_log_files(7)
        .build(dir)
        .ok()?;
    let (writer, guard) = tracing_appender::non_blocking(appender);
    tracing_subscriber::fmt()
        .with_env_filter(filter("info,sqlx=warn,tao=warn,wry=warn"))
        .with_ansi(false)
        .with_writer(writer)
        .try_init()
        .ok()?;
    Some(guard)
}

/// Stderr logging for the CLI: warnings only unless DEALDESK_LOG says otherwise, so command
/// output stays clean for scripts.
pub fn init_stderr() {
    let _ = tracing_subscriber::fmt().with_env_filter(filter("warn")).with_writer(std::io::stderr).try_init();
}
