// Every merge and split, newest first as the server lists them.
import { api } from '../api/client';
import type { UnitRef } from '../api/types';
import { hrefWith, useAsOf } from '../app/asof';
import { Link, setQuery, useLocation } from '../app/router';
import { useCan } from '../auth/session';
import { addDays, formatDate } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { Empty, ErrorBox, Loading, PageHeader, Pager, Tag } from '../core/ui';
import { t } from '../i18n';
import { eventKindLabel } from './labels';

const LIMIT = 50;

// The server may answer with every event regardless of limit/offset; show one page.
function pageOf<T>(items: T[], offset: number): T[] {
  return items.length > LIMIT ? items.slice(offset, offset + LIMIT) : items;
}

function UnitList(props: { units: UnitRef[]; asOf: string }) {
  return (
    <ul class="plain-list">
      {props.units.map((u) => (
        <li key={u.id}>
          <Link href={hrefWith(`/units/${u.id}`, props.asOf)}>{u.name}</Link> <span class="code">{u.code}</span>
        </li>
      ))}
    </ul>
  );
}

export function EventsPage() {
  useDocumentTitle(t('events.title'));
  const asOf = useAsOf();
  const loc = useLocation();
  const canWrite = useCan('units.write');
  const offset = Math.max(0, Number(loc.query.get('offset')) || 0);
  const res = useAsync(() => api.units.events({ limit: LIMIT, offset }), [offset]);

  return (
    <div>
      <p class="breadcrumb">
        <Link href={hrefWith('/units', asOf)}>{t('nav.units')}</Link>
      </p>
      <PageHeader
        title={t('events.title')}
        lead={t('events.lead')}
        actions={
          canWrite && (
            <Link class="button" href={hrefWith('/units/restructure', asOf)}>
              {t('units.restructure')}
            </Link>
          )
        }
      />
      {res.error ? (
        <ErrorBox error={res.error} onRetry={res.reload} />
      ) : !res.data ? (
        <Loading />
      ) : res.data.items.length === 0 ? (
        <Empty>
          {t('events.empty')}{' '}
          {canWrite && <Link href={hrefWith('/units/restructure', asOf)}>{t('events.emptyAction')}</Link>}
        </Empty>
      ) : (
        <>
          <div class="table-wrap">
            <table class="table table--stack">
              <thead>
                <tr>
                  <th scope="col">{t('events.date')}</th>
                  <th scope="col">{t('restructure.kind')}</th>
                  <th scope="col">{t('events.sources')}</th>
                  <th scope="col">{t('events.successors')}</th>
                  <th scope="col">{t('restructure.note')}</th>
                </tr>
              </thead>
              <tbody>
                {pageOf(res.data.items, offset).map((ev) => (
                  <tr key={ev.id}>
                    <td data-label={t('events.date')} class="nowrap">{formatDate(ev.date)}</td>
                    <td data-label={t('restructure.kind')}>
                      <Tag tone="info">{eventKindLabel(ev.kind)}</Tag>
                    </td>
                    <td data-label={t('events.sources')}>
                      <UnitList units={ev.sources} asOf={addDays(ev.date, -1)} />
                    </td>
                    <td data-label={t('events.successors')}>
                      <UnitList units={ev.successors} asOf={ev.date} />
                    </td>
                    <td data-label={t('restructure.note')}>{ev.note || '—'}</td>
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
