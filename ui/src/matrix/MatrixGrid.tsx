// The spreadsheet-like matrix grid: competitors (rows, ours first, names frozen on the left)
// against dimensions (columns under their group band), virtualised on both axes so a 200 × 500
// matrix renders only the ~300 cells in view. Keyboard rules are in gridKeys.ts; a typed value
// is checked by Rust (a refusal keeps the editor open with the message); copy writes the
// selected block as tab-separated text, paste sends the clipboard's block to Rust as one batch.
import { useEffect, useLayoutEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent, type MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import type { MatrixGrid as Grid } from "../bindings/MatrixGrid";
import { gridAction } from "./gridKeys";
import { cellKey, dimLabel, textsOf, type View } from "./gridModel";
import { heatColor, kindBadge, labelBadge } from "./look";
import { at, block, inBlock, move, toTsv, type Selection } from "./selection";
import { COL_W, FIRST_W, HEAD_H, ROW_H, scrollToShow, visibleRange } from "./virtual";

export type GridProps = {
  grid: Grid;
  view: View;
  sel: Selection;
  onSelect: (sel: Selection) => void;
  heat: boolean;
  /** Writes typed texts (row, col in visible positions); resolves true when applied. */
  onCommit: (cells: { r: number; c: number; text: string }[]) => Promise<boolean>;
  onPaste: (r: number, c: number, tsv: string) => void;
  onUndo: () => void;
  onRedo: () => void;
  onFillDown: () => void;
};

type Editing = { r: number; c: number; text: string; original: string };

export function MatrixGrid({ grid, view, sel, onSelect, heat, onCommit, onPaste, onUndo, onRedo, onFillDown }: GridProps) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith("zh");
  const scroller = useRef<HTMLDivElement>(null);
  const frame = useRef(0);
  const [scroll, setScroll] = useState({ top: 0, left: 0 });
  const [size, setSize] = useState({ w: 1200, h: 600 });
  const [editing, setEditing] = useState<Editing | null>(null);
  const editor = useRef<HTMLInputElement>(null);
  const nRows = view.rows.length;
  const nCols = view.cols.length;

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => el.clientWidth > 0 && setSize({ w: el.clientWidth, h: el.clientHeight });
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  // A new edit: the caret after the text (typing a character starts with just that character).
  const editingAt = editing ? `${editing.r}:${editing.c}` : null;
  useEffect(() => {
    const el = editor.current;
    if (!el) return;
    el.focus({ preventScroll: true });
    el.setSelectionRange(el.value.length, el.value.length);
  }, [editingAt]);

  // Keep the cursor in view when it moves by keyboard.
  useEffect(() => {
    const el = scroller.current;
    if (!el || el.clientHeight === 0) return;
    const top = scrollToShow(el.scrollTop, el.clientHeight - HEAD_H, ROW_H, sel.cursor.r);
    const left = scrollToShow(el.scrollLeft, el.clientWidth - FIRST_W, COL_W, sel.cursor.c);
    if (top !== el.scrollTop) el.scrollTop = top;
    if (left !== el.scrollLeft) el.scrollLeft = left;
  }, [sel.cursor.r, sel.cursor.c]);

  const onScroll = () => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const el = scroller.current;
      if (el) setScroll({ top: el.scrollTop, left: el.scrollLeft });
    });
  };

  const textAt = (r: number, c: number) => grid.text[view.rows[r]]?.[view.cols[c]] ?? "";
  const focusGrid = () => scroller.current?.focus({ preventScroll: true });
  const pageRows = Math.max(1, Math.floor((size.h - HEAD_H) / ROW_H) - 1);

  const startEdit = (text: string | null) => {
    if (nRows === 0 || nCols === 0) return;
    const original = textAt(sel.cursor.r, sel.cursor.c);
    setEditing({ r: sel.cursor.r, c: sel.cursor.c, text: text ?? original, original });
  };

  /** Writes the editor's text; on success closes it and selects `then` (default: moved by dr, dc). */
  const commit = async (dr: number, dc: number, then?: Selection) => {
    if (!editing) return;
    const next = then ?? move(at(editing.r, editing.c), dr, dc, nRows, nCols);
    if (editing.text === editing.original || (await onCommit([{ r: editing.r, c: editing.c, text: editing.text }]))) {
      setEditing(null);
      onSelect(next);
      focusGrid();
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing) return;
    const action = gridAction(e);
    if (!action) return;
    e.preventDefault();
    const b = block(sel);
    switch (action.type) {
      case "move":
        return onSelect(move(sel, action.dr, action.dc, nRows, nCols, action.extend));
      case "page":
        return onSelect(move(sel, action.dir * pageRows, 0, nRows, nCols, action.extend));
      case "jump": {
        const r = action.row === "first" ? 0 : action.row === "last" ? nRows - 1 : sel.cursor.r;
        const c = action.col === "first" ? 0 : action.col === "last" ? nCols - 1 : sel.cursor.c;
        return onSelect(move(sel, r - sel.cursor.r, c - sel.cursor.c, nRows, nCols, action.extend));
      }
      case "all":
        return onSelect({ anchor: { r: 0, c: 0 }, cursor: { r: nRows - 1, c: nCols - 1 } });
      case "collapse":
        return onSelect(at(sel.cursor.r, sel.cursor.c));
      case "edit":
        return startEdit(action.text);
      case "clear": {
        const cells = [];
        for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) if (textAt(r, c) !== "") cells.push({ r, c, text: "" });
        if (cells.length) void onCommit(cells);
        return;
      }
      case "undo":
        return onUndo();
      case "redo":
        return onRedo();
      case "fill":
        return onFillDown();
    }
  };

  const onEditorKey = (e: KeyboardEvent<HTMLInputElement>) => {
    e.stopPropagation();
    if (e.key === "Escape") {
      e.preventDefault();
      setEditing(null);
      focusGrid();
    } else if (e.key === "Enter") {
      e.preventDefault();
      void commit(e.shiftKey ? -1 : 1, 0);
    } else if (e.key === "Tab") {
      e.preventDefault();
      void commit(0, e.shiftKey ? -1 : 1);
    }
  };

  const onCopy = (e: ClipboardEvent<HTMLDivElement>) => {
    if (editing || nRows === 0 || nCols === 0) return;
    const b = block(sel);
    e.clipboardData.setData("text/plain", toTsv(textsOf(grid, view, b.top, b.left, b.bottom, b.right)));
    e.preventDefault();
  };

  const onPasteEvent = (e: ClipboardEvent<HTMLDivElement>) => {
    if (editing || nRows === 0 || nCols === 0) return;
    const text = e.clipboardData?.getData("text/plain") ?? "";
    e.preventDefault();
    if (text.trim() !== "") {
      const b = block(sel);
      onPaste(b.top, b.left, text);
    }
  };

  const onCellDown = (e: MouseEvent, r: number, c: number) => {
    const next = e.shiftKey ? { anchor: sel.anchor, cursor: { r, c } } : at(r, c);
    e.preventDefault();
    if (editing) return void commit(0, 0, next);
    onSelect(next);
    focusGrid();
  };

  const rowsR = visibleRange(scroll.top, size.h - HEAD_H, ROW_H, nRows);
  const colsR = visibleRange(scroll.left, size.w - FIRST_W, COL_W, nCols);
  const b = block(sel);
  const scale = grid.matrix.scale;

  const bands: { key: string; left: number; width: number; label: string }[] = [];
  for (let c = colsR.start; c < colsR.end; c++) {
    const d = grid.dimensions[view.cols[c]];
    const last = bands[bands.length - 1];
    if (last && last.key.startsWith(`${d.group_id}@`) && last.left + last.width === FIRST_W + c * COL_W) last.width += COL_W;
    else {
      const g = grid.groups.find((x) => x.id === d.group_id);
      bands.push({ key: `${d.group_id}@${c}`, left: FIRST_W + c * COL_W, width: COL_W, label: g ? dimLabel(g, zh) : "" });
    }
  }

  const cells = [];
  for (let r = rowsR.start; r < rowsR.end; r++) {
    const row = view.rows[r];
    for (let c = colsR.start; c < colsR.end; c++) {
      const col = view.cols[c];
      const text = grid.text[row]?.[col] ?? "";
      const score = grid.scores[row]?.[col] ?? null;
      const ev = view.evidence.get(cellKey(row, col));
      const cls = ["mx-cell"];
      if (inBlock(b, r, c)) cls.push("mx-sel");
      if (r === sel.cursor.r && c === sel.cursor.c) cls.push("mx-cursor");
      if (text === "") cls.push("mx-unknown");
      if (ev?.stale) cls.push("mx-stale");
      cells.push(
        <div
          key={`${r}-${c}`}
          className={cls.join(" ")}
          style={{ left: FIRST_W + c * COL_W, top: HEAD_H + r * ROW_H, background: heat && score !== null ? heatColor(score, scale) : undefined }}
          data-testid={`cell-${r}-${c}`}
          title={ev ? [ev.source, ev.as_of, ev.stale ? t("matrix.stale", { days: grid.matrix.stale_after_days }) : ""].filter(Boolean).join(" · ") : undefined}
          onMouseDown={(e) => onCellDown(e, r, c)}
          onDoubleClick={() => startEdit(null)}
        >
          <span className="mx-text">{text === "" ? "?" : text}</span>
          {ev?.label && <span className={`mx-label mx-label-${ev.label}`}>{labelBadge(ev.label, zh)}</span>}
          {ev?.stale && <span className="mx-stale-badge" data-testid={`stale-${r}-${c}`} />}
        </div>,
      );
    }
  }

  return (
    <div ref={scroller} className="mx-scroller" tabIndex={0} data-testid="matrix-grid" data-rows={nRows} data-cols={nCols}
      onScroll={onScroll} onKeyDown={onKeyDown} onCopy={onCopy} onPaste={onPasteEvent}>
      <div className="mx-canvas" style={{ width: FIRST_W + nCols * COL_W, height: HEAD_H + nRows * ROW_H }}>
        <div className="mx-head" style={{ height: HEAD_H, width: FIRST_W + nCols * COL_W }}>
          <div className="mx-corner" style={{ width: FIRST_W, height: HEAD_H }} />
          {bands.map((g) => (
            <div key={g.key} className="mx-band" style={{ left: g.left, width: g.width }}>{g.label}</div>
          ))}
          {Array.from({ length: colsR.end - colsR.start }, (_, i) => colsR.start + i).map((c) => {
            const d = grid.dimensions[view.cols[c]];
            return (
              <div key={d.id} className={`mx-colhead${c >= b.left && c <= b.right ? " mx-head-sel" : ""}`} style={{ left: FIRST_W + c * COL_W }}
                data-testid={`col-head-${c}`} title={`${d.name_zh} ${d.name_en}`.trim()} onMouseDown={(e) => onCellDown(e, sel.cursor.r, c)}>
                <span className="mx-colname">{dimLabel(d, zh)}</span>
                <span className="mx-colmeta">{kindBadge(d, scale)}{d.scored ? ` · ${d.normalised_pct}%` : ""}</span>
              </div>
            );
          })}
        </div>
        <div className="mx-rowheads" style={{ width: FIRST_W, height: nRows * ROW_H }}>
          {Array.from({ length: rowsR.end - rowsR.start }, (_, i) => rowsR.start + i).map((r) => {
            const comp = grid.competitors[view.rows[r]];
            return (
              <div key={comp.id} className={`mx-rowhead${comp.is_ours ? " mx-ours" : ""}${r >= b.top && r <= b.bottom ? " mx-head-sel" : ""}`}
                style={{ top: r * ROW_H }} data-testid={`row-head-${r}`} onMouseDown={(e) => onCellDown(e, r, sel.cursor.c)}>
                {comp.name}
              </div>
            );
          })}
        </div>
        {cells}
        {editing && (
          <input
            ref={editor}
            className="mx-editor"
            style={{ left: FIRST_W + editing.c * COL_W, top: HEAD_H + editing.r * ROW_H }}
            value={editing.text}
            data-testid="cell-editor"
            onChange={(e) => setEditing({ ...editing, text: e.target.value })}
            onKeyDown={onEditorKey}
          />
        )}
      </div>
    </div>
  );
}
