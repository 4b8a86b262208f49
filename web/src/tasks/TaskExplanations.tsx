// The explanation requests about one task (giải trình, issue 11) on the task's page: each
// with its unit, due date and state (open, answered, accepted; late when open past its due
// date), and for a leader the way to ask the lead unit for one. The requests belong to the
// targets feature; web features do not import each other, so this reads its public API
// (only the requests the caller may see) and links to its pages by address.
import { http } from '../api/client';
import type { TaskDetail } from '../api/types';
import { Link } from '../app/router';
import { useCan } from '../auth/session';
import { formatDate } from '../core/format';
import { useAsync } from '../core/hooks';
import { t } from '../i18n';

interface Request {
  id: number;
  question: string;
  due_on: string;
  state: 'open' | 'answered' | 'accepted';
  late?: boolean;
  days_late?: number;
  unit_id: number;
  unit_name?: string;
}

const TONE = { open: 'amber', answered: 'info', accepted: 'green' } as const;

function StateCell(props: { r: Request }) {
  const r = props.r;
  return (
    <span class="tag-row">
      <span class={`tag tag--${TONE[r.state] ?? 'grey'}`}>{t(`taskExplain.state.${r.state}`)}</span>
      {r.late && r.state === 'open' && <span class="tag tag--red">{t('taskExplain.late', { n: r.days_late ?? 1 })}</span>}
    </span>
  );
}

function Requests(props: { items: Request[] }) {
  return (
    <div class="table-wrap">
      <table class="table table--stack">
        <thead>
          <tr>
            <th scope="col">{t('taskExplain.question')}</th>
            <th scope="col">{t('taskExplain.unit')}</th>
            <th scope="col">{t('taskExplain.due')}</th>
            <th scope="col">{t('taskExplain.status')}</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((r) => (
            <tr key={r.id}>
              <td data-label={t('taskExplain.question')}>
                <Link href={`/targets/explanations/${r.id}`} class="pre-line">
                  {r.question}
                </Link>
              </td>
              <td data-label={t('taskExplain.unit')}>{r.unit_name ?? `#${r.unit_id}`}</td>
              <td data-label={t('taskExplain.due')}>{formatDate(r.due_on)}</td>
              <td data-label={t('taskExplain.status')}>
                <StateCell r={r} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function TaskExplanations(props: { task: TaskDetail }) {
  const id = props.task.id;
  const read = useCan('targets.read');
  const ask = useCan('explanations.ask');
  const res = useAsync(
    () => (read ? http.get<{ items: Request[] }>('/explanation-requests', { task_id: id, limit: 100 }) : Promise.resolve(null)),
    [id, read],
  );
  if (!read) return null;
  const items = res.data?.items ?? [];
  return (
    <section class="section task-explanations" aria-labelledby="explanations-title">
      <div class="section-head">
        <h2 id="explanations-title">{t('taskExplain.title')}</h2>
        {ask && (
          <Link class="button button--secondary button--small" href={`/targets/explanations/new?task_id=${id}`}>
            {t('taskExplain.ask')}
          </Link>
        )}
      </div>
      {items.length ? <Requests items={items} /> : <p class="muted">{res.error ? t('taskExplain.failed') : t('taskExplain.none')}</p>}
    </section>
  );
}
