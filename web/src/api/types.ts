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
  | { ok: true; checked: number }
  | { ok: false; first_bad_seq: number; reason: string; checked?: number };
