//! Progress of long jobs (imports, demo data): the window passes a channel, the CLI a bar.

/// Receives `done` of `total` units of work. Implementations must be cheap: callers report
/// at most every few hundred rows.
pub trait Progress: Send + Sync {
    fn report(&self, done: u64, total: u64);
}

/// For callers that do not show progress.
pub struct NoProgress;

impl Progress for NoProgress {
    fn report(&self, _done: u64, _total: u64) {}
}

impl<F: Fn(u64, u64) + Send + Sync> Progress for F {
    fn report(&self, done: u64, total: u64) {
        self(done, total)
    }
}
