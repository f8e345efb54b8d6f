// A small matrix as Rust sends it: 我方 (ours), A and B against Features (score), SSO
// (yes/partial/no) and Price (CNY, lower is better), fully known; and patches as Rust answers.
import type { GridPatch } from "../bindings/GridPatch";
import type { MatrixGrid } from "../bindings/MatrixGrid";
import type { RankRow } from "../bindings/RankRow";

export const MID = "m1";
export const C = { ours: "c0", a: "c1", b: "c2" };
export const D = { features: "d0", sso: "d1", price: "d2" };

const rank = (competitor_id: string, name: string, score: string, r: number, is_ours = false): RankRow => ({
  competitor_id, name, is_ours, score, known: 3, scored_dimensions: 3, coverage_pct: "100.0", rank: r,
});

export const RANKING: RankRow[] = [rank(C.a, "A", "8.67", 1), rank(C.b, "B", "5.00", 2), rank(C.ours, "我方", "2.67", 3, true)];

export function grid(over: Partial<MatrixGrid> = {}): MatrixGrid {
  const dim = (id: string, name_en: string, kind: "score" | "yes_partial_no" | "price", group_id: string) => ({
    id, group_id, name_zh: "", name_en, kind, currency: kind === "price" ? "CNY" : "", unit: "", choices: [], weight: "1", normalised_pct: "33.3",
    rule: kind === "price" ? "lower_better;rank" : "", scored: true, hidden: false,
  });
  return {
    matrix: { id: MID, name: "CRM", owner: "王伟", owner_masked: false, scale: "zero_ten", stale_after_days: 90, updated_at: "2026-12-02T08:00:00.000Z" },
    groups: [
      { id: "g0", seed: "features", name_zh: "产品功能", name_en: "Product features" },
      { id: "g1", seed: "price", name_zh: "价格策略", name_en: "Price" },
    ],
    dimensions: [dim(D.features, "Features", "score", "g0"), dim(D.sso, "SSO", "yes_partial_no", "g0"), dim(D.price, "Price", "price", "g1")],
    competitors: [
      { id: C.ours, name: "我方", is_ours: true, hidden: false },
      { id: C.a, name: "A", is_ours: false, hidden: false },
      { id: C.b, name: "B", is_ours: false, hidden: false },
    ],
    text: [["8", "no", "300"], ["6", "yes", "100"], ["5", "partial", "200"]],
    scores: [["8.00", "0.00", "0.00"], ["6.00", "10.00", "10.00"], ["5.00", "5.00", "5.00"]],
    evidence: [{ row: 1, col: 2, evidence: { source: "https://example.com/a", as_of: "2025-01-01", label: "fact", stale: true } }],
    ranking: RANKING,
    figures: { cells: 9, known: 9, stale: 1, undated: 8, coverage_pct: "100.0", fresh_pct: "0.0", oldest: "2025-01-01" },
    can_undo: false,
    can_redo: false,
    ...over,
  };
}

export function patch(cells: { c: string; d: string; text: string }[], over: Partial<GridPatch> = {}): GridPatch {
  return {
    cells: cells.map((x) => ({ competitor_id: x.c, dimension_id: x.d, text: x.text, evidence: null })),
    columns: [],
    ranking: RANKING,
    weights: [],
    figures: grid().figures,
    can_undo: true,
    can_redo: false,
    ...over,
  };
}

export const summary = { id: MID, name: "CRM", owner: "王伟", owner_masked: false, scale: "zero_ten" as const, competitors: 3, dimensions: 3, updated_at: "2026-12-02T08:00:00.000Z" };
