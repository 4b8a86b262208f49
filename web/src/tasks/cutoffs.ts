// The cut-off days of the reporting regime (NĐ 09/2019/NĐ-CP art. 12): figures of a monthly
// report stop on the 14th of the report month, of the six-month report on 14 June, of the
// yearly report on 14 December. The latest of each on or before today.
import { todayIso } from '../core/format';

export interface Cutoff {
  kind: 'month' | 'half' | 'year';
  date: string; // YYYY-MM-DD
}

const iso = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}-14`;

export function reportingCutoffs(today = todayIso()): Cutoff[] {
  const [y, m, d] = today.split('-').map(Number);
  const month = d >= 14 ? iso(y, m) : m === 1 ? iso(y - 1, 12) : iso(y, m - 1);
  const half = today >= iso(y, 6) ? iso(y, 6) : iso(y - 1, 6);
  const year = today >= iso(y, 12) ? iso(y, 12) : iso(y - 1, 12);
  return [
    { kind: 'month', date: month },
    { kind: 'half', date: half },
    { kind: 'year', date: year },
  ];
}

// The as_of the API is asked with: a real past day, else nothing (today's figures).
export function pastDay(v: string | null | undefined, today = todayIso()): string | undefined {
  return v && /^\d{4}-\d{2}-\d{2}$/.test(v) && v < today ? v : undefined;
}
