// A statement period as the CLI writes it (2026-07, 2026-Q3, 2026-H1, 2026): the kind, then
// the period among the last three years'. Options carry `<testId>-option-<label>`.
import { Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import { currentPeriod, granularityOf, periodOptions, type Granularity } from "../dashboard/periods";

type Props = { value: string; onChange: (period: string) => void; testId: string; allowClear?: boolean };

const KINDS: Granularity[] = ["month", "quarter", "half", "year"];

export function PeriodPicker({ value, onChange, testId, allowClear = false }: Props) {
  const { t } = useTranslation();
  const kind = value ? granularityOf(value) : "quarter";
  return (
    <Space.Compact>
      <Select<Granularity>
        value={kind}
        style={{ width: 96 }}
        onChange={(k) => onChange(currentPeriod(k))}
        options={KINDS.map((k) => ({ value: k, label: <span data-testid={`${testId}-kind-${k}`}>{t(`partners.periodKind.${k}`)}</span> }))}
        data-testid={`${testId}-kind`}
      />
      <Select<string>
        value={value || undefined}
        allowClear={allowClear}
        placeholder={t("partners.anyPeriod")}
        style={{ width: 120 }}
        virtual={false}
        onChange={(p) => onChange(p ?? "")}
        options={periodOptions(kind).map((p) => ({ value: p, label: <span data-testid={`${testId}-option-${p}`}>{p}</span> }))}
        data-testid={testId}
      />
    </Space.Compact>
  );
}
