// The plan form works on the plan JSON itself (the generated `Plan` type: decimals as
// strings), so what is checked and saved is exactly what is shown. Helpers: a new plan, the
// starting shapes of each rate rule, an immutable update, and `clean`, which drops optional
// fields left empty (an empty required field stays, so its error appears at it).
import type { Plan } from "../../bindings/Plan";
import type { PlanRateRule } from "../../bindings/PlanRateRule";

export type RuleKind = "fixed" | "tiers" | "attainment";

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function newPlan(): Plan {
  return { schema: 1, name: "", kind: "partner", effective_from: today(), currency: "CNY", base: "gross", trigger: "invoice", rate: { fixed_pct: "10" } };
}

export function ruleKind(r: PlanRateRule): RuleKind {
  if (r.tiers !== undefined) return "tiers";
  if (r.attainment !== undefined) return "attainment";
  return "fixed";
}

export function startRule(kind: RuleKind): PlanRateRule {
  switch (kind) {
    case "fixed":
      return { fixed_pct: "" };
    case "tiers":
      return { tier_mode: "marginal", tier_over: "period", tiers: [{ from: "0", to: "100000", rate_pct: "" }, { from: "100000", rate_pct: "" }] };
    case "attainment":
      return { attainment: [{ from_pct: "80", to_pct: "100", rate_pct_from: "3", rate_pct_to: "5" }, { from_pct: "100", rate_pct_from: "5" }] };
  }
}

/** A copy of `plan` changed by `f` (the form's only way to change it). */
export function edit(plan: Plan, f: (draft: Plan) => void): Plan {
  const draft = structuredClone(plan);
  f(draft);
  return draft;
}

const blank = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : v);

function cleanRule(r: PlanRateRule): PlanRateRule {
  const out: PlanRateRule = { ...r };
  if (out.tiers) out.tiers = out.tiers.map((t) => ({ from: t.from, rate_pct: t.rate_pct, ...(blank(t.to) ? { to: t.to } : {}) }));
  if (out.attainment)
    out.attainment = out.attainment.map((b) => ({
      from_pct: b.from_pct,
      rate_pct_from: b.rate_pct_from,
      ...(blank(b.to_pct) ? { to_pct: b.to_pct } : {}),
      ...(blank(b.rate_pct_to) ? { rate_pct_to: b.rate_pct_to } : {}),
    }));
  return out;
}

/** The plan as sent: optional fields left empty are left out. */
export function clean(plan: Plan): Plan {
  const out: Plan = { ...plan, rate: cleanRule(plan.rate) };
  if (out.overrides) out.overrides = out.overrides.map((o) => ({ rate: cleanRule(o.rate), ...(blank(o.product_line) ? { product_line: o.product_line } : {}), ...(blank(o.customer_type) ? { customer_type: o.customer_type } : {}) }));
  if (out.overrides?.length === 0) delete out.overrides;
  if (out.service) out.service = out.service.map((s) => ({ service: s.service, points: s.points, ...(blank(s.min_score) ? { min_score: s.min_score } : {}) }));
  if (out.service?.length === 0) delete out.service;
  if (out.quarterly_bonus) {
    const b = out.quarterly_bonus;
    out.quarterly_bonus = { months: b.months, min_attainment_pct: b.min_attainment_pct, ...(blank(b.amount) ? { amount: b.amount } : {}), ...(blank(b.rate_pct) ? { rate_pct: b.rate_pct } : {}) };
  }
  if (out.limits) {
    const l = out.limits;
    out.limits = { ...(blank(l.cap) ? { cap: l.cap } : {}), ...(blank(l.floor) ? { floor: l.floor } : {}), ...(l.excess ? { excess: l.excess } : {}) };
  }
  if (out.team_pool) {
    const p = out.team_pool;
    out.team_pool = { pct: p.pct, split: p.split, ...(blank(p.min_attainment_pct) ? { min_attainment_pct: p.min_attainment_pct } : {}) };
  }
  return out;
}
