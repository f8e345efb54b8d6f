// The competitor-matrix editor against a fake backend: keyboard navigation and editing in the
// grid (arrows, Tab, Enter, type to edit, Escape cancels), a pasted tab-separated block sent
// as one paste, undo/redo keys, a refused score naming competitor and dimension, the ranking
// redrawn after a weight change, fill down and copy; plus the pure virtualiser and keys.
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { gridAction } from "../matrix/gridKeys";
import { heatColumns } from "../matrix/Heatmap";
import { applyPatch } from "../matrix/gridModel";
import { visibleRange } from "../matrix/virtual";
import { callsOf, ipcError, mockBackend, type Handler } from "./backend";
import { C, D, grid, MID, patch, RANKING, summary } from "./matrixFixtures";
import { renderApp } from "./render";

// Each test opens the whole app and the editor; on a 2-core machine shared with builds that
// took up to 15 s (the global limit), so this file allows more.
vi.setConfig({ testTimeout: 45000 });

const backend = (over: Record<string, Handler> = {}) =>
  mockBackend({ list_matrices: () => [summary], get_matrix: () => grid(), list_matrix_snapshots: () => [], ...over });

async function openMatrix() {
  const { user } = renderApp();
  await user.click(await screen.findByTestId("nav-matrix"));
  await user.click(await screen.findByTestId(`open-${MID}`));
  const g = await screen.findByTestId("matrix-grid");
  return { user, g };
}

const cursor = () => document.querySelector(".mx-cursor")?.getAttribute("data-testid");
const key = (el: Element, k: string, extra: Record<string, boolean> = {}) => fireEvent.keyDown(el, { key: k, ...extra });

