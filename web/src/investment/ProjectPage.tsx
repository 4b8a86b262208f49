// One project's page: what the project is (investor, managing unit, sector, places, group, key
// flag, total investment and its decision, years, new or continuing, status, physical progress),
// its disbursement this year month by month (curve, bars and the table), the history of its plan
// (each assignment, adjustment and carry-over citing its decision) and its medium-term plan,
// its milestones and progress reports, why the forecast counts it behind, and its bottlenecks.
import type { ComponentChildren } from 'preact';
import { Link } from '../app/router';
import { Chart } from '../charts/Chart';
import { formatDate, formatMoneyTy, formatPercent } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { DataTable } from '../core/list';
import { Empty, ErrorBox, Loading, PageHeader, Tag } from '../core/ui';
import { t } from '../i18n';
import { Headline, SCurve, pct, useYearBasis } from './BoardPage';
import { forecast, getJson, rollup, type Rollup } from './data';

interface PlanVersion { id: number; year: number; source_id: number; basis: string; version_kind: string; amount: number;
  decision_number: string; decision_date: string | null; adjustment_id: number | null }
interface MediumTerm { id: number; period: string; source_id: number; amount: number; decision_number: string; decision_date: string | null }
interface Progress { id: number; reported_on: string; physical_percent: number; note: string }
interface Milestone { id: number; label: string; due_on: string; done_on: string | null }
interface Bottleneck { task_id: number; category?: string; within_own_control?: boolean; task?: { title: string; state: string; deadline: string | null } }
export interface ProjectDetail {
  id: number; code: string; name: string; investor_id: number; investor_name: string | null;
  managing_unit_id: number | null; managing_unit_name: string | null; sector: string; location_names?: (string | null)[];
  group: string; is_key: boolean; total_investment: number; approval_number: string; approval_date: string | null;
  start_year: number; end_year: number; is_new: boolean; status: string; physical_percent: number; progress_updated_on: string | null;
  plan_versions: PlanVersion[]; medium_term_plans: MediumTerm[]; progress_updates: Progress[]; milestones: Milestone[]; bottlenecks: Bottleneck[];
}
interface Source { id: number; code: string; name: string }

const MONTHS = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11', 'T12', 'T1+'];
type MonthRow = { key: number; month_end: string; disbursed: number; rate: number | null; committed: number; target: number; future: boolean };

const decision = (number: string, date: string | null) =>
  number ? (date ? t('invest.decision', { number, date: formatDate(date) }) : number) : '—';

function Facts(props: { p: ProjectDetail }) {
  const { p } = props;
  const places = (p.location_names ?? []).filter((x): x is string => !!x);
  const facts: [string, ComponentChildren][] = [
    [t('invest.investor'), <Link href={`/investment/investors/${p.investor_id}`}>{p.investor_name ?? `#${p.investor_id}`}</Link>],
    [t('invest.managingUnit'), p.managing_unit_name ?? '—'],
    [t('invest.sector'), t(`invest.sector.${p.sector}` as 'invest.sector.transport')],
    [t('invest.places'), places.length ? places.join('; ') : '—'],
    [t('invest.group'), <>{t(`invest.group.${p.group}` as 'invest.group.A')}{p.is_key && <> <Tag tone="amber">{t('invest.key')}</Tag></>}</>],
    [t('invest.total'), <>{formatMoneyTy(p.total_investment)} <span class="block muted small">{decision(p.approval_number, p.approval_date)}</span></>],
    [t('invest.years'), `${p.start_year}–${p.end_year} · ${p.is_new ? t('invest.new') : t('invest.continuing')}`],
    [t('invest.projectStatus'), t(`invest.projectStatus.${p.status}` as 'invest.projectStatus.in_progress')],
    [t('invest.physical'), <>{formatPercent(p.physical_percent, 0)}
      {p.progress_updated_on && <span class="block muted small">{t('invest.updatedOn', { date: formatDate(p.progress_updated_on) })}</span>}</>],
  ];
  return <dl class="summary-list">{facts.map(([label, value]) => <div key={label}><dt>{label}</dt><dd>{value}</dd></div>)}</dl>;
}

