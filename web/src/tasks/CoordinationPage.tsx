// Đề nghị phối hợp: the coordination requests behind the coordination board's numbers —
// who asked whom for what, by when, and whether the answer came in time. Filters (the unit
// asked, the answer's status) live in the URL, so a board number is a link to its list.
import { api } from '../api/client';
import type { AnswerStatus } from '../api/types';
import { Link, setQuery, useLocation } from '../app/router';
import { formatDate, formatInteger } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { Empty, ErrorBox, Loading, PageHeader, Pager, SelectField, Tag } from '../core/ui';
import { t } from '../i18n';
import { ANSWER_TONE, answerLabel } from './labels';

const LIMIT = 50;
export const ANSWER_STATUSES: AnswerStatus[] = ['overdue', 'pending', 'answered_late', 'answered_on_time'];

export function coordinationHref(f: { to_unit_id?: number; status?: AnswerStatus }): string {
  const q = new URLSearchParams();
  if (f.to_unit_id) q.set('to_unit_id', String(f.to_unit_id));
  if (f.status) q.set('status', f.status);
  const s = q.toString();
  return s ? `/tasks/coordination?${s}` : '/tasks/coordination';
}

export function CoordinationPage() {
  useDocumentTitle(t('coordList.title'));
  const loc = useLocation();
  const toUnit = Number(loc.query.get('to_unit_id')) || undefined;
  const asked = loc.query.get('status') as AnswerStatus | null;
  const status = asked && ANSWER_STATUSES.includes(asked) ? asked : undefined;
  const offset = Math.max(0, Number(loc.query.get('offset')) || 0);
  const res = useAsync(
    () => api.coordination.list({ to_unit_id: toUnit, status, limit: LIMIT, offset }),
    [toUnit, status, offset],
  );
  const unitName = res.data?.items[0]?.to_unit?.name;

  return (
    <div>
      <PageHeader
        title={t('coordList.title')}
        lead={t('coordList.lead')}
        actions={
          <Link href="/tasks/boards?by=coordination" class="button button--secondary">
            {t('coordList.board')}
          </Link>
        }
      />
      <div class="filters">
        <SelectField
          id="coordination-status"
          label={t('coordList.status')}
          value={status ?? ''}
          onValue={(v) => setQuery({ status: v || null, offset: null })}
          options={[{ value: '', label: t('coordList.anyStatus') }, ...ANSWER_STATUSES.map((s) => ({ value: s, label: answerLabel(s) }))]}
        />
        {toUnit && (
          <p class="field">
            {t('board.askedUnit')}: <strong>{unitName ?? `#${toUnit}`}</strong>{' '}
            <Link href={coordinationHref({ status })}>{t('coordList.allUnits')}</Link>
          </p>
        )}
      </div>
      {res.error ? (
        <ErrorBox error={res.error} onRetry={res.reload} />
      ) : !res.data ? (
        <Loading />
      ) : res.data.items.length === 0 ? (
        <Empty>{t('coordList.empty')}</Empty>
      ) : (
        <>
          <p class="muted" aria-live="polite">
            {t('coordList.count', { n: formatInteger(res.data.total) })}
          </p>
          <div class="table-wrap">
            <table class="table table--stack coordination-table">
              <caption class="visually-hidden">{t('coordList.title')}</caption>
              <thead>
                <tr>
                  <th scope="col" class="num">
                    {t('task.no')}
                  </th>
                  <th scope="col">{t('coordList.task')}</th>
                  <th scope="col">{t('coordList.from')}</th>
                  <th scope="col">{t('board.askedUnit')}</th>
                  <th scope="col">{t('coordList.body')}</th>
                  <th scope="col">{t('coordList.dueOn')}</th>
                  <th scope="col">{t('coordList.answer')}</th>
                  <th scope="col">{t('coordList.status')}</th>
                </tr>
              </thead>
              <tbody>
                {res.data.items.map((r, i) => (
                  <tr key={r.id}>
                    <td class="num" data-label={t('task.no')}>
                      {formatInteger(offset + i + 1)}
                    </td>
                    <td data-label={t('coordList.task')}>
                      {r.task_title ? (
                        <Link href={`/tasks/${r.task_id}#coordination-${r.id}`}>{r.task_title}</Link>
                      ) : (
                        <span class="muted">{t('coordList.taskHidden')}</span>
                      )}
                    </td>
                    <td data-label={t('coordList.from')}>{r.from_unit?.name ?? `#${r.from_unit_id}`}</td>
                    <td data-label={t('board.askedUnit')}>{r.to_unit?.name ?? `#${r.to_unit_id}`}</td>
                    <td data-label={t('coordList.body')}>{r.body}</td>
                    <td data-label={t('coordList.dueOn')}>{formatDate(r.due_on)}</td>
                    <td data-label={t('coordList.answer')}>
                      {r.answered_on ? (
                        <div>
                          <span class="block">{formatDate(r.answered_on)}</span>
                          <span class="muted">{r.answer}</span>
                        </div>
                      ) : (
                        <span class="muted">—</span>
                      )}
                    </td>
                    <td data-label={t('coordList.status')}>
                      <Tag tone={ANSWER_TONE[r.status]}>{answerLabel(r.status)}</Tag>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager total={res.data.total} limit={LIMIT} offset={offset} onOffset={(o) => setQuery({ offset: o || null })} />
        </>
      )}
    </div>
  );
}
