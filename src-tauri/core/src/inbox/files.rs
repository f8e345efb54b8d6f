//! The inbox on disk: which paths are reports to import (CSV/TSV/TXT/XLSX directly in the
//! inbox, or directly in a partner's sub-folder; never inside `imported/` or `rejected/`, never
//! hidden, temporary or lock files), moving a handled file without overwriting anything, and
//! the `<name>.errors.txt` that explains a rejection.

use crate::error::{CoreError, CoreResult};
use std::path::{Component, Path, PathBuf};

pub const IMPORTED: &str = "imported";
pub const REJECTED: &str = "rejected";

/// Where a report sits: the shared folder, or the folder of one partner (by code).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    pub path: PathBuf,
    /// `Some(code)` for `<inbox>/<code>/file`.
    pub partner: Option<String>,
    /// The folder the file is in (the inbox or the partner's sub-folder).
    pub dir: PathBuf,
    pub file_name: String,
}

fn is_report_name(name: &str) -> bool {
    let lower = name.to_lowercase();
    let temporary = name.starts_with('.') || name.starts_with("~$") || name.starts_with(".~lock") || lower.ends_with(".errors.txt");
    let report = [".csv", ".tsv", ".txt", ".xlsx"].iter().any(|ext| lower.ends_with(ext));
    report && !temporary
}

/// Whether `path` is a report this inbox (rooted at `root`) imports, and where it sits.
pub fn classify(root: &Path, path: &Path) -> Option<Placed> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Vec<&str> = rel.components().map(|c| if let Component::Normal(s) = c { s.to_str() } else { None }).collect::<Option<_>>()?;
    let (partner, file_name) = match parts.as_slice() {
        [file] => (None, *file),
        [dir, file] if !matches!(*dir, IMPORTED | REJECTED) && !dir.starts_with('.') => (Some((*dir).to_string()), *file),
        _ => return None,
    };
    if !is_report_name(file_name) {
        return None;
    }
    let dir = match &partner {
        Some(p) => root.join(p),
        None => root.to_path_buf(),
    };
    Some(Placed { path: path.to_path_buf(), partner, dir, file_name: file_name.to_string() })
}

/// Every report in the inbox now (the shared folder and each partner's folder), by path.
pub fn scan(root: &Path) -> Vec<Placed> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(root) else { return out };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else { continue };
        if kind.is_file() {
            out.extend(classify(root, &path));
        } else if kind.is_dir() {
            if let Ok(inner) = std::fs::read_dir(&path) {
                out.extend(inner.flatten().filter(|e| e.file_type().is_ok_and(|k| k.is_file())).filter_map(|e| classify(root, &e.path())));
            }
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// A name in `dir` that is not taken: `name`, else `stem (2).ext`, `stem (3).ext`, …
/// An errors file beside a rejected file counts as taken too.
fn free_name(dir: &Path, name: &str) -> PathBuf {
    let taken = |n: &str| dir.join(n).exists() || dir.join(format!("{n}.errors.txt")).exists();
    if !taken(name) {
        return dir.join(name);
    }
    let (stem, ext) = match name.rfind('.') {
        Some(i) if i > 0 => (&name[..i], &name[i..]),
        _ => (name, ""),
    };
    (2..)
        .map(|n| format!("{stem} ({n}){ext}"))
        .find(|n| !taken(n))
        .map(|n| dir.join(n))
        .unwrap_or_else(|| dir.join(format!("{stem}-{}{ext}", crate::ids::new_row_id())))
}

/// Moves `from` into `<dir>/<sub>/` under a free name (a rename: same folder tree, so the file
/// is never half there). Returns the new path.
pub fn move_into(from: &Path, dir: &Path, sub: &str) -> CoreResult<PathBuf> {
    let target_dir = dir.join(sub);
    std::fs::create_dir_all(&target_dir).map_err(|e| CoreError::io(format!("cannot create {}", target_dir.display()), e))?;
    let name = from.file_name().and_then(|n| n.to_str()).unwrap_or("report");
    let to = free_name(&target_dir, name);
    std::fs::rename(from, &to).map_err(|e| CoreError::io(format!("cannot move {} to {}", from.display(), to.display()), e))?;
    Ok(to)
}

/// Writes `<moved file>.errors.txt` beside a rejected file (temp file, then rename).
pub fn write_errors(moved: &Path, text: &str) -> CoreResult<PathBuf> {
    let mut name = moved.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".errors.txt");
    let path = moved.with_file_name(name);
    crate::pdf::write_atomically(&path, text.as_bytes())?;
    Ok(path)
}

/// The errors file's text: what happened and, for a rejected import, one line per problem
/// naming row, column, value and reason (values of personal columns are already masked).
pub fn errors_text(file_name: &str, error: &CoreError) -> String {
    let mut out = format!("DealDesk inbox: {file_name} was not imported (nothing from it was written).\n");
    match error {
        CoreError::ImportRejected(r) => {
            let total = r.problems.len() as u64 + u64::from(r.more);
            out.push_str(&format!("{total} problem(s):\n"));
            for p in &r.problems {
                out.push_str(&format!("row {}, column {}, value '{}': {}\n", p.row, p.column, p.value, p.message));
            }
            if r.more > 0 {
                out.push_str(&format!("… and {} more\n", r.more));
            }
        }
        other => out.push_str(&format!("{other}\n")),
    }
    out.push_str("Fix the file and drop it into the inbox again.\n");
    out
}

/// `path` relative to `root` with `/` separators, as events show it.
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components().filter_map(|c| c.as_os_str().to_str()).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_are_files_in_the_inbox_or_a_partner_folder_and_nothing_else() {
        let root = Path::new("/in");
        let c = |p: &str| classify(root, Path::new(p)).map(|x| (x.partner, x.file_name));
        assert_eq!(c("/in/july.csv"), Some((None, "july.csv".into())));
        assert_eq!(c("/in/D001/July.XLSX"), Some((Some("D001".into()), "July.XLSX".into())));
        for ignored in ["/in/imported/july.csv", "/in/rejected/july.csv", "/in/D001/imported/a.csv", "/in/a/b/c.csv", "/in/.hidden.csv", "/in/~$july.xlsx", "/in/july.csv.errors.txt", "/in/july.pdf", "/other/july.csv"] {
            assert_eq!(c(ignored), None, "{ignored}");
        }
    }

    #[test]
    fn a_move_never_overwrites_and_the_errors_file_sits_beside_the_moved_file() {
        let dir = tempfile::tempdir().expect("tmp");
        for _ in 0..3 {
            let f = dir.path().join("a.csv");
            std::fs::write(&f, "x").expect("write");
            let moved = move_into(&f, dir.path(), REJECTED).expect("move");
            write_errors(&moved, "row 2").expect("errors");
        }
        let mut names: Vec<String> = std::fs::read_dir(dir.path().join(REJECTED)).expect("dir").flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        assert_eq!(names, ["a (2).csv", "a (2).csv.errors.txt", "a (3).csv", "a (3).csv.errors.txt", "a.csv", "a.csv.errors.txt"]);
    }
}
