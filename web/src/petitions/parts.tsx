// What the petitions pages share: labels, status tags in the one colour language, a row of
// a summary list.
import type { ComponentChildren } from 'preact';
import { formatDate, formatInteger } from '../core/format';
import type { Tone } from '../core/status';
import { Tag } from '../core/ui';
import { hasKey, t } from '../i18n';
import { TIMELINESS_TONE, timelinessLabel } from '../tasks/labels';
import { CATEGORIES, STATES, type Petition } from './api';

export function categoryLabel(c: string): string {
  const key = `petitions.cat.${c}`;
  return hasKey(key) ? t(key) : c;
}

export function stateLabel(s: string): string {
  const key = `petitions.state.${s}`;
  return hasKey(key) ? t(key) : s;
}

export const categoryOptions = () => [
  { value: '', label: t('petitions.all') },
  ...CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c) })),
];
export const stateOptions = () => [{ value: '', label: t('petitions.all') }, ...STATES.map((s) => ({ value: s, label: stateLabel(s) }))];

const STATE_TONE: Record<string, Tone> = {
  filed: 'grey',
  routed: 'info',
  forwarded: 'info',
  answer_drafted: 'amber',
  directed: 'green',
  resolved: 'green',
  rated: 'green',
  returned: 'grey',
};

export function StateTag(props: { state: string }) {
  return <Tag tone={STATE_TONE[props.state] ?? 'grey'}>{stateLabel(props.state)}</Tag>;
}

// "Quá hạn · quá 2 ngày làm việc so với hạn 26/01/2026" on hover.
export function TimelinessTag(props: { p: Petition }) {
  const p = props.p;
  // Filed or returned: no deadline runs (the tasks' "Thường xuyên" does not apply).
  if (p.timeliness === 'no_deadline') return null;
  const tone = TIMELINESS_TONE[p.timeliness as keyof typeof TIMELINESS_TONE] ?? 'grey';
  const late = p.working_days_late ?? 0;
  const why = p.due_on
    ? `${late > 0 ? t('petitions.daysLate', { n: formatInteger(late) }) : t('petitions.daysLeft', { n: formatInteger(p.working_days_left ?? 0) })} — ${t('petitions.field.due')} ${formatDate(p.effective_deadline ?? p.due_on)}`
    : undefined;
  return (
    <Tag tone={tone} title={why}>
      {timelinessLabel(p.timeliness)}
    </Tag>
  );
}

export function Row(props: { label: string; children: ComponentChildren }) {
  return (
    <div>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}
