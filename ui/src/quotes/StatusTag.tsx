// A quote's status as a coloured tag (the same colours in the list and the builder).
import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { QuoteStatus } from "../bindings/QuoteStatus";
import { STATUS_COLORS } from "./status";

export function StatusTag({ status, testId }: { status: QuoteStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={testId} className="status-tag">
      {t(`quoteStatus.${status}`)}
    </Tag>
  );
}
