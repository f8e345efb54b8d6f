// One plan field and the errors the parser reported at its JSON path. Inputs carry
// `plan-field-<path>`, errors `plan-error-<path>` (e.g. `plan-error-rate.tiers[1].from`).
import { Input, Select } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { FieldError } from "../../bindings/FieldError";

export type Errors = FieldError[];

/** The errors reported exactly at `path`, localised by code with the parser's detail. */
export function ErrorAt({ errors, path }: { errors: Errors; path: string }) {
  const { t } = useTranslation();
  const here = errors.filter((e) => e.field === path);
  if (here.length === 0) return null;
  return (
    <div className="plan-error" data-testid={`plan-error-${path}`}>
      {here.map((e, i) => (
        <div key={i}>
          {t(`fieldError.${e.code}`, { defaultValue: e.code })}: {e.message}
        </div>
      ))}
    </div>
  );
}

type TextProps = { path: string; label: ReactNode; value: string | undefined; onChange: (v: string) => void; errors: Errors; width?: number; placeholder?: string; disabled?: boolean };

export function PlanText({ path, label, value, onChange, errors, width = 140, placeholder, disabled }: TextProps) {
  const bad = errors.some((e) => e.field === path);
  return (
    <div className="plan-field" style={{ width }}>
      <label>{label}</label>
      <Input size="small" value={value ?? ""} status={bad ? "error" : undefined} placeholder={placeholder} disabled={disabled} onChange={(e) => onChange(e.target.value)} data-testid={`plan-field-${path}`} />
      <ErrorAt errors={errors} path={path} />
    </div>
  );
}

type ChoiceProps<T extends string> = { path: string; label: ReactNode; value: T | undefined; options: { value: T; label: string }[]; onChange: (v: T) => void; errors: Errors; width?: number; disabled?: boolean };

export function PlanChoice<T extends string>({ path, label, value, options, onChange, errors, width = 160, disabled }: ChoiceProps<T>) {
  return (
    <div className="plan-field" style={{ width }}>
      <label>{label}</label>
      <Select<T>
        size="small"
        value={value}
        disabled={disabled}
        onChange={onChange}
        options={options.map((o) => ({ value: o.value, label: <span data-testid={`plan-field-${path}-${o.value}`}>{o.label}</span> }))}
        data-testid={`plan-field-${path}`}
      />
      <ErrorAt errors={errors} path={path} />
    </div>
  );
}
