// One editable cell of a quote line (line-<i>-<field>): an input, or a growing textarea for
// the description, marked red with the error text under it when the server names that cell.
import { Input } from "antd";
import type { ReactNode } from "react";
import type { FieldError } from "../bindings/FieldError";
import { FieldErrorText } from "./FieldErrorText";

type Props = {
  index: number;
  field: "description" | "unit" | "quantity" | "unit_price" | "discount_pct" | "tax_rate_pct" | "unit_cost";
  value: string;
  error?: FieldError;
  readOnly: boolean;
  onChange: (value: string) => void;
  suffix?: ReactNode;
};

const NUMERIC = new Set(["quantity", "unit_price", "discount_pct", "tax_rate_pct", "unit_cost"]);

export function LineInput({ index, field, value, error, readOnly, onChange, suffix }: Props) {
  const testId = `line-${index}-${field}`;
  const status = error ? "error" : undefined;
  const control =
    field === "description" ? (
      <Input.TextArea
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoSize={{ minRows: 1, maxRows: 5 }}
        status={status}
        disabled={readOnly}
        data-testid={testId}
      />
    ) : (
      <Input
        value={value}
        onChange={(e) => onChange(e.target.value)}
        status={status}
        disabled={readOnly}
        suffix={suffix}
        inputMode={NUMERIC.has(field) ? "decimal" : undefined}
        className={NUMERIC.has(field) ? "num line-num" : undefined}
        autoComplete="off"
        data-testid={testId}
      />
    );
  return (
    <div className="line-cell">
      {control}
      {error && <FieldErrorText error={error} />}
    </div>
  );
}
