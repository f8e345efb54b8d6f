// The statement's rule and parts in the window's language. The engine writes them in English
// (they are data: the CSV export and the CLI print them as they are); here they are read from
// their structure (block kind, tier, mode, rate) and said in zh or en, with the engine's exact
// English note kept as the tooltip.
import type { TFunction } from "i18next";
import type { StatementPart } from "../bindings/StatementPart";

/** "plan default", "multi_level", "clawback of S1", "overrides[2]: product line servers". */
export function ruleText(t: TFunction, rule: string): string {
  if (rule === "plan default") return t("partners.rule.default");
  if (rule === "multi_level") return t("partners.rule.multiLevel");
  const claw = /^clawback of (.+)$/.exec(rule);
  if (claw) return t("partners.rule.clawback", { of: claw[1] });
  const over = /^overrides\[(\d+)\]: (.*)$/.exec(rule);
  if (over) return t("partners.rule.override", { n: Number(over[1]) + 1, what: (over[2] ?? "").replace("product line", t("partners.plan.productLine")).replace("customer type", t("partners.plan.customerType")) });
  return rule;
}

function trim(rate: string): string {
  const [int, frac = ""] = rate.split(".");
  const f = frac.slice(0, 4).replace(/0+$/, "");
  return f ? `${int}.${f}` : (int ?? rate);
}

export function partText(t: TFunction, p: StatementPart): string {
  const rate = trim(p.rate_pct);
  const b = p.block;
  switch (b.kind) {
    case "fixed":
      return t("partners.part.fixed", { rate });
    case "tier":
      return t("partners.part.tier", { tier: b.tier, of: b.of, mode: t(`partners.part.mode.${b.mode}`), over: t(`partners.part.over.${b.over}`), rate });
    case "attainment":
      return t("partners.part.attainment", { band: b.band, of: b.of, rate });
    case "service":
      return t("partners.part.service", { service: t(`partners.plan.services.${b.service}`), rate });
    case "parent_override":
      return t("partners.part.parent", { rate });
    case "clawback":
      return t("partners.part.clawback", { rate });
    case "zero_floor":
      return t("partners.part.zeroFloor");
  }
}
