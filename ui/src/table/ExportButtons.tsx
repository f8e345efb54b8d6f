// Export CSV / XLSX: a dialog picks the masking policy ("as my data view shows it", or a
// stricter one such as "for distributor"; the server refuses anything that shows more), then
// Rust writes the file, through the native save dialog (null = cancelled) or into the
// app-owned documents/exports folder. The file name and the audit entry name the policy.
import { DownloadOutlined } from "@ant-design/icons";
import { App, Button, Modal, Select, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TableName } from "../bindings/TableName";
import { toIpcError } from "../ipc/call";
import { exportTable, type ExportFormat } from "../ipc/commands";
import { useDataView } from "../ipc/masking";
import { useReportError } from "../components/useReportError";

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
  const reportError = useReportError();
  const view = useDataView();
  const [chosen, setChosen] = useState<string | undefined>();
  const [busy, setBusy] = useState<"dialog" | "documents" | null>(null);
  const policy = chosen ?? view.data?.policy;
  const policyLabel = (p: string) =>
    p === view.data?.policy ? t("export.asMyView", { policy: t(`policy.${p}`, { defaultValue: p }) }) : t(`policy.${p}`, { defaultValue: p });

  const run = async (toDocuments: boolean) => {
    setBusy(toDocuments ? "documents" : "dialog");
    try {
      const report = await exportTable(table, format, policy ?? null, toDocuments);
      if (report) {
        onClose();
        void message.success({
          content: (
            <span data-testid="export-success" data-path={report.path} data-policy={report.policy}>
              {t("export.success", { rows: report.rows, path: report.path })} · {t("export.withPolicy", { policy: t(`policy.${report.policy}`, { defaultValue: report.policy }) })}
            </span>
          ),
          duration: 8,
        });
      }
    } catch (raw) {
      reportError(toIpcError(raw));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Modal open title={t("export.title", { format: format.toUpperCase() })} onCancel={onClose} footer={null} destroyOnHidden>
      <div data-testid="export-dialog">
        <Typography.Paragraph type="secondary">{t("export.policyHint")}</Typography.Paragraph>
        <Select<string>
          className="export-policy"
          value={policy}
          loading={view.isLoading}
          onChange={setChosen}
          virtual={false}
          style={{ width: "100%" }}
          options={(view.data?.export_policies ?? []).map((p) => ({ value: p, label: policyLabel(p) }))}
          optionRender={(o) => <span data-testid={`export-policy-${String(o.value)}`}>{o.label}</span>}
          data-testid="export-policy"
        />
        <Space className="form-actions" wrap>
          <Button type="primary" loading={busy === "dialog"} disabled={busy !== null || !policy} onClick={() => void run(false)} data-testid="export-save-as">
            {t("export.saveAs")}
          </Button>
          <Button loading={busy === "documents"} disabled={busy !== null || !policy} onClick={() => void run(true)} data-testid="export-to-documents">
            {t("export.toDocuments")}
          </Button>
        </Space>
      </div>
    </Modal>
  );
}
