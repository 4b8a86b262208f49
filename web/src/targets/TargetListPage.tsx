// The targets behind a scoreboard count: by period, group, unit, status or colour group,
// all in the URL so the list can be sent to a colleague.
import { Link } from '../app/router';
import { formatInteger } from '../core/format';
import { ListPage, useListQuery, type Page } from '../core/list';
import type { Tone } from '../core/status';
import { t } from '../i18n';
import { targetsApi } from './api';
import { targetColumns } from './columns';
import { periodLabel, statusLabel, statusRank, statusTone, toneLabel } from './labels';
import { groupLabel, href, int } from './parts';
import type { TargetQuery, TargetStatus } from './types';
import { TARGET_STATUSES } from './types';

interface Filters extends TargetQuery {
  tone?: Tone;
}

function filtersFrom(q: URLSearchParams): Filters {
  const status = q.get('status');
  const tone = q.get('tone');
  return {
    period: q.get('period') || undefined,
    group: q.get('group') || undefined,
    unit_id: int(q.get('unit_id')),
    indicator_id: int(q.get('indicator_id')),
    status: TARGET_STATUSES.includes(status as TargetStatus) ? (status as TargetStatus) : undefined,
    tone: ['red', 'amber', 'green', 'grey'].includes(tone ?? '') ? (tone as Tone) : undefined,
  };
}

// A colour group is several statuses: each asked of the server, merged in board order.
async function load(f: Filters, page: Page) {
  const { tone, ...query } = f;
  if (!tone || query.status) return targetsApi.targets.list({ ...query, ...page });
  if (page.sort) {
    // In the order asked for: the server's order of every target, kept to the colour here.
    const all = await targetsApi.targets.list({ ...query, limit: 5000, offset: 0, sort: page.sort });
    const items = all.items.filter((x) => statusTone(x.status) === tone);
    return { items: items.slice(page.offset, page.offset + page.limit), total: items.length };
  }
  const statuses = TARGET_STATUSES.filter((s) => statusTone(s) === tone);
  const want = Math.min(1000, page.offset + page.limit);
  const parts = statuses.length
    ? await Promise.all(statuses.map((status) => targetsApi.targets.list({ ...query, status, limit: want, offset: 0 })))
    : [await targetsApi.targets.list({ ...query, limit: 1000, offset: 0 })].map((r) => {
        const items = r.items.filter((x) => statusTone(x.status) === tone);
        return { items, total: items.length };
      });
  const items = parts.flatMap((p) => p.items).sort((a, b) => statusRank(a.status) - statusRank(b.status) || a.id - b.id);
  return { items: items.slice(page.offset, page.offset + page.limit), total: parts.reduce((s, p) => s + p.total, 0) };
}

export function TargetListPage() {
  const list = useListQuery({ limit: 50, filters: filtersFrom, load });
  const f = list.filters;
  const what = f.status ? statusLabel(f.status) : f.tone ? toneLabel(f.tone) : t('targets.allTargets');
  const lead = [f.period ? periodLabel(f.period) : null, f.group ? groupLabel(f.group) : null].filter(Boolean).join(' · ');
  return (
    <ListPage
      title={what}
      documentTitle={`${what} — ${t('targets.title')}`}
      lead={lead || undefined}
      before={
        <p class="breadcrumb">
          <Link href={href('/targets', { period: f.period, group: f.group, unit_id: f.unit_id })}>{t('targets.title')}</Link>
        </p>
      }
      list={list}
      empty={
        <>
          {t('targets.emptyList')} <Link href={href('/targets', { period: f.period })}>{t('targets.backToBoard')}</Link>
        </>
      }
      count={(n) => t('targets.count', { n: formatInteger(n) })}
      columns={targetColumns()}
      caption={what}
      tableClass="target-table"
    />
  );
}
