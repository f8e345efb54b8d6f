//! What the kill-harness tests share: the real CLI on a given database with its output
//! discarded, and a small seeded generator for reproducible kill moments.

use std::path::Path;
use std::process::{Command, Stdio};

/// The real binary on `db`, output discarded (a killed child must not block on a pipe).
/// `DEALDESK_KILL_BIN` runs a copy instead, so a long run is not disturbed by a rebuild.
pub fn dealdesk(db: &Path) -> Command {
    let bin = std::env::var_os("DEALDESK_KILL_BIN").unwrap_or_else(|| env!("CARGO_BIN_EXE_dealdesk").into());
    let mut cmd = Command::new(bin);
    cmd.arg("--db").arg(db).env_remove("DEALDESK_DB").env("DEALDESK_DATA_DIR", db.parent().expect("dir"));
    cmd.stdout(Stdio::null()).stderr(Stdio::null());
    cmd
}

/// Runs the CLI to completion and fails with its error output if it does not succeed.
pub fn run_ok(db: &Path, args: &[&str]) -> String {
    let out = dealdesk(db).args(args).stdout(Stdio::piped()).stderr(Stdio::piped()).output().expect("run");
    assert!(out.status.success(), "dealdesk {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Trials per scenario: `DEALDESK_KILL_TRIALS` (the full run uses 50), 6 by default.
pub fn trials() -> u64 {
    std::env::var("DEALDESK_KILL_TRIALS").ok().and_then(|v| v.parse().ok()).unwrap_or(6)
}

/// The seed of the kill moments: `DEALDESK_KILL_SEED`, or a fixed one.
pub fn seed() -> u64 {
    std::env::var("DEALDESK_KILL_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(20_261_122)
}

/// A small deterministic generator: the trials' kill moments, reproducible from the seed.
pub struct Lcg(pub u64);

impl Lcg {
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n.max(1)
    }
}
