// The investment view's answers (docs/openapi.yaml InvestmentRollup, InvestmentForecast) and
// how the pages fetch them. GETs only: no CSRF header needed.
import { ApiError } from '../api/client';

export type Rag = 'green' | 'amber' | 'red';
export interface CurvePoint { slot: number; month_end: string; disbursed: number; rate: number | null }
export interface RollupRow {
  key: number; name: string; code?: string; investor_id?: number;
  plan: number; late_plan: number; disbursed: number; late_disbursed: number; rate: number | null;
  committed: number; commitment_rate: number | null; gap_money: number; gap_points: number; rag: Rag;
}
export interface Rollup {
  year: number; basis: string; by: string; as_of: string; target: number; final_target: number;
  trajectory: number[]; same_date_average: number | null;
  totals: RollupRow & { curve: CurvePoint[] };
  previous_years: { year: number; plan: number; curve: CurvePoint[] }[];
  rows: RollupRow[];
}
export interface Projection { point: number; low: number; high: number; expected: number }
export interface ForecastBlock { december: Projection | null; january: Projection | null; years_used: number }
export interface Reason { code: string; count: number; message: string }
export interface Forecast {
  year: number; as_of: string; final_target: number; plan: number; disbursed: number; rate: number | null;
  shortfall: number; forecast: ForecastBlock; method: string;
  projects: { project_id: number; code: string; name: string; investor_id: number; investor_name: string;
    plan: number; disbursed: number; expected: number; unspent: number; reasons: Reason[] }[];
  investors: { investor_id: number; name: string; plan: number; disbursed: number; rate: number | null;
    forecast: ForecastBlock; below_target: boolean }[];
  backtest: { year: number; forecast: number; low: number; high: number; actual: number; error_points: number }[];
}

export async function getJson<T>(path: string): Promise<T> {
  const r = await fetch(`/api/v1${path}`, { credentials: 'same-origin' });
  const body = await r.json().catch(() => null);
  if (!r.ok) {
    const e = body?.error ?? {};
    throw new ApiError(r.status, e.code ?? 'error', e.message ?? r.statusText, e.field ?? null, null);
  }
  return body as T;
}

export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  return q.toString();
}

export const rollup = (params: Record<string, string | number | undefined>) =>
  getJson<Rollup>(`/investment/rollup?${query(params)}`);
export const forecast = (params: Record<string, string | number | undefined>) =>
  getJson<Forecast>(`/investment/forecast?${query(params)}`);
export const reportUrl = (params: Record<string, string | number | undefined>) =>
  `/api/v1/investment/report.xlsx?${query(params)}`;
