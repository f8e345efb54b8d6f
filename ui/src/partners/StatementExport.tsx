// A statement version out of the app: PDF, CSV or XLSX where the user says in the native save
// dialog (opened by the app), or the PDF into `documents/statements/` beside the database;
// the path written is shown (and carried in `data-path`). Every export is audited.
import { FilePdfOutlined } from "@ant-design/icons";
import { App, Button, Card, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Payee } from "../bindings/Payee";
import type { StatementFormat } from "../bindings/StatementFormat";
import { useReportError } from "../components/useReportError";
import { toIpcError } from "../ipc/call";
import { exportStatement } from "../ipc/partners";

type Props = { payee: Payee; period: string; version: number };

export function StatementExport({ payee, period, version }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const [busy, setBusy] = useState<string | null>(null);
  const [path, setPath] = useState<string | null>(null);
  const go = async (key: string, format: StatementFormat, toDocuments: boolean) => {
    setBusy(key);
    try {
      const written = await exportStatement(payee, period, version, format, toDocuments);
      if (written) {
        setPath(written);
        void message.success(t("partners.statement.written", { path: written }));
      }
    } catch (e) {
      reportError(toIpcError(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card size="small" title={<Space><FilePdfOutlined />{t("partners.statement.exportTitle")}</Space>} data-testid="statement-export">
      <Space wrap>
        {(["pdf", "csv", "xlsx"] as const).map((f) => (
          <Button key={f} loading={busy === f} onClick={() => void go(f, f, false)} data-testid={`statement-export-${f}`}>
            {t("partners.statement.saveAs", { format: f.toUpperCase() })}
          </Button>
        ))}
        <Button type="primary" loading={busy === "print"} onClick={() => void go("print", "pdf", true)} data-testid="statement-print-pdf">
          {t("partners.statement.printPdf")}
        </Button>
      </Space>
      {path && (
        <Typography.Paragraph copyable={{ text: path }} className="print-path" data-testid="statement-export-path" data-path={path}>
          {path}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
