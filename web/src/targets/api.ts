// The targets endpoints (issue 11): indicators, targets and their reading, values and
// their approval, explanation requests, the period review and its .xlsx.
import { api, request } from '../api/client';
import type { ListResponse } from '../api/types';
import type {
  AnswerInput,
  ExplanationInput,
  ExplanationQuery,
  ExplanationRequest,
  Indicator,
  IndicatorInput,
  IndicatorValue,
  Review,
  Target,
  TargetInput,
  TargetQuery,
  TargetReading,
  ValueInput,
  ValueQuery,
} from './types';

const get = <T>(path: string, query?: object) => request<T>('GET', path, { query });

// ---- The server's shapes, read into the pages' types ------------------------------------
// A target comes flat (indicator_code, indicator_name, unit_of_measure, latest {period,
// value, kind}, split [{period, share}], trend in the review, unit_name there only); the
// pages read one shape, with the indicator and unit as small objects.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Raw = any;

function readTarget(r: Raw): Target {
  const indicator = r.indicator ?? {
    id: r.indicator_id,
    code: r.indicator_code ?? '',
    name: r.indicator_name ?? `#${r.indicator_id}`,
    name_en: r.indicator_name_en,
    unit_of_measure: r.unit_of_measure ?? r.unit ?? '',
    direction: r.direction,
    group: r.group,
  };
  const latest = r.latest ?? null;
  return {
    ...r,
    indicator,
    unit: r.unit && typeof r.unit === 'object' ? r.unit : r.unit_name ? { id: r.unit_id, name: r.unit_name } : null,
    values: r.values ?? [],
    value: r.value ?? latest?.value ?? null,
    value_kind: r.value_kind ?? latest?.kind ?? null,
    value_period: r.value_period ?? latest?.period ?? null,
    splits: r.splits ?? (r.split ?? []).map((x: Raw) => ({ period: x.period, share_percent: x.share ?? null, value: x.value ?? null })),
    trend: r.trend?.map((x: Raw) => ({ period: x.period, value: x.value, kind: x.kind, target: x.target })),
    lagging_units: r.lagging_units?.map((u: Raw) => ({ ...u, name: u.name ?? u.unit_name })),
  };
}

// A unit the server names (unit_name) as the pages read it.
const unitOf = (r: Raw) => r.unit ?? (r.unit_name ? { id: r.unit_id, name: r.unit_name } : undefined);

function readValue(r: Raw): IndicatorValue {
  return {
    ...r,
    unit: unitOf(r),
    state: r.state ?? r.status,
    return_reason: r.return_reason ?? (r.state === 'returned' ? r.decision_note || null : null),
    created_at: r.created_at ?? r.submitted_at,
  };
}

function readExplanation(r: Raw): ExplanationRequest {
  return { ...r, unit: unitOf(r), status: r.status ?? r.state, working_days_late: r.working_days_late ?? r.days_late ?? null };
}

// The API names units, indicators and an explanation's target by id only: each is asked for
// once per session and shared by every row that names it.
const unitNames = new Map<number, Promise<string>>();
const indicatorRefs = new Map<number, Promise<Raw>>();

function once<T>(map: Map<number, Promise<T>>, id: number, load: () => Promise<T>, fallback: T): Promise<T> {
  let p = map.get(id);
  if (!p) {
    p = load().catch(() => fallback);
    map.set(id, p);
  }
  return p;
}

async function withUnits<T extends { unit_id: number; unit?: { id: number; name: string } | null }>(rows: T[]): Promise<T[]> {
  return Promise.all(
    rows.map(async (r) =>
      r.unit?.name || !r.unit_id ? r : { ...r, unit: { id: r.unit_id, name: await once(unitNames, r.unit_id, () => api.units.get(r.unit_id).then((u) => u.name), `#${r.unit_id}`) } },
    ),
  );
}

async function withIndicators(rows: IndicatorValue[]): Promise<IndicatorValue[]> {
  return Promise.all(
    rows.map(async (r) =>
      r.indicator ? r : { ...r, indicator: await once(indicatorRefs, r.indicator_id, () => get<Raw>(`/indicators/${r.indicator_id}`), undefined) },
    ),
  );
}

