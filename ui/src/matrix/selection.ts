// The grid's selection: a cursor (the active cell) and an anchor; the selected block is the
// rectangle between them. Positions are in visible rows and columns. Pure functions, so the
// keyboard rules are tested without a DOM.

export type Pos = { r: number; c: number };
export type Selection = { anchor: Pos; cursor: Pos };
export type Block = { top: number; left: number; bottom: number; right: number };

export const at = (r: number, c: number): Selection => ({ anchor: { r, c }, cursor: { r, c } });

const clamp = (v: number, max: number) => Math.max(0, Math.min(v, Math.max(0, max - 1)));

/** Moves the cursor by (dr, dc) inside rows × cols; `extend` keeps the anchor (Shift). */
export function move(sel: Selection, dr: number, dc: number, rows: number, cols: number, extend = false): Selection {
  const cursor = { r: clamp(sel.cursor.r + dr, rows), c: clamp(sel.cursor.c + dc, cols) };
  return { anchor: extend ? sel.anchor : cursor, cursor };
}

export function block(sel: Selection): Block {
  return {
    top: Math.min(sel.anchor.r, sel.cursor.r),
    bottom: Math.max(sel.anchor.r, sel.cursor.r),
    left: Math.min(sel.anchor.c, sel.cursor.c),
    right: Math.max(sel.anchor.c, sel.cursor.c),
  };
}

export const inBlock = (b: Block, r: number, c: number) => r >= b.top && r <= b.bottom && c >= b.left && c <= b.right;

/** The selection kept inside a grid that may have shrunk (a row or column hidden). */
export function within(sel: Selection, rows: number, cols: number): Selection {
  const fit = (p: Pos) => ({ r: clamp(p.r, rows), c: clamp(p.c, cols) });
  const next = { anchor: fit(sel.anchor), cursor: fit(sel.cursor) };
  const same = (a: Pos, b: Pos) => a.r === b.r && a.c === b.c;
  return same(next.anchor, sel.anchor) && same(next.cursor, sel.cursor) ? sel : next;
}

/** Excel's clipboard text for a block: tabs between cells, CRLF after rows; tabs and line
 *  breaks inside a cell become spaces (the paste splits on them). */
export function toTsv(rows: string[][]): string {
  return rows.map((r) => r.map((t) => t.replace(/[\t\r\n]+/g, " ")).join("\t")).join("\r\n") + "\r\n";
}
