//! Operands of PDF content streams as the canvas writes them: numbers with no more decimals
//! than the page needs, glyph ids inside literal strings, glyph outlines as path operators.

use std::io::Write;

/// Writes `v` with at most 2 decimals (PDF needs no more at 1/72 inch).
#[inline]
pub(crate) fn num(buf: &mut Vec<u8>, v: f32) {
    let cents = (v * 100.0).round() as i64;
    if cents < 0 {
        buf.push(b'-');
    }
    let a = cents.unsigned_abs();
    let _ = write!(buf, "{}", a / 100);
    let frac = a % 100;
    if frac != 0 {
        buf.push(b'.');
        buf.push(b'0' + (frac / 10) as u8);
        if frac % 10 != 0 {
            buf.push(b'0' + (frac % 10) as u8);
        }
    }
}

/// Writes `v` with up to 4 decimals (matrix coefficients: 2 would skew a rotation).
pub(crate) fn num_precise(buf: &mut Vec<u8>, v: f32) {
    if (v * 100.0).round() == v * 100.0 {
        return num(buf, v);
    }
    let s = format!("{v:.4}");
    buf.extend_from_slice(s.trim_end_matches('0').as_bytes());
}

/// A 2-byte glyph id inside a PDF literal string (escaping what the syntax needs).
#[inline]
pub(super) fn push_gid(buf: &mut Vec<u8>, gid: u16) {
    for b in gid.to_be_bytes() {
        match b {
            b'(' | b')' | b'\\' => buf.extend_from_slice(&[b'\\', b]),
            b'\r' => buf.extend_from_slice(b"\\r"),
            _ => buf.push(b),
        }
    }
}

/// Glyph outlines as PDF path operators, in font units, shifted by the pen position.
pub(super) struct PathOps {
    pub(super) buf: Vec<u8>,
    pub(super) dx: f32,
    pub(super) last: (f32, f32),
}

impl PathOps {
    fn point(&mut self, x: f32, y: f32) {
        num(&mut self.buf, x + self.dx);
        self.buf.push(b' ');
        num(&mut self.buf, y);
        self.buf.push(b' ');
    }
}

impl ttf_parser::OutlineBuilder for PathOps {
    fn move_to(&mut self, x: f32, y: f32) {
        self.point(x, y);
        self.buf.extend_from_slice(b"m\n");
        self.last = (x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.point(x, y);
        self.buf.extend_from_slice(b"l\n");
        self.last = (x, y);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        // Quadratic → cubic: control points 2/3 of the way to the quadratic control point.
        let (x0, y0) = self.last;
        self.curve_to(x0 + 2.0 / 3.0 * (x1 - x0), y0 + 2.0 / 3.0 * (y1 - y0), x + 2.0 / 3.0 * (x1 - x), y + 2.0 / 3.0 * (y1 - y), x, y);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.point(x1, y1);
        self.point(x2, y2);
        self.point(x, y);
        self.buf.extend_from_slice(b"c\n");
        self.last = (x, y);
    }
    fn close(&mut self) {
        self.buf.extend_from_slice(b"h\n");
    }
}
