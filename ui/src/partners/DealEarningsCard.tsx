// "What does this deal earn the partner and the rep": a quote (any with a number), the partner
// it goes through and optionally the rep; the deal's lines are added to their period under
// the plans in effect, and the difference is what it earns. Nothing is stored.
import { Alert, Button, Card, Descriptions, Select, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { DealEarnings } from "../bindings/DealEarnings";
import type { IpcError } from "../bindings/IpcError";
import type { PayeeGain } from "../bindings/PayeeGain";
import { groupDigits } from "../format/decimal";
import { toIpcError } from "../ipc/call";
import { dealEarnings } from "../ipc/partners";
import { QuotePicker } from "./QuotePicker";
import { usePartners, useReps } from "./queries";

export function DealEarningsCard() {
  const { t } = useTranslation();
  const partners = usePartners();
  const reps = useReps();
  const [quote, setQuote] = useState<string | null>(null);
  const [partner, setPartner] = useState<string | null>(null);
  const [rep, setRep] = useState<string | null>(null);
  const [result, setResult] = useState<DealEarnings | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const go = async () => {
    if (!quote || !partner) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await dealEarnings({ quote, partner, rep, customer_type: null, invoiced_on: null, paid_on: null }, null));
    } catch (e) {
      setError(toIpcError(e));
    } finally {
      setBusy(false);
    }
  };
  const gain = (g: PayeeGain, testId: string) =>
    g.plan === null ? (
      <span className="muted">{t("partners.deal.noPlan")}</span>
    ) : (
      <span data-testid={testId}>
        <b className="num">+{groupDigits(g.earns)} {result?.currency}</b>{" "}
        <span className="muted">({t("partners.deal.withWithout", { without: groupDigits(g.without), with: groupDigits(g.with), plan: g.plan })})</span>
      </span>
    );
  return (
    <Card size="small" title={t("partners.deal.title")} data-testid="deal-earnings">
      <Space wrap>
        <QuotePicker value={quote} onChange={setQuote} acceptedOnly={false} testId="deal-quote" />
        <Select style={{ width: 200 }} placeholder={t("partners.fields.partner")} value={partner ?? undefined} onChange={setPartner} options={(partners.data ?? []).map((p) => ({ value: p.code, label: `${p.code} ${p.name}` }))} data-testid="deal-partner" />
        <Select style={{ width: 180 }} allowClear placeholder={t("partners.fields.rep")} value={rep ?? undefined} onChange={(v) => setRep(v ?? null)} options={(reps.data ?? []).map((r) => ({ value: r.code, label: `${r.code} ${r.name}` }))} data-testid="deal-rep" />
        <Button type="primary" disabled={!quote || !partner} loading={busy} onClick={() => void go()} data-testid="deal-run">
          {t("partners.deal.run")}
        </Button>
      </Space>
      {error && <Alert type="error" showIcon style={{ marginTop: 12 }} message={t(`errorKind.${error.kind}`)} description={error.message} />}
      {result && (
        <Descriptions size="small" column={1} style={{ marginTop: 12 }} bordered>
          <Descriptions.Item label={t("partners.deal.deal")}>{t("partners.deal.dealText", { quote: result.quote_number, amount: groupDigits(result.deal_amount), currency: result.currency, period: result.period })}</Descriptions.Item>
          <Descriptions.Item label={t("partners.deal.partner", { code: result.partner.payee.code })}>{gain(result.partner, "deal-partner-earns")}</Descriptions.Item>
          {result.rep && <Descriptions.Item label={t("partners.deal.rep", { code: result.rep.payee.code })}>{gain(result.rep, "deal-rep-earns")}</Descriptions.Item>}
        </Descriptions>
      )}
    </Card>
  );
}
