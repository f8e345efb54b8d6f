// One statement version as a sheet: every line with its base, the rule and tier that applied
// (with the parts it was computed from), rate and share; pending lines; adjustments (carried
// balance, bonus, cap, floor, debt carried), clawbacks, carry-forward, the total in figures
// and in words (大写), and the rounding rule. Review it, then lock it: a locked version never
// changes (re-running makes a new version). Export PDF / CSV / XLSX through the native dialog,
// or the PDF into the documents folder beside the database.
import { ArrowLeftOutlined, LockOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Checkbox, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Payee } from "../bindings/Payee";
import type { StatementLine } from "../bindings/StatementLine";
import type { StatementStatus } from "../bindings/StatementStatus";
import type { StatementView } from "../bindings/StatementView";
import { useReportError } from "../components/useReportError";
import { groupDigits } from "../format/decimal";
import { timestampText } from "../format/display";
import { toIpcError } from "../ipc/call";
import { getStatement, lockStatement } from "../ipc/partners";
import { PARTNERS, useRefreshPartners } from "./queries";
import { partText, ruleText } from "./ruleText";
import { StatementExport } from "./StatementExport";

export function StatusTag({ status }: { status: StatementStatus }) {
  const { t } = useTranslation();
  return <Tag color={status === "locked" ? "green" : "gold"} icon={status === "locked" ? <LockOutlined /> : undefined}>{t(`partners.statementStatus.${status}`)}</Tag>;
}

type Props = { payee: Payee; period: string; version: number; onBack: () => void; onOpen: (o: { payee: Payee; period: string; version: number }) => void };

