// Working days on the client, for "còn 3 ngày làm việc" beside a deadline. The rules are
// the server's (GET /calendar): Monday–Friday, minus public holidays, substitute days
// and swapped days off, plus swapped working weekends. A deadline that falls on a day off
// moves to the next working day (Civil Code 2015, art. 148(5)), as the server counts it.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { WorkCalendarYear } from '../api/types';
import { addDays } from '../core/format';

interface YearDays {
  off: Set<string>;
  working: Set<string>;
}

const years = new Map<number, YearDays | 'loading' | 'failed'>();
const listeners = new Set<() => void>();

function load(year: number): void {
  if (years.has(year)) return;
  years.set(year, 'loading');
  api.calendar.year(year).then(
    (cal: WorkCalendarYear) => {
      years.set(year, { off: new Set(cal.holidays.map((h) => h.date)), working: new Set(cal.working_swaps.map((w) => w.date)) });
      listeners.forEach((f) => f());
    },
    () => years.set(year, 'failed'),
  );
}

// Forget what was loaded (after an admin adds a swap).
export function resetWorkdays(): void {
  years.clear();
  listeners.forEach((f) => f());
}

function weekday(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

// true/false, or null while that year's calendar is not known yet.
function isWorking(iso: string): boolean | null {
  const y = years.get(Number(iso.slice(0, 4)));
  if (!y || typeof y === 'string') {
    load(Number(iso.slice(0, 4)));
    return null;
  }
  if (y.working.has(iso)) return true;
  if (y.off.has(iso)) return false;
  const wd = weekday(iso);
  return wd !== 0 && wd !== 6;
}

export function effectiveDeadline(iso: string): string | null {
  let d = iso;
  for (let i = 0; i < 40; i++) {
    const w = isWorking(d);
    if (w === null) return null;
    if (w) return d;
    d = addDays(d, 1);
  }
  return d;
}

// Working days in (from, to]; null while a calendar is loading. Long spans are capped:
// nobody reads "còn 400 ngày làm việc".
export function workingDaysBetween(from: string, to: string): number | null {
  if (to <= from) return 0;
  let n = 0;
  let d = addDays(from, 1);
  for (let i = 0; d <= to && i < 800; i++, d = addDays(d, 1)) {
    const w = isWorking(d);
    if (w === null) return null;
    if (w) n++;
  }
  return n;
}

// Re-renders the caller when a year's calendar arrives.
export function useWorkdays(): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    const f = () => setTick((n) => n + 1);
    listeners.add(f);
    return () => {
      listeners.delete(f);
    };
  }, []);
}
