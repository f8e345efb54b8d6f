// Adding or renaming a competitor, or marking it as our own product (pinned first; one per
// matrix). A duplicate name comes back as a field error at the name.
import { Checkbox, Form, Input, Modal } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { FieldError } from "../bindings/FieldError";
import type { MatrixGrid } from "../bindings/MatrixGrid";
import { useReportError } from "../components/useReportError";
import { toIpcError } from "../ipc/call";
import { saveMatrixCompetitor } from "../ipc/matrix";
import { FieldErrorText } from "../quotes/FieldErrorText";

type Props = { matrixId: string; grid: MatrixGrid; competitorId: string | null; onSaved: (g: MatrixGrid) => void; onClose: () => void };

export function CompetitorModal({ matrixId, grid, competitorId, onSaved, onClose }: Props) {
  const { t } = useTranslation();
  const reportError = useReportError();
  const existing = grid.competitors.find((c) => c.id === competitorId);
  const [name, setName] = useState(existing?.name ?? "");
  const [ours, setOurs] = useState(existing?.is_ours ?? false);
  const [error, setError] = useState<FieldError | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      onSaved(await saveMatrixCompetitor(matrixId, { id: competitorId, name, is_ours: ours }));
    } catch (raw) {
      const e = toIpcError(raw);
      if (e.kind === "validation" && e.fields.length) setError(e.fields[0]);
      else reportError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t(existing ? "matrix.editCompetitor" : "matrix.addCompetitor")} onOk={() => void save()} onCancel={onClose} confirmLoading={busy}
      okText={t("common.save")} okButtonProps={{ "data-testid": "competitor-save" }} destroyOnHidden>
      <Form layout="vertical" component="div">
        <Form.Item label={t("matrix.fields.competitor")} required validateStatus={error ? "error" : undefined} help={error ? <FieldErrorText error={error} /> : undefined}>
          <Input autoFocus value={name} onChange={(e) => setName(e.target.value)} onPressEnter={() => void save()} data-testid="competitor-name" />
        </Form.Item>
        <Checkbox checked={ours} onChange={(e) => setOurs(e.target.checked)}>
          <span data-testid="competitor-ours">{t("matrix.ours")}</span>
        </Checkbox>
      </Form>
    </Modal>
  );
}
