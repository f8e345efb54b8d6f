// Compliance › Subject requests (PIPL art. 44–47): find everything stored about one person by
// one identifier, export the answer (PDF + JSON), correct the identifier everywhere, or erase
// the person. The list shows values through the data view's policy; the server refuses
// requests outside the admin and legal views and behind the privacy screen.
import { Alert, Button, Input, Modal, Select, Space, Table, Tag, Typography, type ButtonProps } from "antd";
import { useState, type HTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import type { ChangeReport } from "../bindings/ChangeReport";
import type { ExportedReport } from "../bindings/ExportedReport";
import type { Findings } from "../bindings/Findings";
import type { IpcError } from "../bindings/IpcError";
import type { SubjectHit } from "../bindings/SubjectHit";
import type { SubjectKind } from "../bindings/SubjectKind";
import { correctSubject, eraseSubject, exportSubjectReport, SUBJECT_KINDS, subjectFind } from "../ipc/compliance";

type Asked = { kind: SubjectKind; value: string };

export function SubjectRequestsPage() {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<SubjectKind>("mobile");
  const [value, setValue] = useState("");
  const [asked, setAsked] = useState<Asked | null>(null);
  const [findings, setFindings] = useState<Findings | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const [exported, setExported] = useState<ExportedReport | null>(null);
  const [changed, setChanged] = useState<{ what: "corrected" | "erased"; report: ChangeReport } | null>(null);
  const [correcting, setCorrecting] = useState(false);
  const [correction, setCorrection] = useState("");
  const [erasing, setErasing] = useState(false);
  const zh = i18n.language.startsWith("zh");

  const run = async <T,>(task: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await task();
    } catch (e) {
      setError(e as IpcError);
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  const find = async (request: Asked) => {
    const found = await run(() => subjectFind(request.kind, request.value));
    if (found) {
      setAsked(request);
      setFindings(found);
    }
  };

  const onFind = () => {
    setExported(null);
    setChanged(null);
    void find({ kind, value: value.trim() });
  };

  const onExport = async (toDocuments: boolean) => {
    if (!asked) return;
    const done = await run(() => exportSubjectReport(asked.kind, asked.value, toDocuments));
    if (done) setExported(done);
  };

  const onCorrect = async () => {
    if (!asked) return;
    const report = await run(() => correctSubject(asked.kind, asked.value, correction.trim()));
    if (report) {
      setCorrecting(false);
      setChanged({ what: "corrected", report });
      setValue(correction.trim());
      await find({ kind: asked.kind, value: correction.trim() });
    }
  };

  const onErase = async () => {
    if (!asked) return;
    const report = await run(() => eraseSubject(asked.kind, asked.value));
    setErasing(false);
    if (report) {
      setChanged({ what: "erased", report });
      await find(asked);
    }
  };

  const state = (h: SubjectHit) => (
    <Space size={4} wrap>
      {h.deleted && <Tag color="orange">{t("subject.deleted")}</Tag>}
      {!h.whole && <Tag>{t("subject.mention")}</Tag>}
      {h.retained && <Tag color="purple" title={h.retained}>{t("subject.retained")}</Tag>}
    </Space>
  );
  const hits = findings?.hits ?? [];
  const tablesHit = new Set(hits.map((h) => h.table)).size;

  return (
    <div className="table-page subject-page">
      <Typography.Title level={4} className="page-title">{t("subject.title")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("subject.intro")}</Typography.Paragraph>
      <Space.Compact className="subject-search">
        <Select<SubjectKind>
          value={kind}
          onChange={setKind}
          style={{ width: 150 }}
          data-testid="subject-kind"
          options={SUBJECT_KINDS.map((k) => ({ value: k, label: <span data-testid={`subject-kind-${k}`}>{t(`subject.kinds.${k}`)}</span> }))}
        />
        <Input
          value={value}
          onChange={(e) => setValue(e.target.value)}
          onPressEnter={onFind}
          placeholder={t(`subject.placeholder.${kind}`)}
          style={{ width: 320 }}
          data-testid="subject-value"
        />
        <Button type="primary" onClick={onFind} loading={busy} disabled={!value.trim()} data-testid="subject-find">
          {t("subject.find")}
        </Button>
      </Space.Compact>

      {error && (
        <Alert className="subject-alert" type="error" showIcon message={t(`errorKind.${error.kind}`, { defaultValue: error.kind })} description={error.fields[0]?.message ?? error.message} data-testid="subject-error" />
      )}
      {changed && (
        <Alert
          className="subject-alert"
          type="success"
          showIcon
          data-testid="subject-changed"
          message={t(`subject.${changed.what}`, { n: changed.report.tables ? Object.values(changed.report.tables).reduce((a, b) => a + (b ?? 0), 0) : 0 })}
          description={Object.entries(changed.report.tables).map(([table, n]) => `${table}: ${n}`).join(" · ") + (changed.report.retained > 0 ? ` · ${t("subject.retainedCount", { n: changed.report.retained })}` : "")}
        />
      )}
      {exported && (
        <Alert className="subject-alert" type="success" showIcon data-testid="subject-exported" data-path={exported.pdf} message={t("subject.exported", { n: exported.hits })} description={`${exported.pdf} · ${exported.json}`} />
      )}

      {findings && asked && (
        <>
          <div className="table-toolbar">
            <span className="table-total" data-testid="subject-count" data-count={hits.length}>
              {t("subject.count", { n: hits.length, tables: tablesHit, searched: findings.tables.length })}
            </span>
            <Space>
              <Button onClick={() => void onExport(false)} disabled={busy} data-testid="subject-export">{t("subject.export")}</Button>
              <Button onClick={() => void onExport(true)} disabled={busy} data-testid="subject-export-documents">{t("subject.exportDocuments")}</Button>
              <Button onClick={() => { setCorrection(""); setCorrecting(true); }} disabled={busy || hits.length === 0} data-testid="subject-correct">{t("subject.correct")}</Button>
              <Button danger onClick={() => setErasing(true)} disabled={busy || hits.length === 0} data-testid="subject-erase">{t("subject.erase")}</Button>
            </Space>
          </div>
          <div data-testid="subject-table">
            <Table<SubjectHit>
              size="small"
              rowKey={(h) => `${h.table}-${h.id}-${h.column}-${h.value}`}
              dataSource={hits}
              pagination={false}
              onRow={(h, i) => ({ "data-testid": `subject-hit-${i ?? 0}`, "data-table": h.table }) as HTMLAttributes<HTMLElement>}
              scroll={{ y: "calc(100vh - 380px)" }}
              columns={[
                { key: "table", title: t("subject.table"), width: 130, render: (_, h) => (zh ? h.table_zh : h.table_en) },
                { key: "label", title: t("subject.record"), width: 170, render: (_, h) => h.label || <span className="mono">{h.id.slice(0, 8)}</span> },
                { key: "column", title: t("subject.field"), width: 110, render: (_, h) => h.column },
                {
                  key: "value",
                  title: t("subject.value"),
                  render: (_, h) => (
                    <>
                      <div>{h.value}</div>
                      {h.fields.length > 0 && <div className="subject-fields">{h.fields.map((f) => `${f.column}: ${f.value}`).join(" · ")}</div>}
                    </>
                  ),
                },
                { key: "state", title: t("subject.state"), width: 170, render: (_, h) => state(h) },
              ]}
            />
          </div>
        </>
      )}

      <Modal
        open={correcting}
        title={t("subject.correctTitle")}
        okText={t("subject.correct")}
        onOk={() => void onCorrect()}
        okButtonProps={{ disabled: !correction.trim(), loading: busy, "data-testid": "subject-correct-confirm" } as ButtonProps}
        onCancel={() => setCorrecting(false)}
      >
        <Typography.Paragraph>{t("subject.correctHelp", { n: hits.length })}</Typography.Paragraph>
        <Input value={correction} onChange={(e) => setCorrection(e.target.value)} placeholder={asked ? t(`subject.placeholder.${asked.kind}`) : ""} data-testid="subject-correct-value" />
      </Modal>
      <Modal
        open={erasing}
        title={t("subject.eraseTitle")}
        okText={t("subject.erase")}
        okButtonProps={{ danger: true, loading: busy, "data-testid": "subject-erase-confirm" } as ButtonProps}
        onOk={() => void onErase()}
        onCancel={() => setErasing(false)}
      >
        <Typography.Paragraph>{t("subject.eraseHelp", { n: hits.length })}</Typography.Paragraph>
      </Modal>
    </div>
  );
}
