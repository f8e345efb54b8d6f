// The optional building blocks of a plan: overrides by product line / customer type
// (差异化分成), service-value points (服务价值分成), the bonus for consecutive months at
// target, cap / floor with carry-forward or forfeit, and the parent partner's override.
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Switch } from "antd";
import { useTranslation } from "react-i18next";
import type { Plan } from "../../bindings/Plan";
import type { PlanService } from "../../bindings/PlanService";
import { ErrorAt, PlanChoice, PlanText, type Errors } from "./PlanField";
import { edit, startRule } from "./planForm";
import { RateRuleEditor } from "./RateRuleEditor";

type Props = { plan: Plan; onChange: (p: Plan) => void; errors: Errors };

const SERVICES: PlanService[] = ["installation", "training", "after_sales", "satisfaction"];

export function OverridesCard({ plan, onChange, errors }: Props) {
  const { t } = useTranslation();
  const list = plan.overrides ?? [];
  const change = (f: (p: Plan) => void) => onChange(edit(plan, f));
  return (
    <Card size="small" title={t("partners.plan.overrides")} data-testid="plan-overrides">
      <ErrorAt errors={errors} path="overrides" />
      {list.map((o, i) => (
        <Card key={i} size="small" type="inner" title={`#${i + 1}`}
          extra={<Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t("common.delete")} onClick={() => change((p) => p.overrides!.splice(i, 1))} />}>
          <div className="plan-row">
            <PlanText path={`overrides[${i}].product_line`} label={t("partners.plan.productLine")} value={o.product_line} onChange={(v) => change((p) => (p.overrides![i]!.product_line = v))} errors={errors} width={180} />
            <PlanText path={`overrides[${i}].customer_type`} label={t("partners.plan.customerType")} value={o.customer_type} onChange={(v) => change((p) => (p.overrides![i]!.customer_type = v))} errors={errors} width={180} />
          </div>
          <ErrorAt errors={errors} path={`overrides[${i}]`} />
          <RateRuleEditor rule={o.rate} path={`overrides[${i}].rate`} errors={errors} allowAttainment={plan.kind === "rep"} onChange={(r) => change((p) => (p.overrides![i]!.rate = r))} />
        </Card>
      ))}
      <Button size="small" icon={<PlusOutlined />} onClick={() => change((p) => (p.overrides = [...list, { product_line: "", rate: startRule("fixed") }]))} data-testid="plan-add-override">
        {t("partners.plan.addOverride")}
      </Button>
    </Card>
  );
}

export function ServiceCard({ plan, onChange, errors }: Props) {
  const { t } = useTranslation();
  const list = plan.service ?? [];
  const change = (f: (p: Plan) => void) => onChange(edit(plan, f));
  return (
    <Card size="small" title={t("partners.plan.service")} data-testid="plan-service">
      <ErrorAt errors={errors} path="service" />
      {list.map((s, i) => (
        <div className="plan-row" key={i}>
          <PlanChoice path={`service[${i}].service`} label={t("partners.plan.serviceKind")} value={s.service} errors={errors}
            options={SERVICES.map((v) => ({ value: v, label: t(`partners.plan.services.${v}`) }))} onChange={(v) => change((p) => (p.service![i]!.service = v))} />
          <PlanText path={`service[${i}].points`} label={t("partners.plan.points")} value={s.points} onChange={(v) => change((p) => (p.service![i]!.points = v))} errors={errors} width={100} />
          {s.service === "satisfaction" && (
            <PlanText path={`service[${i}].min_score`} label={t("partners.plan.minScore")} value={s.min_score} onChange={(v) => change((p) => (p.service![i]!.min_score = v))} errors={errors} width={100} />
          )}
          <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t("common.delete")} onClick={() => change((p) => p.service!.splice(i, 1))} />
        </div>
      ))}
      <Button size="small" icon={<PlusOutlined />} onClick={() => change((p) => (p.service = [...list, { service: SERVICES.find((v) => !list.some((s) => s.service === v)) ?? "installation", points: "" }]))}>
        {t("partners.plan.addService")}
      </Button>
    </Card>
  );
}

/** A card whose block exists only while its switch is on. */
function Optional({ title, on, onToggle, children, testId }: { title: string; on: boolean; onToggle: (on: boolean) => void; children: React.ReactNode; testId: string }) {
  return (
    <Card size="small" title={title} data-testid={testId} extra={<Switch size="small" checked={on} onChange={onToggle} data-testid={`${testId}-on`} />}>
      {on && children}
    </Card>
  );
}

