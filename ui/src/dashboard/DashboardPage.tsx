// The sales dashboard (销售看板): filters, KPIs with targets and CAC/LTV, the funnel, the
// rolling forecast and ABC segmentation; every number opens the records behind it, and the
// whole page exports as the weekly PDF (周报) or table by table as CSV/XLSX, each through a
// masking policy no less strict than the data view (owner names are masked by the server).
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, App, Col, Row, Spin, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { DashboardRequest } from "../bindings/DashboardRequest";
import type { DrillTarget } from "../bindings/DrillTarget";
import { toIpcError } from "../ipc/call";
import { PolicyExportDialog } from "../table/PolicyExportDialog";
import { dashboard, exportDashboardPdf, exportDashboardTable, printDashboard } from "../ipc/dashboard";
import { AbcCard } from "./AbcCard";
import { CostsModal } from "./CostsModal";
import { DashboardFilters, type ExportAction } from "./DashboardFilters";
import { DrillDrawer } from "./DrillDrawer";
import { ForecastCard } from "./ForecastCard";
import { FunnelCard } from "./FunnelCard";
import { KpiCards } from "./KpiCards";
import { currentPeriod } from "./periods";
import { SettingsModal } from "./SettingsModal";
import { TargetsModal } from "./TargetsModal";

type Modal = "targets" | "costs" | "settings" | null;

export function DashboardPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [exporting, setExporting] = useState<ExportAction | null>(null);
  const [request, setRequest] = useState<DashboardRequest>({ period: currentPeriod("year"), owner: null, region: null, currency: "CNY", forecast_months: 6 });
  const [drill, setDrill] = useState<{ target: DrillTarget; title: string } | null>(null);
  const [modal, setModal] = useState<Modal>(null);
  const figures = useQuery({ queryKey: ["dashboard", "figures", request], queryFn: () => dashboard(request), placeholderData: keepPreviousData });
  const d = figures.data;

  /** "print" and "pdf" are the weekly report (documents folder or save dialog, chosen in the dialog). */
  const runExport = async (action: ExportAction, policy: string, toDocuments: boolean) => {
    const weekly = action === "print" || action === "pdf";
    if (weekly && toDocuments) {
      const path = await printDashboard(request, policy);
      void message.success({ content: <span data-testid="dashboard-printed" data-path={path} data-policy={policy}>{t("dashboard.export.printed", { path })}</span>, duration: 8 });
      return true;
    }
    const path = weekly ? await exportDashboardPdf(request, policy) : await exportDashboardTable(request, { table: action }, "xlsx", policy, toDocuments);
    if (path) void message.success({ content: <span data-testid="export-success" data-path={path} data-policy={policy}>{t("dashboard.exported", { path })}</span>, duration: 8 });
    return path !== null;
  };
  const exportTitle = (action: ExportAction) =>
    t("dashboard.export.dialogTitle", { what: action === "print" || action === "pdf" ? t("dashboard.export.weekly") : t(`dashboard.export.${action}`) });

  if (figures.isError && !d) return <Alert type="error" showIcon message={t("dashboard.error")} description={toIpcError(figures.error).message} />;
  if (!d) return <Spin className="page-spin" data-testid="dashboard-loading" />;
  const onDrill = (target: DrillTarget, title: string) => setDrill({ target, title });
  return (
    <div className="dashboard" data-testid="dashboard">
      <div className="dashboard-head">
        <Typography.Title level={4} className="page-title">{t("dashboard.title")}</Typography.Title>
        <DashboardFilters
          request={request}
          owners={d.owners}
          regions={d.regions}
          onChange={setRequest}
          onRefresh={() => void figures.refetch()}
          onExport={setExporting}
          onSettings={() => setModal("settings")}
          refreshing={figures.isFetching}
        />
      </div>
      {figures.isError && <Alert type="error" showIcon message={toIpcError(figures.error).message} />}
      <Typography.Text type="secondary" data-testid="dashboard-scope">{t("dashboard.scope", { n: d.opportunity_count, period: d.period, currency: d.currency })}</Typography.Text>
      <KpiCards d={d} onDrill={onDrill} onTargets={() => setModal("targets")} onCosts={() => setModal("costs")} />
      <Row gutter={[12, 12]} className="dashboard-row">
        <Col xs={24}><FunnelCard funnel={d.funnel} onDrill={onDrill} /></Col>
        <Col xs={24}><ForecastCard forecast={d.forecast} accuracy={d.accuracy} onDrill={onDrill} /></Col>
        <Col xs={24}><AbcCard abc={d.abc} total={d.abc_rows_total} request={request} onDrill={onDrill} /></Col>
      </Row>
      <DrillDrawer request={request} target={drill?.target ?? null} title={drill?.title ?? ""} onClose={() => setDrill(null)} />
      <TargetsModal open={modal === "targets"} onClose={() => setModal(null)} owners={d.owners} currency={request.currency} initialYear={Number(request.period.slice(0, 4))} />
      <CostsModal open={modal === "costs"} onClose={() => setModal(null)} period={request.period} currency={request.currency} marketing={d.economics.marketing_cost} sales={d.economics.sales_cost} />
      <SettingsModal open={modal === "settings"} onClose={() => setModal(null)} settings={d.settings} />
      {exporting && <PolicyExportDialog title={exportTitle(exporting)} onClose={() => setExporting(null)} run={(policy, toDocuments) => runExport(exporting, policy, toDocuments)} />}
    </div>
  );
}
