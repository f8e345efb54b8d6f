//! Page content streams. Coordinates are points from the TOP-left corner (layout thinks top
//! down); they are flipped to PDF's bottom-up space when written. Text is written as 2-byte
//! glyph ids of the per-document subset (Identity-H), and every glyph used is recorded with
//! its character so the writer can emit the subset, the `/W` widths and a ToUnicode CMap
//! (which is what makes `pdftotext` return the Chinese exactly).

use super::fonts::{FontFace, FontSet};
use super::image::Image;
use super::text::{measure, space_extra};
use std::io::Write;
use std::sync::Arc;
use subsetter::GlyphRemapper;

mod ops;
pub(crate) use ops::{num, num_precise};
use ops::{push_gid, PathOps};

/// How a run of text looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct TextStyle {
    pub size: f32,
    /// The bold face (stroked regular when there is none): for labels, a fixed vocabulary.
    pub bold: bool,
    /// Stroked regular face: for emphasised DATA (names, amount in words). Its characters vary
    /// per document and are mostly in the regular subset already, so drawing them from the
    /// bold face would embed a second copy of those glyphs (~15 KB per 60-line quote).
    pub emphasis: bool,
    /// 0 = black, 1 = white.
    pub gray: f32,
}

impl TextStyle {
    pub const fn new(size: f32) -> Self {
        Self { size, bold: false, emphasis: false, gray: 0.0 }
    }
    pub const fn bold(self) -> Self {
        Self { bold: true, ..self }
    }
    pub const fn emphasis(self) -> Self {
        Self { emphasis: true, ..self }
    }
    pub const fn gray(self, gray: f32) -> Self {
        Self { gray, ..self }
    }
}

/// Glyphs of one font used by a document, in subset order (new gid = index).
pub(crate) struct GlyphUse {
    pub remapper: GlyphRemapper,
    /// Per new gid: the character it shows and its advance (font units).
    pub glyphs: Vec<(char, u16)>,
}

impl GlyphUse {
    fn new(face: &FontFace) -> Self {
        let notdef = face.glyph('\u{FFFF}');
        Self { remapper: GlyphRemapper::new(), glyphs: vec![('\u{FFFD}', notdef.advance)] }
    }

    #[inline]
    fn map(&mut self, face: &FontFace, c: char) -> u16 {
        let g = face.glyph(c);
        let new = self.remapper.remap(g.gid);
        if usize::from(new) == self.glyphs.len() {
            self.glyphs.push((c, g.advance));
        }
        new
    }
}

/// One page's content, kept as two streams: graphics (watermark, rules, fills, images) and
/// text. The page content is the graphics followed by ONE text object, so text always sits on
/// top, and text state (font, size, colour, render mode) is only written when it changes:
/// this halves the content stream compared with one `BT … ET` per run.
#[derive(Default)]
pub(crate) struct Page {
    gfx: Vec<u8>,
    text: Vec<u8>,
    font: Option<(usize, i64)>,
    fill: Option<i64>,
    mode: u8,
    stroke: Option<(i64, i64)>,
    gfx_stroke: Option<(i64, i64)>,
    gfx_fill: Option<i64>,
}

impl Page {
    pub fn content(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.gfx.len() + self.text.len() + 8);
        out.extend_from_slice(&self.gfx);
        if !self.text.is_empty() {
            out.extend_from_slice(b"BT\n");
            out.extend_from_slice(&self.text);
            out.extend_from_slice(b"ET\n");
        }
        out
    }

    fn gfx_stroke(&mut self, gray_level: f32, width: f32) {
        let key = (cents(gray_level), cents(width));
        if self.gfx_stroke != Some(key) {
            num(&mut self.gfx, gray_level);
            self.gfx.extend_from_slice(b" G ");
            num(&mut self.gfx, width);
            self.gfx.extend_from_slice(b" w\n");
            self.gfx_stroke = Some(key);
        }
    }

    fn gfx_fill(&mut self, gray_level: f32) {
        if self.gfx_fill != Some(cents(gray_level)) {
            num(&mut self.gfx, gray_level);
            self.gfx.extend_from_slice(b" g\n");
            self.gfx_fill = Some(cents(gray_level));
        }
    }
}

fn cents(v: f32) -> i64 {
    (v * 100.0).round() as i64
}

/// Text render modes used: fill, fill + stroke (simulated bold), invisible.
const MODE_FILL: u8 = 0;
const MODE_BOLD: u8 = 2;
const MODE_HIDDEN: u8 = 3;

