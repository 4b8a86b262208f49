// Shapes of docs/api-contract.md. Dates are `YYYY-MM-DD` strings, ids integers.

export interface ListResponse<T> {
  items: T[];
  total: number;
}

export type RoleName = 'admin' | 'office' | 'leader' | 'officer' | 'investor' | 'business' | 'viewer';
export const ROLE_NAMES: RoleName[] = [
  'admin',
  'office',
  'leader',
  'officer',
  'investor',
  'business',
  'viewer',
];

export interface RoleAssignment {
  role: RoleName;
  unit_id: number | null;
  unit_code?: string | null;
  unit_name?: string | null;
}

export interface Me {
  id: number;
  username: string;
  full_name: string;
  roles: RoleAssignment[];
  permissions: string[];
  csrf_token?: string;
}

export interface LoginResponse {
  user: Me;
  csrf_token: string;
}

export type UnitKind =
  | 'city'
  | 'department'
  | 'district'
  | 'ward'
  | 'investor'
  | 'party'
  | 'agency'
  | 'other';
export const UNIT_KINDS: UnitKind[] = [
  'city',
  'department',
  'district',
  'ward',
  'investor',
  'party',
  'agency',
  'other',
];

export interface Unit {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  parent_id: number | null;
  valid_from: string | null;
  valid_to: string | null;
  active: boolean;
}

export interface UnitLink {
  id: number;
  code: string;
  name: string;
  date: string;
  event_id: number;
  event_kind: RestructureKind;
  // The successor that received the children, roles and open work.
  primary?: boolean;
}

export interface ParentPeriod {
  parent_id: number | null;
  parent_code?: string | null;
  parent_name: string | null;
  valid_from: string | null;
  valid_to: string | null;
}

export interface UnitDetail extends Unit {
  predecessors: UnitLink[];
  successors: UnitLink[];
  parents: ParentPeriod[];
}

export interface UnitListQuery {
  as_of?: string;
  q?: string;
  kind?: string;
  include_ended?: boolean;
  limit?: number;
  offset?: number;
}

export interface NewUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parent_id: number | null;
  valid_from?: string;
  valid_to?: string | null;
}

export interface UnitPatch {
  name?: string;
  kind?: UnitKind;
  parent_id?: number | null;
  valid_to?: string | null;
  effective?: string;
}

export type RestructureKind = 'merge' | 'split';

export interface RestructureRequest {
  kind: RestructureKind;
  date: string;
  source_ids: number[];
  target_ids: number[];
  new_units: { code: string; name: string; kind: UnitKind; parent_id: number | null }[];
  note: string;
}

export interface RestructureResult {
  event_id: number;
  kind: RestructureKind;
  date: string;
  sources: Unit[];
  successors: Unit[];
  moved: { children: number; roles: number };
}

export interface UnitRef {
  id: number;
  code: string;
  name: string;
}

export interface RestructureEvent {
  id: number;
  kind: RestructureKind;
  date: string;
  note: string | null;
  sources: UnitRef[];
  successors: UnitRef[];
}

export interface User {
  id: number;
  username: string;
  full_name: string;
  email: string | null;
  active: boolean;
  roles: RoleAssignment[];
  created_at: string;
}

export interface UserListQuery {
  q?: string;
  unit_id?: number;
  role?: string;
  limit?: number;
  offset?: number;
}

export interface NewUser {
  username: string;
  full_name: string;
  email?: string;
  password: string;
  roles: { role: RoleName; unit_id: number | null }[];
}

export interface UserPatch {
  full_name?: string;
  email?: string;
  password?: string;
  roles?: { role: RoleName; unit_id: number | null }[];
  active?: boolean;
}

export interface AuditEntry {
  seq: number;
  at: string;
  user_id: number | null;
  username: string | null;
  action: string;
  entity: string;
  entity_id: number | string | null;
  unit_id: number | null;
  before: unknown;
  after: unknown;
  hash: string;
}

