// Every merge and split, newest first as the server lists them.
import { api } from '../api/client';
import type { RestructureEvent, UnitRef } from '../api/types';
import { hrefWith, useAsOf } from '../app/asof';
import { Link } from '../app/router';
import { useCan } from '../auth/session';
import { addDays, formatDate } from '../core/format';
import { ListPage, useListQuery, type Column } from '../core/list';
import { Tag } from '../core/ui';
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
  const asOf = useAsOf();
  const canWrite = useCan('units.write');
  const list = useListQuery({ limit: LIMIT, filters: () => ({}), load: (_f, page) => api.units.events(page) });
  const restructure = hrefWith('/units/restructure', asOf);

  const columns: Column<RestructureEvent>[] = [
    { label: t('events.date'), class: 'nowrap', cell: (ev) => formatDate(ev.date) },
    { label: t('restructure.kind'), cell: (ev) => <Tag tone="info">{eventKindLabel(ev.kind)}</Tag> },
    { label: t('events.sources'), cell: (ev) => <UnitList units={ev.sources} asOf={addDays(ev.date, -1)} /> },
    { label: t('events.successors'), cell: (ev) => <UnitList units={ev.successors} asOf={ev.date} /> },
    { label: t('restructure.note'), cell: (ev) => ev.note || '—' },
  ];

  return (
    <ListPage
      before={
        <p class="breadcrumb">
          <Link href={hrefWith('/units', asOf)}>{t('nav.units')}</Link>
        </p>
      }
      title={t('events.title')}
      lead={t('events.lead')}
      actions={
        canWrite && (
          <Link class="button" href={restructure}>
            {t('units.restructure')}
          </Link>
        )
      }
      list={list}
      empty={
        <>
          {t('events.empty')} {canWrite && <Link href={restructure}>{t('events.emptyAction')}</Link>}
        </>
      }
      items={(data) => pageOf(data.items, list.offset)}
      columns={columns}
    />
  );
}
