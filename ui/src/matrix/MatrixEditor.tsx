// One competitor matrix: its name, owner and figures (coverage = % of cells known, freshness
// = % of known cells dated within the threshold, stale count), then tabs: the grid (with its
// toolbar and the active cell's evidence and history), the ranking with weights, the
// heatmap, and snapshots with diffs. Settings, battlecard and export are in the header.
import { ArrowLeftOutlined, FilePdfOutlined, SettingOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Result, Space, Spin, Statistic, Tabs, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { BattlecardModal } from "./BattlecardModal";
import { CellPanel } from "./CellPanel";
import { CompetitorModal } from "./CompetitorModal";
import { DimensionModal } from "./DimensionModal";
import { ExportMenu, ExportPath, saveHeatmap, useExport } from "./ExportMenu";
import { GridToolbar, type Dialog } from "./GridToolbar";
import { Heatmap } from "./Heatmap";
import { MatrixGrid } from "./MatrixGrid";
import { MatrixSettingsModal } from "./MatrixSettingsModal";
import { RankingView } from "./RankingView";
import { SnapshotsView } from "./SnapshotsView";
import { useMatrix } from "./useMatrix";
import { saveMatrixSettings } from "../ipc/matrix";

export function MatrixEditor({ id, onBack }: { id: string; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith("zh");
  const m = useMatrix(id);
  const exporter = useExport();
  const [tab, setTab] = useState("grid");
  const [heat, setHeat] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [settings, setSettings] = useState(false);
  const [battlecard, setBattlecard] = useState(false);
  const { grid, view } = m;

  if (m.loadError) return <Result status="error" title={t(`errorKind.${m.loadError.kind}`)} subTitle={m.loadError.message} extra={<Button onClick={onBack}>{t("matrix.back")}</Button>} />;
  if (!grid || !view) return <Spin className="mx-loading" data-testid="matrix-loading" />;
  const f = grid.figures;
  const cursorComp = grid.competitors[view.rows[m.sel.cursor.r]]?.id ?? null;

  const items = [
    {
      key: "grid",
      label: <span data-testid="matrix-tab-grid">{t("matrix.tabs.grid")}</span>,
      children: (
        <Space direction="vertical" className="full-width" size={8}>
          <GridToolbar m={m} heat={heat} onHeat={setHeat} onDialog={setDialog} />
          {m.refusal && (
            <Alert type="error" showIcon closable onClose={m.clearRefusal} data-testid="matrix-cell-error"
              message={t("matrix.refusedTitle")} description={m.refusal.map((line) => <div key={line}>{line}</div>)} />
          )}
          <div className="mx-body">
            {view.rows.length === 0 || view.cols.length === 0 ? (
              <Alert className="mx-grid-empty" type="info" showIcon message={t("matrix.emptyGrid")} data-testid="matrix-empty" />
            ) : (
              <MatrixGrid grid={grid} view={view} sel={m.sel} onSelect={m.setSel} heat={heat} onCommit={m.commit} onPaste={m.paste} onUndo={m.undo} onRedo={m.redo} onFillDown={m.fillDown} />
            )}
            <CellPanel m={m} />
          </div>
          <Typography.Text type="secondary" className="mx-keys">{t("matrix.keysHint")}</Typography.Text>
        </Space>
      ),
    },
    { key: "ranking", label: <span data-testid="matrix-tab-ranking">{t("matrix.tabs.ranking")}</span>, children: <RankingView m={m} /> },
    {
      key: "heatmap",
      label: <span data-testid="matrix-tab-heatmap">{t("matrix.tabs.heatmap")}</span>,
      children: <Heatmap grid={grid} busy={exporter.busy} onPng={(docs) => void exporter.run(() => saveHeatmap(grid, zh, docs))} />,
    },
    { key: "snapshots", label: <span data-testid="matrix-tab-snapshots">{t("matrix.tabs.snapshots")}</span>, children: <SnapshotsView matrixId={id} /> },
  ];

  return (
    <Card className="mx-editor-card" data-testid="matrix-editor"
      title={
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={onBack} data-testid="matrix-back" />
          <span data-testid="matrix-name">{grid.matrix.name}</span>
          <Tag>{t(`matrix.scale.${grid.matrix.scale}`)}</Tag>
          {grid.matrix.owner && <Typography.Text type="secondary" data-testid={grid.matrix.owner_masked ? "matrix-owner-masked" : "matrix-owner"}>{grid.matrix.owner}</Typography.Text>}
        </Space>
      }
      extra={
        <Space wrap>
          <Button icon={<SettingOutlined />} onClick={() => setSettings(true)} data-testid="matrix-settings">{t("matrix.settings")}</Button>
          <Button icon={<FilePdfOutlined />} onClick={() => setBattlecard(true)} data-testid="matrix-battlecard">{t("matrix.battlecard")}</Button>
          <ExportMenu grid={grid} exporter={exporter} />
        </Space>
      }>
      <Space size={32} className="mx-figures" wrap>
        <Statistic title={t("matrix.coverage")} value={`${f.coverage_pct}%`} valueRender={(v) => <span data-testid="matrix-coverage">{v}</span>} />
        <Statistic title={t("matrix.freshness")} value={`${f.fresh_pct}%`} valueRender={(v) => <span data-testid="matrix-freshness">{v}</span>} />
        <Statistic title={t("matrix.staleCells", { days: grid.matrix.stale_after_days })} value={f.stale} valueRender={(v) => <span data-testid="matrix-stale-count">{v}</span>} />
        <Statistic title={t("matrix.knownCells")} value={`${f.known} / ${f.cells}`} />
        <span className="mx-timing" data-testid="matrix-timing" data-opened-ms={m.timing.openedMs ?? ""} data-last-edit-ms={m.timing.lastEditMs ?? ""} />
      </Space>
      <ExportPath path={exporter.path} />
      <Tabs activeKey={tab} onChange={setTab} items={items} destroyOnHidden />
      {dialog?.kind === "competitor" && (
        <CompetitorModal matrixId={id} grid={grid} competitorId={dialog.id} onClose={() => setDialog(null)} onSaved={(g) => { m.replace(g); setDialog(null); }} />
      )}
      {dialog?.kind === "dimension" && (
        <DimensionModal matrixId={id} grid={grid} dimensionId={dialog.id} onClose={() => setDialog(null)} onSaved={(g) => { m.replace(g); setDialog(null); }} />
      )}
      {settings && (
        <MatrixSettingsModal title={t("matrix.settings")} scaleLocked={grid.dimensions.length > 0} onClose={() => setSettings(false)}
          initial={{ name: grid.matrix.name, owner: grid.matrix.owner, scale: grid.matrix.scale, stale_after_days: grid.matrix.stale_after_days }}
          onSave={async (v) => { m.replace(await saveMatrixSettings(id, v)); setSettings(false); }} />
      )}
      {battlecard && <BattlecardModal matrixId={id} grid={grid} initial={cursorComp} onClose={() => setBattlecard(false)} />}
    </Card>
  );
}
