// Marketing and sales cost of a period, for CAC (获客成本). Costs are entered per period
// (a month's, a quarter's…); a longer period adds up its parts.
import { useQueryClient } from "@tanstack/react-query";
import { Form, Input, Modal } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { IpcError } from "../bindings/IpcError";
import { useReportError } from "../components/useReportError";
import { toIpcError } from "../ipc/call";
import { saveCosts } from "../ipc/dashboard";

type Props = { open: boolean; onClose: () => void; period: string; currency: string; marketing: string | null; sales: string | null };
type Values = { period: string; marketing_cost: string; sales_cost: string };

export function CostsModal({ open, onClose, period, currency, marketing, sales }: Props) {
  const { t } = useTranslation();
  const reportError = useReportError();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (open) form.setFieldsValue({ period, marketing_cost: marketing ?? "", sales_cost: sales ?? "" });
  }, [open, period, marketing, sales, form]);
  const submit = async (v: Values) => {
    try {
      await saveCosts({ period: v.period, currency, marketing_cost: v.marketing_cost, sales_cost: v.sales_cost });
      void client.invalidateQueries({ queryKey: ["dashboard", "figures"] });
      onClose();
    } catch (e) {
      const err: IpcError = toIpcError(e);
      if (err.fields.length) form.setFields(err.fields.map((f) => ({ name: f.field as keyof Values, errors: [t(`fieldError.${f.code}`, { defaultValue: f.message })] })));
      else reportError(err);
    }
  };
  return (
    <Modal open={open} onCancel={onClose} onOk={() => form.submit()} title={t("dashboard.economics.modalTitle", { currency })} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="period" label={t("dashboard.filters.period")}><Input data-testid="costs-period" /></Form.Item>
        <Form.Item name="marketing_cost" label={t("dashboard.economics.marketing")}><Input data-testid="costs-marketing" /></Form.Item>
        <Form.Item name="sales_cost" label={t("dashboard.economics.sales")}><Input data-testid="costs-sales" /></Form.Item>
      </Form>
    </Modal>
  );
}
