//! CJK font discovery and loading. A face is parsed ONCE into a [`FontFace`]: the file bytes
//! (kept for subsetting), metrics for the PDF font descriptor, and a dense code point → (glyph,
//! advance) table for the Basic Multilingual Plane so measuring text during layout is an array
//! lookup, with no locking and no re-parsing per document.
//!
//! Face choice inside a collection (.ttc) reads each face's name table and prefers the
//! Simplified Chinese face ("Noto Sans CJK SC", "PingFang SC"): Noto's JP face would draw
//! 门 直 骨 with Japanese shapes. Never a hard-coded face index.

use crate::error::{CoreError, CoreResult};
use std::path::{Path, PathBuf};
use super::cff::CffCache;
use std::sync::{Arc, Mutex};
use ttf_parser::{name_id, Face};

mod search;
pub use search::find_system_cjk_font;

/// Environment variable naming a font file that overrides discovery.
pub const FONT_ENV: &str = "DEALDESK_PDF_FONT";

/// What to install, per OS, when no CJK font is found.
pub fn missing_font_message() -> String {
    let hint = if cfg!(target_os = "windows") {
        "Microsoft YaHei (msyh.ttc) or SimSun (simsun.ttc) is normally in C:\\Windows\\Fonts; install the Chinese supplemental fonts (Settings › Apps › Optional features › Chinese (Simplified) Supplemental Fonts)"
    } else if cfg!(target_os = "macos") {
        "PingFang or STHeiti is normally in /System/Library/Fonts; install PingFang from Font Book or any Simplified Chinese font"
    } else {
        "install Noto Sans CJK (Debian/Ubuntu: apt install fonts-noto-cjk; Fedora: dnf install google-noto-sans-cjk-fonts) or WenQuanYi Micro Hei (apt install fonts-wqy-microhei)"
    };
    format!("no Chinese font was found for PDF documents: {hint}, or set a font file in Settings › PDF (or the {FONT_ENV} environment variable)")
}

/// One glyph: its id in the original font and its advance in font units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Glyph {
    pub gid: u16,
    pub advance: u16,
}

/// A parsed font face, ready for measuring and embedding. Cheap to share across threads.
pub struct FontFace {
    data: Arc<Vec<u8>>,
    index: u32,
    path: PathBuf,
    postscript_name: String,
    family: String,
    pub(crate) units_per_em: f32,
    pub(crate) ascender: f32,
    pub(crate) descender: f32,
    pub(crate) cap_height: f32,
    pub(crate) bbox: [i16; 4],
    pub(crate) weight: u16,
    pub(crate) is_cff: bool,
    /// BMP code point → `gid << 16 | advance`; 0 = not in the font.
    bmp: Vec<u32>,
    notdef_advance: u16,
    /// Flat charstrings of glyphs already used (CFF faces only), see `cff.rs`.
    cff_cache: Mutex<CffCache>,
}

impl std::fmt::Debug for FontFace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Not the font bytes or the glyph table: megabytes.
        f.debug_struct("FontFace").field("path", &self.path).field("index", &self.index).field("family", &self.family).finish()
    }
}

impl FontFace {
    /// Loads the best Simplified Chinese regular face of a font file.
    pub fn load(path: &Path) -> CoreResult<Self> {
        let data = read_font_file(path)?;
        let index = best_face(&data, false).ok_or_else(|| no_cjk_face(path))?;
        Self::from_data(data, index, path)
    }

