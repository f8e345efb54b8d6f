//! Multi-level networks (a parent earns an override on its direct sub-partners' sales),
//! triggers (invoice vs full payment) and the checks on input lines.

use super::fixtures::*;
use crate::partner::plan::Trigger;
use crate::partner::statement::LineRole;
use crate::partner::SalesLine;

fn by(id: &str, partner: &str, parent: Option<&str>, amount: &str) -> SalesLine {
    SalesLine { partner_id: partner.into(), parent_partner_id: parent.map(Into::into), ..sale(id, "2026-02-01", amount) }
}

fn network() -> Vec<SalesLine> {
    vec![by("OWN", "P1", None, "100000"), by("SUB", "S1", Some("P1"), "50000"), by("GRAND", "G1", Some("S1"), "10000")]
}

#[test]
fn a_parent_earns_its_override_on_direct_sub_partners_only() {
    let p = plan(r#"{ "fixed_pct": "3" }"#, r#", "multi_level": { "override_pct": "2" }"#);
    // P1: own 100,000 × 3% = 3,000; S1's 50,000 × 2% override = 1,000; G1 is S1's, not P1's.
    let s = run(&p, q1(), &network());
    assert_eq!(shares(&s), pairs(&[("OWN", "3000.00"), ("SUB", "1000.00")]));
    assert_eq!(s.lines[1].role, LineRole::SubPartner { partner_id: "S1".into() });
    assert!(s.lines[1].parts[0].note.contains("parent override 2%"));
    // S1: own 50,000 × 3% = 1,500; G1's 10,000 × 2% = 200; total 1,700.
    let s1 = Run { payee: "S1", ..Run::default() }.on(&p, q1(), &network());
    assert_eq!(s1.total.to_string(), "1700.00");
    // A sub-partner's refund claws back the parent's override too: −50,000 × 2% = −1,000.
    let mut lines = network();
    lines.push(SalesLine { refund_of: Some("SUB".into()), ..by("R", "S1", Some("P1"), "-50000") });
    assert_eq!(run(&p, q1(), &lines).total.to_string(), "3000.00");
    // Without multi_level in the plan, sub-partners' lines earn the parent nothing.
    let flat = plan(r#"{ "fixed_pct": "3" }"#, "");
    assert_eq!(run(&flat, q1(), &network()).total.to_string(), "3000.00");
}

#[test]
fn payment_trigger_waits_for_full_payment() {
    let invoiced_march_paid_april = SalesLine { paid_on: Some(day("2026-04-05")), ..sale("A", "2026-03-20", "10000") };
    let unpaid = SalesLine { paid_on: None, ..sale("U", "2026-03-25", "10000") };
    let lines = [invoiced_march_paid_april, unpaid];
    let on_invoice = plan(r#"{ "fixed_pct": "10" }"#, "");
    let mut on_payment = on_invoice.clone();
    on_payment.trigger = Trigger::Payment;
    // On invoice: both lines earn in Q1, 2 × 10,000 × 10% = 2,000.
    assert_eq!(run(&on_invoice, q1(), &lines).total.to_string(), "2000.00");
    // On payment: nothing in Q1 (A is paid in April, U not at all); A earns 1,000 in Q2.
    let s = run(&on_payment, q1(), &lines);
    assert_eq!(s.total.to_string(), "0.00");
    let pending: Vec<_> = s.pending.iter().map(|p| (p.line_id.as_str(), p.reason.as_str())).collect();
    assert_eq!(pending, [("A", "paid in full on 2026-04-05, after this period"), ("U", "not paid in full yet")]);
    let s = run(&on_payment, q2(), &lines);
    assert_eq!(shares(&s), pairs(&[("A", "1000.00")]));
    assert_eq!(s.pending.len(), 1);
}

#[test]
fn input_problems_name_the_line() {
    let p = plan(r#"{ "fixed_pct": "10" }"#, "");
    let usd = SalesLine { currency: "USD".into(), ..sale("B", "2026-01-12", "100") };
    let e = Run::default().try_on(&p, q1(), &[sale("A", "2026-01-10", "100"), usd]).expect_err("currency");
    assert!(e.to_string().contains("lines[1].currency: line B: USD, but this plan's statements are in CNY"), "{e}");
    // Another payee's USD line is not this statement's business.
    let theirs = SalesLine { currency: "USD".into(), partner_id: "P9".into(), ..sale("C", "2026-01-12", "100") };
    assert!(Run::default().try_on(&p, q1(), &[theirs]).is_ok());
    let e = Run::default().try_on(&p, q1(), &[sale("A", "2026-01-10", "-5")]).expect_err("negative");
    assert!(e.to_string().contains("lines[0].amount"), "{e}");
    let e = Run::default().try_on(&p, q1(), &[sale("A", "2026-01-10", "1"), sale("A", "2026-01-11", "1")]).expect_err("dup");
    assert!(e.to_string().contains("appears twice"), "{e}");
    let e = Run::default().try_on(&p, period("2025-10-01", "2025-12-31"), &[]).expect_err("before plan");
    assert!(e.to_string().contains("takes effect on 2026-01-01"), "{e}");
    let huge = sale("H", "2026-01-10", "99999999999999999999");
    assert!(Run::default().try_on(&p, q1(), &[huge]).is_err());
}
