// The quote list: search, server-side sort and paging, coloured status tags, totals with
// currency, "New quote", a click on a row opens the builder, and selected rows can be
// exported as PDFs in one go. The owner comes masked by the data view's policy (with the eye
// where the view may reveal).
import { PlusOutlined, SearchOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Button, Input, Table, Typography } from "antd";
import type { ColumnsType, SorterResult, SortOrder, TablePaginationConfig } from "antd/es/table/interface";
import { useState, type HTMLAttributes, type Key } from "react";
import { useTranslation } from "react-i18next";
import type { QuoteSummary } from "../bindings/QuoteSummary";
import { groupDigits } from "../format/decimal";
import { timestampText } from "../format/display";
import { listQuotes } from "../ipc/quotes";
import { MaskedText } from "../masking/MaskedText";
import { useListQuery } from "../table/useListQuery";
import { BatchExportButton } from "./BatchExportButton";
import { StatusTag } from "./StatusTag";

type Props = { onOpen: (id: string | null) => void };

export function QuoteList({ onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const list = useListQuery();
  const [selected, setSelected] = useState<string[]>([]);
  const result = useQuery({
    queryKey: ["quotes", "list", list.query],
    queryFn: () => listQuotes(list.query),
    placeholderData: keepPreviousData,
  });
  const total = Number(result.data?.total ?? 0);
  const sortOrder = (key: string) => (list.query.sort === key ? (list.query.desc ? "descend" : "ascend") : null) as SortOrder;
  const col = (key: string, render: (q: QuoteSummary) => React.ReactNode, extra: object = {}) => ({
    key,
    title: t(`quotes.fields.${key}`),
    sorter: true,
    sortOrder: sortOrder(key),
    ellipsis: true,
    render: (_: unknown, q: QuoteSummary) => render(q),
    ...extra,
  });
  const columns: ColumnsType<QuoteSummary> = [
    // The number is also a link, so a quote opens from the keyboard too.
    col(
      "number",
      (q) => (
        <Typography.Link onClick={() => onOpen(q.id)} data-testid={`open-${q.id}`} className={q.number ? undefined : "draft-link"}>
          {q.number ?? t("quotes.noNumber")}
        </Typography.Link>
      ),
      { width: 150 },
    ),
    col("customer_name", (q) => q.customer_name),
    col(
      "owner",
      (q) => (
        <MaskedText table="quotes" id={q.id} field="owner" label={t("quotes.fields.owner")} masked={q.masked}>
          {q.owner}
        </MaskedText>
      ),
      { width: 120, sorter: false },
    ),
    col("status", (q) => <StatusTag status={q.status} />, { width: 116 }),
    col("total", (q) => <span className="num">{groupDigits(q.total)} {q.currency}</span>, { align: "right", width: 150 }),
    col("quote_date", (q) => q.quote_date, { width: 104 }),
    col("valid_until", (q) => q.valid_until, { width: 104 }),
    col("updated_at", (q) => timestampText(q.updated_at, i18n.language), { width: 140 }),
  ];

  const onChange = (pagination: TablePaginationConfig, _f: unknown, sorter: SorterResult<QuoteSummary> | SorterResult<QuoteSummary>[]) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = s?.order ? String(s.columnKey) : null;
    const desc = s?.order === "descend";
    const sortChanged = field !== list.query.sort || desc !== list.query.desc;
    if (sortChanged) list.setSort(field, desc);
    list.setPage(sortChanged ? 1 : (pagination.current ?? 1), pagination.pageSize ?? list.query.page_size);
  };

  return (
    <div className="table-page">
      <div className="table-toolbar">
        <Typography.Title level={4} className="page-title">
          {t("quotes.title")}
        </Typography.Title>
        <Input
          className="table-search"
          prefix={<SearchOutlined />}
          placeholder={t("common.search")}
          title={t("quotes.searchHint")}
          allowClear
          value={list.searchText}
          onChange={(e) => list.setSearchText(e.target.value)}
          data-testid="quotes-search"
        />
        <span className="table-total" data-testid="quotes-total">
          {t("common.total", { n: total })}
        </span>
        <span className="toolbar-spacer" />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => onOpen(null)} data-testid="quotes-new">
          {t("quotes.new")}
        </Button>
        <BatchExportButton ids={selected} />
      </div>
      {result.isError && <Alert type="error" showIcon message={t(`errorKind.${result.error.kind}`)} description={result.error.message} />}
      <div data-testid="quotes-table">
        <Table<QuoteSummary>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={result.data?.items ?? []}
          loading={result.isFetching}
          onChange={onChange}
          rowClassName="clickable-row"
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys: Key[]) => setSelected(keys.map(String)),
            preserveSelectedRowKeys: true,
          }}
          onRow={(q) =>
            ({
              "data-testid": `row-${q.id}`,
              onClick: (e: React.MouseEvent) => {
                // The selection checkbox cell selects; the number link opens by itself.
                if ((e.target as HTMLElement).closest(".ant-table-selection-column, a")) return;
                onOpen(q.id);
              },
            }) as HTMLAttributes<HTMLElement>
          }
          pagination={{
            current: list.query.page,
            pageSize: list.query.page_size,
            total,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            size: "small",
          }}
          scroll={{ x: 960, y: "calc(100vh - 230px)" }}
        />
      </div>
    </div>
  );
}
