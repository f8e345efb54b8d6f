// The totals beside the lines, as the live preview computes them: subtotal, document
// discount, net, tax per rate, the total, the total in words (大写 and English), the internal
// cost and margin, and which approval the discounts need.
import { Alert, Descriptions, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { QuotePreview } from "../bindings/QuotePreview";
import { groupDigits } from "../format/decimal";

type Props = { preview: QuotePreview | undefined; currency: string; taxInclusive: boolean };

export function TotalsPanel({ preview, currency, taxInclusive }: Props) {
  const { t } = useTranslation();
  const money = (amount: string | undefined) => (amount === undefined ? "" : `${groupDigits(amount)} ${currency}`);
  const totals = preview?.totals;
  const discounted = totals !== undefined && !/^0(\.0+)?$/.test(totals.discount);
  return (
    <div className="totals-panel">
      {preview && preview.required_approval !== "none" && (
        <Alert
          type="warning"
          showIcon
          className="approval-hint"
          message={
            <span data-testid="quote-approval-hint">
              {t(`quotes.approvalHint.${preview.required_approval}`, { pct: preview.max_discount_pct })}
            </span>
          }
        />
      )}
      <Descriptions column={1} size="small" bordered className="totals-list">
        <Descriptions.Item label={taxInclusive ? t("quotes.totals.subtotalInclusive") : t("quotes.totals.subtotal")}>
          <span className="num" data-testid="quote-subtotal">{money(totals?.subtotal)}</span>
        </Descriptions.Item>
        {discounted && (
          <Descriptions.Item label={t("quotes.totals.discount")}>
            <span className="num" data-testid="quote-doc-discount">−{money(totals?.discount)}</span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t("quotes.totals.net")}>
          <span className="num">{money(totals?.net)}</span>
        </Descriptions.Item>
        {(totals?.taxes ?? []).map((tax) => (
          <Descriptions.Item key={tax.rate_pct} label={t("quotes.totals.tax", { rate: tax.rate_pct })}>
            <span className="num" data-testid={`quote-tax-${tax.rate_pct}`}>{money(tax.tax)}</span>
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={<strong>{t("quotes.totals.total")}</strong>}>
          <strong className="num quote-total" data-testid="quote-total">{money(totals?.total)}</strong>
        </Descriptions.Item>
        <Descriptions.Item label={t("quotes.totals.words")}>
          <span className="quote-words" data-testid="quote-words">{preview?.words ?? ""}</span>
          {preview?.words_en && (
            <Typography.Text type="secondary" className="quote-words-en" data-testid="quote-words-en">
              {preview.words_en}
            </Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item
          label={
            <span>
              {t("quotes.totals.margin")} <Tag className="internal-tag">{t("quotes.notPrinted")}</Tag>
            </span>
          }
          className="internal-row"
        >
          <span className="num" data-testid="quote-margin">
            {totals ? `${money(totals.margin)}${totals.margin_pct !== null ? ` · ${totals.margin_pct}%` : ""}` : ""}
          </span>
          {totals && (
            <Typography.Text type="secondary" className="totals-cost">
              {t("quotes.totals.cost", { cost: money(totals.cost) })}
            </Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}
