// Small pieces every task page shares: the timeliness and state tags (reason on hover
// and on tap), the progress bar and the deadline with its working days left.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Task, TaskState } from '../api/types';
import { formatDate, formatPercent, todayIso } from '../core/format';
import type { Tone } from '../core/status';
import { getLang, t } from '../i18n';
import { recurrenceLabel, STATE_TONE, stateLabel, TIMELINESS_TONE, timelinessLabel } from './labels';

let reasonCounter = 0;

// A status tag whose reason shows on hover (title) and, for touch screens and keyboards,
// on a tap or Enter, below the tag.
export function ReasonTag(props: { tone: Tone; label: ComponentChildren; reason?: string }) {
  const [open, setOpen] = useState(false);
  const [at, setAt] = useState<{ top: number; left: number } | null>(null);
  const [id] = useState(() => `reason-${++reasonCounter}`);
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: Event) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    const esc = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    const away = () => setOpen(false);
    document.addEventListener('click', close);
    document.addEventListener('keydown', esc);
    window.addEventListener('scroll', away, true);
    window.addEventListener('resize', away);
    return () => {
      document.removeEventListener('click', close);
      document.removeEventListener('keydown', esc);
      window.removeEventListener('scroll', away, true);
      window.removeEventListener('resize', away);
    };
  }, [open]);
  // On wide screens the reason floats over the page (a table's scroll box would clip it);
  // on a phone it opens in place, below the tag.
  const toggle = () => {
    const button = ref.current?.querySelector('button');
    if (!open && button && window.innerWidth > 640) {
      const r = button.getBoundingClientRect();
      const width = Math.min(320, window.innerWidth - 16);
      setAt({ top: r.bottom + 4, left: Math.max(8, Math.min(r.left, window.innerWidth - width - 8)) });
    } else {
      setAt(null);
    }
    setOpen(!open);
  };
  if (!props.reason) return <span class={`tag tag--${props.tone}`}>{props.label}</span>;
  return (
    <span class="reason" ref={ref}>
      <button
        type="button"
        class={`tag tag--${props.tone} tag--button`}
        title={props.reason}
        aria-expanded={open}
        aria-controls={id}
        onClick={toggle}
      >
        {props.label}
      </button>
      <span id={id} class={open ? `reason-text${at ? ' reason-text--float' : ''}` : 'visually-hidden'} role="note" style={open && at ? { top: `${at.top}px`, left: `${at.left}px` } : undefined}>
        {props.reason}
      </span>
    </span>
  );
}

// The server counts a suspended task as having no deadline (timeliness no_deadline, with
// the reason of a regular task); say what is really the case.
export function timelinessText(task: Pick<Task, 'timeliness' | 'timeliness_reason' | 'state' | 'deadline' | 'finished_on' | 'working_days_left' | 'working_days_late'> & { extensions_approved?: number }): { label: string; reason: string } {
  if (task.state === 'suspended' && task.timeliness === 'no_deadline') {
    return {
      label: t('timeliness.suspended'),
      reason: task.deadline ? t('timeliness.suspendedReason', { date: formatDate(task.deadline) }) : t('timeliness.suspendedNoDeadline'),
    };
  }
  return { label: timelinessLabel(task.timeliness), reason: getLang() === 'vi' ? task.timeliness_reason : englishReason(task) ?? task.timeliness_reason };
}

// The server writes the reason in Vietnamese; in English it is put together here from the
// same facts (the working days the server counted).
function englishReason(task: Pick<Task, 'timeliness' | 'deadline' | 'finished_on' | 'working_days_left' | 'working_days_late'> & { extensions_approved?: number }): string | null {
  const date = formatDate(task.deadline);
  const ext = task.extensions_approved ? t('reason.extended', { n: task.extensions_approved }) : '';
  switch (task.timeliness) {
    case 'no_deadline':
      return t('reason.noDeadline');
    case 'in_time':
      return t('reason.inTime', { date }) + ext;
    case 'due_soon': {
      const n = task.working_days_left;
      return n === null ? null : t('reason.dueSoon', { n, date }) + ext;
    }
    case 'overdue': {
      const n = task.working_days_late;
      return n === null ? null : t('reason.overdue', { n, date }) + ext;
    }
    case 'done_on_time':
      return t('reason.doneOnTime', { date: formatDate(task.finished_on) });
    case 'done_late': {
      const n = task.finished_on ? task.working_days_late : null;
      return n === null ? null : t('reason.doneLate', { finished: formatDate(task.finished_on), n, date }) + ext;
    }
  }
  return null;
}

export function TimelinessTag(props: { task: Pick<Task, 'timeliness' | 'timeliness_reason' | 'state' | 'deadline' | 'finished_on' | 'working_days_left' | 'working_days_late'> & { extensions_approved?: number } }) {
  const { label, reason } = timelinessText(props.task);
  return <ReasonTag tone={TIMELINESS_TONE[props.task.timeliness] ?? 'grey'} label={label} reason={reason} />;
}

export function StateTag(props: { value: TaskState }) {
  return <span class={`tag tag--${STATE_TONE[props.value] ?? 'grey'} tag--state`}>{stateLabel(props.value)}</span>;
}

export function Progress(props: { percent: number; label?: string }) {
  const p = Math.max(0, Math.min(100, props.percent));
  return (
    <span class="progress">
      <span class="progress-track" aria-hidden="true">
        <span class="progress-fill" style={{ width: `${p}%` }} />
      </span>
      <span class="progress-value">
        {props.label && <span class="visually-hidden">{props.label} </span>}
        {formatPercent(p, 0)}
      </span>
    </span>
  );
}

const OPEN: TaskState[] = ['not_started', 'in_progress', 'returned'];

// "còn 3 ngày làm việc", "hạn là hôm nay", "quá 5 ngày làm việc" — for open tasks.
export function remainingText(task: Pick<Task, 'effective_deadline' | 'state' | 'working_days_left' | 'working_days_late'>): string | null {
  const due = task.effective_deadline;
  if (!due || !OPEN.includes(task.state)) return null;
  const today = todayIso();
  if (due === today) return t('deadline.today');
  if (due > today) return t('deadline.left', { n: task.working_days_left ?? 0 });
  return t('deadline.late', { n: task.working_days_late ?? 0 });
}

export function isExtended(task: Pick<Task, 'deadline' | 'original_deadline' | 'recurrence'>): boolean {
  return !task.recurrence && !!task.deadline && !!task.original_deadline && task.deadline !== task.original_deadline;
}

export function DeadlineCell(props: { task: Task }) {
  const task = props.task;
  const rec = recurrenceLabel(task.recurrence);
  if (!task.deadline) return <span class="muted">{t('deadline.none')}</span>;
  const left = remainingText(task);
  return (
    <span class="deadline">
      <span class="deadline-date">{formatDate(task.deadline)}</span>
      {left && <span class={`deadline-left deadline-left--${TIMELINESS_TONE[task.timeliness]}`}>{left}</span>}
      {isExtended(task) && (
        <span class="deadline-original">{t('deadline.original', { date: formatDate(task.original_deadline) })}</span>
      )}
      {rec && <span class="deadline-original">{rec}</span>}
    </span>
  );
}
