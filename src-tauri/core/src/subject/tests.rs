use super::find::mentions;
use super::*;

fn s(kind: SubjectKind, v: &str) -> Subject {
    Subject::new(kind, v).expect("valid identifier")
}

#[test]
fn identifiers_are_checked_so_a_typo_does_not_silently_find_nothing() {
    assert!(Subject::new(SubjectKind::Mobile, "1381234567").is_err(), "10 digits");
    assert!(Subject::new(SubjectKind::ResidentId, "110105194912310021").is_err(), "wrong check digit");
    assert!(Subject::new(SubjectKind::Email, "zhang.example.com").is_err());
    assert!(Subject::new(SubjectKind::BankCard, "4111 1111 1111 1112").is_err(), "Luhn fails");
    assert!(Subject::new(SubjectKind::BankCard, "4111 1111 1111 1111").is_ok());
    assert!(Subject::new(SubjectKind::Name, "  ").is_err());
    assert!(Subject::new(SubjectKind::Mobile, "+86 138-1234-5678").is_ok());
    assert!(Subject::new(SubjectKind::ResidentId, "11010519491231002x").is_ok(), "lower-case x");
}

#[test]
fn stored_values_match_after_normalisation() {
    let m = s(SubjectKind::Mobile, "+86 138 1234 5678");
    assert!(m.matches("13812345678"));
    assert!(m.matches("138-1234-5678"));
    assert!(!m.matches("13812345679"));
    assert!(!m.matches(""));
    let e = s(SubjectKind::Email, "Zhang.Wei@Example.com");
    assert!(e.matches("zhang.wei@example.com"));
    let n = s(SubjectKind::Name, "John  Smith");
    assert!(n.matches("john smith"));
    assert!(!n.matches("John Smithson"));
}

#[test]
fn the_debug_form_never_shows_the_identifier() {
    let m = s(SubjectKind::Mobile, "13812345678");
    assert!(!format!("{m:?}").contains("1381234"));
}

#[test]
fn mentions_in_free_text_are_found_by_value_not_by_kind() {
    let m = s(SubjectKind::Mobile, "13812345678");
    let text = "电话13812345678联系，备用 139 1234 5678；旧号１３８１２３４５６７８";
    let found = mentions(&m, text);
    assert_eq!(found.len(), 2, "the same number twice (once full-width), not the other number");
    assert_eq!(&text[found[0].clone()], "13812345678");
    assert_eq!(&text[found[1].clone()], "１３８１２３４５６７８");
    assert!(mentions(&m, "订单号 213812345678 已付").is_empty(), "inside a longer number");
}

#[test]
fn a_name_is_mentioned_only_where_it_stands_alone_or_is_detected() {
    let n = s(SubjectKind::Name, "张伟");
    assert_eq!(mentions(&n, "联系人：张伟，电话见名片").len(), 1);
    assert_eq!(mentions(&n, "张伟 下周回电").len(), 1);
    assert!(mentions(&n, "张伟明负责交付").is_empty(), "张伟明 is someone else");
    let en = s(SubjectKind::Name, "John Smith");
    assert_eq!(mentions(&en, "Met john smith at the fair").len(), 1);
    assert!(mentions(&en, "John Smithson called").is_empty());
}
