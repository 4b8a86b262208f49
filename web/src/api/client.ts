// The one HTTP client of the web app. It speaks docs/api-contract.md: JSON in and out,
// the session cookie, `X-CSRF-Token` on every write, and the error envelope mapped to
// `ApiError` (with `field`, so a form can put the message beside the right input).
import type {
  Attachment,
  AttachmentOwner,
  AuditEntry,
  AuditQuery,
  AuditVerifyResult,
  BoardBy,
  CoordinationBoard,
  CompletionInput,
  ConfirmationInput,
  CoordinationListItem,
  MyWorkItem,
  CoordinationQuery,
  CoordinationRequestInput,
  CoordinationRequest,
  DaySwap,
  DelegationPartInput,
  Directive,
  DirectiveDetail,
  DirectiveInput,
  DirectiveQuery,
  DeadlineCheck,
  DirectoryUnit,
  WorkingWeek,
  Extension,
  ExtensionDecision,
  ExtensionInput,
  ImportResult,
  ListResponse,
  LoginResponse,
  Me,
  NewTask,
  TaskAssignmentInput,
  TaskAssignmentResult,
  NewTaskGroup,
  NewUnit,
  NewUser,
  NotificationList,
  NotificationQuery,
  ProgressReportInput,
  ReassignmentInput,
  RestructureEvent,
  RestructureRequest,
  RestructureResult,
  SuspensionInput,
  Task,
  TaskBoard,
  TaskComment,
  TaskDetail,
  TaskGroup,
  TaskQuery,
  Unit,
  UnitDetail,
  UnitListQuery,
  UnitPatch,
  User,
  UserListQuery,
  UserPatch,
  WorkCalendarYear,
} from './types';
import { getLang } from '../i18n';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | null;
  // Seconds, from `Retry-After` on 429.
  readonly retryAfter: number | null;

  constructor(status: number, code: string, message: string, field: string | null, retryAfter: number | null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
    this.retryAfter = retryAfter;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

let csrfToken: string | null = null;
let unauthenticatedHandler: (() => void) | null = null;

// Kept in memory only; after a reload GET /me hands it back.
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

// Called when a request other than login/me comes back 401 (the session expired).
export function onUnauthenticated(handler: (() => void) | null): void {
  unauthenticatedHandler = handler;
}

type QueryValue = string | number | boolean | null | undefined;

function buildUrl(path: string, query?: object): string {
  const params = new URLSearchParams();
  if (query) {
    for (const [key, value] of Object.entries(query as Record<string, QueryValue>)) {
      if (value === undefined || value === null || value === '') continue;
      params.set(key, String(value));
    }
  }
  const qs = params.toString();
  return `/api/v1${path}${qs ? `?${qs}` : ''}`;
}

function parseRetryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

async function toApiError(res: Response): Promise<ApiError> {
  let code = `http_${res.status}`;
  let message = res.statusText;
  let field: string | null = null;
  try {
    const body = await res.json();
    if (body && typeof body === 'object' && body.error) {
      code = String(body.error.code ?? code);
      message = String(body.error.message ?? message);
      field = body.error.field ? String(body.error.field) : null;
    }
  } catch {
    // Not JSON (a proxy's error page): keep the status.
  }
  return new ApiError(res.status, code, message, field, parseRetryAfter(res.headers.get('Retry-After')));
}

interface RequestOptions {
  query?: object;
  body?: unknown;
  // login and me handle 401 themselves.
  quiet401?: boolean;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  // The server says its messages in the language the reader reads the page in.
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': getLang() };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
    });
  } catch {
    throw new ApiError(0, 'network_error', '', null, null);
  }
  if (!res.ok) {
    const err = await toApiError(res);
    if (res.status === 401 && !opts.quiet401 && unauthenticatedHandler) unauthenticatedHandler();
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

// Uploads send the file itself (an import's xlsx or csv, an attachment), not JSON. A refused
// import comes back 422 with the per-row report `{ok: false, errors: [...]}`, which is an
// answer, not a failure.
async function upload<T>(path: string, query: object, file: Blob, contentType: string, fileName?: string, rowReport = false): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': getLang(), 'Content-Type': contentType };
  // The server keeps the file's name for the record; headers carry ASCII only.
  if (fileName) headers['X-File-Name'] = encodeURIComponent(fileName);
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(buildUrl(path, query), { method: 'POST', headers, credentials: 'same-origin', body: file });
  } catch {
    throw new ApiError(0, 'network_error', '', null, null);
  }
  if (rowReport && res.status === 422) {
    const body = await res.clone().json().catch(() => null);
    if (body && typeof body === 'object' && Array.isArray(body.errors)) return body as T;
  }
  if (!res.ok) {
    const err = await toApiError(res);
    if (res.status === 401 && unauthenticatedHandler) unauthenticatedHandler();
    throw err;
  }
  const text = await res.text();
  return (text ? JSON.parse(text) : { ok: true }) as T;
}

