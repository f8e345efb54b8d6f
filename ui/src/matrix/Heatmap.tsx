// The heatmap: competitors (rows, ranking order) against scored dimensions, each cell coloured
// by its score on the scale (red worst, green best, grey unknown), our own SVG (ECharts cannot
// run under Tauri's frozen prototypes; docs/decisions.md). SVG with 100,000 rectangles would
// stall the webview, so past 12,000 cells the columns are the groups, each cell the weighted
// mean of the competitor's known scores in that group (colour only; the exact figures are in
// the ranking). "Save PNG" draws every cell on a canvas (heatmapPng.ts) and Rust saves it.
import { FileImageOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { MatrixGrid } from "../bindings/MatrixGrid";
import { dimLabel } from "./gridModel";
import { heatColor } from "./look";

export const MAX_SVG_CELLS = 12000;

type Column = { key: string; label: string; score: (row: number) => string | null; title: (row: number) => string };

/** The heatmap's columns: scored, shown dimensions; or their groups when there are too many cells. */
export function heatColumns(grid: MatrixGrid, zh: boolean, rows: number): { columns: Column[]; grouped: boolean } {
  const dims = grid.dimensions.map((d, i) => ({ d, i })).filter(({ d }) => d.scored && !d.hidden && d.weight !== "0");
  if (dims.length * rows <= MAX_SVG_CELLS) {
    const columns = dims.map(({ d, i }) => ({
      key: d.id,
      label: dimLabel(d, zh),
      score: (row: number) => grid.scores[row][i],
      title: (row: number) => `${grid.competitors[row].name} × ${dimLabel(d, zh)}: ${grid.text[row][i] || "?"} → ${grid.scores[row][i] ?? "?"}`,
    }));
    return { columns, grouped: false };
  }
  const columns = grid.groups
    .map((g) => {
      const members = dims.filter(({ d }) => d.group_id === g.id);
      const mean = (row: number): string | null => {
        let sw = 0;
        let sws = 0;
        for (const { d, i } of members) {
          const s = grid.scores[row][i];
          if (s === null) continue;
          const w = Number.parseFloat(d.weight);
          sw += w;
          sws += w * Number.parseFloat(s);
        }
        return sw > 0 ? (sws / sw).toFixed(1) : null;
      };
      return { key: g.id, label: dimLabel(g, zh), score: mean, title: (row: number) => `${grid.competitors[row].name} × ${dimLabel(g, zh)} ≈ ${mean(row) ?? "?"}`, n: members.length };
    })
    .filter((c) => c.n > 0);
  return { columns, grouped: true };
}

export function Heatmap({ grid, onPng, busy }: { grid: MatrixGrid; onPng: (toDocuments: boolean) => void; busy: boolean }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith("zh");
  const index = new Map(grid.competitors.map((c, i) => [c.id, i]));
  const rows = grid.ranking.map((r) => index.get(r.competitor_id)).filter((i): i is number => i !== undefined && !grid.competitors[i].hidden);
  const { columns, grouped } = heatColumns(grid, zh, rows.length);
  const cell = grouped ? 48 : 18;
  const left = 160;
  const top = 110;
  const width = left + (columns.length + 1) * cell + 8;
  const height = top + rows.length * cell + 8;
  const rankOf = new Map(grid.ranking.map((r) => [r.competitor_id, r]));
  return (
    <Card size="small" title={t("matrix.heatmap")}
      extra={
        <Space>
          <Button icon={<FileImageOutlined />} loading={busy} onClick={() => onPng(false)} data-testid="heatmap-png">{t("matrix.savePng")}</Button>
          <Button loading={busy} onClick={() => onPng(true)} data-testid="heatmap-png-documents">{t("matrix.pngToDocuments")}</Button>
        </Space>
      }>
      {grouped && <Alert type="info" showIcon className="mx-heat-note" message={t("matrix.heatGrouped", { n: MAX_SVG_CELLS })} data-testid="heatmap-grouped" />}
      <Typography.Text type="secondary">{t("matrix.heatLegend")}</Typography.Text>
      <div className="mx-heat-scroll">
        <svg width={width} height={height} role="img" data-testid="heatmap" className="chart">
          {columns.map((c, j) => (
            <text key={c.key} transform={`translate(${left + j * cell + cell / 2 + 4},${top - 6}) rotate(-55)`} fontSize={11} fill="#595959">
              {c.label.length > 18 ? `${c.label.slice(0, 17)}…` : c.label}
            </text>
          ))}
          <text transform={`translate(${left + columns.length * cell + cell / 2 + 4},${top - 6}) rotate(-55)`} fontSize={11} fontWeight={600}>{t("matrix.score")}</text>
          {rows.map((row, i) => {
            const comp = grid.competitors[row];
            const total = rankOf.get(comp.id)?.score ?? null;
            return (
              <g key={comp.id} data-testid={`heat-row-${i}`}>
                <text x={left - 6} y={top + i * cell + cell / 2 + 4} textAnchor="end" fontSize={11} fontWeight={comp.is_ours ? 700 : 400}>{comp.name}</text>
                {columns.map((c, j) => {
                  const s = c.score(row);
                  return (
                    <rect key={c.key} x={left + j * cell} y={top + i * cell} width={cell - 1} height={cell - 1} fill={s === null ? "#f0f0f0" : heatColor(s, grid.matrix.scale)}>
                      <title>{c.title(row)}</title>
                    </rect>
                  );
                })}
                <rect x={left + columns.length * cell} y={top + i * cell} width={cell - 1} height={cell - 1} fill={total === null ? "#f0f0f0" : heatColor(total, grid.matrix.scale)}
                  stroke="#8c8c8c" data-testid={`heat-total-${i}`}>
                  <title>{`${comp.name}: ${total ?? "?"}`}</title>
                </rect>
              </g>
            );
          })}
        </svg>
      </div>
    </Card>
  );
}
