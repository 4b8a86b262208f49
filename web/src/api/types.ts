// The API's shapes, taken from docs/openapi.yaml: `npm run build` (and `npm run api-types`)
// generate ./schema.d.ts from it with openapi-typescript, so a field the server renames
// or drops breaks the type check instead of the page. The names below are the ones the
// pages use. Hand-written, because the schema is silent on them: the per-row report of a
// refused import (the 422 body), and the lists of enum values in display order.
import type { components, operations } from './schema';

type Schemas = components['schemas'];
type Query<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>;
type Json<Op extends keyof operations, Code extends keyof operations[Op]['responses']> = operations[Op]['responses'][Code] extends {
  content: { 'application/json': infer T };
}
  ? T
  : never;

export interface ListResponse<T> {
  items: T[];
  total: number;
}

export type RoleName = Schemas['RoleName'];
export type RoleAssignment = Schemas['RoleGrant'];
export type Me = Schemas['Me'];
export type LoginResponse = Schemas['LoginResponse'];

export type UnitKind = Schemas['UnitKind'];
export type Unit = Schemas['Unit'];
export type UnitLink = Schemas['Succession'];
export type UnitDetail = Schemas['UnitDetail'];
export type UnitRef = Schemas['UnitBrief'];
export type WorkingWeek = Schemas['WorkingWeek'];
export type DeadlineCheck = Schemas['DeadlineCheck'];
export type DirectoryUnit = Schemas['UnitDirectoryList']['items'][number];
export type UnitListQuery = Query<'listUnits'>;
export type NewUnit = Schemas['UnitCreate'];
export type UnitPatch = Schemas['UnitPatch'];
export type RestructureKind = Schemas['RestructureRequest']['kind'];
export type RestructureRequest = Schemas['RestructureRequest'];
export type RestructureResult = Schemas['RestructureResult'];
export type RestructureEvent = Schemas['RestructureEvent'];

export type User = Schemas['User'];
export type UserListQuery = Query<'listUsers'>;
export type NewUser = Schemas['UserCreate'];
export type UserPatch = Schemas['UserPatch'];

export type AuditEntry = Schemas['AuditEntry'];
export type AuditQuery = Query<'listAudit'>;
export type AuditVerifyResult = Schemas['VerifyReport'];

export type DirectiveKind = Schemas['DirectiveKind'];
export type Directive = Schemas['Directive'];
export type DirectiveDetail = Schemas['DirectiveDetail'];
export type DirectiveInput = Schemas['DirectiveInput'];
export type TaskGroup = Schemas['TaskGroup'];
export type NewTaskGroup = Schemas['TaskGroupInput'];

export type Timeliness = Schemas['Timeliness'];
export type TaskState = Schemas['TaskState'];
export type Milestone = Schemas['Milestone'];
export type Task = Schemas['Task'];
export type TaskReport = Schemas['ProgressReport'];
export type Extension = Schemas['Extension'];
export type ExtensionStatus = Extension['status'];
export type CoordinationRequest = Schemas['CoordinationRequest'];
export type AnswerStatus = CoordinationRequest['status'];
export type CoordinationListItem = Json<'listCoordinationRequests', 200>['items'][number];
export type CoordinationQuery = Query<'listCoordinationRequests'>;
export type MyWorkItem = Schemas['MyWorkItem'];
export type TaskEvent = Schemas['TaskEvent'];
export type Occurrence = Schemas['TaskOccurrence'];
export type TaskDetail = Schemas['TaskDetail'];
export type TaskComment = Schemas['TaskComment'];  // tasksedit
export type TaskQuery = Query<'listTasks'>;
export type NewTask = Schemas['TaskInput'];
export type TaskAssignmentInput = Schemas['TaskAssignmentInput']; // tasksa
export type TaskAssignmentResult = Schemas['TaskAssignmentResult'];
export type DelegationPartInput = Schemas['DelegationInput']['parts'][number];
export type ProgressReportInput = Schemas['ProgressReportInput'];
export type ExtensionInput = Schemas['ExtensionInput'];
export type ExtensionDecision = Schemas['ExtensionDecision'];
export type CoordinationRequestInput = Schemas['CoordinationRequestInput'];
export type CompletionInput = Schemas['CompletionInput'];
export type ConfirmationInput = Schemas['ConfirmationInput'];
export type ReassignmentInput = Schemas['ReassignmentInput'];
export type SuspensionInput = Schemas['SuspensionInput'];
export type DirectiveQuery = Query<'listDirectives'>;

export type BoardCounts = Schemas['BoardCounts'];
export type TaskBoard = Schemas['TaskBoard'];
export type BoardBy = TaskBoard['by'];
export type BoardRow = TaskBoard['rows'][number];
export type CoordinationBoard = Schemas['CoordinationBoard'];
export type CoordinationBoardRow = CoordinationBoard['rows'][number];

export type WorkCalendarYear = Schemas['WorkCalendar'];
export type HolidayKind = WorkCalendarYear['holidays'][number]['kind'];
export type DaySwap = Schemas['CalendarSwap'];

export type Notification = Schemas['Notification'];
export type NotificationList = Schemas['NotificationList'];
export type NotificationQuery = Query<'listNotifications'>;

export type Attachment = Schemas['Attachment'];
export type AttachmentOwner = Attachment['owner_kind'];

// ---- Hand-written: the schema does not describe these ----------------------------------

// A refused import answers 422 with `{ok: false, errors: [{row, column, message}]}`;
// docs/openapi.yaml gives that status only the generic Error envelope.
export interface ImportRowError {
  row: number;
  column: string;
  message: string;
}

export type ImportResult = Partial<Schemas['TaskImportResult']> & {
  ok: boolean;
  errors?: ImportRowError[];
};

// Enum values in the order the pages list them (a type alone has no order).
export const ROLE_NAMES: RoleName[] = ['admin', 'office', 'leader', 'officer', 'investor', 'business', 'viewer'];
export const UNIT_KINDS: UnitKind[] = ['city', 'department', 'district', 'ward', 'investor', 'party', 'agency', 'other'];
export const DIRECTIVE_KINDS: DirectiveKind[] = ['resolution', 'conclusion', 'plan', 'decision', 'notice'];
export const TIMELINESS: Timeliness[] = ['overdue', 'due_soon', 'in_time', 'done_late', 'done_on_time', 'no_deadline'];
export const TASK_STATES: TaskState[] = ['not_started', 'in_progress', 'awaiting_confirmation', 'returned', 'done', 'suspended', 'refused', 'cancelled'];
