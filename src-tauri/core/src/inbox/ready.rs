//! When a file in the inbox may be read: a pure state machine over what the file system said
//! (events) and what `stat` says now, driven by the watcher's clock. No I/O here, so the
//! rules are tested with made-up instants.
//!
//! The rules:
//! - Where the platform reports a writer closing a file (Linux: `Access(Close(Write))`), a
//!   file that was created or written to is *open*: it is not read until that close arrives,
//!   or, should it never come (a writer that crashed, a network share), until nothing has
//!   happened to it for `writer_timeout`.
//! - Then the file must be *settled*: two looks at its size and modification time at least
//!   `settle` apart that agree. A file moved in (`Modify(Name(To))`) or found by the start-up
//!   scan only needs to settle.
//! - Any new event about the file starts the settling again.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

/// What the file system said about a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seen {
    /// Created in place (`Create`): a writer may still have it open.
    Created,
    /// Written to (`Modify(Data)` and the like): a writer has it open.
    Written,
    /// A writer closed it (`Access(Close(Write))`).
    Closed,
    /// Moved in from elsewhere (`Modify(Name(To))`): complete as it arrives.
    MovedIn,
    /// Found by a scan (start-up, or `inbox scan`).
    Present,
}

/// Size and modification time: what "unchanged" compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stat {
    pub len: u64,
    pub modified: Option<SystemTime>,
}

impl Stat {
    pub fn of(path: &Path) -> Option<Stat> {
        let m = std::fs::metadata(path).ok()?;
        m.is_file().then(|| Stat { len: m.len(), modified: m.modified().ok() })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Not yet: look again later.
    Wait,
    /// Settled: read it now.
    Ready,
    /// No longer there (moved away or deleted before it settled).
    Gone,
}

#[derive(Debug, Clone)]
struct Candidate {
    open: bool,
    last_event: Instant,
    /// The last look and when it was taken.
    looked: Option<(Stat, Instant)>,
}

#[derive(Debug, Clone)]
pub struct Tracker {
    candidates: HashMap<PathBuf, Candidate>,
    settle: Duration,
    writer_timeout: Duration,
    /// Whether this platform reports a writer closing a file.
    close_events: bool,
}

impl Tracker {
    pub fn new(settle: Duration, writer_timeout: Duration, close_events: bool) -> Self {
        Self { candidates: HashMap::new(), settle, writer_timeout, close_events }
    }

    /// Records an event; any event starts the settling again.
    pub fn observe(&mut self, path: &Path, seen: Seen, now: Instant) {
        let c = self.candidates.entry(path.to_path_buf()).or_insert(Candidate { open: false, last_event: now, looked: None });
        c.last_event = now;
        c.looked = None;
        match seen {
            Seen::Created | Seen::Written => c.open = self.close_events,
            Seen::Closed | Seen::MovedIn | Seen::Present => c.open = false,
        }
    }

