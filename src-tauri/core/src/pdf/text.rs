//! Measuring and wrapping text. Lines break at explicit newlines, between CJK characters
//! (except before closing and after opening punctuation), at spaces (the space is dropped)
//! and after `-` or `/` in Latin text; a word wider than the line is broken between characters.
//! Lines are byte ranges into the input, so wrapping allocates one small Vec and no strings.
//!
//! A space between a CJK character and a non-letter (another CJK character, a digit, `/`) is
//! drawn 0.42 em wide (the font's own space is ~0.22 em): poppler's `pdftotext` drops gaps
//! under ~0.4 em in such runs, so "第 1 页 / 共 3 页" would come back as "第1页/共3页".
//! Spaces next to Latin words keep their width (extraction keeps those). [`measure`] and the
//! canvas apply the same rule, so alignment stays exact.

use super::fonts::FontFace;
use std::ops::Range;

/// CJK ideographs, kana, hangul, fullwidth forms and CJK punctuation: break anywhere around them.
#[inline]
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FFF | 0x3000..=0x303F | 0x3040..=0x30FF | 0x3100..=0x31FF | 0x3200..=0x4DBF
        | 0x4E00..=0x9FFF | 0xA960..=0xA97F | 0xAC00..=0xD7FF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// Characters that must not start a line (closing punctuation).
#[inline]
fn no_break_before(c: char) -> bool {
    matches!(c, '，' | '。' | '、' | '；' | '：' | '！' | '？' | '）' | '》' | '」' | '』' | '】' | '〕' | '〉' | '”' | '’' | '…'
        | ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '%' | '％')
}

/// Characters that must not end a line (opening punctuation).
#[inline]
fn no_break_after(c: char) -> bool {
    matches!(c, '（' | '《' | '「' | '『' | '【' | '〔' | '〈' | '“' | '‘' | '(' | '[' | '{')
}

/// Extra advance (font units) a space gets between `prev` and `next` (see the module doc).
#[inline]
pub(crate) fn space_extra(face: &FontFace, prev: Option<char>, next: Option<char>) -> f32 {
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
    let cjk = |c: Option<char>| c.is_some_and(is_cjk);
    if (cjk(prev) && !latin(next)) || (cjk(next) && !latin(prev)) {
        (face.units_per_em * 0.42 - f32::from(face.glyph(' ').advance)).max(0.0)
    } else {
        0.0
    }
}

/// Width of `text` in points at `size`, as the canvas draws it (no kerning; CJK business
/// text needs none).
pub(crate) fn measure(face: &FontFace, size: f32, text: &str) -> f32 {
    let mut units = 0f32;
    let mut prev = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        units += f32::from(face.glyph(c).advance);
        if c == ' ' {
            units += space_extra(face, prev, chars.peek().copied());
        }
        prev = Some(c);
    }
    units * size / face.units_per_em
}

/// Wraps `text` to `max_width` points at `size`; returns the byte range of each line, trailing
/// spaces excluded. An empty text or an empty paragraph gives one empty line.
pub(crate) fn wrap(face: &FontFace, size: f32, text: &str, max_width: f32) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for para in text.split('\n') {
        let end = start + para.len();
        let para_trimmed = para.strip_suffix('\r').unwrap_or(para);
        wrap_paragraph(face, size, para_trimmed, start, max_width, &mut lines);
        start = end + 1;
    }
    lines
}

fn wrap_paragraph(face: &FontFace, size: f32, para: &str, base: usize, max_width: f32, out: &mut Vec<Range<usize>>) {
    // Work in font units to avoid a multiply per character.
    let limit = (max_width * face.units_per_em / size).max(0.0);
    let mut line_start = 0usize;
    let mut width = 0f32;
    // Last break opportunity on the current line: (line end, next line start, width up to next start).
    let mut brk: Option<(usize, usize, f32)> = None;
    let mut prev: Option<char> = None;
    for (i, c) in para.char_indices() {
        let mut w = f32::from(face.glyph(c).advance);
        if c == ' ' {
            w += space_extra(face, prev, para[i + 1..].chars().next());
        }
        if c == ' ' || c == '\t' {
            let end = trim_end(para, line_start, i);
            brk = Some((end, i + c.len_utf8(), width + w));
            width += w;
            prev = Some(c);
            continue;
        }
        if i > line_start {
            if let Some(p) = prev {
                let can_break = (is_cjk(c) || is_cjk(p) || p == '-' || p == '/') && !no_break_before(c) && !no_break_after(p) && p != ' ';
                if can_break {
                    brk = Some((i, i, width));
                }
            }
        }
        if width + w > limit && i > line_start {
            match brk.take().filter(|(end, _, _)| *end > line_start) {
                Some((end, next, w_next)) => {
                    out.push(base + line_start..base + end);
                    line_start = next;
                    width -= w_next;
                }
                None => {
                    // One word wider than the line: break before this character.
                    out.push(base + line_start..base + i);
                    line_start = i;
                    width = 0.0;
                }
            }
            // The rest of the line may still be too wide (a long word after the break).
            if width + w > limit && i > line_start {
                out.push(base + line_start..base + i);
                line_start = i;
                width = 0.0;
            }
        }
        width += w;
        prev = Some(c);
    }
    let end = trim_end(para, line_start, para.len());
    out.push(base + line_start..base + end.max(line_start));
}

/// End of `s[start..end]` without trailing spaces.
fn trim_end(s: &str, start: usize, end: usize) -> usize {
    start + s[start..end].trim_end_matches([' ', '\t']).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn face() -> Option<super::super::fonts::FontSet> {
        super::super::fonts::FontSet::load(None).ok()
    }

    fn lines<'a>(text: &'a str, ranges: &[Range<usize>]) -> Vec<&'a str> {
        ranges.iter().map(|r| &text[r.clone()]).collect()
    }

    #[test]
    fn wraps_latin_at_spaces_cjk_anywhere_and_breaks_long_words() {
        let Some(set) = face() else {
            eprintln!("no CJK font on this machine: skipped");
            return;
        };
        let f = &set.regular;
        let t = "hello world again";
        let w = measure(f, 10.0, "hello world") + 1.0;
        assert_eq!(lines(t, &wrap(f, 10.0, t, w)), vec!["hello world", "again"]);
        let t = "服务器年度维护";
        let w = measure(f, 10.0, "服务器") + 0.1;
        assert_eq!(lines(t, &wrap(f, 10.0, t, w)), vec!["服务器", "年度维", "护"]);
        // Digits share one advance in CJK fonts, so the break points are predictable.
        let t = "1234567890123456";
        let w = measure(f, 10.0, "12345") + 0.1;
        assert_eq!(lines(t, &wrap(f, 10.0, t, w)), vec!["12345", "67890", "12345", "6"]);
        let t = "第一行\n\n第三行";
        assert_eq!(lines(t, &wrap(f, 10.0, t, 500.0)), vec!["第一行", "", "第三行"]);
        // Closing punctuation never starts a line.
        let t = "服务器，年度";
        let w = measure(f, 10.0, "服务器") + 0.1;
        let got = lines(t, &wrap(f, 10.0, t, w));
        assert!(got.iter().all(|l| !l.starts_with('，')), "{got:?}");
        // Every character survives wrapping, in order.
        let t = "SRV-ENT-2026 企业版服务器 license, 3 years (含安装) supercalifragilisticexpialidocious 门直骨";
        for width in [20.0, 45.0, 80.0, 150.0] {
            let joined: String = lines(t, &wrap(f, 8.0, t, width)).concat();
            assert_eq!(joined.replace(' ', ""), t.replace(' ', ""));
        }
    }
}
