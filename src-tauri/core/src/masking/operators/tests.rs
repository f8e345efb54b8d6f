//! Operator tests: the documented defaults, and properties (idempotent masks, length kept,
//! stable keyed hashes) over generated values.

use super::*;
use proptest::prelude::*;

fn default(kind: PiiKind, value: &str) -> String {
    apply(&Operator::default_for(kind), kind, value, None).unwrap_or_default()
}

#[test]
fn defaults_from_the_issue() {
    assert_eq!(default(PiiKind::Mobile, "13812341234"), "138****1234");
    assert_eq!(default(PiiKind::Mobile, "+86 138-1234-1234"), "+86 138-****-1234");
    assert_eq!(default(PiiKind::ResidentId, "110101199003071234"), "110101********1234");
    assert_eq!(default(PiiKind::BankCard, "6222021234567890123"), "622202*********0123");
    assert_eq!(default(PiiKind::Landline, "010-12345678"), "010-******78");
    assert_eq!(default(PiiKind::Landline, "0755-1234567"), "0755-*****67");
    assert_eq!(default(PiiKind::Email, "zhang.san@example.com"), "z***@example.com");
    assert_eq!(default(PiiKind::Name, "张伟"), "张*");
    assert_eq!(default(PiiKind::Name, "欧阳娜娜"), "欧阳**");
    assert_eq!(default(PiiKind::Name, "John Smith"), "J*** S****");
    assert_eq!(default(PiiKind::Address, "广东省深圳市南山区科技园路88号"), "广东省深圳市南山区");
    assert_eq!(default(PiiKind::Address, "北京市朝阳区建国路1号"), "北京市朝阳区");
    assert_eq!(default(PiiKind::BirthDate, "1990-03-07"), "1990");
    assert_eq!(default(PiiKind::BirthDate, "1990年3月7日"), "1990年");
    assert_eq!(default(PiiKind::Ipv4, "192.168.1.10"), "192.168.1.*");
    assert_eq!(default(PiiKind::Ipv6, "2001:db8::1"), "2001:db8:*");
    assert_eq!(default(PiiKind::Passport, "E12345678"), "E******78");
    assert_eq!(default(PiiKind::LicencePlate, "京A12345"), "京A****5");
}

#[test]
fn redact_hash_and_token() {
    let keys = MaskingKeys::from_master(b"test key");
    let redact = Operator::Redact { text: None };
    assert_eq!(apply(&redact, PiiKind::Mobile, "13812341234", None).ok().as_deref(), Some("[mobile]"));
    let fixed = Operator::Redact { text: Some("***".into()) };
    assert_eq!(apply(&fixed, PiiKind::Email, "a@b.cn", None).ok().as_deref(), Some("***"));
    assert!(apply(&Operator::Hash, PiiKind::Mobile, "13812341234", None).is_err(), "no key, no hash");
    let token = apply(&Operator::Token, PiiKind::ResidentId, "110101199003071234", Some(&keys)).unwrap_or_default();
    assert_eq!(keys.reveal(&token).ok().as_deref(), Some("110101199003071234"));
}

#[test]
fn short_values_are_masked_whole() {
    assert_eq!(mask_middle("1234", 3, 4, '*'), "****");
    assert_eq!(default(PiiKind::Name, "张"), "张");
}

fn digits(n: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(0u8..10, n).prop_map(|v| v.into_iter().map(|d| char::from(b'0' + d)).collect())
}

proptest! {
    #[test]
    fn masks_are_idempotent_and_keep_length(value in "[0-9A-Za-z \\-]{0,30}", first in 0usize..8, last in 0usize..8) {
        for kind in [PiiKind::Mobile, PiiKind::ResidentId, PiiKind::BankCard, PiiKind::Landline, PiiKind::Passport] {
            let op = Operator::mask(first, last);
            let once = apply(&op, kind, &value, None).unwrap_or_default();
            let twice = apply(&op, kind, &once, None).unwrap_or_default();
            prop_assert_eq!(&once, &twice);
            prop_assert_eq!(once.chars().count(), value.chars().count());
        }
    }

    #[test]
    fn default_masks_are_idempotent(value in "\\PC{0,20}") {
        for kind in PiiKind::ALL {
            let once = default(kind, &value);
            prop_assert_eq!(default(kind, &once), once.clone(), "{} of {:?}", kind, value);
        }
    }

    #[test]
    fn mobile_and_id_masks_keep_the_ends(m in digits(8), id in digits(14)) {
        let mobile = format!("139{m}");
        let masked = default(PiiKind::Mobile, &mobile);
        prop_assert!(masked.starts_with("139") && masked.ends_with(&mobile[7..]));
        prop_assert_eq!(masked.matches('*').count(), 4);
        let resident = format!("1101{id}");
        prop_assert_eq!(default(PiiKind::ResidentId, &resident).matches('*').count(), 8);
    }

    #[test]
    fn keyed_hash_is_stable(value in "\\PC{0,40}", key in proptest::collection::vec(any::<u8>(), 32)) {
        let a = MaskingKeys::from_master(&key);
        let b = MaskingKeys::from_master(&key);
        prop_assert_eq!(a.hash(PiiKind::Name, &value), b.hash(PiiKind::Name, &value));
        prop_assert_eq!(a.hash(PiiKind::Name, &value).len(), 64);
    }
}
