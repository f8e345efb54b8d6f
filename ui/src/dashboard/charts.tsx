// The dashboard's charts as plain SVG: a funnel, grouped bars, a Pareto chart and sparklines.
// Why not ECharts: ECharts 6 assigns `constructor` on a plain object when it is imported,
// which throws under Tauri's `freezePrototype` (the window freezes Object.prototype against
// prototype pollution), so the whole UI failed to start; see docs/decisions.md. These four
// charts need ~200 lines, no dependency, render in jsdom (so tests can check them) and keep
// the bundle and the webview's memory smaller. Values are for geometry only; the exact
// amounts are in the tables beside each chart and in each bar's tooltip.

const AXIS = "#d9d9d9";
const TEXT = "#595959";

/** Approximate width of `text` at `size` px: CJK characters are square, others about 0.58 em. */
function textWidth(text: string, size: number): number {
  return [...text].reduce((w, c) => w + (/[\u2e80-\u9fff\uff00-\uffef]/.test(c) ? size : size * 0.58), 0);
}

type FunnelProps = { stages: { key: string; label: string; value: number; highlight?: boolean }[]; onClick?: (index: number) => void; testId: string };

/** Centred bars whose widths follow the values (the first stage is the widest). */
export function FunnelChart({ stages, onClick, testId }: FunnelProps) {
  const width = 320;
  const row = 34;
  const max = Math.max(1, ...stages.map((s) => s.value));
  return (
    <svg viewBox={`0 0 ${width} ${stages.length * row}`} width="100%" role="img" data-testid={testId} className="chart">
      {stages.map((s, i) => {
        const w = Math.max(24, (s.value / max) * (width - 8));
        const x = (width - w) / 2;
        const text = `${s.label} ${s.value}`;
        // A label wider than its bar is drawn dark, over the white around the bar.
        const fits = w > textWidth(text, 11) + 10;
        return (
          <g key={s.key} onClick={() => onClick?.(i)} className={onClick ? "chart-clickable" : undefined} data-testid={`${testId}-${s.key}`}>
            <title>{`${s.label}: ${s.value}`}</title>
            <rect x={x} y={i * row + 2} width={w} height={row - 6} rx={3} fill={s.highlight ? "#d4380d" : "#4e7fd6"} opacity={1 - i * 0.09} />
            <text x={width / 2} y={i * row + row / 2 + 3} textAnchor="middle" fontSize={11} fill={fits ? "#fff" : "#262626"} fontWeight={fits ? 400 : 600}>
              {text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

type Series = { name: string; color: string; values: number[] };
type BarsProps = { labels: string[]; series: Series[]; height?: number; onClick?: (index: number) => void; testId: string; format: (v: number) => string };

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((m) => m >= v) ?? v;
}

/** Groups of bars per label with a legend and three grid lines; a click picks a label. */
export function BarChart({ labels, series, height = 200, onClick, testId, format }: BarsProps) {
  const width = 520;
  const left = 64;
  const top = 20;
  const bottom = 22;
  const plotH = height - top - bottom;
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  const group = (width - left - 8) / Math.max(1, labels.length);
  const bar = Math.min(22, (group - 10) / Math.max(1, series.length));
  const y = (v: number) => top + plotH - (v / max) * plotH;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" data-testid={testId} className="chart">
      {[0, 0.5, 1].map((f) => (
        <g key={f}>
          <line x1={left} x2={width - 4} y1={y(max * f)} y2={y(max * f)} stroke={AXIS} strokeDasharray={f ? "3 3" : undefined} />
          <text x={left - 6} y={y(max * f) + 4} textAnchor="end" fontSize={10} fill={TEXT}>{format(max * f)}</text>
        </g>
      ))}
      {series.map((s, k) => (
        <g key={s.name}>
          <rect x={left + k * 86} y={2} width={10} height={10} fill={s.color} />
          <text x={left + k * 86 + 14} y={11} fontSize={10} fill={TEXT}>{s.name}</text>
        </g>
      ))}
      {labels.map((label, i) => {
        const x0 = left + i * group + (group - bar * series.length) / 2;
        return (
          <g key={label} onClick={() => onClick?.(i)} className={onClick ? "chart-clickable" : undefined} data-testid={`${testId}-${label}`}>
            <rect x={left + i * group} y={top} width={group} height={plotH} fill="transparent" />
            {series.map((s, k) => (
              <rect key={s.name} x={x0 + k * bar} y={y(s.values[i] ?? 0)} width={bar - 2} height={Math.max(0, top + plotH - y(s.values[i] ?? 0))} fill={s.color}>
                <title>{`${label} ${s.name}: ${format(s.values[i] ?? 0)}`}</title>
              </rect>
            ))}
            <text x={left + i * group + group / 2} y={height - 6} textAnchor="middle" fontSize={10} fill={TEXT}>{label}</text>
          </g>
        );
      })}
    </svg>
  );
}

type ParetoProps = { bars: { label: string; value: number; color: string }[]; cumulative: number[]; testId: string };

/** Bars from the largest down, the cumulative share as a line on a 0–100 % axis. */
export function ParetoChart({ bars, cumulative, testId }: ParetoProps) {
  const width = 520;
  const height = 190;
  const left = 8;
  const right = 34;
  const top = 8;
  const plotH = height - top - 12;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const step = (width - left - right) / Math.max(1, bars.length);
  const line = cumulative.map((c, i) => `${left + i * step + step / 2},${top + plotH - (Math.min(100, c) / 100) * plotH}`).join(" ");
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" data-testid={testId} className="chart">
      {[0, 50, 80, 100].map((p) => (
        <g key={p}>
          <line x1={left} x2={width - right} y1={top + plotH - (p / 100) * plotH} y2={top + plotH - (p / 100) * plotH} stroke={AXIS} strokeDasharray={p === 80 ? "4 2" : "2 4"} />
          <text x={width - right + 4} y={top + plotH - (p / 100) * plotH + 4} fontSize={10} fill={TEXT}>{`${p}%`}</text>
        </g>
      ))}
      {bars.map((b, i) => (
        <rect key={`${b.label}-${i}`} x={left + i * step} y={top + plotH - (b.value / max) * plotH} width={Math.max(1, step - 1)} height={(b.value / max) * plotH} fill={b.color}>
          <title>{`${b.label}: ${b.value}`}</title>
        </rect>
      ))}
      <polyline points={line} fill="none" stroke="#389e0d" strokeWidth={1.5} />
    </svg>
  );
}

/** A trend line without axes, for the KPI cards. */
export function Sparkline({ values, testId }: { values: number[]; testId: string }) {
  const width = 120;
  const height = 26;
  if (values.length < 2) return <svg viewBox={`0 0 ${width} ${height}`} width="100%" height={height} data-testid={testId} />;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const span = hi - lo || 1;
  const points = values.map((v, i) => `${(i / (values.length - 1)) * (width - 4) + 2},${height - 3 - ((v - lo) / span) * (height - 6)}`).join(" ");
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" height={height} preserveAspectRatio="none" data-testid={testId} className="chart">
      <polyline points={points} fill="none" stroke="#4e7fd6" strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
    </svg>
  );
}
