// The explanation requests about tasks (giải trình, issue 11) on the task boards: how many
// in the caller's scope are open and how many of those are late, each count opening the
// list behind it. The requests belong to the targets feature; web features do not import
// each other, so this reads its public API and links to its list page by address.
import { http } from '../api/client';
import { Link } from '../app/router';
import { useCan } from '../auth/session';
import { formatInteger } from '../core/format';
import { useAsync } from '../core/hooks';
import { t } from '../i18n';

const LIST = '/targets/explanations?about=task';

// Totals only: the server counts them (one row asked for).
async function counts(): Promise<{ open: number; late: number }> {
  const total = (q: object) =>
    http.get<{ total: number }>('/explanation-requests', { about: 'task', limit: 1, ...q }).then((l) => l.total);
  const [open, late] = await Promise.all([total({ state: 'open' }), total({ late: true })]);
  return { open, late };
}

export function BoardExplanations() {
  const allowed = useCan('targets.read');
  const res = useAsync(() => (allowed ? counts() : Promise.resolve(null)), [allowed]);
  if (!res.data) return null;
  const { open, late } = res.data;
  return (
    <nav class="quick-views board-explanations" aria-label={t('board.explanations')}>
      <span class="quick-views-label">{t('board.explanations')}:</span>
      <ul>
        <li>
          <Link class="quick-view" href={`${LIST}&state=open`}>
            {t('board.explanationsOpen', { n: formatInteger(open) })}
          </Link>
        </li>
        <li>
          <Link class={`quick-view${late ? ' quick-view--red' : ''}`} href={`${LIST}&late=true`}>
            {t('board.explanationsLate', { n: formatInteger(late) })}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
