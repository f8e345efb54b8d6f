// Partner-area data for the UI tests: a Q3 statement of D001 with an own line on the 8% tier,
// a sub-partner override and a clawback; the plan in effect; a what-if with its curve.
import type { Plan } from "../bindings/Plan";
import type { StatementSummary } from "../bindings/StatementSummary";
import type { StatementView } from "../bindings/StatementView";
import type { WhatIfView } from "../bindings/WhatIfView";

export const D001 = { kind: "partner", code: "D001" } as const;

export const summary = (over: Partial<StatementSummary> = {}): StatementSummary => ({
  id: "st1", payee: D001, period: "2026-Q3", version: 1, status: "computed", plan_name: "渠道方案", plan_version: 1,
  currency: "CNY", total: "9600.00", line_count: 3, created_at: "2026-10-01T08:00:00.000Z", locked_at: null, ...over,
});

export function statementView(locked = false): StatementView {
  const status = locked ? "locked" : "computed";
  return {
    payee_name: "D001 华东总代",
    words: "人民币玖仟陆佰元整",
    words_en: "NINE THOUSAND SIX HUNDRED YUAN ONLY",
    versions: [summary({ status, locked_at: locked ? "2026-10-02T08:00:00.000Z" : null })],
    record: {
      id: "st1", payee: D001, period_label: "2026-Q3", version: 1, status, plan_name: "渠道方案", plan_version: 1, currency: "CNY", total: "9600.00",
      created_at: "2026-10-01T08:00:00.000Z", locked_at: locked ? "2026-10-02T08:00:00.000Z" : null,
      statement: {
        payee: "D001", plan_name: "渠道方案", currency: "CNY", period: { from: "2026-07-01", to: "2026-09-30" },
        rounding: "each line's share rounded once, half away from zero, to 0.01",
        lines: [
          { line_id: "S1", date: "2026-07-05", role: { kind: "own" }, rule: "plan default", base: "120000", rate_pct: "8", share: "9600.00",
            parts: [{ block: { kind: "tier", tier: 2, of: 2, mode: "retroactive", over: "period" }, base: "120000", rate_pct: "8", amount: "9600", note: "tier 2 of 2 (retroactive over the period) at 8%" }] },
          { line_id: "S3", date: "2026-07-12", role: { kind: "sub_partner", partner_id: "D002" }, rule: "multi_level", base: "5000", rate_pct: "2", share: "100.00",
            parts: [{ block: { kind: "parent_override" }, base: "5000", rate_pct: "2", amount: "100", note: "parent override 2% on sub-partner D002's sale" }] },
          { line_id: "R1", date: "2026-08-01", role: { kind: "clawback", of: "S0" }, rule: "clawback of S0", base: "-2500", rate_pct: "4", share: "-100.00", parts: [] },
        ],
        pending: [{ line_id: "S4", reason: "not invoiced yet" }],
        adjustments: [],
        lines_total: "9600.00", total: "9600.00", carried_out: "0", forfeited: "0", attainment_pct: null,
      },
    },
  };
}

export const plan = (): Plan => ({
  schema: 1, name: "渠道方案", kind: "partner", effective_from: "2026-01-01", currency: "CNY", base: "gross", trigger: "invoice",
  rate: { tier_mode: "retroactive", tier_over: "period", tiers: [{ from: "0", to: "100000", rate_pct: "5" }, { from: "100000", rate_pct: "8" }] },
});

export const whatIfView = (): WhatIfView => ({
  result: {
    period: "2026-Q3", current_plan: "渠道方案 v1", draft_plan: "渠道方案", currency: "CNY",
    rows: [{ payee: "D001", current: "9700.00", draft: "12100.00", difference: "2400.00" }],
    current_total: "9700.00", draft_total: "12100.00", difference: "2400.00",
  },
  curve: [
    { amount: "0", current: "0.00", simulated: "0.00" },
    { amount: "99999.99", current: "5000.00", simulated: "5000.00" },
    { amount: "100000", current: "8000.00", simulated: "10000.00" },
    { amount: "150000", current: "12000.00", simulated: "15000.00" },
  ],
  boundaries: ["100000"],
});
