// The masking-policy step of every export (tables, the dashboard's tables and drill-downs,
// the weekly PDF): "as my data view shows it" or a built-in that hides at least as much
// (for distributor, trade show …); the server refuses one that shows more, names the file
// `…-masked-<policy>` and audits the policy. Then the native save dialog or the app's
// documents folder.
import { Modal, Select, Space, Typography, Button } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useReportError } from "../components/useReportError";
import { toIpcError } from "../ipc/call";
import { useDataView } from "../ipc/masking";

type Props = {
  title: string;
  onClose: () => void;
  /** Runs the export; true when a file was written (the dialog closes), false when the save dialog was cancelled. */
  run: (policy: string, toDocuments: boolean) => Promise<boolean>;
};

export function PolicyExportDialog({ title, onClose, run }: Props) {
  const { t } = useTranslation();
  const reportError = useReportError();
  const view = useDataView();
  const [chosen, setChosen] = useState<string | undefined>();
  const [busy, setBusy] = useState<"dialog" | "documents" | null>(null);
  const policy = chosen ?? view.data?.policy;
  const policyLabel = (p: string) =>
    p === view.data?.policy ? t("export.asMyView", { policy: t(`policy.${p}`, { defaultValue: p }) }) : t(`policy.${p}`, { defaultValue: p });

  const go = async (toDocuments: boolean) => {
    if (!policy) return;
    setBusy(toDocuments ? "documents" : "dialog");
    try {
      if (await run(policy, toDocuments)) onClose();
    } catch (raw) {
      reportError(toIpcError(raw));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Modal open title={title} onCancel={onClose} footer={null} destroyOnHidden>
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
          <Button type="primary" loading={busy === "dialog"} disabled={busy !== null || !policy} onClick={() => void go(false)} data-testid="export-save-as">
            {t("export.saveAs")}
          </Button>
          <Button loading={busy === "documents"} disabled={busy !== null || !policy} onClick={() => void go(true)} data-testid="export-to-documents">
            {t("export.toDocuments")}
          </Button>
        </Space>
      </div>
    </Modal>
  );
}
