// The rolling forecast (滚动预测): expected revenue by month with its worst / likely / best
// band, the deals behind each month one click away, and how accurate past forecasts were.
import { Card, Col, Row, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { AccuracyRow } from "../bindings/AccuracyRow";
import type { Band } from "../bindings/Band";
import type { DrillTarget } from "../bindings/DrillTarget";
import type { Forecast } from "../bindings/Forecast";
import { BarChart } from "./charts";
import { pct, plain, toNumber } from "./money";

type Props = { forecast: Forecast; accuracy: AccuracyRow[]; onDrill: (target: DrillTarget, title: string) => void };

export function ForecastCard({ forecast, accuracy, onDrill }: Props) {
  const { t } = useTranslation();
  const cur = forecast.currency;
  const label = (b: Band) => (b.label === "total" || b.label === "overdue" || b.label === "unscheduled" ? t(`dashboard.forecast.${b.label}`) : b.label);
  const rows = [...forecast.months, forecast.total, forecast.overdue, forecast.unscheduled];
  return (
    <Card size="small" title={`${t("dashboard.forecast.title")} (${cur})`} data-testid="forecast-card">
      <Row gutter={12}>
        <Col xs={24} xl={9}>
          <BarChart
            testId="forecast-chart"
            labels={forecast.months.map((m) => m.label)}
            series={(["worst", "likely", "best"] as const).map((k, i) => ({
              name: t(`dashboard.forecast.${k}`),
              color: ["#a0b6dc", "#4e7fd6", "#86c38f"][i] ?? "#4e7fd6",
              values: forecast.months.map((m) => toNumber(m[k])),
            }))}
            format={(v) => plain(Math.round(v))}
            onClick={(i) => {
              const m = forecast.months[i];
              if (m) onDrill({ kind: "forecast_month", month: m.label }, t("dashboard.drill.month", { month: m.label }));
            }}
          />
        </Col>
        <Col xs={24} xl={15}>
          <Table<Band>
            size="small"
            pagination={false}
            rowKey="label"
            dataSource={rows}
            columns={[
              { key: "month", title: t("dashboard.forecast.month"), render: (_, b) => label(b) },
              {
                key: "count",
                title: t("dashboard.forecast.count"),
                align: "right",
                render: (_, b) =>
                  /^\d{4}-\d{2}$/.test(b.label) ? (
                    <Typography.Link onClick={() => onDrill({ kind: "forecast_month", month: b.label }, t("dashboard.drill.month", { month: b.label }))} data-testid={`forecast-count-${b.label}`}>{b.count}</Typography.Link>
                  ) : (
                    b.count
                  ),
              },
              { key: "worst", title: t("dashboard.forecast.worst"), align: "right", render: (_, b) => plain(b.worst) },
              { key: "likely", title: t("dashboard.forecast.likely"), align: "right", render: (_, b) => <strong>{plain(b.likely)}</strong> },
              { key: "best", title: t("dashboard.forecast.best"), align: "right", render: (_, b) => plain(b.best) },
            ]}
          />
        </Col>
      </Row>
      <Typography.Title level={5} className="dashboard-subtitle">{t("dashboard.forecast.accuracyTitle")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("dashboard.forecast.accuracyHelp")}</Typography.Paragraph>
      <Table<AccuracyRow>
        size="small"
        pagination={false}
        rowKey="month"
        dataSource={accuracy}
        data-testid="accuracy-table"
        columns={[
          { key: "month", title: t("dashboard.forecast.month"), render: (_, r) => r.month },
          { key: "forecast", title: t("dashboard.forecast.forecastThen"), align: "right", render: (_, r) => plain(r.forecast) },
          { key: "actual", title: t("dashboard.forecast.actual"), align: "right", render: (_, r) => plain(r.actual) },
          { key: "accuracy", title: t("dashboard.forecast.accuracy"), align: "right", render: (_, r) => pct(r.accuracy_pct) },
        ]}
      />
    </Card>
  );
}
