// Kế hoạch kiểm tra: the inspection plans the reader may see (an investor: those that visit
// it), filtered by year, status and words in the URL, paged on the server; each opens its
// plan's page. Whoever may manage investment plans a new one from here.
import { Link } from '../app/router';
import { useCan } from '../auth/session';
import { formatInteger } from '../core/format';
import { FilterForm, ListPage, SearchField, useDraft, useListQuery, type Column } from '../core/list';
import { SelectField, Tag } from '../core/ui';
import type { Tone } from '../core/status';
import { t } from '../i18n';
import { inspectionsApi, PLAN_STATUSES, type PlanFilters, type PlanStatus, type PlanSummary } from './inspections';

const LIMIT = 25;
const TONE: Record<PlanStatus, Tone> = { planned: 'grey', in_progress: 'amber', done: 'green' };

export function PlanStatusTag(props: { status: PlanStatus }) {
  return <Tag tone={TONE[props.status]}>{t(`invest.insp.status.${props.status}`)}</Tag>;
}

const columns: Column<PlanSummary>[] = [
  {
    label: t('invest.insp.plan'),
    rowHeader: true,
    cell: (p) => (
      <>
        <Link href={`/investment/inspections/${p.id}`}>{p.title}</Link>
        {p.decision_number && <span class="block muted small">{t('invest.insp.decision')}: {p.decision_number}</span>}
      </>
    ),
  },
  { label: t('invest.insp.year'), cell: (p) => String(p.year) },
  { label: t('invest.insp.leadUnit'), cell: (p) => p.lead_unit_name ?? '—' },
  { label: t('invest.insp.investors'), cell: (p) => p.investors.map((i) => i.name ?? `#${i.id}`).join('; ') || '—' },
  { label: t('invest.insp.progress'), num: true, cell: (p) => t('invest.insp.progressValue', { visited: formatInteger(p.visited), visits: formatInteger(p.visits) }) },
  { label: t('invest.insp.recommendations'), num: true, cell: (p) => formatInteger(p.recommendations) },
  { label: t('invest.insp.status'), cell: (p) => <PlanStatusTag status={p.status} /> },
];

function yearOptions(): { value: string; label: string }[] {
  const now = new Date().getFullYear();
  const years = [now + 1, now, now - 1, now - 2, now - 3].map((y) => ({ value: String(y), label: String(y) }));
  return [{ value: '', label: t('invest.insp.allYears') }, ...years];
}

export function InspectionsPage() {
  const list = useListQuery<PlanFilters, { items: PlanSummary[]; total: number }>({
    limit: LIMIT,
    filters: (q) => ({ year: q.get('year') ?? '', status: q.get('status') ?? '', q: q.get('q') ?? '', investor_id: q.get('investor_id') ?? '' }),
    load: (f, page) => inspectionsApi.list(f, page),
  });
  const [q, setQ] = useDraft(list.filters.q);
  const canPlan = useCan('investment.manage');
  const statuses = [{ value: '', label: t('invest.insp.anyStatus') }, ...PLAN_STATUSES.map((s) => ({ value: s, label: t(`invest.insp.status.${s}`) }))];
  return (
    <ListPage
      title={t('invest.insp.title')}
      lead={t('invest.insp.lead')}
      actions={canPlan && <Link class="button" href="/investment/inspections/new">{t('invest.insp.create')}</Link>}
      list={list}
      columns={columns}
      empty={t('invest.insp.empty')}
      count={(n) => t('invest.insp.count', { n: formatInteger(n) })}
      caption={t('invest.insp.title')}
      filters={
        <FilterForm onSubmit={() => list.setFilters({ q: q || null })}>
          <SearchField id="insp-q" label={t('invest.insp.search')} value={q} onValue={setQ} width="medium" />
          <SelectField id="insp-year" label={t('invest.insp.year')} value={list.filters.year} onValue={(v) => list.setFilters({ year: v || null })} options={yearOptions()} />
          <SelectField id="insp-status" label={t('invest.insp.status')} value={list.filters.status} onValue={(v) => list.setFilters({ status: v || null })} options={statuses} />
        </FilterForm>
      }
    />
  );
}
