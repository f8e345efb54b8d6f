// The plan form: header fields, the default rate rule and every optional block; checked by
// the server's plan parser 300 ms after each change (errors appear at the field their JSON
// path names, and all of them in the list at the top); "Save as new version" stores it as the
// next version of its name (the earlier versions stay, statements name the version they used).
import { SaveOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Space } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Plan } from "../../bindings/Plan";
import type { PlanSummary } from "../../bindings/PlanSummary";
import { useReportError } from "../../components/useReportError";
import { toIpcError } from "../../ipc/call";
import { checkPlan, savePlan } from "../../ipc/partners";
import { ErrorAt, PlanChoice, PlanText, type Errors } from "./PlanField";
import { clean, edit } from "./planForm";
import { BonusLimitsLevels, OverridesCard, ServiceCard } from "./PlanSections";
import { RateRuleEditor } from "./RateRuleEditor";

type Props = { initial: Plan; onSaved: (s: PlanSummary) => void; readOnlyName?: boolean };

export function PlanEditor({ initial, onSaved, readOnlyName = false }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const [plan, setPlan] = useState<Plan>(initial);
  const [errors, setErrors] = useState<Errors>([]);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      checkPlan(clean(plan))
        .then((e) => live && setErrors(e))
        .catch(() => undefined);
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [plan]);
  const change = (f: (p: Plan) => void) => setPlan((p) => edit(p, f));
  const save = async () => {
    setSaving(true);
    try {
      const saved = await savePlan(clean(plan));
      void message.success(t("partners.plan.saved", { name: saved.name, version: saved.version }));
      onSaved(saved);
    } catch (e) {
      const err = toIpcError(e);
      if (err.kind === "validation" && err.fields.length > 0) setErrors(err.fields);
      else reportError(err);
    } finally {
      setSaving(false);
    }
  };
  return (
    <div className="plan-form" data-testid="plan-editor">
      {errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          className="section"
          message={t("partners.plan.invalid", { n: errors.length })}
          description={
            <ul data-testid="plan-errors">
              {errors.map((e, i) => (
                <li key={i}>
                  <code>{e.field}</code>: {t(`fieldError.${e.code}`, { defaultValue: e.code })} — {e.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <ErrorAt errors={errors} path="$" />
      <Card size="small" title={t("partners.plan.header")}>
        <div className="plan-row">
          <PlanText path="name" label={t("partners.plan.name")} value={plan.name} width={240} disabled={readOnlyName} errors={errors} onChange={(v) => change((p) => (p.name = v))} />
          <PlanChoice path="kind" label={t("partners.plan.kind")} value={plan.kind} errors={errors}
            options={[{ value: "partner", label: t("partners.plan.kinds.partner") }, { value: "rep", label: t("partners.plan.kinds.rep") }]}
            onChange={(v) => change((p) => (p.kind = v))} />
          <PlanText path="effective_from" label={t("partners.plan.effectiveFrom")} value={plan.effective_from} placeholder="YYYY-MM-DD" errors={errors} onChange={(v) => change((p) => (p.effective_from = v))} />
          <PlanText path="currency" label={t("partners.plan.currency")} value={plan.currency} width={90} errors={errors} onChange={(v) => change((p) => (p.currency = v.toUpperCase()))} />
          <PlanChoice path="base" label={t("partners.plan.base")} value={plan.base} errors={errors}
            options={(["gross", "net", "margin"] as const).map((v) => ({ value: v, label: t(`partners.plan.bases.${v}`) }))}
            onChange={(v) => change((p) => (p.base = v))} />
          <PlanChoice path="trigger" label={t("partners.plan.trigger")} value={plan.trigger} errors={errors}
            options={(["invoice", "payment"] as const).map((v) => ({ value: v, label: t(`partners.plan.triggers.${v}`) }))}
            onChange={(v) => change((p) => (p.trigger = v))} />
        </div>
      </Card>
      <Card size="small" title={t("partners.plan.defaultRate")}>
        <RateRuleEditor rule={plan.rate} path="rate" errors={errors} allowAttainment={plan.kind === "rep"} onChange={(r) => change((p) => (p.rate = r))} />
      </Card>
      <OverridesCard plan={plan} onChange={setPlan} errors={errors} />
      <ServiceCard plan={plan} onChange={setPlan} errors={errors} />
      <BonusLimitsLevels plan={plan} onChange={setPlan} errors={errors} />
      <Space>
        <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()} data-testid="plan-save">
          {t("partners.plan.saveVersion")}
        </Button>
      </Space>
    </div>
  );
}
