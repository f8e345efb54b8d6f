// Settings › Volume breaks: choose a product, then edit its "from N units, X % off" rows.
// The builder applies the best break (or the tier discount, whichever is larger) when a
// product line is added.
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { App, Button, Empty, Input, Space, Spin } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { FieldError } from "../bindings/FieldError";
import type { Product } from "../bindings/Product";
import type { VolumeBreak } from "../bindings/VolumeBreak";
import { useReportError } from "../components/useReportError";
import { toIpcError } from "../ipc/call";
import { saveVolumeBreaks, volumeBreaks } from "../ipc/quotes";
import { FieldErrorText } from "../quotes/FieldErrorText";
import { ProductPicker } from "../quotes/ProductPicker";

export function VolumeBreaksEditor() {
  const { t } = useTranslation();
  const [product, setProduct] = useState<Product | null>(null);
  return (
    <div className="volume-breaks">
      <ProductPicker value={product} onPick={setProduct} placeholder={t("settings.breaks.pickProduct")} testId="breaks-product" />
      {product && <BreakRows key={product.id} product={product} />}
    </div>
  );
}

function BreakRows({ product }: { product: Product }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const stored = useQuery({ queryKey: ["volume_breaks", product.id], queryFn: () => volumeBreaks(product.id) });
  const [rows, setRows] = useState<VolumeBreak[] | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saving, setSaving] = useState(false);
  if (!stored.data) return <Spin />;
  const current = rows ?? stored.data;
  const edit = (i: number, patch: Partial<VolumeBreak>) => {
    setRows(current.map((r, j) => (j === i ? { ...r, ...patch } : r)));
    setErrors([]);
  };
  const save = async () => {
    setSaving(true);
    try {
      setRows(await saveVolumeBreaks(product.id, current));
      setErrors([]);
      void message.success(t("common.saved"));
    } catch (raw) {
      const e = toIpcError(raw);
      if (e.kind === "validation" && e.fields.length > 0) setErrors(e.fields);
      else reportError(e);
    } finally {
      setSaving(false);
    }
  };
  const error = (i: number, f: keyof VolumeBreak) => errors.find((e) => e.field === `breaks[${i}].${f}`);
  return (
    <div className="break-rows">
      {current.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("settings.breaks.none")} />}
      {current.map((r, i) => (
        <Space key={i} align="start" className="break-row">
          <span className="break-label">{t("settings.breaks.from")}</span>
          <div>
            <Input value={r.min_quantity} onChange={(e) => edit(i, { min_quantity: e.target.value })} suffix={product.unit || undefined} status={error(i, "min_quantity") ? "error" : undefined} className="num" data-testid={`break-${i}-min_quantity`} />
            {error(i, "min_quantity") && <FieldErrorText error={error(i, "min_quantity")!} />}
          </div>
          <span className="break-label">{t("settings.breaks.off")}</span>
          <div>
            <Input value={r.discount_pct} onChange={(e) => edit(i, { discount_pct: e.target.value })} suffix="%" status={error(i, "discount_pct") ? "error" : undefined} className="num" data-testid={`break-${i}-discount_pct`} />
            {error(i, "discount_pct") && <FieldErrorText error={error(i, "discount_pct")!} />}
          </div>
          <Button type="text" danger icon={<DeleteOutlined />} onClick={() => setRows(current.filter((_, j) => j !== i))} aria-label={t("common.delete")} />
        </Space>
      ))}
      <Space>
        <Button icon={<PlusOutlined />} onClick={() => setRows([...current, { min_quantity: "", discount_pct: "" }])} data-testid="breaks-add">
          {t("settings.breaks.add")}
        </Button>
        <Button type="primary" loading={saving} onClick={() => void save()} data-testid="breaks-save">
          {t("common.save")}
        </Button>
      </Space>
    </div>
  );
}
