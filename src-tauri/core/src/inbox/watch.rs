//! The watcher: notify (inotify, FSEvents, ReadDirectoryChangesW) over the inbox folder and a
//! worker thread that feeds what it hears into the readiness tracker and handles each file
//! once it has settled; and `scan_once`, the same without events, for files already there.
//!
//! Measured on Linux (docs/decisions.md): a file moved in arrives as `Modify(Name(To))`, a
//! file written in place as `Create` and then, when the writer closes it,
//! `Access(Close(Write))`; those three schedule a look. Writes in between (`Modify(Data)`)
//! only restart the settling of a file already waiting. The folder is scanned once right
//! after the watch starts, so files dropped while the app was closed are picked up too.
//!
//! The worker owns no runtime: it blocks on the app's (or the CLI's) tokio handle for each
//! import, so imports run one at a time, in the order their files settled.

use super::events::InboxEvent;
use super::files::{self, Placed};
use super::process::{process, Handled};
use super::ready::{Seen, Stat, Tracker, Verdict};
use crate::error::{CoreError, CoreResult};
use notify::event::{AccessKind, AccessMode, ModifyKind, RenameMode};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use sqlx::SqlitePool;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Whether this platform reports a writer closing a file (inotify does; FSEvents and
/// ReadDirectoryChangesW do not, and there the settle rule alone decides).
pub const CLOSE_EVENTS: bool = cfg!(any(target_os = "linux", target_os = "android"));

#[derive(Debug, Clone, Copy)]
pub struct WatchOptions {
    /// How long size and modification time must stay the same.
    pub settle: Duration,
    /// How long a file a writer still has open is waited for before it is judged by the
    /// settle rule alone.
    pub writer_timeout: Duration,
    /// How often waiting files are looked at.
    pub tick: Duration,
}

impl Default for WatchOptions {
    fn default() -> Self {
        Self { settle: Duration::from_secs(1), writer_timeout: Duration::from_secs(60), tick: Duration::from_millis(250) }
    }
}

/// Gives the worker the open database when it needs one (`None` while it is locked: the
/// file waits and is tried again).
pub type PoolSource = Arc<dyn Fn() -> Option<SqlitePool> + Send + Sync>;
/// Told about every file handled, after its event is stored.
pub type Sink = Arc<dyn Fn(&InboxEvent) + Send + Sync>;

/// Files that settled, in path order; forgets files that are gone or no longer reports.
fn settled(tracker: &mut Tracker, root: &Path, now: Instant) -> Vec<Placed> {
    let mut out = Vec::new();
    for path in tracker.paths() {
        if tracker.check(&path, Stat::of(&path), now) == Verdict::Ready {
            match files::classify(root, &path) {
                Some(p) => out.push(p),
                None => tracker.done(&path),
            }
        }
    }
    out
}

/// Feeds one notify event into the tracker.
fn apply(tracker: &mut Tracker, root: &Path, event: &Event, now: Instant) {
    let report = |p: &PathBuf| files::classify(root, p).is_some();
    match event.kind {
        EventKind::Create(_) => event.paths.iter().filter(|p| report(p)).for_each(|p| tracker.observe(p, Seen::Created, now)),
        EventKind::Modify(ModifyKind::Name(RenameMode::To | RenameMode::Any)) => {
            event.paths.iter().filter(|p| report(p)).for_each(|p| tracker.observe(p, Seen::MovedIn, now));
        }
        // A rename inside the inbox (a writer's `july.csv.part` → `july.csv`): the destination is last.
        EventKind::Modify(ModifyKind::Name(RenameMode::Both)) => {
            if let Some(to) = event.paths.last().filter(|p| report(p)) {
                tracker.observe(to, Seen::MovedIn, now);
            }
        }
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => event.paths.iter().filter(|p| report(p)).for_each(|p| tracker.observe(p, Seen::Closed, now)),
        EventKind::Modify(_) => event.paths.iter().for_each(|p| tracker.touch(p, now)),
        _ => {}
    }
}

/// A running watcher; dropping it stops the worker (after the file it may be importing).
pub struct InboxWatcher {
    root: PathBuf,
    stop: Arc<AtomicBool>,
    worker: Option<JoinHandle<()>>,
    watcher: Option<RecommendedWatcher>,
}

impl InboxWatcher {
    /// Watches `root` (created if missing) and handles what is there already.
    pub fn start(root: PathBuf, pools: PoolSource, runtime: tokio::runtime::Handle, opts: WatchOptions, sink: Sink) -> CoreResult<Self> {
        std::fs::create_dir_all(&root).map_err(|e| CoreError::io(format!("cannot create the inbox folder {}", root.display()), e))?;
        let (tx, rx) = mpsc::channel::<notify::Result<Event>>();
        let mut watcher = notify::recommended_watcher(move |res| {
            let _ = tx.send(res);
        })
        .map_err(|e| CoreError::BadRequest(format!("cannot watch {}: {e}", root.display())))?;
        watcher.watch(&root, RecursiveMode::Recursive).map_err(|e| CoreError::BadRequest(format!("cannot watch {}: {e}", root.display())))?;
        let mut tracker = Tracker::new(opts.settle, opts.writer_timeout, CLOSE_EVENTS);
        // After the watch is set up: a file dropped in between is seen once either way.
        let now = Instant::now();
        for placed in files::scan(&root) {
            tracker.observe(&placed.path, Seen::Present, now);
        }
        let stop = Arc::new(AtomicBool::new(false));
        let (stop_w, root_w) = (stop.clone(), root.clone());
        let worker = std::thread::Builder::new()
            .name("dealdesk-inbox".into())
            .spawn(move || {
                loop {
                    if stop_w.load(Ordering::SeqCst) {
                        break;
                    }
                    match rx.recv_timeout(opts.tick) {
                        Ok(Ok(event)) => {
                            apply(&mut tracker, &root_w, &event, Instant::now());
                            while let Ok(more) = rx.try_recv() {
                                if let Ok(event) = more {
                                    apply(&mut tracker, &root_w, &event, Instant::now());
                                }
                            }
                        }
                        Ok(Err(e)) => tracing::warn!(error = %e, "inbox watch error"),
                        Err(RecvTimeoutError::Timeout) => {}
                        Err(RecvTimeoutError::Disconnected) => break,
                    }
                    for placed in settled(&mut tracker, &root_w, Instant::now()) {
                        if stop_w.load(Ordering::SeqCst) {
                            break;
                        }
                        let Some(pool) = pools() else {
                            tracker.unsettled(&placed.path, Instant::now());
                            continue;
                        };
                        match runtime.block_on(process(&pool, &root_w, &placed)) {
                            Handled::Done(ev) => {
                                tracker.done(&placed.path);
                                sink(&ev);
                            }
                            Handled::NotReady => tracker.unsettled(&placed.path, Instant::now()),
                        }
                    }
                }
            })
            .map_err(|e| CoreError::io("cannot start the inbox worker", e))?;
        tracing::info!("inbox watcher started");
        Ok(Self { root, stop, worker: Some(worker), watcher: Some(watcher) })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }
}

impl Drop for InboxWatcher {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Dropping the watcher closes the channel, which wakes the worker at once.
        self.watcher.take();
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
        tracing::info!("inbox watcher stopped");
    }
}

