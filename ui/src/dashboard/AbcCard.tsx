// ABC segmentation (ABC客户法): a Pareto chart of revenue by customer with the cumulative
// share, the class counts (click to list them), and "apply to customer tiers": a preview of
// every change first, then one audited write.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Modal, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Abc } from "../bindings/Abc";
import type { DashboardRequest } from "../bindings/DashboardRequest";
import type { DrillTarget } from "../bindings/DrillTarget";
import type { Tier } from "../bindings/Tier";
import type { TierChange } from "../bindings/TierChange";
import { useReportError } from "../components/useReportError";
import { toIpcError } from "../ipc/call";
import { applyAbc, previewAbc } from "../ipc/dashboard";
import { ParetoChart } from "./charts";
import { dash, money, toNumber } from "./money";

type Props = { abc: Abc; total: number; request: DashboardRequest; onDrill: (target: DrillTarget, title: string) => void };

export function AbcCard({ abc, total, request, onDrill }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const client = useQueryClient();
  const [preview, setPreview] = useState<TierChange[] | null>(null);
  const openPreview = useMutation({
    mutationFn: () => previewAbc(request),
    onSuccess: setPreview,
    onError: (e) => reportError(toIpcError(e)),
  });
  const apply = useMutation({
    mutationFn: () => applyAbc(request),
    onSuccess: (changes) => {
      setPreview(null);
      void message.success({ content: <span data-testid="abc-applied">{t("dashboard.abc.applied", { n: changes.length })}</span> });
      void client.invalidateQueries({ queryKey: ["dashboard"] });
      void client.invalidateQueries({ queryKey: ["customers"] });
    },
    onError: (e) => reportError(toIpcError(e)),
  });
  const classLink = (c: Tier, n: number) => (
    <Typography.Link onClick={() => onDrill({ kind: "abc_class", class: c }, t("dashboard.drill.abc", { class: c }))} data-testid={`abc-count-${c}`}>
      {c} {n}
    </Typography.Link>
  );
  return (
    <Card
      size="small"
      title={t("dashboard.abc.title")}
      data-testid="abc-card"
      extra={<Button size="small" onClick={() => openPreview.mutate()} loading={openPreview.isPending} data-testid="abc-preview">{t("dashboard.abc.apply")}</Button>}
    >
      <Space wrap>
        {classLink("A", abc.count_a)}
        {classLink("B", abc.count_b)}
        {classLink("C", abc.count_c)}
        <Typography.Text type="secondary">
          {t("dashboard.abc.summary", { a: abc.thresholds.a_pct, b: abc.thresholds.b_pct, revenue: money(abc.total_revenue, abc.currency), n: total })}
        </Typography.Text>
      </Space>
      <ParetoChart
        testId="abc-chart"
        bars={abc.rows.filter((r) => toNumber(r.revenue) > 0).map((r) => ({ label: r.customer_name, value: toNumber(r.revenue), color: { A: "#d46b08", B: "#4e7fd6", C: "#bfbfbf" }[r.class] }))}
        cumulative={abc.rows.filter((r) => toNumber(r.revenue) > 0).map((r) => toNumber(r.cumulative_pct))}
      />
      <Modal
        open={preview !== null}
        title={<span data-testid="abc-preview-title">{t("dashboard.abc.previewTitle", { n: preview?.length ?? 0 })}</span>}
        onCancel={() => setPreview(null)}
        onOk={() => apply.mutate()}
        okText={t("dashboard.abc.confirm")}
        okButtonProps={{ disabled: !preview?.length, loading: apply.isPending, ...({ "data-testid": "abc-confirm" } as Record<string, string>) }}
        width={640}
        destroyOnHidden
      >
        {preview?.length === 0 ? (
          <Typography.Text>{t("dashboard.abc.nothing")}</Typography.Text>
        ) : (
          <Table<TierChange>
            size="small"
            rowKey="customer_id"
            dataSource={preview ?? []}
            pagination={{ pageSize: 10, showSizeChanger: false }}
            data-testid="abc-preview-table"
            columns={[
              { key: "name", title: t("dashboard.drill.customer"), render: (_, c) => c.customer_name },
              { key: "old", title: t("dashboard.abc.old"), render: (_, c) => c.old_tier ?? dash },
              { key: "new", title: t("dashboard.abc.new"), render: (_, c) => <Tag color="blue">{c.new_tier}</Tag> },
            ]}
          />
        )}
      </Modal>
    </Card>
  );
}
