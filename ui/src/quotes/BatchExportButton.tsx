// "Export PDFs…" for the quotes selected in the list: Rust asks for a folder, renders one PDF
// per quote and reports progress through a Channel, shown as a progress bar.
import { FilePdfOutlined } from "@ant-design/icons";
import { App, Button, Progress } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { RenderProgress } from "../bindings/RenderProgress";
import { useReportError } from "../components/useReportError";
import { toIpcError } from "../ipc/call";
import { exportQuotesPdf } from "../ipc/quotes";

export function BatchExportButton({ ids }: { ids: string[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const [progress, setProgress] = useState<RenderProgress | null>(null);

  const run = async () => {
    setProgress({ done: 0, total: ids.length });
    try {
      const report = await exportQuotesPdf(ids, setProgress);
      if (report) {
        void message.success({
          content: t("quotes.batchDone", { n: report.files, folder: report.folder }),
          className: "quotes-batch-success",
          duration: 6,
        });
      }
    } catch (e) {
      reportError(toIpcError(e));
    } finally {
      setProgress(null);
    }
  };

  return (
    <>
      {progress && (
        <Progress
          className="import-progress"
          size="small"
          percent={progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0}
          format={() => `${progress.done}/${progress.total}`}
          data-testid="quotes-export-progress"
        />
      )}
      <Button
        icon={<FilePdfOutlined />}
        disabled={ids.length === 0 || progress !== null}
        loading={progress !== null}
        onClick={() => void run()}
        data-testid="quotes-export-pdfs"
      >
        {ids.length > 0 ? t("quotes.exportPdfsN", { n: ids.length }) : t("quotes.exportPdfs")}
      </Button>
    </>
  );
}
