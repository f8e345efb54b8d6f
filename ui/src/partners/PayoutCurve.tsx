// The payout over a payee's sales in the period, under the plan in effect (grey, dashed) and
// the simulated plan (blue), as our own SVG (ECharts cannot run under the window's frozen
// prototype; docs/decisions.md). The points include both sides of every tier boundary one
// cent apart, so a retroactive tier's cliff is drawn as a vertical jump; the boundaries are
// marked with dotted lines. Geometry only: the exact figures are in the table beside it.
import { useTranslation } from "react-i18next";
import type { CurvePoint } from "../bindings/CurvePoint";
import { groupDigits } from "../format/decimal";

const W = 640;
const H = 260;
const PAD = { left: 72, right: 16, top: 16, bottom: 36 };

const num = (v: string | null | undefined) => {
  const n = Number(v ?? 0);
  return Number.isFinite(n) ? n : 0;
};

function nice(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((m) => m >= v) ?? v;
}

export function PayoutCurve({ points, boundaries, currency }: { points: CurvePoint[]; boundaries: string[]; currency: string }) {
  const { t } = useTranslation();
  if (points.length < 2) return null;
  const maxX = Math.max(...points.map((p) => num(p.amount)));
  const maxY = nice(Math.max(1, ...points.map((p) => Math.max(num(p.simulated), num(p.current)))));
  const x = (v: number) => PAD.left + (v / (maxX || 1)) * (W - PAD.left - PAD.right);
  const y = (v: number) => H - PAD.bottom - (v / maxY) * (H - PAD.top - PAD.bottom);
  const path = (pick: (p: CurvePoint) => string | null) =>
    points.filter((p) => pick(p) !== null).map((p, i) => `${i === 0 ? "M" : "L"}${x(num(p.amount)).toFixed(1)},${y(num(pick(p))).toFixed(1)}`).join(" ");
  const hasCurrent = points.some((p) => p.current !== null);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * maxY);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" className="chart curve" data-testid="whatif-curve" aria-label={t("partners.whatif.curveTitle")}>
      {ticks.map((v) => (
        <g key={v}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#f0f0f0" />
          <text x={PAD.left - 6} y={y(v) + 4} fontSize={10} textAnchor="end" fill="#595959">{groupDigits(String(Math.round(v)))}</text>
        </g>
      ))}
      {boundaries.map((b) => (
        <g key={b} data-testid={`whatif-boundary-${b}`}>
          <line x1={x(num(b))} x2={x(num(b))} y1={PAD.top} y2={H - PAD.bottom} stroke="#d4380d" strokeDasharray="2 3" />
          <text x={x(num(b))} y={H - PAD.bottom + 14} fontSize={10} textAnchor="middle" fill="#d4380d">{groupDigits(b)}</text>
        </g>
      ))}
      <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} stroke="#bfbfbf" />
      {hasCurrent && <path d={path((p) => p.current)} fill="none" stroke="#8c8c8c" strokeWidth={2} strokeDasharray="6 4" data-testid="whatif-curve-current" />}
      <path d={path((p) => p.simulated)} fill="none" stroke="#2f6fd6" strokeWidth={2} data-testid="whatif-curve-simulated" />
      <text x={W - PAD.right} y={H - 6} fontSize={10} textAnchor="end" fill="#595959">{t("partners.whatif.axisSales", { currency })}</text>
      <g fontSize={11}>
        {hasCurrent && <text x={PAD.left + 8} y={PAD.top + 10} fill="#8c8c8c">— — {t("partners.whatif.current")}</text>}
        <text x={PAD.left + 8} y={PAD.top + 26} fill="#2f6fd6">——— {t("partners.whatif.simulated")}</text>
      </g>
    </svg>
  );
}
