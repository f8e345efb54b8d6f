// Renders the control for one form field by its kind; Form.Item injects value/onChange,
// which are passed straight to the control. Test ids sit on the real input element.
import { Input, Select, Switch } from "antd";
import { useTranslation } from "react-i18next";
import { CustomerSelect } from "../components/CustomerSelect";
import { CURRENCIES } from "../tables/enums";
import type { FieldKind } from "./types";

type Props = {
  name: string;
  kind: FieldKind;
  initialLabel?: string;
  // Injected by Form.Item:
  id?: string;
  value?: unknown;
  checked?: boolean;
  onChange?: (...args: never[]) => void;
};

export function FieldInput({ name, kind, initialLabel, ...control }: Props) {
  const { t } = useTranslation();
  const testId = `field-${name}`;
  const props = control as Record<string, unknown>;
  switch (kind.type) {
    case "text":
      return <Input {...props} data-testid={testId} autoComplete="off" />;
    case "textarea":
      return <Input.TextArea {...props} data-testid={testId} autoSize={{ minRows: 3, maxRows: 8 }} />;
    case "decimal":
      return <Input {...props} data-testid={testId} inputMode="decimal" autoComplete="off" suffix={kind.suffix} className="num" />;
    case "date":
      return <Input {...props} data-testid={testId} type="date" />;
    case "switch":
      return <Switch {...props} data-testid={testId} />;
    case "enum":
      return (
        <Select
          {...props}
          data-testid={testId}
          allowClear={kind.nullable}
          placeholder={t("common.select")}
          virtual={false}
          options={kind.values.map((v) => ({ value: v, label: t(`${kind.labelPrefix}.${v}`) }))}
          optionRender={(option) => <span data-testid={`option-${name}-${String(option.value)}`}>{option.label}</span>}
        />
      );
    case "currency":
      return (
        <Select
          {...props}
          data-testid={testId}
          showSearch
          virtual={false}
          options={CURRENCIES.map((c) => ({ value: c, label: t(`currency.${c}`) }))}
          optionRender={(option) => <span data-testid={`option-${name}-${String(option.value)}`}>{option.label}</span>}
        />
      );
    case "customer":
      return (
        <CustomerSelect
          {...(props as { value?: string | null; onChange?: (v: string | null) => void; id?: string })}
          data-testid={testId}
          nullable={kind.nullable}
          initialLabel={initialLabel}
        />
      );
  }
}
