//! Detector tests. Valid and invalid samples come from checksum code written here again,
//! differently (powers of 2 mod 11, powers of 3 mod 31, Luhn by doubling table), so a bug
//! in checks.rs cannot pass its own samples.

use super::*;
use crate::masking::kinds::PiiKind::{self, *};

/// ISO 7064 MOD 11-2 the textbook way: weight 2^(17-i) mod 11, check = (12 - sum) mod 11.
fn id_check(first17: &str) -> char {
    let sum: u32 = first17.bytes().enumerate().map(|(i, d)| u32::from(d - b'0') * (1u32 << (17 - i)) % 11).sum();
    match (12 - sum % 11) % 11 {
        10 => 'X',
        n => char::from_digit(n, 10).unwrap_or('?'),
    }
}

fn make_id(region: &str, date: &str, seq: &str) -> String {
    let body = format!("{region}{date}{seq}");
    format!("{body}{}", id_check(&body))
}

fn wrong_check(id: &str) -> String {
    let c = id.chars().last().unwrap_or('0');
    let other = if c == '1' { '2' } else { '1' };
    format!("{}{other}", &id[..17])
}

const USCC_SET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

fn make_uscc(first17: &str) -> String {
    let mut sum = 0u64;
    let mut w = 1u64;
    for c in first17.chars() {
        sum += USCC_SET.find(c).map_or(0, |v| v as u64) * w;
        w = w * 3 % 31;
    }
    let check = (31 - sum % 31) % 31;
    format!("{first17}{}", USCC_SET.as_bytes()[check as usize] as char)
}

fn make_card(prefix_and_body: &str) -> String {
    const DOUBLED: [u32; 10] = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9];
    let sum: u32 = prefix_and_body.bytes().rev().enumerate().map(|(i, d)| if i % 2 == 0 { DOUBLED[usize::from(d - b'0')] } else { u32::from(d - b'0') }).sum();
    format!("{prefix_and_body}{}", (10 - sum % 10) % 10)
}

fn found(text: &str) -> Vec<(PiiKind, String)> {
    detect(text).into_iter().map(|d| (d.kind, text.chars().skip(d.start).take(d.end - d.start).collect())).collect()
}

fn only(text: &str, kind: PiiKind, value: &str) {
    assert_eq!(found(text), vec![(kind, value.to_string())], "in {text:?}");
}

#[test]
fn resident_ids_in_chinese_text_json_and_csv() {
    for id in [make_id("110101", "19900307", "123"), make_id("440305", "20000229", "007"), make_id("310104", "19491001", "095")] {
        only(&format!("身份证号码：{id}，请核对"), ResidentId, &id);
        only(&format!("{{\"id_card\":\"{id}\"}}"), ResidentId, &id);
        only(&format!("王五,{id},北京\n"), ResidentId, &id);
    }
    let x = (0..1000).map(|s| make_id("110105", "19491231", &format!("{s:03}"))).find(|id| id.ends_with('X')).unwrap_or_default();
    only(&format!("证件{}", x.to_lowercase()), ResidentId, &x.to_lowercase());
}

#[test]
fn bad_ids_are_not_found() {
    let good = make_id("110101", "19900307", "123");
    let feb30 = make_id("110101", "20240230", "123");
    let not_leap = make_id("320102", "19000229", "456");
    let bad_region = make_id("990101", "19900307", "123");
    for bad in [wrong_check(&good), feb30, not_leap, bad_region] {
        assert_eq!(found(&format!("号码{bad}。")), vec![], "{bad}");
    }
    for glued in [format!("7{good}"), format!("{good}7"), format!("a{good}"), format!("{good}b"), format!("{good}{good}")] {
        assert_eq!(found(&format!("编号{glued}联系")), vec![], "{glued}");
    }
}

#[test]
fn legacy_15_digit_ids_are_their_own_kind() {
    only("旧证号 110101900307123 有效", ResidentId15, "110101900307123");
    assert_eq!(found("旧证号 110101900230123"), vec![], "Feb 30");
}

#[test]
fn full_width_digits_are_read_and_offsets_stay_on_the_input() {
    let id = make_id("110101", "19900307", "123");
    let wide: String = id.chars().map(|c| if c.is_ascii_digit() { char::from_u32(c as u32 - 0x30 + 0xFF10).unwrap_or(c) } else { c }).collect();
    let text = format!("身份证：{wide}，手机１３８１２３４５６７８");
    let hits = detect(&text);
    assert_eq!(hits.iter().map(|d| d.kind).collect::<Vec<_>>(), vec![ResidentId, Mobile]);
    assert_eq!((hits[0].start, hits[0].end), (4, 22));
    assert_eq!(&text[hits[0].bytes.clone()], wide);
}

