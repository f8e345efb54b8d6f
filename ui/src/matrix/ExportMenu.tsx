// Export of the open matrix: wide CSV / XLSX (they import back unchanged), Markdown, the
// landscape PDF of the whole matrix, and the heatmap PNG (drawn here, written by Rust) — each
// through the native save dialog or into the documents folder beside the database. Every
// export is in the audit log; the owner goes through the data view like in the window.
import { DownloadOutlined } from "@ant-design/icons";
import { App, Button, Dropdown, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { MatrixExportFormat } from "../bindings/MatrixExportFormat";
import type { MatrixGrid } from "../bindings/MatrixGrid";
import { useReportError } from "../components/useReportError";
import { toIpcError } from "../ipc/call";
import { exportMatrix, exportMatrixHeatmap } from "../ipc/matrix";
import { heatmapPng } from "./heatmapPng";

const FORMATS: readonly MatrixExportFormat[] = ["csv", "xlsx", "md", "pdf"];

/** Draws the heatmap PNG and has Rust write it; the path written or null (cancelled). */
export async function saveHeatmap(grid: MatrixGrid, zh: boolean, toDocuments: boolean): Promise<string | null> {
  const png = await heatmapPng(grid, zh, `${grid.matrix.name} — ${zh ? "热力图" : "heatmap"}`);
  return exportMatrixHeatmap(grid.matrix.id, png, toDocuments);
}

export function useExport() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const [busy, setBusy] = useState(false);
  const [path, setPath] = useState<string | null>(null);
  const run = async (f: () => Promise<string | null>) => {
    setBusy(true);
    try {
      const written = await f();
      if (written) {
        setPath(written);
        void message.success(t("matrix.written", { path: written }));
      }
    } catch (e) {
      reportError(toIpcError(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, path, run };
}

export function ExportMenu({ grid, exporter }: { grid: MatrixGrid; exporter: ReturnType<typeof useExport> }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith("zh");
  const items = [
    ...FORMATS.flatMap((f) => [
      { key: `${f}:dialog`, label: <span data-testid={`matrix-export-${f}`}>{t("matrix.exportAs", { format: f.toUpperCase() })}</span> },
      { key: `${f}:documents`, label: <span data-testid={`matrix-export-${f}-documents`}>{t("matrix.exportToDocuments", { format: f.toUpperCase() })}</span> },
    ]),
    { key: "png:dialog", label: <span data-testid="matrix-export-png">{t("matrix.exportAs", { format: "PNG" })}</span> },
    { key: "png:documents", label: <span data-testid="matrix-export-png-documents">{t("matrix.exportToDocuments", { format: "PNG" })}</span> },
  ];
  const onClick = ({ key }: { key: string }) => {
    const [format, where] = key.split(":");
    const toDocuments = where === "documents";
    if (format === "png") void exporter.run(() => saveHeatmap(grid, zh, toDocuments));
    else void exporter.run(() => exportMatrix(grid.matrix.id, format as MatrixExportFormat, toDocuments));
  };
  return (
    <Dropdown trigger={["click"]} menu={{ items, onClick }}>
      <Button icon={<DownloadOutlined />} loading={exporter.busy} data-testid="matrix-export">{t("matrix.export")}</Button>
    </Dropdown>
  );
}

/** Where the last export went (under the figures, copyable). */
export function ExportPath({ path }: { path: string | null }) {
  if (!path) return null;
  return (
    <Typography.Paragraph className="mx-export-path" copyable={{ text: path }} data-testid="matrix-export-path" data-path={path}>{path}</Typography.Paragraph>
  );
}
