// The quote's header in the builder: customer, currency and exchange rate, tax-inclusive
// prices, document discount, quote and validity dates, printed labels and paper. Each field
// shows its server error underneath.
import { Col, Form, Input, Row, Select, Switch } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Labels } from "../bindings/Labels";
import type { Paper } from "../bindings/Paper";
import type { QuoteInput } from "../bindings/QuoteInput";
import { CustomerSelect } from "../components/CustomerSelect";
import { CURRENCIES } from "../tables/enums";
import type { ErrorLookup } from "./fieldErrors";
import { FieldErrorText } from "./FieldErrorText";

type Props = {
  input: QuoteInput;
  customerLabel?: string;
  errorFor: ErrorLookup;
  onChange: (patch: Partial<QuoteInput>) => void;
};

const LABELS: readonly Labels[] = ["bilingual", "zh", "en"];
const PAPERS: readonly Paper[] = ["a4", "letter"];

export function QuoteHeaderFields({ input, customerLabel, errorFor, onChange }: Props) {
  const { t } = useTranslation();
  const item = (name: string, label: ReactNode, control: ReactNode, span = 4, required = false) => {
    const error = errorFor(name);
    return (
      <Col xs={24} md={12} xl={span}>
        <Form.Item
          label={label}
          required={required}
          validateStatus={error ? "error" : undefined}
          help={error ? <FieldErrorText error={error} /> : undefined}
        >
          {control}
        </Form.Item>
      </Col>
    );
  };
  const foreign = input.currency !== "CNY";
  return (
    <Row gutter={12} className="quote-header-fields">
      {item(
        "customer_id",
        t("quotes.fields.customer"),
        <CustomerSelect
          value={input.customer_id || null}
          onChange={(v) => onChange({ customer_id: v ?? "" })}
          nullable={false}
          initialLabel={customerLabel}
          data-testid="quote-customer"
        />,
        foreign ? 8 : 12,
        true,
      )}
      {item(
        "currency",
        t("quotes.fields.currency"),
        <Select
          value={input.currency}
          onChange={(currency: string) => onChange({ currency, exchange_rate: currency === "CNY" ? "1" : input.exchange_rate })}
          showSearch
          virtual={false}
          options={CURRENCIES.map((c) => ({ value: c, label: c, title: t(`currency.${c}`) }))}
          optionRender={(o) => <span data-testid={`option-currency-${String(o.value)}`}>{t(`currency.${String(o.value)}`)}</span>}
          data-testid="quote-currency"
        />,
      )}
      {foreign &&
        item(
          "exchange_rate",
          t("quotes.fields.exchange_rate", { currency: input.currency }),
          <Input
            value={input.exchange_rate}
            onChange={(e) => onChange({ exchange_rate: e.target.value })}
            inputMode="decimal"
            className="num"
            data-testid="quote-exchange-rate"
          />,
        )}
      {item(
        "quote_date",
        t("quotes.fields.quote_date"),
        <Input type="date" value={input.quote_date} onChange={(e) => onChange({ quote_date: e.target.value })} data-testid="quote-date" />,
      )}
      {item(
        "valid_until",
        t("quotes.fields.valid_until"),
        <Input type="date" value={input.valid_until} onChange={(e) => onChange({ valid_until: e.target.value })} data-testid="quote-valid-until" />,
      )}
      {item(
        "discount_pct",
        t("quotes.fields.discount_pct"),
        <Input
          value={input.discount_pct}
          onChange={(e) => onChange({ discount_pct: e.target.value })}
          inputMode="decimal"
          suffix="%"
          className="num"
          data-testid="quote-discount"
        />,
      )}
      {item(
        "tax_inclusive",
        t("quotes.fields.tax_inclusive"),
        <Switch checked={input.tax_inclusive} onChange={(v) => onChange({ tax_inclusive: v })} data-testid="quote-tax-inclusive" />,
      )}
      {item(
        "labels",
        t("quotes.fields.labels"),
        <Select
          value={input.labels}
          onChange={(labels: Labels) => onChange({ labels })}
          virtual={false}
          options={LABELS.map((l) => ({ value: l, label: t(`quotes.labels.${l}`) }))}
          data-testid="quote-labels"
        />,
      )}
      {item(
        "paper",
        t("quotes.fields.paper"),
        <Select
          value={input.paper}
          onChange={(paper: Paper) => onChange({ paper })}
          virtual={false}
          options={PAPERS.map((p) => ({ value: p, label: t(`quotes.paper.${p}`) }))}
          data-testid="quote-paper"
        />,
      )}
    </Row>
  );
}
