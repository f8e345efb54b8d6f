// "New contract": pick an accepted quote, the template (sales / distribution / service / NDA)
// and the key terms (the house position to start with); the contract is numbered when made.
import { useQuery } from "@tanstack/react-query";
import { Alert, Form, Modal, Radio, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { IpcError } from "../bindings/IpcError";
import type { TemplateKind } from "../bindings/TemplateKind";
import type { TermsForm } from "../bindings/TermsForm";
import { groupDigits } from "../format/decimal";
import { toIpcError } from "../ipc/call";
import { createContract } from "../ipc/contracts";
import { listQuotes } from "../ipc/quotes";
import { useApplyDetail } from "./queries";
import { HOUSE_TERMS } from "./terms";
import { TermsFields } from "./TermsFields";

const KINDS: readonly TemplateKind[] = ["sales", "distribution", "service", "nda"];

type Props = { onClose: () => void; onCreated: (id: string) => void };

export function NewContractModal({ onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const apply = useApplyDetail();
  const [quote, setQuote] = useState<string | null>(null);
  const [kind, setKind] = useState<TemplateKind>("sales");
  const [terms, setTerms] = useState<TermsForm>(HOUSE_TERMS);
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const quotes = useQuery({
    queryKey: ["quotes", "accepted"],
    queryFn: () => listQuotes({ search: "accepted", sort: "number", desc: true, page: 1, page_size: 200 }),
  });
  const accepted = (quotes.data?.items ?? []).filter((q) => q.status === "accepted" && q.number);

  const submit = async () => {
    if (!quote) {
      setError({ kind: "validation", message: "", fields: [{ field: "quote", code: "required", message: "" }], problems: [] });
      return;
    }
    setBusy(true);
    try {
      const d = await createContract({ quote, kind, terms });
      apply(d);
      onCreated(d.contract.id);
    } catch (e) {
      setError(toIpcError(e));
    } finally {
      setBusy(false);
    }
  };
  const fieldErrors = error?.fields ?? [];
  const quoteError = fieldErrors.find((f) => f.field === "quote");

  return (
    <Modal
      open
      width={720}
      title={t("contracts.newTitle")}
      okText={t("contracts.create")}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ "data-testid": "contract-new-submit" }}
      destroyOnHidden
    >
      <Form layout="vertical" component="div">
        <Form.Item
          label={t("contracts.fields.quote")}
          extra={t("contracts.acceptedOnly")}
          validateStatus={quoteError ? "error" : undefined}
          help={quoteError ? <span data-testid="error-quote">{t("fieldError.required")}</span> : undefined}
        >
          <Select<string>
            showSearch
            value={quote ?? undefined}
            placeholder={t("contracts.pickQuote")}
            loading={quotes.isLoading}
            onChange={(v) => setQuote(v)}
            optionFilterProp="label"
            virtual={false}
            notFoundContent={t("contracts.noAcceptedQuotes")}
            options={accepted.map((q) => ({
              value: q.id,
              label: `${q.number} · ${q.customer_name} · ${groupDigits(q.total)} ${q.currency}`,
              number: q.number,
            }))}
            optionRender={(o) => <span data-testid={`contract-quote-${String(o.data.number)}`}>{o.label}</span>}
            data-testid="contract-new-quote"
          />
        </Form.Item>
        <Form.Item label={t("contracts.fields.kind")}>
          <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as TemplateKind)} optionType="button" buttonStyle="solid">
            {KINDS.map((k) => (
              <Radio.Button key={k} value={k}>
                <span data-testid={`contract-kind-${k}`}>{t(`templateKind.${k}`)}</span>
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
      </Form>
      <TermsFields kind={kind} value={terms} onChange={setTerms} errors={fieldErrors} />
      {error && (error.kind !== "validation" || error.fields.length === 0) && (
        <Alert type="error" showIcon message={t(`errorKind.${error.kind}`)} description={error.message} data-testid="contract-new-error" />
      )}
    </Modal>
  );
}
