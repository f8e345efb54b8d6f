// The matrix as the editor holds it: the MatrixGrid from Rust, the rows and columns shown
// (hidden ones filtered out), and how a GridPatch (after an edit, a paste, an undo or a weight
// change) is folded in without re-fetching 100,000 cells. Pure functions over plain data.
import type { CellEvidence } from "../bindings/CellEvidence";
import type { DimensionView } from "../bindings/DimensionView";
import type { EvidenceView } from "../bindings/EvidenceView";
import type { GridPatch } from "../bindings/GridPatch";
import type { MatrixGrid } from "../bindings/MatrixGrid";

export type View = {
  /** Indexes into grid.competitors / grid.text of the rows shown, in order. */
  rows: number[];
  /** Indexes into grid.dimensions of the columns shown, in order. */
  cols: number[];
  evidence: Map<string, EvidenceView>;
  rowOf: Map<string, number>;
  colOf: Map<string, number>;
};

export const cellKey = (row: number, col: number) => `${row}:${col}`;

export function viewOf(grid: MatrixGrid): View {
  const rows: number[] = [];
  const cols: number[] = [];
  grid.competitors.forEach((c, i) => !c.hidden && rows.push(i));
  grid.dimensions.forEach((d, i) => !d.hidden && cols.push(i));
  const evidence = new Map<string, EvidenceView>();
  for (const e of grid.evidence) evidence.set(cellKey(e.row, e.col), e.evidence);
  return {
    rows,
    cols,
    evidence,
    rowOf: new Map(grid.competitors.map((c, i) => [c.id, i])),
    colOf: new Map(grid.dimensions.map((d, i) => [d.id, i])),
  };
}

/** The grid after a patch: changed texts and evidence, rescored columns, ranking, weights, figures. */
export function applyPatch(grid: MatrixGrid, patch: GridPatch): MatrixGrid {
  const rowOf = new Map(grid.competitors.map((c, i) => [c.id, i]));
  const colOf = new Map(grid.dimensions.map((d, i) => [d.id, i]));
  const text = grid.text.slice();
  const copied = new Set<number>();
  const touched = new Set<string>();
  const fresh: CellEvidence[] = [];
  for (const p of patch.cells) {
    const row = rowOf.get(p.competitor_id);
    const col = colOf.get(p.dimension_id);
    if (row === undefined || col === undefined) continue;
    if (!copied.has(row)) {
      text[row] = text[row].slice();
      copied.add(row);
    }
    text[row][col] = p.text;
    touched.add(cellKey(row, col));
    if (p.evidence) fresh.push({ row, col, evidence: p.evidence });
  }
  const evidence = touched.size ? grid.evidence.filter((e) => !touched.has(cellKey(e.row, e.col))).concat(fresh) : grid.evidence;
  let scores = grid.scores;
  if (patch.columns.length) {
    scores = grid.scores.map((r) => r.slice());
    for (const column of patch.columns) {
      const col = colOf.get(column.dimension_id);
      if (col === undefined) continue;
      column.scores.forEach((s, row) => {
        if (scores[row]) scores[row][col] = s;
      });
    }
  }
  const weights = new Map(patch.weights.map((w) => [w.dimension_id, w]));
  const dimensions: DimensionView[] = patch.weights.length
    ? grid.dimensions.map((d) => {
        const w = weights.get(d.id);
        return w ? { ...d, weight: w.weight, normalised_pct: w.normalised_pct } : d;
      })
    : grid.dimensions;
  return { ...grid, text, scores, evidence, dimensions, ranking: patch.ranking, figures: patch.figures, can_undo: patch.can_undo, can_redo: patch.can_redo };
}

/** The name a message or header uses: the language's own, else the other. */
export function dimLabel(d: { name_zh: string; name_en: string }, zh: boolean): string {
  return (zh ? d.name_zh || d.name_en : d.name_en || d.name_zh) || "?";
}

/** The block of texts (rows × cols, visible indexes) for the clipboard. */
export function textsOf(grid: MatrixGrid, view: View, top: number, left: number, bottom: number, right: number): string[][] {
  const out: string[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row = grid.text[view.rows[r]];
    const line: string[] = [];
    for (let c = left; c <= right; c++) line.push(row?.[view.cols[c]] ?? "");
    out.push(line);
  }
  return out;
}