// This year's disbursement by month: bars of each month's payments, and the table beside.
function Monthly(props: { r: Rollup }) {
  const rows = props.r.rows as unknown as MonthRow[];
  const inMonth = rows.map((x, i) => (x.future ? null : x.disbursed - (i > 0 ? rows[i - 1].disbursed : 0)));
  return (
    <>
      <Chart title={t('invest.monthly')} dataDate={props.r.as_of} categoryLabel={t('invest.month')} categories={MONTHS}
        series={[{ name: t('invest.inMonth'), values: inMonth.map((v) => (v === null ? null : v / 1e9)) }]}
        format={(v) => `${formatPercent(v, 2).replace(/\s?%/, '')} tỷ`} height={260} />
      <DataTable rows={rows} rowKey={(x) => x.key} caption={t('invest.monthlyTable')} columns={[
        { label: t('invest.month'), rowHeader: true, cell: (x) => `${MONTHS[x.key - 1]} (${formatDate(x.month_end)})` },
        { label: t('invest.inMonth'), num: true, cell: (x) => (x.future ? '—' : formatMoneyTy(inMonth[x.key - 1])) },
        { label: t('invest.cumulative'), num: true, cell: (x) => (x.future ? '—' : formatMoneyTy(x.disbursed)) },
        { label: t('invest.rate'), num: true, cell: (x) => (x.future ? '—' : pct(x.rate)) },
        { label: t('invest.target'), num: true, cell: (x) => pct(x.target) },
        { label: t('invest.committedToDate'), num: true, cell: (x) => formatMoneyTy(x.committed) },
      ]} />
    </>
  );
}

function Plans(props: { p: ProjectDetail; sources: Map<number, Source> }) {
  const src = (id: number) => props.sources.get(id)?.name ?? `#${id}`;
  const versions = [...props.p.plan_versions].sort((a, b) => b.year - a.year || a.id - b.id);
  return (
    <>
      <h2>{t('invest.versions')}</h2>
      {versions.length === 0 ? <Empty>{t('invest.noVersions')}</Empty> : (
        <DataTable rows={versions} rowKey={(x) => x.id} caption={t('invest.versions')} columns={[
          { label: t('invest.year'), rowHeader: true, cell: (x) => String(x.year) },
          { label: t('invest.versionKind'), cell: (x) => t(`invest.kind.${x.version_kind}` as 'invest.kind.initial') },
          { label: t('invest.source'), cell: (x) => src(x.source_id) },
          { label: t('invest.basis'), cell: (x) => t(`invest.basis.${x.basis}` as 'invest.basis.council') },
          { label: t('invest.amount'), num: true, cell: (x) => formatMoneyTy(x.amount) },
          { label: t('invest.decisionCol'), cell: (x) => decision(x.decision_number, x.decision_date) },
        ]} />
      )}
      <h2>{t('invest.mediumTerm')}</h2>
      {props.p.medium_term_plans.length === 0 ? <Empty>{t('invest.noMediumTerm')}</Empty> : (
        <DataTable rows={props.p.medium_term_plans} rowKey={(x) => x.id} caption={t('invest.mediumTerm')} columns={[
          { label: t('invest.period'), rowHeader: true, cell: (x) => x.period },
          { label: t('invest.source'), cell: (x) => src(x.source_id) },
          { label: t('invest.amount'), num: true, cell: (x) => formatMoneyTy(x.amount) },
          { label: t('invest.decisionCol'), cell: (x) => decision(x.decision_number, x.decision_date) },
        ]} />
      )}
    </>
  );
}

