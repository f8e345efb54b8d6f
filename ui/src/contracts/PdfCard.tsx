// The contract's PDF: the 草稿 DRAFT-watermarked one always; the final one only after legal's
// sign-off with no open high flag — otherwise the card says why (final_blocked). "Save as…"
// opens the native dialog (from Rust); "Save to documents" writes beside the database; legal's
// review report (flags, decisions, who and when) goes through the same dialog.
import { FilePdfOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Space, Tooltip, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ContractDetail } from "../bindings/ContractDetail";
import { useReportError } from "../components/useReportError";
import { toIpcError } from "../ipc/call";
import { exportContractPdf, exportContractReviewReport, printContract } from "../ipc/contracts";

export function PdfCard({ detail: d }: { detail: ContractDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const [busy, setBusy] = useState<string | null>(null);
  const [path, setPath] = useState<string | null>(null);
  const blocked = d.final_blocked;
  const id = d.contract.id;
  const go = async (key: string, f: () => Promise<string | null>) => {
    setBusy(key);
    try {
      const written = await f();
      if (written) {
        setPath(written);
        void message.success(t("contracts.pdf.written", { path: written }));
      }
    } catch (e) {
      reportError(toIpcError(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card size="small" title={<Space><FilePdfOutlined />PDF</Space>} data-testid="contract-pdf">
      {blocked ? (
        <Alert type="warning" showIcon message={t("contracts.pdf.finalBlocked")} description={<span data-testid="contract-pdf-blocked">{blocked}</span>} />
      ) : (
        <Alert type="success" showIcon message={<span data-testid="contract-pdf-allowed">{t("contracts.pdf.finalAllowed")}</span>} />
      )}
      <Space wrap className="pdf-actions">
        <Button loading={busy === "draft"} onClick={() => void go("draft", () => exportContractPdf(id, true))} data-testid="contract-pdf-draft">
          {t("contracts.pdf.draft")}
        </Button>
        <Tooltip title={blocked ?? undefined}>
          <Button type="primary" disabled={blocked !== null} loading={busy === "final"} onClick={() => void go("final", () => exportContractPdf(id, false))} data-testid="contract-pdf-final">
            {t("contracts.pdf.final")}
          </Button>
        </Tooltip>
        <Button loading={busy === "print"} onClick={() => void go("print", () => printContract(id, blocked !== null))} data-testid="contract-print">
          {t(blocked ? "contracts.pdf.printDraft" : "contracts.pdf.printFinal")}
        </Button>
        <Button loading={busy === "report"} onClick={() => void go("report", () => exportContractReviewReport(id))} data-testid="contract-review-report">
          {t("contracts.pdf.reviewReport")}
        </Button>
      </Space>
      {path && (
        <Typography.Paragraph copyable={{ text: path }} className="print-path" data-testid="contract-print-path" data-path={path}>
          {path}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
