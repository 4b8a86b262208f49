// Words and colours for a task's timeliness, state and history, from the one status
// language of UI.md: red late, amber needs attention, green on track, grey no deadline.
import type { AnswerStatus, DirectiveKind, ExtensionStatus, TaskState, Timeliness } from '../api/types';
import { formatDate } from '../core/format';
import type { Tone } from '../core/status';
import { hasKey, t } from '../i18n';

export const TIMELINESS_TONE: Record<Timeliness, Tone> = {
  in_time: 'green',
  due_soon: 'amber',
  overdue: 'red',
  done_on_time: 'green',
  done_late: 'red',
  no_deadline: 'grey',
};

// The order of the six classes in boards and charts: finished first, then open work
// from safest to latest, then regular tasks.
export const BOARD_CLASSES: Timeliness[] = ['done_on_time', 'done_late', 'in_time', 'due_soon', 'overdue', 'no_deadline'];

export function timelinessLabel(v: Timeliness | string): string {
  const key = `timeliness.${v}`;
  return hasKey(key) ? t(key) : v;
}

export const STATE_TONE: Record<TaskState, Tone> = {
  not_started: 'grey',
  in_progress: 'info',
  awaiting_confirmation: 'amber',
  done: 'green',
  returned: 'red',
  suspended: 'grey',
  refused: 'red',
  cancelled: 'grey',
};

export function stateLabel(s: TaskState | string): string {
  const key = `taskState.${s}`;
  return hasKey(key) ? t(key) : s;
}

export const ANSWER_TONE: Record<AnswerStatus, Tone> = {
  pending: 'amber',
  answered_on_time: 'green',
  answered_late: 'red',
  overdue: 'red',
};

export function answerLabel(s: AnswerStatus | string): string {
  const key = `answerStatus.${s}`;
  return hasKey(key) ? t(key) : s;
}

export const EXTENSION_TONE: Record<ExtensionStatus, Tone> = { pending: 'amber', approved: 'green', rejected: 'red', closed: 'grey' };

export function extensionLabel(s: ExtensionStatus | string): string {
  const key = `extensionStatus.${s}`;
  return hasKey(key) ? t(key) : s;
}

export function eventLabel(kind: string): string {
  const key = `taskEvent.${kind}`;
  return hasKey(key) ? t(key) : kind;
}

export function directiveKindLabel(kind: DirectiveKind | string): string {
  const key = `directiveKind.${kind}`;
  return hasKey(key) ? t(key) : kind;
}

export const OUTPUT_KINDS = ['report', 'plan', 'draft_decision', 'proposal', 'document', 'other'];

export function outputKindLabel(kind: string): string {
  const key = `outputKind.${kind}`;
  return hasKey(key) ? t(key) : kind || '—';
}

// "monthly:20" → "Hằng tháng, ngày 20"; "quarterly:15" → "Hằng quý, ngày 15 tháng cuối quý".
export function recurrenceLabel(rec: string): string {
  const m = /^(monthly|quarterly):(\d{1,2})$/.exec(rec);
  if (!m) return '';
  return m[1] === 'monthly' ? t('recurrence.monthlyOn', { day: m[2] }) : t('recurrence.quarterlyOn', { day: m[2] });
}

// The directive as officials cite it: "Thông báo kết luận số 245/TB-UBND ngày 26/07/2026",
// "Kết luận số 31-KL/TU ngày …" (a party committee's conclusion, by its symbol), as the
// server's reports and exports do (src/tasks/directive_citation.h).
export function directiveCitation(d: { kind?: string; number: string; issued_on: string }): string {
  const partyConclusion = d.kind === 'conclusion' && /-KL\/|\/KL-/.test(d.number);
  const kind = partyConclusion ? t('directiveKind.partyConclusion') : d.kind ? directiveKindLabel(d.kind) : t('directive.kindUnknown');
  return t('directive.citation', { kind, number: d.number, date: formatDate(d.issued_on) });
}
