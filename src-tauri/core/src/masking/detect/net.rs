//! E-mail addresses (found from their `@`, so the scan over the text is memchr-fast) and
//! IPv4 / IPv6 addresses (tried where a run of digits or hex digits meets `.` or `:`).

use super::{hit, Basis, Hit};
use crate::masking::kinds::PiiKind;

/// `*` too: an address masked before (`z***@example.com`) is still one address, so what its
/// domain holds (`q***@2.1.1.1.cn`) is not found again as something else.
fn local_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-' | b'*')
}

fn domain_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-')
}

/// Every e-mail address, in order.
pub fn emails(b: &[u8]) -> Vec<Hit> {
    let mut out = Vec::new();
    let mut after = 0;
    for at in memchr::memchr_iter(b'@', b) {
        if at < after {
            continue;
        }
        let mut start = at;
        // Never back into the address before (`a@b.cn*c@d.cn` is two).
        while start > after && local_char(b[start - 1]) {
            start -= 1;
        }
        // Starts at a letter or digit: `张*z***@example.cn` (a masked name, then a masked
        // address) is the address `z***@example.cn`, as it was before masking.
        while start < at && !b[start].is_ascii_alphanumeric() {
            start += 1;
        }
        let mut end = domain_end(b, at + 1);
        if start == at || !domain_ok(&b[at + 1..end]) {
            continue;
        }
        // `a@b.cn@c.cn` is one address: masked as two, the first one's kept domain would
        // become the local part of a new address on the next pass (found by fuzzing).
        while b.get(end) == Some(&b'@') {
            let next = domain_end(b, end + 1);
            if !domain_ok(&b[end + 1..next]) {
                break;
            }
            end = next;
        }
        out.push(hit(PiiKind::Email, start, end, 0.99, Basis::Pattern));
        after = end;
    }
    out
}

/// Where a domain starting at `from` ends (a trailing `.` or `-` is punctuation, not domain).
fn domain_end(b: &[u8], from: usize) -> usize {
    let mut end = from;
    while end < b.len() && domain_char(b[end]) {
        end += 1;
    }
    while end > from && matches!(b[end - 1], b'.' | b'-') {
        end -= 1;
    }
    end
}

fn domain_ok(d: &[u8]) -> bool {
    let mut labels = d.split(|c| *c == b'.');
    let count = d.iter().filter(|c| **c == b'.').count();
    if count == 0 || labels.any(|l| l.is_empty() || l[0] == b'-') {
        return false;
    }
    let tld = d.rsplit(|c| *c == b'.').next().unwrap_or(b"");
    tld.len() >= 2 && tld.iter().all(u8::is_ascii_alphabetic)
}

/// An IPv4 address starting at `s`: four octets 0–255, not part of a longer dotted number.
pub fn ipv4(b: &[u8], s: usize) -> Option<usize> {
    if s > 0 && b[s - 1] == b'.' {
        return None;
    }
    let mut i = s;
    for part in 0..4 {
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() && i - start < 4 {
            i += 1;
        }
        let len = i - start;
        if len == 0 || len > 3 {
            return None;
        }
        let value: u32 = b[start..i].iter().fold(0, |a, d| a * 10 + u32::from(d - b'0'));
        if value > 255 {
            return None;
        }
        if part < 3 {
            if b.get(i) != Some(&b'.') {
                return None;
            }
            i += 1;
        }
    }
    let glued = b.get(i).is_some_and(|c| c.is_ascii_alphanumeric()) || (b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit));
    (!glued).then_some(i)
}

/// An IPv6 address starting at `s` (eight groups, or fewer with one `::`).
pub fn ipv6(b: &[u8], s: usize) -> Option<usize> {
    if s > 0 && b[s - 1] == b':' {
        return None;
    }
    let (mut i, mut groups, mut compressed) = (s, 0, false);
    loop {
        let start = i;
        while i < b.len() && b[i].is_ascii_hexdigit() && i - start < 5 {
            i += 1;
        }
        match i - start {
            0 => {}
            1..=4 => groups += 1,
            _ => return None,
        }
        if b.get(i) == Some(&b':') && b.get(i + 1) == Some(&b':') {
            if compressed {
                return None;
            }
            compressed = true;
            i += 2;
        } else if b.get(i) == Some(&b':') && b.get(i + 1).is_some_and(u8::is_ascii_hexdigit) {
            i += 1;
        } else {
            break;
        }
    }
    let glued = b.get(i).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b':');
    let ok = if compressed { groups <= 7 && groups >= 2 } else { groups == 8 };
    (ok && !glued).then_some(i)
}
