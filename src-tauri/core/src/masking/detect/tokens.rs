//! The single pass over a text's runs of ASCII letters and digits. A run is only looked at
//! as a whole (from a non-alphanumeric neighbour to the next), so no ID is ever found inside
//! a longer number or word; digit groups joined by one space or dash are read together for
//! grouped phones and cards (138 1234 5678, 6222 0212 3456 7890).

use super::checks;
use super::net;
use super::{hit, Basis, Hit};
use crate::masking::kinds::PiiKind;

const MAX_GROUPS: usize = 6;

fn run_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_alphanumeric() {
        i += 1;
    }
    i
}

/// Classifies every run of `b`, skipping the e-mail addresses already found.
pub fn scan(b: &[u8], skip: &[Hit], out: &mut Vec<Hit>) {
    let (mut i, mut next_skip) = (0, 0);
    while i < b.len() {
        if !b[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        while next_skip < skip.len() && skip[next_skip].end <= i {
            next_skip += 1;
        }
        if let Some(s) = skip.get(next_skip).filter(|s| s.start <= i) {
            i = s.end;
            continue;
        }
        let e = run_end(b, i);
        // Digit groups stop before the next e-mail address (`021 50226894 4x@g.cn`: the `4`
        // is the address's, and the number before it a landline of its own).
        let limit = skip.get(next_skip).map_or(b.len(), |s| s.start);
        i = token(b, i, e, limit, out).max(e);
    }
}

/// Looks at the run `s..e`; returns where scanning goes on.
fn token(b: &[u8], s: usize, e: usize, limit: usize, out: &mut Vec<Hit>) -> usize {
    // A run right after masked characters (`138****0398-6702…`, `010 *****24::a`) is the rest
    // of a masked value: read as one of its own, a second pass would mask what the first left
    // in clear on purpose (found by fuzzing).
    if masked_before(b, s) || masked_after(b, e) {
        return kept_groups_end(b, e);
    }
    let run = &b[s..e];
    let next = b.get(e).copied();
    if next == Some(b':') && run.len() <= 4 && run.iter().all(u8::is_ascii_hexdigit) {
        // An address whose last group is glued to masked characters (`3::0698*****39`) is
        // the start of a masked value (found by fuzzing).
        if let Some(end) = net::ipv6(b, s).filter(|end| !masked_after(b, *end)) {
            out.push(hit(PiiKind::Ipv6, s, end, 0.85, Basis::Pattern));
            return end;
        }
    }
    if run.iter().all(u8::is_ascii_digit) {
        if next == Some(b'.') && run.len() <= 3 {
            if let Some(end) = net::ipv4(b, s).filter(|end| !masked_after(b, *end)) {
                out.push(hit(PiiKind::Ipv4, s, end, 0.9, Basis::Pattern));
                return end;
            }
        }
        return digits(b, s, e, limit, out);
    }
    if run.len() == 18 {
        if run[..17].iter().all(u8::is_ascii_digit) && matches!(run[17], b'X' | b'x') {
            if checks::resident_id_18(run) {
                out.push(hit(PiiKind::ResidentId, s, e, 0.99, Basis::Checksum));
            }
        } else if checks::uscc(run) {
            out.push(hit(PiiKind::Uscc, s, e, 0.97, Basis::Checksum));
        }
        return e;
    }
    if run[0].is_ascii_uppercase() {
        if let Some(end) = plate(b, s, e) {
            out.push(hit(PiiKind::LicencePlate, s - 3, end, 0.8, Basis::Pattern));
            return end;
        }
    }
    e
}

/// Masked characters right before `s`: a `*` that does not open a word (`-*23` in
/// `020 *******-*23`; not `*13812345678`, a starred note), a group kept after masked groups
/// (`45` in `021 ******** 45`), or one character after masked ones (`6` in `020********转6`,
/// an extension whose last two characters were kept).
fn masked_before(b: &[u8], s: usize) -> bool {
    if s >= 2 && b[s - 1] == b'*' && !b[s - 2].is_ascii_whitespace() {
        return true;
    }
    if kept_group_after_masked(b, s) {
        return true;
    }
    if s == 0 || b[s - 1].is_ascii_alphanumeric() || b[s - 1].is_ascii_whitespace() {
        return false;
    }
    let mut p = s - 1;
    while p > 0 && (0x80..0xC0).contains(&b[p]) {
        p -= 1;
    }
    p >= 2 && b[p - 1] == b'*' && b[p - 2] == b'*'
}

/// Where a masked value that reaches `e` ends: short digit groups joined to it by a space or
/// dash were kept in clear with it (`33` in `6558 13**-**** **40 33`, a card of five groups
/// whose last four digits were kept). A longer run (a mobile after a masked card) is a value
/// of its own.
fn kept_groups_end(b: &[u8], mut e: usize) -> usize {
    while matches!(b.get(e), Some(b' ' | b'-')) && b.get(e + 1).is_some_and(u8::is_ascii_digit) {
        let ge = run_end(b, e + 1);
        if ge - e - 1 > 4 || !b[e + 1..ge].iter().all(u8::is_ascii_digit) {
            break;
        }
        e = ge;
    }
    e
}

/// `s` starts a group joined by a space or dash to masked groups that follow digits: `45` in
/// `021 ******** 45`, `7890` in `6222 **** **** 7890`. Stars after a word or at the start of a
/// line (`**Note** 45`, `** 45`) are not a masked value.
fn kept_group_after_masked(b: &[u8], s: usize) -> bool {
    let mut p = s;
    let mut stars = 0;
    while p >= 2 && matches!(b[p - 1], b' ' | b'-') && b[p - 2] == b'*' {
        p -= 1;
        while p > 0 && b[p - 1] == b'*' {
            p -= 1;
            stars += 1;
        }
    }
    let digit_at = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let after_digits = p >= 1 && digit_at(p - 1) || p >= 2 && matches!(b[p - 1], b' ' | b'-') && digit_at(p - 2);
    stars >= 2 && after_digits
}

/// Masked characters right after `e` (`133` in `133****3881`).
fn masked_after(b: &[u8], e: usize) -> bool {
    b.get(e) == Some(&b'*') && b.get(e + 1).is_some_and(|c| *c == b'*' || c.is_ascii_alphanumeric())
}

/// Reads digit groups joined by one space or dash, each a whole run of digits, all before
/// `limit` (a run glued to masked characters is not read: it belongs to a masked value).
fn groups(b: &[u8], s: usize, e: usize, limit: usize) -> ([(usize, usize); MAX_GROUPS], usize) {
    let mut g = [(0, 0); MAX_GROUPS];
    g[0] = (s, e);
    let mut n = 1;
    let mut end = e;
    while n < MAX_GROUPS && matches!(b.get(end), Some(b' ' | b'-')) && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
        let ge = run_end(b, end + 1);
        if end + 1 >= limit || !b[end + 1..ge].iter().all(u8::is_ascii_digit) || masked_after(b, ge) {
            break;
        }
        g[n] = (end + 1, ge);
        n += 1;
        end = ge;
    }
    (g, n)
}

