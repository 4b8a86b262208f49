// One search box across directives, tasks and units (GET /api/v1/search): the box in the
// side navigation (SearchBox) and the page of what it finds, each kind in its own list with
// a link to the full list when there are more. Diacritics optional.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { http } from '../api/client';
import type { components } from '../api/schema';
import { Link, navigate, useLocation } from '../app/router';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { Empty, ErrorBox, Loading, PageHeader } from '../core/ui';
import { t } from '../i18n';
import { timelinessLabel } from './labels';
import { tasksHref } from './query';

type SearchResult = components['schemas']['SearchResult'];

export function SearchBox() {
  const [q, setQ] = useState(useLocation().query.get('q') ?? '');
  const submit = (e: Event) => {
    e.preventDefault();
    if (q.trim()) navigate(`/search?q=${encodeURIComponent(q.trim())}`);
  };
  return (
    <form class="search-box" role="search" onSubmit={submit}>
      <label for="search-input" class="visually-hidden">
        {t('search.label')}
      </label>
      <input id="search-input" class="input" type="search" value={q} maxLength={200} placeholder={t('search.placeholder')} onInput={(e) => setQ((e.target as HTMLInputElement).value)} />
      <button type="submit" class="button button--secondary">
        {t('search.go')}
      </button>
    </form>
  );
}

function Group(props: { title: string; total: number; more?: string; children: ComponentChildren }) {
  return (
    <section class="search-group" aria-label={props.title}>
      <h2>
        {props.title} ({props.total})
      </h2>
      {props.total === 0 ? <p class="muted">{t('search.none')}</p> : <ul>{props.children}</ul>}
      {props.more && <Link href={props.more}>{t('search.more')}</Link>}
    </section>
  );
}

export function SearchPage() {
  const q = (useLocation().query.get('q') ?? '').trim();
  useDocumentTitle(t('search.title'));
  const res = useAsync(() => (q ? http.get<SearchResult>('/search', { q, limit: 20 }) : Promise.resolve(null)), [q]);
  return (
    <div>
      <PageHeader title={t('search.title')} lead={q ? t('search.lead', { q }) : undefined} />
      <SearchBox key={q} />
      {!q && <Empty>{t('search.empty')}</Empty>}
      {res.error && <ErrorBox error={res.error} onRetry={res.reload} />}
      {q && !res.data && !res.error && <Loading />}
      {res.data && (
        <div class="search-results">
          <Group title={t('search.directives')} total={res.data.directives.total}>
            {res.data.directives.items.map((d) => (
              <li key={d.id}>
                <Link href={`/directives/${d.id}`}>{d.citation}</Link> — {d.title}
              </li>
            ))}
          </Group>
          <Group title={t('search.tasks')} total={res.data.tasks.total} more={res.data.tasks.total > res.data.tasks.items.length ? tasksHref({ q }) : undefined}>
            {res.data.tasks.items.map((x) => (
              <li key={x.id}>
                <Link href={`/tasks/${x.id}`}>{x.title}</Link> — {x.lead_unit?.name} · {timelinessLabel(x.timeliness)}
              </li>
            ))}
          </Group>
          <Group title={t('search.units')} total={res.data.units.total}>
            {res.data.units.items.map((u) => (
              <li key={u.id}>
                <Link href={`/units/${u.id}`}>{u.name}</Link> <span class="muted">{u.code}</span>
              </li>
            ))}
          </Group>
        </div>
      )}
    </div>
  );
}
