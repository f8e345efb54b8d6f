// The quote status flow as the window shows it: tag colours, which statuses can be revised,
// which customer-facing marks follow which status, and who may approve what.
import type { ApprovalLevel } from "../bindings/ApprovalLevel";
import type { QuoteStatus } from "../bindings/QuoteStatus";
import type { Role } from "../bindings/Role";

export const STATUSES: readonly QuoteStatus[] = [
  "draft", "pending_approval", "approved", "sent", "accepted", "rejected", "expired", "superseded",
];

export const STATUS_COLORS: Record<QuoteStatus, string> = {
  draft: "default",
  pending_approval: "gold",
  approved: "blue",
  sent: "cyan",
  accepted: "green",
  rejected: "red",
  expired: "volcano",
  superseded: "default",
};

/** Statuses a new revision can be made from (mirrors workflow::revise). */
export const REVISABLE: readonly QuoteStatus[] = ["pending_approval", "approved", "sent", "rejected", "expired"];

/** The marks offered after a status (mirrors workflow::mark). */
export const MARKS: Partial<Record<QuoteStatus, readonly QuoteStatus[]>> = {
  approved: ["sent", "expired"],
  sent: ["accepted", "rejected", "expired"],
};

export const ROLES: readonly Role[] = ["sales", "manager", "director", "legal"];

export function mayApprove(role: Role, level: ApprovalLevel): boolean {
  if (level === "none") return true;
  if (level === "manager") return role === "manager" || role === "director";
  return role === "director";
}
