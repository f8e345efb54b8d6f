// Period labels the dashboard offers (the same syntax as the CLI's --period): years, halves,
// quarters and months around today, newest first.
export type Granularity = "year" | "half" | "quarter" | "month";

export function periodOptions(kind: Granularity, today: Date = new Date(), years = 3): string[] {
  const year = today.getFullYear();
  const out: string[] = [];
  for (let y = year; y > year - years; y--) {
    if (kind === "year") out.push(String(y));
    if (kind === "half") out.push(`${y}-H2`, `${y}-H1`);
    if (kind === "quarter") out.push(`${y}-Q4`, `${y}-Q3`, `${y}-Q2`, `${y}-Q1`);
    if (kind === "month") for (let m = 12; m >= 1; m--) out.push(`${y}-${String(m).padStart(2, "0")}`);
  }
  return out;
}

export function granularityOf(period: string): Granularity {
  if (/^\d{4}$/.test(period)) return "year";
  if (/-H\d$/i.test(period)) return "half";
  if (/-Q\d$/i.test(period)) return "quarter";
  return "month";
}

/** The period of `kind` that contains today. */
export function currentPeriod(kind: Granularity, today: Date = new Date()): string {
  const y = today.getFullYear();
  const m = today.getMonth();
  if (kind === "year") return String(y);
  if (kind === "half") return `${y}-H${m < 6 ? 1 : 2}`;
  if (kind === "quarter") return `${y}-Q${Math.floor(m / 3) + 1}`;
  return `${y}-${String(m + 1).padStart(2, "0")}`;
}
