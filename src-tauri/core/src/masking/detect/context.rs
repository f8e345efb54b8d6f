//! Detections that need context words: a person's name after 联系人/姓名/name:, an address
//! after 地址/address, a passport number after 护照/passport, a birth date after 出生/生日/DOB.
//! The words are found with one Aho-Corasick automaton; what follows them is read by hand.
//! Names and addresses are guesses, so they carry a low confidence and `Basis::Context`.

use super::{checks, hit, Basis, Hit};
use crate::masking::kinds::PiiKind;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::OnceLock;

#[derive(Clone, Copy)]
enum Cue {
    Name,
    EnglishName,
    Address,
    Passport,
    Birth,
}

const CUES: &[(&str, Cue)] = &[
    ("联系人", Cue::Name),
    ("姓名", Cue::Name),
    ("收件人", Cue::Name),
    ("name:", Cue::EnglishName),
    ("name=", Cue::EnglishName),
    ("contact:", Cue::EnglishName),
    ("地址", Cue::Address),
    ("住址", Cue::Address),
    ("address:", Cue::Address),
    ("护照", Cue::Passport),
    ("passport", Cue::Passport),
    ("出生", Cue::Birth),
    ("生日", Cue::Birth),
    ("birth", Cue::Birth),
    ("dob", Cue::Birth),
];

fn automaton() -> Option<&'static AhoCorasick> {
    static AC: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    AC.get_or_init(|| {
        AhoCorasickBuilder::new().ascii_case_insensitive(true).match_kind(MatchKind::LeftmostFirst).build(CUES.iter().map(|(w, _)| w)).ok()
    })
    .as_ref()
}

pub fn scan(b: &[u8], out: &mut Vec<Hit>) {
    let Some(ac) = automaton() else { return };
    for m in ac.find_iter(b) {
        let after = skip_separators(b, m.end());
        let found = match CUES[m.pattern().as_usize()].1 {
            Cue::Name => chinese_name(b, after),
            Cue::EnglishName => english_name(b, after),
            Cue::Address => address(b, after),
            Cue::Passport => {
                out.extend(passports(b, after));
                continue;
            }
            Cue::Birth => birth_date(b, after),
        };
        out.extend(found);
    }
}

fn skip_separators(b: &[u8], mut i: usize) -> usize {
    while let Some(c) = b.get(i) {
        match c {
            b' ' | b':' | b'=' | b'\t' => i += 1,
            0xEF if b.get(i..i + 3) == Some("：".as_bytes()) => i += 3,
            _ => break,
        }
    }
    i
}

/// The character at `i` if it is a CJK unified ideograph (three UTF-8 bytes).
fn han_at(b: &[u8], i: usize) -> Option<char> {
    let s = std::str::from_utf8(b.get(i..i + 3)?).ok()?;
    s.chars().next().filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
}

pub const COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "轩辕", "端木", "南宫", "西门", "独孤", "百里", "呼延", "钟离", "申屠", "澹台",
];

pub const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";

/// How many bytes of `b[i..]` the surname takes (compound first), if it starts with one.
pub fn surname_len(s: &str) -> Option<usize> {
    if COMPOUND_SURNAMES.iter().any(|c| s.starts_with(c)) {
        return Some(6);
    }
    let first = s.chars().next()?;
    SURNAMES.contains(first).then(|| first.len_utf8())
}

/// Words that follow a name directly and are not part of it (联系人张伟先生, 张伟电话…).
const AFTER_NAME: &[&str] = &["先生", "女士", "小姐", "电话", "手机", "经理", "总监", "老师", "邮箱", "地址", "职位", "总", "工"];

/// Up to `max` bytes of text from `at`, cut back to a character boundary.
fn text_from(b: &[u8], at: usize, max: usize) -> &str {
    let w = b.get(at..(at + max).min(b.len())).unwrap_or_default();
    match std::str::from_utf8(w) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&w[..e.valid_up_to()]).unwrap_or_default(),
    }
}

fn chinese_name(b: &[u8], at: usize) -> Option<Hit> {
    let rest = text_from(b, at, 24);
    let sur = surname_len(rest)?;
    let mut end = at + sur;
    let mut given = 0;
    while given < 2 && han_at(b, end).is_some() {
        let tail = text_from(b, end, 6);
        if given > 0 && AFTER_NAME.iter().any(|w| tail.starts_with(w)) {
            break;
        }
        end += 3;
        given += 1;
    }
    if given == 0 {
        return None;
    }
    let clean_end = han_at(b, end).is_none();
    Some(hit(PiiKind::Name, at, end, if clean_end { 0.7 } else { 0.6 }, Basis::Context))
}

fn english_name(b: &[u8], at: usize) -> Option<Hit> {
    let (mut i, mut words) = (at, 0);
    let mut end = at;
    while words < 3 && b.get(i).is_some_and(u8::is_ascii_uppercase) {
        let start = i;
        i += 1;
        while b.get(i).is_some_and(|c| c.is_ascii_lowercase() || matches!(c, b'\'' | b'-')) {
            i += 1;
        }
        if i - start < 2 || b.get(i).is_some_and(u8::is_ascii_alphanumeric) {
            break;
        }
        words += 1;
        end = i;
        if b.get(i) == Some(&b' ') && b.get(i + 1).is_some_and(u8::is_ascii_uppercase) {
            i += 1;
        } else {
            break;
        }
    }
    (words > 0).then(|| hit(PiiKind::Name, at, end, 0.6, Basis::Context))
}

/// Markers of the administrative hierarchy and streets in a Chinese address.
const ADDRESS_MARKS: [char; 9] = ['省', '市', '区', '县', '镇', '路', '街', '道', '号'];

