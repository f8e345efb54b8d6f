// The builder's title bar: back to the list, the quote number and status, the revision
// switch (R1, R2, …) with "Compare revisions", and the status actions on the right.
import { ArrowLeftOutlined, DiffOutlined } from "@ant-design/icons";
import { Button, Segmented, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Quote } from "../bindings/Quote";
import { MaskedText } from "../masking/MaskedText";
import { StatusTag } from "./StatusTag";

type Props = {
  quote: Quote | undefined;
  revisions: Quote[];
  viewing: number;
  onView: (index: number) => void;
  onCompare: () => void;
  onBack: () => void;
  actions: ReactNode;
};

export function BuilderHeader({ quote, revisions, viewing, onView, onCompare, onBack, actions }: Props) {
  const { t } = useTranslation();
  const title = quote === undefined ? t("quotes.newTitle") : (quote.number ?? t("quotes.noNumber"));
  return (
    <div className="builder-header">
      <Button icon={<ArrowLeftOutlined />} onClick={onBack} data-testid="quote-back">
        {t("quotes.backToList")}
      </Button>
      <Typography.Title level={4} className="page-title" data-testid="quote-number">
        {title}
      </Typography.Title>
      {quote && <StatusTag status={quote.status} testId="quote-status" />}
      {quote && <Typography.Text type="secondary">{quote.customer_name}</Typography.Text>}
      {quote && (
        <Typography.Text type="secondary" data-testid="quote-owner">
          {t("quotes.fields.owner")}:{" "}
          <MaskedText table="quotes" id={quote.id} field="owner" label={t("quotes.fields.owner")} masked={quote.masked}>
            {quote.owner}
          </MaskedText>
        </Typography.Text>
      )}
      {revisions.length > 1 && (
        <>
          <Segmented
            size="small"
            value={viewing}
            onChange={(v) => onView(Number(v))}
            options={revisions.map((r, i) => ({
              value: i,
              label: <span data-testid={`quote-rev-${r.revision}`}>R{r.revision}</span>,
            }))}
          />
          <Button size="small" icon={<DiffOutlined />} onClick={onCompare} data-testid="quote-revisions-compare">
            {t("quotes.compare")}
          </Button>
        </>
      )}
      <span className="toolbar-spacer" />
      {actions}
    </div>
  );
}
