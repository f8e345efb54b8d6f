// The quote builder for one revision (or a new draft): header fields, lines, live totals and
// approval hint, notes and terms, the status actions, the approval panel, the history, and
// the revision comparison. Anything past draft is shown read-only.
import { PlusOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Col, Form, Input, Row, Tabs, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Product } from "../bindings/Product";
import type { Quote } from "../bindings/Quote";
import type { QuoteRules } from "../bindings/QuoteRules";
import type { QuoteStatus } from "../bindings/QuoteStatus";
import { useReportError } from "../components/useReportError";
import { toIpcError } from "../ipc/call";
import {
  decideQuote, exportQuotePdf, markQuote, printQuote, quoteLineForProduct, reviseQuote, saveQuote, submitQuote,
} from "../ipc/quotes";
import { RevealButton } from "../masking/RevealButton";
import { useDataView } from "../ipc/masking";
import { ApprovalPanel } from "./ApprovalPanel";
import { BuilderHeader } from "./BuilderHeader";
import { mergeErrors } from "./fieldErrors";
import { FieldErrorText } from "./FieldErrorText";
import { QuoteActions, type ActionName } from "./QuoteActions";
import { QuoteHeaderFields } from "./QuoteHeaderFields";
import { QuoteHistory } from "./QuoteHistory";
import { QuoteLinesTable } from "./QuoteLinesTable";
import { emptyLine, emptyQuoteInput, inputOf } from "./quoteInput";
import { ProductPicker } from "./ProductPicker";
import { useUserRole } from "./queries";
import { RevisionCompare } from "./RevisionCompare";
import { TotalsPanel } from "./TotalsPanel";
import { useQuoteDraft } from "./useQuoteDraft";
import { useQuotePreview } from "./useQuotePreview";

type Props = {
  quote: Quote | undefined;
  revisions: Quote[];
  viewing: number;
  isNewest: boolean;
  rules: QuoteRules;
  printed: string | null;
  onPrinted: (path: string | null) => void;
  onView: (index: number) => void;
  onOpen: (id: string) => void;
  onBack: () => void;
};

/** Header fields shown in the form; other field errors go to the alert on top. */
const HEADER_FIELDS = new Set(["customer_id", "currency", "exchange_rate", "discount_pct", "tax_inclusive", "quote_date", "valid_until", "labels", "paper", "notes", "terms"]);
const LINE_CELL = /^lines\[\d+\]\.(sku|description|unit|quantity|unit_price|discount_pct|tax_rate_pct|unit_cost)$/;