#[test]
fn uscc_needs_its_check_character_and_the_31_symbols() {
    let code = make_uscc("91350100M000100Y4");
    assert_eq!(code, "91350100M000100Y43", "a published example");
    only(&format!("统一社会信用代码：{code}"), Uscc, &code);
    let other = make_uscc("52440300MJL123456");
    only(&format!("信用代码 {other} 。"), Uscc, &other);
    let last = code.chars().last().unwrap_or('0');
    let wrong = format!("{}{}", &code[..17], if last == '3' { '4' } else { '3' });
    assert_eq!(found(&wrong), vec![]);
    for letter in ['I', 'O', 'Z', 'S', 'V'] {
        let bad = format!("91350100M{letter}00100Y4");
        assert_eq!(found(&format!("代码{bad}3")), vec![], "{letter}");
    }
}

#[test]
fn mobiles_with_prefixes_and_separators() {
    only("电话13812345678联系", Mobile, "13812345678");
    only("call +86 138-1234-5678 now", Mobile, "+86 138-1234-5678");
    only("0086 13912345678", Mobile, "0086 13912345678");
    only("手机：+8615912345678。", Mobile, "+8615912345678");
    only("手机 138 1234 5678", Mobile, "138 1234 5678");
    for glued in ["213812345678", "13812345678a", "x13812345678", "1381234567", "12812345678"] {
        assert_eq!(found(glued), vec![], "{glued}");
    }
    let two = found("13812345678 13987654321");
    assert_eq!(two.len(), 2);
}

#[test]
fn landlines_with_area_codes_and_extensions() {
    only("电话010-12345678", Landline, "010-12345678");
    only("Tel: 0755-1234567.", Landline, "0755-1234567");
    only("总机 010-12345678-123 ", Landline, "010-12345678-123");
    only("0755-1234567转123，", Landline, "0755-1234567转123");
    assert_eq!(found("1010-12345678"), vec![]);
}

#[test]
fn bank_cards_need_luhn() {
    let card = make_card("622202123456789012");
    only(&format!("卡号{card}。"), BankCard, &card);
    let visa = make_card("411111111111111");
    only(&format!("card {visa}"), BankCard, &visa);
    let grouped = format!("{} {} {} {}", &visa[..4], &visa[4..8], &visa[8..12], &visa[12..]);
    only(&format!("卡号：{grouped}"), BankCard, &grouped);
    let last = card.chars().last().unwrap_or('0');
    let broken = format!("{}{}", &card[..card.len() - 1], if last == '9' { '0' } else { (last as u8 + 1) as char });
    assert_eq!(found(&format!("卡号{broken}。")), vec![]);
    assert_eq!(found(&format!("卡号{card}5")), vec![]);
}

#[test]
fn passports_only_near_their_word() {
    only("护照号码：E12345678", Passport, "E12345678");
    only("Passport No. EA1234567", Passport, "EA1234567");
    only("护照 DE1234567", Passport, "DE1234567");
    assert!(detect("passport E14352192.168.1.10").iter().all(|d| d.kind != Passport), "part of a dotted number is no passport");
    // Found by the pii_scan fuzz target: a landline glued to a dotted number.
    assert!(detect("222:02020233445.168.1.1").is_empty(), "part of a dotted number is no landline");
    assert!(detect("金额 13812345678.50 元").is_empty(), "a decimal amount is no mobile");
    assert_eq!(found("型号 E12345678"), vec![]);
    assert_eq!(found("passport D::*.S0202001"), vec![], "nor when the part before it was masked");
    assert_eq!(found("passport 3::* t E67862838"), vec![], "a masked value still counts among the three runs after the cue");
    assert_eq!(found("passport 3::5 t E67862838"), vec![(Ipv6, "3::5".to_string())], "(the fourth run is no passport number)");
}

#[test]
fn licence_plates_including_new_energy() {
    only("车牌京A12345，", LicencePlate, "京A12345");
    only("粤BD12345停在", LicencePlate, "粤BD12345");
    only("沪A·12345", LicencePlate, "沪A·12345");
    assert_eq!(found("京ABCDEF"), vec![]);
}

#[test]
fn email_and_ip_addresses() {
    only("a@b.cn@example.cn", Email, "a@b.cn@example.cn");
    only("x@y@example.cn", Email, "y@example.cn");
    only("q***@2.1.1.1.example.cn", Email, "q***@2.1.1.1.example.cn");
    assert_eq!(found("a@b.cn*c@d.cn"), vec![(Email, "a@b.cn".to_string()), (Email, "c@d.cn".to_string())]);
    only("邮箱zhang.san@example.com。", Email, "zhang.san@example.com");
    only("from 192.168.1.10 at", Ipv4, "192.168.1.10");
    only("地址2001:db8::1。", Ipv6, "2001:db8::1");
    only("fe80:0:0:0:202:b3ff:fe1e:8329", Ipv6, "fe80:0:0:0:202:b3ff:fe1e:8329");
    for not_ip in ["1.2.3.4.5", "256.1.1.1", "版本 3.14", "12:30:45", "a@b"] {
        assert_eq!(found(not_ip), vec![], "{not_ip}");
    }
}