fn digits(b: &[u8], s: usize, e: usize, limit: usize, out: &mut Vec<Hit>) -> usize {
    let (g, n) = groups(b, s, e, limit);
    if n == 1 && !(10..=19).contains(&(e - s)) {
        return e;
    }
    let plus = s > 0 && b[s - 1] == b'+';
    let mut joined = [0u8; 24];
    let mut lens = [0usize; MAX_GROUPS];
    for k in (1..=n).rev() {
        let total: usize = g[..k].iter().map(|(a, z)| z - a).sum();
        if total > joined.len() {
            continue;
        }
        let mut at = 0;
        for (i, &(a, z)) in g[..k].iter().enumerate() {
            joined[at..at + z - a].copy_from_slice(&b[a..z]);
            at += z - a;
            lens[i] = z - a;
        }
        let end = g[k - 1].1;
        // Digits glued to `.digit` on either side are part of a decimal or dotted number
        // (`02020233445.168.1.1`), not a number of their own; masking them would expose the
        // rest as a new detection.
        if super::context::dotted(b, s, end) {
            continue;
        }
        if let Some((kind, confidence, basis, from)) = classify(&joined[..total], &lens[..k], plus, s) {
            let end = if kind == PiiKind::Landline { extension(b, end) } else { end };
            out.push(hit(kind, from, end, confidence, basis));
            return end;
        }
    }
    e
}

