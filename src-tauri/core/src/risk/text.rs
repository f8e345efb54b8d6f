//! Reading contract text for the rules: sentences with their offsets, and the numbers that
//! matter in either language — periods (30日, 三十天, 六个月, thirty (30) days, 120 days),
//! percentages (50%, 百分之五十, 千分之一, 万分之五) and daily rates (0.1%/day, 按日万分之五).
//! Matching runs on an ASCII-lowercased copy, which keeps every byte offset of the original.

use regex::Regex;
use std::sync::LazyLock;

/// A sentence of a passage: byte range in the passage and the lowercased text.
#[derive(Debug, Clone)]
pub struct Sentence {
    pub passage: usize,
    pub start: usize,
    pub end: usize,
    pub low: String,
}

/// Splits at 。；;！!？? and line breaks, and at an English full stop followed by a space.
pub fn sentences(passage: usize, text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let push = |s: usize, e: usize, out: &mut Vec<Sentence>| {
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if piece.trim().is_empty() {
            return;
        }
        let (s, e) = (s + lead, e - trail);
        out.push(Sentence { passage, start: s, end: e, low: text[s..e].to_ascii_lowercase() });
    };
    for (i, ch) in text.char_indices() {
        let end = i + ch.len_utf8();
        let stop = match ch {
            '。' | '；' | ';' | '！' | '!' | '？' | '?' | '\n' => true,
            '.' => bytes.get(end).is_none_or(|b| b.is_ascii_whitespace()),
            _ => false,
        };
        if stop {
            push(start, end, &mut out);
            start = end;
        }
    }
    if start < text.len() {
        push(start, text.len(), &mut out);
    }
    out
}

/// A Chinese numeral (三十, 一百二十, 十五, 两) as a number.
pub fn zh_number(s: &str) -> Option<u64> {
    let (mut total, mut section, mut number) = (0u64, 0u64, 0u64);
    let mut any = false;
    for ch in s.chars() {
        let digit = match ch {
            '零' | '〇' => Some(0),
            '一' => Some(1),
            '二' | '两' => Some(2),
            '三' => Some(3),
            '四' => Some(4),
            '五' => Some(5),
            '六' => Some(6),
            '七' => Some(7),
            '八' => Some(8),
            '九' => Some(9),
            _ => None,
        };
        if let Some(d) = digit {
            number = d;
            any = true;
            continue;
        }
        let unit = match ch {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            '万' => {
                total += (section + number) * 10_000;
                section = 0;
                number = 0;
                continue;
            }
            _ => return None,
        };
        if number == 0 && unit == 10 {
            number = 1;
        }
        section += number * unit;
        number = 0;
        any = true;
    }
    any.then_some(total + section + number)
}

/// A number written in digits, Chinese numerals or Chinese with 点 (零点五).
fn any_number(s: &str) -> Option<f64> {
    let s = s.trim();
    if let Ok(v) = s.parse::<f64>() {
        return Some(v);
    }
    match s.split_once('点') {
        Some((int, frac)) => {
            let int = if int.is_empty() { 0 } else { zh_number(int)? };
            let digits: Option<String> = frac.chars().map(|c| zh_number(&c.to_string()).and_then(|d| char::from_digit(d as u32, 10))).collect();
            format!("{int}.{}", digits?).parse().ok()
        }
        None => zh_number(s).map(|v| v as f64),
    }
}

fn en_word(w: &str) -> Option<u64> {
    const SMALL: [&str; 20] = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
    const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    if let Some(i) = SMALL.iter().position(|s| *s == w) {
        return Some(i as u64);
    }
    TENS.iter().position(|s| *s == w).map(|i| (i as u64 + 2) * 10)
}

/// "one hundred and twenty", "forty-five", "thirty" as a number.
pub fn en_number(s: &str) -> Option<u64> {
    let (mut total, mut current, mut any) = (0u64, 0u64, false);
    for w in s.split(|c: char| c.is_whitespace() || c == '-').filter(|w| !w.is_empty() && *w != "and") {
        match w {
            "hundred" => current = current.max(1) * 100,
            "thousand" => {
                total += current.max(1) * 1000;
                current = 0;
            }
            _ => current += en_word(w)?,
        }
        any = true;
    }
    any.then_some(total + current)
}

const EN_NUM: &str = "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand";

static ZH_PERIOD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"([0-9]+|[零〇一二两三四五六七八九十百千]+)\s*[)）]?\s*个?\s*(工作日|日历日|自然日|个月|小时|日|天|月|周|星期|年)").expect("zh period"));
static EN_DIGIT_PERIOD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b([0-9]+)\s*\)?\s*(?:calendar\s+|business\s+|working\s+)?(days?|months?|weeks?|years?|hours?)\b").expect("en period"));
static EN_WORD_PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\b((?:(?:{EN_NUM})(?:[\s-]+(?:and[\s-]+)?)?)+)\s*(?:calendar\s+|business\s+|working\s+)?(days?|months?|weeks?|years?|hours?)\b")).expect("en word period")
});

/// A period found in a sentence: byte range (in the sentence) and length in days.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Period {
    pub start: usize,
    pub end: usize,
    pub days: u64,
}

