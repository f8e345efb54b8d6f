// A rate rule: fixed ratio, tiers (marginal 累进 or retroactive 全额, over the period or each
// line) or attainment bands (rep plans). `path` is the rule's JSON path (`rate`,
// `overrides[2].rate`) so every error lands at its field.
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Radio } from "antd";
import { useTranslation } from "react-i18next";
import type { PlanRateRule } from "../../bindings/PlanRateRule";
import { ErrorAt, PlanChoice, PlanText, type Errors } from "./PlanField";
import { ruleKind, startRule, type RuleKind } from "./planForm";

type Props = { rule: PlanRateRule; path: string; onChange: (r: PlanRateRule) => void; errors: Errors; allowAttainment: boolean };

export function RateRuleEditor({ rule, path, onChange, errors, allowAttainment }: Props) {
  const { t } = useTranslation();
  const kind = ruleKind(rule);
  const set = (f: (r: PlanRateRule) => void) => {
    const next = structuredClone(rule);
    f(next);
    onChange(next);
  };
  const kinds: RuleKind[] = allowAttainment ? ["fixed", "tiers", "attainment"] : ["fixed", "tiers"];
  return (
    <div className="plan-rule" data-testid={`plan-rule-${path}`}>
      <Radio.Group size="small" value={kind} onChange={(e) => onChange(startRule(e.target.value as RuleKind))} data-testid={`plan-rule-kind-${path}`}>
        {kinds.map((k) => (
          <Radio.Button key={k} value={k}>
            <span data-testid={`plan-rule-kind-${path}-${k}`}>{t(`partners.plan.ruleKind.${k}`)}</span>
          </Radio.Button>
        ))}
      </Radio.Group>
      <ErrorAt errors={errors} path={path} />
      {kind === "fixed" && (
        <div className="plan-row">
          <PlanText path={`${path}.fixed_pct`} label={t("partners.plan.fixedPct")} value={rule.fixed_pct} onChange={(v) => set((r) => (r.fixed_pct = v))} errors={errors} />
        </div>
      )}
      {kind === "tiers" && (
        <>
          <div className="plan-row">
            <PlanChoice path={`${path}.tier_mode`} label={t("partners.plan.tierMode")} value={rule.tier_mode} errors={errors} width={200}
              options={[{ value: "marginal", label: t("partners.plan.marginal") }, { value: "retroactive", label: t("partners.plan.retroactive") }]}
              onChange={(v) => set((r) => (r.tier_mode = v))} />
            <PlanChoice path={`${path}.tier_over`} label={t("partners.plan.tierOver")} value={rule.tier_over} errors={errors} width={200}
              options={[{ value: "period", label: t("partners.plan.overPeriod") }, { value: "line", label: t("partners.plan.overLine") }]}
              onChange={(v) => set((r) => (r.tier_over = v))} />
          </div>
          <ErrorAt errors={errors} path={`${path}.tiers`} />
          <table className="plan-tiers">
            <tbody>
              {(rule.tiers ?? []).map((tier, i) => (
                <tr key={i} data-testid={`plan-tier-${path}-${i}`}>
                  <td><PlanText path={`${path}.tiers[${i}].from`} label={t("partners.plan.from")} value={tier.from} onChange={(v) => set((r) => (r.tiers![i]!.from = v))} errors={errors} /></td>
                  <td><PlanText path={`${path}.tiers[${i}].to`} label={t("partners.plan.to")} value={tier.to} placeholder={t("partners.plan.open")} onChange={(v) => set((r) => (r.tiers![i]!.to = v))} errors={errors} /></td>
                  <td><PlanText path={`${path}.tiers[${i}].rate_pct`} label={t("partners.plan.ratePct")} value={tier.rate_pct} onChange={(v) => set((r) => (r.tiers![i]!.rate_pct = v))} errors={errors} width={100} /></td>
                  <td>
                    <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t("common.delete")} disabled={(rule.tiers ?? []).length <= 1}
                      onClick={() => set((r) => r.tiers!.splice(i, 1))} data-testid={`plan-tier-${path}-${i}-delete`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Button size="small" icon={<PlusOutlined />} data-testid={`plan-tier-${path}-add`}
            onClick={() => set((r) => {
              const tiers = r.tiers ?? [];
              const last = tiers[tiers.length - 1];
              tiers.push({ from: last?.to ?? "", rate_pct: "" });
              r.tiers = tiers;
            })}>
            {t("partners.plan.addTier")}
          </Button>
        </>
      )}
      {kind === "attainment" && (
        <>
          <ErrorAt errors={errors} path={`${path}.attainment`} />
          <table className="plan-tiers">
            <tbody>
              {(rule.attainment ?? []).map((b, i) => (
                <tr key={i}>
                  <td><PlanText path={`${path}.attainment[${i}].from_pct`} label={t("partners.plan.fromPct")} value={b.from_pct} onChange={(v) => set((r) => (r.attainment![i]!.from_pct = v))} errors={errors} width={100} /></td>
                  <td><PlanText path={`${path}.attainment[${i}].to_pct`} label={t("partners.plan.toPct")} value={b.to_pct} placeholder={t("partners.plan.open")} onChange={(v) => set((r) => (r.attainment![i]!.to_pct = v))} errors={errors} width={100} /></td>
                  <td><PlanText path={`${path}.attainment[${i}].rate_pct_from`} label={t("partners.plan.rateFrom")} value={b.rate_pct_from} onChange={(v) => set((r) => (r.attainment![i]!.rate_pct_from = v))} errors={errors} width={100} /></td>
                  <td><PlanText path={`${path}.attainment[${i}].rate_pct_to`} label={t("partners.plan.rateTo")} value={b.rate_pct_to} onChange={(v) => set((r) => (r.attainment![i]!.rate_pct_to = v))} errors={errors} width={100} /></td>
                  <td><Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t("common.delete")} disabled={(rule.attainment ?? []).length <= 1} onClick={() => set((r) => r.attainment!.splice(i, 1))} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          <Button size="small" icon={<PlusOutlined />} onClick={() => set((r) => (r.attainment = [...(r.attainment ?? []), { from_pct: "", rate_pct_from: "" }]))}>
            {t("partners.plan.addBand")}
          </Button>
        </>
      )}
    </div>
  );
}
