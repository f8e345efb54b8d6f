// The competitor matrices: name, owner (through the data view: masked for a distributor or
// at a trade show), scale, size and last change; "New matrix", and importing a wide CSV/XLSX
// into a matrix named in the dialog (all or nothing; problems by row and column).
import { PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Input, Modal, Space, Table, Tag, Typography } from "antd";
import { useRef, useState, type ChangeEvent, type HTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import type { MatrixSummary } from "../bindings/MatrixSummary";
import { useReportError } from "../components/useReportError";
import { toIpcError } from "../ipc/call";
import { createMatrix, importMatrix, listMatrices } from "../ipc/matrix";
import { ImportProblemsModal, type RejectedImport } from "../table/ImportProblemsModal";
import { MatrixSettingsModal, NEW_MATRIX } from "./MatrixSettingsModal";

type Props = { onOpen: (id: string) => void };

export function MatrixList({ onOpen }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const client = useQueryClient();
  const list = useQuery({ queryKey: ["matrices"], queryFn: listMatrices });
  const [creating, setCreating] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [importName, setImportName] = useState("");
  const [importing, setImporting] = useState(false);
  const [rejected, setRejected] = useState<RejectedImport | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.currentTarget.files?.[0] ?? null;
    e.currentTarget.value = "";
    if (!f) return;
    setFile(f);
    setImportName(f.name.replace(/\.(csv|tsv|txt|xlsx)$/i, ""));
  };

  const runImport = async () => {
    if (!file) return;
    setImporting(true);
    try {
      const r = await importMatrix(file, importName.trim());
      void message.success({ content: <span data-testid="matrix-import-success">{t("matrix.imported", { name: r.matrix, n: r.cells_changed })}</span> });
      setFile(null);
      await client.invalidateQueries({ queryKey: ["matrices"] });
      onOpen(r.matrix_id);
    } catch (raw) {
      const err = toIpcError(raw);
      if (err.kind === "import_rejected") setRejected({ fileName: file.name, message: err.message, problems: err.problems });
      else reportError(err);
      setFile(null);
    } finally {
      setImporting(false);
    }
  };

  const columns = [
    {
      title: t("matrix.fields.name"),
      dataIndex: "name",
      render: (name: string, m: MatrixSummary) => (
        <Typography.Link onClick={() => onOpen(m.id)} data-testid={`open-${m.id}`}>{name}</Typography.Link>
      ),
    },
    {
      title: t("matrix.fields.owner"),
      dataIndex: "owner",
      render: (owner: string, m: MatrixSummary) => <span data-testid={m.owner_masked ? `masked-${m.id}-owner` : undefined}>{owner}</span>,
    },
    { title: t("matrix.fields.scale"), dataIndex: "scale", render: (s: string) => <Tag>{t(`matrix.scale.${s}`)}</Tag> },
    { title: t("matrix.size"), key: "size", render: (_: unknown, m: MatrixSummary) => t("matrix.sizeText", { c: m.competitors, d: m.dimensions }) },
    { title: t("matrix.updated"), dataIndex: "updated_at", render: (u: string) => u.slice(0, 16).replace("T", " ") },
  ];

  return (
    <Card
      title={t("nav.matrix")}
      extra={
        <Space>
          <Button icon={<UploadOutlined />} onClick={() => input.current?.click()} data-testid="matrix-import">{t("common.import")}</Button>
          <input ref={input} type="file" accept=".csv,.tsv,.txt,.xlsx" className="file-input-hidden" data-testid="matrix-import-input" onChange={onFile} tabIndex={-1} aria-hidden />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="matrix-new">{t("matrix.new")}</Button>
        </Space>
      }
    >
      <Table<MatrixSummary> rowKey="id" size="small" loading={list.isLoading} dataSource={list.data ?? []} columns={columns} pagination={false}
        data-testid="matrix-list" onRow={(m) => ({ "data-testid": `row-${m.id}` }) as HTMLAttributes<HTMLElement>} />
      {creating && (
        <MatrixSettingsModal title={t("matrix.new")} initial={NEW_MATRIX} scaleLocked={false} onClose={() => setCreating(false)}
          onSave={async (v) => {
            const m = await createMatrix(v);
            setCreating(false);
            await client.invalidateQueries({ queryKey: ["matrices"] });
            onOpen(m.id);
          }} />
      )}
      <Modal open={file !== null} title={t("matrix.importTitle", { file: file?.name ?? "" })} onOk={() => void runImport()} onCancel={() => setFile(null)}
        confirmLoading={importing} okButtonProps={{ "data-testid": "matrix-import-confirm", disabled: importName.trim() === "" }}>
        <Typography.Paragraph type="secondary">{t("matrix.importHint")}</Typography.Paragraph>
        <Typography.Text strong>{t("matrix.fields.name")}</Typography.Text>
        <Input value={importName} onChange={(e) => setImportName(e.target.value)} data-testid="matrix-import-name" />
      </Modal>
      <ImportProblemsModal rejected={rejected} onClose={() => setRejected(null)} />
    </Card>
  );
}
