// The open matrix in the editor: its grid from Rust, the view (shown rows and columns), the
// selection, and every change as a call whose answer is folded in (a patch after cells or a
// weight; the whole grid after a change of structure). Refused cells become `refusal` lines
// naming competitor and dimension. `lastEditMs` (time from a change to its patch in the
// grid) and `openedMs` feed the benchmark (bench/matrix).
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CellInput } from "../bindings/CellInput";
import type { GridPatch } from "../bindings/GridPatch";
import type { IpcError } from "../bindings/IpcError";
import type { MatrixGrid } from "../bindings/MatrixGrid";
import { useReportError } from "../components/useReportError";
import { toIpcError } from "../ipc/call";
import { editMatrixCells, getMatrix, pasteMatrixCells, redoMatrixEdit, setMatrixWeight, undoMatrixEdit } from "../ipc/matrix";
import { applyPatch, viewOf } from "./gridModel";
import { refusalLines } from "./refusal";
import { at, block, within, type Selection } from "./selection";

export type MatrixState = ReturnType<typeof useMatrix>;

export function useMatrix(id: string) {
  const { t, i18n } = useTranslation();
  const reportError = useReportError();
  const [grid, setGrid] = useState<MatrixGrid | null>(null);
  const [loadError, setLoadError] = useState<IpcError | null>(null);
  const [sel, setSel] = useState<Selection>(at(0, 0));
  const [refusal, setRefusal] = useState<string[] | null>(null);
  const [timing, setTiming] = useState<{ openedMs: number | null; lastEditMs: number | null }>({ openedMs: null, lastEditMs: null });
  const started = useRef(performance.now());
  const view = useMemo(() => (grid ? viewOf(grid) : null), [grid]);

  useEffect(() => {
    started.current = performance.now();
    getMatrix(id).then(setGrid, (e) => setLoadError(toIpcError(e)));
  }, [id]);

  // First paint of the grid (two frames after it is set), for the benchmark.
  useEffect(() => {
    if (!grid || timing.openedMs !== null) return;
    requestAnimationFrame(() => requestAnimationFrame(() => setTiming((x) => ({ ...x, openedMs: Math.round(performance.now() - started.current) }))));
  }, [grid, timing.openedMs]);

  useEffect(() => {
    if (view) setSel((s) => within(s, view.rows.length, view.cols.length));
  }, [view]);

  const replace = useCallback((g: MatrixGrid) => setGrid(g), []);

  const fail = useCallback(
    (raw: unknown) => {
      const err = toIpcError(raw);
      if (err.kind === "validation" && grid) setRefusal(refusalLines(t, i18n.language.startsWith("zh"), grid, err));
      else reportError(err);
    },
    [grid, t, i18n.language, reportError],
  );

  /** Runs a change answering with a patch; false when it was refused. */
  const patchWith = useCallback(
    async (f: () => Promise<GridPatch>): Promise<boolean> => {
      const t0 = performance.now();
      try {
        const p = await f();
        setGrid((g) => (g ? applyPatch(g, p) : g));
        setRefusal(null);
        requestAnimationFrame(() => setTiming((x) => ({ ...x, lastEditMs: Math.round(performance.now() - t0) })));
        return true;
      } catch (e) {
        fail(e);
        return false;
      }
    },
    [fail],
  );

  const inputOf = useCallback(
    (r: number, c: number, text: string): CellInput | null => {
      if (!grid || !view) return null;
      const comp = grid.competitors[view.rows[r]];
      const dim = grid.dimensions[view.cols[c]];
      return comp && dim ? { competitor_id: comp.id, dimension_id: dim.id, text, evidence: null } : null;
    },
    [grid, view],
  );

  const commit = useCallback(
    (cells: { r: number; c: number; text: string }[]) => {
      const inputs = cells.map((x) => inputOf(x.r, x.c, x.text)).filter((x): x is CellInput => x !== null);
      return patchWith(() => editMatrixCells(id, inputs));
    },
    [id, inputOf, patchWith],
  );

  const saveCell = useCallback((input: CellInput) => patchWith(() => editMatrixCells(id, [input])), [id, patchWith]);

  const paste = useCallback(
    (r: number, c: number, tsv: string) => {
      const target = inputOf(r, c, "");
      if (!target || !view) return;
      // The block's size as Rust reads it (lines, tabs); one that runs past the grid is refused here, in words.
      const lines = tsv.replace(/\r?\n$/, "").split("\n");
      const width = Math.max(...lines.map((l) => l.split("\t").length));
      if (r + lines.length > view.rows.length || c + width > view.cols.length) {
        setRefusal([t("matrix.pasteTooBig", { rows: lines.length, cols: width, free: `${view.rows.length - r} × ${view.cols.length - c}` })]);
        return;
      }
      void patchWith(() => pasteMatrixCells(id, target.competitor_id, target.dimension_id, tsv));
    },
    [id, inputOf, patchWith, view, t],
  );

  /** Ctrl+D: the block's top row copied down its other rows (one row: the row above copied into it). */
  const fillDown = useCallback(() => {
    if (!grid || !view) return;
    const b = block(sel);
    const from = b.top === b.bottom ? b.top - 1 : b.top;
    const first = b.top === b.bottom ? b.top : b.top + 1;
    if (from < 0) return;
    const cells = [];
    for (let r = first; r <= b.bottom; r++)
      for (let c = b.left; c <= b.right; c++) cells.push({ r, c, text: grid.text[view.rows[from]][view.cols[c]] ?? "" });
    if (cells.length) void commit(cells);
  }, [grid, view, sel, commit]);

  const undo = useCallback(() => void patchWith(() => undoMatrixEdit(id)), [id, patchWith]);
  const redo = useCallback(() => void patchWith(() => redoMatrixEdit(id)), [id, patchWith]);
  /** A weight as typed; answers with the refusal (field errors name `weight`) or null. */
  const setWeight = useCallback(
    async (dimensionId: string, weight: string): Promise<IpcError | null> => {
      try {
        const p = await setMatrixWeight(id, dimensionId, weight);
        setGrid((g) => (g ? applyPatch(g, p) : g));
        return null;
      } catch (e) {
        return toIpcError(e);
      }
    },
    [id],
  );

  return { id, grid, view, sel, setSel, replace, loadError, refusal, clearRefusal: () => setRefusal(null), commit, saveCell, paste, fillDown, undo, redo, setWeight, timing };
}
