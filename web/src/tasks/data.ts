// Directives and their groups, as the filters and forms of the tasks pages choose them.
import { api } from '../api/client';
import type { Directive, TaskGroup } from '../api/types';
import { useAsync } from '../core/hooks';

const DIRECTIVE_LIMIT = 500;

export function useDirectives() {
  return useAsync<Directive[]>(() => api.directives.list({ limit: DIRECTIVE_LIMIT }).then((r) => r.items), []);
}

export function useGroups(directiveId: number | undefined) {
  return useAsync<TaskGroup[]>(
    () => (directiveId ? api.taskGroups.list(directiveId).then((r) => r.items) : Promise.resolve([])),
    [directiveId],
  );
}

export interface GroupNode {
  group: TaskGroup;
  depth: number;
  // "1", "1.2": the number people use for a group in the directive.
  number: string;
}

// Groups in reading order: each under its parent, by position then id.
export function orderGroups(groups: TaskGroup[]): GroupNode[] {
  const byParent = new Map<number | null, TaskGroup[]>();
  const ids = new Set(groups.map((g) => g.id));
  for (const g of groups) {
    const parent = g.parent_id !== null && ids.has(g.parent_id) ? g.parent_id : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), g]);
  }
  const out: GroupNode[] = [];
  const walk = (parent: number | null, depth: number, prefix: string) => {
    const kids = (byParent.get(parent) ?? []).sort((a, b) => a.position - b.position || a.id - b.id);
    kids.forEach((g, i) => {
      const number = prefix ? `${prefix}.${i + 1}` : String(i + 1);
      out.push({ group: g, depth, number });
      if (depth < 10) walk(g.id, depth + 1, number);
    });
  };
  walk(null, 0, '');
  return out;
}
