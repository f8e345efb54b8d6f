// The key-terms form's values: from a contract's KeyTerms, the house defaults for a new one,
// and which terms a template kind uses (mirrors TemplateKind::has_payment / has_delivery / has_term).
import type { KeyTerms } from "../bindings/KeyTerms";
import type { TemplateKind } from "../bindings/TemplateKind";
import type { TermsForm } from "../bindings/TermsForm";

export type DayField = "payment_days" | "delivery_days" | "acceptance_days" | "warranty_months" | "term_months" | "non_renewal_notice_days";

export const toForm = (t: KeyTerms): TermsForm => ({ ...t, liability_cap_pct: t.liability_cap_pct });

/** The house position (KeyTerms::default in the core). */
export const HOUSE_TERMS: TermsForm = {
  payment_days: 30,
  delivery_days: 30,
  acceptance_days: 10,
  liability_cap_pct: "100",
  warranty_months: 12,
  term_months: 12,
  auto_renew: false,
  non_renewal_notice_days: 30,
  public_body: false,
};

/** The number fields a kind of contract uses, in form order. */
export function fieldsFor(kind: TemplateKind): DayField[] {
  const out: DayField[] = [];
  if (kind !== "nda") out.push("payment_days", "delivery_days", "acceptance_days");
  out.push("warranty_months");
  if (kind !== "sales") out.push("term_months", "non_renewal_notice_days");
  return out;
}