/// Length in days of `n` units (hours round up to whole days: 48 小时 is 2 days).
fn days_of(n: u64, unit: &str) -> u64 {
    if unit == "小时" || unit.starts_with("hour") {
        return n.div_ceil(24);
    }
    n * unit_days(unit)
}

fn unit_days(unit: &str) -> u64 {
    match unit {
        u if u.starts_with("month") || u == "个月" || u == "月" => 30,
        u if u.starts_with("week") || u == "周" || u == "星期" => 7,
        u if u.starts_with("year") || u == "年" => 365,
        _ => 1,
    }
}

/// Every period in `low` (a lowercased sentence), dates (2026年12月31日) left out.
pub fn periods(low: &str) -> Vec<Period> {
    let mut out = Vec::new();
    for c in ZH_PERIOD.captures_iter(low) {
        let (Some(all), Some(num), Some(unit)) = (c.get(0), c.get(1), c.get(2)) else { continue };
        let Some(n) = num.as_str().parse::<u64>().ok().or_else(|| zh_number(num.as_str())) else { continue };
        let before = &low[..all.start()];
        let after = &low[all.end()..];
        let is_date = match unit.as_str() {
            "年" => n >= 1000,
            "月" => after.chars().next().is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c)),
            "日" => before.ends_with('月'),
            _ => false,
        };
        if !is_date {
            out.push(Period { start: all.start(), end: all.end(), days: days_of(n, unit.as_str()) });
        }
    }
    for c in EN_DIGIT_PERIOD.captures_iter(low) {
        let (Some(all), Some(num), Some(unit)) = (c.get(0), c.get(1), c.get(2)) else { continue };
        if let Ok(n) = num.as_str().parse::<u64>() {
            out.push(Period { start: all.start(), end: all.end(), days: days_of(n, unit.as_str()) });
        }
    }
    for c in EN_WORD_PERIOD.captures_iter(low) {
        let (Some(all), Some(num), Some(unit)) = (c.get(0), c.get(1), c.get(2)) else { continue };
        if let Some(n) = en_number(num.as_str()) {
            out.push(Period { start: all.start(), end: all.end(), days: days_of(n, unit.as_str()) });
        }
    }
    out.sort_by_key(|p| p.start);
    out
}

static PERCENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([0-9]+(?:\.[0-9]+)?)\s*[%％]|(百|千|万)分之([0-9.]+|[零〇一二两三四五六七八九十百点]+)|([0-9]+(?:\.[0-9]+)?)\s*percent").expect("percent")
});

/// Percentages in `low` with their byte start: 50% → 50, 千分之一 → 0.1, 万分之五 → 0.05.
pub fn percents(low: &str) -> Vec<(usize, f64)> {
    let mut out = Vec::new();
    for c in PERCENT.captures_iter(low) {
        let Some(all) = c.get(0) else { continue };
        let value = if let Some(v) = c.get(1).or(c.get(4)) {
            v.as_str().parse::<f64>().ok()
        } else {
            let base = match c.get(2).map(|m| m.as_str()) {
                Some("千") => 10.0,
                Some("万") => 100.0,
                _ => 1.0,
            };
            c.get(3).and_then(|m| any_number(m.as_str())).map(|v| v / base)
        };
        if let Some(v) = value {
            out.push((all.start(), v));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(text: &str) -> Vec<u64> {
        periods(&text.to_ascii_lowercase()).into_iter().map(|p| p.days).collect()
    }

    #[test]
    fn periods_are_read_in_both_languages() {
        assert_eq!(days("30日内"), vec![30]);
        assert_eq!(days("三十天内"), vec![30]);
        assert_eq!(days("六个月"), vec![180]);
        assert_eq!(days("一百二十日"), vec![120]);
        assert_eq!(days("六十（60）日"), vec![60]);
        assert_eq!(days("within thirty (30) days"), vec![30]);
        assert_eq!(days("within 120 days of invoice"), vec![120]);
        assert_eq!(days("one hundred and twenty days"), vec![120]);
        assert_eq!(days("forty-five business days"), vec![45]);
        assert_eq!(days("于2026年12月31日前交付"), Vec::<u64>::new(), "a date is not a period");
        assert_eq!(days("24小时内送达"), vec![1]);
        assert_eq!(days("within forty-eight (48) hours"), vec![2]);
    }

    #[test]
    fn percentages_and_rates_are_read_in_both_languages() {
        let v = |t: &str| percents(&t.to_ascii_lowercase()).into_iter().map(|(_, v)| v).collect::<Vec<_>>();
        assert_eq!(v("合同总价的50%"), vec![50.0]);
        assert_eq!(v("百分之三十五"), vec![35.0]);
        assert_eq!(v("千分之一"), vec![0.1]);
        assert_eq!(v("按日万分之五"), vec![0.05]);
        assert_eq!(v("0.1%/day"), vec![0.1]);
        assert_eq!(v("40 percent of the price"), vec![40.0]);
    }

    #[test]
    fn sentences_keep_offsets_and_split_in_both_languages() {
        let text = "第一句。Second one. 0.05% stays; last";
        let s = sentences(0, text);
        let parts: Vec<&str> = s.iter().map(|x| &text[x.start..x.end]).collect();
        assert_eq!(parts, vec!["第一句。", "Second one.", "0.05% stays;", "last"]);
    }
}
