// The contract status flow and the review as the window shows them: tag colours, the marks
// offered after sign-off (mirrors workflow::mark), severity colours, the five risk types in
// review order, and why legal cannot sign off yet (mirrors review::sign_off's refusals).
import type { ContractDetail } from "../bindings/ContractDetail";
import type { ContractStatus } from "../bindings/ContractStatus";
import type { RiskCategory } from "../bindings/RiskCategory";
import type { RiskSeverity } from "../bindings/RiskSeverity";
import type { Role } from "../bindings/Role";

export const CONTRACT_STATUS_COLORS: Record<ContractStatus, string> = {
  draft: "default",
  in_review: "gold",
  changes_requested: "orange",
  approved: "blue",
  signed: "cyan",
  active: "green",
  expired: "volcano",
  terminated: "red",
};

export const MARKS: Partial<Record<ContractStatus, readonly ContractStatus[]>> = {
  approved: ["signed"],
  signed: ["active", "terminated"],
  active: ["expired", "terminated"],
};

export const EDITABLE: readonly ContractStatus[] = ["draft", "in_review", "changes_requested", "approved"];

export const SEVERITY_COLORS: Record<RiskSeverity, string> = { high: "red", medium: "orange", low: "blue" };

export const CATEGORIES: readonly RiskCategory[] = ["payment", "delivery", "ip", "liability", "termination"];

/** Open high-severity flags, by rule id. */
export const openHigh = (d: ContractDetail) =>
  d.review.flags.filter((f) => f.status === "open" && f.severity === "high").map((f) => f.rule_id);

/** Why sign-off is not possible now, as an i18n key and its values; null when it is. */
export function signOffBlock(d: ContractDetail, role: Role | undefined): { key: string; values?: Record<string, string> } | null {
  if (d.contract.status !== "in_review") return { key: "contracts.review.notInReview" };
  const high = openHigh(d);
  if (high.length > 0) return { key: "contracts.review.blockedHigh", values: { rules: high.join(", ") } };
  const changes = d.review.items.filter((i) => i.status === "change_required").map((i) => i.item_key);
  if (changes.length > 0) return { key: "contracts.review.blockedItems", values: { items: changes.join(", ") } };
  if (role !== "legal") return { key: "contracts.review.legalOnly" };
  return null;
}
