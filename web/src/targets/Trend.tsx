// A small trend line for a scoreboard card: the indicator's values over the last periods
// with the target drawn dashed, in the status colours. Too small for ECharts to be worth
// one instance per card (a board has dozens); the indicator page draws the full chart
// through charts/Chart.tsx. Screen readers get the values as text.
import { STATUS_COLOURS, type Tone } from '../core/status';
import { t } from '../i18n';
import { formatMeasure, periodLabel } from './labels';
import type { TrendPoint } from './types';

const W = 132;
const H = 40;
const PAD = 4;

export function Trend(props: { points: TrendPoint[]; targets: number[]; tone: Tone; unit?: string }) {
  const pts = props.points.filter((p) => p.value !== null && p.value !== undefined) as (TrendPoint & { value: number })[];
  if (pts.length < 2) return null;
  const all = [...pts.map((p) => p.value), ...props.targets];
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (hi === lo) {
    hi += 1;
    lo -= 1;
  }
  const x = (i: number) => PAD + (i * (W - 2 * PAD)) / (pts.length - 1);
  const y = (v: number) => H - PAD - ((v - lo) * (H - 2 * PAD)) / (hi - lo);
  const line = pts.map((p, i) => `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const last = pts[pts.length - 1];
  const colour = STATUS_COLOURS[props.tone === 'grey' ? 'grey' : props.tone];
  const text = pts.map((p) => `${periodLabel(p.period)}: ${formatMeasure(p.value, props.unit)}`).join('; ');
  return (
    <svg class="trend" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('targets.trendLabel', { values: text })}>
      <title>{text}</title>
      {props.targets.map((v, i) => (
        <line key={i} x1={PAD} x2={W - PAD} y1={y(v)} y2={y(v)} stroke="#505a5f" stroke-width="1" stroke-dasharray="3 3" />
      ))}
      <polyline points={line} fill="none" stroke={STATUS_COLOURS.info} stroke-width="2" stroke-linejoin="round" />
      <circle cx={x(pts.length - 1)} cy={y(last.value)} r="3.5" fill={colour} stroke="#fff" stroke-width="1" />
    </svg>
  );
}