// The address of the Excel export of a task list with these filters (a plain link: the
// browser downloads it with the session cookie).
export function taskExportUrl(query: TaskQuery): string {
  const { limit: _limit, offset: _offset, ...filters } = query;
  return buildUrl('/tasks/export.xlsx', filters);
}

const get = <T>(path: string, query?: object) => request<T>('GET', path, { query });
const post = <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} });
const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, { body });
// The same calls for a feature folder's own API module (web/src/<feature>/api.ts).
export const http = { get, post, patch };

export const api = {
  login: (username: string, password: string) =>
    request<LoginResponse>('POST', '/login', { body: { username, password }, quiet401: true }),
  logout: () => post<void>('/logout'),
  me: () => request<Me>('GET', '/me', { quiet401: true }),

  units: {
    list: (query: UnitListQuery) => get<ListResponse<Unit>>('/units', query),
    get: (id: number, asOf?: string) => get<UnitDetail>(`/units/${id}`, { as_of: asOf }),
    create: (unit: NewUnit) => post<Unit>('/units', unit),
    update: (id: number, changes: UnitPatch) => patch<Unit>(`/units/${id}`, changes),
    restructure: (req: RestructureRequest) => post<RestructureResult>('/units/restructure', req),
    // docs/openapi.yaml gives this list no paging parameters; the page copes with either answer.
    events: (query: { limit?: number; offset?: number } = {}) =>
      get<ListResponse<RestructureEvent>>('/units/restructure-events', query),
  },

  users: {
    list: (query: UserListQuery) => get<ListResponse<User>>('/users', query),
    get: (id: number) => get<User>(`/users/${id}`),
    create: (user: NewUser) => post<User>('/users', user),
    update: (id: number, changes: UserPatch) => patch<User>(`/users/${id}`, changes),
  },

  audit: {
    list: (query: AuditQuery) => get<ListResponse<AuditEntry>>('/audit', query),
    verify: () => get<AuditVerifyResult>('/audit/verify'),
  },

  directives: {
    list: (query: DirectiveQuery = {}) => get<ListResponse<Directive>>('/directives', query),
    get: (id: number) => get<DirectiveDetail>(`/directives/${id}`),
    create: (d: DirectiveInput) => post<Directive>('/directives', d),
    update: (id: number, d: DirectiveInput) => patch<Directive>(`/directives/${id}`, d),
  },

  taskGroups: {
    list: (directiveId: number) => get<ListResponse<TaskGroup>>('/task-groups', { directive_id: directiveId }),
    create: (g: NewTaskGroup) => post<TaskGroup>('/task-groups', g),
  },

  tasks: {
    list: (query: TaskQuery) => get<ListResponse<Task>>('/tasks', query),
    get: (id: number) => get<TaskDetail>(`/tasks/${id}`),
    create: (task: NewTask) => post<Task>('/tasks', task),
    // tasksa: one task for each of many units, under a new group followed together.
    assignMany: (body: TaskAssignmentInput) => post<TaskAssignmentResult>('/task-assignments', body),
    update: (id: number, changes: Partial<NewTask>) => patch<Task>(`/tasks/${id}`, changes),
    report: (id: number, r: ProgressReportInput) => post<Task>(`/tasks/${id}/reports`, r),
    requestExtension: (id: number, e: ExtensionInput) => post<Extension>(`/tasks/${id}/extensions`, e),
    decideExtension: (extensionId: number, d: ExtensionDecision) =>
      post<Extension>(`/extensions/${extensionId}/decision`, d),
    delegate: (id: number, parts: DelegationPartInput[]) => post<ListResponse<Task>>(`/tasks/${id}/delegations`, { parts }),
    requestCoordination: (id: number, r: CoordinationRequestInput) =>
      post<CoordinationRequest>(`/tasks/${id}/coordination-requests`, r),
    answerCoordination: (requestId: number, answer: string) =>
      post<CoordinationRequest>(`/coordination-requests/${requestId}/answer`, { answer }),
    complete: (id: number, c: CompletionInput) => post<Task>(`/tasks/${id}/completion`, c),
    confirm: (id: number, c: ConfirmationInput) => post<Task>(`/tasks/${id}/confirmation`, c),
    refuse: (id: number, reason: string) => post<Task>(`/tasks/${id}/refusal`, { reason }),
    reassign: (id: number, r: ReassignmentInput) => post<Task>(`/tasks/${id}/reassignment`, r),
    suspend: (id: number, s: SuspensionInput) => post<Task>(`/tasks/${id}/suspension`, s),
    // Any living unit, whatever the caller's scope: for asking coordination.
    unitDirectory: (q: string, limit: number) => get<ListResponse<DirectoryUnit>>('/unit-directory', { q, limit }),
    deadlineCheck: (date: string) => get<DeadlineCheck>('/deadline-check', { date }),
    workingWeek: (as_of?: string) => get<WorkingWeek>('/working-week', as_of ? { as_of } : {}),
    // tasksedit: withdraw a task; its thread.
    cancel: (id: number, reason: string) => post<Task>(`/tasks/${id}/cancellation`, { reason }),
    remove: (id: number) => request<void>('DELETE', `/tasks/${id}`),
    comments: (id: number) => get<ListResponse<TaskComment>>(`/tasks/${id}/comments`),
    addComment: (id: number, body: string) => post<TaskComment>(`/tasks/${id}/comments`, { body }),
  },

  // Any feature's sheet import (`/tasks/import`): the file, checked only with dry_run.
  imports: {
    upload: (endpoint: string, file: Blob, contentType: string, fileName: string, query: Record<string, number | string | boolean | undefined>) =>
      upload<ImportResult>(endpoint, query, file, contentType, fileName, true),
  },

  boards: {
    tasks: (by: BoardBy, filters: TaskQuery = {}) => get<TaskBoard>('/boards/tasks', { ...filters, by }),
    coordination: () => get<CoordinationBoard>('/boards/coordination'),
  },

  coordination: {
    list: (q: CoordinationQuery) =>
      get<ListResponse<CoordinationListItem>>('/coordination-requests', q),
  },

  // "Việc của tôi": what waits on the caller, due first.
  myWork: (q: { limit?: number; offset?: number } = {}) => get<ListResponse<MyWorkItem>>('/my-work', q),

  calendar: {
    year: (year: number) => get<WorkCalendarYear>('/calendar', { year }),
    addSwap: (swap: DaySwap) => post<DaySwap>('/calendar/swaps', swap),
  },

  attachments: {
    list: (ownerKind: AttachmentOwner, ownerId: number) =>
      get<ListResponse<Attachment>>('/attachments', { owner_kind: ownerKind, owner_id: ownerId }),
    // The server sniffs the type from the bytes; the declared type is only a hint.
    upload: (ownerKind: AttachmentOwner, ownerId: number, file: File) =>
      upload<Attachment>('/attachments', { owner_kind: ownerKind, owner_id: ownerId, filename: file.name }, file, file.type || 'application/octet-stream'),
    contentUrl: (id: number) => buildUrl(`/attachments/${id}/content`),
  },

  notifications: {
    list: (query: NotificationQuery = {}) => get<NotificationList>('/notifications', query),
    markRead: (id: number) => post<void>(`/notifications/${id}/read`),
  },
};