export function BonusLimitsLevels({ plan, onChange, errors }: Props) {
  const { t } = useTranslation();
  const change = (f: (p: Plan) => void) => onChange(edit(plan, f));
  const b = plan.quarterly_bonus;
  const l = plan.limits;
  const m = plan.multi_level;
  return (
    <>
      <Optional title={t("partners.plan.bonus")} testId="plan-bonus" on={!!b} onToggle={(on) => change((p) => (p.quarterly_bonus = on ? { months: 3, min_attainment_pct: "100", amount: "" } : undefined))}>
        {b && (
          <div className="plan-row">
            <PlanText path="quarterly_bonus.months" label={t("partners.plan.months")} value={String(b.months)} width={90} errors={errors}
              onChange={(v) => change((p) => (p.quarterly_bonus!.months = Number.parseInt(v, 10) || 0))} />
            <PlanText path="quarterly_bonus.min_attainment_pct" label={t("partners.plan.minAttainment")} value={b.min_attainment_pct} errors={errors} onChange={(v) => change((p) => (p.quarterly_bonus!.min_attainment_pct = v))} />
            <PlanText path="quarterly_bonus.amount" label={t("partners.plan.bonusAmount")} value={b.amount} errors={errors} onChange={(v) => change((p) => (p.quarterly_bonus!.amount = v))} />
            <PlanText path="quarterly_bonus.rate_pct" label={t("partners.plan.bonusRate")} value={b.rate_pct} errors={errors} onChange={(v) => change((p) => (p.quarterly_bonus!.rate_pct = v))} />
          </div>
        )}
        <ErrorAt errors={errors} path="quarterly_bonus" />
      </Optional>
      <Optional title={t("partners.plan.limits")} testId="plan-limits" on={!!l} onToggle={(on) => change((p) => (p.limits = on ? { cap: "", excess: "carry_forward" } : undefined))}>
        {l && (
          <div className="plan-row">
            <PlanText path="limits.cap" label={t("partners.plan.cap")} value={l.cap} errors={errors} onChange={(v) => change((p) => (p.limits!.cap = v))} />
            <PlanText path="limits.floor" label={t("partners.plan.floor")} value={l.floor} errors={errors} onChange={(v) => change((p) => (p.limits!.floor = v))} />
            <PlanChoice path="limits.excess" label={t("partners.plan.excess")} value={l.excess} errors={errors} width={200}
              options={[{ value: "carry_forward", label: t("partners.plan.carryForward") }, { value: "forfeit", label: t("partners.plan.forfeit") }]}
              onChange={(v) => change((p) => (p.limits!.excess = v))} />
          </div>
        )}
        <ErrorAt errors={errors} path="limits" />
      </Optional>
      {plan.kind === "rep" && (
        <Optional title={t("partners.plan.teamPool")} testId="plan-team-pool" on={!!plan.team_pool} onToggle={(on) => change((p) => (p.team_pool = on ? { pct: "", split: "by_sales" } : undefined))}>
          {plan.team_pool && (
            <div className="plan-row">
              <PlanText path="team_pool.pct" label={t("partners.plan.poolPct")} value={plan.team_pool.pct} errors={errors} onChange={(v) => change((p) => (p.team_pool!.pct = v))} />
              <PlanText path="team_pool.min_attainment_pct" label={t("partners.plan.poolMin")} value={plan.team_pool.min_attainment_pct} errors={errors} onChange={(v) => change((p) => (p.team_pool!.min_attainment_pct = v))} />
              <PlanChoice path="team_pool.split" label={t("partners.plan.poolSplit")} value={plan.team_pool.split} errors={errors} width={160}
                options={[{ value: "by_sales", label: t("partners.plan.bySales") }, { value: "equal", label: t("partners.plan.equal") }]}
                onChange={(v) => change((p) => (p.team_pool!.split = v))} />
            </div>
          )}
          <ErrorAt errors={errors} path="team_pool" />
        </Optional>
      )}
      <Card size="small" title={t("partners.plan.rounding")} data-testid="plan-rounding">
        <PlanChoice path="rounding" label={t("partners.plan.rounding")} value={plan.rounding ?? "half_away_from_zero"} errors={errors} width={260}
          options={[{ value: "half_away_from_zero", label: t("partners.plan.halfAway") }, { value: "half_even", label: t("partners.plan.halfEven") }, { value: "down", label: t("partners.plan.down") }]}
          onChange={(v) => change((p) => (p.rounding = v === "half_away_from_zero" ? undefined : v))} />
      </Card>
      {plan.kind === "partner" && (
        <Optional title={t("partners.plan.multiLevel")} testId="plan-multi-level" on={!!m} onToggle={(on) => change((p) => (p.multi_level = on ? { override_pct: "" } : undefined))}>
          {m && (
            <div className="plan-row">
              <PlanText path="multi_level.override_pct" label={t("partners.plan.overridePct")} value={m.override_pct} errors={errors} onChange={(v) => change((p) => (p.multi_level!.override_pct = v))} />
            </div>
          )}
        </Optional>
      )}
    </>
  );
}
