//! Throughput and accuracy of personal-data detection and masking on a generated mixed
//! zh/en CSV with known ground truth. Run it in release:
//! `cargo test --release -p dealdesk-core --test mask_speed -- --ignored --nocapture`
//! (MASK_BENCH_MB sets the size, default 100; MASK_BENCH_OUT=DIR also writes the CSV and its
//! ground truth there for bench/masking/presidio_bench.py).

use dealdesk_core::masking::apply::{MaskReport, Masker};
use dealdesk_core::masking::detect::detect;
use dealdesk_core::masking::kinds::PiiKind;
use dealdesk_core::masking::policy::Policy;
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write;
use std::time::Instant;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn digits(&mut self, n: usize) -> String {
        (0..n).map(|_| char::from(b'0' + self.below(10) as u8)).collect()
    }
    fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[self.below(v.len())]
    }
}

// Independent check digits (same formulas as the detector tests, not the detector's code).
fn id18(r: &mut Rng) -> String {
    let region = r.pick(&["110101", "310104", "440305", "320102", "510107", "330106"]);
    let (y, m) = (1950 + r.below(60), 1 + r.below(12));
    let body = format!("{region}{y}{m:02}{:02}{}", 1 + r.below(28), r.digits(3));
    let sum: u32 = body.bytes().enumerate().map(|(i, d)| u32::from(d - b'0') * (1u32 << (17 - i)) % 11).sum();
    let check = match (12 - sum % 11) % 11 {
        10 => 'X',
        n => char::from(b'0' + n as u8),
    };
    format!("{body}{check}")
}

fn uscc(r: &mut Rng) -> String {
    const SET: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
    let mut body = format!("91{}", r.pick(&["110108", "310115", "440300", "330100"]));
    for _ in 0..9 {
        body.push(char::from(SET[r.below(31)]));
    }
    let (mut sum, mut w) = (0u64, 1u64);
    for c in body.bytes() {
        sum += SET.iter().position(|s| *s == c).unwrap_or(0) as u64 * w;
        w = w * 3 % 31;
    }
    body.push(char::from(SET[((31 - sum % 31) % 31) as usize]));
    body
}

fn card(r: &mut Rng) -> String {
    // UnionPay cards are 16–19 digits; Visa and Mastercard ones 16.
    let prefix = r.pick(&["622202", "621700", "622848", "436742", "552288"]);
    let len = if prefix.starts_with('6') { 9 + r.below(4) } else { 9 };
    let body = format!("{prefix}{}", r.digits(len));
    const DOUBLED: [u32; 10] = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9];
    let sum: u32 = body.bytes().rev().enumerate().map(|(i, d)| if i % 2 == 0 { DOUBLED[usize::from(d - b'0')] } else { u32::from(d - b'0') }).sum();
    format!("{body}{}", (10 - sum % 10) % 10)
}

fn mobile(r: &mut Rng) -> String {
    format!("1{}{}", r.pick(&["3", "5", "7", "8", "9"]), r.digits(9))
}

