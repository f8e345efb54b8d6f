//! Where a Chinese font is looked for when none is configured: the well-known files of the
//! running OS first, then a shallow walk of its font folders for a name that looks CJK.

use super::best_face;
use std::path::{Path, PathBuf};

/// Well-known Chinese font files of the running OS, most preferred first.
fn well_known_fonts() -> Vec<PathBuf> {
    let mut out = Vec::new();
    if cfg!(target_os = "windows") {
        let win = std::env::var_os("WINDIR").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("C:\\Windows"));
        for f in ["msyh.ttc", "msyh.ttf", "simsun.ttc", "simhei.ttf", "Deng.ttf"] {
            out.push(win.join("Fonts").join(f));
        }
        if let Some(local) = std::env::var_os("LOCALAPPDATA") {
            out.push(PathBuf::from(local).join("Microsoft\\Windows\\Fonts\\msyh.ttc"));
        }
    } else if cfg!(target_os = "macos") {
        out.push(PathBuf::from("/System/Library/Fonts/PingFang.ttc"));
        out.extend(find_in_dir(Path::new("/System/Library/AssetsV2"), 5, &|n| n == "pingfang.ttc"));
        for f in ["STHeiti Light.ttc", "STHeiti Medium.ttc", "Hiragino Sans GB.ttc", "Supplemental/Songti.ttc"] {
            out.push(Path::new("/System/Library/Fonts").join(f));
        }
        out.push(PathBuf::from("/Library/Fonts/Arial Unicode.ttf"));
    } else {
        for f in [
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        ] {
            out.push(PathBuf::from(f));
        }
    }
    out
}

/// Directories scanned (recursively) when no well-known file exists.
fn font_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if cfg!(target_os = "windows") {
        let win = std::env::var_os("WINDIR").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("C:\\Windows"));
        dirs.push(win.join("Fonts"));
    } else if cfg!(target_os = "macos") {
        dirs.extend(["/System/Library/Fonts", "/Library/Fonts"].map(PathBuf::from));
        if let Some(home) = dirs::home_dir() {
            dirs.push(home.join("Library/Fonts"));
        }
    } else {
        dirs.extend(["/usr/share/fonts", "/usr/local/share/fonts"].map(PathBuf::from));
        if let Some(home) = dirs::home_dir() {
            dirs.push(home.join(".local/share/fonts"));
            dirs.push(home.join(".fonts"));
        }
    }
    dirs
}

fn looks_cjk(lower_name: &str) -> bool {
    const HINTS: &[&str] = &[
        "cjk", "wqy", "wenquanyi", "sourcehan", "source-han", "hansans", "droidsansfallback", "uming", "ukai", "msyh", "simsun",
        "simhei", "pingfang", "heiti", "songti", "hiragino sans gb", "notosanssc", "notoserifsc", "sarasa", "lxgw", "fangzheng",
    ];
    let is_font = [".ttf", ".ttc", ".otf", ".otc"].iter().any(|e| lower_name.ends_with(e));
    is_font && HINTS.iter().any(|h| lower_name.contains(h))
}

fn find_in_dir(dir: &Path, depth: u32, want: &dyn Fn(&str) -> bool) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return out };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            if depth > 0 {
                out.extend(find_in_dir(&path, depth - 1, want));
            }
        } else if let Some(name) = path.file_name().and_then(|n| n.to_str()) {
            if want(&name.to_lowercase()) {
                out.push(path);
            }
        }
    }
    out
}

/// A Chinese-capable font file on this machine: well-known locations first, then a recursive
/// scan of the OS font folders for CJK font names (Sans before Serif, Regular before Bold).
pub fn find_system_cjk_font() -> Option<PathBuf> {
    if let Some(p) = well_known_fonts().into_iter().find(|p| p.is_file()) {
        return Some(p);
    }
    let mut found: Vec<PathBuf> = font_dirs().iter().flat_map(|d| find_in_dir(d, 6, &looks_cjk)).collect();
    let rank = |p: &PathBuf| {
        let n = p.file_name().and_then(|n| n.to_str()).unwrap_or("").to_lowercase();
        (n.contains("serif") || n.contains("ming") || n.contains("song"), n.contains("bold") || n.contains("mono"), n)
    };
    found.sort_by_key(rank);
    found.into_iter().find(|p| std::fs::read(p).ok().and_then(|d| best_face(&d, false)).is_some())
}
