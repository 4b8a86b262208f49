// The conference routes (docs/openapi.yaml), through fetch with the session cookie; the
// CSRF token of writes comes from GET /api/v1/me.
import { ApiError } from '../api/client';

export interface Section { id: number; title: string }
export interface Doc {
  id: number; title: string; kind: string; drafting_unit_id: number; drafting_unit_name: string | null;
  round: number; answer_due_on: string | null; sections: Section[];
}
export interface Counts {
  received: number; answered: number; unanswered: number; merged: number; speeches: number;
  by_kind: Record<string, number>; overdue_by_unit: { unit_id: number; unit_name: string | null; count: number }[];
}
export interface Conference {
  id: number; name: string; body_unit_name: string | null; starts_on: string; ends_on: string;
  documents: Doc[]; delegates: number; counts: Counts; allowed_actions: string[]; answerable_document_ids: number[];
}
export interface Answer { kind: string; label: string; text: string; when_possible: boolean; referred_unit_name?: string | null; due_on: string | null }
export interface Opinion {
  id: number; document_id: number; section_id: number | null; round: number; content: string; raisers: string; speech_no: number | null;
  merged_into_id: number | null; answer: Answer | null; task_id: number | null; can_answer: boolean; overdue: boolean;
}
export interface Vote {
  id: number; subject: string; rule: string; delegates: number; in_favour: number; against: number; abstain: number;
  passed: boolean; needed: number; rule_text: string; outcome: string; voted_on: string;
}
export interface RowError { row: number; column: string; message: string }
export interface Delegate { id: number; conference_id: number; full_name: string; unit_id: number | null; delegation: string }
export interface NamedItem { id: number; name: string }

let csrf: Promise<string> | null = null;
function token(): Promise<string> {
  csrf ??= fetch('/api/v1/me', { credentials: 'same-origin' }).then((r) => r.json()).then((me) => String(me.csrf_token ?? ''));
  return csrf;
}

async function fail(res: Response): Promise<never> {
  const body = await res.json().catch(() => null);
  const e = body?.error ?? {};
  throw new ApiError(res.status, String(e.code ?? 'error'), String(e.message ?? res.statusText), e.field ?? null, null);
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (method !== 'GET') headers['X-CSRF-Token'] = await token();
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`/api/v1${path}`, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) return fail(res);
  return res.json() as Promise<T>;
}

export const conferencesApi = {
  list: () => call<{ items: Conference[]; total: number }>('GET', '/conferences?limit=200'),
  get: (id: number) => call<Conference>('GET', `/conferences/${id}`),
  opinions: (id: number) => call<{ items: Opinion[] }>('GET', `/conferences/${id}/opinions`),
  votes: (id: number) => call<{ items: Vote[] }>('GET', `/conferences/${id}/votes`),
  answer: (id: number, body: object) => call<Opinion>('POST', `/opinions/${id}/answer`, body),
  vote: (id: number, body: object) => call<Vote>('POST', `/conferences/${id}/votes`, body),
  units: () => call<{ items: NamedItem[] }>('GET', '/units?limit=1000'),
  directives: () => call<{ items: { id: number; number: string; title: string }[] }>('GET', '/directives?limit=200'),
  create: (body: object) => call<Conference>('POST', '/conferences', body),
  delegates: (id: number) => call<{ items: Delegate[] }>('GET', `/conferences/${id}/delegates`),
  addDelegate: (id: number, body: object) => call<Delegate>('POST', `/conferences/${id}/delegates`, body),
  addOpinion: (id: number, body: object) => call<Opinion>('POST', `/conferences/${id}/opinions`, body),
  merge: (id: number, opinionIds: number[]) => call<Opinion>('POST', `/opinions/${id}/merge`, { opinion_ids: opinionIds }),
  nextRound: (id: number, documentId: number) =>
    call<{ id: number; round: number }>('POST', `/conferences/${id}/documents/${documentId}/next-round`, {}),
  // The report's bytes, or the server's refusal (a parameter too long) as an ApiError.
  async report(id: number, kind: 'docx' | 'xlsx', params: Record<string, string>): Promise<Blob> {
    const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v.trim() !== '')).toString();
    const res = await fetch(`/api/v1/conferences/${id}/report.${kind}${q ? `?${q}` : ''}`, { credentials: 'same-origin' });
    if (!res.ok) return fail(res);
    return res.blob();
  },
  async importOpinions(id: number, file: File): Promise<{ imported?: number; errors?: RowError[] }> {
    const type = file.name.toLowerCase().endsWith('.csv') ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const res = await fetch(`/api/v1/conferences/${id}/opinions/import`, {
      method: 'POST', credentials: 'same-origin', body: file,
      headers: { 'X-CSRF-Token': await token(), 'Content-Type': type, 'X-File-Name': encodeURIComponent(file.name) },
    });
    if (res.status === 422) return res.json();
    if (!res.ok) return fail(res);
    return res.json();
  },
};