const SURNAMES: &[&str] = &["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "欧阳", "司马", "周", "吴"];
const GIVEN: &[&str] = &["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟"];

fn name(r: &mut Rng) -> String {
    let given: String = (0..1 + r.below(2)).map(|_| r.pick(GIVEN)).collect();
    format!("{}{given}", r.pick(SURNAMES))
}

/// Text with its ground truth as byte spans.
struct Doc {
    text: String,
    truth: Vec<(PiiKind, usize, usize)>,
}

impl Doc {
    fn raw(&mut self, s: &str) {
        self.text.push_str(s);
    }
    fn pii(&mut self, kind: PiiKind, s: &str) {
        let start = self.text.len();
        self.text.push_str(s);
        self.truth.push((kind, start, self.text.len()));
    }
}

fn note(d: &mut Doc, r: &mut Rng) {
    match r.below(16) {
        0 => {
            d.raw("联系人：");
            d.pii(PiiKind::Name, &name(r));
            d.raw("，电话");
            d.pii(PiiKind::Mobile, &mobile(r));
        }
        1 => {
            d.raw("身份证号");
            d.pii(PiiKind::ResidentId, &id18(r));
            d.raw("，请核对");
        }
        2 => {
            d.raw("统一社会信用代码：");
            d.pii(PiiKind::Uscc, &uscc(r));
        }
        3 => {
            d.raw("卡号 ");
            d.pii(PiiKind::BankCard, &card(r));
            d.raw(" 已登记");
        }
        4 => {
            let m = mobile(r);
            d.raw("call ");
            d.pii(PiiKind::Mobile, &format!("+86 {}-{}-{}", &m[..3], &m[3..7], &m[7..]));
            d.raw(" or mail ");
            d.pii(PiiKind::Email, &format!("li.{}@example.com", r.digits(3)));
        }
        5 => {
            d.raw("办公电话 ");
            d.pii(PiiKind::Landline, &format!("0{}-{}{}", r.pick(&["10", "21", "755", "571"]), 2 + r.below(7), r.digits(7)));
        }
        6 => {
            d.raw("护照号码：");
            d.pii(PiiKind::Passport, &format!("E{}", r.digits(8)));
        }
        7 => {
            d.raw("车牌");
            d.pii(PiiKind::LicencePlate, &format!("{}{}{}", r.pick(&["京", "沪", "粤", "浙"]), r.pick(&["A", "B", "C"]), r.digits(5)));
        }
        8 => {
            d.raw("login from ");
            d.pii(PiiKind::Ipv4, &format!("10.{}.{}.{}", r.below(256), r.below(256), r.below(256)));
        }
        9 => {
            d.raw("地址：");
            d.pii(PiiKind::Address, &format!("{}{}号", r.pick(&["广东省深圳市南山区科技园路", "浙江省杭州市西湖区文三路", "北京市朝阳区建国路"]), 1 + r.below(300)));
        }
        10 => {
            d.raw("出生日期：");
            d.pii(PiiKind::BirthDate, &format!("19{}-0{}-1{}", 50 + r.below(50), 1 + r.below(9), r.below(10)));
        }
        11 => {
            d.raw("手机");
            let wide: String = mobile(r).chars().map(|c| char::from_u32(c as u32 - 0x30 + 0xFF10).unwrap_or(c)).collect();
            d.pii(PiiKind::Mobile, &wide);
        }
        // Look-alikes that must not match.
        12 => d.raw(&format!("订单号 2026{} 金额 {}.{} 元", r.digits(12), r.below(100000), r.digits(2))),
        13 => {
            let mut bad = id18(r);
            let last = if bad.ends_with('1') { '2' } else { '1' };
            bad.pop();
            bad.push(last);
            d.raw(&format!("编号{bad}作废, SKU-{} v1.2.3 at 12:30:45", r.digits(8)));
        }
        14 => d.raw(&format!("Meeting at the Shenzhen trade show, ref {}{}", r.digits(11), r.pick(&["A", "B"]))),
        _ => d.raw("客户希望下周安排演示，预算待确认。Follow up next week."),
    }
}

fn generate(target: usize) -> Doc {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    let mut d = Doc { text: String::with_capacity(target + 1024), truth: Vec::new() };
    d.raw("id,客户名称,联系人,手机号,email,备注,amount\n");
    let mut row = 0u64;
    while d.text.len() < target {
        row += 1;
        let company = r.pick(&["华信科技有限公司", "Acme Trading Ltd.", "深圳市南山软件有限公司", "Blue Harbor GmbH"]);
        let _ = write!(d.text, "C{row:08},{company},{},", name(&mut r));
        d.pii(PiiKind::Mobile, &mobile(&mut r));
        d.raw(",");
        d.pii(PiiKind::Email, &format!("user{}@mail{}.cn", r.digits(4), r.below(9)));
        d.raw(",\"");
        note(&mut d, &mut r);
        let _ = writeln!(d.text, "\",{}.{}", r.below(1_000_000), r.digits(2));
    }
    d
}

/// The generated CSV and its ground truth (`kind<TAB>start<TAB>end` in characters, end
/// exclusive) for bench/masking/presidio_bench.py, which scores another tool on the same text.
fn write_for_peers(doc: &Doc, dir: &std::path::Path) {
    std::fs::create_dir_all(dir).expect("bench output folder");
    std::fs::write(dir.join("bench.csv"), &doc.text).expect("write bench.csv");
    let mut chars_before = 0usize;
    let mut last_byte = 0usize;
    let mut truth = String::new();
    let mut spans: Vec<&(PiiKind, usize, usize)> = doc.truth.iter().collect();
    spans.sort_by_key(|t| t.1);
    for (kind, start, end) in spans {
        chars_before += doc.text[last_byte..*start].chars().count();
        last_byte = *start;
        let len = doc.text[*start..*end].chars().count();
        let _ = writeln!(truth, "{}\t{}\t{}", kind.code(), chars_before, chars_before + len);
    }
    std::fs::write(dir.join("truth.tsv"), truth).expect("write truth.tsv");
    println!("wrote {}/bench.csv and truth.tsv", dir.display());
}

#[test]
#[ignore]
fn mask_speed() {
    let mb: usize = std::env::var("MASK_BENCH_MB").ok().and_then(|v| v.parse().ok()).unwrap_or(100);
    let t = Instant::now();
    let doc = generate(mb << 20);
    let size = doc.text.len() as f64 / (1 << 20) as f64;
    println!("generated {size:.1} MB, {} true spans, in {:.1} s", doc.truth.len(), t.elapsed().as_secs_f64());
    if let Ok(dir) = std::env::var("MASK_BENCH_OUT") {
        write_for_peers(&doc, std::path::Path::new(&dir));
    }

    let t = Instant::now();
    let found = detect(&doc.text);
    let scan_secs = t.elapsed().as_secs_f64();
    println!("scan:  {:.0} MB/s ({} detections in {scan_secs:.2} s)", size / scan_secs, found.len());

    let policy = Policy::default_policy();
    let masker = Masker { policy: &policy, keys: None };
    let t = Instant::now();
    let (masked, report): (Vec<u8>, MaskReport) = masker.csv("bench.csv", doc.text.as_bytes()).expect("masked");
    let apply_secs = t.elapsed().as_secs_f64();
    println!("apply: {:.0} MB/s ({} values masked in {} rows, {apply_secs:.2} s)", size / apply_secs, report.total(), report.rows);

    let truth: HashSet<(PiiKind, usize, usize)> = doc.truth.iter().copied().collect();
    let got: HashSet<(PiiKind, usize, usize)> = found.iter().map(|d| (d.kind, d.bytes.start, d.bytes.end)).collect();
    let mut table: BTreeMap<PiiKind, (usize, usize, usize)> = BTreeMap::new();
    for t in &truth {
        let e = table.entry(t.0).or_default();
        if got.contains(t) { e.0 += 1 } else { e.2 += 1 }
    }
    for g in got.difference(&truth) {
        table.entry(g.0).or_default().1 += 1;
    }
    println!("{:<14} {:>9} {:>7} {:>7} {:>9} {:>9}", "kind", "true pos", "false+", "missed", "recall", "precision");
    for (kind, (tp, fp, fnn)) in &table {
        let recall = *tp as f64 / (tp + fnn).max(1) as f64;
        let precision = *tp as f64 / (tp + fp).max(1) as f64;
        println!("{:<14} {tp:>9} {fp:>7} {fnn:>7} {recall:>9.4} {precision:>9.4}", kind.code());
    }
    let masked = String::from_utf8(masked).expect("utf8");
    let strong = [PiiKind::ResidentId, PiiKind::Uscc, PiiKind::Mobile, PiiKind::BankCard, PiiKind::Email];
    // A masked e-mail address (`z***@example.com`) is still found as one; a leak is a value
    // found with no mask character in it.
    let leaks = detect(&masked).iter().filter(|d| strong.contains(&d.kind) && d.kind != PiiKind::Uscc && !masked[d.bytes.clone()].contains('*')).count();
    println!("after apply: {leaks} resident ID / mobile / card / e-mail detection(s) left in the masked file");
    assert_eq!(leaks, 0, "masked output holds personal data in clear");
    for kind in strong {
        let (tp, fp, fnn) = table.get(&kind).copied().unwrap_or_default();
        assert!(tp as f64 / (tp + fnn).max(1) as f64 > 0.99 && tp as f64 / (tp + fp).max(1) as f64 > 0.99, "{kind} below 0.99");
    }
}
