// What-if: start from the partner plan in effect for a period, change its parameters (a tier
// rate, a threshold, the cap …) and/or add hypothetical sales, and compare per partner the
// payout now and simulated, with the total cost to the company, and the payout curve of both
// plans (where a retroactive tier's cliff shows). Nothing is saved. Below: what a quote's
// deal earns the partner and the rep.
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Input, Select, Space, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { HypotheticalSale } from "../bindings/HypotheticalSale";
import type { IpcError } from "../bindings/IpcError";
import type { Plan } from "../bindings/Plan";
import type { WhatIfRow } from "../bindings/WhatIfRow";
import type { WhatIfView } from "../bindings/WhatIfView";
import { currentPeriod } from "../dashboard/periods";
import { groupDigits } from "../format/decimal";
import { toIpcError } from "../ipc/call";
import { effectivePlan, whatIf } from "../ipc/partners";
import { DealEarningsCard } from "./DealEarningsCard";
import { PayoutCurve } from "./PayoutCurve";
import { PeriodPicker } from "./PeriodPicker";
import { ErrorAt, type Errors } from "./plan/PlanField";
import { clean } from "./plan/planForm";
import { BonusLimitsLevels } from "./plan/PlanSections";
import { RateRuleEditor } from "./plan/RateRuleEditor";
import { usePartners } from "./queries";

