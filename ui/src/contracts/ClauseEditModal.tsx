// Edits one clause's zh and en text (with placeholders such as {{payment.days}}); an unknown
// or unclosed placeholder comes back from the core as an error on that language's field
// (error-clauses[N].zh / .en) and is shown under it. Also adds a free-text clause.
import { Col, Form, Input, Modal, Row, Select, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { FieldError } from "../bindings/FieldError";
import type { Topic } from "../bindings/Topic";
import { FieldErrorText } from "../quotes/FieldErrorText";

export const TOPICS: readonly Topic[] = [
  "parties", "scope", "price_payment", "delivery_acceptance", "intellectual_property", "confidentiality",
  "warranty", "liability_indemnity", "force_majeure", "term_termination", "dispute_resolution", "governing_law",
];

const EXAMPLES = ["payment.days", "quote.total", "quote.total_in_words", "customer.name"].map((p) => `{{${p}}}`).join(", ");

export type ClauseText = { zh: string; en: string; topic: Topic; title_zh: string; title_en: string };

type Props = {
  /** The clause's position, or null for a new free-text clause. */
  position: number | null;
  initial: ClauseText;
  onSave: (text: ClauseText) => Promise<FieldError[] | null>;
  onClose: () => void;
};

export function ClauseEditModal({ position, initial, onSave, onClose }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const prefix = position === null ? "free_clause" : `clauses[${position}]`;
  const error = (lang: "zh" | "en") => errors.find((e) => e.field === `${prefix}.${lang}`) ?? errors.find((e) => e.field === prefix);
  const save = async () => {
    setBusy(true);
    const failed = await onSave(text);
    setBusy(false);
    if (failed === null) onClose();
    else setErrors(failed);
  };
  const area = (lang: "zh" | "en") => {
    const e = error(lang);
    return (
      <Col span={12}>
        <Form.Item label={t(`contracts.clauses.${lang}`)} validateStatus={e ? "error" : undefined} help={e ? <FieldErrorText error={e} /> : undefined}>
          <Input.TextArea
            autoSize={{ minRows: 6, maxRows: 16 }}
            value={text[lang]}
            onChange={(ev) => setText({ ...text, [lang]: ev.target.value })}
            data-testid={`clause-edit-${lang}`}
          />
        </Form.Item>
      </Col>
    );
  };
  return (
    <Modal
      open
      width="min(1100px, 94vw)"
      title={position === null ? t("contracts.clauses.addTitle") : t("contracts.clauses.editTitle", { n: position })}
      okText={t("common.save")}
      onOk={() => void save()}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ "data-testid": "clause-edit-save" }}
      destroyOnHidden
    >
      <Form layout="vertical" component="div">
        {position === null && (
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item label={t("contracts.clauses.topic")}>
                <Select<Topic>
                  value={text.topic}
                  onChange={(topic) => setText({ ...text, topic })}
                  options={TOPICS.map((tp) => ({ value: tp, label: t(`topic.${tp}`) }))}
                  virtual={false}
                  data-testid="clause-add-topic"
                />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label={t("contracts.clauses.titleZh")}>
                <Input value={text.title_zh} onChange={(e) => setText({ ...text, title_zh: e.target.value })} placeholder={t(`topic.${text.topic}`)} data-testid="clause-add-title-zh" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label={t("contracts.clauses.titleEn")}>
                <Input value={text.title_en} onChange={(e) => setText({ ...text, title_en: e.target.value })} data-testid="clause-add-title-en" />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Row gutter={12}>
          {area("zh")}
          {area("en")}
        </Row>
        <Typography.Text type="secondary" className="placeholder-hint">
          {t("contracts.clauses.placeholderHint", { examples: EXAMPLES })}
        </Typography.Text>
      </Form>
    </Modal>
  );
}
