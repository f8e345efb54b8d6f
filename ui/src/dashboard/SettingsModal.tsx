// The dashboard's settings: the benchmark conversion lines drawn beside the funnel (the
// seed deck's industry averages 100→40→25→12→5 % and top performers 100→60→40→25→15 %),
// the ABC cut points, and the customer lifetime LTV uses. Kept in the database.
import { useQueryClient } from "@tanstack/react-query";
import { Form, Input, Modal, Space } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { DashboardSettings } from "../bindings/DashboardSettings";
import { useReportError } from "../components/useReportError";
import { toIpcError } from "../ipc/call";
import { saveDashboardSettings } from "../ipc/dashboard";

type Props = { open: boolean; onClose: () => void; settings: DashboardSettings };
type Values = { industry: string; top: string; a_pct: string; b_pct: string; lifetime_years: string };

const line = (v: string[]) => v.join(", ");
const parseLine = (s: string) => s.split(/[,，\s]+/).filter(Boolean);

export function SettingsModal({ open, onClose, settings }: Props) {
  const { t } = useTranslation();
  const reportError = useReportError();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (open)
      form.setFieldsValue({
        industry: line(settings.benchmarks.industry),
        top: line(settings.benchmarks.top),
        a_pct: settings.thresholds.a_pct,
        b_pct: settings.thresholds.b_pct,
        lifetime_years: settings.lifetime_years,
      });
  }, [open, settings, form]);
  const submit = async (v: Values) => {
    const industry = parseLine(v.industry);
    const top = parseLine(v.top);
    if (industry.length !== 5 || top.length !== 5) {
      form.setFields([{ name: industry.length !== 5 ? "industry" : "top", errors: [t("dashboard.settings.fiveValues")] }]);
      return;
    }
    try {
      await saveDashboardSettings({ benchmarks: { industry, top }, thresholds: { a_pct: v.a_pct, b_pct: v.b_pct }, lifetime_years: v.lifetime_years });
      void client.invalidateQueries({ queryKey: ["dashboard"] });
      onClose();
    } catch (e) {
      const err = toIpcError(e);
      if (err.fields.length) form.setFields(err.fields.map((f) => ({ name: f.field as keyof Values, errors: [f.message] })));
      else reportError(err);
    }
  };
  return (
    <Modal open={open} onCancel={onClose} onOk={() => form.submit()} title={t("dashboard.settings.title")} destroyOnHidden width={520}>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="industry" label={t("dashboard.settings.industry")}><Input data-testid="settings-industry" /></Form.Item>
        <Form.Item name="top" label={t("dashboard.settings.top")}><Input data-testid="settings-top" /></Form.Item>
        <Space>
          <Form.Item name="a_pct" label={t("dashboard.settings.aPct")}><Input suffix="%" /></Form.Item>
          <Form.Item name="b_pct" label={t("dashboard.settings.bPct")}><Input suffix="%" /></Form.Item>
          <Form.Item name="lifetime_years" label={t("dashboard.settings.lifetime")}><Input /></Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
