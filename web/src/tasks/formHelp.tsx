// What the task form tells a person while typing, before saving: how much of a long text
// is used, where a typed deadline really falls (GET /deadline-check, the server's working
// calendar), and quarter milestones that neither lie in the past nor run past the deadline.
import { api } from '../api/client';
import { formatDate, formatInteger, parseDateInput, todayIso } from '../core/format';
import { useAsync, useDebounced } from '../core/hooks';
import { t } from '../i18n';

// "120 / 1.000 ký tự", turning to a warning near the limit.
export function LengthCounter(props: { value: string; max: number }) {
  const used = [...props.value].length;
  const near = used > props.max * 0.9;
  return (
    <span class={`length-counter${near ? ' length-counter--near' : ''}`} aria-live={near ? 'polite' : undefined}>
      {t('tasks9.counter', { used: formatInteger(used), max: formatInteger(props.max) })}
    </span>
  );
}

// Under a deadline field: a day already passed, or a day off and the working day it becomes.
export function DeadlineWarning(props: { text: string; id: string }) {
  const iso = parseDateInput(useDebounced(props.text.trim(), 300));
  const check = useAsync(() => (iso ? api.tasks.deadlineCheck(iso) : Promise.resolve(null)), [iso]);
  const c = check.data;
  if (!c || c.date !== iso) return null;
  const lines: string[] = [];
  if (c.past) lines.push(t('tasks9.deadlinePast', { date: formatDate(c.date), today: formatDate(c.today) }));
  if (c.day_off) lines.push(t('tasks9.deadlineDayOff', { date: formatDate(c.date), effective: formatDate(c.effective) }));
  if (!lines.length) return null;
  return (
    <div class="field-warning" id={`${props.id}-warning`} role="status">
      {lines.map((l) => (
        <p key={l}>{l}</p>
      ))}
    </div>
  );
}

export interface MilestoneDraft {
  label: string;
  due: string;
  planned: string;
}

const QUARTER_ENDS = ['03-31', '06-30', '09-30', '12-31'];
const ROMAN = ['I', 'II', 'III', 'IV'];

// The quarters of the deadline's year (or this year) that end after today and not after the
// deadline, then the deadline itself when it is not a quarter's end; shares rise evenly to
// 100 % on the last one. Empty when nothing is left before the deadline.
export function quarterMilestones(deadlineIso: string | null, today = todayIso()): MilestoneDraft[] {
  const year = Number((deadlineIso ?? today).slice(0, 4));
  const points: { label: string; iso: string }[] = [];
  QUARTER_ENDS.forEach((e, i) => {
    const iso = `${year}-${e}`;
    if (iso > today && (!deadlineIso || iso <= deadlineIso)) points.push({ label: t('taskForm.quarter', { n: ROMAN[i] }), iso });
  });
  if (deadlineIso && deadlineIso > today && !points.some((p) => p.iso === deadlineIso))
    points.push({ label: t('tasks9.milestoneDeadline'), iso: deadlineIso });
  return points.map((p, i) => ({
    label: p.label,
    due: formatDate(p.iso),
    planned: String(i === points.length - 1 ? 100 : Math.round(((i + 1) * 100) / points.length)),
  }));
}
