// Statements (对账单): run a period (month, quarter, half, year) for one partner or every
// partner with sales (one transaction), the versions stored, and one opened for review.
import { PlayCircleOutlined } from "@ant-design/icons";
import { App, Button, Card, Select, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Payee } from "../bindings/Payee";
import type { StatementSummary } from "../bindings/StatementSummary";
import { useReportError } from "../components/useReportError";
import { currentPeriod } from "../dashboard/periods";
import { groupDigits } from "../format/decimal";
import { timestampText } from "../format/display";
import { toIpcError } from "../ipc/call";
import { runStatements } from "../ipc/partners";
import { PeriodPicker } from "./PeriodPicker";
import { usePartners, useRefreshPartners, useReps, useStatements } from "./queries";
import { StatementSheet, StatusTag } from "./StatementSheet";

type Opened = { payee: Payee; period: string; version: number };
const ALL = "*all";

export function StatementsTab() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const statements = useStatements();
  const partners = usePartners();
  const reps = useReps();
  const refresh = useRefreshPartners();
  const [period, setPeriod] = useState(currentPeriod("quarter"));
  const [who, setWho] = useState<string>(ALL);
  const [busy, setBusy] = useState(false);
  const [opened, setOpened] = useState<Opened | null>(null);

  const payeeOf = (value: string): Payee | null => {
    if (value === ALL) return null;
    const [kind, code] = value.split(":", 2);
    return kind === "rep" ? { kind: "rep", code: code ?? "" } : { kind: "partner", code: code ?? "" };
  };
  const run = async () => {
    setBusy(true);
    try {
      const made = await runStatements(payeeOf(who), period);
      void message.success(<span data-testid="statements-run-done">{t("partners.statement.ran", { n: made.length, period })}</span>);
      refresh();
      const first = made[0];
      if (made.length === 1 && first) setOpened({ payee: first.payee, period: first.period, version: first.version });
    } catch (e) {
      reportError(toIpcError(e));
    } finally {
      setBusy(false);
    }
  };
  if (opened) return <StatementSheet key={`${opened.payee.code}-${opened.period}-${opened.version}`} {...opened} onBack={() => setOpened(null)} onOpen={setOpened} />;

  const columns: ColumnsType<StatementSummary> = [
    {
      key: "payee",
      title: t("partners.statement.payee"),
      width: 110,
      render: (_, s) => (
        <Typography.Link onClick={() => setOpened({ payee: s.payee, period: s.period, version: s.version })} data-testid={`statement-open-${s.payee.code}-${s.period}-v${s.version}`}>
          {s.payee.kind === "rep" ? `${t("partners.fields.rep")} ${s.payee.code}` : s.payee.code}
        </Typography.Link>
      ),
    },
    { key: "period", title: t("partners.statement.period"), width: 100, render: (_, s) => s.period },
    { key: "version", title: t("partners.statement.version"), width: 70, render: (_, s) => `v${s.version}` },
    { key: "status", title: t("partners.statement.status"), width: 100, render: (_, s) => <StatusTag status={s.status} /> },
    { key: "plan", title: t("partners.statement.plan"), render: (_, s) => `${s.plan_name} v${s.plan_version}` },
    { key: "lines", title: t("partners.statement.lines"), width: 70, align: "right", render: (_, s) => s.line_count },
    { key: "total", title: t("partners.statement.total"), width: 160, align: "right", render: (_, s) => <span className="num">{groupDigits(s.total)} {s.currency}</span> },
    { key: "at", title: t("partners.statement.computedAt"), width: 150, render: (_, s) => timestampText(s.created_at, i18n.language) },
  ];
  return (
    <div data-testid="statements-tab">
      <Card size="small" title={t("partners.statement.runTitle")} className="section">
        <div className="toolbar">
          <PeriodPicker value={period} onChange={setPeriod} testId="statements-period" />
          <Select
            style={{ width: 240 }}
            value={who}
            onChange={setWho}
            virtual={false}
            data-testid="statements-payee"
            options={[
              { value: ALL, label: <span data-testid="statements-payee-option-all">{t("partners.statement.allPartners")}</span> },
              ...(partners.data ?? []).map((p) => ({ value: `partner:${p.code}`, label: <span data-testid={`statements-payee-option-${p.code}`}>{`${p.code} ${p.name}`}</span> })),
              ...(reps.data ?? []).map((r) => ({ value: `rep:${r.code}`, label: <span data-testid={`statements-payee-option-rep-${r.code}`}>{`${t("partners.fields.rep")} ${r.code} ${r.name}`}</span> })),
            ]}
          />
          <Button type="primary" icon={<PlayCircleOutlined />} loading={busy} disabled={!period} onClick={() => void run()} data-testid="statements-run">
            {t("partners.statement.run")}
          </Button>
        </div>
      </Card>
      <Card size="small" title={t("partners.statement.listTitle")}>
        <Table<StatementSummary> rowKey="id" size="small" columns={columns} dataSource={statements.data ?? []} loading={statements.isLoading} pagination={{ pageSize: 20, hideOnSinglePage: true }} data-testid="statements-table" />
      </Card>
    </div>
  );
}
