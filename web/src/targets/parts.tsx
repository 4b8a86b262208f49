// Pieces every targets page shares: the status tag (the server's sentence on hover and
// tap), the period choice, the filters read from the URL, hrefs of the pages.
import { useEffect, useState } from 'preact/hooks';
import type { Tone } from '../core/status';
import { todayIso } from '../core/format';
import { useAsync } from '../core/hooks';
import { ReasonTag } from '../tasks/parts';
import { t } from '../i18n';
import { targetsApi } from './api';
import { labelOf, parsePeriod, periodCode, periodLabel, statusLabel, statusTone } from './labels';
import type { Indicator, TargetStatus } from './types';

export function StatusTag(props: { status: TargetStatus | string; reason?: string }) {
  return <ReasonTag tone={statusTone(props.status)} label={statusLabel(props.status)} reason={props.reason} />;
}

export function ToneDot(props: { tone: Tone }) {
  return <span class={`dot dot--${props.tone}`} aria-hidden="true" />;
}

// `/targets/list?period=2024&status=at_risk`, leaving out empty parameters.
export function href(path: string, params: Record<string, string | number | boolean | null | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '' && v !== false) q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

export function int(v: string | null): number | undefined {
  return v && /^\d+$/.test(v) ? Number(v) : undefined;
}

export function thisYear(): number {
  return Number(todayIso().slice(0, 4));
}

// Years and their quarters, newest first, for a period filter.
export function periodOptions(around: number, extra?: string | null): { value: string; label: string }[] {
  const out: { value: string; label: string }[] = [];
  for (let y = around + 1; y >= around - 4; y--) {
    out.push({ value: String(y), label: periodLabel(String(y)) });
    for (let q = 1; q <= 4; q++) {
      const code = periodCode({ year: y, granularity: 'quarter', part: q });
      out.push({ value: code, label: `\u2003${periodLabel(code)}` });
    }
  }
  if (extra && parsePeriod(extra) && !out.some((o) => o.value === extra)) out.unshift({ value: extra, label: periodLabel(extra) });
  return out;
}

// The period a board opens on when the URL names none: the latest year that has targets
// (this year, else the years before), so the first screen is never empty for no reason.
export function useDefaultPeriod(asked: string | null): string | null {
  const [found, setFound] = useState<string | null>(asked && parsePeriod(asked) ? asked : null);
  useEffect(() => {
    if (asked && parsePeriod(asked)) {
      setFound(asked);
      return;
    }
    let alive = true;
    (async () => {
      const y = thisYear();
      for (const year of [y, y - 1, y - 2, y + 1]) {
        try {
          const r = await targetsApi.targets.list({ period: String(year), limit: 1 });
          if (r.total > 0) {
            if (alive) setFound(String(year));
            return;
          }
        } catch {
          break;
        }
      }
      if (alive) setFound(String(y));
    })();
    return () => {
      alive = false;
    };
  }, [asked]);
  return found;
}

const INDICATOR_LIMIT = 500;

export function useIndicators() {
  return useAsync<Indicator[]>(() => targetsApi.indicators.list({ limit: INDICATOR_LIMIT }).then((r) => r.items), []);
}

export function groupLabel(g: string): string {
  return labelOf('targets.group', g);
}

export function groupsOf(indicators: Indicator[] | undefined): string[] {
  return Array.from(new Set((indicators ?? []).map((i) => i.group).filter((g): g is string => !!g))).sort();
}

export function kindLabel(kind: string | null | undefined): string {
  return kind ? labelOf('targets.kind', kind) : '';
}

export function Ago(props: { days: number | null | undefined; late: boolean }) {
  if (props.days === null || props.days === undefined) return null;
  return <span class={props.late ? 'deadline-left deadline-left--red' : 'deadline-left'}>{props.late ? t('deadline.late', { n: props.days }) : t('deadline.left', { n: props.days })}</span>;
}