function Progress(props: { p: ProjectDetail }) {
  const { milestones, progress_updates: updates } = props.p;
  return (
    <>
      <h2>{t('invest.milestones')}</h2>
      {milestones.length === 0 ? <Empty>{t('invest.noMilestones')}</Empty> : (
        <ul class="milestones">
          {milestones.map((m) => (
            <li key={m.id}>{m.label} — {t('invest.dueOn', { date: formatDate(m.due_on) })}{' '}
              {m.done_on ? <Tag tone="green">{t('invest.doneOn', { date: formatDate(m.done_on) })}</Tag> : <Tag tone="grey">{t('invest.notDone')}</Tag>}</li>
          ))}
        </ul>
      )}
      <h2>{t('invest.progressReports')}</h2>
      {updates.length === 0 ? <Empty>{t('invest.noProgress')}</Empty> : (
        <DataTable rows={[...updates].reverse()} rowKey={(x) => x.id} caption={t('invest.progressReports')} columns={[
          { label: t('invest.reportedOn'), rowHeader: true, cell: (x) => formatDate(x.reported_on) },
          { label: t('invest.physical'), num: true, cell: (x) => formatPercent(x.physical_percent, 0) },
          { label: t('invest.note'), cell: (x) => x.note || '—' },
        ]} />
      )}
    </>
  );
}

function Bottlenecks(props: { list: Bottleneck[] }) {
  if (props.list.length === 0) return <Empty>{t('invest.noBottlenecks')}</Empty>;
  return (
    <ul class="bottlenecks">
      {props.list.map((b) => (
        <li key={b.task_id}>
          <Link href={`/tasks/${b.task_id}`}>{b.task?.title ?? `#${b.task_id}`}</Link>
          {b.task?.deadline && ` — ${formatDate(b.task.deadline)}`}
          {b.category && <> <Tag tone="grey">{t(`invest.category.${b.category}` as 'invest.category.other')}</Tag></>}
          {b.within_own_control && <> <Tag tone="amber">{t('invest.ownControl')}</Tag></>}
        </li>
      ))}
    </ul>
  );
}

export function ProjectPage(props: { id: number }) {
  const { year, basis } = useYearBasis();
  const s = useAsync(() => Promise.all([
    rollup({ year, basis, by: 'month', project_id: props.id }),
    getJson<ProjectDetail>(`/projects/${props.id}`),
    getJson<{ items: Source[] }>('/capital-sources').catch(() => ({ items: [] as Source[] })),
    forecast({ year, basis }).catch(() => null),
  ]), [year, basis, props.id]);
  const p = s.data?.[1];
  useDocumentTitle(t('invest.projectPage', { code: p?.code ?? String(props.id) }));
  if (s.loading) return <Loading />;
  if (s.error || !s.data || !p) return <ErrorBox error={s.error} onRetry={s.reload} />;
  const [months, , sources, f] = s.data;
  const mine = f?.projects.find((x) => x.project_id === props.id);
  return (
    <>
      <PageHeader title={`${p.code} — ${p.name}`} lead={t('invest.projectLead', { year, basis: t(`invest.basis.${basis}` as 'invest.basis.council') })} />
      <Facts p={p} />
      <Headline r={months} forecastHref={`/investment/forecast?year=${year}&basis=${basis}`} />
      {mine && <p class="lead">{t('invest.projectExpected', { expected: formatMoneyTy(mine.expected), unspent: formatMoneyTy(mine.unspent) })}</p>}
      <SCurve r={months} f={null} />
      <Monthly r={months} />
      {mine && mine.reasons.length > 0 && (
        <>
          <h2>{t('invest.reasons')}</h2>
          <ul class="reasons">{mine.reasons.map((m) => <li key={m.code}>{m.message}</li>)}</ul>
        </>
      )}
      <Plans p={p} sources={new Map(sources.items.map((x) => [x.id, x]))} />
      <Progress p={p} />
      <h2>{t('invest.bottlenecks')}</h2>
      <Bottlenecks list={p.bottlenecks} />
    </>
  );
}
