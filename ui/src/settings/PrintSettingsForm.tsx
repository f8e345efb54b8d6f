// Settings › Letterhead & print: company, address, tax number, bank and account, phone, an
// optional font file, and the 大写 options (整 after 角, 元 or 圆, the optional 零).
import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Col, Form, Radio, Row, Spin, Switch } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { FieldError } from "../bindings/FieldError";
import type { PrintSettings } from "../bindings/PrintSettings";
import type { ZhOptions } from "../bindings/ZhOptions";
import { useReportError } from "../components/useReportError";
import { toIpcError } from "../ipc/call";
import { savePrintSettings } from "../ipc/quotes";
import { PRINT_SETTINGS_KEY, usePrintSettings } from "../quotes/queries";
import { LogoSetting } from "./LogoSetting";
import { SettingsField } from "./SettingsField";

type TextKey = "company_name" | "address" | "tax_number" | "bank_name" | "bank_account" | "phone" | "font_path";

export function PrintSettingsForm() {
  const settings = usePrintSettings();
  if (!settings.data) return <Spin />;
  return <PrintForm initial={settings.data} />;
}

function PrintForm({ initial }: { initial: PrintSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const client = useQueryClient();
  const [values, setValues] = useState<PrintSettings>(initial);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saving, setSaving] = useState(false);
  const field = (name: TextKey, span = 12) => (
    <Col span={span}>
      <SettingsField
        prefix="print"
        name={name}
        label={t(`settings.print.${name}`)}
        hint={name === "font_path" ? t("settings.print.fontHint") : undefined}
        value={values[name]}
        error={errors.find((e) => e.field === name)}
        onChange={(v) => {
          setValues((old) => ({ ...old, [name]: v }));
          setErrors((es) => es.filter((e) => e.field !== name));
        }}
      />
    </Col>
  );
  const words = (patch: Partial<ZhOptions>) => setValues((old) => ({ ...old, words: { ...old.words, ...patch } }));

  const save = async () => {
    setSaving(true);
    try {
      const saved = await savePrintSettings(values);
      client.setQueryData(PRINT_SETTINGS_KEY, saved);
      setValues(saved);
      setErrors([]);
      void message.success(t("common.saved"));
    } catch (raw) {
      const e = toIpcError(raw);
      if (e.kind === "validation" && e.fields.length > 0) setErrors(e.fields);
      else reportError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form layout="vertical" component="div" className="settings-form">
      <Row gutter={16}>
        {field("company_name")}
        {field("tax_number")}
        {field("address", 24)}
        {field("bank_name")}
        {field("bank_account")}
        {field("phone")}
        {field("font_path")}
      </Row>
      <Form.Item label={t("settings.print.words")} className="words-options">
        <div className="words-option">
          <Switch checked={values.words.zheng_after_jiao} onChange={(v) => words({ zheng_after_jiao: v })} data-testid="print-zheng-after-jiao" />
          <span>{t("settings.print.zhengAfterJiao")}</span>
        </div>
        <div className="words-option">
          <Radio.Group
            value={values.words.yuan_char}
            onChange={(e) => words({ yuan_char: e.target.value as ZhOptions["yuan_char"] })}
            optionType="button"
            size="small"
            options={[
              { value: "yuan", label: "元" },
              { value: "round", label: "圆" },
            ]}
            data-testid="print-yuan-char"
          />
          <span>{t("settings.print.yuanChar")}</span>
        </div>
        <div className="words-option">
          <Switch checked={values.words.optional_zero} onChange={(v) => words({ optional_zero: v })} data-testid="print-optional-zero" />
          <span>{t("settings.print.optionalZero")}</span>
        </div>
      </Form.Item>
      <Form.Item label={t("settings.print.logo")}>
        <LogoSetting hasLogo={values.has_logo} onChanged={(s) => setValues((old) => ({ ...old, has_logo: s.has_logo }))} />
      </Form.Item>
      <Button type="primary" loading={saving} onClick={() => void save()} data-testid="print-save">
        {t("common.save")}
      </Button>
    </Form>
  );
}