/// What a one-off scan did: the files handled, and those still not settled when it gave up
/// (left where they are).
#[derive(Debug, Clone, PartialEq)]
pub struct ScanReport {
    pub events: Vec<InboxEvent>,
    pub waiting: Vec<String>,
}

/// Handles the reports in `root` now, without watching: each once it has settled; gives up on
/// files still changing after `opts.writer_timeout`.
pub async fn scan_once(pool: &SqlitePool, root: &Path, opts: WatchOptions) -> CoreResult<ScanReport> {
    if !root.is_dir() {
        return Err(CoreError::io(format!("the inbox folder {} does not exist", root.display()), std::io::Error::from(std::io::ErrorKind::NotFound)));
    }
    let mut tracker = Tracker::new(opts.settle, opts.writer_timeout, false);
    let start = Instant::now();
    for placed in files::scan(root) {
        tracker.observe(&placed.path, Seen::Present, start);
    }
    let mut events = Vec::new();
    while !tracker.is_empty() && start.elapsed() < opts.writer_timeout {
        for placed in settled(&mut tracker, root, Instant::now()) {
            match process(pool, root, &placed).await {
                Handled::Done(ev) => {
                    tracker.done(&placed.path);
                    events.push(*ev);
                }
                Handled::NotReady => tracker.unsettled(&placed.path, Instant::now()),
            }
        }
        if !tracker.is_empty() {
            tokio::time::sleep(opts.tick).await;
        }
    }
    let waiting = tracker.paths().iter().map(|p| files::relative(root, p)).collect();
    Ok(ScanReport { events, waiting })
}
