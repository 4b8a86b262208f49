// A leader's home: a few large numbers, each a link to the list behind it — tasks first
// (overdue, due this week, done on time), then units — and the task board by unit.
// Targets and disbursement join it as they are built.
import { api } from '../api/client';
import { UNIT_KINDS, type RestructureEvent } from '../api/types';
import { hrefWith, useAsOf } from '../app/asof';
import { Link } from '../app/router';
import { can, useSession } from '../auth/session';
import { Chart } from '../charts/Chart';
import { formatDate, formatInteger, formatPercent, todayIso } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { Empty, ErrorBox, Loading, PageHeader } from '../core/ui';
import { t } from '../i18n';
import { kindLabel } from '../units/labels';
import { BoardChart } from '../tasks/Board';
import { listTasks, tasksHref, useWorkingWeekEnd } from '../tasks/query';
import { pastDay } from '../tasks/cutoffs';

// Units ended by a merge or split on or before `asOf` (sources end the day before the
// event's date).
function endedByRestructuring(events: RestructureEvent[], asOf: string): number {
  const ids = new Set<number>();
  for (const ev of events) if (ev.date <= asOf) ev.sources.forEach((s) => ids.add(s.id));
  return ids.size;
}

function Stat(props: { value: number | string; label: string; note: string; href: string; tone?: 'red' | 'amber' | 'green' }) {
  return (
    <Link class={`stat${props.tone ? ` stat--${props.tone}` : ''}`} href={props.href}>
      <span class="stat-value">{typeof props.value === 'number' ? formatInteger(props.value) : props.value}</span>
      <span class="stat-label">{props.label}</span>
      <span class="stat-note">{props.note}</span>
    </Link>
  );
}

// Key task numbers, counted over top-level tasks (a delegated part is not counted twice)
// and linked to exactly the list that makes each number.
function TaskStats() {
  const today = todayIso();
  const as_of = pastDay(useAsOf()); // tasksreport: the cards and charts of that day
  const week = useWorkingWeekEnd(as_of); // tasksa: the week ahead of that day
  const data = useAsync(async () => {
    const [board, due] = await Promise.all([api.boards.tasks('unit', { top_level: true, as_of }), listTasks({ top_level: true, view: 'week', as_of }, { limit: 1, offset: 0 })]);
    return { board, due: due.total };
  }, [today, as_of]);
  if (data.error) return <ErrorBox error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  const { board, due } = data.data;
  const c = board.totals;
  const finished = c.done_on_time + c.done_late;
  return (
    <section aria-labelledby="overview-tasks-title" class="overview-tasks">
      <h2 id="overview-tasks-title">{t('overview.tasks')}</h2>
      {c.total === 0 ? (
        <Empty>
          {t('tasks.empty')} <Link href="/tasks">{t('tasks.title')}</Link>
        </Empty>
      ) : (
        <>
          <div class="stats">
            <Stat value={c.overdue} tone={c.overdue ? 'red' : 'green'} label={t('overview.tasksOverdue')} note={t('overview.tasksOverdueNote', { date: formatDate(board.as_of) })} href={tasksHref({ timeliness: 'overdue', top_level: true, as_of })} />
            <Stat value={due} tone={due ? 'amber' : undefined} label={t('overview.tasksWeek')} note={week ? t('overview.tasksWeekNote', { date: formatDate(week) }) : ''} href={tasksHref({ view: 'week', top_level: true, as_of })} />
            <Stat
              value={finished ? formatPercent((100 * c.done_on_time) / finished, 0) : '—'}
              tone={finished && c.done_late > c.done_on_time ? 'red' : 'green'}
              label={t('overview.tasksOnTime')}
              note={t('overview.tasksOnTimeNote', { n: formatInteger(c.done_on_time), total: formatInteger(finished) })}
              href={tasksHref({ timeliness: 'done_on_time', top_level: true, as_of })}
            />
            <Stat value={c.total} label={t('overview.tasksTotal')} note={t('overview.tasksTotalNote')} href={tasksHref({ top_level: true, as_of })} />
          </div>
          <p class="count-rule">{t('tasks9.countRule')}</p>
          <section class="panel">
            <BoardChart by="unit" rows={board.rows} filters={{ top_level: true, as_of }} title={t('overview.tasksChart')} dataDate={board.as_of} label={t('board.label.unit')} />
            <p>
              <Link href={tasksHref({ top_level: true, as_of }).replace('/tasks?', '/tasks/boards?')}>{t('overview.toBoards')}</Link>
            </p>
          </section>
        </>
      )}
    </section>
  );
}

