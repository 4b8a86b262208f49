// The shapes of the targets API (issue 11, "Interfaces"), written here until
// docs/openapi.yaml describes them. Fields the issue does not name are optional, and the
// pages show what is there rather than assume it.
import type { UnitRef } from '../api/types';

export type Direction = 'higher_better' | 'lower_better' | 'in_range';
export type Aggregation = 'sum' | 'average' | 'weighted' | 'none';
export type Periodicity = 'month' | 'quarter' | 'year';
export type Comparator = '>' | '>=' | '<' | '<=' | '=' | 'between';
export type TargetStatus = 'achieved' | 'on_track' | 'at_risk' | 'missed' | 'not_reported';
export type ValueKind = 'estimate' | 'official';

export const DIRECTIONS: Direction[] = ['higher_better', 'lower_better', 'in_range'];
export const AGGREGATIONS: Aggregation[] = ['sum', 'average', 'weighted', 'none'];
export const PERIODICITIES: Periodicity[] = ['year', 'quarter', 'month'];
export const TARGET_STATUSES: TargetStatus[] = ['at_risk', 'missed', 'on_track', 'achieved', 'not_reported'];
export const VALUE_KINDS: ValueKind[] = ['estimate', 'official'];

// An indicator as a target or value carries it.
export interface IndicatorRef {
  id: number;
  code: string;
  name: string;
  name_en?: string;
  unit_of_measure: string;
  direction?: Direction;
  group?: string | null;
}

export interface Indicator extends IndicatorRef {
  name_en: string;
  direction: Direction;
  aggregation: Aggregation;
  periodicity: Periodicity;
  responsible_unit_id: number | null;
  responsible_unit?: { id: number; name: string } | null;
  group?: string | null;
  // How its values come when no one types them ("formula", "tasks", "investment").
  computed?: string | null;
  formula?: string | null;
}

export interface IndicatorInput {
  code: string;
  name: string;
  name_en: string;
  unit_of_measure: string;
  direction: Direction;
  aggregation: Aggregation;
  periodicity: Periodicity;
  responsible_unit_id: number | null;
  group?: string;
}

// One point of a trend: a period and the value (official when there is one).
export interface TrendPoint {
  period: string;
  value: number | null;
  kind?: ValueKind | null;
  target?: number | null;
}

export interface TargetSplit {
  period: string;
  // Planned volume for the period, or its share of the year in percent.
  value?: number | null;
  share_percent?: number | null;
}

export interface Target {
  id: number;
  indicator_id: number;
  indicator?: IndicatorRef;
  unit_id: number;
  unit?: UnitRef | null;
  period: string;
  expression?: string;
  comparator: Comparator;
  values: number[];
  relative?: boolean;
  status: TargetStatus;
  status_reason: string;
  // The value the status was judged on, and its kind and period.
  value?: number | null;
  value_kind?: ValueKind | null;
  value_period?: string | null;
  trend?: TrendPoint[];
  splits?: TargetSplit[];
  // Open and late explanation requests on this target.
  explanations_open?: number;
  explanations_late?: number;
  allowed_actions?: string[];
}

// A part of a split as the API takes it: a share of the target in percent, or a volume.
export interface SplitInput {
  period: string;
  share?: number;
  value?: number;
}

export interface TargetInput {
  indicator_id: number;
  unit_id: number;
  period: string;
  expression?: string;
  comparator?: Comparator;
  values?: number[];
  split?: SplitInput[];
}

export interface TargetQuery {
  // The server's order: a column, "-" before it for descending.
  sort?: string;
  period?: string;
  group?: string;
  unit_id?: number;
  indicator_id?: number;
  status?: TargetStatus;
  limit?: number;
  offset?: number;
}

// How the server reads a target's text, without saving it.
export interface TargetReading {
  comparator: Comparator;
  values: number[];
  sentence?: string;
  // The same sentence, under the name the server's reader gives it.
  reading?: string;
  relative?: boolean;
  unit?: string;
  unit_of_measure?: string;
}

export type ValueState = 'draft' | 'submitted' | 'approved' | 'returned';

export interface IndicatorValue {
  id: number;
  indicator_id: number;
  indicator?: IndicatorRef;
  unit_id: number;
  unit?: UnitRef | null;
  period: string;
  value: number;
  kind: ValueKind;
  source: string;
  note: string;
  state?: ValueState;
  status?: ValueState;
  return_reason?: string | null;
  created_at?: string;
  created_by?: string | null;
  decided_at?: string | null;
  decided_by?: string | null;
  allowed_actions?: string[];
}

export interface ValueInput {
  indicator_id: number;
  unit_id: number;
  period: string;
  value: number;
  kind: ValueKind;
  source: string;
  note: string;
}

export interface ValueQuery {
  indicator_id?: number;
  unit_id?: number;
  period?: string;
  state?: ValueState;
  kind?: ValueKind;
  limit?: number;
  offset?: number;
}

export type ExplanationStatus = 'open' | 'answered' | 'accepted' | 'asked_again';

export interface ExplanationRound {
  question: string;
  due_on: string;
  asked_at?: string;
  causes?: string | null;
  measures?: string | null;
  expected_value?: number | null;
  expected_on?: string | null;
  answered_at?: string | null;
}

export interface ExplanationRequest {
  id: number;
  target_id: number | null;
  task_id: number | null;
  target?: Pick<Target, 'id' | 'period' | 'status' | 'status_reason' | 'comparator' | 'values'> & { indicator?: IndicatorRef } | null;
  task?: { id: number; title: string } | null;
  unit_id: number;
  unit?: UnitRef | null;
  question: string;
  due_on: string;
  status: ExplanationStatus;
  // Past its due date without an answer (working days, the server's deadline rule).
  late?: boolean;
  working_days_late?: number | null;
  working_days_left?: number | null;
  causes?: string | null;
  measures?: string | null;
  expected_value?: number | null;
  expected_on?: string | null;
  answered_at?: string | null;
  asked_by?: string | null;
  created_at?: string;
  rounds?: ExplanationRound[];
  round?: number;
  answered_on?: string | null;
  events?: ExplanationEvent[];
  allowed_actions?: string[];
}

export interface ExplanationEvent {
  kind: 'asked' | 'answered' | 'accepted' | 'asked_again' | string;
  round: number;
  text: string;
  at: string;
}

export interface ExplanationInput {
  target_id?: number;
  task_id?: number;
  due_on: string;
  question: string;
}

export interface AnswerInput {
  causes: string;
  measures: string;
  expected_value?: number;
  expected_on?: string;
}

export interface ExplanationQuery {
  // The server's order: a column, "-" before it for descending.
  sort?: string;
  state?: ExplanationStatus;
  // Requests about targets only, or about tasks only (the task boards open these).
  about?: 'target' | 'task';
  target_id?: number;
  unit_id?: number;
  limit?: number;
  offset?: number;
}

export interface LaggingUnit {
  unit_id: number;
  target_id?: number;
  name?: string;
  unit?: UnitRef | null;
  value?: number | null;
  status?: TargetStatus;
  status_reason?: string;
}

export interface ReviewItem extends Target {
  lagging_units?: LaggingUnit[];
}

export interface Review {
  period: string;
  as_of?: string;
  items: ReviewItem[];
}
