// Sales lines: import a sales report (all or nothing; a file imported before is refused),
// take lines from an accepted quote, the import batches, and the lines of a partner / period.
import { FileAddOutlined } from "@ant-design/icons";
import { Button, Card, Select, Table, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { BatchRow } from "../bindings/BatchRow";
import type { LineRow } from "../bindings/LineRow";
import { groupDigits } from "../format/decimal";
import { timestampText } from "../format/display";
import { listSalesLines } from "../ipc/partners";
import { PartnerImportButton } from "./PartnerImportButton";
import { PeriodPicker } from "./PeriodPicker";
import { PARTNERS, useBatches, usePartners, useRefreshPartners } from "./queries";
import { TakeQuoteModal } from "./TakeQuoteModal";

const PAGE = 50;

export function SalesTab() {
  const { t, i18n } = useTranslation();
  const refresh = useRefreshPartners();
  const batches = useBatches();
  const partners = usePartners();
  const [partner, setPartner] = useState<string | null>(null);
  const [period, setPeriod] = useState("");
  const [batch, setBatch] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [taking, setTaking] = useState(false);
  const filter = { partner, period: period || null, batch_id: batch, page, page_size: PAGE };
  const lines = useQuery({ queryKey: [...PARTNERS, "lines", filter], queryFn: () => listSalesLines(filter), placeholderData: keepPreviousData });

  const batchColumns: ColumnsType<BatchRow> = [
    { key: "at", title: t("partners.batch.at"), width: 150, render: (_, b) => timestampText(b.imported_at, i18n.language) },
    { key: "kind", title: t("partners.batch.kind"), width: 90, render: (_, b) => <Tag>{t(`partners.batchKind.${b.kind}`, { defaultValue: b.kind })}</Tag> },
    { key: "file", title: t("partners.batch.file"), render: (_, b) => <span data-testid={`batch-${b.file_name}`}>{b.file_name}</span> },
    { key: "rows", title: t("partners.batch.rows"), width: 70, align: "right", render: (_, b) => b.rows },
    { key: "sha", title: "SHA-256", width: 120, render: (_, b) => <code>{b.sha256.slice(0, 12)}</code> },
    {
      key: "show",
      width: 90,
      render: (_, b) =>
        b.kind === "sales" ? (
          <Button size="small" type="link" onClick={() => { setBatch(b.id); setPage(1); }}>
            {t("partners.batch.showLines")}
          </Button>
        ) : null,
    },
  ];
  const money = (v: string, l: LineRow) => <span className="num">{groupDigits(v)} {l.currency}</span>;
  const lineColumns: ColumnsType<LineRow> = [
    { key: "ref", title: t("partners.line.ref"), width: 130, render: (_, l) => l.line_ref },
    { key: "date", title: t("partners.line.date"), width: 100, render: (_, l) => l.sale_date },
    { key: "partner", title: t("partners.line.partner"), width: 80, render: (_, l) => l.partner_code },
    { key: "rep", title: t("partners.line.rep"), width: 70, render: (_, l) => l.rep_code ?? "—" },
    { key: "customer", title: t("partners.line.customer"), ellipsis: true, render: (_, l) => l.customer },
    { key: "line", title: t("partners.line.productLine"), width: 110, render: (_, l) => l.product_line },
    { key: "amount", title: t("partners.line.amount"), align: "right", width: 140, render: (_, l) => money(l.amount, l) },
    { key: "invoiced", title: t("partners.line.invoiced"), width: 100, render: (_, l) => l.invoiced_on ?? "—" },
    { key: "paid", title: t("partners.line.paid"), width: 100, render: (_, l) => l.paid_on ?? t(`partners.payment.${l.payment_status}`, { defaultValue: l.payment_status }) },
    { key: "refund", title: t("partners.line.refundOf"), width: 100, render: (_, l) => l.refund_of ?? "" },
  ];
  return (
    <div data-testid="sales-tab">
      <div className="toolbar">
        <PartnerImportButton kind="sales" onImported={refresh} primary />
        <Button icon={<FileAddOutlined />} onClick={() => setTaking(true)} data-testid="sales-take-quote">
          {t("partners.takeQuote.button")}
        </Button>
      </div>
      <Card size="small" title={t("partners.batchesTitle")} className="section">
        <Table<BatchRow> rowKey="id" size="small" columns={batchColumns} dataSource={batches.data ?? []} loading={batches.isLoading} pagination={{ pageSize: 10, hideOnSinglePage: true }} data-testid="batches-table" />
      </Card>
      <Card size="small" title={t("partners.linesTitle")} className="section">
        <div className="toolbar">
          <Select
            allowClear
            placeholder={t("partners.allPartners")}
            style={{ width: 200 }}
            value={partner ?? undefined}
            onChange={(v) => { setPartner(v ?? null); setPage(1); }}
            options={(partners.data ?? []).map((p) => ({ value: p.code, label: `${p.code} ${p.name}` }))}
            data-testid="lines-partner"
          />
          <PeriodPicker value={period} onChange={(p) => { setPeriod(p); setPage(1); }} testId="lines-period" allowClear />
          {batch && (
            <Tag closable onClose={() => setBatch(null)}>
              {t("partners.batch.filtered")}
            </Tag>
          )}
          <span className="toolbar-spacer" />
          <span data-testid="lines-total">{t("common.total", { n: lines.data?.total ?? 0 })}</span>
        </div>
        <Table<LineRow>
          rowKey="line_ref"
          size="small"
          columns={lineColumns}
          dataSource={lines.data?.items ?? []}
          loading={lines.isLoading}
          pagination={{ current: page, pageSize: PAGE, total: lines.data?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
          data-testid="lines-table"
        />
      </Card>
      <TakeQuoteModal open={taking} onClose={() => setTaking(false)} onTaken={refresh} />
    </div>
  );
}