    /// Parses face `index` of `data` (the whole file; collections keep every face).
    pub(crate) fn from_data(data: Arc<Vec<u8>>, index: u32, path: &Path) -> CoreResult<Self> {
        let face = Face::parse(&data, index).map_err(|e| bad_font(path, &e.to_string()))?;
        if face.glyph_index('中').is_none() {
            return Err(no_cjk_face(path));
        }
        let is_cff = face.tables().cff.is_some();
        if !is_cff && face.tables().glyf.is_none() {
            return Err(bad_font(path, "it has neither TrueType nor CFF outlines"));
        }
        let bmp = bmp_table(&face);
        let bb = face.global_bounding_box();
        let upem = f32::from(face.units_per_em());
        let ascender = f32::from(face.ascender());
        let cap_height = face.capital_height().map(f32::from).unwrap_or(ascender * 0.8);
        let notdef_advance = face.glyph_hor_advance(ttf_parser::GlyphId(0)).unwrap_or(0);
        let family = face_name(&face, name_id::TYPOGRAPHIC_FAMILY).or_else(|| face_name(&face, name_id::FAMILY)).unwrap_or_default();
        let postscript_name = face_name(&face, name_id::POST_SCRIPT_NAME)
            .map(|n| n.chars().filter(|c| c.is_ascii_graphic() && !"()<>[]{}/%#".contains(*c)).collect::<String>())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| "CJKFont".to_string());
        Ok(Self {
            index,
            path: path.to_path_buf(),
            postscript_name,
            family,
            units_per_em: upem,
            ascender: ascender / upem,
            descender: f32::from(face.descender()) / upem,
            cap_height: cap_height / upem,
            bbox: [bb.x_min, bb.y_min, bb.x_max, bb.y_max],
            weight: face.weight().to_number(),
            is_cff,
            bmp,
            notdef_advance,
            cff_cache: Mutex::new(CffCache::default()),
            data,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Family name as the font declares it (e.g. "Noto Sans CJK SC").
    pub fn family(&self) -> &str {
        &self.family
    }

    pub(crate) fn postscript_name(&self) -> &str {
        &self.postscript_name
    }

    pub(crate) fn data(&self) -> &[u8] {
        &self.data
    }

    pub(crate) fn index(&self) -> u32 {
        self.index
    }

    /// The CFF program (CID-keyed, no subroutines) for the glyphs of `remapper`.
    pub(crate) fn cff_subset(&self, remapper: &subsetter::GlyphRemapper) -> CoreResult<Vec<u8>> {
        let mut cache = self.cff_cache.lock().map_err(|_| CoreError::BadRequest("the PDF font cache is unusable after a failed render; restart DealDesk".into()))?;
        cache.subset(&self.data, self.index, remapper)
    }

    /// The glyph for `c`, or `.notdef` (gid 0) when the font lacks it.
    #[inline]
    pub(crate) fn glyph(&self, c: char) -> Glyph {
        let cp = c as usize;
        if let Some(&packed) = self.bmp.get(cp) {
            if packed != 0 {
                return Glyph { gid: (packed >> 16) as u16, advance: packed as u16 };
            }
            return Glyph { gid: 0, advance: self.notdef_advance };
        }
        // Outside the BMP: rare in business documents, looked up directly.
        Face::parse(&self.data, self.index)
            .ok()
            .and_then(|f| f.glyph_index(c).map(|g| Glyph { gid: g.0, advance: f.glyph_hor_advance(g).unwrap_or(0) }))
            .unwrap_or(Glyph { gid: 0, advance: self.notdef_advance })
    }

    /// Glyph advance in PDF text space (1/1000 em), for the `/W` array.
    pub(crate) fn pdf_width(&self, advance: u16) -> u32 {
        (f32::from(advance) * 1000.0 / self.units_per_em).round() as u32
    }
}

fn bmp_table(face: &Face) -> Vec<u32> {
    let mut table = vec![0u32; 0x10000];
    let Some(cmap) = face.tables().cmap else { return table };
    for sub in cmap.subtables.into_iter().filter(|s| s.is_unicode()) {
        sub.codepoints(|cp| {
            let Some(slot) = table.get_mut(cp as usize) else { return };
            if *slot != 0 {
                return;
            }
            if let Some(g) = sub.glyph_index(cp).filter(|g| g.0 != 0) {
                let adv = face.glyph_hor_advance(g).unwrap_or(0);
                *slot = (u32::from(g.0) << 16) | u32::from(adv);
            }
        });
    }
    table
}

fn face_name(face: &Face, id: u16) -> Option<String> {
    let names = face.names();
    // Prefer English (Windows, en-US) names, then any Unicode one.
    let mut fallback = None;
    for n in names.into_iter().filter(|n| n.name_id == id) {
        if let Some(s) = n.to_string() {
            if n.language_id == 0x0409 {
                return Some(s);
            }
            fallback.get_or_insert(s);
        }
    }
    fallback
}

/// Every name of a face that helps tell regional variants apart.
fn face_names(face: &Face) -> Vec<String> {
    let ids = [name_id::FAMILY, name_id::TYPOGRAPHIC_FAMILY, name_id::FULL_NAME, name_id::POST_SCRIPT_NAME];
    face.names().into_iter().filter(|n| ids.contains(&n.name_id)).filter_map(|n| n.to_string()).collect()
}

/// Scores a face for Simplified Chinese documents; `None` when it has no Chinese glyphs.
fn face_score(face: &Face, want_bold: bool) -> Option<i32> {
    if face.glyph_index('中').is_none() || face.glyph_index('门').is_none() {
        return None;
    }
    let mut score = 0;
    let names = face_names(face);
    let has_token = |tokens: &[&str]| {
        names.iter().any(|n| n.split(|c: char| !c.is_ascii_alphanumeric()).any(|t| tokens.iter().any(|k| t.eq_ignore_ascii_case(k))))
    };
    // Noto: "Noto Sans CJK SC"; PostScript "NotoSansCJKsc-Regular"; Source Han: "...SC".
    let ps_sc = names.iter().any(|n| n.contains("CJKsc") || n.contains("HanSansSC") || n.contains("HanSerifSC"));
    if has_token(&["SC", "GB", "CN"]) || ps_sc || names.iter().any(|n| n.contains('简')) {
        score += 100;
    }
    let ps_other = names.iter().any(|n| ["CJKjp", "CJKkr", "CJKtc", "CJKhk"].iter().any(|k| n.contains(k)));
    if has_token(&["TC", "HK", "JP", "KR", "J", "K", "TW"]) || ps_other {
        score -= 50;
    }
    if has_token(&["Mono", "UI"]) || names.iter().any(|n| n.starts_with("NSimSun")) {
        score -= 20;
    }
    let weight = i32::from(face.weight().to_number());
    score -= if want_bold { (700 - weight).abs() / 10 } else { (400 - weight).abs() / 10 };
    Some(score)
}

/// The best face index of a font file for Simplified Chinese.
fn best_face(data: &[u8], want_bold: bool) -> Option<u32> {
    let count = ttf_parser::fonts_in_collection(data).unwrap_or(1);
    (0..count)
        .filter_map(|i| Face::parse(data, i).ok().and_then(|f| face_score(&f, want_bold)).map(|s| (s, i)))
        // Highest score; on a tie the lower index (max_by_key keeps the last maximum).
        .max_by_key(|(s, i)| (*s, std::cmp::Reverse(*i)))
        .map(|(_, i)| i)
}

fn read_font_file(path: &Path) -> CoreResult<Arc<Vec<u8>>> {
    std::fs::read(path)
        .map(Arc::new)
        .map_err(|e| CoreError::BadRequest(format!("the PDF font {} cannot be read ({e}); choose another font in Settings › PDF", path.display())))
}

fn bad_font(path: &Path, why: &str) -> CoreError {
    CoreError::BadRequest(format!("the PDF font {} is not usable: {why}; choose another font in Settings › PDF", path.display()))
}

fn no_cjk_face(path: &Path) -> CoreError {
    bad_font(path, "it has no Chinese glyphs")
}

/// The regular face plus an optional bold face (bold is simulated with a stroke when absent).
#[derive(Debug)]
pub struct FontSet {
    pub regular: FontFace,
    pub bold: Option<FontFace>,
}

impl FontSet {
    /// `explicit` (Settings › PDF) wins, then `$DEALDESK_PDF_FONT`, then system discovery.
    pub fn load(explicit: Option<&Path>) -> CoreResult<Self> {
        let env = std::env::var_os(FONT_ENV).filter(|v| !v.is_empty()).map(PathBuf::from);
        let path = match explicit.map(Path::to_path_buf).or(env) {
            Some(p) => p,
            None => find_system_cjk_font().ok_or_else(|| CoreError::BadRequest(missing_font_message()))?,
        };
        Self::from_path(&path)
    }

    /// The regular face of `path`; bold is simulated (see [`FontSet::with_bold_face`]).
    pub fn from_path(path: &Path) -> CoreResult<Self> {
        let data = read_font_file(path)?;
        let index = best_face(&data, false).ok_or_else(|| no_cjk_face(path))?;
        let regular = FontFace::from_data(data, index, path)?;
        Ok(Self { regular, bold: None })
    }

    /// Also loads a real bold face (same collection, or a sibling file such as
    /// NotoSansCJK-Bold.ttc or msyhbd.ttc) when there is one. Labels then print in true bold,
    /// at the cost of a second embedded subset: ~9 KB more per quote, which breaks the 60 KB
    /// budget of a 60-line quote, hence off by default (bold is a stroked regular face).
    pub fn with_bold_face(mut self) -> Self {
        let data = self.regular.data.clone();
        self.bold = find_bold(&self.regular, &data);
        self
    }

    pub(crate) fn face(&self, bold: bool) -> &FontFace {
        match (&self.bold, bold) {
            (Some(b), true) => b,
            _ => &self.regular,
        }
    }
}

fn find_bold(regular: &FontFace, data: &Arc<Vec<u8>>) -> Option<FontFace> {
    // Same collection (PingFang.ttc holds every weight).
    if let Some(i) = best_face(data, true).filter(|&i| i != regular.index) {
        if let Ok(face) = FontFace::from_data(data.clone(), i, &regular.path) {
            if face.weight >= 600 && face.family == regular.family {
                return Some(face);
            }
        }
    }
    let name = regular.path.file_name()?.to_str()?;
    let dir = regular.path.parent()?;
    let siblings = [
        name.replace("Regular", "Bold"),
        name.replace("regular", "bold"),
        name.replace("Light", "Medium"),
        name.replace("msyh.", "msyhbd."),
    ];
    siblings.iter().filter(|s| s.as_str() != name).map(|s| dir.join(s)).filter(|p| p.is_file()).find_map(|p| {
        let data = std::fs::read(&p).ok().map(Arc::new)?;
        let i = best_face(&data, true)?;
        FontFace::from_data(data, i, &p).ok().filter(|f| f.weight >= 600)
    })
}
