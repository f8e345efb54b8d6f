// The key-terms fields (payment, delivery, acceptance window, liability cap, warranty, term,
// renewal and its notice, public body), used by "New contract" and the contract screen.
// Errors from the core show at their field (error-<field>).
import { Col, Form, Input, InputNumber, Row, Switch } from "antd";
import { useTranslation } from "react-i18next";
import type { FieldError } from "../bindings/FieldError";
import type { TemplateKind } from "../bindings/TemplateKind";
import type { TermsForm } from "../bindings/TermsForm";
import { FieldErrorText } from "../quotes/FieldErrorText";
import { fieldsFor } from "./terms";

type Props = {
  kind: TemplateKind;
  value: TermsForm;
  onChange: (next: TermsForm) => void;
  errors: FieldError[];
  disabled?: boolean;
};

export function TermsFields({ kind, value, onChange, errors, disabled }: Props) {
  const { t } = useTranslation();
  const error = (field: string) => errors.find((e) => e.field === field);
  const item = (field: string, control: React.ReactNode) => {
    const e = error(field);
    return (
      <Col xs={12} md={8} key={field}>
        <Form.Item
          label={t(`contracts.terms.${field}`)}
          validateStatus={e ? "error" : undefined}
          help={e ? <FieldErrorText error={e} /> : undefined}
        >
          {control}
        </Form.Item>
      </Col>
    );
  };
  const set = <K extends keyof TermsForm>(key: K, v: TermsForm[K]) => onChange({ ...value, [key]: v });
  return (
    <Form layout="vertical" size="small" className="terms-form" disabled={disabled} component="div">
      <Row gutter={12}>
        {fieldsFor(kind).map((f) =>
          item(
            f,
            <InputNumber
              min={0}
              precision={0}
              className="terms-number"
              value={value[f]}
              onChange={(v) => set(f, v === null ? null : Number(v))}
              addonAfter={t(f.endsWith("months") ? "contracts.terms.months" : "contracts.terms.days")}
              data-testid={`terms-${f}`}
            />,
          ),
        )}
        {item(
          "liability_cap_pct",
          <Input
            value={value.liability_cap_pct ?? ""}
            onChange={(e) => set("liability_cap_pct", e.target.value === "" ? null : e.target.value)}
            addonAfter="%"
            inputMode="decimal"
            data-testid="terms-liability_cap_pct"
          />,
        )}
        {kind !== "sales" &&
          item("auto_renew", <Switch checked={value.auto_renew} onChange={(v) => set("auto_renew", v)} data-testid="terms-auto_renew" />)}
        {kind !== "nda" &&
          item("public_body", <Switch checked={value.public_body} onChange={(v) => set("public_body", v)} data-testid="terms-public_body" />)}
      </Row>
    </Form>
  );
}
