// The contract list: number, customer, status tag, template, value and date, newest first,
// with a text filter; "New contract" opens the dialog that makes one from an accepted quote.
// In the Legal review area only contracts in review (or sent back) are listed. The owner comes
// masked by the data view's policy (the filter never matches a masked owner).
import { PlusOutlined, SearchOutlined } from "@ant-design/icons";
import { Alert, Button, Input, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo, useState, type HTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import type { ContractSummary } from "../bindings/ContractSummary";
import { groupDigits } from "../format/decimal";
import { MaskedText } from "../masking/MaskedText";
import { ContractStatusTag } from "./ContractStatusTag";
import { NewContractModal } from "./NewContractModal";
import { useContracts } from "./queries";

type Props = { reviewQueue: boolean; onOpen: (id: string) => void };

export function ContractList({ reviewQueue, onOpen }: Props) {
  const { t } = useTranslation();
  const list = useContracts();
  const [search, setSearch] = useState("");
  const [creating, setCreating] = useState(false);
  const rows = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return (list.data ?? [])
      .filter((c) => !reviewQueue || c.status === "in_review" || c.status === "changes_requested")
      .filter((c) => !needle || [c.number, c.customer_name, c.quote_number, t(`contractStatus.${c.status}`)].some((s) => s.toLowerCase().includes(needle)));
  }, [list.data, search, reviewQueue, t]);

  const columns: ColumnsType<ContractSummary> = [
    {
      key: "number",
      title: t("contracts.fields.number"),
      width: 140,
      render: (_, c) => (
        <Typography.Link onClick={() => onOpen(c.id)} data-testid={`open-${c.id}`}>
          {c.number}
        </Typography.Link>
      ),
    },
    { key: "customer_name", title: t("contracts.fields.customer"), ellipsis: true, render: (_, c) => c.customer_name },
    { key: "status", title: t("contracts.fields.status"), width: 120, render: (_, c) => <ContractStatusTag status={c.status} /> },
    { key: "kind", title: t("contracts.fields.kind"), width: 130, render: (_, c) => t(`templateKind.${c.kind}`) },
    { key: "quote_number", title: t("contracts.fields.quote"), width: 130, render: (_, c) => c.quote_number },
    {
      key: "contract_value",
      title: t("contracts.fields.value"),
      align: "right",
      width: 160,
      render: (_, c) => <span className="num">{groupDigits(c.contract_value)} {c.currency}</span>,
    },
    { key: "contract_date", title: t("contracts.fields.date"), width: 110, render: (_, c) => c.contract_date },
    {
      key: "owner",
      title: t("contracts.fields.owner"),
      width: 120,
      render: (_, c) => (
        <MaskedText table="contracts" id={c.id} field="owner" label={t("contracts.fields.owner")} masked={c.masked}>
          {c.owner}
        </MaskedText>
      ),
    },
  ];

  return (
    <div className="table-page">
      <div className="table-toolbar">
        <Typography.Title level={4} className="page-title">
          {t(reviewQueue ? "contracts.queueTitle" : "contracts.title")}
        </Typography.Title>
        <Input
          className="table-search"
          prefix={<SearchOutlined />}
          placeholder={t("common.search")}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="contracts-search"
        />
        <span className="table-total" data-testid="contracts-total">
          {t("common.total", { n: rows.length })}
        </span>
        <span className="toolbar-spacer" />
        {!reviewQueue && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="contracts-new">
            {t("contracts.new")}
          </Button>
        )}
      </div>
      {list.isError && <Alert type="error" showIcon message={t(`errorKind.${list.error.kind}`)} description={list.error.message} />}
      <div data-testid="contracts-table">
        <Table<ContractSummary>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={rows}
          loading={list.isFetching}
          rowClassName="clickable-row"
          onRow={(c) =>
            ({
              "data-testid": `row-${c.id}`,
              onClick: (e: React.MouseEvent) => {
                if ((e.target as HTMLElement).closest("a")) return;
                onOpen(c.id);
              },
            }) as HTMLAttributes<HTMLElement>
          }
          pagination={{ pageSize: 50, size: "small", hideOnSinglePage: true }}
          locale={{ emptyText: t(reviewQueue ? "contracts.queueEmpty" : "contracts.empty") }}
        />
      </div>
      {creating && (
        <NewContractModal
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            onOpen(id);
          }}
        />
      )}
    </div>
  );
}
