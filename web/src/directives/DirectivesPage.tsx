// Văn bản chỉ đạo: the resolutions, conclusions, plans and decisions that create work,
// each with how its tasks stand.
import { api } from '../api/client';
import type { Directive } from '../api/types';
import { Link } from '../app/router';
import { useCan } from '../auth/session';
import { formatDate, formatInteger } from '../core/format';
import { useAsync } from '../core/hooks';
import { FilterForm, ListPage, SearchField, useDraft, useListQuery, type Column } from '../core/list';
import { t } from '../i18n';
import { directiveKindLabel } from '../tasks/labels';
import { tasksHref } from '../tasks/query';

function countLink(n: number | undefined, href: string, red?: boolean) {
  if (!n) return formatInteger(0);
  return (
    <Link class={red ? 'num-link num-link--red' : undefined} href={href}>
      {formatInteger(n)}
    </Link>
  );
}

export function DirectivesPage() {
  const canManage = useCan('tasks.manage');
  const list = useListQuery({
    limit: 50,
    filters: (query) => ({ q: query.get('q') ?? '' }),
    load: (f, page) => api.directives.list({ q: f.q || undefined, ...page }),
  });
  const q = list.filters.q;
  const [qText, setQText] = useDraft(q);
  const board = useAsync(() => api.boards.tasks('directive'), []);
  const counts = new Map((board.data?.rows ?? []).map((r) => [r.key, r]));
  const add = canManage && <Link href="/directives/new">{t('directives.add')}</Link>;

  const columns: Column<Directive>[] = [
    { label: t('directive.number'), cell: (d) => <Link href={`/directives/${d.id}`}>{d.number}</Link> },
    { label: t('directive.issuedOn'), cell: (d) => formatDate(d.issued_on) },
    { label: t('directive.kind'), cell: (d) => directiveKindLabel(d.kind) },
    { label: t('directive.title'), cell: (d) => d.title },
    { label: t('directive.issuer'), cell: (d) => d.issuer_unit?.name ?? '—' },
    { label: t('directives.tasks'), num: true, cell: (d) => countLink(counts.get(d.id)?.total, tasksHref({ directive_id: d.id })) },
    {
      label: t('timeliness.overdue'),
      num: true,
      cell: (d) => countLink(counts.get(d.id)?.overdue, tasksHref({ directive_id: d.id, timeliness: 'overdue' }), true),
    },
  ];

  return (
    <ListPage
      title={t('directives.title')}
      lead={t('directives.lead')}
      actions={
        canManage && (
          <Link class="button" href="/directives/new">
            {t('directives.add')}
          </Link>
        )
      }
      filters={
        <FilterForm onSubmit={() => list.setFilters({ q: qText.trim() || null })}>
          <SearchField id="directives-q" label={t('directives.search')} hint={t('directives.searchHint')} value={qText} onValue={setQText} />
        </FilterForm>
      }
      list={list}
      empty={
        <>
          {q ? t('directives.emptyFiltered') : t('directives.empty')} {add}
        </>
      }
      count={(n) => t('directives.count', { n: formatInteger(n) })}
      columns={columns}
    />
  );
}
