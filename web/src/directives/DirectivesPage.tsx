// Văn bản chỉ đạo: the resolutions, conclusions, plans and decisions that create work,
// each with how its tasks stand.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { Link, setQuery, useLocation } from '../app/router';
import { useCan } from '../auth/session';
import { Flash } from '../core/Flash';
import { formatDate, formatInteger } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { Empty, ErrorBox, Loading, PageHeader, Pager } from '../core/ui';
import { t } from '../i18n';
import { directiveKindLabel } from '../tasks/labels';
import { tasksHref } from '../tasks/query';

const LIMIT = 50;

export function DirectivesPage() {
  useDocumentTitle(t('directives.title'));
  const loc = useLocation();
  const canManage = useCan('tasks.manage');
  const q = loc.query.get('q') ?? '';
  const offset = Math.max(0, Number(loc.query.get('offset')) || 0);
  const [qText, setQText] = useState(q);
  useEffect(() => setQText(q), [q]);
  const res = useAsync(() => api.directives.list({ q: q || undefined, limit: LIMIT, offset }), [q, offset]);
  const board = useAsync(() => api.boards.tasks('directive'), []);
  const counts = new Map((board.data?.rows ?? []).map((r) => [r.key, r]));

  return (
    <div>
      <PageHeader
        title={t('directives.title')}
        lead={t('directives.lead')}
        actions={
          canManage && (
            <Link class="button" href="/directives/new">
              {t('directives.add')}
            </Link>
          )
        }
      />
      <Flash />
      <form
        class="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery({ q: qText.trim() || null, offset: null });
        }}
      >
        <div class="field">
          <label for="directives-q">{t('directives.search')}</label>
          <p class="hint" id="directives-q-hint">
            {t('directives.searchHint')}
          </p>
          <div class="input-with-button">
            <input id="directives-q" type="search" class="input input--long" value={qText} aria-describedby="directives-q-hint" onInput={(e) => setQText((e.target as HTMLInputElement).value)} />
            <button type="submit" class="button">
              {t('common.search')}
            </button>
          </div>
        </div>
      </form>
      {res.error ? (
        <ErrorBox error={res.error} onRetry={res.reload} />
      ) : !res.data ? (
        <Loading />
      ) : res.data.items.length === 0 ? (
        <Empty>
          {q ? t('directives.emptyFiltered') : t('directives.empty')} {canManage && <Link href="/directives/new">{t('directives.add')}</Link>}
        </Empty>
      ) : (
        <>
          <p class="muted">{t('directives.count', { n: formatInteger(res.data.total) })}</p>
          <div class="table-wrap">
            <table class="table table--stack">
              <thead>
                <tr>
                  <th scope="col">{t('directive.number')}</th>
                  <th scope="col">{t('directive.issuedOn')}</th>
                  <th scope="col">{t('directive.kind')}</th>
                  <th scope="col">{t('directive.title')}</th>
                  <th scope="col">{t('directive.issuer')}</th>
                  <th scope="col" class="num">
                    {t('directives.tasks')}
                  </th>
                  <th scope="col" class="num">
                    {t('timeliness.overdue')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {res.data.items.map((d) => {
                  const c = counts.get(d.id);
                  return (
                    <tr key={d.id}>
                      <td data-label={t('directive.number')}>
                        <Link href={`/directives/${d.id}`}>{d.number}</Link>
                      </td>
                      <td data-label={t('directive.issuedOn')}>{formatDate(d.issued_on)}</td>
                      <td data-label={t('directive.kind')}>{directiveKindLabel(d.kind)}</td>
                      <td data-label={t('directive.title')}>{d.title}</td>
                      <td data-label={t('directive.issuer')}>{d.issuer_unit?.name ?? '—'}</td>
                      <td data-label={t('directives.tasks')} class="num">
                        {c?.total ? <Link href={tasksHref({ directive_id: d.id })}>{formatInteger(c.total)}</Link> : formatInteger(0)}
                      </td>
                      <td data-label={t('timeliness.overdue')} class="num">
                        {c?.overdue ? (
                          <Link class="num-link num-link--red" href={tasksHref({ directive_id: d.id, timeliness: 'overdue' })}>
                            {formatInteger(c.overdue)}
                          </Link>
                        ) : (
                          formatInteger(0)
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Pager total={res.data.total} limit={LIMIT} offset={offset} onOffset={(o) => setQuery({ offset: o || null })} />
        </>
      )}
    </div>
  );
}
