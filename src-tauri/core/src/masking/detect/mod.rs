//! Personal data in free text: where it is (character offsets, as an editor or the UI
//! counts), what kind, and how sure we are. One pass over the bytes finds every run of ASCII
//! letters and digits and classifies it (IDs, phones, cards, codes, plates, IPs); e-mails are
//! found from their `@`; names, addresses, passports and birth dates only after context words.
//! Boundaries are explicit (the neighbours must not be ASCII letters or digits) because
//! Chinese characters are word characters and `\b` would see no edge in "电话13812345678联系".

mod checks;
mod context;
mod net;
mod tokens;

pub use context::{surname_len, COMPOUND_SURNAMES};
pub use checks::{area_code_len, bank_card, luhn, mobile, resident_id_15, resident_id_18, uscc};

use super::kinds::PiiKind;
use serde::Serialize;
use std::borrow::Cow;
use std::ops::Range;

/// How a detection was made: a checksum, a pattern, or context words (lower confidence).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    Checksum,
    Pattern,
    Context,
}

/// One piece of personal data found in a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Detection {
    pub kind: PiiKind,
    /// Character offsets (Unicode scalar values) into the text, end exclusive.
    pub start: usize,
    pub end: usize,
    pub confidence: f32,
    pub basis: Basis,
    /// Byte offsets into the text that was scanned (for replacing it).
    #[serde(skip)]
    pub bytes: Range<usize>,
}

/// A detection in byte offsets of the normalised text, before offsets are resolved.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    pub kind: PiiKind,
    pub start: usize,
    pub end: usize,
    pub confidence: f32,
    pub basis: Basis,
}

pub(crate) fn hit(kind: PiiKind, start: usize, end: usize, confidence: f32, basis: Basis) -> Hit {
    Hit { kind, start, end, confidence, basis }
}

/// Every piece of personal data in `text`, in order, none overlapping.
pub fn detect(text: &str) -> Vec<Detection> {
    let normal = normalise(text);
    let hits = resolve(scan(normal.as_bytes()));
    if hits.is_empty() {
        return Vec::new();
    }
    let mut out = to_chars(normal.as_bytes(), hits);
    if let Cow::Owned(_) = normal {
        fix_bytes(text, &mut out);
    }
    out
}

fn scan(b: &[u8]) -> Vec<Hit> {
    let mut hits = Vec::new();
    let emails = net::emails(b);
    tokens::scan(b, &emails, &mut hits);
    hits.extend(emails);
    context::scan(b, &mut hits);
    hits
}

/// Full-width digits, letters and `＠ ＋ － ．`, and the ideographic space, as their ASCII
/// counterparts (other full-width punctuation such as `，：` is common in Chinese and left as
/// it is). One character for one, so character offsets stay those of the input.
pub fn normalise(text: &str) -> Cow<'_, str> {
    let b = text.as_bytes();
    let wide = |i: usize| match b.get(i..i + 3) {
        Some([0xEF, 0xBC, 0x8B | 0x8D | 0x8E | 0x90..=0x99 | 0xA0..=0xBA]) | Some([0xEF, 0xBD, 0x81..=0x9A]) | Some([0xE3, 0x80, 0x80]) => true,
        _ => false,
    };
    let mut hits = memchr::memchr2_iter(0xEF, 0xE3, b).filter(|&i| wide(i)).peekable();
    if hits.peek().is_none() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(b.len());
    let mut at = 0;
    for i in hits {
        out.push_str(&text[at..i]);
        let c = match (b[i], b[i + 1], b[i + 2]) {
            (0xE3, _, _) => ' ',
            (_, 0xBC, x) => char::from(x - 0x81 + 0x21),
            (_, _, x) => char::from(x - 0x80 + 0x60),
        };
        out.push(c);
        at = i + 3;
    }
    out.push_str(&text[at..]);
    Cow::Owned(out)
}

/// Sorted, non-overlapping: where two overlap the more certain wins, then the longer; but a
/// context hit (an address, a name after its cue word) takes in whatever overlaps it, so
/// `地址：北京市朝阳区建国路88号 电话13812345678` is masked as one address, unless the other hit
/// covers it whole (`IP地址 2001:db8::1` is an IPv6 address). Letting the number
/// win left the rest of the address in clear, and once the number was masked the next pass
/// found the address (found by fuzzing).
fn resolve(mut hits: Vec<Hit>) -> Vec<Hit> {
    hits.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut kept: Vec<Hit> = Vec::with_capacity(hits.len());
    for h in hits {
        match kept.last_mut() {
            Some(last) if h.start < last.end && (last.basis == Basis::Context) != (h.basis == Basis::Context) => {
                let (start, end) = (last.start.min(h.start), last.end.max(h.end));
                let (guess, certain) = if last.basis == Basis::Context { (&*last, &h) } else { (&h, &*last) };
                // `IP地址 2001:db8::1`, `邮箱地址 a@b.cn`: the cue word introduced the number itself.
                let number_only = certain.start <= guess.start && guess.end <= certain.end;
                let winner = if number_only { certain.clone() } else { guess.clone() };
                *last = Hit { start, end, ..winner };
            }
            Some(last) if h.start < last.end && last.basis == Basis::Context => last.end = last.end.max(h.end),
            Some(last) if h.start < last.end => {
                let better = h.confidence > last.confidence || (h.confidence == last.confidence && h.end - h.start > last.end - last.start);
                if better {
                    *last = h;
                }
            }
            _ => kept.push(h),
        }
    }
    // A replacement may now overlap the one before it; drop such rare leftovers.
    let mut out: Vec<Hit> = Vec::with_capacity(kept.len());
    for h in kept {
        if out.last().is_none_or(|l| l.end <= h.start) {
            out.push(h);
        }
    }
    out
}

fn count_chars(b: &[u8]) -> usize {
    b.iter().filter(|&&x| (x as i8) >= -0x40).count()
}

fn to_chars(b: &[u8], hits: Vec<Hit>) -> Vec<Detection> {
    let (mut byte_pos, mut char_pos) = (0, 0);
    let mut advance = |to: usize| {
        char_pos += count_chars(&b[byte_pos..to]);
        byte_pos = to;
        char_pos
    };
    hits.into_iter()
        .map(|h| {
            let start = advance(h.start);
            let end = advance(h.end);
            Detection { kind: h.kind, start, end, confidence: h.confidence, basis: h.basis, bytes: h.start..h.end }
        })
        .collect()
}

/// Byte offsets into the original text (normalisation changed byte lengths, not chars).
fn fix_bytes(original: &str, out: &mut [Detection]) {
    let mut chars = original.char_indices().map(|(i, _)| i).chain(std::iter::once(original.len()));
    let mut at = 0usize;
    let mut current = chars.next().unwrap_or(0);
    let mut byte_of = |char_offset: usize| {
        while at < char_offset {
            current = chars.next().unwrap_or(original.len());
            at += 1;
        }
        current
    };
    for d in out.iter_mut() {
        let start = byte_of(d.start);
        let end = byte_of(d.end);
        d.bytes = start..end;
    }
}

#[cfg(test)]
mod tests;
