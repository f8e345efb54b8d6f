// Compliance › Personal-data scan: where a file about to be imported, or the store's free
// text (notes, comments, reasons), holds personal data that no column declares — row and
// column, or record and field — so it can be masked or removed. Excerpts come masked.
import { FileSearchOutlined, DatabaseOutlined } from "@ant-design/icons";
import { Alert, Button, Space, Table, Tag, Typography } from "antd";
import { useRef, useState, type ChangeEvent, type HTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import type { IpcError } from "../bindings/IpcError";
import type { ScanFinding } from "../bindings/ScanFinding";
import type { ScanReport } from "../bindings/ScanReport";
import { scanFile, scanStore } from "../ipc/compliance";

export function ScanPage() {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [report, setReport] = useState<ScanReport | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (task: () => Promise<ScanReport>) => {
    setBusy(true);
    setError(null);
    try {
      setReport(await task());
    } catch (e) {
      setError(e as IpcError);
    } finally {
      setBusy(false);
    }
  };

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (file) void run(() => scanFile(file));
  };

  const where = (f: ScanFinding) => {
    if (f.table) return `${f.label || f.id?.slice(0, 8)} · ${f.column}`;
    if (f.column) return t("scan.cell", { row: f.row, column: f.column });
    return t("scan.line", { line: f.row });
  };

  return (
    <div className="table-page scan-page">
      <Typography.Title level={4} className="page-title">{t("scan.title")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("scan.intro")}</Typography.Paragraph>
      <Space>
        <Button icon={<FileSearchOutlined />} onClick={() => input.current?.click()} loading={busy} data-testid="scan-file">{t("scan.file")}</Button>
        <input ref={input} type="file" accept=".csv,.tsv,.txt,.xlsx,.md,.json" className="file-input-hidden" data-testid="scan-file-input" onChange={onFile} tabIndex={-1} aria-hidden />
        <Button icon={<DatabaseOutlined />} onClick={() => void run(scanStore)} loading={busy} data-testid="scan-store">{t("scan.store")}</Button>
      </Space>
      {error && <Alert className="subject-alert" type="error" showIcon message={t(`errorKind.${error.kind}`, { defaultValue: error.kind })} description={error.problems[0]?.message ?? error.message} data-testid="scan-error" />}
      {report && (
        <>
          <div className="table-toolbar">
            <span className="table-total" data-testid="scan-total" data-total={report.total}>
              {t(report.source === "store" ? "scan.summaryStore" : "scan.summaryFile", { source: report.source, rows: report.rows, n: report.total })}
            </span>
            <Space size={4} wrap>
              {Object.entries(report.by_kind).map(([kind, n]) => <Tag key={kind}>{t(`subject.kinds.${kind}`, { defaultValue: kind })} {n}</Tag>)}
            </Space>
          </div>
          {report.declared.length > 0 && (
            <Typography.Paragraph data-testid="scan-declared">
              {t("scan.declared")}: {report.declared.map((d) => `${d.column} (${t(`subject.kinds.${d.kind}`, { defaultValue: d.kind })}, ${d.values})`).join(" · ")}
            </Typography.Paragraph>
          )}
          {report.total > report.findings.length && <Alert type="info" message={t("scan.capped", { n: report.findings.length, total: report.total })} />}
          <div data-testid="scan-table">
            <Table<ScanFinding>
              size="small"
              rowKey={(f) => `${f.table ?? ""}-${f.id ?? ""}-${f.row}-${f.column}-${f.kind}-${f.excerpt}`}
              dataSource={report.findings}
              pagination={{ pageSize: 50, size: "small" }}
              onRow={(f, i) => ({ "data-testid": `scan-finding-${i ?? 0}`, "data-kind": f.kind }) as HTMLAttributes<HTMLElement>}
              scroll={{ y: "calc(100vh - 400px)" }}
              columns={[
                { key: "where", title: t("scan.where"), width: 220, render: (_, f) => where(f) },
                { key: "kind", title: t("scan.kind"), width: 130, render: (_, f) => <>{t(`subject.kinds.${f.kind}`, { defaultValue: f.kind })}{f.guess && <Tag className="scan-guess">{t("scan.guess")}</Tag>}</> },
                { key: "excerpt", title: t("scan.excerpt"), render: (_, f) => <span className="scan-excerpt">{f.excerpt}</span> },
              ]}
            />
          </div>
        </>
      )}
    </div>
  );
}
