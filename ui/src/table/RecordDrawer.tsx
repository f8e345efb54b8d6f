// The create/edit form in a Drawer. It saves through onSave and, when the server
// rejects with `validation`, shows each field error beside its field (test id
// error-<field>). Enter submits (buttons live inside the <form>), Esc closes. Fields the
// server sent masked say so; sent back unchanged they keep their clear value on the server,
// and the eye (where the data view may reveal) puts the clear value in the field to edit it.
import { Alert, Button, Drawer, Form, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { FieldError } from "../bindings/FieldError";
import type { IpcError } from "../bindings/IpcError";
import type { TableName } from "../bindings/TableName";
import { isIpcError, toIpcError } from "../ipc/call";
import { RevealButton } from "../masking/RevealButton";
import { FieldInput } from "./FieldInput";
import { fromFormValues, toFormValues } from "./formValues";
import type { EditableKey, FieldSpec } from "./types";

type Props<Input> = {
  table: TableName;
  fields: FieldSpec<Input>[];
  /** The record being edited (id null = new); undefined = drawer closed. */
  input: Input | undefined;
  refLabels?: Partial<Record<EditableKey<Input>, string>>;
  /** Fields shown masked, and whether the data view may reveal them. */
  masked?: string[];
  canReveal?: boolean;
  onSave: (input: Input) => Promise<void>;
  onClose: () => void;
  /** Errors that are not field errors (not_found, database, ...). */
  onError: (error: IpcError) => void;
};

export function RecordDrawer<Input extends { id: string | null }>(props: Props<Input>) {
  const { table, input, onClose } = props;
  const { t } = useTranslation();
  const entity = t(`${table}.entity`);
  const title = input?.id ? t("common.editTitle", { entity }) : t("common.createTitle", { entity });
  return (
    <Drawer open={input !== undefined} title={title} width={460} onClose={onClose} destroyOnHidden keyboard>
      {input !== undefined && <RecordForm {...props} input={input} />}
    </Drawer>
  );
}

function RecordForm<Input extends { id: string | null }>({
  table, fields, input, refLabels, masked = [], canReveal = false, onSave, onClose, onError,
}: Props<Input> & { input: Input }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Record<string, unknown>>();
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const names = new Set<string>(fields.map((f) => f.name));
  const errorFor = (name: string) => errors.find((e) => e.field === name);
  const otherErrors = errors.filter((e) => !names.has(e.field));
  const errorText = (e: FieldError) => t(`fieldError.${e.code}`, { defaultValue: e.message || e.code });

  const submit = async (values: Record<string, unknown>) => {
    setSaving(true);
    setErrors([]);
    try {
      await onSave(fromFormValues(values, input, fields));
    } catch (raw) {
      const error = isIpcError(raw) ? raw : toIpcError(raw);
      if (error.kind === "validation" && error.fields.length > 0) setErrors(error.fields);
      else onError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<Record<string, unknown>>
      form={form}
      layout="vertical"
      className="record-form"
      initialValues={toFormValues(input, fields)}
      onFinish={submit}
      onValuesChange={(changed: Record<string, unknown>) =>
        setErrors((current) => current.filter((e) => !(e.field in changed)))
      }
      requiredMark
    >
      {otherErrors.length > 0 && (
        <Alert
          type="error"
          showIcon
          className="form-alert"
          message={otherErrors.map((e) => (
            <div key={e.field} data-testid={`error-${e.field}`}>
              {e.field}: {errorText(e)}
            </div>
          ))}
        />
      )}
      {fields.map((f) => {
        const error = errorFor(f.name);
        return (
          <Form.Item
            key={f.name}
            name={f.name as string}
            label={t(`${table}.fields.${f.name}`)}
            required={f.required}
            valuePropName={f.kind.type === "switch" ? "checked" : "value"}
            validateStatus={error ? "error" : undefined}
            help={error ? <span data-testid={`error-${f.name}`}>{errorText(error)}</span> : undefined}
            extra={
              masked.includes(f.name) ? (
                <span className="masked-hint" data-testid={`masked-hint-${f.name}`}>
                  {t("masking.maskedInForm")}
                  {canReveal && input.id && (
                    <RevealButton
                      table={table}
                      id={input.id}
                      field={f.name}
                      label={t(`${table}.fields.${f.name}`)}
                      onRevealed={(value) => form.setFieldValue(f.name, value)}
                    />
                  )}
                </span>
              ) : undefined
            }
          >
            <FieldInput name={f.name} kind={f.kind} initialLabel={refLabels?.[f.name]} />
          </Form.Item>
        );
      })}
      <Space className="form-actions">
        <Button type="primary" htmlType="submit" loading={saving} data-testid="form-submit">
          {t("common.save")}
        </Button>
        <Button onClick={onClose} data-testid="form-cancel">
          {t("common.cancel")}
        </Button>
      </Space>
    </Form>
  );
}