/// The pages of a document being drawn, plus the fonts and images they use.
pub(crate) struct Canvas<'f> {
    pub fonts: &'f FontSet,
    /// `[regular, bold]`; the bold entry stays empty when bold is simulated.
    pub used: [GlyphUse; 2],
    pub pages: Vec<Page>,
    pub images: Vec<Arc<Image>>,
    pub width: f32,
    pub height: f32,
    current: usize,
}

impl<'f> Canvas<'f> {
    pub fn new(fonts: &'f FontSet, width: f32, height: f32) -> Self {
        let bold_face = fonts.bold.as_ref().unwrap_or(&fonts.regular);
        Self {
            fonts,
            used: [GlyphUse::new(&fonts.regular), GlyphUse::new(bold_face)],
            pages: Vec::new(),
            images: Vec::new(),
            width,
            height,
            current: 0,
        }
    }

    pub fn add_page(&mut self) {
        self.pages.push(Page { gfx: Vec::with_capacity(4096), text: Vec::with_capacity(16 * 1024), ..Page::default() });
        self.current = self.pages.len() - 1;
    }

    pub fn select_page(&mut self, index: usize) {
        self.current = index.min(self.pages.len().saturating_sub(1));
    }

    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.add_page();
        }
        let i = self.current;
        &mut self.pages[i]
    }

    pub fn face(&self, style: &TextStyle) -> &'f FontFace {
        self.fonts.face(style.bold && !style.emphasis)
    }

    /// Width of `text` in `style`.
    pub fn width(&self, text: &str, style: &TextStyle) -> f32 {
        measure(self.face(style), style.size, text)
    }

    /// Draws `text` with its baseline at `baseline` (from the top) starting at `x`.
    pub fn text(&mut self, x: f32, baseline: f32, text: &str, style: &TextStyle) {
        self.show(text, style, x, self.height - baseline, false);
    }

    /// Draws `text` right-aligned so it ends at `right`.
    pub fn text_right(&mut self, right: f32, baseline: f32, text: &str, style: &TextStyle) {
        let w = self.width(text, style);
        self.text(right - w, baseline, text, style);
    }

    /// Draws `text` centred on `center`.
    pub fn text_center(&mut self, center: f32, baseline: f32, text: &str, style: &TextStyle) {
        let w = self.width(text, style);
        self.text(center - w / 2.0, baseline, text, style);
    }

    /// Invisible text (render mode 3): found by search and text extraction, never seen.
    pub fn text_hidden(&mut self, x: f32, baseline: f32, text: &str, style: &TextStyle) {
        self.show(text, style, x, self.height - baseline, true);
    }

    /// One text run at PDF position (x, y): `(gids) Tj`, or `[(gids) -176 (gids)] TJ` when
    /// CJK-adjacent spaces are widened (see `text::space_extra`).
    fn show(&mut self, text: &str, style: &TextStyle, x: f32, y: f32, hidden: bool) {
        if text.is_empty() {
            return;
        }
        let real_bold = style.bold && !style.emphasis && self.fonts.bold.is_some();
        let slot = usize::from(real_bold);
        let face = self.fonts.face(real_bold);
        let simulated_bold = (style.bold || style.emphasis) && !real_bold;
        let mut run = Vec::with_capacity(text.len() * 2 + 16);
        run.extend_from_slice(b"[(");
        let mut adjusted = false;
        let mut prev = None;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            let gid = self.used[slot].map(face, c);
            push_gid(&mut run, gid);
            if c == ' ' {
                let extra = space_extra(face, prev, chars.peek().copied());
                if extra > 0.0 {
                    adjusted = true;
                    let _ = write!(run, ") {} (", -(extra * 1000.0 / face.units_per_em).round() as i32);
                }
            }
            prev = Some(c);
        }
        run.push(b')');

        let page = self.page();
        let t = &mut page.text;
        let font = (slot, cents(style.size));
        if page.font != Some(font) {
            let _ = write!(t, "/F{slot} ");
            num(t, style.size);
            t.extend_from_slice(b" Tf\n");
            page.font = Some(font);
        }
        let fill = cents(style.gray);
        if page.fill != Some(fill) {
            num(t, style.gray);
            t.extend_from_slice(b" g\n");
            page.fill = Some(fill);
        }
        let mode = if hidden {
            MODE_HIDDEN
        } else if simulated_bold {
            MODE_BOLD
        } else {
            MODE_FILL
        };
        if mode == MODE_BOLD {
            let stroke = (fill, cents(style.size * 0.035));
            if page.stroke != Some(stroke) {
                num(t, style.gray);
                t.extend_from_slice(b" G ");
                num(t, style.size * 0.035);
                t.extend_from_slice(b" w\n");
                page.stroke = Some(stroke);
            }
        }
        if page.mode != mode {
            let _ = writeln!(t, "{mode} Tr");
            page.mode = mode;
        }
        t.extend_from_slice(b"1 0 0 1 ");
        num(t, x);
        t.push(b' ');
        num(t, y);
        t.extend_from_slice(b" Tm ");
        if adjusted {
            t.extend_from_slice(&run);
            t.extend_from_slice(b"] TJ\n");
        } else {
            t.extend_from_slice(&run[1..]);
            t.extend_from_slice(b" Tj\n");
        }
    }

    /// Fills the glyph outlines of `text` at `size` under the PDF-space matrix `m` (drawn as
    /// graphics, behind all text).
    pub fn outlined_text(&mut self, text: &str, style: &TextStyle, size: f32, m: [f32; 6], gray_level: f32) {
        let face = self.face(style);
        let Ok(parsed) = ttf_parser::Face::parse(face.data(), face.index()) else { return };
        let mut path = PathOps { buf: Vec::with_capacity(4096), dx: 0.0, last: (0.0, 0.0) };
        let mut prev = None;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            let g = face.glyph(c);
            parsed.outline_glyph(ttf_parser::GlyphId(g.gid), &mut path);
            path.dx += f32::from(g.advance);
            if c == ' ' {
                path.dx += space_extra(face, prev, chars.peek().copied());
            }
            prev = Some(c);
        }
        let scale = size / face.units_per_em;
        let page = self.page();
        let buf = &mut page.gfx;
        buf.extend_from_slice(b"q ");
        num(buf, gray_level);
        buf.extend_from_slice(b" g ");
        for v in m {
            num_precise(buf, v);
            buf.push(b' ');
        }
        buf.extend_from_slice(b"cm ");
        for v in [scale, 0.0, 0.0, scale, 0.0, 0.0] {
            num_precise(buf, v);
            buf.push(b' ');
        }
        buf.extend_from_slice(b"cm\n");
        buf.extend_from_slice(&path.buf);
        buf.extend_from_slice(b"f Q\n");
    }

    /// A straight line from (x1, y1) to (x2, y2), top-down coordinates.
    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width: f32, gray_level: f32) {
        let h = self.height;
        let page = self.page();
        page.gfx_stroke(gray_level, width);
        let buf = &mut page.gfx;
        for v in [x1, h - y1] {
            num(buf, v);
            buf.push(b' ');
        }
        buf.extend_from_slice(b"m ");
        for v in [x2, h - y2] {
            num(buf, v);
            buf.push(b' ');
        }
        buf.extend_from_slice(b"l S\n");
    }

    /// A filled rectangle with its top-left corner at (x, y).
    pub fn fill_rect(&mut self, x: f32, y: f32, w: f32, h: f32, gray_level: f32) {
        let ph = self.height;
        let page = self.page();
        page.gfx_fill(gray_level);
        let buf = &mut page.gfx;
        for v in [x, ph - y - h, w, h] {
            num(buf, v);
            buf.push(b' ');
        }
        buf.extend_from_slice(b"re f\n");
    }

    /// A stroked rectangle `[x, y, w, h]` (top-left corner at x, y), optionally dashed.
    pub fn stroke_rect(&mut self, [x, y, w, h]: [f32; 4], width: f32, gray_level: f32, dashed: bool) {
        let ph = self.height;
        let page = self.page();
        page.gfx_stroke(gray_level, width);
        let buf = &mut page.gfx;
        if dashed {
            buf.extend_from_slice(b"[3 2] 0 d ");
        }
        for v in [x, ph - y - h, w, h] {
            num(buf, v);
            buf.push(b' ');
        }
        buf.extend_from_slice(if dashed { b"re S [] 0 d\n" } else { b"re S\n" });
    }

    /// Places `image` in the box with top-left (x, y), size w × h.
    pub fn image(&mut self, image: &Arc<Image>, x: f32, y: f32, w: f32, h: f32) {
        let index = match self.images.iter().position(|i| Arc::ptr_eq(i, image)) {
            Some(i) => i,
            None => {
                self.images.push(image.clone());
                self.images.len() - 1
            }
        };
        let ph = self.height;
        let buf = &mut self.page().gfx;
        buf.extend_from_slice(b"q ");
        for v in [w, 0.0, 0.0, h, x, ph - y - h] {
            num(buf, v);
            buf.push(b' ');
        }
        let _ = writeln!(buf, "cm /Im{index} Do Q");
    }
}
