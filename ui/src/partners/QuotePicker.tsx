// Picks a quote by number (newest first; only accepted ones when asked), showing customer
// and total. Options carry `<testId>-option-<number>`.
import { useQuery } from "@tanstack/react-query";
import { Select } from "antd";
import { useTranslation } from "react-i18next";
import { groupDigits } from "../format/decimal";
import { listQuotes } from "../ipc/quotes";

type Props = { value: string | null; onChange: (quoteId: string | null) => void; acceptedOnly: boolean; testId: string };

export function QuotePicker({ value, onChange, acceptedOnly, testId }: Props) {
  const { t } = useTranslation();
  const quotes = useQuery({
    queryKey: ["quotes", "picker"],
    queryFn: () => listQuotes({ search: null, sort: "updated_at", desc: true, page: 1, page_size: 200 }),
  });
  const rows = (quotes.data?.items ?? []).filter((q) => q.number && (!acceptedOnly || q.status === "accepted"));
  return (
    <Select
      showSearch
      allowClear
      virtual={false}
      style={{ width: 360 }}
      placeholder={t(acceptedOnly ? "partners.takeQuote.pickAccepted" : "partners.takeQuote.pick")}
      value={value ?? undefined}
      loading={quotes.isLoading}
      onChange={(v) => onChange(v ?? null)}
      optionFilterProp="search"
      notFoundContent={t("partners.takeQuote.none")}
      options={rows.map((q) => ({
        value: q.id,
        search: `${q.number} ${q.customer_name}`,
        label: (
          <span data-testid={`${testId}-option-${q.number}`}>
            {q.number} · {q.customer_name} · {groupDigits(q.total)} {q.currency}
            {!acceptedOnly && ` · ${t(`quoteStatus.${q.status}`)}`}
          </span>
        ),
      }))}
      data-testid={testId}
    />
  );
}
