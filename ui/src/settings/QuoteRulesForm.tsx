// Settings › Quote rules: tier discounts, the cost-plus target margin, the discount
// thresholds for manager and director approval, the margin floor, the number pattern and the
// default validity. Field errors from the server appear under their field.
import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Col, Form, Row, Spin } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { FieldError } from "../bindings/FieldError";
import type { QuoteRules } from "../bindings/QuoteRules";
import { useReportError } from "../components/useReportError";
import { toIpcError } from "../ipc/call";
import { saveQuoteRules } from "../ipc/quotes";
import { RULES_KEY, useQuoteRules } from "../quotes/queries";
import { numberErrors } from "./decimalField";
import { SettingsField } from "./SettingsField";

type Values = Record<keyof QuoteRules, string>;

const PERCENTS = ["tier_a_discount_pct", "tier_b_discount_pct", "tier_c_discount_pct", "target_margin_pct", "manager_above_pct", "director_above_pct", "margin_floor_pct"] as const;

const toValues = (r: QuoteRules): Values => ({ ...r, validity_days: String(r.validity_days) });

export function QuoteRulesForm() {
  const rules = useQuoteRules();
  if (!rules.data) return <Spin />;
  return <RulesForm initial={rules.data} />;
}

function RulesForm({ initial }: { initial: QuoteRules }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const client = useQueryClient();
  const [values, setValues] = useState<Values>(() => toValues(initial));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saving, setSaving] = useState(false);
  const set = (name: keyof QuoteRules) => (v: string) => {
    setValues((old) => ({ ...old, [name]: v }));
    setErrors((es) => es.filter((e) => e.field !== name));
  };
  const field = (name: keyof QuoteRules, suffix?: string) => (
    <SettingsField
      prefix="rules"
      name={name}
      label={t(`settings.rules.${name}`)}
      hint={t(`settings.rulesHint.${name}`, { defaultValue: "" }) || undefined}
      value={values[name]}
      suffix={suffix}
      error={errors.find((e) => e.field === name)}
      onChange={set(name)}
    />
  );

  const save = async () => {
    const numeric = Object.fromEntries([...PERCENTS, "validity_days"].map((k) => [k, values[k as keyof QuoteRules]]));
    const local = numberErrors(numeric, ["validity_days"]);
    if (local.length > 0) {
      setErrors(local);
      return;
    }
    setSaving(true);
    try {
      const saved = await saveQuoteRules({ ...values, validity_days: Number(values.validity_days) });
      client.setQueryData(RULES_KEY, saved);
      setValues(toValues(saved));
      setErrors([]);
      void message.success(t("common.saved"));
    } catch (raw) {
      const e = toIpcError(raw);
      if (e.kind === "validation" && e.fields.length > 0) setErrors(e.fields);
      else reportError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form layout="vertical" component="div" className="settings-form" data-testid="settings-rules">
      <Row gutter={16}>
        <Col span={8}>{field("tier_a_discount_pct", "%")}</Col>
        <Col span={8}>{field("tier_b_discount_pct", "%")}</Col>
        <Col span={8}>{field("tier_c_discount_pct", "%")}</Col>
        <Col span={8}>{field("manager_above_pct", "%")}</Col>
        <Col span={8}>{field("director_above_pct", "%")}</Col>
        <Col span={8}>{field("margin_floor_pct", "%")}</Col>
        <Col span={8}>{field("target_margin_pct", "%")}</Col>
        <Col span={8}>{field("number_pattern")}</Col>
        <Col span={8}>{field("validity_days")}</Col>
      </Row>
      <Button type="primary" loading={saving} onClick={() => void save()} data-testid="rules-save">
        {t("common.save")}
      </Button>
    </Form>
  );
}
