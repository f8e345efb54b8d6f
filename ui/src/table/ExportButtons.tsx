// Export CSV / XLSX: a dialog picks the masking policy ("as my data view shows it", or a
// stricter one such as "for distributor"; the server refuses anything that shows more), then
// Rust writes the file, through the native save dialog (null = cancelled) or into the
// app-owned documents/exports folder. The file name and the audit entry name the policy.
// The dialog itself is PolicyExportDialog (the dashboard's exports use it too).
import { DownloadOutlined } from "@ant-design/icons";
import { App, Button } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TableName } from "../bindings/TableName";
import { exportTable, type ExportFormat } from "../ipc/commands";
import { PolicyExportDialog } from "./PolicyExportDialog";

export function ExportButtons({ table }: { table: TableName }) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<ExportFormat | null>(null);
  return (
    <>
      <Button icon={<DownloadOutlined />} onClick={() => setFormat("csv")} data-testid={`${table}-export-csv`}>
        {t("common.exportCsv")}
      </Button>
      <Button icon={<DownloadOutlined />} onClick={() => setFormat("xlsx")} data-testid={`${table}-export-xlsx`}>
        {t("common.exportXlsx")}
      </Button>
      {format && <ExportDialog table={table} format={format} onClose={() => setFormat(null)} />}
    </>
  );
}

function ExportDialog({ table, format, onClose }: { table: TableName; format: ExportFormat; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const run = async (policy: string, toDocuments: boolean) => {
    const report = await exportTable(table, format, policy, toDocuments);
    if (!report) return false;
    void message.success({
      content: (
        <span data-testid="export-success" data-path={report.path} data-policy={report.policy}>
          {t("export.success", { rows: report.rows, path: report.path })} · {t("export.withPolicy", { policy: t(`policy.${report.policy}`, { defaultValue: report.policy }) })}
        </span>
      ),
      duration: 8,
    });
    return true;
  };
  return <PolicyExportDialog title={t("export.title", { format: format.toUpperCase() })} onClose={onClose} run={run} />;
}
