// The KPI row: each figure with its change from the previous period and a small trend line;
// the counts open the records behind them. Target attainment and CAC/LTV show their formula.
import { Card, Col, Progress, Row, Statistic, Tooltip, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Dashboard } from "../bindings/Dashboard";
import type { DrillTarget } from "../bindings/DrillTarget";
import type { Kpis } from "../bindings/Kpis";
import { Sparkline } from "./charts";
import { dash, money, pct, plain, signed, toNumber } from "./money";

type Props = { d: Dashboard; onDrill: (target: DrillTarget, title: string) => void; onTargets: () => void; onCosts: () => void };

type Tile = { key: string; title: string; value: ReactNode; change?: string; trend: (k: Kpis) => number; drill?: DrillTarget; help?: string };

export function KpiCards({ d, onDrill, onTargets, onCosts }: Props) {
  const { t } = useTranslation();
  const k = d.kpi.current;
  const c = d.kpi.change;
  const cur = d.currency;
  const tiles: Tile[] = [
    { key: "win_rate", title: t("dashboard.kpi.winRate"), value: pct(k.win_rate_pct), change: c?.win_rate_pts != null ? `${signed(c.win_rate_pts)} ${t("dashboard.kpi.pts")}` : undefined, trend: (x) => toNumber(x.win_rate_pct) },
    { key: "won", title: t("dashboard.kpi.won"), value: money(k.won_amount, cur), change: c ? `${signed(c.won_amount)}` : undefined, trend: (x) => toNumber(x.won_amount), drill: { kind: "won" } },
    { key: "won_count", title: t("dashboard.kpi.wonCount"), value: plain(k.won_count), change: c ? signed(c.won_count) : undefined, trend: (x) => x.won_count, drill: { kind: "won" } },
    { key: "avg_deal", title: t("dashboard.kpi.avgDeal"), value: money(k.average_deal_size, cur), change: c?.average_deal_size != null ? signed(c.average_deal_size) : undefined, trend: (x) => toNumber(x.average_deal_size) },
    { key: "cycle", title: t("dashboard.kpi.cycle"), value: k.sales_cycle_days == null ? dash : t("dashboard.kpi.days", { n: k.sales_cycle_days }), change: c?.sales_cycle_days != null ? signed(c.sales_cycle_days) : undefined, trend: (x) => toNumber(x.sales_cycle_days) },
    { key: "pipeline", title: t("dashboard.kpi.pipeline"), value: money(k.open_pipeline, cur), change: c ? signed(c.open_pipeline) : undefined, trend: (x) => toNumber(x.open_pipeline), drill: { kind: "open" } },
    { key: "coverage", title: t("dashboard.kpi.coverage"), value: k.pipeline_coverage == null ? dash : `${k.pipeline_coverage}×`, trend: (x) => toNumber(x.pipeline_coverage), help: t("dashboard.kpi.coverageHelp") },
    { key: "new_customers", title: t("dashboard.kpi.newCustomers"), value: plain(k.new_customers), change: c ? signed(c.new_customers) : undefined, trend: (x) => x.new_customers, drill: { kind: "new_customers" } },
  ];
  const a = d.attainment;
  const e = d.economics;
  return (
    <>
      <Row gutter={[12, 12]} data-testid="kpi-cards">
        {tiles.map((tile) => (
          <Col key={tile.key} xs={12} md={6}>
            <Card size="small" className="kpi-card" data-testid={`kpi-${tile.key}`}>
              <Statistic
                title={tile.help ? <Tooltip title={tile.help}>{tile.title}</Tooltip> : tile.title}
                valueRender={() =>
                  tile.drill ? (
                    <Typography.Link onClick={() => onDrill(tile.drill as DrillTarget, tile.title)} data-testid={`kpi-${tile.key}-value`}>{tile.value}</Typography.Link>
                  ) : (
                    <span data-testid={`kpi-${tile.key}-value`}>{tile.value}</span>
                  )
                }
              />
              <Typography.Text type="secondary" className="kpi-change">
                {tile.change ? t("dashboard.kpi.vsPrevious", { change: tile.change }) : " "}
              </Typography.Text>
              <Sparkline values={d.kpi.trend.map(tile.trend)} testId={`spark-${tile.key}`} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]} className="dashboard-row">
        <Col xs={24} lg={12}>
          <Card size="small" title={t("dashboard.target.title")} extra={<Typography.Link onClick={onTargets} data-testid="open-targets">{t("dashboard.target.edit")}</Typography.Link>} data-testid="attainment-card">
            {a.target == null ? (
              <Typography.Text type="secondary">{t("dashboard.target.none")}</Typography.Text>
            ) : (
              <>
                <Progress percent={Math.min(100, toNumber(a.attainment_pct))} status={toNumber(a.attainment_pct) >= 100 ? "success" : "active"} format={() => pct(a.attainment_pct)} />
                <Typography.Text data-testid="attainment-text">{t("dashboard.target.line", { won: money(a.won, cur), target: money(a.target, cur) })}</Typography.Text>
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t("dashboard.economics.title")} extra={<Typography.Link onClick={onCosts} data-testid="open-costs">{t("dashboard.economics.edit")}</Typography.Link>} data-testid="economics-card">
            <Row gutter={12}>
              <Col span={8}><Statistic title="CAC" value={money(e.cac, cur)} /></Col>
              <Col span={8}><Statistic title="LTV" value={money(e.ltv, cur)} /></Col>
              <Col span={8}><Statistic title="LTV : CAC" value={e.ltv_to_cac ?? dash} /></Col>
            </Row>
            <Typography.Paragraph type="secondary" className="formula">
              {t("dashboard.economics.formula", { years: e.lifetime_years, arpc: money(e.annual_revenue_per_customer, cur), spend: e.marketing_cost == null ? dash : `${money(e.marketing_cost, cur)} + ${money(e.sales_cost, cur)}`, n: e.new_customers })}
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
    </>
  );
}
