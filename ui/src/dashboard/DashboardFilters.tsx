// The dashboard's filter bar: period (year / half / quarter / month), owner, region and
// currency, plus refresh, export and settings actions.
import { DownloadOutlined, ReloadOutlined, SettingOutlined } from "@ant-design/icons";
import { Button, Dropdown, Segmented, Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import type { DashboardRequest } from "../bindings/DashboardRequest";
import type { OwnerChoice } from "../bindings/OwnerChoice";
import { currentPeriod, granularityOf, periodOptions, type Granularity } from "./periods";

export type ExportAction = "pdf" | "print" | "funnel" | "kpi" | "forecast" | "abc";

type Props = {
  request: DashboardRequest;
  /** Owners as the data view shows them; `value` is an opaque key the server resolves. */
  owners: OwnerChoice[];
  regions: string[];
  onChange: (r: DashboardRequest) => void;
  onRefresh: () => void;
  onExport: (action: ExportAction) => void;
  onSettings: () => void;
  refreshing: boolean;
};

const CURRENCIES = ["CNY", "USD", "EUR", "HKD", "JPY"];

export function DashboardFilters({ request, owners, regions, onChange, onRefresh, onExport, onSettings, refreshing }: Props) {
  const { t } = useTranslation();
  const kind = granularityOf(request.period);
  const set = (over: Partial<DashboardRequest>) => onChange({ ...request, ...over });
  const exportItems = [
    { key: "print", label: <span data-testid="export-print">{t("dashboard.export.print")}</span> },
    { key: "pdf", label: <span data-testid="export-pdf">{t("dashboard.export.pdf")}</span> },
    { type: "divider" as const },
    ...(["funnel", "kpi", "forecast", "abc"] as const).map((k) => ({ key: k, label: t("dashboard.export.table", { table: t(`dashboard.export.${k}`) }) })),
  ];
  return (
    <Space wrap className="dashboard-filters" data-testid="dashboard-filters">
      <Segmented<Granularity>
        value={kind}
        onChange={(k) => set({ period: currentPeriod(k) })}
        options={(["year", "half", "quarter", "month"] as const).map((k) => ({ value: k, label: t(`dashboard.filters.${k}`) }))}
      />
      <Select value={request.period} onChange={(period) => set({ period })} options={periodOptions(kind).map((p) => ({ value: p, label: p }))} style={{ width: 110 }} data-testid="dashboard-period" />
      <Select
        allowClear
        placeholder={t("dashboard.filters.allOwners")}
        value={request.owner ?? undefined}
        onChange={(owner) => set({ owner: owner ?? null })}
        options={owners.map((o) => ({ value: o.value, label: o.label }))}
        style={{ width: 130 }}
        data-testid="dashboard-owner"
      />
      <Select
        allowClear
        placeholder={t("dashboard.filters.allRegions")}
        value={request.region ?? undefined}
        onChange={(region) => set({ region: region ?? null })}
        options={regions.map((r) => ({ value: r, label: r }))}
        style={{ width: 120 }}
        data-testid="dashboard-region"
      />
      <Select value={request.currency} onChange={(currency) => set({ currency })} options={CURRENCIES.map((c) => ({ value: c, label: c }))} style={{ width: 84 }} />
      <Button icon={<ReloadOutlined />} onClick={onRefresh} loading={refreshing} data-testid="dashboard-refresh">{t("dashboard.refresh")}</Button>
      <Dropdown trigger={["click"]} menu={{ items: exportItems, onClick: ({ key }) => onExport(key as ExportAction) }}>
        <Button icon={<DownloadOutlined />} data-testid="dashboard-export">{t("dashboard.export.button")}</Button>
      </Dropdown>
      <Button icon={<SettingOutlined />} onClick={onSettings} data-testid="dashboard-settings">{t("dashboard.settings.button")}</Button>
    </Space>
  );
}
