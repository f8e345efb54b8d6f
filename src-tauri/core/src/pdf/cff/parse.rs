//! Reading the CFF that `subsetter` writes: INDEX and DICT structures, and from them the
//! charstring ranges, FDSelect, font dicts, bounding box and matrix that assembly needs.

use super::FontDict;
use std::ops::Range;

/// What `fill` needs from a `subsetter` CFF: charstring ranges, FDSelect and font dicts.
pub(super) struct Parsed {
    pub(super) charstrings: Vec<Range<usize>>,
    pub(super) fd_select: Vec<u8>,
    pub(super) dicts: Vec<FontDict>,
    pub(super) bbox: Vec<u8>,
    pub(super) matrix: Vec<u8>,
}

/// Reads a CFF INDEX at `pos`; returns item ranges (absolute) and the end position.
fn read_index(cff: &[u8], pos: usize) -> Option<(Vec<Range<usize>>, usize)> {
    let count = usize::from(u16::from_be_bytes([*cff.get(pos)?, *cff.get(pos + 1)?]));
    if count == 0 {
        return Some((Vec::new(), pos + 2));
    }
    let size = usize::from(*cff.get(pos + 2)?);
    if !(1..=4).contains(&size) {
        return None;
    }
    let offsets_at = pos + 3;
    let data_at = offsets_at + (count + 1) * size - 1;
    let off = |i: usize| -> Option<usize> {
        let b = cff.get(offsets_at + i * size..offsets_at + (i + 1) * size)?;
        Some(b.iter().fold(0usize, |acc, &x| (acc << 8) | usize::from(x)))
    };
    let mut items = Vec::with_capacity(count);
    for i in 0..count {
        let (a, b) = (off(i)?, off(i + 1)?);
        if b < a || data_at + b > cff.len() {
            return None;
        }
        items.push(data_at + a..data_at + b);
    }
    let end = data_at + off(count)?;
    Some((items, end))
}

/// One DICT entry: operator, integer operands, and the raw bytes (operands + operator).
struct Entry {
    op: u16,
    ints: Vec<i64>,
    raw: Range<usize>,
}

fn read_dict(cff: &[u8], range: Range<usize>) -> Option<Vec<Entry>> {
    let mut entries = Vec::new();
    let mut i = range.start;
    let mut start = i;
    let mut ints = Vec::new();
    while i < range.end {
        let b0 = *cff.get(i)?;
        match b0 {
            0..=21 => {
                let op = if b0 == 12 {
                    i += 1;
                    1200 + u16::from(*cff.get(i)?)
                } else {
                    u16::from(b0)
                };
                i += 1;
                entries.push(Entry { op, ints: std::mem::take(&mut ints), raw: start..i });
                start = i;
            }
            28 => {
                ints.push(i64::from(i16::from_be_bytes([*cff.get(i + 1)?, *cff.get(i + 2)?])));
                i += 3;
            }
            29 => {
                ints.push(i64::from(i32::from_be_bytes([*cff.get(i + 1)?, *cff.get(i + 2)?, *cff.get(i + 3)?, *cff.get(i + 4)?])));
                i += 5;
            }
            30 => {
                // Real number: nibbles until one is 0xF.
                i += 1;
                loop {
                    let b = *cff.get(i)?;
                    i += 1;
                    if b & 0x0F == 0x0F || b >> 4 == 0x0F {
                        break;
                    }
                }
                ints.push(0);
            }
            32..=246 => {
                ints.push(i64::from(b0) - 139);
                i += 1;
            }
            247..=250 => {
                ints.push((i64::from(b0) - 247) * 256 + i64::from(*cff.get(i + 1)?) + 108);
                i += 2;
            }
            251..=254 => {
                ints.push(-(i64::from(b0) - 251) * 256 - i64::from(*cff.get(i + 1)?) - 108);
                i += 2;
            }
            _ => return None,
        }
    }
    Some(entries)
}

impl Parsed {
    pub(super) fn read(cff: &[u8]) -> Option<Self> {
        let header = usize::from(*cff.get(2)?);
        let (_, after_name) = read_index(cff, header)?;
        let (tops, _) = read_index(cff, after_name)?;
        let top = read_dict(cff, tops.first()?.clone())?;
        let find = |op: u16| top.iter().find(|e| e.op == op);
        let usize_of = |e: &Entry, i: usize| e.ints.get(i).and_then(|&v| usize::try_from(v).ok());
        let (charstrings, _) = read_index(cff, usize_of(find(17)?, 0)?)?;
        let n = charstrings.len();
        let bbox = find(5).map(|e| cff[e.raw.clone()].to_vec()).unwrap_or_default();
        let matrix = find(1207).map(|e| cff[e.raw.clone()].to_vec()).unwrap_or_default();

        let mut dicts = Vec::new();
        let mut fd_select = vec![0u8; n];
        if let Some(fd_array) = find(1236) {
            let (fds, _) = read_index(cff, usize_of(fd_array, 0)?)?;
            for fd in fds {
                let entries = read_dict(cff, fd)?;
                let matrix = entries.iter().find(|e| e.op == 1207).map(|e| cff[e.raw.clone()].to_vec()).unwrap_or_default();
                let private = match entries.iter().find(|e| e.op == 18) {
                    Some(p) => {
                        let (size, off) = (usize_of(p, 0)?, usize_of(p, 1)?);
                        let range = off..off.checked_add(size)?;
                        // Drop Subrs (op 19): the glyphs are flat, and its offset would be wrong.
                        let mut bytes = Vec::with_capacity(size);
                        for e in read_dict(cff, range)? {
                            if e.op != 19 {
                                bytes.extend_from_slice(&cff[e.raw]);
                            }
                        }
                        bytes
                    }
                    None => Vec::new(),
                };
                dicts.push(FontDict { matrix, private });
            }
            let sel = usize_of(find(1237)?, 0)?;
            match *cff.get(sel)? {
                0 => fd_select.copy_from_slice(cff.get(sel + 1..sel + 1 + n)?),
                3 => {
                    let count = usize::from(u16::from_be_bytes([*cff.get(sel + 1)?, *cff.get(sel + 2)?]));
                    for r in 0..count {
                        let at = sel + 3 + r * 3;
                        let first = usize::from(u16::from_be_bytes([*cff.get(at)?, *cff.get(at + 1)?]));
                        let fd = *cff.get(at + 2)?;
                        let next = usize::from(u16::from_be_bytes([*cff.get(at + 3)?, *cff.get(at + 4)?]));
                        for slot in fd_select.get_mut(first..next.min(n))? {
                            *slot = fd;
                        }
                    }
                }
                _ => return None,
            }
        } else {
            // Name-keyed CFF: one private dict in the top dict.
            let private = match find(18) {
                Some(p) => {
                    let (size, off) = (usize_of(p, 0)?, usize_of(p, 1)?);
                    let mut bytes = Vec::with_capacity(size);
                    for e in read_dict(cff, off..off.checked_add(size)?)? {
                        if e.op != 19 {
                            bytes.extend_from_slice(&cff[e.raw]);
                        }
                    }
                    bytes
                }
                None => Vec::new(),
            };
            dicts.push(FontDict { matrix: Vec::new(), private });
        }
        Some(Self { charstrings, fd_select, dicts, bbox, matrix })
    }
}
