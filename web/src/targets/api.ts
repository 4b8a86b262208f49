// The targets endpoints (issue 11): indicators, targets and their reading, values and
// their approval, explanation requests, the period review and its .xlsx.
import { request } from '../api/client';
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
const post = <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} });
const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, { body });

export const targetsApi = {
  indicators: {
    list: (query: { group?: string; q?: string; limit?: number; offset?: number } = {}) => get<ListResponse<Indicator>>('/indicators', query),
    get: (id: number) => get<Indicator>(`/indicators/${id}`),
    create: (i: IndicatorInput) => post<Indicator>('/indicators', i),
    update: (id: number, i: Partial<IndicatorInput>) => patch<Indicator>(`/indicators/${id}`, i),
  },
  targets: {
    list: (query: TargetQuery) => get<ListResponse<Target>>('/targets', query),
    get: (id: number) => get<Target>(`/targets/${id}`),
    create: (t: TargetInput) => post<Target>('/targets', t),
    parse: (expression: string, extra: { indicator_id?: number; unit_id?: number; period?: string } = {}) =>
      post<TargetReading>('/targets/parse', { expression, ...extra }),
  },
  values: {
    list: (query: ValueQuery) => get<ListResponse<IndicatorValue>>('/indicator-values', query),
    create: (v: ValueInput) => post<IndicatorValue>('/indicator-values', v),
    submit: (id: number) => post<IndicatorValue>(`/indicator-values/${id}/submit`),
    approve: (id: number) => post<IndicatorValue>(`/indicator-values/${id}/approve`),
    return: (id: number, reason: string) => post<IndicatorValue>(`/indicator-values/${id}/return`, { reason }),
  },
  explanations: {
    list: (query: ExplanationQuery) => get<ListResponse<ExplanationRequest>>('/explanation-requests', query),
    get: (id: number) => get<ExplanationRequest>(`/explanation-requests/${id}`),
    create: (e: ExplanationInput) => post<ExplanationRequest>('/explanation-requests', e),
    answer: (id: number, a: AnswerInput) => post<ExplanationRequest>(`/explanation-requests/${id}/answer`, a),
    accept: (id: number) => post<ExplanationRequest>(`/explanation-requests/${id}/accept`),
    askAgain: (id: number, body: { question: string; due_on: string }) => post<ExplanationRequest>(`/explanation-requests/${id}/ask-again`, body),
  },
  reviews: {
    get: (period: string) => get<Review>('/reviews', { period }),
    exportUrl: (period: string) => `/api/v1/reviews/export.xlsx?period=${encodeURIComponent(period)}`,
  },
};
