// Hội nghị: the conferences the user sees, each with its opinions received and answered.
import { Link } from '../app/router';
import { useCan } from '../auth/session';
import { formatDate, formatInteger } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { Empty, ErrorBox, Loading, PageHeader, Tag } from '../core/ui';
import { t } from '../i18n';
import { conferencesApi } from './api';

export function ConferencesPage() {
  useDocumentTitle(t('conf.listTitle'));
  const res = useAsync(() => conferencesApi.list(), []);
  const manage = useCan('conferences.manage');
  return (
    <>
      <PageHeader title={t('conf.listTitle')} lead={t('conf.listLead')}
        actions={manage && <Link class="button" href="/conferences/new">{t('conf.newButton')}</Link>} />
      {res.loading && <Loading />}
      {res.error !== undefined && <ErrorBox error={res.error} onRetry={res.reload} />}
      {res.data && res.data.items.length === 0 && <Empty>{t('conf.empty')}</Empty>}
      {res.data && res.data.items.length > 0 && (
        <ul class="conf-list">
          {res.data.items.map((c) => {
            const overdue = c.counts.overdue_by_unit.reduce((n, u) => n + u.count, 0);
            return (
              <li key={c.id} class="card conf-card">
                <h2>
                  <Link href={`/conferences/${c.id}`}>{c.name}</Link>
                </h2>
                <p class="hint">
                  {c.body_unit_name} · {formatDate(c.starts_on)} – {formatDate(c.ends_on)}
                </p>
                <p>
                  {t('conf.received')}: <strong>{formatInteger(c.counts.received)}</strong> · {t('conf.answered')}:{' '}
                  <strong>{formatInteger(c.counts.answered)}</strong>{' '}
                  {overdue > 0 && <Tag tone="red">{`${t('conf.overdue')}: ${formatInteger(overdue)}`}</Tag>}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
