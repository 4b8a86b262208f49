// Việc của tôi: what waits on the officer — the tasks their unit holds (or given to them),
// the reports they owe, work the office sent back, and the coordination requests their
// unit must answer — what is due first, as the server orders it (GET /api/v1/my-work).
import { api } from '../api/client';
import type { MyWorkItem } from '../api/types';
import { Link } from '../app/router';
import { formatDate, formatInteger } from '../core/format';
import { ListPage, numberColumn, useListQuery, type Column } from '../core/list';
import type { Tone } from '../core/status';
import { Tag } from '../core/ui';
import { t } from '../i18n';
import { stateLabel, STATE_TONE } from './labels';

const KIND_TONE: Record<MyWorkItem['kind'], Tone> = {
  returned: 'red',
  report_due: 'amber',
  task: 'info',
  coordination: 'grey',
};

function itemHref(r: MyWorkItem): string {
  return r.kind === 'coordination' ? `/tasks/${r.task_id}#coordination-${r.request_id}` : `/tasks/${r.task_id}`;
}

// "Còn 3 ngày làm việc", "Trễ 2 ngày làm việc", "Hôm nay".
function daysText(r: MyWorkItem): { text: string; tone: Tone } {
  if (!r.due_on) return { text: t('mywork.noDeadline'), tone: 'grey' };
  if (r.working_days_late) return { text: t('mywork.late', { n: formatInteger(r.working_days_late) }), tone: 'red' };
  if (!r.working_days_left) return { text: t('mywork.today'), tone: 'amber' };
  return { text: t('mywork.left', { n: formatInteger(r.working_days_left) }), tone: r.working_days_left <= 3 ? 'amber' : 'green' };
}

const columns: Column<MyWorkItem>[] = [
  numberColumn(t('task.no')),
  { label: t('mywork.kind'), cell: (r) => <Tag tone={KIND_TONE[r.kind]}>{t(`mywork.kind.${r.kind}`)}</Tag> },
  {
    label: t('mywork.what'),
    cell: (r) => (
      <div>
        <Link href={itemHref(r)}>{r.title || t('coordList.taskHidden')}</Link>
        {r.coordination && <span class="block muted">{r.coordination.body}</span>}
      </div>
    ),
  },
  {
    label: t('mywork.unit'),
    cell: (r) =>
      r.coordination
        ? t('mywork.askedBy', { unit: r.coordination.from_unit?.name ?? `#${r.coordination.from_unit_id}` })
        : r.task?.lead_unit?.name ?? '',
  },
  { label: t('mywork.due'), cell: (r) => (r.due_on ? formatDate(r.due_on) : '—') },
  {
    label: t('mywork.days'),
    cell: (r) => {
      const d = daysText(r);
      return <Tag tone={d.tone}>{d.text}</Tag>;
    },
  },
  {
    label: t('task.state'),
    cell: (r) => (r.task ? <Tag tone={STATE_TONE[r.task.state]}>{stateLabel(r.task.state)}</Tag> : <span class="muted">—</span>),
  },
];

export function MyWorkPage() {
  const list = useListQuery({ limit: 50, filters: () => ({}), load: (_f, page) => api.myWork(page) });
  return (
    <ListPage
      title={t('nav.myWork')}
      lead={t('mywork.lead')}
      list={list}
      empty={t('mywork.empty')}
      count={(n) => t('mywork.count', { n: formatInteger(n) })}
      columns={columns}
      caption={t('nav.myWork')}
      tableClass="mywork-table"
    />
  );
}
