//! A folder of generated files (a batch of quote PDFs, a run's statement PDFs) that appears
//! whole or not at all: files are written into a hidden staging folder beside the target and
//! the folder is renamed into place when the last one is written, so an error or a kill
//! leaves no partial set. A target that already holds files gets a new timestamped subfolder.

use crate::error::{CoreError, CoreResult};
use std::path::{Path, PathBuf};

const STAGING_PREFIX: &str = ".dealdesk-render-";

/// A batch being written; dropped without [`StagedFolder::finish`], it leaves nothing.
pub struct StagedFolder {
    target: PathBuf,
    staging: tempfile::TempDir,
    names: Vec<String>,
}

/// Where a batch lands: `out_dir` itself when it is new or empty, else a new subfolder
/// `<label>-<UTC time>` inside it, so the batch can appear in one rename.
fn batch_target(out_dir: &Path, label: &str) -> CoreResult<PathBuf> {
    let empty = match std::fs::read_dir(out_dir) {
        Ok(mut entries) => entries.next().is_none(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => true,
        Err(e) => return Err(CoreError::io(format!("cannot read {}", out_dir.display()), e)),
    };
    if empty {
        Ok(out_dir.to_path_buf())
    } else {
        Ok(out_dir.join(format!("{label}-{}", chrono::Utc::now().format("%Y%m%d-%H%M%S"))))
    }
}

/// Staging folders left by a batch that was killed: removed when older than an hour.
fn remove_stale_staging(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let stale = entry.file_name().to_string_lossy().starts_with(STAGING_PREFIX)
            && entry.metadata().and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok()).is_some_and(|age| age.as_secs() > 3600);
        if stale {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

impl StagedFolder {
    /// Starts a batch for `out_dir` (`label` names the subfolder if `out_dir` holds files).
    pub fn begin(out_dir: &Path, label: &str) -> CoreResult<Self> {
        let target = batch_target(out_dir, label)?;
        let parent = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent).map_err(|e| CoreError::io(format!("cannot create {}", parent.display()), e))?;
        remove_stale_staging(parent);
        let staging = tempfile::Builder::new()
            .prefix(STAGING_PREFIX)
            .tempdir_in(parent)
            .map_err(|e| CoreError::io(format!("cannot write in {}", parent.display()), e))?;
        Ok(Self { target, staging, names: Vec::new() })
    }

    /// Adds one file (`name` is a plain file name chosen by DealDesk, not by the user).
    pub fn write(&mut self, name: &str, bytes: &[u8]) -> CoreResult<()> {
        crate::pdf::write_atomically(&self.staging.path().join(name), bytes)?;
        self.names.push(name.to_string());
        Ok(())
    }

    /// Renames the batch into place; returns the folder and its files.
    pub fn finish(self) -> CoreResult<(PathBuf, Vec<PathBuf>)> {
        let target = self.target;
        if target.is_dir() {
            // An existing empty folder: replaced by the staged one.
            std::fs::remove_dir(&target).map_err(|e| CoreError::io(format!("cannot replace {}", target.display()), e))?;
        }
        let staged = self.staging.keep();
        std::fs::rename(&staged, &target).map_err(|e| CoreError::io(format!("cannot write {}", target.display()), e))?;
        let files = self.names.iter().map(|n| target.join(n)).collect();
        Ok((target, files))
    }
}

/// A file-name-safe form of `stem`: letters, digits, `-` and `_` kept, the rest `_`.
pub fn safe_file_stem(stem: &str) -> String {
    stem.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect()
}
