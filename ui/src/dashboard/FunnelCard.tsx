// The funnel (销售漏斗): a funnel chart of how many opportunities reached each stage, with
// the benchmark lines in the table beside it, the bottleneck stage marked, and every count
// clickable to list the opportunities behind it.
import { Card, Table, Tag, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { DrillTarget } from "../bindings/DrillTarget";
import type { Funnel } from "../bindings/Funnel";
import type { FunnelStage } from "../bindings/FunnelStage";
import { FunnelChart } from "./charts";
import { dash, money, pct } from "./money";

type Props = { funnel: Funnel; onDrill: (target: DrillTarget, title: string) => void };

export function FunnelCard({ funnel, onDrill }: Props) {
  const { t } = useTranslation();
  const cur = funnel.currency;
  const stageName = (s: FunnelStage) => t(`stage.${s.stage}`);
  const link = (n: number | null, target: DrillTarget, title: string, testId: string) =>
    n == null ? dash : (
      <Typography.Link onClick={() => onDrill(target, title)} data-testid={testId}>
        {n}
      </Typography.Link>
    );
  return (
    <Card title={t("dashboard.funnel.title")} size="small" data-testid="funnel-card" extra={<Typography.Text type="secondary">{t("dashboard.funnel.hint")}</Typography.Text>}>
      <div className="dashboard-funnel">
        <FunnelChart
          testId="funnel-chart"
          stages={funnel.stages.map((s) => ({ key: s.stage, label: stageName(s), value: s.reached_count, highlight: funnel.bottleneck === s.stage }))}
          onClick={(i) => {
            const s = funnel.stages[i];
            if (s) onDrill({ kind: "funnel_reached", stage: s.stage }, t("dashboard.drill.reached", { stage: stageName(s) }));
          }}
        />
        <Table<FunnelStage>
          size="small"
          pagination={false}
          rowKey="stage"
          dataSource={funnel.stages}
          rowClassName={(s) => (funnel.bottleneck === s.stage ? "funnel-bottleneck" : "")}
          data-testid="funnel-table"
          columns={[
            {
              key: "stage",
              title: t("dashboard.funnel.stage"),
              render: (_, s) => (
                <span data-testid={`funnel-stage-${s.stage}`}>
                  {stageName(s)}
                  {funnel.bottleneck === s.stage && (
                    <Tooltip title={t("dashboard.funnel.bottleneckHint")}>
                      <Tag color="volcano" className="bottleneck-tag" data-testid="bottleneck-tag">{t("dashboard.funnel.bottleneck")}</Tag>
                    </Tooltip>
                  )}
                </span>
              ),
            },
            {
              key: "reached",
              title: t("dashboard.funnel.reached"),
              align: "right",
              render: (_, s) => link(s.reached_count, { kind: "funnel_reached", stage: s.stage }, t("dashboard.drill.reached", { stage: stageName(s) }), `reached-${s.stage}`),
            },
            { key: "amount", title: t("dashboard.funnel.amount"), align: "right", render: (_, s) => <span className="num">{money(s.reached_amount, cur)}</span> },
            { key: "conv", title: t("dashboard.funnel.conversion"), align: "right", render: (_, s) => pct(s.conversion_from_previous_pct) },
            { key: "first", title: t("dashboard.funnel.fromFirst"), align: "right", render: (_, s) => pct(s.conversion_from_first_pct) },
            {
              key: "drop",
              title: t("dashboard.funnel.dropOff"),
              align: "right",
              render: (_, s) => link(s.drop_off, { kind: "funnel_dropped", stage: s.stage }, t("dashboard.drill.dropped", { stage: stageName(s) }), `dropped-${s.stage}`),
            },
            { key: "days", title: t("dashboard.funnel.medianDays"), align: "right", render: (_, s) => s.median_days_in_stage ?? dash },
            { key: "bench", title: t("dashboard.funnel.benchmark"), align: "right", render: (_, s) => `${s.industry_pct}% / ${s.top_pct}%` },
          ]}
          footer={() => (
            <span>
              {t("dashboard.funnel.lost")}:{" "}
              {link(funnel.lost_count, { kind: "funnel_lost" }, t("dashboard.drill.lost"), "funnel-lost")} · {money(funnel.lost_amount, cur)}
            </span>
          )}
        />
      </div>
    </Card>
  );
}
