// What a feature adds to the web app: its side-navigation items and its pages. Each feature
// (investment, targets, petitions, conferences) exports one FeatureModule from its folder's
// module.tsx; App.tsx asks each in turn for the page of a path, and Shell.tsx lists their
// items after the tasks group. Messages live beside them in the feature's messages.ts,
// spread into i18n/vi.ts and i18n/en.ts.
import type { JSX } from 'preact';
import type { MessageKey } from '../i18n';

export interface NavItem {
  path: string;
  label: MessageKey;
  permission?: string;
  // A page under the item above it, indented.
  sub?: boolean;
  // Paths that belong to another item although they start with this one's.
  except?: string[];
  // Another item's page that belongs to this one when opened from it (its query names this
  // item's object): the explanation asked about a task is still the task's work.
  alsoWhen?: { path: string; param: string }[];
}

export interface RouteContext {
  // The path without a trailing slash ('/' for the root).
  path: string;
  query: URLSearchParams;
  // The numeric `:id` of `pattern` when the path matches it, else null.
  id: (pattern: string) => number | null;
  // The page when the user holds the permission, else the forbidden page.
  needs: (permission: string, page: () => JSX.Element) => JSX.Element;
}

export interface FeatureModule {
  nav: NavItem[];
  // The page for ctx.path, or null when the path is not this feature's.
  route: (ctx: RouteContext) => JSX.Element | null;
  // A page anyone may open without logging in (the petitions' public answers), or null.
  publicRoute?: (path: string, query: URLSearchParams) => JSX.Element | null;
}