export function WhatIfTab() {
  const { t } = useTranslation();
  const partners = usePartners();
  const [period, setPeriod] = useState(currentPeriod("quarter"));
  const [partner, setPartner] = useState<string | null>(null);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [base, setBase] = useState<string>("");
  const [sales, setSales] = useState<HypotheticalSale[]>([]);
  const [result, setResult] = useState<WhatIfView | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const errors: Errors = error?.fields ?? [];
  const resultCard = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (result) resultCard.current?.scrollIntoView?.({ block: "start", behavior: "smooth" });
  }, [result]);

  const load = async () => {
    setError(null);
    try {
      const v = await effectivePlan("partner", period);
      setPlan(v.plan);
      setBase(`${v.summary.name} v${v.summary.version}`);
      setResult(null);
    } catch (e) {
      setError(toIpcError(e));
    }
  };
  const run = async () => {
    if (!plan) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await whatIf(clean(plan), period, partner, sales));
    } catch (e) {
      setError(toIpcError(e));
    } finally {
      setBusy(false);
    }
  };
  const setSale = (i: number, f: (s: HypotheticalSale) => void) => setSales((list) => list.map((s, j) => (j === i ? (() => { const c = { ...s }; f(c); return c; })() : s)));
  const cur = result?.result.currency ?? plan?.currency ?? "";
  const money = (v: string | null) => (v === null ? "—" : <span className="num">{groupDigits(v)} {cur}</span>);
  const columns: ColumnsType<WhatIfRow> = [
    { key: "payee", title: t("partners.whatif.payee"), render: (_, r) => <span data-testid={`whatif-row-${r.payee}`}>{r.payee}</span> },
    { key: "current", title: t("partners.whatif.current"), align: "right", render: (_, r) => <span data-testid={`whatif-current-${r.payee}`}>{money(r.current)}</span> },
    { key: "draft", title: t("partners.whatif.simulated"), align: "right", render: (_, r) => <span data-testid={`whatif-simulated-${r.payee}`}>{money(r.draft)}</span> },
    { key: "diff", title: t("partners.whatif.difference"), align: "right", render: (_, r) => <span className={r.difference.startsWith("-") ? "diff-down" : /^0*(\.0*)?$/.test(r.difference) ? "" : "diff-up"}>{money(r.difference)}</span> },
  ];
  return (
    <div className="whatif" data-testid="whatif-tab">
      <Card size="small" title={t("partners.whatif.title")} className="section">
        <Space wrap>
          <PeriodPicker value={period} onChange={setPeriod} testId="whatif-period" />
          <Select allowClear style={{ width: 200 }} placeholder={t("partners.allPartners")} value={partner ?? undefined} onChange={(v) => setPartner(v ?? null)}
            options={(partners.data ?? []).map((p) => ({ value: p.code, label: `${p.code} ${p.name}` }))} data-testid="whatif-partner" />
          <Button onClick={() => void load()} data-testid="whatif-load">{t("partners.whatif.load")}</Button>
          {base && <Typography.Text type="secondary">{t("partners.whatif.startsFrom", { plan: base })}</Typography.Text>}
        </Space>
      </Card>
      {error && errors.length === 0 && <Alert type="error" showIcon className="section" message={t(`errorKind.${error.kind}`)} description={error.message} />}
      {plan && (
        <div className="plan-form">
          <Card size="small" title={t("partners.whatif.parameters")}>
            <ErrorAt errors={errors} path="$" />
            <RateRuleEditor rule={plan.rate} path="rate" errors={errors} allowAttainment={false} onChange={(r) => setPlan({ ...plan, rate: r })} />
          </Card>
          <BonusLimitsLevels plan={plan} onChange={setPlan} errors={errors} />
          <Card size="small" title={t("partners.whatif.hypothetical")} data-testid="whatif-sales">
            {sales.map((s, i) => (
              <div className="plan-row" key={i}>
                <Select style={{ width: 180 }} value={s.partner || undefined} placeholder={t("partners.fields.partner")} onChange={(v) => setSale(i, (x) => (x.partner = v))}
                  options={(partners.data ?? []).map((p) => ({ value: p.code, label: `${p.code} ${p.name}` }))} data-testid={`whatif-sale-${i}-partner`} />
                <Input style={{ width: 120 }} placeholder="YYYY-MM-DD" value={s.date} onChange={(e) => setSale(i, (x) => (x.date = e.target.value))} data-testid={`whatif-sale-${i}-date`} />
                <Input style={{ width: 140 }} placeholder={t("partners.line.amount")} value={s.amount} onChange={(e) => setSale(i, (x) => (x.amount = e.target.value))} data-testid={`whatif-sale-${i}-amount`} />
                <Input style={{ width: 130 }} placeholder={t("partners.line.productLine")} value={s.product_line} onChange={(e) => setSale(i, (x) => (x.product_line = e.target.value))} />
                <Input style={{ width: 130 }} placeholder={t("partners.plan.customerType")} value={s.customer_type} onChange={(e) => setSale(i, (x) => (x.customer_type = e.target.value))} />
                <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t("common.delete")} onClick={() => setSales((l) => l.filter((_, j) => j !== i))} />
                {(["partner", "date", "amount"] as const).map((f) => <ErrorAt key={f} errors={errors} path={`sales[${i}].${f}`} />)}
              </div>
            ))}
            <Button size="small" icon={<PlusOutlined />} onClick={() => setSales((l) => [...l, { partner: partner ?? "", rep: null, date: "", amount: "", product_line: "", customer_type: "" }])} data-testid="whatif-add-sale">
              {t("partners.whatif.addSale")}
            </Button>
          </Card>
          <Button type="primary" loading={busy} onClick={() => void run()} data-testid="whatif-run">{t("partners.whatif.run")}</Button>
        </div>
      )}
      {result && (
        <div ref={resultCard}>
        <Card size="small" title={t("partners.whatif.resultTitle", { current: result.result.current_plan ?? t("partners.whatif.noPlan"), period: result.result.period })} className="section" style={{ marginTop: 12 }}>
          <Table<WhatIfRow>
            rowKey="payee"
            size="small"
            columns={columns}
            dataSource={result.result.rows}
            pagination={false}
            data-testid="whatif-table"
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}><b>{t("partners.whatif.cost")}</b></Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right"><span data-testid="whatif-current-total">{money(result.result.current_total)}</span></Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right"><span data-testid="whatif-simulated-total">{money(result.result.draft_total)}</span></Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right"><span data-testid="whatif-difference-total">{money(result.result.difference)}</span></Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
          <Typography.Title level={5}>{t("partners.whatif.curveTitle")}</Typography.Title>
          <PayoutCurve points={result.curve} boundaries={result.boundaries} currency={cur} />
        </Card>
        </div>
      )}
      <div style={{ marginTop: 12 }}>
        <DealEarningsCard />
      </div>
    </div>
  );
}