fn address(b: &[u8], at: usize) -> Option<Hit> {
    let mut end = at;
    let mut marks = 0;
    while end < b.len() && end - at < 240 {
        let c = b[end];
        if matches!(c, b',' | b';' | b'\n' | b'\r' | b'"' | b'|' | b'\t') {
            break;
        }
        let width = match c {
            0..=0x7F => 1,
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
        let ch = std::str::from_utf8(b.get(end..end + width)?).ok()?.chars().next()?;
        if matches!(ch, '。' | '，' | '；' | '、') {
            break;
        }
        marks += usize::from(ADDRESS_MARKS.contains(&ch));
        end += width;
    }
    // Cut by the length limit inside a word or number (`168.2345…`, a dotted number): take the
    // rest of it too, up to a space or separator, or it would be left glued to the mask, a new
    // number for the next pass.
    if end - at >= 240 {
        while end < b.len() && b[end].is_ascii_graphic() && !matches!(b[end], b',' | b';' | b'"' | b'|') {
            end += 1;
        }
    }
    while end > at && b[end - 1] == b' ' {
        end -= 1;
    }
    let latin = b.get(at).is_some_and(u8::is_ascii_alphanumeric);
    // An `@` makes it an e-mail address (`邮箱地址`), a `*` text already masked: found again as
    // an address, masked text would change on every pass.
    let masked_or_email = b[at..end].iter().any(|c| matches!(c, b'@' | b'*'));
    let ok = !masked_or_email && if latin { end - at >= 8 } else { marks >= 2 };
    ok.then(|| hit(PiiKind::Address, at, end, if latin { 0.5 } else { 0.6 }, Basis::Context))
}

/// The runs of letters and digits that start within a few characters after the cue word.
/// With `masked_too`, a run may hold `*` (`E******38`, or `*` alone where a value was masked),
/// so masking a value does not change which run is the third.
fn runs_after(b: &[u8], at: usize, masked_too: bool) -> impl Iterator<Item = (usize, usize)> + '_ {
    let limit = (at + 16).min(b.len());
    let word = move |c: u8| c.is_ascii_alphanumeric() || (masked_too && c == b'*');
    let mut i = at;
    std::iter::from_fn(move || {
        let start = (i..limit).find(|&j| word(b[j]) && (j == 0 || !word(b[j - 1])))?;
        let mut end = start;
        while end < b.len() && word(b[end]) {
            end += 1;
        }
        i = end;
        Some((start, end))
    })
}

fn next_run(b: &[u8], at: usize) -> Option<(usize, usize)> {
    runs_after(b, at, false).next()
}

/// Whether the run `s..e` is one part of a dotted number such as an IP address or a
/// version (`E14352192.168.1.10`): then it is not a number on its own.
pub(super) fn dotted(b: &[u8], s: usize, e: usize) -> bool {
    // A masked digit counts as one (`D::*.S0202001`: `56` masked), or masking would turn a
    // dotted number's part into a number of its own (found by fuzzing).
    let digit = |i: usize| b.get(i).is_some_and(|c| c.is_ascii_digit() || *c == b'*');
    (b.get(e) == Some(&b'.') && digit(e + 1)) || (s >= 2 && b[s - 1] == b'.' && digit(s - 2))
}

/// Every passport number among the first three runs after the cue (not only the first: once
/// it is masked, the next pass would take the second for the cue's number).
fn passports(b: &[u8], at: usize) -> impl Iterator<Item = Hit> + '_ {
    runs_after(b, at, true).take(3).filter(move |&(s, e)| passport_number(&b[s..e]) && !dotted(b, s, e)).map(|(s, e)| hit(PiiKind::Passport, s, e, 0.85, Basis::Context))
}

/// E/EA… (ordinary), G (older ordinary), D/DE (diplomatic), S/SE (service) numbers.
fn passport_number(r: &[u8]) -> bool {
    let digits = |from: usize, n: usize| r.len() == from + n && r[from..].iter().all(u8::is_ascii_digit);
    match r.first() {
        Some(b'E') => digits(1, 8) || (r.len() == 9 && r[1].is_ascii_uppercase() && r[1] != b'I' && r[1] != b'O' && digits(2, 7)),
        Some(b'G') => digits(1, 8),
        Some(b'D' | b'S') => digits(1, 8) || digits(1, 7) || (r.get(1) == Some(&b'E') && digits(2, 7)),
        _ => false,
    }
}

fn birth_date(b: &[u8], at: usize) -> Option<Hit> {
    let (s, _) = next_run(b, at)?;
    let num = |i: &mut usize, max: usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() && *i - start < max {
            *i += 1;
        }
        let v = b[start..*i].iter().fold(0u32, |a, d| a * 10 + u32::from(d - b'0'));
        (*i > start).then_some(v)
    };
    let mut i = s;
    let year = num(&mut i, 4).filter(|_| i - s == 4)?;
    let zh = b[i..].starts_with("年".as_bytes());
    let sep = |i: &mut usize, zh_mark: &str| -> Option<()> {
        if zh {
            b[*i..].starts_with(zh_mark.as_bytes()).then(|| *i += zh_mark.len())
        } else {
            matches!(b.get(*i), Some(b'-' | b'/' | b'.')).then(|| *i += 1)
        }
    };
    sep(&mut i, "年")?;
    let month = num(&mut i, 2)?;
    sep(&mut i, "月")?;
    let day = num(&mut i, 2)?;
    if zh && b[i..].starts_with("日".as_bytes()) {
        i += 3;
    }
    let glued = b.get(i).is_some_and(u8::is_ascii_digit);
    let real = (1900..=2099).contains(&year) && checks::date_ok(year, month, day);
    (real && !glued).then(|| hit(PiiKind::BirthDate, s, i, 0.7, Basis::Context))
}
