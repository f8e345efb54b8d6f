// Import of a partner, rep or sales file: a button opening a hidden file input (kept in the
// DOM for WebDriver: `partner-import-<kind>-input`), the bytes staged and imported all or
// nothing; a rejection lists every row/column problem, a file imported before says when.
import { UploadOutlined } from "@ant-design/icons";
import { App, Button } from "antd";
import { useRef, useState, type ChangeEvent } from "react";
import { useTranslation } from "react-i18next";
import type { PartnerFileKind } from "../bindings/PartnerFileKind";
import { useReportError } from "../components/useReportError";
import { toIpcError } from "../ipc/call";
import { importPartnerFile } from "../ipc/partners";
import { ImportProblemsModal, type RejectedImport } from "../table/ImportProblemsModal";

type Props = { kind: PartnerFileKind; onImported: () => void; primary?: boolean };

export function PartnerImportButton({ kind, onImported, primary = false }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [rejected, setRejected] = useState<RejectedImport | null>(null);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const el = event.currentTarget;
    const file = el.files?.[0];
    if (!file) return;
    setBusy(true);
    try {
      const s = await importPartnerFile(kind, file);
      const n = s.inserted + s.updated;
      void message.success({ content: <span data-testid="partner-import-success">{t("partners.import.success", { n, file: s.file_name })}</span>, duration: 6 });
      onImported();
    } catch (raw) {
      const error = toIpcError(raw);
      if (error.kind === "import_rejected") setRejected({ fileName: file.name, message: error.message, problems: error.problems });
      else reportError(error);
    } finally {
      setBusy(false);
      el.value = "";
    }
  };

  return (
    <>
      <Button type={primary ? "primary" : "default"} icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()} data-testid={`partner-import-${kind}`}>
        {t(`partners.import.${kind}`)}
      </Button>
      <input
        ref={input}
        type="file"
        accept=".csv,.tsv,.txt,.xlsx"
        className="file-input-hidden"
        data-testid={`partner-import-${kind}-input`}
        onChange={(e) => void onFile(e)}
        tabIndex={-1}
        aria-hidden
      />
      <ImportProblemsModal rejected={rejected} onClose={() => setRejected(null)} />
    </>
  );
}
