// Export CSV / XLSX: Rust opens the native save dialog; null means the user cancelled.
import { DownloadOutlined } from "@ant-design/icons";
import { App, Button } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TableName } from "../bindings/TableName";
import { toIpcError } from "../ipc/call";
import { exportTable, type ExportFormat } from "../ipc/commands";
import { useReportError } from "../components/useReportError";

export function ExportButtons({ table }: { table: TableName }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const [busy, setBusy] = useState<ExportFormat | null>(null);

  const run = async (format: ExportFormat) => {
    setBusy(format);
    try {
      const report = await exportTable(table, format);
      if (report) {
        void message.success({
          content: <span data-testid="export-success">{t("export.success", { rows: report.rows, path: report.path })}</span>,
          duration: 6,
        });
      }
    } catch (raw) {
      reportError(toIpcError(raw));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Button icon={<DownloadOutlined />} loading={busy === "csv"} disabled={busy !== null} onClick={() => void run("csv")} data-testid={`${table}-export-csv`}>
        {t("common.exportCsv")}
      </Button>
      <Button icon={<DownloadOutlined />} loading={busy === "xlsx"} disabled={busy !== null} onClick={() => void run("xlsx")} data-testid={`${table}-export-xlsx`}>
        {t("common.exportXlsx")}
      </Button>
    </>
  );
}
