// Partners (region, level 一级/二级, parent, contract period, bank details masked by the data
// view's policy) and sales reps with their monthly quotas; both imported from CSV/XLSX here.
import { MaskedText } from "../masking/MaskedText";
import { Alert, Card, Table, Tag, Tooltip } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import type { PartnerRow } from "../bindings/PartnerRow";
import type { RepRow } from "../bindings/RepRow";
import { groupDigits } from "../format/decimal";
import { PartnerImportButton } from "./PartnerImportButton";
import { usePartners, useRefreshPartners, useReps } from "./queries";

/** 一级 / 二级 … in Chinese, "Level 1" in English. */
export function LevelTag({ level }: { level: number }) {
  const { t } = useTranslation();
  return <Tag color={level === 1 ? "blue" : "geekblue"}>{t("partners.level", { n: level, zh: "一二三四五六七八九"[level - 1] ?? level })}</Tag>;
}

/** A bank detail as the data view shows it, with the eye where the view may reveal it. */
function Masked({ row, field, value, label }: { row: PartnerRow; field: string; value: string; label: string }) {
  const { t } = useTranslation();
  if (!row.masked.includes(field)) return <span>{value}</span>;
  return (
    <span className="masked-value" data-testid={`masked-${row.code}-${field}`}>
      <MaskedText table="partners" id={row.id} field={field} label={label} masked={row.masked}>
        <Tooltip title={t("partners.maskedHint")}>{value}</Tooltip>
      </MaskedText>
    </span>
  );
}

export function PartnerListTab() {
  const { t } = useTranslation();
  const partners = usePartners();
  const reps = useReps();
  const refresh = useRefreshPartners();
  const columns: ColumnsType<PartnerRow> = [
    { key: "code", title: t("partners.fields.code"), width: 90, render: (_, p) => <span data-testid={`partner-${p.code}`}>{p.code}</span> },
    { key: "name", title: t("partners.fields.name"), width: 170, render: (_, p) => p.name },
    { key: "region", title: t("partners.fields.region"), width: 90, render: (_, p) => p.region },
    { key: "level", title: t("partners.fields.level"), width: 90, render: (_, p) => <LevelTag level={p.level} /> },
    { key: "parent", title: t("partners.fields.parent"), width: 90, render: (_, p) => p.parent_code ?? "—" },
    { key: "contract", title: t("partners.fields.contract"), width: 180, render: (_, p) => (p.contract_start || p.contract_end ? `${p.contract_start ?? "…"} – ${p.contract_end ?? "…"}` : "—") },
    { key: "bank", title: t("partners.fields.bank"), width: 120, render: (_, p) => p.bank_name },
    { key: "holder", title: t("partners.fields.holder"), width: 110, render: (_, p) => <Masked row={p} field="bank_account_holder" value={p.bank_account_holder} label={t("partners.fields.holder")} /> },
    { key: "number", title: t("partners.fields.account"), width: 200, render: (_, p) => <Masked row={p} field="bank_account_number" value={p.bank_account_number} label={t("partners.fields.account")} /> },
  ];
  const repColumns: ColumnsType<RepRow> = [
    { key: "code", title: t("partners.fields.repCode"), width: 110, render: (_, r) => r.code },
    { key: "name", title: t("partners.fields.repName"), width: 160, render: (_, r) => r.name },
    {
      key: "quotas",
      title: t("partners.fields.quotas"),
      render: (_, r) =>
        r.quotas.length === 0 ? "—" : r.quotas.map((q) => <Tag key={q.month} className="num">{`${q.month}: ${groupDigits(q.amount)}`}</Tag>),
    },
  ];
  return (
    <div data-testid="partners-list">
      <div className="toolbar">
        <PartnerImportButton kind="partners" onImported={refresh} primary />
        <PartnerImportButton kind="reps" onImported={refresh} />
        <span className="toolbar-spacer" />
        <span data-testid="partners-total">{t("common.total", { n: partners.data?.length ?? 0 })}</span>
      </div>
      {partners.isError && <Alert type="error" showIcon message={partners.error.message} />}
      <Card size="small" title={t("partners.partnersTitle")} className="section">
        <Table<PartnerRow> rowKey="code" size="small" columns={columns} dataSource={partners.data ?? []} loading={partners.isLoading} pagination={{ pageSize: 20, hideOnSinglePage: true }} data-testid="partners-table" />
      </Card>
      <Card size="small" title={t("partners.repsTitle")} className="section">
        <Table<RepRow> rowKey="code" size="small" columns={repColumns} dataSource={reps.data ?? []} loading={reps.isLoading} pagination={{ pageSize: 20, hideOnSinglePage: true }} data-testid="reps-table" />
      </Card>
    </div>
  );
}
