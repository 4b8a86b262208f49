// Words, colours and formats of the targets pages: a target's status in the one colour
// language as the server orders them (red at risk or missed, amber on track — not there yet,
// green achieved, grey no data),
// periods as people write them (Năm 2024, Quý II/2024, Tháng 6/2024), values with their
// unit of measure in vi-VN numbers.
import { formatNumber } from '../core/format';
import type { Tone } from '../core/status';
import { getLang, hasKey, t } from '../i18n';
import type { Comparator, IndicatorRef, Target, TargetStatus } from './types';

// On track is amber: still to be achieved (the server's review orders it so).
export function statusTone(s: TargetStatus | string): Tone {
  switch (s) {
    case 'missed':
    case 'at_risk':
      return 'red';
    case 'achieved':
      return 'green';
    case 'not_reported':
      return 'grey';
    default:
      return 'amber';
  }
}

// The scoreboard's four groups, in the order a leader reads them.
export const TONES: Tone[] = ['red', 'amber', 'green', 'grey'];

// Within a group: what can still be saved first.
const STATUS_ORDER: Record<string, number> = { at_risk: 0, missed: 1, on_track: 2, achieved: 3, not_reported: 4 };

export function statusRank(s: string): number {
  return STATUS_ORDER[s] ?? 1.5;
}

export function statusLabel(s: TargetStatus | string): string {
  const key = `targets.status.${s}`;
  return hasKey(key) ? t(key) : s;
}

export function toneLabel(tone: Tone): string {
  return t(`targets.tone.${tone as 'red' | 'amber' | 'green' | 'grey'}`);
}

const ROMAN = ['I', 'II', 'III', 'IV'];

export type Granularity = 'year' | 'quarter' | 'month';

export interface Period {
  year: number;
  granularity: Granularity;
  // 1–4 for a quarter, 1–12 for a month, 0 for a year.
  part: number;
}

export function parsePeriod(s: string | null | undefined): Period | null {
  if (!s) return null;
  let m = /^(\d{4})$/.exec(s);
  if (m) return { year: Number(m[1]), granularity: 'year', part: 0 };
  m = /^(\d{4})-Q([1-4])$/.exec(s);
  if (m) return { year: Number(m[1]), granularity: 'quarter', part: Number(m[2]) };
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(s);
  if (m) return { year: Number(m[1]), granularity: 'month', part: Number(m[2]) };
  return null;
}

export function periodCode(p: Period): string {
  if (p.granularity === 'year') return String(p.year);
  if (p.granularity === 'quarter') return `${p.year}-Q${p.part}`;
  return `${p.year}-${String(p.part).padStart(2, '0')}`;
}

// "Năm 2024", "Quý II/2024", "Tháng 6/2024" (English: "2024", "Q2 2024", "June 2024").
export function periodLabel(s: string | null | undefined): string {
  const p = parsePeriod(s);
  if (!p) return s || '—';
  const en = getLang() === 'en';
  if (p.granularity === 'year') return en ? String(p.year) : t('targets.period.year', { year: p.year });
  if (p.granularity === 'quarter') return en ? `Q${p.part} ${p.year}` : t('targets.period.quarter', { q: ROMAN[p.part - 1], year: p.year });
  return en ? `${String(p.part).padStart(2, '0')}/${p.year}` : t('targets.period.month', { m: p.part, year: p.year });
}

// A short label for a chart's axis: "Q2/24", "T6/24", "2024".
export function periodShort(s: string): string {
  const p = parsePeriod(s);
  if (!p) return s;
  const yy = String(p.year).slice(2);
  if (p.granularity === 'year') return String(p.year);
  if (p.granularity === 'quarter') return `${getLang() === 'en' ? 'Q' : 'Q'}${p.part}/${yy}`;
  return `${getLang() === 'en' ? 'M' : 'T'}${p.part}/${yy}`;
}

// The quarters or months of a year, for splitting a yearly target.
export function periodsOf(year: number, granularity: 'quarter' | 'month'): string[] {
  const n = granularity === 'quarter' ? 4 : 12;
  return Array.from({ length: n }, (_, i) => periodCode({ year, granularity, part: i + 1 }));
}

// A value with its unit of measure: "7,17 %", "1.000 căn", "95,3 %".
// The value a target was judged on, or "Chưa có số liệu" when there is none.
export function valueText(value: number | null | undefined, unit?: string | null): string {
  return value === null || value === undefined || !Number.isFinite(value) ? t('targets.noData') : formatMeasure(value, unit);
}

export function formatMeasure(value: number | null | undefined, unit?: string | null, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const n = formatNumber(value, digits);
  if (!unit) return n;
  if (unit === '%') return getLang() === 'vi' ? `${n} %` : `${n}%`;
  return `${n} ${unit}`;
}

const COMPARATOR_SIGN: Record<Comparator, string> = { '>': '>', '>=': '≥', '<': '<', '<=': '≤', '=': '=', between: '' };

// The target as a formula: "> 95 %", "7,5–8 %", "≥ 1.000 căn".
export function targetFormula(c: Comparator | string, values: number[], unit?: string | null): string {
  if (c === 'between' && values.length >= 2) {
    const lo = formatNumber(values[0], 2);
    return formatMeasure(values[1], unit).replace(formatNumber(values[1], 2), `${lo}–${formatNumber(values[1], 2)}`);
  }
  const sign = COMPARATOR_SIGN[c as Comparator] ?? c;
  return `${sign} ${formatMeasure(values[0], unit)}`.trim();
}

// A target as the page shows it: the formula, or for a change against the previous period
// ("giảm 10%") the words as typed, since "≤ -10 %" reads as a level.
export function targetText(x: Pick<Target, 'comparator' | 'values' | 'relative' | 'expression' | 'indicator'>): string {
  if (x.relative && x.expression) return x.expression;
  return targetFormula(x.comparator, x.values, x.indicator?.unit_of_measure);
}

export function comparatorLabel(c: Comparator | string): string {
  const key = `targets.comparator.${c}`;
  return hasKey(key) ? t(key) : c;
}

// The indicator's name in the reader's language.
export function indicatorName(i: IndicatorRef | undefined | null, fallbackId?: number): string {
  if (!i) return fallbackId ? `#${fallbackId}` : '—';
  return getLang() === 'en' && i.name_en ? i.name_en : i.name;
}

export function targetTitle(target: Target): string {
  return indicatorName(target.indicator, target.indicator_id);
}

export function unitName(u: { name?: string } | null | undefined, id?: number | null): string {
  return u?.name ?? (id ? `#${id}` : '—');
}

export function labelOf(prefix: string, v: string): string {
  const key = `${prefix}.${v}`;
  return hasKey(key) ? t(key) : v;
}

// What a person types as a number: "1.234,5", "7,5", "95" (and "1234.5" too).
export function parseNumberInput(text: string): number | null {
  const s = text.trim().replace(/\s/g, '');
  if (!s) return null;
  let norm: string;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) norm = s.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d+(,\d+)?$/.test(s)) norm = s.replace(',', '.');
  else if (/^-?\d+(\.\d+)?$/.test(s)) norm = s;
  else return null;
  const n = Number(norm);
  return Number.isFinite(n) ? n : null;
}

// A number as a person would type it back into a field: "7,5" in Vietnamese.
export function numberInputText(n: number | null | undefined): string {
  if (n === null || n === undefined) return '';
  return getLang() === 'vi' ? String(n).replace('.', ',') : String(n);
}
