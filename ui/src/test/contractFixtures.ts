// Contract data for the UI tests: a sales contract in review with a 120-day payment term
// (PAY-01 open, high) and a pending checklist, as get_contract would answer.
import type { ContractDetail } from "../bindings/ContractDetail";
import type { ContractSummary } from "../bindings/ContractSummary";
import type { ReviewFlag } from "../bindings/ReviewFlag";

export const CID = "0190a1b2-0000-7000-8000-0000000c0001";

export const pay01 = (over: Partial<ReviewFlag> = {}): ReviewFlag => ({
  id: "flag-1", rule_id: "PAY-01", category: "payment", severity: "high", clause_position: 3,
  excerpt: "120 days > 60", why_zh: "付款期限超过上限", why_en: "The payment period is longer than the limit",
  suggestion_zh: "缩短付款期限", suggestion_en: "Shorten the period to the limit", fallback_key: "payment.standard",
  fallback_position: 2, status: "open", reason: "", decided_by: null, decided_at: null, masked: [], ...over,
});

export function detail(over: { status?: ContractDetail["contract"]["status"]; flags?: ReviewFlag[]; blocked?: string | null } = {}): ContractDetail {
  const status = over.status ?? "in_review";
  const flags = over.flags ?? [pay01()];
  const blocked = over.blocked === undefined ? "the contract is in review and legal has not signed it off; only a DRAFT-watermarked PDF can be produced" : over.blocked;
  return {
    contract: {
      id: CID, number: "C-2026-0001", status, kind: "sales", quote_id: "q1", quote_number: "Q-2026-0001",
      customer_id: "cu1", customer_name: "华信科技", currency: "CNY", contract_value: "11300.00", contract_date: "2026-12-02",
      terms: { payment_days: 120, delivery_days: 30, acceptance_days: 10, liability_cap_pct: "100", warranty_months: 12, term_months: 12, auto_renew: false, non_renewal_notice_days: 30, public_body: false },
      clauses: [
        { position: 3, clause_key: "payment.standard", topic: "price_payment", title_zh: "价款与支付", title_en: "Price and payment", zh: "甲方应于{{payment.days}}日内支付。", en: "Pay within {{payment.days}} days.", source: "standard", fallback_position: null },
      ],
      events: [{ id: "ev-1", from_status: null, to_status: "draft", actor: "wang", role: "sales", comment: "from quote Q-2026-0001", at: "2026-12-02T08:00:00Z", masked: [] }],
      owner: "wang", created_at: "2026-12-02T08:00:00Z", updated_at: "2026-12-02T08:00:00Z", masked: [],
    },
    filled: [{ position: 3, zh: "甲方应于120日内支付。", en: "Pay within 120 days." }],
    library: [{ clause_key: "payment.standard", zh: "标准", en: "standard", fallbacks: [{ zh: "45日", en: "45 days" }, { zh: "预付30%", en: "30% advance" }] }],
    review: {
      contract_number: "C-2026-0001", contract_status: status, round: 1,
      items: [{ id: "item-1", masked: [], risk_type: "payment", item_key: "payment.period", text_zh: "付款期限是否在上限内？", text_en: "Is the payment period within the limit?", mitigation_zh: "固定天数", mitigation_en: "A fixed number of days", status: "pending", reason: "", decided_by: null, decided_at: null }],
      flags, sign_offs: [], final_blocked: blocked,
    },
    final_blocked: blocked,
  };
}

export const summaryOf = (d: ContractDetail): ContractSummary => ({
  id: d.contract.id, number: d.contract.number, status: d.contract.status, kind: d.contract.kind, customer_name: d.contract.customer_name,
  quote_number: d.contract.quote_number, currency: d.contract.currency, contract_value: d.contract.contract_value,
  contract_date: d.contract.contract_date, updated_at: d.contract.updated_at, owner: d.contract.owner, masked: d.contract.masked,
});
