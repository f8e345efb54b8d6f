// A refused cell, said in the window's language and naming where: "HubSpot × 功能完整度:
// a score is a number from 0 to 10 …". Rust reports each refused cell as a field error whose
// field is `<competitor>/<dimension key>` and whose code says why; the reason is chosen here
// by the code and the dimension's type.
import type { TFunction } from "i18next";
import type { DimensionView } from "../bindings/DimensionView";
import type { IpcError } from "../bindings/IpcError";
import type { MatrixGrid } from "../bindings/MatrixGrid";
import { dimLabel } from "./gridModel";
import { scaleBounds } from "./look";

const key = (d: DimensionView) => d.name_en || d.name_zh;

function reason(t: TFunction, grid: MatrixGrid, d: DimensionView | undefined, code: string): string {
  const [min, max] = scaleBounds(grid.matrix.scale);
  if (d?.kind === "score" && ["invalid_number", "out_of_range", "too_many_decimals"].includes(code)) return t("matrix.reason.score", { min, max });
  if (d?.kind === "yes_partial_no") return t("matrix.reason.ypn");
  if (d?.kind === "choice" && code === "unknown_value") return t("matrix.reason.choice", { choices: d.choices.join(" / ") });
  if ((d?.kind === "price" || d?.kind === "number") && code === "invalid_number") return t("matrix.reason.number");
  return t(`fieldError.${code}`, { defaultValue: code });
}

/** One line per refused cell (at most `limit`), or the error's own message. */
export function refusalLines(t: TFunction, zh: boolean, grid: MatrixGrid, err: IpcError, limit = 5): string[] {
  if (err.kind !== "validation" || err.fields.length === 0) return [err.message];
  const lines = err.fields.slice(0, limit).map((f) => {
    const comp = grid.competitors.find((c) => f.field.startsWith(`${c.name}/`) && grid.dimensions.some((d) => `${c.name}/${key(d)}` === f.field));
    const dim = comp ? grid.dimensions.find((d) => `${comp.name}/${key(d)}` === f.field) : undefined;
    return t("matrix.refused", {
      competitor: comp?.name ?? f.field,
      dimension: dim ? dimLabel(dim, zh) : "",
      reason: reason(t, grid, dim, f.code),
    });
  });
  if (err.fields.length > limit) lines.push(t("matrix.moreRefused", { n: err.fields.length - limit }));
  return lines;
}