export interface AuditQuery {
  entity?: string;
  entity_id?: string;
  user_id?: number;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export type AuditVerifyResult =
  | { ok: true; checked: number; head_seq: number; head_hash: string }
  | { ok: false; first_bad_seq: number; reason: string; checked?: number };

// ---- Directives and tasks (src/tasks/task_json.cc) -------------------------------------

export type DirectiveKind = 'resolution' | 'conclusion' | 'plan' | 'decision' | 'notice';
export const DIRECTIVE_KINDS: DirectiveKind[] = ['resolution', 'conclusion', 'plan', 'decision', 'notice'];

export interface Directive {
  id: number;
  kind: DirectiveKind;
  number: string;
  issued_on: string;
  issuer_unit_id: number;
  issuer_unit: UnitRef | null;
  title: string;
  body: string;
  created_at: string;
}

export interface TaskGroup {
  id: number;
  directive_id: number;
  parent_id: number | null;
  title: string;
  position: number;
}

export interface DirectiveDetail extends Directive {
  groups: TaskGroup[];
}

export interface DirectiveInput {
  kind?: DirectiveKind;
  number?: string;
  issued_on?: string;
  issuer_unit_id?: number;
  title?: string;
  body?: string;
}

export interface NewTaskGroup {
  directive_id: number;
  parent_id?: number | null;
  title: string;
  position?: number;
}

export type Timeliness = 'in_time' | 'due_soon' | 'overdue' | 'done_on_time' | 'done_late' | 'no_deadline';
export const TIMELINESS: Timeliness[] = ['overdue', 'due_soon', 'in_time', 'done_late', 'done_on_time', 'no_deadline'];

export type TaskState =
  | 'not_started'
  | 'in_progress'
  | 'awaiting_confirmation'
  | 'done'
  | 'returned'
  | 'suspended'
  | 'refused';
export const TASK_STATES: TaskState[] = [
  'not_started',
  'in_progress',
  'awaiting_confirmation',
  'returned',
  'done',
  'suspended',
  'refused',
];

export interface Milestone {
  label: string;
  due_on: string;
  planned_percent: number;
}

export interface Task {
  id: number;
  directive_id: number | null;
  group_id: number | null;
  parent_task_id: number | null;
  share_percent: number;
  title: string;
  description: string;
  lead_unit_id: number;
  lead_unit: UnitRef | null;
  coordinator_ids: number[];
  coordinators: UnitRef[];
  assignee_id: number | null;
  output_kind: string;
  original_deadline: string | null;
  deadline: string | null;
  // "", "monthly:20", "quarterly:15"
  recurrence: string;
  is_key: boolean;
  state: TaskState;
  progress_percent: number;
  finished_on: string | null;
  output_text: string;
  last_report_on: string | null;
  timeliness: Timeliness;
  timeliness_reason: string;
  extensions_approved: number;
  extension_pending: boolean;
  milestones: Milestone[];
  can_work: boolean;
  can_manage: boolean;
}

export interface TaskReport {
  id: number;
  reported_on: string;
  percent: number;
  body: string;
  user_id: number | null;
}

export type ExtensionStatus = 'pending' | 'approved' | 'rejected' | 'closed';

export interface Extension {
  id: number;
  task_id: number;
  previous_deadline: string | null;
  requested_deadline: string;
  reason: string;
  status: ExtensionStatus;
  requested_by: number | null;
  requested_at: string;
  decided_by: number | null;
  decided_at: string | null;
  decision_note: string;
}

export type AnswerStatus = 'pending' | 'answered_on_time' | 'answered_late' | 'overdue';

export interface CoordinationRequest {
  id: number;
  task_id: number;
  from_unit: UnitRef | null;
  to_unit: UnitRef | null;
  from_unit_id: number;
  to_unit_id: number;
  body: string;
  due_on: string;
  answered_on: string | null;
  answer: string;
  status: AnswerStatus;
}

export interface CoordinationListItem extends CoordinationRequest {
  task_title: string;
}

export interface TaskEvent {
  kind: string;
  happened_on: string;
  note: string;
  from_unit: UnitRef | null;
  to_unit: UnitRef | null;
  user_id: number | null;
}

export interface Occurrence {
  deadline: string;
  finished_on: string;
  on_time: boolean;
  note: string;
}

export interface TaskDetail extends Task {
  reports: TaskReport[];
  extensions: Extension[];
  coordination_requests: CoordinationRequest[];
  events: TaskEvent[];
  occurrences: Occurrence[];
  parts: Task[];
}

export interface TaskQuery {
  unit_id?: number;
  lead_unit_id?: number;
  assignee_id?: number;
  directive_id?: number;
  group_id?: number;
  parent_id?: number;
  timeliness?: Timeliness;
  state?: TaskState;
  due_before?: string;
  is_key?: boolean;
  extension_pending?: boolean;
  top_level?: boolean;
  q?: string;
  limit?: number;
  offset?: number;
}

export interface NewTask {
  directive_id?: number | null;
  group_id?: number | null;
  title: string;
  description?: string;
  lead_unit_id: number | null;
  coordinator_ids?: number[];
  output_kind?: string;
  deadline?: string;
  recurrence?: string;
  is_key?: boolean;
  milestones?: Milestone[];
}

export interface DelegationPartInput {
  unit_id?: number;
  assignee_id?: number;
  share_percent: number;
  deadline?: string;
  title?: string;
}

export interface BoardCounts {
  total: number;
  done_on_time: number;
  done_late: number;
  in_time: number;
  due_soon: number;
  overdue: number;
  no_deadline: number;
}

export type BoardBy = 'unit' | 'directive' | 'group';

export interface BoardRow extends BoardCounts {
  key: number;
  name: string;
  code?: string;
}

export interface TaskBoard {
  by: BoardBy;
  as_of: string;
  totals: BoardCounts;
  rows: BoardRow[];
}

export interface CoordinationBoardRow {
  unit_id: number;
  name: string;
  received: number;
  answered_on_time: number;
  answered_late: number;
  overdue: number;
  pending: number;
}

export interface CoordinationBoard {
  as_of: string;
  rows: CoordinationBoardRow[];
}

export type HolidayKind = 'statutory' | 'lunar' | 'substitute' | 'swap';

export interface WorkCalendarYear {
  year: number;
  holidays: { date: string; name: string; kind: HolidayKind }[];
  working_swaps: { date: string; name: string }[];
  working_days: number;
}

export interface DaySwap {
  date: string;
  working: boolean;
  name: string;
}

export interface Notification {
  id: number;
  kind: string;
  task_id: number | null;
  title: string;
  body: string;
  created_at: string;
  read: boolean;
}

export interface NotificationList extends ListResponse<Notification> {
  unread: number;
}

export interface ImportRowError {
  row: number;
  column: string;
  message: string;
}

export interface ImportResult {
  ok: boolean;
  dry_run?: boolean;
  imported?: number;
  valid_rows?: number;
  groups_created?: number;
  errors?: ImportRowError[];
}

// ---- Attachments (src/files/attachment_routes.cc) ---------------------------------------

export type AttachmentOwner = 'directive' | 'task';

export interface Attachment {
  id: number;
  owner_kind: AttachmentOwner;
  owner_id: number;
  sha256: string;
  filename: string;
  size: number;
  mime: string;
  created_at: string;
}
