// How matrix cells and headers look: the heatmap colour of a score, the badge of a dimension's
// type and of an evidence label. A score arrives as a decimal string; it becomes a float here
// only to pick a colour (geometry, never arithmetic that is shown).
import type { EvidenceLabel } from "../bindings/EvidenceLabel";
import type { MatrixScale } from "../bindings/MatrixScale";

export function scaleBounds(scale: MatrixScale): [number, number] {
  return scale === "zero_ten" ? [0, 10] : [-2, 2];
}

/** 0 … 1 along the scale (clamped). */
export function shareOf(score: string, scale: MatrixScale): number {
  const [min, max] = scaleBounds(scale);
  const v = (Number.parseFloat(score) - min) / (max - min);
  return Number.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0;
}

/** Red (worst) through yellow to green (best), light enough for dark text. */
export function heatColor(score: string, scale: MatrixScale): string {
  return `hsl(${Math.round(shareOf(score, scale) * 120)}, 68%, 78%)`;
}

export function labelBadge(label: EvidenceLabel, zh: boolean): string {
  const badges: Record<EvidenceLabel, [string, string]> = { fact: ["事", "F"], inference: ["推", "I"], assumption: ["假", "A"] };
  return badges[label][zh ? 0 : 1];
}

type DimLike = { kind: string; currency: string; unit: string };

export function kindBadge(d: DimLike, scale: MatrixScale): string {
  switch (d.kind) {
    case "score":
      return scale === "zero_ten" ? "0–10" : "±2";
    case "yes_partial_no":
      return "Y/P/N";
    case "price":
      return d.currency;
    case "number":
      return d.unit || "#";
    case "choice":
      return "≡";
    default:
      return "Aa";
  }
}