export function StatementSheet({ payee, period, version, onBack, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const key = [...PARTNERS, "statement", payee.kind, payee.code, period, version];
  const view = useQuery({ queryKey: key, queryFn: () => getStatement(payee, period, version) });
  const client = useQueryClient();
  const refresh = useRefreshPartners();
  const reportError = useReportError();
  const [reviewed, setReviewed] = useState(false);
  const [locking, setLocking] = useState(false);
  const v = view.data;
  const lock = async () => {
    setLocking(true);
    try {
      const locked = await lockStatement(payee, period, version);
      client.setQueryData<StatementView>(key, locked);
      refresh();
    } catch (e) {
      reportError(toIpcError(e));
    } finally {
      setLocking(false);
    }
  };
  if (!v) return view.isError ? <Alert type="error" showIcon message={view.error.message} /> : <Card loading />;
  const rec = v.record;
  const s = rec.statement;
  const cur = s.currency;
  const money = (x: string) => <span className="num">{groupDigits(x)} {cur}</span>;
  const locked = rec.status === "locked";
  const role = (l: StatementLine) =>
    l.role.kind === "own" ? t("partners.role.own") : l.role.kind === "sub_partner" ? t("partners.role.sub", { code: l.role.partner_id }) : t("partners.role.clawback", { of: l.role.of });
  const columns: ColumnsType<StatementLine> = [
    { key: "line", title: t("partners.line.ref"), width: 120, render: (_, l) => <span data-testid={`statement-line-${l.line_id}`}>{l.line_id}</span> },
    { key: "date", title: t("partners.line.date"), width: 100, render: (_, l) => l.date },
    { key: "role", title: t("partners.statement.role"), width: 130, render: (_, l) => role(l) },
    {
      key: "rule",
      title: t("partners.statement.rule"),
      render: (_, l) => (
        <>
          <div>{ruleText(t, l.rule)}</div>
          {l.parts.map((p, i) => (
            <Tooltip key={i} title={p.note}>
              <div className="rule-parts">{partText(t, p)}</div>
            </Tooltip>
          ))}
        </>
      ),
    },
    { key: "base", title: t("partners.statement.base"), width: 140, align: "right", render: (_, l) => money(l.base) },
    { key: "rate", title: t("partners.statement.rate"), width: 90, align: "right", render: (_, l) => <span className="num">{trimRate(l.rate_pct)}%</span> },
    { key: "share", title: t("partners.statement.share"), width: 140, align: "right", render: (_, l) => <span data-testid={`statement-share-${l.line_id}`}>{money(l.share)}</span> },
  ];
  return (
    <div className="statement-sheet" data-testid="statement-sheet">
      <div className="toolbar">
        <Button icon={<ArrowLeftOutlined />} onClick={onBack} data-testid="statement-back">{t("partners.statement.back")}</Button>
        <Typography.Title level={5} style={{ margin: 0 }} data-testid="statement-title">
          {t("partners.statement.title", { payee: v.payee_name, period: rec.period_label })}
        </Typography.Title>
        <span data-testid="statement-status" data-status={rec.status}><StatusTag status={rec.status} /></span>
        <Select
          size="small"
          value={rec.version}
          style={{ width: 150 }}
          onChange={(n) => onOpen({ payee, period, version: n })}
          options={v.versions.map((x) => ({ value: x.version, label: `v${x.version} · ${t(`partners.statementStatus.${x.status}`)}` }))}
          data-testid="statement-version"
        />
        <span className="toolbar-spacer" />
        <span className="muted">{t("partners.statement.planUsed", { plan: `${rec.plan_name} v${rec.plan_version}`, from: s.period.from, to: s.period.to })}</span>
      </div>
      {locked && <Alert type="success" showIcon className="section" message={<span data-testid="statement-locked">{t("partners.statement.lockedAt", { at: rec.locked_at ? timestampText(rec.locked_at, i18n.language) : "" })}</span>} />}
      <Card size="small" title={t("partners.statement.linesTitle")} className="section">
        <Table<StatementLine> rowKey="line_id" size="small" columns={columns} dataSource={s.lines} pagination={{ pageSize: 100, hideOnSinglePage: true }} data-testid="statement-lines" />
        {s.pending.length > 0 && (
          <div data-testid="statement-pending">
            <Typography.Text strong>{t("partners.statement.pending")}</Typography.Text>
            <ul>{s.pending.map((p) => <li key={p.line_id}>{p.line_id}: {p.reason}</li>)}</ul>
          </div>
        )}
      </Card>
      <Card size="small" title={t("partners.statement.adjustmentsTitle")} className="section">
        <ul data-testid="statement-adjustments">
          {s.adjustments.map((a, i) => (
            <li key={i} data-testid={`statement-adjustment-${a.kind}`}>
              {t(`partners.adjustment.${a.kind}`)}: {money(a.amount)} <span className="muted">({a.note})</span>
            </li>
          ))}
          {s.adjustments.length === 0 && <li className="muted">{t("partners.statement.noAdjustments")}</li>}
        </ul>
        <div className="totals">
          <span className="label">{t("partners.statement.linesTotal")}</span><span data-testid="statement-lines-total">{money(s.lines_total)}</span>
          <span className="label">{t("partners.statement.carriedOut")}</span><span data-testid="statement-carried-out">{money(s.carried_out)}</span>
          {!isZero(s.forfeited) && <><span className="label">{t("partners.statement.forfeited")}</span><span>{money(s.forfeited)}</span></>}
          <span className="label grand">{t("partners.statement.total")}</span><span className="grand" data-testid="statement-total">{money(s.total)}</span>
        </div>
        <div className="words" data-testid="statement-words">{t("partners.statement.inWords")}: {v.words}</div>
        {v.words_en !== v.words && <div className="words muted" data-testid="statement-words-en">{v.words_en}</div>}
        <div className="muted" data-testid="statement-rounding">{t("partners.statement.rounding")}: {s.rounding}</div>
      </Card>
      <Card size="small" title={t("partners.statement.reviewTitle")} className="section">
        <Space wrap>
          <Checkbox checked={locked || reviewed} disabled={locked} onChange={(e) => setReviewed(e.target.checked)} data-testid="statement-reviewed">
            <span data-testid="statement-reviewed-label">{t("partners.statement.reviewed")}</span>
          </Checkbox>
          <Popconfirm title={t("partners.statement.lockConfirm")} onConfirm={() => void lock()} okButtonProps={{ "data-testid": "statement-lock-confirm" }} disabled={locked || !reviewed}>
            <Button type="primary" icon={<LockOutlined />} disabled={locked || !reviewed} loading={locking} data-testid="statement-lock">
              {t("partners.statement.lock")}
            </Button>
          </Popconfirm>
        </Space>
      </Card>
      <StatementExport payee={payee} period={period} version={rec.version} />
    </div>
  );
}

const isZero = (v: string) => /^-?0*(\.0*)?$/.test(v);

/** 5.000000 → 5, 4.1666666667 → 4.1667 (the exact rate is in the export). */
function trimRate(rate: string): string {
  const [int, frac = ""] = rate.split(".");
  const f = frac.slice(0, 4).replace(/0+$/, "");
  return f ? `${int}.${f}` : (int ?? rate);
}
