// The one generic table page (customers, contacts, products, opportunities): search,
// server-side sort and paging, create/edit drawer, soft delete, import and export.
// Everything table-specific comes from its TableConfig.
import { PlusOutlined, SearchOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Input, Table, Typography } from "antd";
import type { ColumnsType, SorterResult, SortOrder, TablePaginationConfig } from "antd/es/table/interface";
import { useEffect, useState, type HTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { useReportError } from "../components/useReportError";
import { toIpcError } from "../ipc/call";
import { useDataView } from "../ipc/masking";
import { RevealButton } from "../masking/RevealButton";
import { ExportButtons } from "./ExportButtons";
import { ImportButton } from "./ImportButton";
import { RecordDrawer } from "./RecordDrawer";
import { RowActions } from "./RowActions";
import type { EditableKey, TableConfig } from "./types";
import { listQueryKey, useListQuery } from "./useListQuery";

type Editing<Input> = { input: Input; refLabels?: Partial<Record<EditableKey<Input>, string>>; masked?: string[] };

/** The fields the server sent masked (by the data view's policy). */
const maskedOf = (row: object): string[] => (row as { masked?: string[] }).masked ?? [];

export function TablePage<Row extends { id: string }, Input extends { id: string | null }>({
  config,
}: {
  config: TableConfig<Row, Input>;
}) {
  const { table, api } = config;
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const reportError = useReportError();
  const list = useListQuery();
  const [editing, setEditing] = useState<Editing<Input> | undefined>();
  const canReveal = useDataView().data?.can_reveal ?? false;

  const result = useQuery({
    queryKey: listQueryKey(table, list.query),
    queryFn: () => api.list(list.query),
    placeholderData: keepPreviousData,
  });
  const total = Number(result.data?.total ?? 0);

  // After deleting the last row of the last page, step back to a page that exists.
  const { page, page_size } = list.query;
  const { setPage } = list;
  const emptyPage = !result.isPlaceholderData && result.data?.items.length === 0 && page > 1 && total > 0;
  useEffect(() => {
    if (emptyPage) setPage(Math.ceil(total / page_size), page_size);
  }, [emptyPage, total, page_size, setPage]);

  // A write can change other tables' rows too (customer names, counts): refresh all.
  const refresh = () => client.invalidateQueries();

  const save = async (input: Input) => {
    await api.save(input);
    setEditing(undefined);
    void message.success(t("common.saved"));
    await refresh();
  };

  const remove = async (id: string) => {
    try {
      await api.remove(id);
      void message.success(t("common.deleted"));
      await refresh();
    } catch (raw) {
      reportError(toIpcError(raw));
    }
  };

  const columns: ColumnsType<Row> = [
    ...config.columns.map((c) => ({
      key: c.key,
      title: t(`${table}.fields.${c.key}`),
      align: c.align,
      width: c.width,
      ellipsis: true,
      sorter: c.sortable ?? false,
      sortOrder: (c.sortable && list.query.sort === c.key ? (list.query.desc ? "descend" : "ascend") : null) as SortOrder,
      render: (_: unknown, row: Row) => {
        const content = c.render(row, t, i18n.language);
        if (!maskedOf(row).includes(c.key)) return content;
        return (
          <span className="masked-cell" data-testid={`masked-${row.id}-${c.key}`}>
            {content}
            {canReveal && <RevealButton table={table} id={row.id} field={c.key} label={t(`${table}.fields.${c.key}`)} />}
          </span>
        );
      },
    })),
    {
      key: "__actions",
      title: t("common.actions"),
      fixed: "right" as const,
      width: 150,
      render: (_: unknown, row: Row) => (
        <RowActions
          id={row.id}
          onEdit={() => setEditing({ input: config.toInput(row), refLabels: config.refLabels?.(row), masked: maskedOf(row) })}
          onDelete={() => remove(row.id)}
        />
      ),
    },
  ];

  const onChange = (pagination: TablePaginationConfig, _filters: unknown, sorter: SorterResult<Row> | SorterResult<Row>[]) => {
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
          {t(`${table}.title`)}
        </Typography.Title>
        <Input
          className="table-search"
          prefix={<SearchOutlined />}
          placeholder={t("common.search")}
          allowClear
          value={list.searchText}
          onChange={(e) => list.setSearchText(e.target.value)}
          data-testid={`${table}-search`}
        />
        <span className="table-total" data-testid={`${table}-total`}>
          {t("common.total", { n: total })}
        </span>
        <span className="toolbar-spacer" />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ input: config.emptyInput() })} data-testid={`${table}-new`}>
          {t("common.new")}
        </Button>
        <ImportButton table={table} onImported={() => void refresh()} />
        <ExportButtons table={table} />
      </div>
      {result.isError && <Alert type="error" showIcon message={t(`errorKind.${result.error.kind}`)} description={result.error.message} />}
      <div data-testid={`${table}-table`}>
        <Table<Row>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={result.data?.items ?? []}
          loading={result.isFetching}
          onChange={onChange}
          onRow={(row) => ({ "data-testid": `row-${row.id}` }) as HTMLAttributes<HTMLElement>}
          pagination={{
            current: list.query.page,
            pageSize: list.query.page_size,
            total,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            size: "small",
          }}
          scroll={{ x: "max-content", y: "calc(100vh - 230px)" }}
        />
      </div>
      <RecordDrawer
        table={table}
        fields={config.fields}
        input={editing?.input}
        refLabels={editing?.refLabels}
        masked={editing?.masked}
        canReveal={canReveal}
        onSave={save}
        onClose={() => setEditing(undefined)}
        onError={reportError}
      />
    </div>
  );
}