export function QuoteEditor(props: Props) {
  const { quote, revisions, viewing, isNewest, rules, printed, onPrinted, onView, onOpen, onBack } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const client = useQueryClient();
  const role = useUserRole().data;
  const canReveal = useDataView().data?.can_reveal ?? false;
  const draft = useQuoteDraft(() => (quote ? inputOf(quote) : emptyQuoteInput(rules.validity_days)));
  const { input } = draft;
  const preview = useQuotePreview(input);
  const [busy, setBusy] = useState<ActionName | null>(null);
  const [comparing, setComparing] = useState(false);
  const readOnly = quote !== undefined && (quote.status !== "draft" || !isNewest);
  const errors = mergeErrors(draft.errors, readOnly ? [] : (preview.data?.errors ?? []));
  const errorFor = (field: string) => errors.find((e) => e.field === field);
  const otherErrors = errors.filter((e) => !HEADER_FIELDS.has(e.field) && !LINE_CELL.test(e.field));

  /** After a change on the server: show the changed quote (another id after a first save). */
  const refresh = async (changed: Quote) => {
    await client.invalidateQueries({ queryKey: ["quotes"] });
    if (changed.id !== quote?.id) onOpen(changed.id);
  };

  const run = async (name: ActionName, action: () => Promise<void>) => {
    setBusy(name);
    try {
      await action();
    } catch (raw) {
      const error = toIpcError(raw);
      if (error.kind === "validation" && error.fields.length > 0) {
        draft.setErrors(error.fields);
        void message.error(t("quotes.fixErrors"));
      } else {
        reportError(error);
      }
    } finally {
      setBusy(null);
    }
  };

  const persist = async () => {
    const saved = await saveQuote(input);
    draft.setErrors([]);
    return saved;
  };

  const save = () =>
    run("save", async () => {
      const saved = await persist();
      void message.success(t("common.saved"));
      await refresh(saved);
    });

  const submit = () =>
    run("submit", async () => {
      let latest = await persist();
      try {
        latest = await submitQuote(latest.id);
        void message.success(t(`quotes.submitted.${latest.status === "approved" ? "approved" : "pending"}`));
      } finally {
        await refresh(latest);
      }
    });

  const decide = (approve: boolean, comment: string) =>
    run("decide", async () => {
      if (!quote) return;
      const decided = await decideQuote(quote.id, approve, comment);
      void message.success(approve ? t("quotes.approved") : t("quotes.sentBack"));
      await refresh(decided);
    });

  const mark = (to: QuoteStatus) =>
    run("mark", async () => {
      if (!quote) return;
      const marked = await markQuote(quote.id, to);
      await refresh(marked);
    });

  const revise = () =>
    run("revise", async () => {
      if (!quote) return;
      const next = await reviseQuote(quote.id);
      void message.success(t("quotes.revised", { n: next.revision }));
      await refresh(next);
    });

  const print = () =>
    run("print", async () => {
      if (!quote) return;
      // A draft prints what is on screen: save it first.
      const stored = quote.status === "draft" && isNewest ? await persist() : quote;
      const path = await printQuote(stored.id);
      onPrinted(path);
      void message.success({ content: t("quotes.printed", { path }), className: "quote-print-success", duration: 6 });
      if (stored !== quote) await refresh(stored);
    });

  const saveAs = () =>
    run("saveAs", async () => {
      if (!quote) return;
      const path = await exportQuotePdf(quote.id);
      if (path) void message.success({ content: t("quotes.printed", { path }), duration: 6 });
    });

  const addProduct = async (product: Product) => {
    try {
      const line = await quoteLineForProduct({
        product_id: product.id,
        customer_id: input.customer_id || null,
        currency: input.currency,
        exchange_rate: input.exchange_rate,
        quantity: "1",
      });
      draft.addLine(line);
    } catch (raw) {
      reportError(toIpcError(raw));
    }
  };

  const actions = (
    <QuoteActions
      status={quote?.status}
      isNewest={isNewest}
      busy={busy}
      onSave={() => void save()}
      onSubmit={() => void submit()}
      onMark={(to) => void mark(to)}
      onRevise={() => void revise()}
      onPrint={() => void print()}
      onSaveAs={() => void saveAs()}
    />
  );

  const textArea = (name: "notes" | "terms") => {
    const error = errorFor(name);
    // Notes shown masked: saved unchanged they keep the stored text; the eye puts it in clear.
    const masked = quote !== undefined && quote.masked.includes(name);
    const extra = masked ? (
      <span className="masked-hint" data-testid={`masked-hint-${name}`}>
        {t("masking.maskedInForm")}
        {canReveal && (
          <RevealButton table="quotes" id={quote.id} field={name} label={t(`quotes.fields.${name}`)} onRevealed={(value) => draft.change({ [name]: value })} />
        )}
      </span>
    ) : undefined;
    return (
      <Form.Item label={t(`quotes.fields.${name}`)} validateStatus={error ? "error" : undefined} help={error ? <FieldErrorText error={error} /> : undefined} extra={extra}>
        <Input.TextArea
          value={input[name]}
          onChange={(e) => draft.change({ [name]: e.target.value })}
          autoSize={{ minRows: 3, maxRows: 8 }}
          data-testid={`quote-${name}`}
        />
      </Form.Item>
    );
  };

  const body = (
    <Form layout="vertical" disabled={readOnly} component="div" className={readOnly ? "quote-form quote-readonly" : "quote-form"}>
      {otherErrors.length > 0 && (
        <Alert
          type="error"
          showIcon
          className="form-alert"
          message={otherErrors.map((e) => (
            <div key={e.field}>
              {e.field}: <FieldErrorText error={e} />
            </div>
          ))}
        />
      )}
      <QuoteHeaderFields input={input} customerLabel={quote?.customer_name} errorFor={errorFor} onChange={draft.change} />
      <div className="lines-toolbar">
        <Typography.Title level={5} className="section-title">
          {t("quotes.lines")}
        </Typography.Title>
        {!readOnly && (
          <>
            <ProductPicker onPick={(p) => void addProduct(p)} />
            <Button icon={<PlusOutlined />} onClick={() => draft.addLine(emptyLine())} data-testid="quote-add-line">
              {t("quotes.addLine")}
            </Button>
          </>
        )}
      </div>
      <QuoteLinesTable
        lines={input.lines}
        totals={preview.data?.totals.lines}
        readOnly={readOnly}
        targetMarginPct={rules.target_margin_pct}
        errorFor={errorFor}
        onEdit={draft.editLine}
        onMove={draft.moveLine}
        onRemove={draft.removeLine}
      />
      <Row gutter={16} className="quote-bottom">
        <Col xs={24} xl={13}>
          {textArea("terms")}
          {textArea("notes")}
        </Col>
        <Col xs={24} xl={11}>
          <TotalsPanel preview={preview.data} currency={input.currency} taxInclusive={input.tax_inclusive} />
        </Col>
      </Row>
    </Form>
  );

  return (
    <div className="quote-builder" data-testid="quote-builder">
      <BuilderHeader
        quote={quote}
        revisions={revisions}
        viewing={viewing}
        onView={onView}
        onCompare={() => setComparing(true)}
        onBack={onBack}
        actions={actions}
      />
      {quote?.status === "pending_approval" && isNewest && (
        <ApprovalPanel level={quote.required_approval} role={role} busy={busy === "decide"} onDecide={(a, c) => void decide(a, c)} />
      )}
      {!isNewest && <Alert type="info" showIcon className="builder-note" message={t("quotes.olderRevision")} />}
      {readOnly && isNewest && quote?.status !== "pending_approval" && <Alert type="info" showIcon className="builder-note" message={t("quotes.locked")} data-testid="quote-locked" />}
      {printed && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => onPrinted(null)}
          className="builder-note"
          message={
            <span>
              {t("quotes.printedTo")} <Typography.Text code copyable data-testid="quote-print-path">{printed}</Typography.Text>
            </span>
          }
        />
      )}
      <Tabs
        className="builder-tabs"
        items={[
          { key: "quote", label: t("quotes.tabQuote"), children: body },
          {
            key: "history",
            label: <span data-testid="quote-tab-history">{t("quotes.tabHistory", { n: quote?.events.length ?? 0 })}</span>,
            children: <QuoteHistory events={quote?.events ?? []} />,
          },
        ]}
      />
      {revisions.length > 1 && <RevisionCompare revisions={revisions} open={comparing} onClose={() => setComparing(false)} />}
    </div>
  );
}
