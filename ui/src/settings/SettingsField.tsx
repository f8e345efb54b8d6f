// One labelled settings input (test id <prefix>-<name>) with its field error underneath.
import { Form, Input } from "antd";
import type { FieldError } from "../bindings/FieldError";
import { FieldErrorText } from "../quotes/FieldErrorText";

type Props = {
  prefix: string;
  name: string;
  label: string;
  value: string;
  error?: FieldError;
  suffix?: string;
  hint?: string;
  onChange: (value: string) => void;
};

export function SettingsField({ prefix, name, label, value, error, suffix, hint, onChange }: Props) {
  return (
    <Form.Item
      label={label}
      validateStatus={error ? "error" : undefined}
      help={error ? <FieldErrorText error={error} /> : undefined}
      extra={hint}
    >
      <Input
        value={value}
        onChange={(e) => onChange(e.target.value)}
        suffix={suffix}
        className={suffix ? "num" : undefined}
        autoComplete="off"
        data-testid={`${prefix}-${name}`}
      />
    </Form.Item>
  );
}
