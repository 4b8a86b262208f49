// The indicator catalogue: code, name, unit of measure, direction, aggregation,
// periodicity, group, responsible unit; each opens its page (history, units, targets).
import { Link } from '../app/router';
import { formatInteger } from '../core/format';
import { ListPage, useListQuery, type Column } from '../core/list';
import { SelectField } from '../core/ui';
import { t } from '../i18n';
import { targetsApi } from './api';
import { indicatorName, labelOf } from './labels';
import { useCan } from '../auth/session';
import { groupLabel, groupsOf, useIndicators } from './parts';
import type { Indicator } from './types';

function columns(): Column<Indicator>[] {
  return [
    { label: t('targets.code'), class: 'nowrap', sort: 'code', cell: (i) => i.code },
    {
      label: t('targets.indicator'),
      rowHeader: true,
      sort: 'name',
      cell: (i) => (
        <div>
          <Link href={`/targets/indicators/${i.id}`}>{indicatorName(i)}</Link>
          {i.computed && <span class="tag tag--info indicator-computed">{t('targets.computedTag')}</span>}
        </div>
      ),
    },
    { label: t('targets.uom'), cell: (i) => i.unit_of_measure || '—' },
    { label: t('targets.direction'), sort: 'direction', cell: (i) => labelOf('targets.direction', i.direction) },
    { label: t('targets.periodicity'), sort: 'periodicity', cell: (i) => labelOf('targets.periodicity', i.periodicity) },
    { label: t('targets.group'), sort: 'group', cell: (i) => (i.group ? groupLabel(i.group) : '—') },
    { label: t('targets.responsible'), cell: (i) => i.responsible_unit?.name ?? (i.responsible_unit_id ? `#${i.responsible_unit_id}` : '—') },
  ];
}

export function IndicatorsPage() {
  const list = useListQuery({
    limit: 50,
    filters: (q) => ({ group: q.get('group') || undefined }),
    // The catalogue is small (the API lists it whole, without filters): the group is chosen here.
    load: async (f, page) => {
      const all = await targetsApi.indicators.list({ limit: 5000, sort: page.sort });
      const items = all.items.filter((i) => !f.group || i.group === f.group);
      return { items: items.slice(page.offset, page.offset + page.limit), total: items.length };
    },
  });
  const all = useIndicators();
  const canManage = useCan('targets.manage');
  return (
    <ListPage
      title={t('targets.indicators')}
      lead={t('targets.indicatorsLead')}
      actions={
        canManage && (
          <Link class="button" href="/targets/indicators/new">
            {t('targets.indicatorNew')}
          </Link>
        )
      }
      before={
        <p class="breadcrumb">
          <Link href="/targets">{t('targets.title')}</Link>
        </p>
      }
      filters={
        <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
          <SelectField
            id="indicators-group"
            label={t('targets.group')}
            value={list.filters.group ?? ''}
            onValue={(v) => list.setFilters({ group: v || null })}
            options={[{ value: '', label: t('targets.allGroups') }, ...groupsOf(all.data).map((g) => ({ value: g, label: groupLabel(g) }))]}
          />
        </form>
      }
      list={list}
      empty={t('targets.indicatorsEmpty')}
      count={(n) => t('targets.indicatorsCount', { n: formatInteger(n) })}
      columns={columns()}
      caption={t('targets.indicators')}
    />
  );
}
