// A leader's home: a few large numbers, each a link to the list behind it, and the
// count of units by kind. Tasks, targets and disbursement join it as they are built.
import { api } from '../api/client';
import { UNIT_KINDS, type RestructureEvent } from '../api/types';
import { hrefWith, useAsOf } from '../app/asof';
import { Link } from '../app/router';
import { can, useSession } from '../auth/session';
import { Chart } from '../charts/Chart';
import { formatDate, formatInteger } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { Empty, ErrorBox, Loading, PageHeader } from '../core/ui';
import { t } from '../i18n';
import { kindLabel } from '../units/labels';

// Units ended by a merge or split on or before `asOf` (sources end the day before the
// event's date).
function endedByRestructuring(events: RestructureEvent[], asOf: string): number {
  const ids = new Set<number>();
  for (const ev of events) if (ev.date <= asOf) ev.sources.forEach((s) => ids.add(s.id));
  return ids.size;
}

function Stat(props: { value: number; label: string; note: string; href: string }) {
  return (
    <Link class="stat" href={props.href}>
      <span class="stat-value">{formatInteger(props.value)}</span>
      <span class="stat-label">{props.label}</span>
      <span class="stat-note">{props.note}</span>
    </Link>
  );
}

export function OverviewPage() {
  useDocumentTitle(t('overview.title'));
  const { me } = useSession();
  const asOf = useAsOf();
  const canUsers = can(me, 'users.read');
  const canAudit = can(me, 'audit.read');

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