describe("matrix grid", () => {
  it("moves with arrows, Tab and Shift+Tab, and opens the editor on Enter with the cell's text", async () => {
    backend();
    const { g } = await openMatrix();
    expect(cursor()).toBe("cell-0-0");
    expect(screen.getByTestId("row-head-0")).toHaveTextContent("我方");
    key(g, "ArrowDown");
    key(g, "ArrowRight");
    expect(cursor()).toBe("cell-1-1");
    key(g, "Tab");
    expect(cursor()).toBe("cell-1-2");
    key(g, "Tab", { shiftKey: true });
    expect(cursor()).toBe("cell-1-1");
    key(g, "ArrowLeft", { shiftKey: true });
    expect(document.querySelectorAll(".mx-sel")).toHaveLength(2);
    key(g, "Enter");
    expect(await screen.findByTestId("cell-editor")).toHaveValue("6");
  });

  it("cancels an edit on Escape and saves a typed value on Enter, then moves down", async () => {
    const calls = backend({ edit_matrix_cells: () => patch([{ c: C.a, d: D.sso, text: "partial" }]) });
    const { g } = await openMatrix();
    key(g, "ArrowDown");
    key(g, "ArrowRight");
    key(g, "F2");
    const editor = await screen.findByTestId("cell-editor");
    fireEvent.change(editor, { target: { value: "no" } });
    key(editor, "Escape");
    expect(screen.queryByTestId("cell-editor")).toBeNull();
    expect(callsOf(calls, "edit_matrix_cells")).toHaveLength(0);
    expect(screen.getByTestId("cell-1-1")).toHaveTextContent("yes");

    key(g, "p");
    const typed = await screen.findByTestId("cell-editor");
    expect(typed).toHaveValue("p");
    fireEvent.change(typed, { target: { value: "partial" } });
    key(typed, "Enter");
    await waitFor(() => expect(screen.getByTestId("cell-1-1")).toHaveTextContent("partial"));
    expect(callsOf(calls, "edit_matrix_cells")[0]?.args).toEqual({ id: MID, cells: [{ competitor_id: C.a, dimension_id: D.sso, text: "partial", evidence: null }] });
    expect(cursor()).toBe("cell-2-1");
  });

  it("refuses text in a score cell with a message naming competitor and dimension, and keeps the editor open", async () => {
    backend({
      edit_matrix_cells: () => {
        throw ipcError({ kind: "validation", message: "", fields: [{ field: "我方/Features", code: "invalid_number", message: "我方 × Features: 'good' is not a score" }] });
      },
    });
    const { g } = await openMatrix();
    key(g, "g");
    const editor = await screen.findByTestId("cell-editor");
    fireEvent.change(editor, { target: { value: "good" } });
    key(editor, "Enter");
    const alert = await screen.findByTestId("matrix-cell-error");
    expect(alert).toHaveTextContent("我方 × Features: a score is a number from 0 to 10");
    expect(screen.getByTestId("cell-editor")).toHaveValue("good");
    expect(screen.getByTestId("cell-0-0")).toHaveTextContent("8");
  });

  it("pastes a tab-separated block at the cursor as one call and shows the result", async () => {
    const calls = backend({
      paste_matrix_cells: () =>
        patch([
          { c: C.a, d: D.sso, text: "no" }, { c: C.a, d: D.price, text: "150" },
          { c: C.b, d: D.sso, text: "yes" }, { c: C.b, d: D.price, text: "120" },
        ]),
    });
    const { g } = await openMatrix();
    key(g, "ArrowDown");
    key(g, "ArrowRight");
    fireEvent.paste(g, { clipboardData: { getData: () => "no\t150\r\nyes\t120\r\n" } });
    await waitFor(() => expect(screen.getByTestId("cell-2-2")).toHaveTextContent("120"));
    expect(callsOf(calls, "paste_matrix_cells")).toHaveLength(1);
    expect(callsOf(calls, "paste_matrix_cells")[0]?.args).toEqual({ id: MID, competitorId: C.a, dimensionId: D.sso, tsv: "no\t150\r\nyes\t120\r\n" });
    expect(screen.getByTestId("cell-1-1")).toHaveTextContent("no");
  });

  it("refuses a block that runs past the grid without calling Rust", async () => {
    const calls = backend();
    const { g } = await openMatrix();
    key(g, "ArrowRight");
    key(g, "ArrowRight");
    fireEvent.paste(g, { clipboardData: { getData: () => "1\t2\r\n3\t4\r\n" } });
    expect(await screen.findByTestId("matrix-cell-error")).toHaveTextContent("The pasted block is 2 × 2 cells but only 3 × 1 fit");
    expect(callsOf(calls, "paste_matrix_cells")).toHaveLength(0);
  });

  it("undoes with Ctrl+Z and redoes with Ctrl+Shift+Z", async () => {
    const calls = backend({
      undo_matrix_edit: () => patch([{ c: C.ours, d: D.features, text: "1" }], { can_undo: false, can_redo: true }),
      redo_matrix_edit: () => patch([{ c: C.ours, d: D.features, text: "8" }]),
    });
    const { g } = await openMatrix();
    key(g, "z", { ctrlKey: true });
    await waitFor(() => expect(screen.getByTestId("cell-0-0")).toHaveTextContent("1"));
    expect(screen.getByTestId("matrix-redo")).toBeEnabled();
    key(g, "Z", { ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(screen.getByTestId("cell-0-0")).toHaveTextContent("8"));
    expect(callsOf(calls, "undo_matrix_edit")).toHaveLength(1);
    expect(callsOf(calls, "redo_matrix_edit")).toHaveLength(1);
  });

  it("fills the top row of a block down with Ctrl+D and copies a block as TSV", async () => {
    const calls = backend({ edit_matrix_cells: () => patch([]) });
    const { g } = await openMatrix();
    key(g, "ArrowDown", { shiftKey: true });
    key(g, "ArrowDown", { shiftKey: true });
    key(g, "ArrowRight", { shiftKey: true });
    key(g, "d", { ctrlKey: true });
    await waitFor(() => expect(callsOf(calls, "edit_matrix_cells")).toHaveLength(1));
    const sent = callsOf(calls, "edit_matrix_cells")[0]?.args?.cells as { competitor_id: string; dimension_id: string; text: string }[];
    expect(sent.map((c) => `${c.competitor_id}/${c.dimension_id}=${c.text}`)).toEqual([`${C.a}/${D.features}=8`, `${C.a}/${D.sso}=no`, `${C.b}/${D.features}=8`, `${C.b}/${D.sso}=no`]);
    let copied = "";
    fireEvent.copy(g, { clipboardData: { setData: (_: string, text: string) => (copied = text) } });
    expect(copied).toBe("8\tno\r\n6\tyes\r\n5\tpartial\r\n");
  });
});

describe("ranking and weights", () => {
  it("redraws the ranking from Rust's answer after a weight change", async () => {
    const reranked = [
      { ...RANKING[2], score: "8.18", rank: 1 },
      { ...RANKING[0], score: "6.36", rank: 2 },
      { ...RANKING[1], rank: 3 },
    ];
    const calls = backend({ set_matrix_weight: () => patch([], { ranking: reranked, weights: [{ dimension_id: D.features, weight: "20", normalised_pct: "90.9" }] }) });
    const { user } = await openMatrix();
    await user.click(screen.getByTestId("matrix-tab-ranking"));
    expect(await screen.findByTestId("ranking-pos-1")).toHaveTextContent("A");
    const weight = screen.getByTestId(`weight-${D.features}`);
    fireEvent.change(weight, { target: { value: "20" } });
    fireEvent.blur(weight);
    await waitFor(() => expect(screen.getByTestId("ranking-pos-1")).toHaveTextContent("我方"));
    expect(screen.getByTestId(`ranking-score-${C.ours}`)).toHaveTextContent("8.18");
    expect(screen.getByTestId(`weight-pct-${D.features}`)).toHaveTextContent("90.9%");
    expect(callsOf(calls, "set_matrix_weight")[0]?.args).toEqual({ id: MID, dimensionId: D.features, weight: "20" });
    expect(within(screen.getByTestId("ranking-pos-1")).getByText("我方")).toBeInTheDocument();
  });

  it("shows a refused weight at its field", async () => {
    backend({ set_matrix_weight: () => { throw ipcError({ kind: "validation", fields: [{ field: "weight", code: "negative", message: "" }] }); } });
    const { user } = await openMatrix();
    await user.click(screen.getByTestId("matrix-tab-ranking"));
    const weight = await screen.findByTestId(`weight-${D.sso}`);
    fireEvent.change(weight, { target: { value: "-1" } });
    fireEvent.keyDown(weight, { key: "Enter" });
    expect(await screen.findByTestId(`error-weight-${D.sso}`)).toHaveTextContent("Must not be negative");
  });
});

describe("matrix building blocks", () => {
  it("virtualises to the rows in view plus a few", () => {
    expect(visibleRange(0, 600, 30, 200)).toEqual({ start: 0, end: 23 });
    expect(visibleRange(3000, 600, 30, 200)).toEqual({ start: 97, end: 123 });
    expect(visibleRange(99999, 600, 30, 200).end).toBe(200);
  });

  it("maps keys to grid actions", () => {
    const k = (key: string, m: Partial<{ shiftKey: boolean; ctrlKey: boolean }> = {}) => gridAction({ key, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...m });
    expect(k("ArrowLeft", { shiftKey: true })).toEqual({ type: "move", dr: 0, dc: -1, extend: true });
    expect(k("x")).toEqual({ type: "edit", text: "x" });
    expect(k("z", { ctrlKey: true, shiftKey: true })).toEqual({ type: "redo" });
    expect(k("y", { ctrlKey: true })).toEqual({ type: "redo" });
    expect(k("Shift")).toBeNull();
  });

  it("draws the heatmap in ranking order, cell by cell, or by group when there are too many cells", async () => {
    backend();
    const { user } = await openMatrix();
    await user.click(screen.getByTestId("matrix-tab-heatmap"));
    const svg = await screen.findByTestId("heatmap");
    expect(within(screen.getByTestId("heat-row-0")).getByText("A")).toBeInTheDocument();
    expect(svg.querySelectorAll("rect")).toHaveLength(3 * 3 + 3);
    expect(heatColumns(grid(), false, 3).grouped).toBe(false);
    const wide = heatColumns(grid(), false, 5000);
    expect(wide.grouped).toBe(true);
    expect(wide.columns.map((c) => c.label)).toEqual(["Product features", "Price"]);
    expect(wide.columns[0].score(1)).toBe("8.0");
  });

  it("folds a patch into the grid: text, evidence, rescored column, weights", () => {
    const g = grid();
    const next = applyPatch(g, patch([{ c: C.b, d: D.price, text: "90" }], {
      columns: [{ dimension_id: D.price, scores: ["0.00", "5.00", "10.00"] }],
      weights: [{ dimension_id: D.price, weight: "2", normalised_pct: "50.0" }],
    }));
    expect(next.text[2][2]).toBe("90");
    expect(next.scores.map((r) => r[2])).toEqual(["0.00", "5.00", "10.00"]);
    expect(next.dimensions[2].normalised_pct).toBe("50.0");
    expect(g.text[2][2]).toBe("200");
    const cleared = applyPatch(g, patch([{ c: C.a, d: D.price, text: "" }]));
    expect(cleared.evidence).toHaveLength(0);
  });
});
