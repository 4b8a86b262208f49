// Client routing on the History API: real paths (/units/12?as_of=2025-06-30), so a view
// can be sent to a colleague. Filters live in the query string.
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export interface Location {
  path: string;
  query: URLSearchParams;
}

const listeners = new Set<() => void>();

function current(): Location {
  return { path: window.location.pathname, query: new URLSearchParams(window.location.search) };
}

function notify(): void {
  listeners.forEach((f) => f());
}

window.addEventListener('popstate', notify);

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  const here = window.location.pathname + window.location.search;
  if (to === here) return;
  if (opts.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  notify();
}

export function useLocation(): Location {
  const [loc, setLoc] = useState(current);
  useEffect(() => {
    const f = () => setLoc(current());
    listeners.add(f);
    return () => {
      listeners.delete(f);
    };
  }, []);
  return loc;
}

export type QueryUpdate = Record<string, string | number | null | undefined>;

// The current path with some query parameters set or (null/'') removed.
export function withQuery(path: string, base: URLSearchParams, updates: QueryUpdate): string {
  const q = new URLSearchParams(base);
  for (const [key, value] of Object.entries(updates)) {
    if (value === null || value === undefined || value === '') q.delete(key);
    else q.set(key, String(value));
  }
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

export function setQuery(updates: QueryUpdate, opts: { replace?: boolean } = {}): void {
  const loc = current();
  navigate(withQuery(loc.path, loc.query, updates), opts);
}

// Matches `/units/:id/edit` against a path; returns the named parts or null.
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const s = path.replace(/\/+$/, '').split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) params[p[i].slice(1)] = decodeURIComponent(s[i]);
    else if (p[i] !== s[i]) return null;
  }
  return params;
}

type AnchorProps = JSX.HTMLAttributes<HTMLAnchorElement> & { href: string; children?: ComponentChildren };

// An <a> that navigates in-app on a plain left click and behaves like a link otherwise
// (new tab, copy address).
export function Link({ href, onClick, ...rest }: AnchorProps) {
  const handle = (e: JSX.TargetedMouseEvent<HTMLAnchorElement>) => {
    if (onClick) (onClick as (ev: JSX.TargetedMouseEvent<HTMLAnchorElement>) => void)(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handle} {...rest} />;
}
