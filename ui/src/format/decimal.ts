// Exact decimal arithmetic on the strings the Rust side sends, for the one sum the window
// does itself (the cost-plus price suggestion) and for digit grouping. BigInt throughout:
// money never becomes a JS float.

type Fixed = { units: bigint; scale: number };

function parse(text: string): Fixed | null {
  const m = /^\s*(-?)(\d*)(?:\.(\d*))?\s*$/.exec(text);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return null;
  const frac = m[3] ?? "";
  const units = BigInt(`${m[2] || "0"}${frac}`);
  return { units: m[1] === "-" ? -units : units, scale: frac.length };
}

/** Rounds half away from zero to `dp` decimals and prints with exactly that many. */
function format({ units, scale }: Fixed, dp: number): string {
  let v = units;
  if (scale > dp) {
    const div = 10n ** BigInt(scale - dp);
    const q = v / div;
    const r = v % div;
    const twice = (r < 0n ? -r : r) * 2n;
    v = twice >= div ? q + (v < 0n ? -1n : 1n) : q;
  } else {
    v = v * 10n ** BigInt(dp - scale);
  }
  const neg = v < 0n;
  const digits = (neg ? -v : v).toString().padStart(dp + 1, "0");
  const int = digits.slice(0, digits.length - dp);
  const frac = dp > 0 ? `.${digits.slice(digits.length - dp)}` : "";
  return `${neg ? "-" : ""}${int}${frac}`;
}

/** cost × (1 + pct / 100), rounded half-up to `dp` decimals; null when either is not a number. */
export function costPlus(cost: string, pct: string, dp = 2): string | null {
  const c = parse(cost);
  const p = parse(pct);
  if (!c || !p) return null;
  // (1 + p/100) = (100·10^s + p.units) / (100·10^s)
  const factor = 100n * 10n ** BigInt(p.scale) + p.units;
  return format({ units: c.units * factor, scale: c.scale + p.scale + 2 }, dp);
}

/** Whether the text is a plain decimal greater than zero. */
export function isPositive(text: string): boolean {
  const v = parse(text);
  return v !== null && v.units > 0n;
}

/** "1234567.5" → "1,234,567.5" (the text is left alone when it is not a number). */
export function groupDigits(text: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text.trim());
  if (!m) return text;
  return `${m[1]}${m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${m[3] ?? ""}`;
}