export function OverviewPage() {
  useDocumentTitle(t('overview.title'));
  const { me } = useSession();
  const asOf = useAsOf();
  const canUsers = can(me, 'users.read');
  const canAudit = can(me, 'audit.read');
  const canTasks = can(me, 'tasks.read');

  const data = useAsync(async () => {
    const [all, byKind, events, users, audit] = await Promise.all([
      api.units.list({ as_of: asOf, limit: 1 }),
      Promise.all(UNIT_KINDS.map((k) => api.units.list({ as_of: asOf, kind: k, limit: 1 }).then((r) => r.total))),
      api.units.events({ limit: 1000 }),
      canUsers ? api.users.list({ limit: 1 }) : Promise.resolve(null),
      canAudit ? api.audit.list({ from: asOf, to: asOf, limit: 1 }) : Promise.resolve(null),
    ]);
    return { active: all.total, byKind, events, users, audit };
  }, [asOf, canUsers, canAudit]);

  return (
    <div>
      <PageHeader title={t('overview.title')} lead={t('overview.lead', { date: formatDate(asOf) })} />
      {canTasks && <TaskStats />}
      {canTasks && <h2 class="section">{t('overview.units')}</h2>}
      {data.error ? (
        <ErrorBox error={data.error} onRetry={data.reload} />
      ) : !data.data ? (
        <Loading />
      ) : (
        (() => {
          const { active, byKind, events, users, audit } = data.data;
          const kinds = UNIT_KINDS.map((k, i) => ({ kind: k, n: byKind[i] })).filter((x) => x.n > 0);
          return (
            <>
              <div class="stats">
                <Stat value={active} label={t('overview.activeUnits')} note={t('overview.onDate', { date: formatDate(asOf) })} href={hrefWith('/units', asOf)} />
                <Stat
                  value={endedByRestructuring(events.items, asOf)}
                  label={t('overview.endedUnits')}
                  note={t('overview.byDate', { date: formatDate(asOf) })}
                  href={hrefWith('/units/events', asOf)}
                />
                {users && <Stat value={users.total} label={t('overview.users')} note={t('overview.usersNote')} href={hrefWith('/users', asOf)} />}
                {audit && (
                  <Stat
                    value={audit.total}
                    label={t('overview.auditToday')}
                    note={t('overview.onDate', { date: formatDate(asOf) })}
                    href={hrefWith('/audit', asOf, { from: asOf, to: asOf })}
                  />
                )}
              </div>
              {active === 0 ? (
                <Empty>
                  {t('overview.empty')} <Link href={hrefWith('/units', asOf)}>{t('overview.emptyAction')}</Link>
                </Empty>
              ) : (
                <section class="panel">
                  <Chart
                    title={t('overview.chartTitle')}
                    dataDate={asOf}
                    categoryLabel={t('unit.kind')}
                    categories={kinds.map((k) => kindLabel(k.kind))}
                    series={[{ name: t('overview.chartSeries'), values: kinds.map((k) => k.n), tone: 'info' }]}
                    hrefFor={(i) => hrefWith('/units', asOf, { kind: kinds[i].kind })}
                    horizontal
                  />
                </section>
              )}
            </>
          );
        })()
      )}
    </div>
  );
}
