// The eye next to a masked value: asks why the value is needed, then shows it in clear in the
// dialog only (the list stays masked). The server refuses without a reason or when the data
// view may not reveal, and writes the audit entry (never the value).
import { EyeOutlined } from "@ant-design/icons";
import { Alert, Button, ConfigProvider, Input, Modal, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { IpcError } from "../bindings/IpcError";
import type { RevealTable } from "../bindings/RevealTable";
import { toIpcError } from "../ipc/call";
import { revealValue } from "../ipc/masking";

type Props = {
  table: RevealTable;
  id: string;
  field: string;
  label: string;
  /** Called with the clear value (e.g. to put it into a form field). */
  onRevealed?: (value: string) => void;
};

export function RevealButton(props: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // Enabled even inside a read-only (disabled) form: revealing is not editing.
  return (
    <ConfigProvider componentDisabled={false}>
      <Button
        type="text"
        size="small"
        className="reveal-button"
        icon={<EyeOutlined />}
        aria-label={t("masking.reveal")}
        title={t("masking.reveal")}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
        data-testid={`reveal-${props.id}-${props.field}`}
      />
      {/* React events bubble out of the modal's portal: keep its clicks from a clickable row. */}
      {open && (
        <span onClick={(e) => e.stopPropagation()}>
          <RevealModal {...props} onClose={() => setOpen(false)} />
        </span>
      )}
    </ConfigProvider>
  );
}

export function RevealModal({ table, id, field, label, onRevealed, onClose }: Props & { onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const [value, setValue] = useState<string | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!reason.trim()) {
      setError({ kind: "validation", message: t("masking.reasonRequired"), fields: [], problems: [] });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const clear = await revealValue(table, id, field, reason);
      setValue(clear);
      onRevealed?.(clear);
    } catch (raw) {
      setError(toIpcError(raw));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t("masking.revealTitle", { field: label })}
      onCancel={onClose}
      destroyOnHidden
      footer={
        value === null ? (
          <>
            <Button onClick={onClose} data-testid="reveal-cancel">{t("common.cancel")}</Button>
            <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="reveal-confirm">
              {t("masking.revealConfirm")}
            </Button>
          </>
        ) : (
          <Button type="primary" onClick={onClose} data-testid="reveal-close">{t("common.close")}</Button>
        )
      }
    >
      {value === null ? (
        <>
          <Typography.Paragraph type="secondary">{t("masking.revealHint")}</Typography.Paragraph>
          <Input.TextArea
            autoFocus
            rows={2}
            maxLength={500}
            value={reason}
            placeholder={t("masking.reasonPlaceholder")}
            onChange={(e) => setReason(e.target.value)}
            data-testid="reveal-reason"
          />
        </>
      ) : (
        <Typography.Paragraph copyable className="revealed-value">
          <span data-testid="reveal-value">{value}</span>
        </Typography.Paragraph>
      )}
      {error && (
        <Alert type="error" showIcon className="form-alert" message={error.kind === "validation" ? error.message : t(`errorKind.${error.kind}`)} description={error.kind === "validation" ? undefined : error.message} data-testid="reveal-error" />
      )}
    </Modal>
  );
}