#[test]
fn names_addresses_and_birth_dates_after_context_words() {
    only("联系人：张伟，电话未留", Name, "张伟");
    only("姓名:欧阳娜娜", Name, "欧阳娜娜");
    only("联系人李娜女士", Name, "李娜");
    only("Name: John Smith, sales", Name, "John Smith");
    only("地址：广东省深圳市南山区科技园路88号。", Address, "广东省深圳市南山区科技园路88号");
    only("出生日期：1990-03-07", BirthDate, "1990-03-07");
    only("生日 1988年2月29日", BirthDate, "1988年2月29日");
    assert_eq!(found("生日：1990年2月30日"), vec![]);
    let d = detect("姓名:张伟");
    assert!(d[0].confidence < 0.9 && d[0].basis == Basis::Context, "names are marked as guesses");
}

#[test]
fn digits_after_masked_digits_are_no_number_of_their_own() {
    assert_eq!(found("138****0398-67020200-678"), vec![]);
    assert_eq!(found("010 *****24::a"), vec![]);
    assert_eq!(found("6558 1385-6781 3388 133****3881"), vec![], "a group glued to a mask is no group");
    only("手机 13812345678* 加急", Mobile, "13812345678");
    assert_eq!(found("020 *******-*23::5"), vec![], "the tail of a masked extension is no IPv6 address");
    assert_eq!(found("020********转6::36.5"), vec![], "nor the kept end of one");
    only("电话：** 13812345678", Mobile, "13812345678");
    only("备注 *13812345678", Mobile, "13812345678");
    assert_eq!(found("021 ******** 45::355"), vec![], "a group kept after masked groups is no IPv6 address");
    assert_eq!(found("6222 **** **** 7890::1"), vec![], "nor the kept last group of a card");
    only("**Note** 2001:db8::1", Ipv6, "2001:db8::1");
    only("** 2001:db8::1", Ipv6, "2001:db8::1");
    only("合计 ** 13812345678", Mobile, "13812345678");
    assert_eq!(found("6558 13**-**** **40 33::3-6"), vec![], "nor a group kept at the end of a masked card");
    only("6558 13**-**** **40 13812345678", Mobile, "13812345678");
    assert_eq!(found("x8 3::0698*****39，"), vec![], "an IPv6 address glued to masked digits is no address");
    assert_eq!(found("ip 10.1.2.34****5"), vec![], "nor an IPv4 address");
    only("ip 10.1.2.34* 加急", Ipv4, "10.1.2.34");
}

#[test]
fn a_number_right_before_an_email_address_is_found_too() {
    assert_eq!(
        found("电话 021 50226894 4123@example.cn"),
        vec![(Landline, "021 50226894".to_string()), (Email, "4123@example.cn".to_string())],
        "the address's first digits are no extension of the landline"
    );
}

#[test]
fn every_passport_number_right_after_the_cue_is_found() {
    assert_eq!(found("passport E12345678 / G87654321"), vec![(Passport, "E12345678".to_string()), (Passport, "G87654321".to_string())]);
}

#[test]
fn an_address_takes_in_the_numbers_inside_it() {
    only("地址：北京市朝阳区建国路88号 电话13812345678", Address, "北京市朝阳区建国路88号 电话13812345678");
    assert_eq!(
        found("address: 12 Main Street, passport E12345678"),
        vec![(Address, "12 Main Street".to_string()), (Passport, "E12345678".to_string())],
        "the address ends at the comma"
    );
    only("address: IP 192.168.1.10 room 5", Address, "IP 192.168.1.10 room 5");
    only("地址or9@example.cn", Email, "or9@example.cn");
    let long = format!("地址{}456160101223341 x", "a ".repeat(119));
    assert_eq!(found(&long).len(), 1, "an address cut at its length limit ends at the end of a word");
    assert!(found(&long)[0].1.ends_with("456160101223341"));
    let dotted = format!("地址{}168.168.234561206210133216 x", "a ".repeat(116));
    assert_eq!(found(&dotted).len(), 1, "an address cut at its length limit inside a dotted number takes all of it");
    assert!(found(&dotted)[0].1.ends_with("168.234561206210133216"), "{:?}", found(&dotted));
    only("邮箱地址：zhang.san@example.com", Email, "zhang.san@example.com");
    only("地址2001:db8::1", Ipv6, "2001:db8::1");
    assert_eq!(found("地址：北京市朝阳区***路"), vec![], "masked text is no address");
}

