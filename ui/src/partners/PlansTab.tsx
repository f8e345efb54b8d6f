// Plans (分润方案 / 提成方案): every stored version (name, version, kind, effective from), a
// new plan, or a version opened in the form editor and saved as the next version.
import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Plan } from "../bindings/Plan";
import type { PlanSummary } from "../bindings/PlanSummary";
import { useReportError } from "../components/useReportError";
import { timestampText } from "../format/display";
import { toIpcError } from "../ipc/call";
import { getPlan } from "../ipc/partners";
import { PlanEditor } from "./plan/PlanEditor";
import { newPlan } from "./plan/planForm";
import { usePlans, useRefreshPartners } from "./queries";

type Open = { key: string; plan: Plan; existing: boolean; version?: number };

export function PlansTab() {
  const { t, i18n } = useTranslation();
  const plans = usePlans();
  const refresh = useRefreshPartners();
  const reportError = useReportError();
  const [open, setOpen] = useState<Open | null>(null);
  const openVersion = async (s: PlanSummary) => {
    try {
      const v = await getPlan(s.name, s.version);
      setOpen({ key: `${s.name}-${s.version}`, plan: v.plan, existing: true, version: s.version });
    } catch (e) {
      reportError(toIpcError(e));
    }
  };
  const columns: ColumnsType<PlanSummary> = [
    {
      key: "name",
      title: t("partners.plan.name"),
      render: (_, p) => (
        <Typography.Link onClick={() => void openVersion(p)} data-testid={`plan-open-${p.name}-v${p.version}`}>
          {p.name}
        </Typography.Link>
      ),
    },
    { key: "version", title: t("partners.plan.version"), width: 80, render: (_, p) => `v${p.version}` },
    { key: "kind", title: t("partners.plan.kind"), width: 120, render: (_, p) => <Tag>{t(`partners.plan.kinds.${p.kind}`)}</Tag> },
    { key: "effective", title: t("partners.plan.effectiveFrom"), width: 130, render: (_, p) => p.effective_from },
    { key: "saved", title: t("partners.plan.savedAt"), width: 160, render: (_, p) => timestampText(p.created_at, i18n.language) },
  ];
  return (
    <div data-testid="plans-tab">
      <div className="toolbar">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen({ key: `new-${Date.now()}`, plan: newPlan(), existing: false })} data-testid="plan-new">
          {t("partners.plan.new")}
        </Button>
        {open && <Button onClick={() => setOpen(null)} data-testid="plan-close">{t("common.close")}</Button>}
        {open?.version !== undefined && (
          <Typography.Text type="secondary" data-testid="plan-editing">
            {t("partners.plan.editing", { name: open.plan.name, version: open.version, next: open.version + 1 })}
          </Typography.Text>
        )}
      </div>
      {open ? (
        <PlanEditor key={open.key} initial={open.plan} readOnlyName={open.existing} onSaved={(s) => { refresh(); void openVersion(s); }} />
      ) : (
        <Card size="small" title={t("partners.plan.versions")}>
          <Table<PlanSummary> rowKey={(p) => `${p.name}-${p.version}`} size="small" columns={columns} dataSource={plans.data ?? []} loading={plans.isLoading} pagination={{ pageSize: 20, hideOnSinglePage: true }} data-testid="plans-table" />
        </Card>
      )}
    </div>
  );
}