    /// An event about a path that is not a candidate (`Modify(Data)` after it was handled)
    /// only counts when the path is already being watched for.
    pub fn touch(&mut self, path: &Path, now: Instant) {
        if self.candidates.contains_key(path) {
            self.observe(path, Seen::Written, now);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.candidates.is_empty()
    }

    pub fn paths(&self) -> Vec<PathBuf> {
        let mut out: Vec<PathBuf> = self.candidates.keys().cloned().collect();
        out.sort();
        out
    }

    /// Decides about `path` given its `stat` now (`None`: not there).
    pub fn check(&mut self, path: &Path, stat: Option<Stat>, now: Instant) -> Verdict {
        let Some(c) = self.candidates.get_mut(path) else { return Verdict::Gone };
        let Some(stat) = stat else {
            self.candidates.remove(path);
            return Verdict::Gone;
        };
        if c.open && now.saturating_duration_since(c.last_event) < self.writer_timeout {
            return Verdict::Wait;
        }
        match c.looked {
            Some((before, at)) if before == stat => {
                if now.saturating_duration_since(at) >= self.settle {
                    Verdict::Ready
                } else {
                    Verdict::Wait
                }
            }
            _ => {
                c.looked = Some((stat, now));
                Verdict::Wait
            }
        }
    }

    /// The file was read and handled (or given up on): forget it.
    pub fn done(&mut self, path: &Path) {
        self.candidates.remove(path);
    }

    /// A read found the file still changing: settle again from `now`.
    pub fn unsettled(&mut self, path: &Path, now: Instant) {
        if let Some(c) = self.candidates.get_mut(path) {
            c.looked = None;
            c.last_event = now;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stat(len: u64, secs: u64) -> Option<Stat> {
        Some(Stat { len, modified: Some(SystemTime::UNIX_EPOCH + Duration::from_secs(secs)) })
    }

    const SETTLE: Duration = Duration::from_secs(1);

    #[test]
    fn a_file_growing_in_two_steps_is_not_ready_until_it_stops_changing() {
        let mut t = Tracker::new(SETTLE, Duration::from_secs(60), false);
        let (p, t0) = (Path::new("/in/a.csv"), Instant::now());
        let at = |ms: u64| t0 + Duration::from_millis(ms);
        t.observe(p, Seen::Present, t0);
        assert_eq!(t.check(p, stat(100, 1), at(0)), Verdict::Wait, "first look");
        assert_eq!(t.check(p, stat(200, 2), at(1500)), Verdict::Wait, "it grew: settle again");
        assert_eq!(t.check(p, stat(200, 2), at(2000)), Verdict::Wait, "same, but not for long enough");
        assert_eq!(t.check(p, stat(200, 2), at(2600)), Verdict::Ready);
    }

    #[test]
    fn a_file_held_open_by_its_writer_waits_for_the_close_even_when_it_looks_still() {
        let mut t = Tracker::new(SETTLE, Duration::from_secs(60), true);
        let (p, t0) = (Path::new("/in/a.csv"), Instant::now());
        let at = |s: u64| t0 + Duration::from_secs(s);
        t.observe(p, Seen::Created, t0);
        for s in 0..10 {
            assert_eq!(t.check(p, stat(100, 1), at(s)), Verdict::Wait, "open at {s}s");
        }
        t.observe(p, Seen::Closed, at(10));
        assert_eq!(t.check(p, stat(150, 2), at(10)), Verdict::Wait);
        assert_eq!(t.check(p, stat(150, 2), at(11)), Verdict::Ready);
    }

    #[test]
    fn a_writer_that_never_closes_is_given_up_on_after_the_timeout() {
        let mut t = Tracker::new(SETTLE, Duration::from_secs(30), true);
        let (p, t0) = (Path::new("/in/a.csv"), Instant::now());
        t.observe(p, Seen::Written, t0);
        assert_eq!(t.check(p, stat(5, 1), t0 + Duration::from_secs(29)), Verdict::Wait);
        assert_eq!(t.check(p, stat(5, 1), t0 + Duration::from_secs(31)), Verdict::Wait, "first look after the timeout");
        assert_eq!(t.check(p, stat(5, 1), t0 + Duration::from_secs(32)), Verdict::Ready);
    }

    #[test]
    fn without_close_events_a_created_file_only_has_to_settle() {
        let mut t = Tracker::new(SETTLE, Duration::from_secs(60), false);
        let (p, t0) = (Path::new("/in/a.csv"), Instant::now());
        t.observe(p, Seen::Created, t0);
        assert_eq!(t.check(p, stat(5, 1), t0), Verdict::Wait);
        assert_eq!(t.check(p, stat(5, 1), t0 + SETTLE), Verdict::Ready);
    }

    #[test]
    fn a_new_event_restarts_the_settling_and_a_vanished_file_is_forgotten() {
        let mut t = Tracker::new(SETTLE, Duration::from_secs(60), true);
        let (p, t0) = (Path::new("/in/a.csv"), Instant::now());
        t.observe(p, Seen::MovedIn, t0);
        assert_eq!(t.check(p, stat(5, 1), t0), Verdict::Wait);
        t.touch(p, t0 + Duration::from_millis(900));
        assert_eq!(t.check(p, stat(5, 1), t0 + Duration::from_millis(1100)), Verdict::Wait, "written again: open until closed");
        t.touch(Path::new("/in/other.csv"), t0);
        assert_eq!(t.paths(), vec![p.to_path_buf()], "a touch does not add a path");
        assert_eq!(t.check(p, None, t0 + Duration::from_secs(2)), Verdict::Gone);
        assert!(t.is_empty());
    }
}
