// What a key does in the matrix grid when no cell is being edited, as a plain action, so the
// spreadsheet rules are one table: arrows move (Shift extends, Ctrl jumps to the edge), Tab
// and Shift+Tab move sideways, Enter or F2 edits, typing a character starts an edit with it,
// Delete clears, Escape collapses the selection, Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) undo and
// redo, Ctrl+D fills down, Ctrl+A selects everything. Copy and paste are clipboard events.

export type KeyInput = { key: string; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean };

export type GridAction =
  | { type: "move"; dr: number; dc: number; extend: boolean }
  | { type: "jump"; row: "first" | "last" | null; col: "first" | "last" | null; extend: boolean }
  | { type: "page"; dir: 1 | -1; extend: boolean }
  | { type: "edit"; text: string | null }
  | { type: "clear" }
  | { type: "collapse" }
  | { type: "undo" }
  | { type: "redo" }
  | { type: "fill" }
  | { type: "all" };

const ARROWS: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

export function gridAction(e: KeyInput): GridAction | null {
  const mod = e.ctrlKey || e.metaKey;
  const arrow = ARROWS[e.key];
  if (arrow) {
    if (!mod) return { type: "move", dr: arrow[0], dc: arrow[1], extend: e.shiftKey };
    const [dr, dc] = arrow;
    return { type: "jump", row: dr < 0 ? "first" : dr > 0 ? "last" : null, col: dc < 0 ? "first" : dc > 0 ? "last" : null, extend: e.shiftKey };
  }
  if (mod && !e.altKey) {
    const k = e.key.toLowerCase();
    if (k === "z") return e.shiftKey ? { type: "redo" } : { type: "undo" };
    if (k === "y") return { type: "redo" };
    if (k === "d") return { type: "fill" };
    if (k === "a") return { type: "all" };
    if (e.key === "Home") return { type: "jump", row: "first", col: "first", extend: e.shiftKey };
    if (e.key === "End") return { type: "jump", row: "last", col: "last", extend: e.shiftKey };
    return null;
  }
  switch (e.key) {
    case "Tab":
      return { type: "move", dr: 0, dc: e.shiftKey ? -1 : 1, extend: false };
    case "Enter":
      return e.shiftKey ? { type: "move", dr: -1, dc: 0, extend: false } : { type: "edit", text: null };
    case "F2":
      return { type: "edit", text: null };
    case "Delete":
    case "Backspace":
      return { type: "clear" };
    case "Escape":
      return { type: "collapse" };
    case "Home":
      return { type: "jump", row: null, col: "first", extend: e.shiftKey };
    case "End":
      return { type: "jump", row: null, col: "last", extend: e.shiftKey };
    case "PageDown":
      return { type: "page", dir: 1, extend: e.shiftKey };
    case "PageUp":
      return { type: "page", dir: -1, extend: e.shiftKey };
  }
  if (e.key.length === 1 && !e.altKey) return { type: "edit", text: e.key };
  return null;
}
