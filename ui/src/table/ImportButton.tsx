// Import: a button that opens a hidden file input (kept in the DOM for WebDriver),
// stages the bytes, imports them with a progress bar, and reports success or the
// full problem list. The input is reset after every attempt so the same file can be
// picked again.
import { UploadOutlined } from "@ant-design/icons";
import { App, Button, Progress as ProgressBar } from "antd";
import { useRef, useState, type ChangeEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Progress } from "../bindings/Progress";
import type { TableName } from "../bindings/TableName";
import { toIpcError } from "../ipc/call";
import { importFile } from "../ipc/commands";
import { useReportError } from "../components/useReportError";
import { ImportProblemsModal, type RejectedImport } from "./ImportProblemsModal";

type Props = { table: TableName; onImported: () => void };

export function ImportButton({ table, onImported }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const inputRef = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [rejected, setRejected] = useState<RejectedImport | null>(null);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setProgress({ done: 0, total: 0 });
    try {
      const report = await importFile(table, file, setProgress);
      const n = Number(report.inserted) + Number(report.updated);
      void message.success({ content: <span data-testid="import-success">{t("import.success", { n })}</span>, duration: 6 });
      onImported();
    } catch (raw) {
      const error = toIpcError(raw);
      if (error.kind === "import_rejected") {
        setRejected({ fileName: file.name, message: error.message, problems: error.problems });
      } else {
        reportError(error);
      }
    } finally {
      setProgress(null);
      input.value = "";
    }
  };

  const total = Number(progress?.total ?? 0);
  const percent = progress && total > 0 ? Math.floor((Number(progress.done) * 100) / total) : 0;

  return (
    <>
      <Button icon={<UploadOutlined />} loading={progress !== null} onClick={() => inputRef.current?.click()} data-testid={`${table}-import`}>
        {t("common.import")}
      </Button>
      <input
        ref={inputRef}
        type="file"
        accept=".csv,.tsv,.txt,.xlsx"
        className="file-input-hidden"
        data-testid={`${table}-import-input`}
        onChange={(e) => void onFile(e)}
        tabIndex={-1}
        aria-hidden
      />
      {progress !== null && (
        <ProgressBar className="import-progress" percent={percent} size="small" status="active" aria-label={t("import.progress")} />
      )}
      <ImportProblemsModal rejected={rejected} onClose={() => setRejected(null)} />
    </>
  );
}
