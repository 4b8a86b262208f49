// Đề nghị phối hợp: the coordination requests behind the coordination board's numbers —
// who asked whom for what, by when, and whether the answer came in time. Filters (the unit
// asked, the answer's status) live in the URL, so a board number is a link to its list.
import { api } from '../api/client';
import type { AnswerStatus, CoordinationListItem } from '../api/types';
import { Link } from '../app/router';
import { formatDate, formatInteger } from '../core/format';
import { ListPage, numberColumn, useListQuery, type Column } from '../core/list';
import { SelectField, Tag } from '../core/ui';
import { t } from '../i18n';
import { ANSWER_TONE, answerLabel } from './labels';

export const ANSWER_STATUSES: AnswerStatus[] = ['overdue', 'pending', 'answered_late', 'answered_on_time'];

export function coordinationHref(f: { to_unit_id?: number; status?: AnswerStatus }): string {
  const q = new URLSearchParams();
  if (f.to_unit_id) q.set('to_unit_id', String(f.to_unit_id));
  if (f.status) q.set('status', f.status);
  const s = q.toString();
  return s ? `/tasks/coordination?${s}` : '/tasks/coordination';
}

export function CoordinationPage() {
  const list = useListQuery({
    limit: 50,
    filters: (query) => {
      const asked = query.get('status') as AnswerStatus | null;
      return { toUnit: Number(query.get('to_unit_id')) || undefined, status: asked && ANSWER_STATUSES.includes(asked) ? asked : undefined };
    },
    load: (f, page) => api.coordination.list({ to_unit_id: f.toUnit, status: f.status, ...page }),
  });
  const { toUnit, status } = list.filters;
  const unitName = list.res.data?.items[0]?.to_unit?.name;

  const columns: Column<CoordinationListItem>[] = [
    numberColumn(t('task.no')),
    {
      label: t('coordList.task'),
      // Empty when the task is outside the caller's scope (the unit asked still answers).
      cell: (r) =>
        r.task_title ? (
          <Link href={`/tasks/${r.task_id}#coordination-${r.id}`}>{r.task_title}</Link>
        ) : (
          <span class="muted">{t('coordList.taskHidden')}</span>
        ),
    },
    { label: t('coordList.from'), cell: (r) => r.from_unit?.name ?? `#${r.from_unit_id}` },
    { label: t('board.askedUnit'), cell: (r) => r.to_unit?.name ?? `#${r.to_unit_id}` },
    { label: t('coordList.body'), cell: (r) => r.body },
    { label: t('coordList.dueOn'), cell: (r) => formatDate(r.due_on) },
    {
      label: t('coordList.answer'),
      cell: (r) =>
        r.answered_on ? (
          <div>
            <span class="block">{formatDate(r.answered_on)}</span>
            <span class="muted">{r.answer}</span>
          </div>
        ) : (
          <span class="muted">—</span>
        ),
    },
    { label: t('coordList.status'), cell: (r) => <Tag tone={ANSWER_TONE[r.status]}>{answerLabel(r.status)}</Tag> },
  ];

  return (
    <ListPage
      title={t('coordList.title')}
      lead={t('coordList.lead')}
      actions={
        <Link href="/tasks/boards?by=coordination" class="button button--secondary">
          {t('coordList.board')}
        </Link>
      }
      filters={
        <div class="filters">
          <SelectField
            id="coordination-status"
            label={t('coordList.status')}
            value={status ?? ''}
            onValue={(v) => list.setFilters({ status: v || null })}
            options={[{ value: '', label: t('coordList.anyStatus') }, ...ANSWER_STATUSES.map((s) => ({ value: s, label: answerLabel(s) }))]}
          />
          {toUnit && (
            <p class="field">
              {t('board.askedUnit')}: <strong>{unitName ?? `#${toUnit}`}</strong> <Link href={coordinationHref({ status })}>{t('coordList.allUnits')}</Link>
            </p>
          )}
        </div>
      }
      list={list}
      empty={status || toUnit ? t('coordList.emptyFiltered') : t('coordList.empty')}
      count={(n) => t('coordList.count', { n: formatInteger(n) })}
      columns={columns}
      caption={t('coordList.title')}
      tableClass="coordination-table"
    />
  );
}
