//! Page flow and tables that break across pages. [`Flow`] keeps the cursor on the current
//! page and opens new pages (watermark first, so it sits behind everything; a running header
//! on continuation pages). Nothing is drawn below `body_bottom`: the footer zone under it is
//! filled only after layout, when the page count is known ("第 x 页 / 共 y 页").
//!
//! [`Table`] repeats its header on every page and never splits a row, except a row taller
//! than a whole page body: that one is split at line boundaries and each continuation starts
//! with a marker line ("(续 cont.)") in the marker column, the row number repeated, so a
//! reader can follow it. Splitting is the only way to print such a row at all, and a marker
//! keeps the continuation from being read as a new line item.

use super::canvas::{Canvas, TextStyle};
use super::text::{measure, wrap};
use std::ops::Range;

/// Page size and margins in points (top-down coordinates).
#[derive(Debug, Clone, Copy)]
pub(crate) struct PageGeom {
    pub width: f32,
    pub height: f32,
    pub left: f32,
    pub right: f32,
    pub top: f32,
    /// Content never goes below this y; the footer lives underneath.
    pub body_bottom: f32,
}

impl PageGeom {
    pub fn new(width: f32, height: f32) -> Self {
        Self { width, height, left: 40.0, right: width - 40.0, top: 36.0, body_bottom: height - 48.0 }
    }

    pub fn body_width(&self) -> f32 {
        self.right - self.left
    }
}

/// What every new page gets before its content.
#[derive(Debug, Default, Clone)]
pub(crate) struct PageDecor {
    pub watermark: Option<String>,
    /// Running header on pages 2+: (left text, right text).
    pub running: Option<(String, String)>,
}

pub(crate) struct Flow<'f> {
    pub canvas: Canvas<'f>,
    pub geom: PageGeom,
    pub decor: PageDecor,
    pub y: f32,
}

/// Vertical metrics of a text line box.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LineBox {
    pub style: TextStyle,
    pub height: f32,
}

impl LineBox {
    pub const fn new(style: TextStyle, height: f32) -> Self {
        Self { style, height }
    }
}

impl<'f> Flow<'f> {
    pub fn new(canvas: Canvas<'f>, geom: PageGeom, decor: PageDecor) -> Self {
        let mut flow = Self { canvas, geom, decor, y: geom.top };
        flow.new_page();
        flow
    }

    pub fn new_page(&mut self) {
        self.canvas.add_page();
        if let Some(mark) = self.decor.watermark.clone() {
            self.watermark(&mark);
        }
        self.y = self.geom.top;
        if self.canvas.page_count() > 1 {
            if let Some((left, right)) = self.decor.running.clone() {
                let style = TextStyle::new(7.5).gray(0.35);
                let base = self.y + 8.0;
                self.canvas.text(self.geom.left, base, &left, &style);
                self.canvas.text_right(self.geom.right, base, &right, &style);
                self.canvas.line(self.geom.left, base + 4.0, self.geom.right, base + 4.0, 0.5, 0.6);
                self.y = base + 14.0;
            }
        }
    }

    /// Space left on this page above the footer zone.
    pub fn remaining(&self) -> f32 {
        self.geom.body_bottom - self.y
    }

    /// Height a fresh page offers (after the running header).
    pub fn page_capacity(&self) -> f32 {
        let running = if self.decor.running.is_some() { 22.0 } else { 0.0 };
        self.geom.body_bottom - self.geom.top - running
    }

    /// Opens a new page unless `height` fits; true when it did.
    pub fn ensure(&mut self, height: f32) -> bool {
        if height > self.remaining() + 0.01 {
            self.new_page();
            return true;
        }
        false
    }

    /// Baseline of a line box whose top is at `top`, centring the font's ascent + descent.
    pub fn baseline(&self, top: f32, lb: &LineBox) -> f32 {
        let face = self.canvas.face(&lb.style);
        let content = (face.ascender - face.descender) * lb.style.size;
        top + (lb.height - content) / 2.0 + face.ascender * lb.style.size
    }

    /// Draws wrapped text across the width [x, x + width], line by line, moving to a new page
    /// between lines when needed (paragraphs may cross pages; lines never enter the footer).
    pub fn paragraph(&mut self, x: f32, width: f32, text: &str, lb: &LineBox) {
        let face = self.canvas.face(&lb.style);
        for r in wrap(face, lb.style.size, text, width) {
            self.ensure(lb.height);
            let base = self.baseline(self.y, lb);
            self.canvas.text(x, base, &text[r], &lb.style);
            self.y += lb.height;
        }
    }

    /// Height of `text` wrapped to `width`.
    pub fn measure(&self, text: &str, width: f32, lb: &LineBox) -> f32 {
        wrap(self.canvas.face(&lb.style), lb.style.size, text, width).len() as f32 * lb.height
    }

