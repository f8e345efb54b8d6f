// A matrix's name, owner, scale (0–10 or −2…+2; fixed once it has dimensions) and the age in
// days after which a cell's evidence is stale (default 90). Used for "New matrix" and for
// Settings of an open one; field errors from Rust appear at their field.
import { Alert, Form, Input, InputNumber, Modal, Radio } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { IpcError } from "../bindings/IpcError";
import type { MatrixScale } from "../bindings/MatrixScale";
import type { MatrixSettingsInput } from "../bindings/MatrixSettingsInput";
import { toIpcError } from "../ipc/call";
import { FieldErrorText } from "../quotes/FieldErrorText";

type Props = {
  title: string;
  initial: MatrixSettingsInput;
  scaleLocked: boolean;
  onSave: (input: MatrixSettingsInput) => Promise<void>;
  onClose: () => void;
};

export const NEW_MATRIX: MatrixSettingsInput = { name: "", owner: "", scale: "zero_ten", stale_after_days: 90 };

export function MatrixSettingsModal({ title, initial, scaleLocked, onSave, onClose }: Props) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldError = (f: string) => error?.fields.find((e) => e.field === f);
  const item = (f: string) => {
    const e = fieldError(f);
    return e ? { validateStatus: "error" as const, help: <FieldErrorText error={e} /> } : {};
  };
  const submit = async () => {
    setBusy(true);
    try {
      await onSave({ ...value, name: value.name.trim(), owner: value.owner.trim() });
    } catch (e) {
      setError(toIpcError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={title} onOk={() => void submit()} onCancel={onClose} confirmLoading={busy} okText={t("common.save")}
      okButtonProps={{ "data-testid": "matrix-settings-save" }} destroyOnHidden>
      <Form layout="vertical" component="div">
        <Form.Item label={t("matrix.fields.name")} required {...item("name")}>
          <Input value={value.name} onChange={(e) => setValue({ ...value, name: e.target.value })} data-testid="matrix-field-name" autoFocus />
        </Form.Item>
        <Form.Item label={t("matrix.fields.owner")} {...item("owner")}>
          <Input value={value.owner} onChange={(e) => setValue({ ...value, owner: e.target.value })} data-testid="matrix-field-owner" />
        </Form.Item>
        <Form.Item label={t("matrix.fields.scale")} extra={scaleLocked ? t("matrix.scaleLocked") : undefined}>
          <Radio.Group value={value.scale} disabled={scaleLocked} onChange={(e) => setValue({ ...value, scale: e.target.value as MatrixScale })}>
            <Radio value="zero_ten"><span data-testid="matrix-scale-zero_ten">{t("matrix.scale.zero_ten")}</span></Radio>
            <Radio value="minus_two_two"><span data-testid="matrix-scale-minus_two_two">{t("matrix.scale.minus_two_two")}</span></Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t("matrix.fields.staleDays")} {...item("stale_after_days")}>
          <InputNumber min={1} max={3650} precision={0} value={value.stale_after_days}
            onChange={(v) => setValue({ ...value, stale_after_days: typeof v === "number" ? v : 90 })} data-testid="matrix-field-stale" />
        </Form.Item>
      </Form>
      {error && (error.kind !== "validation" || error.fields.length === 0) && (
        <Alert type="error" showIcon message={t(`errorKind.${error.kind}`)} description={error.message} data-testid="matrix-settings-error" />
      )}
    </Modal>
  );
}