/// What the joined digits of `lens.len()` groups are, if anything.
fn classify(d: &[u8], lens: &[usize], plus: bool, s: usize) -> Option<(PiiKind, f32, Basis, usize)> {
    let with_plus = if plus { s - 1 } else { s };
    // +86 / 0086 before a mobile, as its own group or glued.
    for prefix in [&b"0086"[..], b"86"] {
        if d.starts_with(prefix) && (plus || prefix.len() == 4) {
            let rest = &d[prefix.len()..];
            let grouped = lens[0] == prefix.len() && matches!(&lens[1..], [11] | [3, 4, 4]);
            let glued = lens.len() == 1;
            if (grouped || glued) && checks::mobile(rest) {
                return Some((PiiKind::Mobile, 0.95, Basis::Pattern, with_plus));
            }
        }
    }
    match lens {
        [3, 4, 4] if checks::mobile(d) => return Some((PiiKind::Mobile, 0.95, Basis::Pattern, s)),
        [4, 4, 4, 4] | [4, 4, 4, 4, 1..=4] | [6, 10..=13] if checks::bank_card(d) => return Some((PiiKind::BankCard, 0.9, Basis::Checksum, s)),
        [a, 7 | 8] | [a, 7 | 8, 1..=5] if checks::area_code_len(d) == Some(*a) && d[*a] != b'0' => {
            return Some((PiiKind::Landline, 0.85, Basis::Pattern, s))
        }
        [_, _, ..] => return None,
        _ => {}
    }
    Some(match d.len() {
        18 if checks::resident_id_18(d) => (PiiKind::ResidentId, 0.99, Basis::Checksum, s),
        // All digits: a card before a USCC (most codes carry letters; a card passes the USCC
        // check one time in 31, a digit-only code passes Luhn one time in 10).
        16..=19 if checks::bank_card(d) => (PiiKind::BankCard, 0.9, Basis::Checksum, s),
        18 if checks::uscc(d) => (PiiKind::Uscc, 0.97, Basis::Checksum, s),
        15 if checks::resident_id_15(d) => (PiiKind::ResidentId15, 0.85, Basis::Checksum, s),
        11 if checks::mobile(d) => (PiiKind::Mobile, 0.95, Basis::Pattern, s),
        10..=12 => match checks::area_code_len(d) {
            Some(a) if (7..=8).contains(&(d.len() - a)) && !matches!(d[a], b'0' | b'1') => (PiiKind::Landline, 0.7, Basis::Pattern, s),
            _ => return None,
        },
        _ => return None,
    })
}

/// A landline's extension written with 转 ("转123"): included in the span.
fn extension(b: &[u8], end: usize) -> usize {
    const ZHUAN: &[u8] = "转".as_bytes();
    if b[end..].starts_with(ZHUAN) {
        let ext_end = run_end(b, end + ZHUAN.len());
        let ext = &b[end + ZHUAN.len()..ext_end];
        if (1..=5).contains(&ext.len()) && ext.iter().all(u8::is_ascii_digit) {
            return ext_end;
        }
    }
    end
}

/// The one-character province abbreviations that start a licence plate.
const PROVINCES: &str = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

fn plate_letter(c: u8) -> bool {
    c.is_ascii_uppercase() && c != b'I' && c != b'O'
}

/// The five or six characters after the issuing-authority letter.
fn plate_tail(t: &[u8]) -> bool {
    let ok = |c: &u8| c.is_ascii_digit() || plate_letter(*c);
    match t.len() {
        5 => t.iter().all(ok) && t.iter().filter(|c| c.is_ascii_digit()).count() >= 3,
        6 => {
            let small = matches!(t[0], b'D' | b'F') && ok(&t[1]) && t[2..].iter().all(u8::is_ascii_digit);
            let large = t[..5].iter().all(u8::is_ascii_digit) && matches!(t[5], b'D' | b'F');
            small || large
        }
        _ => false,
    }
}

/// A plate whose letters start at `s`, after a province character: 京A12345, 粤B·D12345.
fn plate(b: &[u8], s: usize, e: usize) -> Option<usize> {
    let province = b.get(s.checked_sub(3)?..s).and_then(|p| std::str::from_utf8(p).ok())?;
    if !PROVINCES.contains(province) || !plate_letter(b[s]) {
        return None;
    }
    if e - s > 1 {
        return plate_tail(&b[s + 1..e]).then_some(e);
    }
    let sep = match b.get(e..) {
        Some([0xC2, 0xB7, ..]) => 2,
        Some([b' ' | b'-', ..]) => 1,
        _ => return None,
    };
    let te = run_end(b, e + sep);
    plate_tail(&b[e + sep..te]).then_some(te)
}