    /// The watermark as filled glyph outlines (not text: poppler and other extractors turn
    /// diagonal text into stray characters inside the body text) plus the same words as
    /// invisible horizontal text in the top margin, so a search or `pdftotext` still finds them.
    fn watermark(&mut self, text: &str) {
        let style = TextStyle::new(1.0).bold();
        let unit = self.canvas.width(text, &style).max(0.1);
        let (w, h) = (self.geom.width, self.geom.height);
        let size = (w.hypot(h) * 0.6 / unit).min(120.0);
        let angle = h.atan2(w);
        let (s, c) = angle.sin_cos();
        let half_w = unit * size / 2.0;
        let half_h = self.canvas.face(&style).cap_height * size / 2.0;
        let (cx, cy) = (w / 2.0, h / 2.0);
        let tx = cx - (c * half_w - s * half_h);
        let ty = cy - (s * half_w + c * half_h);
        self.canvas.outlined_text(text, &style, size, [c, s, -s, c, tx, ty], 0.88);
        self.canvas.text_hidden(self.geom.left, self.geom.top - 14.0, text, &TextStyle::new(7.0));
    }

    /// Writes the footer of every page; `label(page, total)` gives the centred text, `left`
    /// is drawn at the left margin of each page.
    pub fn footers(&mut self, left: &str, label: impl Fn(usize, usize) -> String) {
        let total = self.canvas.page_count();
        let style = TextStyle::new(7.5).gray(0.3);
        let rule_y = self.geom.body_bottom + 10.0;
        let base = rule_y + 14.0;
        for i in 0..total {
            self.canvas.select_page(i);
            self.canvas.line(self.geom.left, rule_y, self.geom.right, rule_y, 0.5, 0.7);
            if !left.is_empty() {
                self.canvas.text(self.geom.left, base, left, &style);
            }
            let text = label(i + 1, total);
            self.canvas.text_right(self.geom.right, base, &text, &style);
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Right,
    Center,
}

#[derive(Debug, Clone)]
pub(crate) struct Column {
    pub width: f32,
    pub align: Align,
    /// Header lines (bilingual headers use two).
    pub header: Vec<String>,
    /// Numbers shrink to fit their column instead of wrapping.
    pub shrink: bool,
}

pub(crate) struct Table {
    pub columns: Vec<Column>,
    pub body: LineBox,
    pub head: LineBox,
    pub pad_x: f32,
    pub pad_y: f32,
    /// Column that carries the continuation marker of a split row.
    pub marker_col: usize,
    /// Column repeated on continuation parts of a split row (the row number).
    pub repeat_col: usize,
    pub marker: String,
}

/// One laid-out cell: its text and the line ranges (a shrunk number has one line and a size).
struct CellLines<'a> {
    text: &'a str,
    lines: Vec<Range<usize>>,
    size: f32,
}

impl Table {
    fn header_height(&self) -> f32 {
        let n = self.columns.iter().map(|c| c.header.len()).max().unwrap_or(1);
        n as f32 * self.head.height + 2.0 * self.pad_y
    }

    fn draw_header(&self, flow: &mut Flow<'_>) {
        let h = self.header_height();
        let geom = flow.geom;
        let width: f32 = self.columns.iter().map(|c| c.width).sum();
        flow.canvas.fill_rect(geom.left, flow.y, width, h, 0.92);
        let mut x = geom.left;
        for col in &self.columns {
            let n = col.header.len() as f32;
            let top = flow.y + (h - n * self.head.height) / 2.0;
            for (i, line) in col.header.iter().enumerate() {
                let base = flow.baseline(top + i as f32 * self.head.height, &self.head);
                self.draw_aligned(flow, x, col, base, line, &self.head.style);
            }
            x += col.width;
        }
        flow.canvas.line(geom.left, flow.y, geom.left + width, flow.y, 0.8, 0.35);
        flow.canvas.line(geom.left, flow.y + h, geom.left + width, flow.y + h, 0.6, 0.45);
        flow.y += h;
    }

    fn draw_aligned(&self, flow: &mut Flow<'_>, x: f32, col: &Column, base: f32, text: &str, style: &TextStyle) {
        match col.align {
            Align::Left => flow.canvas.text(x + self.pad_x, base, text, style),
            Align::Right => flow.canvas.text_right(x + col.width - self.pad_x, base, text, style),
            Align::Center => flow.canvas.text_center(x + col.width / 2.0, base, text, style),
        }
    }

