// A small dialog asking for a reason or comment (waive a flag, accept or reject a checklist
// item, request changes, sign off); a required one says so at the field (error-reason).
import { Input, Modal, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { FieldError } from "../bindings/FieldError";
import { FieldErrorText } from "../quotes/FieldErrorText";

type Props = {
  title: string;
  hint?: string;
  okText: string;
  required: boolean;
  danger?: boolean;
  onOk: (reason: string) => Promise<FieldError[] | null>;
  onClose: () => void;
};

export function ReasonModal({ title, hint, okText, required, danger, onOk, onClose }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (required && !text.trim()) {
      setErrors([{ field: "reason", code: "required", message: "" }]);
      return;
    }
    setBusy(true);
    const failed = await onOk(text.trim());
    setBusy(false);
    if (failed === null) onClose();
    else setErrors(failed);
  };
  const error = errors[0];
  return (
    <Modal
      open
      title={title}
      okText={okText}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ danger, "data-testid": "reason-confirm" }}
      destroyOnHidden
    >
      {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
      <Input.TextArea
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t(required ? "contracts.reasonRequired" : "contracts.commentOptional")}
        status={error ? "error" : undefined}
        data-testid="reason-text"
        autoFocus
      />
      {error && <FieldErrorText error={{ ...error, field: "reason" }} />}
    </Modal>
  );
}
