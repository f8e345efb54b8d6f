// How the dashboard prints the exact decimal strings it receives: grouped digits, the
// currency after, and a dash for "no value". Chart geometry is the only place a string
// becomes a JS number (a bar's length), never a figure the user reads.
import { groupDigits } from "../format/decimal";

export const dash = "—";

export function money(v: string | null | undefined, currency: string): string {
  return v == null ? dash : `${groupDigits(v)} ${currency}`;
}

export function pct(v: string | null | undefined): string {
  return v == null ? dash : `${v}%`;
}

export function plain(v: string | number | null | undefined): string {
  return v == null ? dash : groupDigits(String(v));
}

/** For chart geometry only. */
export function toNumber(v: string | null | undefined): number {
  const n = Number(v ?? 0);
  return Number.isFinite(n) ? n : 0;
}

/** "+3" / "-2" / "+1.5" from a decimal string or integer; a dash for none. */
export function signed(v: string | number | null | undefined): string {
  if (v == null) return dash;
  const s = groupDigits(String(v));
  return s.startsWith("-") ? s : `+${s}`;
}
