// Bảng theo dõi: the task boards leaders read — per unit, per directive, per group — and
// the coordination board that shows who holds work up. The view and its filters live in
// the URL.
import { api } from '../api/client';
import type { BoardBy, CoordinationBoard, CoordinationBoardRow, TaskQuery } from '../api/types';
import { Link, setQuery, useLocation } from '../app/router';
import { coordinationHref } from './CoordinationPage';
import { Chart } from '../charts/Chart';
import { formatDate, formatInteger } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { DataTable, type Column } from '../core/list';
import { Empty, ErrorBox, Loading, PageHeader, SelectField } from '../core/ui';
import { PrintButton } from '../core/listTools';
import { t } from '../i18n';
import { AsOfNote } from './AsOfNote';
import { pastDay } from './cutoffs';
import { BoardChart, BoardTable } from './Board';
import { BoardExplanations } from './BoardExplanations';
import { useDirectives } from './data';
import { answerLabel, directiveCitation } from './labels';
import { tasksHref } from './query';

type View = BoardBy | 'coordination';
const VIEWS: View[] = ['unit', 'directive', 'group', 'coordination'];

function Tabs(props: { view: View; directiveId?: number }) {
  return (
    <nav class="tabs" aria-label={t('board.views')}>
      <ul>
        {VIEWS.map((v) => (
          <li key={v}>
            <Link
              href={`/tasks/boards?by=${v}${props.directiveId && v !== 'coordination' ? `&directive_id=${props.directiveId}` : ''}`}
              aria-current={props.view === v ? 'page' : undefined}
              class="tab"
            >
              {t(`board.by.${v}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function CoordinationView(props: { data: CoordinationBoard }) {
  const rows = props.data.rows;
  if (!rows.length) return <Empty>{t('board.coordinationEmpty')}</Empty>;
  const cols = ['answered_on_time', 'answered_late', 'overdue', 'pending'] as const;
  const tone = { answered_on_time: 'green', answered_late: 'red', overdue: 'red', pending: 'amber' } as const;
  const shade = { answered_on_time: 'dark', answered_late: 'dark', overdue: 'light', pending: 'light' } as const;
  const hrefFor = (i: number) => tasksHref({ unit_id: rows[i].unit_id });
  const top = rows.slice(0, 15);
  const totals = cols.reduce((acc, c) => ({ ...acc, [c]: rows.reduce((s, r) => s + r[c], 0) }), {} as Record<(typeof cols)[number], number>);
  const received = rows.reduce((s, r) => s + r.received, 0);
  const columns: Column<CoordinationBoardRow>[] = [
    { label: t('board.askedUnit'), rowHeader: true, cell: (r) => <Link href={tasksHref({ unit_id: r.unit_id })}>{r.name}</Link> },
    {
      label: t('board.received'),
      num: true,
      cell: (r) => <Link href={coordinationHref({ to_unit_id: r.unit_id })}>{formatInteger(r.received)}</Link>,
      total: <Link href={coordinationHref({})}>{formatInteger(received)}</Link>,
    },
    ...cols.map(
      (c): Column<CoordinationBoardRow> => ({
        label: answerLabel(c),
        num: true,
        cell: (r) =>
          r[c] ? (
            <Link href={coordinationHref({ to_unit_id: r.unit_id, status: c })} class={c === 'overdue' || c === 'answered_late' ? 'num-link--red strong' : undefined}>
              {formatInteger(r[c])}
            </Link>
          ) : (
            <span class="muted">0</span>
          ),
        total: totals[c] ? <Link href={coordinationHref({ status: c })}>{formatInteger(totals[c])}</Link> : formatInteger(0),
      }),
    ),
  ];
  return (
    <>
      <section class="panel">
        <Chart
          title={t('board.coordinationChart')}
          dataDate={props.data.as_of}
          categoryLabel={t('board.askedUnit')}
          categories={top.map((r) => r.name)}
          series={cols.map((c) => ({ name: answerLabel(c), values: top.map((r) => r[c]), tone: tone[c], shade: shade[c], stack: 'requests' }))}
          horizontal
          hrefFor={hrefFor}
          height={Math.max(200, top.length * 44 + 70)}
        />
      </section>
      <DataTable rows={rows} columns={columns} rowKey={(r) => r.unit_id} caption={t('board.coordinationChart')} class="board-table" />
      <p class="muted small">{t('board.coordinationNote')}</p>
    </>
  );
}

export function BoardsPage() {
  useDocumentTitle(t('board.title'));
  const loc = useLocation();
  const q = loc.query;
  const view: View = VIEWS.includes(q.get('by') as View) ? (q.get('by') as View) : 'unit';
  const directives = useDirectives();
  const askedDirective = Number(q.get('directive_id')) || undefined;
  // Groups belong to one directive: default to the newest when none is chosen.
  const directiveId = view === 'group' ? askedDirective ?? directives.data?.[0]?.id : askedDirective;
  const filters: TaskQuery = {
    directive_id: view === 'directive' ? undefined : directiveId,
    is_key: q.get('is_key') === 'true' || undefined,
    // One way of counting everywhere (tasks9.countRule): delegated parts are not counted again
    // unless asked for with top_level=false.
    top_level: q.get('top_level') !== 'false' || undefined,
    as_of: pastDay(q.get('as_of')),
  };
  const ready = view !== 'group' || !!directiveId || (directives.data && directives.data.length === 0);
  const board = useAsync(
    () => (view === 'coordination' || !ready ? Promise.resolve(null) : view === 'group' && !directiveId ? Promise.resolve(null) : api.boards.tasks(view, filters)),
    [view, directiveId, filters.is_key, filters.top_level, filters.as_of, ready],
  );
  const coordination = useAsync(() => (view === 'coordination' ? api.boards.coordination() : Promise.resolve(null)), [view]);
  const label = t(`board.label.${view}`);
  const directive = directives.data?.find((d) => d.id === directiveId);
  const title =
    view === 'coordination'
      ? t('board.coordinationTitle')
      : view === 'group' && directive
        ? t('board.chartTitle.group', { directive: directiveCitation(directive) })
        : t(`board.chartTitle.${view}`);

  return (
    <div>
      <PageHeader
        title={t('board.title')}
        lead={t('board.lead')}
        actions={
          <>
            <Link class="button button--secondary" href="/tasks">
              {t('board.toList')}
            </Link>
            <PrintButton />
          </>
        }
      />
      <AsOfNote />
      <p class="count-rule">{t('tasks9.countRule')}</p>
      <BoardExplanations />
      <Tabs view={view} directiveId={askedDirective} />
      {view !== 'coordination' && (
        <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
          {view !== 'directive' && (
            <SelectField
              id="board-directive_id"
              label={t('tasks.directive')}
              value={directiveId ? String(directiveId) : ''}
              onValue={(v) => setQuery({ directive_id: v || null })}
              options={[
                ...(view === 'group' ? [] : [{ value: '', label: t('tasks.allDirectives') }]),
                ...(directives.data ?? []).map((d) => ({ value: String(d.id), label: directiveCitation(d) })),
              ]}
            />
          )}
          <div class="field field--checkbox">
            <input id="board-is_key" type="checkbox" checked={!!filters.is_key} onChange={(e) => setQuery({ is_key: (e.target as HTMLInputElement).checked ? 'true' : null })} />
            <label for="board-is_key">{t('tasks.keyOnly')}</label>
          </div>
          <div class="field field--checkbox">
            <input id="board-top_level" type="checkbox" checked={!filters.top_level} onChange={(e) => setQuery({ top_level: (e.target as HTMLInputElement).checked ? 'false' : null })} />
            <label for="board-top_level">{t('tasks9.includeParts')}</label>
          </div>
        </form>
      )}
      {view === 'coordination' ? (
        coordination.error ? (
          <ErrorBox error={coordination.error} onRetry={coordination.reload} />
        ) : !coordination.data ? (
          <Loading />
        ) : (
          <>
            <p class="lead">{t('board.coordinationLead')}</p>
            <CoordinationView data={coordination.data} />
          </>
        )
      ) : view === 'group' && directives.data && directives.data.length === 0 ? (
        <Empty>
          {t('board.noDirectives')} <Link href="/directives/new">{t('directives.add')}</Link>
        </Empty>
      ) : board.error ? (
        <ErrorBox error={board.error} onRetry={board.reload} />
      ) : !board.data ? (
        <Loading />
      ) : board.data.totals.total === 0 ? (
        <Empty>{t('board.empty')}</Empty>
      ) : (
        <>
          <p class="muted">
            {t('board.summary', {
              total: formatInteger(board.data.totals.total),
              overdue: formatInteger(board.data.totals.overdue),
              date: formatDate(board.data.as_of),
            })}
          </p>
          <section class="panel">
            <BoardChart by={view} rows={board.data.rows} filters={filters} title={title} dataDate={board.data.as_of} label={label} />
          </section>
          <h2 class="section">{t('board.tableTitle')}</h2>
          <BoardTable by={view} rows={board.data.rows} totals={board.data.totals} filters={filters} label={label} caption={title} />
        </>
      )}
    </div>
  );
}
