// "Take from accepted quotes": the quote's lines become sales lines of the chosen partner
// (and rep), dated the day it was accepted; optional invoice and payment dates make them
// earn at once. A quote is taken once; a second take is refused and says when the first was.
import { Alert, App, Form, Input, Modal, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { IpcError } from "../bindings/IpcError";
import { toIpcError } from "../ipc/call";
import { takeQuoteLines } from "../ipc/partners";
import { QuotePicker } from "./QuotePicker";
import { usePartners, useReps } from "./queries";

type Props = { open: boolean; onClose: () => void; onTaken: () => void };

export function TakeQuoteModal({ open, onClose, onTaken }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const partners = usePartners();
  const reps = useReps();
  const [quote, setQuote] = useState<string | null>(null);
  const [partner, setPartner] = useState<string | null>(null);
  const [rep, setRep] = useState<string | null>(null);
  const [invoiced, setInvoiced] = useState("");
  const [paid, setPaid] = useState("");
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldError = (f: string) => error?.fields.find((e) => e.field === f);

  const submit = async () => {
    if (!quote || !partner) return;
    setBusy(true);
    setError(null);
    try {
      const r = await takeQuoteLines({ quote, partner, rep, customer_type: null, invoiced_on: invoiced || null, paid_on: paid || null });
      void message.success(t("partners.takeQuote.done", { n: r.lines, quote: r.quote_number, partner: r.partner }));
      onTaken();
      onClose();
    } catch (e) {
      setError(toIpcError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t("partners.takeQuote.title")}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t("partners.takeQuote.ok")}
      okButtonProps={{ disabled: !quote || !partner, loading: busy, "data-testid": "take-quote-submit" }}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t("partners.takeQuote.quote")}>
          <QuotePicker value={quote} onChange={setQuote} acceptedOnly testId="take-quote-quote" />
        </Form.Item>
        <Form.Item label={t("partners.fields.partner")} validateStatus={fieldError("partner") ? "error" : undefined} help={fieldError("partner")?.message}>
          <Select value={partner ?? undefined} onChange={setPartner} options={(partners.data ?? []).map((p) => ({ value: p.code, label: `${p.code} ${p.name}` }))} data-testid="take-quote-partner" />
        </Form.Item>
        <Form.Item label={t("partners.fields.rep")}>
          <Select allowClear value={rep ?? undefined} onChange={(v) => setRep(v ?? null)} options={(reps.data ?? []).map((r) => ({ value: r.code, label: `${r.code} ${r.name}` }))} data-testid="take-quote-rep" />
        </Form.Item>
        <Form.Item label={t("partners.takeQuote.invoicedOn")} validateStatus={fieldError("invoiced_on") ? "error" : undefined} help={fieldError("invoiced_on")?.message}>
          <Input placeholder="YYYY-MM-DD" value={invoiced} onChange={(e) => setInvoiced(e.target.value)} data-testid="take-quote-invoiced" />
        </Form.Item>
        <Form.Item label={t("partners.takeQuote.paidOn")} validateStatus={fieldError("paid_on") ? "error" : undefined} help={fieldError("paid_on")?.message}>
          <Input placeholder="YYYY-MM-DD" value={paid} onChange={(e) => setPaid(e.target.value)} data-testid="take-quote-paid" />
        </Form.Item>
      </Form>
      {error && error.fields.length === 0 && <Alert type="error" showIcon message={t(`errorKind.${error.kind}`)} description={<span data-testid="take-quote-error">{error.message}</span>} />}
    </Modal>
  );
}
