// Adding or changing a dimension: its group (one of the five seeds or a group the user adds
// here), names in zh and en, type (score, yes/partial/no, price with currency and unit,
// number with unit, short text, choice from a list), weight and scoring rule (empty = the
// type's default; syntax in docs/matrix.md). Rust checks every field; errors appear at each.
import { Button, Col, Form, Input, Modal, Row, Select, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { DimensionInput } from "../bindings/DimensionInput";
import type { DimensionKind } from "../bindings/DimensionKind";
import type { IpcError } from "../bindings/IpcError";
import type { MatrixGrid } from "../bindings/MatrixGrid";
import { toIpcError } from "../ipc/call";
import { addMatrixGroup, saveMatrixDimension } from "../ipc/matrix";
import { FieldErrorText } from "../quotes/FieldErrorText";
import { dimLabel } from "./gridModel";

const KINDS: readonly DimensionKind[] = ["score", "yes_partial_no", "price", "number", "text", "choice"];

type Props = { matrixId: string; grid: MatrixGrid; dimensionId: string | null; onSaved: (g: MatrixGrid) => void; onClose: () => void };

export function DimensionModal({ matrixId, grid, dimensionId, onSaved, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith("zh");
  const d = grid.dimensions.find((x) => x.id === dimensionId);
  const [groups, setGroups] = useState(grid.groups);
  const [v, setV] = useState<DimensionInput>({
    id: d?.id ?? null, group_id: d?.group_id ?? grid.groups[0]?.id ?? "", name_zh: d?.name_zh ?? "", name_en: d?.name_en ?? "",
    kind: d?.kind ?? "score", currency: d?.currency || "CNY", unit: d?.unit ?? "", choices: d?.choices ?? [], weight: d?.weight ?? "1", rule: d?.rule ?? "",
  });
  const [group, setGroup] = useState({ zh: "", en: "" });
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const item = (f: string) => {
    const e = error?.fields.find((x) => x.field === f);
    return e ? { validateStatus: "error" as const, help: <FieldErrorText error={e} />, extra: e.message } : {};
  };
  const save = async () => {
    setBusy(true);
    try {
      onSaved(await saveMatrixDimension(matrixId, v));
    } catch (e) {
      setError(toIpcError(e));
    } finally {
      setBusy(false);
    }
  };
  const addGroup = async () => {
    try {
      const g = await addMatrixGroup(matrixId, group.zh, group.en);
      const added = g.groups.find((x) => !groups.some((y) => y.id === x.id));
      setGroups(g.groups);
      if (added) setV({ ...v, group_id: added.id });
      setGroup({ zh: "", en: "" });
      setError(null);
    } catch (e) {
      setError(toIpcError(e));
    }
  };
  return (
    <Modal open width={640} title={t(d ? "matrix.editDimension" : "matrix.addDimension")} onOk={() => void save()} onCancel={onClose}
      confirmLoading={busy} okText={t("common.save")} okButtonProps={{ "data-testid": "dimension-save" }} destroyOnHidden>
      <Form layout="vertical" component="div" className="mx-form">
        <Form.Item label={t("matrix.fields.group")} {...item("group_id")}>
          <Select value={v.group_id} onChange={(g) => setV({ ...v, group_id: g })} data-testid="dimension-group" virtual={false}
            options={groups.map((g) => ({ value: g.id, label: <span data-testid={`dimension-group-${g.seed ?? g.id}`}>{dimLabel(g, zh)}</span> }))} />
        </Form.Item>
        <Space.Compact className="mx-new-group">
          <Input placeholder={t("matrix.newGroupZh")} value={group.zh} onChange={(e) => setGroup({ ...group, zh: e.target.value })} data-testid="group-name-zh" />
          <Input placeholder={t("matrix.newGroupEn")} value={group.en} onChange={(e) => setGroup({ ...group, en: e.target.value })} data-testid="group-name-en" />
          <Button onClick={() => void addGroup()} disabled={!group.zh.trim() && !group.en.trim()} data-testid="group-add">{t("matrix.addGroup")}</Button>
        </Space.Compact>
        <Row gutter={8}>
          <Col span={12}><Form.Item label={t("matrix.fields.nameZh")} {...item("name_zh")}><Input value={v.name_zh} onChange={(e) => setV({ ...v, name_zh: e.target.value })} data-testid="dimension-name-zh" /></Form.Item></Col>
          <Col span={12}><Form.Item label={t("matrix.fields.nameEn")} {...item("name_en")}><Input value={v.name_en} onChange={(e) => setV({ ...v, name_en: e.target.value })} data-testid="dimension-name-en" /></Form.Item></Col>
        </Row>
        <Row gutter={8}>
          <Col span={12}>
            <Form.Item label={t("matrix.fields.kind")}>
              <Select value={v.kind} onChange={(k) => setV({ ...v, kind: k, rule: "" })} data-testid="dimension-kind" virtual={false}
                options={KINDS.map((k) => ({ value: k, label: <span data-testid={`dimension-kind-${k}`}>{t(`matrix.kind.${k}`)}</span> }))} />
            </Form.Item>
          </Col>
          <Col span={12}><Form.Item label={t("matrix.fields.weight")} {...item("weight")}><Input value={v.weight} onChange={(e) => setV({ ...v, weight: e.target.value })} data-testid="dimension-weight" /></Form.Item></Col>
        </Row>
        {v.kind === "price" && (
          <Form.Item label={t("matrix.fields.currency")} {...item("currency")}><Input value={v.currency} onChange={(e) => setV({ ...v, currency: e.target.value })} data-testid="dimension-currency" /></Form.Item>
        )}
        {(v.kind === "price" || v.kind === "number") && (
          <Form.Item label={t("matrix.fields.unit")} {...item("unit")}><Input value={v.unit} onChange={(e) => setV({ ...v, unit: e.target.value })} data-testid="dimension-unit" /></Form.Item>
        )}
        {v.kind === "choice" && (
          <Form.Item label={t("matrix.fields.choices")} {...item("choices")}>
            <Select mode="tags" value={v.choices} onChange={(c) => setV({ ...v, choices: c })} data-testid="dimension-choices" tokenSeparators={["|"]} open={false} />
          </Form.Item>
        )}
        <Form.Item label={t("matrix.fields.rule")} extra={t(`matrix.ruleHint.${v.kind}`)} {...item("rule")}>
          <Input value={v.rule} onChange={(e) => setV({ ...v, rule: e.target.value })} placeholder={t("matrix.ruleDefault")} data-testid="dimension-rule" />
        </Form.Item>
      </Form>
      {error && (error.kind !== "validation" || error.fields.length === 0) && <div className="field-error" data-testid="dimension-error">{error.message}</div>}
    </Modal>
  );
}
