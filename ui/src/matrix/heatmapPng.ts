// The heatmap as a PNG, drawn on a canvas in the webview: every competitor (ranking order)
// against every scored dimension, cell by cell, with names in the system's CJK font, a
// legend and the weighted score column. Why the webview and not Rust: the labels are Chinese
// and English text, which the webview already shapes and rasterises with the system fonts;
// in Rust that would need a font rasteriser and a second font path for a picture (see
// docs/decisions.md). The bytes go to Rust (stage_upload), which writes the file.
import type { MatrixGrid } from "../bindings/MatrixGrid";
import { dimLabel } from "./gridModel";
import { heatColor } from "./look";

const CELL = 18;
const LEFT = 180;
const TOP = 150;

export async function heatmapPng(grid: MatrixGrid, zh: boolean, title: string, scoreLabel = zh ? "加权得分" : "Weighted score"): Promise<Uint8Array> {
  const index = new Map(grid.competitors.map((c, i) => [c.id, i]));
  const rows = grid.ranking.map((r) => index.get(r.competitor_id)).filter((i): i is number => i !== undefined && !grid.competitors[i].hidden);
  const cols = grid.dimensions.map((d, i) => ({ d, i })).filter(({ d }) => d.scored && !d.hidden && d.weight !== "0");
  const canvas = document.createElement("canvas");
  canvas.width = LEFT + (cols.length + 2) * CELL + 20;
  canvas.height = TOP + rows.length * CELL + 40;
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("this window cannot draw on a canvas");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = "#262626";
  ctx.font = "bold 16px sans-serif";
  ctx.fillText(title, 10, 24);
  ctx.font = "11px sans-serif";
  cols.forEach(({ d }, j) => {
    ctx.save();
    ctx.translate(LEFT + j * CELL + CELL / 2 + 3, TOP - 6);
    ctx.rotate(-Math.PI / 3);
    ctx.fillText(dimLabel(d, zh).slice(0, 20), 0, 0);
    ctx.restore();
  });
  ctx.save();
  ctx.translate(LEFT + (cols.length + 1) * CELL + CELL / 2 + 3, TOP - 6);
  ctx.rotate(-Math.PI / 3);
  ctx.font = "bold 11px sans-serif";
  ctx.fillText(scoreLabel, 0, 0);
  ctx.restore();
  rows.forEach((row, i) => {
    const y = TOP + i * CELL;
    ctx.fillStyle = "#262626";
    ctx.textAlign = "right";
    ctx.fillText(grid.competitors[row].name.slice(0, 24), LEFT - 6, y + CELL - 3);
    ctx.textAlign = "left";
    cols.forEach(({ i: col }, j) => {
      const s = grid.scores[row][col];
      ctx.fillStyle = s === null ? "#f0f0f0" : heatColor(s, grid.matrix.scale);
      ctx.fillRect(LEFT + j * CELL, y, CELL - 1, CELL - 1);
    });
    const total = grid.ranking.find((r) => r.competitor_id === grid.competitors[row].id)?.score ?? null;
    ctx.fillStyle = total === null ? "#f0f0f0" : heatColor(total, grid.matrix.scale);
    ctx.fillRect(LEFT + (cols.length + 1) * CELL, y, CELL - 1, CELL - 1);
  });
  const legendY = TOP + rows.length * CELL + 20;
  for (let k = 0; k <= 10; k++) {
    ctx.fillStyle = `hsl(${k * 12}, 68%, 78%)`;
    ctx.fillRect(LEFT + k * CELL, legendY, CELL, 10);
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (!blob) throw new Error("the heatmap could not be encoded as PNG");
  return new Uint8Array(await blob.arrayBuffer());
}
