// The records behind a dashboard number: a drawer listing them (largest first), with their
// count and total, and CSV/XLSX export of all of them through a masking policy. Owners come
// masked by the data view's policy, with the eye where it may reveal.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { App, Button, Drawer, Space, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { DashboardRequest } from "../bindings/DashboardRequest";
import type { DrillRow } from "../bindings/DrillRow";
import type { DrillTarget } from "../bindings/DrillTarget";
import type { FileFormat } from "../bindings/FileFormat";
import { dashboardDrill, exportDashboardTable } from "../ipc/dashboard";
import { MaskedText } from "../masking/MaskedText";
import { PolicyExportDialog } from "../table/PolicyExportDialog";
import { money } from "./money";

type Props = { request: DashboardRequest; target: DrillTarget | null; title: string; onClose: () => void };

export function DrillDrawer({ request, target, title, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [format, setFormat] = useState<FileFormat | null>(null);
  const drill = useQuery({
    queryKey: ["dashboard", "drill", request, target],
    queryFn: () => dashboardDrill(request, target as DrillTarget),
    enabled: target !== null,
  });
  const exportAs = async (format: FileFormat, policy: string, toDocuments: boolean) => {
    if (!target) return false;
    const path = await exportDashboardTable(request, { table: "drill", target }, format, policy, toDocuments);
    if (path) void message.success({ content: <span data-testid="export-success" data-path={path} data-policy={policy}>{t("dashboard.exported", { path })}</span>, duration: 8 });
    return path !== null;
  };
  const cur = request.currency;
  const d = drill.data;
  return (
    <Drawer open={target !== null} onClose={onClose} width={760} title={title} destroyOnHidden data-testid="drill-drawer">
      {d && (
        <Space direction="vertical" style={{ width: "100%" }}>
          <Space wrap>
            <Typography.Text data-testid="drill-summary">
              {t("dashboard.drill.summary", { count: d.count, total: money(d.total, cur) })}
            </Typography.Text>
            <Button size="small" onClick={() => setFormat("csv")} data-testid="drill-export-csv">{t("common.exportCsv")}</Button>
            <Button size="small" onClick={() => setFormat("xlsx")} data-testid="drill-export-xlsx">{t("common.exportXlsx")}</Button>
          </Space>
          {d.count > d.rows.length && <Typography.Text type="secondary">{t("dashboard.drill.capped", { shown: d.rows.length })}</Typography.Text>}
          <Table<DrillRow>
            size="small"
            rowKey="id"
            dataSource={d.rows}
            pagination={{ pageSize: 15, showSizeChanger: false }}
            data-testid="drill-table"
            columns={[
              { key: "name", title: t("dashboard.drill.name"), render: (_, r) => <span data-testid={`drill-name-${r.id}`}>{r.name}</span>, ellipsis: true },
              { key: "customer", title: t("dashboard.drill.customer"), render: (_, r) => r.customer, ellipsis: true },
              { key: "stage", title: t("dashboard.drill.stage"), render: (_, r) => (r.stage ? t(`stage.${r.stage}`) : ""), width: 100 },
              { key: "amount", title: t("dashboard.drill.amount"), render: (_, r) => <span className="num">{money(r.amount, cur)}</span>, align: "right", width: 150 },
              {
                key: "owner",
                title: t("dashboard.drill.owner"),
                width: 120,
                render: (_, r) => (
                  // Only opportunity rows have an owner to reveal (customer rows have none).
                  <MaskedText table="opportunities" id={r.stage ? r.id : null} field="owner" label={t("dashboard.drill.owner")} masked={r.masked}>
                    <span data-testid={`drill-owner-${r.id}`}>{r.owner}</span>
                  </MaskedText>
                ),
              },
              { key: "date", title: t("dashboard.drill.date"), render: (_, r) => r.date ?? "", width: 104 },
            ]}
          />
        </Space>
      )}
      {format && (
        <PolicyExportDialog
          title={t("dashboard.export.dialogTitle", { what: `${t("dashboard.export.records")} ${format.toUpperCase()}` })}
          onClose={() => setFormat(null)}
          run={(policy, toDocuments) => exportAs(format, policy, toDocuments)}
        />
      )}
    </Drawer>
  );
}