async function withTargets(rows: ExplanationRequest[]): Promise<ExplanationRequest[]> {
  return Promise.all(rows.map(async (r) => (r.target || !r.target_id ? r : { ...r, target: await get<Raw>(`/targets/${r.target_id}`).then(readTarget, () => null) })));
}

// An indicator's responsible unit by name.
async function readIndicators(rows: Raw[]): Promise<Indicator[]> {
  const named = await withUnits(rows.map((i) => ({ ...i, unit_id: i.responsible_unit_id })));
  return named.map(({ unit, ...i }) => ({ ...i, responsible_unit: i.responsible_unit ?? unit }) as Indicator);
}

async function filled<T>(l: ListResponse<T>, fill: (rows: T[]) => Promise<T[]>): Promise<ListResponse<T>> {
  return { items: await fill(l.items), total: l.total };
}

const readList =
  <T>(f: (r: Raw) => T) =>
  (l: ListResponse<Raw>): ListResponse<T> => ({ items: l.items.map(f), total: l.total });
const post = <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} });
const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, { body });

export const targetsApi = {
  indicators: {
    list: (query: { limit?: number; offset?: number; sort?: string } = {}) =>
      get<ListResponse<Raw>>('/indicators', query).then((l) => filled(l, readIndicators)),
    get: (id: number) => get<Raw>(`/indicators/${id}`).then((i) => readIndicators([i])).then((x) => x[0]),
    create: (i: IndicatorInput) => post<Indicator>('/indicators', i),
    update: (id: number, i: Partial<IndicatorInput>) => patch<Indicator>(`/indicators/${id}`, i),
  },
  targets: {
    list: (query: TargetQuery) => get<ListResponse<Raw>>('/targets', query).then(readList(readTarget)).then((l) => filled(l, withUnits)),
    get: (id: number) => get<Raw>(`/targets/${id}`).then((r) => withUnits([readTarget(r)])).then((x) => x[0]),
    create: (t: TargetInput) => post<Raw>('/targets', t).then(readTarget),
    parse: (expression: string) => post<TargetReading>('/targets/parse', { expression }),
  },
  values: {
    list: (query: ValueQuery) =>
      get<ListResponse<Raw>>('/indicator-values', query)
        .then(readList(readValue))
        .then((l) => filled(l, withUnits))
        .then((l) => filled(l, withIndicators)),
    create: (v: ValueInput) => post<Raw>('/indicator-values', v).then(readValue),
    submit: (id: number) => post<Raw>(`/indicator-values/${id}/submit`).then(readValue),
    approve: (id: number) => post<Raw>(`/indicator-values/${id}/approve`).then(readValue),
    // The reason goes to the unit as the decision's note.
    return: (id: number, reason: string) => post<Raw>(`/indicator-values/${id}/return`, { note: reason }).then(readValue),
  },
  explanations: {
    list: (query: ExplanationQuery) =>
      get<ListResponse<Raw>>('/explanation-requests', query)
        .then(readList(readExplanation))
        .then((l) => filled(l, withUnits))
        .then((l) => filled(l, withTargets)),
    get: (id: number) =>
      get<Raw>(`/explanation-requests/${id}`)
        .then((r) => withUnits([readExplanation(r)]))
        .then(withTargets)
        .then((x) => x[0]),
    create: (e: ExplanationInput) => post<Raw>('/explanation-requests', e).then(readExplanation),
    answer: (id: number, a: AnswerInput) => post<Raw>(`/explanation-requests/${id}/answer`, a).then(readExplanation),
    accept: (id: number) => post<Raw>(`/explanation-requests/${id}/accept`).then(readExplanation),
    askAgain: (id: number, body: { question: string; due_on: string }) => post<Raw>(`/explanation-requests/${id}/ask-again`, body).then(readExplanation),
  },
  reviews: {
    get: (period: string) =>
      get<Raw>('/reviews', { period }).then(async (r): Promise<Review> => ({ ...r, items: await withUnits(r.items.map(readTarget)) })),
    exportUrl: (period: string) => `/api/v1/reviews/export.xlsx?period=${encodeURIComponent(period)}`,
  },
};
