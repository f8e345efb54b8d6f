// The active cell beside the grid: competitor × dimension, its value and score, its evidence
// (source URL or note, as-of date, label Fact / Inference / Assumption; saved with the value
// as one change) with the staleness badge, and its history: every change with who, when,
// old → new and the evidence, newest first (who through the data view).
import { HistoryOutlined } from "@ant-design/icons";
import { Button, Card, Empty, Input, List, Select, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { EvidenceLabel } from "../bindings/EvidenceLabel";
import type { HistoryView } from "../bindings/HistoryView";
import { useReportError } from "../components/useReportError";
import { toIpcError } from "../ipc/call";
import { matrixCellHistory } from "../ipc/matrix";
import { cellKey, dimLabel } from "./gridModel";
import type { MatrixState } from "./useMatrix";

const LABELS: readonly EvidenceLabel[] = ["fact", "inference", "assumption"];

export function CellPanel({ m }: { m: MatrixState }) {
  const { grid, view, sel } = m;
  if (!grid || !view) return null;
  const row = view.rows[sel.cursor.r];
  const col = view.cols[sel.cursor.c];
  if (row === undefined || col === undefined) return <Card size="small"><Empty description={false} /></Card>;
  return <CellCard key={`${row}:${col}`} m={m} row={row} col={col} />;
}

function CellCard({ m, row, col }: { m: MatrixState; row: number; col: number }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith("zh");
  const reportError = useReportError();
  const grid = m.grid!;
  const comp = grid.competitors[row];
  const dim = grid.dimensions[col];
  const text = grid.text[row][col];
  const score = grid.scores[row][col];
  const ev = m.view?.evidence.get(cellKey(row, col));
  const [source, setSource] = useState(ev?.source ?? "");
  const [asOf, setAsOf] = useState(ev?.as_of ?? "");
  const [label, setLabel] = useState<EvidenceLabel | "">(ev?.label ?? "");
  const [history, setHistory] = useState<HistoryView[] | null>(null);
  const dirty = source !== (ev?.source ?? "") || asOf !== (ev?.as_of ?? "") || label !== (ev?.label ?? "");

  const save = () =>
    void m.saveCell({ competitor_id: comp.id, dimension_id: dim.id, text, evidence: { source, as_of: asOf, label } }).then((ok) => ok && setHistory(null));
  const loadHistory = async () => {
    try {
      setHistory(await matrixCellHistory(comp.id, dim.id));
    } catch (e) {
      reportError(toIpcError(e));
    }
  };

  return (
    <Card size="small" className="mx-panel" data-testid="cell-panel"
      title={<span data-testid="cell-panel-title">{comp.name} × {dimLabel(dim, zh)}</span>}>
      <Space direction="vertical" className="full-width" size={6}>
        <div>
          <Typography.Text strong data-testid="cell-panel-value">{text === "" ? t("matrix.unknown") : text}</Typography.Text>
          {score !== null && <Tag className="mx-score-tag" data-testid="cell-panel-score">{t("matrix.scoreIs", { score })}</Tag>}
          {ev?.stale && <Tag color="orange" data-testid="cell-panel-stale">{t("matrix.stale", { days: grid.matrix.stale_after_days })}</Tag>}
        </div>
        <Input placeholder={t("matrix.evidence.source")} value={source} onChange={(e) => setSource(e.target.value)} data-testid="evidence-source" />
        <Space.Compact className="full-width">
          <Input placeholder={`${t("matrix.evidence.asOf")} YYYY-MM-DD`} title={t("matrix.evidence.asOf")} value={asOf} onChange={(e) => setAsOf(e.target.value)} data-testid="evidence-as-of" />
          <Select<EvidenceLabel | ""> value={label} onChange={setLabel} data-testid="evidence-label" className="mx-label-select" virtual={false}
            options={[{ value: "", label: t("matrix.evidence.noLabel") }, ...LABELS.map((l) => ({ value: l, label: <span data-testid={`evidence-label-${l}`}>{t(`matrix.label.${l}`)}</span> }))]} />
        </Space.Compact>
        <Space>
          <Button type="primary" size="small" disabled={!dirty} onClick={save} data-testid="evidence-save">{t("matrix.evidence.save")}</Button>
          <Button size="small" icon={<HistoryOutlined />} onClick={() => void loadHistory()} data-testid="cell-history">{t("matrix.history")}</Button>
        </Space>
        {history && (
          <List size="small" className="mx-history" data-testid="cell-history-list" locale={{ emptyText: t("matrix.noHistory") }} dataSource={history}
            renderItem={(h) => (
              <List.Item data-testid="history-entry">
                <div>
                  <div className="mx-history-change">
                    <span>{h.old_text || "?"}</span> → <strong>{h.new_text || "?"}</strong>
                  </div>
                  <Typography.Text type="secondary" className="mx-history-meta">
                    {h.at.slice(0, 19).replace("T", " ")} · <span data-testid={h.actor_masked ? "history-actor-masked" : "history-actor"}>{h.actor}</span>
                    {h.new_evidence.as_of ? ` · ${t("matrix.evidence.asOf")} ${h.new_evidence.as_of}` : ""}
                    {h.new_evidence.label ? ` · ${t(`matrix.label.${h.new_evidence.label}`)}` : ""}
                    {h.new_evidence.source ? ` · ${h.new_evidence.source}` : ""}
                  </Typography.Text>
                </div>
              </List.Item>
            )} />
        )}
      </Space>
    </Card>
  );
}
