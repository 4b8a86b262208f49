// The "as of" date of the top bar. It lives in the URL (`?as_of=2025-06-30`) so a view
// of the past can be shared; absent means today (Vietnam time).
import { isIsoDate, todayIso } from '../core/format';
import { useLocation } from './router';

export function asOfFrom(query: URLSearchParams): string {
  const v = query.get('as_of');
  return isIsoDate(v) ? v : todayIso();
}

export function useAsOf(): string {
  return asOfFrom(useLocation().query);
}

// `path` carrying the current as_of (when it is not today) and extra parameters.
export function hrefWith(path: string, asOf: string, params: Record<string, string | number | null | undefined> = {}): string {
  const q = new URLSearchParams();
  if (asOf !== todayIso()) q.set('as_of', asOf);
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

export function useHref(): (path: string, params?: Record<string, string | number | null | undefined>) => string {
  const asOf = useAsOf();
  return (path, params) => hrefWith(path, asOf, params);
}
