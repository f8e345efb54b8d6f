//! Records through policies: a contact per role, notes scanned, and the guard that keeps
//! masked values from being saved over clear ones.

use super::*;
use crate::ids::ContactId;
use crate::masking::policy::Role;

fn contact() -> Contact {
    Contact {
        id: ContactId::new(),
        customer_id: None,
        customer_name: Some("华信科技".into()),
        name: "张伟".into(),
        title: "采购经理".into(),
        mobile: "13812341234".into(),
        email: "zhang.wei@example.com".into(),
        created_at: String::new(),
        updated_at: String::new(),
        masked: Vec::new(),
    }
}

fn shown(role: Role) -> Contact {
    let policy = role.policy();
    let mut c = contact();
    mask_record(&mut c, &Masker { policy: &policy, keys: None }).expect("masked");
    c
}

#[test]
fn a_contact_is_shown_through_each_role() {
    let admin = shown(Role::Admin);
    assert_eq!((admin.mobile.as_str(), admin.masked.len()), ("13812341234", 0));
    let ops = shown(Role::SalesOps);
    assert_eq!(ops.mobile, "13812341234", "mobiles are general data: sales ops see them");
    let distributor = shown(Role::Distributor);
    assert_eq!(distributor.mobile, "138****1234");
    assert_eq!(distributor.name, "张*");
    assert_eq!(distributor.email, "z***@example.com");
    assert_eq!(distributor.masked, vec!["name", "mobile", "email"]);
    assert_eq!(distributor.title, "采购经理", "a job title is not personal data");
    let legal = shown(Role::Legal);
    assert_eq!((legal.name.as_str(), legal.mobile.as_str()), ("张伟", "138****1234"));
    let stand = shown(Role::TradeShow);
    assert_eq!(stand.mobile, "[mobile]");
    assert!(!format!("{stand:?}").contains("1381234"), "nothing of the number is left");
}

#[test]
fn notes_have_what_the_detectors_find_masked() {
    let mut c = Customer {
        id: crate::ids::CustomerId::new(),
        name: "华信科技".into(),
        industry: String::new(),
        size: None,
        region: String::new(),
        tier: None,
        owner: "王伟".into(),
        notes: "法人身份证 11010519491231002X，手机 13912345678，年度续签".into(),
        created_at: String::new(),
        updated_at: String::new(),
        masked: Vec::new(),
    };
    let policy = Role::SalesOps.policy();
    mask_record(&mut c, &Masker { policy: &policy, keys: None }).expect("masked");
    assert_eq!(c.notes, "法人身份证 110105********002X，手机 13912345678，年度续签");
    assert_eq!(c.masked, vec!["notes"], "the owner (general) stays clear for sales ops");
}

#[test]
fn every_registered_column_of_the_window_tables_has_a_field() {
    for col in REGISTRY.iter() {
        let known = match col.table {
            "contacts" => ContactInput::default().field(col.column).is_some(),
            "customers" => CustomerInput::default().field(col.column).is_some(),
            "opportunities" => OpportunityInput::default().field(col.column).is_some(),
            _ => continue,
        };
        assert!(known, "{}.{} is in the registry but not masked in the window", col.table, col.column);
    }
}

#[test]
fn a_masked_value_sent_back_keeps_the_clear_one_and_a_new_one_replaces_it() {
    let policy = Role::Distributor.policy();
    let masker = Masker { policy: &policy, keys: None };
    let stored = contact();
    let mut input = ContactInput { id: Some(stored.id.to_string()), name: "张*".into(), mobile: "138****1234".into(), email: "new@example.com".into(), ..Default::default() };
    restore_masked(&stored, &mut input, &masker).expect("restored");
    assert_eq!((input.name.as_str(), input.mobile.as_str()), ("张伟", "13812341234"));
    assert_eq!(input.email, "new@example.com", "typed anew: replaces the stored value");
}

#[test]
fn notes_edited_around_masked_pieces_are_refused() {
    let policy = Role::SalesOps.policy();
    let masker = Masker { policy: &policy, keys: None };
    let stored = CustomerInput { notes: "身份证 11010519491231002X".into(), ..Default::default() };
    let shown = mask_value(&REGISTRY[4], &stored.notes, &masker).expect("shown");
    assert_eq!(REGISTRY[4].column, "notes");
    let mut same = CustomerInput { notes: shown.clone(), ..Default::default() };
    restore_masked(&stored, &mut same, &masker).expect("unchanged is fine");
    assert_eq!(same.notes, stored.notes);
    let mut edited = CustomerInput { notes: format!("{shown}，已核对"), ..Default::default() };
    match restore_masked(&stored, &mut edited, &masker) {
        Err(CoreError::Validation(e)) => assert_eq!((e[0].field.as_str(), e[0].code), ("notes", FieldCode::Masked)),
        other => panic!("expected a masked field error, got {other:?}"),
    }
    let mut rewritten = CustomerInput { notes: "身份证 11010519491231002X，已核对".into(), ..Default::default() };
    restore_masked(&stored, &mut rewritten, &masker).expect("a clear text (revealed first) is saved");
}
