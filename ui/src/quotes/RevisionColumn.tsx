// One side of the revision comparison: a revision's header facts, its lines and totals, with
// the cells that differ from the other side highlighted.
import { Descriptions, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Quote } from "../bindings/Quote";
import { groupDigits } from "../format/decimal";
import { MaskedText } from "../masking/MaskedText";
import { StatusTag } from "./StatusTag";

type Props = { quote: Quote; other: Quote | undefined; testId: string };

const LINE_FIELDS = ["description", "quantity", "unit_price", "discount_pct", "tax_rate_pct"] as const;

export function RevisionColumn({ quote, other, testId }: Props) {
  const { t } = useTranslation();
  const money = (a: string) => `${groupDigits(a)} ${quote.currency}`;
  const changed = (i: number, f: (typeof LINE_FIELDS)[number] | "amount") => {
    if (!other) return false;
    if (f === "amount") return other.totals.lines[i]?.amount !== quote.totals.lines[i]?.amount;
    return other.lines[i]?.[f] !== quote.lines[i]?.[f];
  };
  const mark = (on: boolean) => (on ? "compare-changed" : undefined);
  const rows = quote.lines.map((line, i) => ({ i, line, amount: quote.totals.lines[i]?.amount ?? "" }));
  return (
    <div className="revision-column" data-testid={testId}>
      <Typography.Title level={5} className="revision-title">
        {t("quotes.revisionN", { n: quote.revision })} {quote.number ? `· ${quote.number}` : ""} <StatusTag status={quote.status} />
      </Typography.Title>
      <Descriptions size="small" column={2} className="revision-facts">
        <Descriptions.Item label={t("quotes.fields.quote_date")}>{quote.quote_date}</Descriptions.Item>
        <Descriptions.Item label={t("quotes.fields.valid_until")}>{quote.valid_until}</Descriptions.Item>
        <Descriptions.Item label={t("quotes.fields.discount_pct")}>
          <span className={mark(other !== undefined && other.discount_pct !== quote.discount_pct)}>{quote.discount_pct}%</span>
        </Descriptions.Item>
        <Descriptions.Item label={t("quotes.fields.currency")}>{quote.currency}</Descriptions.Item>
        <Descriptions.Item label={t("quotes.fields.owner")}>
          <span data-testid={`${testId}-owner`}>
            <MaskedText table="quotes" id={quote.id} field="owner" label={t("quotes.fields.owner")} masked={quote.masked}>
              {quote.owner}
            </MaskedText>
          </span>
        </Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        pagination={false}
        rowKey="i"
        dataSource={rows}
        columns={[
          { key: "no", title: "#", width: 36, render: (_, r) => r.i + 1 },
          { key: "description", title: t("quotes.line.description"), render: (_, r) => <span className={mark(changed(r.i, "description"))}>{r.line.description}</span> },
          { key: "quantity", title: t("quotes.line.quantity"), align: "right", render: (_, r) => <span className={mark(changed(r.i, "quantity"))}>{r.line.quantity}</span> },
          { key: "unit_price", title: t("quotes.line.unit_price"), align: "right", render: (_, r) => <span className={mark(changed(r.i, "unit_price"))}>{groupDigits(r.line.unit_price)}</span> },
          { key: "discount_pct", title: t("quotes.line.discount_pct"), align: "right", render: (_, r) => <span className={mark(changed(r.i, "discount_pct"))}>{r.line.discount_pct}%</span> },
          { key: "amount", title: t("quotes.line.amount"), align: "right", render: (_, r) => <span className={mark(changed(r.i, "amount"))}>{groupDigits(r.amount)}</span> },
        ]}
      />
      <Descriptions size="small" column={1} bordered className="revision-totals totals-list">
        <Descriptions.Item label={t("quotes.totals.subtotal")}>{money(quote.totals.subtotal)}</Descriptions.Item>
        {quote.totals.taxes.map((tax) => (
          <Descriptions.Item key={tax.rate_pct} label={t("quotes.totals.tax", { rate: tax.rate_pct })}>
            {money(tax.tax)}
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={<strong>{t("quotes.totals.total")}</strong>}>
          <strong className={mark(other !== undefined && other.totals.total !== quote.totals.total)} data-testid={`${testId}-total`}>
            {money(quote.totals.total)}
          </strong>
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}
