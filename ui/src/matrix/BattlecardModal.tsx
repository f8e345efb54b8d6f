// The battlecard for one competitor: its notes (quick summary, objections with answers, trap
// questions; one per line), saved with the matrix, and the one-page PDF (scores, where we
// win and lose, prices, dates with staleness marks) in Chinese, English or both — saved
// through the native dialog or into the documents folder beside the database.
import { Alert, Button, Form, Input, Modal, Radio, Select, Space, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { BattlecardLanguage } from "../bindings/BattlecardLanguage";
import type { BattlecardNotes } from "../bindings/BattlecardNotes";
import type { MatrixGrid } from "../bindings/MatrixGrid";
import { useReportError } from "../components/useReportError";
import { toIpcError } from "../ipc/call";
import { battlecardNotes, exportMatrixBattlecard, printMatrixBattlecard, saveBattlecardNotes } from "../ipc/matrix";

type Props = { matrixId: string; grid: MatrixGrid; initial: string | null; onClose: () => void };

const EMPTY: BattlecardNotes = { summary: "", objections: "", trap_questions: "" };

export function BattlecardModal({ matrixId, grid, initial, onClose }: Props) {
  const { t } = useTranslation();
  const reportError = useReportError();
  const rivals = grid.competitors.filter((c) => !c.is_ours);
  const [who, setWho] = useState<string | null>(rivals.some((c) => c.id === initial) ? initial : (rivals[0]?.id ?? null));
  const [lang, setLang] = useState<BattlecardLanguage>("both");
  const [notes, setNotes] = useState<BattlecardNotes>(EMPTY);
  const [saved, setSaved] = useState<BattlecardNotes>(EMPTY);
  const [busy, setBusy] = useState<string | null>(null);
  const [path, setPath] = useState<string | null>(null);

  useEffect(() => {
    if (!who) return;
    battlecardNotes(who).then((n) => {
      setNotes(n);
      setSaved(n);
    }, (e) => reportError(toIpcError(e)));
  }, [who, reportError]);

  const dirty = JSON.stringify(notes) !== JSON.stringify(saved);
  const go = async (key: string, f: () => Promise<string | null>) => {
    if (!who) return;
    setBusy(key);
    try {
      if (dirty) setSaved(await saveBattlecardNotes(who, notes));
      const written = await f();
      if (written) setPath(written);
    } catch (e) {
      reportError(toIpcError(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Modal open width={680} title={t("matrix.battlecard")} onCancel={onClose} footer={null} destroyOnHidden>
      <Form layout="vertical" component="div">
        <Form.Item label={t("matrix.fields.competitor")}>
          <Select value={who ?? undefined} onChange={(v) => { setWho(v); setPath(null); }} showSearch optionFilterProp="label" data-testid="battlecard-competitor" virtual={false}
            options={rivals.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item label={t("matrix.battlecardLang")}>
          <Radio.Group value={lang} onChange={(e) => setLang(e.target.value as BattlecardLanguage)} optionType="button">
            <Radio.Button value="both"><span data-testid="battlecard-lang-both">中文 + English</span></Radio.Button>
            <Radio.Button value="zh"><span data-testid="battlecard-lang-zh">中文</span></Radio.Button>
            <Radio.Button value="en"><span data-testid="battlecard-lang-en">English</span></Radio.Button>
          </Radio.Group>
        </Form.Item>
        {(["summary", "objections", "trap_questions"] as const).map((k) => (
          <Form.Item key={k} label={t(`matrix.notes.${k}`)} extra={k === "objections" ? t("matrix.notes.objectionsHint") : undefined}>
            <Input.TextArea rows={3} value={notes[k]} onChange={(e) => setNotes({ ...notes, [k]: e.target.value })} data-testid={`battlecard-${k}`} />
          </Form.Item>
        ))}
      </Form>
      {rivals.length === 0 && <Alert type="info" showIcon message={t("matrix.noRivals")} />}
      <Space wrap>
        <Button disabled={!who || !dirty} loading={busy === "notes"} onClick={() => void go("notes", async () => null)} data-testid="battlecard-save-notes">{t("matrix.notes.save")}</Button>
        <Button disabled={!who} loading={busy === "export"} onClick={() => void go("export", () => exportMatrixBattlecard(matrixId, who ?? "", lang))} data-testid="battlecard-export">{t("matrix.savePdfAs")}</Button>
        <Button onClick={onClose} data-testid="battlecard-close">{t("common.close")}</Button>
        <Button type="primary" disabled={!who} loading={busy === "print"} onClick={() => void go("print", () => printMatrixBattlecard(matrixId, who ?? "", lang))} data-testid="battlecard-print">{t("matrix.pdfToDocuments")}</Button>
      </Space>
      {path && (
        <Typography.Paragraph copyable={{ text: path }} className="print-path" data-testid="battlecard-path" data-path={path}>{path}</Typography.Paragraph>
      )}
    </Modal>
  );
}
