// The task list's filters live in the URL (UI.md: a view can be sent to a colleague).
// This turns the query string into the API's filters and back.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { TASK_STATES, TIMELINESS, type Me, type TaskQuery, type TaskState, type Timeliness } from '../api/types';
import { addDays, isIsoDate, todayIso } from '../core/format';
import { pastDay } from './cutoffs';

export const TASK_FILTER_KEYS = [
  'unit_id',
  'lead_unit_id',
  'assignee_id',
  'directive_id',
  'group_id',
  'parent_id',
  'timeliness',
  'state',
  'due_before',
  'is_key',
  'extension_pending',
  'top_level',
  'q',
  'as_of', // tasksreport: each task as it stood that day
] as const;

function int(v: string | null): number | undefined {
  return v && /^\d+$/.test(v) ? Number(v) : undefined;
}

// `view=week`: open tasks due from today to Sunday (see listTasks).
export type TaskView = 'week' | '';

// The columns the server orders the task list by (ListTasks' ListSpec).
export const TASK_SORTS = ['deadline', 'title', 'state', 'timeliness', 'created', 'lead', 'coordinators', 'progress'];

export function filtersFrom(q: URLSearchParams): TaskQuery & { view: TaskView } {
  const timeliness = q.get('timeliness');
  const state = q.get('state');
  return {
    unit_id: int(q.get('unit_id')),
    lead_unit_id: int(q.get('lead_unit_id')),
    assignee_id: int(q.get('assignee_id')),
    directive_id: int(q.get('directive_id')),
    group_id: int(q.get('group_id')),
    parent_id: int(q.get('parent_id')),
    timeliness: TIMELINESS.includes(timeliness as Timeliness) ? (timeliness as Timeliness) : undefined,
    state: TASK_STATES.includes(state as TaskState) ? (state as TaskState) : undefined,
    due_before: isIsoDate(q.get('due_before')) ? q.get('due_before')! : undefined,
    sort: TASK_SORTS.includes((q.get('sort') ?? '').replace(/^-/, '')) ? (q.get('sort') as TaskQuery['sort']) : undefined,
    is_key: q.get('is_key') === 'true' ? true : undefined,
    extension_pending: q.get('extension_pending') === 'true' ? true : undefined,
    top_level: q.get('top_level') === 'true' ? true : undefined,
    q: q.get('q')?.trim() || undefined,
    view: q.get('view') === 'week' ? 'week' : '',
    as_of: pastDay(q.get('as_of')),
  };
}

// `/tasks?unit_id=4&timeliness=overdue` from filters (undefined ones left out).
export function tasksHref(filters: Partial<Record<(typeof TASK_FILTER_KEYS)[number] | 'view', string | number | boolean | undefined | null>>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `/tasks?${s}` : '/tasks';
}

// "Due this week" is the working week ahead: five working days from today by the server's
// working calendar (GET /working-week), so that on a Sunday it runs Monday to Friday and a
// holiday is skipped. As of a past day (tasksa), the week ahead of that day. Asked once a
// day per day asked; until it answers, the week is 7 days ahead.
const weekCache = new Map<string, Promise<string>>();
let weekCacheToday = '';
export function workingWeekEnd(asOf?: string | null): Promise<string> {
  const today = todayIso();
  if (weekCacheToday !== today) {
    weekCache.clear();
    weekCacheToday = today;
  }
  const day = asOf || today;
  let end = weekCache.get(day);
  if (!end) {
    end = api.tasks.workingWeek(asOf || undefined).then(
      (w) => w.end,
      () => {
        weekCache.delete(day);
        return addDays(day, 7);
      },
    );
    weekCache.set(day, end);
  }
  return end;
}

export function useWorkingWeekEnd(asOf?: string | null): string | null {
  const today = todayIso();
  const [end, setEnd] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    workingWeekEnd(asOf).then((e) => live && setEnd(e));
    return () => {
      live = false;
    };
  }, [today, asOf]);
  return end;
}

// The API takes one timeliness at a time, so "due this week" (in time or due soon, with a
// deadline within the working week) is two queries merged in deadline order, then paged here.
export async function listTasks(filters: TaskQuery & { view?: TaskView }, { limit, offset }: { limit: number; offset: number }) {
  const { view, ...f } = filters;
  if (view !== 'week') return api.tasks.list({ ...f, limit, offset });
  const weekEnd = await workingWeekEnd(f.as_of);
  const base = { ...f, timeliness: undefined, due_before: f.due_before && f.due_before < weekEnd ? f.due_before : weekEnd };
  const want = Math.min(1000, offset + limit);
  const [soon, later] = await Promise.all([
    api.tasks.list({ ...base, timeliness: 'due_soon', limit: want, offset: 0 }),
    api.tasks.list({ ...base, timeliness: 'in_time', limit: want, offset: 0 }),
  ]);
  const items = [...soon.items, ...later.items].sort((a, b) =>
    (a.deadline ?? '9999') !== (b.deadline ?? '9999') ? ((a.deadline ?? '9999') < (b.deadline ?? '9999') ? -1 : 1) : a.id - b.id,
  );
  return { items: items.slice(offset, offset + limit), total: soon.total + later.total };
}

export interface MyUnit {
  id: number;
  name: string;
  // false when the user's unit is the whole city: "my unit" then means everything in scope.
  narrow: boolean;
}

let myUnitCache: { userId: number; unit: MyUnit | null } | null = null;

// The unit of the user's first role with a unit, for "my unit's overdue tasks".
export function useMyUnit(me: Me): MyUnit | null {
  const role = me.roles.find((r) => r.unit_id !== null);
  const [unit, setUnit] = useState<MyUnit | null>(myUnitCache?.userId === me.id ? myUnitCache.unit : null);
  useEffect(() => {
    if (myUnitCache?.userId === me.id) return;
    if (!role || role.unit_id === null) {
      myUnitCache = { userId: me.id, unit: null };
      return;
    }
    const id = role.unit_id;
    api.units.get(id).then(
      (u) => {
        const mine = { id, name: u.name, narrow: u.kind !== 'city' && u.parent_id !== null };
        myUnitCache = { userId: me.id, unit: mine };
        setUnit(mine);
      },
      () => setUnit({ id, name: role.unit_name ?? `#${id}`, narrow: true }),
    );
  }, [me.id]);
  return unit;
}