    /// Column separators from `top` to the cursor (one page's segment of the table).
    fn close_segment(&self, flow: &mut Flow<'_>, top: f32) {
        let mut x = flow.geom.left;
        let bottom = flow.y;
        flow.canvas.line(x, top, x, bottom, 0.5, 0.55);
        for col in &self.columns {
            x += col.width;
            flow.canvas.line(x, top, x, bottom, 0.5, 0.55);
        }
        let width = x - flow.geom.left;
        flow.canvas.line(flow.geom.left, bottom, flow.geom.left + width, bottom, 0.8, 0.35);
    }

    fn layout_cells<'a>(&self, flow: &Flow<'_>, row: &'a [String]) -> Vec<CellLines<'a>> {
        let face = flow.canvas.face(&self.body.style);
        let size = self.body.style.size;
        self.columns
            .iter()
            .zip(row)
            .map(|(col, text)| {
                let avail = col.width - 2.0 * self.pad_x;
                if col.shrink && !text.contains('\n') {
                    let w = measure(face, size, text);
                    let size = if w > avail && w > 0.0 { size * avail / w } else { size };
                    CellLines { text, lines: std::iter::once(0..text.len()).collect(), size }
                } else {
                    CellLines { text, lines: wrap(face, size, text, avail), size }
                }
            })
            .collect()
    }

    /// Draws the header and every row, breaking pages between rows. The last row moves to a
    /// new page together with `keep_with_last` points of what follows (the totals, or all
    /// closing blocks when they fit one page), so no page is left without line items and the
    /// table header appears on every page.
    pub fn draw(&self, flow: &mut Flow<'_>, rows: &[Vec<String>], keep_with_last: f32) {
        let lh = self.body.height;
        let min_row = lh + 2.0 * self.pad_y;
        flow.ensure(self.header_height() + min_row);
        self.draw_header(flow);
        let mut seg_top = flow.y - self.header_height();
        for (i, row) in rows.iter().enumerate() {
            let cells = self.layout_cells(flow, row);
            let n = cells.iter().map(|c| c.lines.len()).max().unwrap_or(1).max(1);
            let row_h = n as f32 * lh + 2.0 * self.pad_y;
            let capacity = flow.page_capacity() - self.header_height();
            let keep = if i + 1 == rows.len() && row_h + keep_with_last <= capacity { keep_with_last } else { 0.0 };
            if row_h + keep > flow.remaining() && row_h + keep <= capacity {
                self.close_segment(flow, seg_top);
                flow.new_page();
                seg_top = flow.y;
                self.draw_header(flow);
            }
            if row_h <= flow.remaining() {
                self.draw_part(flow, &cells, 0, n, false);
                continue;
            }
            // Taller than a page body: split at line boundaries with a continuation marker.
            let mut done = 0;
            let mut first = true;
            while done < n {
                let mut fit = ((flow.remaining() - 2.0 * self.pad_y) / lh).floor().max(0.0) as usize;
                if fit < 2 {
                    self.close_segment(flow, seg_top);
                    flow.new_page();
                    seg_top = flow.y;
                    self.draw_header(flow);
                    fit = ((flow.remaining() - 2.0 * self.pad_y) / lh).floor().max(1.0) as usize;
                }
                let take = if first { fit } else { fit - 1 }.min(n - done).max(1);
                self.draw_part(flow, &cells, done, take, !first);
                done += take;
                first = false;
            }
        }
        self.close_segment(flow, seg_top);
    }

    /// Draws lines `from .. from + count` of every cell as one row; a continuation part starts
    /// with the marker in the marker column and repeats the row number.
    fn draw_part(&self, flow: &mut Flow<'_>, cells: &[CellLines<'_>], from: usize, count: usize, continued: bool) {
        let lh = self.body.height;
        let extra = usize::from(continued);
        let row_h = (count + extra) as f32 * lh + 2.0 * self.pad_y;
        let top = flow.y + self.pad_y;
        let mut x = flow.geom.left;
        for (i, (col, cell)) in self.columns.iter().zip(cells).enumerate() {
            let style = TextStyle { size: cell.size, ..self.body.style };
            let mut line_no = 0;
            if continued && i == self.marker_col {
                let base = flow.baseline(top, &self.body);
                let marker_style = self.body.style.gray(0.45);
                self.draw_aligned(flow, x, col, base, &self.marker, &marker_style);
                line_no = 1;
            }
            let lines: &[Range<usize>] = if continued && i == self.repeat_col {
                &cell.lines[..cell.lines.len().min(1)]
            } else {
                cell.lines.get(from..(from + count).min(cell.lines.len())).unwrap_or(&[])
            };
            for r in lines {
                let base = flow.baseline(top + line_no as f32 * lh, &self.body);
                self.draw_aligned(flow, x, col, base, &cell.text[r.clone()], &style);
                line_no += 1;
            }
            x += col.width;
        }
        flow.y += row_h;
        flow.canvas.line(flow.geom.left, flow.y, x, flow.y, 0.4, 0.75);
    }
}
