//! `dealdesk inbox set|scan|watch|events`: the watched inbox without the window. `scan`
//! handles the reports in the folder now and exits; `watch` keeps watching (for `--seconds`,
//! or until stopped: every import is one transaction, so stopping it at any moment is safe).
//! Both print one line per file handled; the folder defaults to the one set in Settings.

use clap::Subcommand;
use dealdesk_core::inbox::watch::{PoolSource, Sink};
use dealdesk_core::inbox::{self, events, InboxEvent, InboxWatcher, WatchOptions};
use dealdesk_core::store::SqlitePool;
use dealdesk_core::CoreError;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Subcommand, Debug)]
pub enum InboxCommand {
    /// Set the watched folder (created if missing); `--clear` forgets it.
    Set {
        #[arg(required_unless_present = "clear")]
        dir: Option<PathBuf>,
        #[arg(long)]
        clear: bool,
    },
    /// Import the reports in the folder now (each once it stopped changing), then exit.
    Scan { dir: Option<PathBuf> },
    /// Watch the folder and import what arrives (and what is there already).
    Watch {
        dir: Option<PathBuf>,
        /// Stop after this many seconds (default: run until stopped).
        #[arg(long)]
        seconds: Option<u64>,
    },
    /// The most recent inbox events, newest first.
    Events {
        #[arg(long, default_value_t = 20)]
        limit: u32,
    },
}

fn line(ev: &InboxEvent) -> String {
    let folder = ev.partner.as_deref().map(|p| format!("{p}/")).unwrap_or_default();
    let moved = if ev.moved_to.is_empty() { "stayed in the inbox".to_string() } else { format!("→ {}", ev.moved_to) };
    format!("{}\t{}\t{folder}{}\t{}\t{moved}\t{}", ev.at, ev.outcome.code(), ev.file_name, ev.lines, ev.message)
}

async fn folder_or(pool: &SqlitePool, dir: Option<PathBuf>) -> Result<PathBuf, CoreError> {
    if let Some(d) = dir {
        return Ok(d);
    }
    let mut conn = pool.acquire().await?;
    inbox::folder(&mut conn).await?.ok_or_else(|| CoreError::BadRequest("no inbox folder is set: give one, or set it with `dealdesk inbox set DIR`".into()))
}

pub async fn run(command: InboxCommand, pool: &SqlitePool) -> Result<(), CoreError> {
    match command {
        InboxCommand::Set { dir, clear } => {
            let dir = if clear { None } else { dir };
            inbox::set_folder(pool, dir.as_deref()).await?;
            match dir {
                Some(d) => println!("inbox folder: {}", d.display()),
                None => println!("inbox folder cleared"),
            }
        }
        InboxCommand::Scan { dir } => {
            let root = folder_or(pool, dir).await?;
            let report = inbox::scan_once(pool, &root, WatchOptions::default()).await?;
            for ev in &report.events {
                println!("{}", line(ev));
            }
            for w in &report.waiting {
                println!("still changing, left for later: {w}");
            }
            println!("{} file(s) handled in {}", report.events.len(), root.display());
        }
        InboxCommand::Watch { dir, seconds } => {
            let root = folder_or(pool, dir).await?;
            let p = pool.clone();
            let pools: PoolSource = Arc::new(move || Some(p.clone()));
            let sink: Sink = Arc::new(|ev: &InboxEvent| println!("{}", line(ev)));
            println!("watching {} (stop with Ctrl+C)", root.display());
            let watcher = InboxWatcher::start(root, pools, tokio::runtime::Handle::current(), WatchOptions::default(), sink)?;
            match seconds {
                Some(s) => tokio::time::sleep(std::time::Duration::from_secs(s)).await,
                None => std::future::pending::<()>().await,
            }
            // Stopping joins the worker, which may be finishing an import: off the async threads.
            tokio::task::spawn_blocking(move || drop(watcher)).await.map_err(|e| CoreError::BadRequest(format!("stopping the watcher failed: {e}")))?;
        }
        InboxCommand::Events { limit } => {
            let mut conn = pool.acquire().await?;
            for ev in events::list(&mut conn, limit).await? {
                println!("{}", line(&ev));
            }
        }
    }
    Ok(())
}
