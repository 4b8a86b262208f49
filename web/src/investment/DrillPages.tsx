// The drill-down below the board: an investor's projects (rate, status, the S-curve of its
// projects), then one project (its plan, disbursement by month, bottlenecks with their task
// state, physical progress) — every figure from the roll-up, the records from invest's API.
import { Link } from '../app/router';
import { formatDate, formatMoneyTy, formatPercent } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { DataTable, type Column } from '../core/list';
import { Empty, ErrorBox, Loading, PageHeader } from '../core/ui';
import { t } from '../i18n';
import { Headline, RagTag, SCurve, pct, useYearBasis } from './BoardPage';
import { forecast, getJson, reportUrl, rollup, type RollupRow } from './data';

export function InvestorPage(props: { id: number }) {
  const { year, basis } = useYearBasis();
  const s = useAsync(() => Promise.all([
    rollup({ year, basis, by: 'project', investor_id: props.id }),
    rollup({ year, basis, by: 'investor', investor_id: props.id }),
    forecast({ year, basis, investor_id: props.id }).catch(() => null),
  ]), [year, basis, props.id]);
  const name = s.data?.[1].rows[0]?.name ?? '';
  useDocumentTitle(t('invest.projects', { name }));
  if (s.loading) return <Loading />;
  if (s.error || !s.data) return <ErrorBox error={s.error} onRetry={s.reload} />;
  const [projects, inv, f] = s.data;
  const columns: Column<RollupRow>[] = [
    { label: t('invest.project'), rowHeader: true,
      cell: (x) => <Link href={`/investment/projects/${x.key}?year=${year}&basis=${basis}`}>{x.name}</Link> },
    { label: t('invest.plan'), num: true, cell: (x) => formatMoneyTy(x.plan) },
    { label: t('invest.disbursed'), num: true, cell: (x) => formatMoneyTy(x.disbursed) },
    { label: t('invest.rate'), num: true, cell: (x) => pct(x.rate) },
    { label: t('invest.status'), cell: (x) => <RagTag rag={x.rag} /> },
  ];
  const rows = [...projects.rows].sort((a, b) => (a.rate ?? 0) - (b.rate ?? 0));
  return (
    <>
      <PageHeader title={t('invest.projects', { name })}
        actions={<a class="button button--secondary" href={reportUrl({ year, basis, by: 'project', investor_id: props.id })}>{t('invest.excelFiltered')}</a>} />
      <Headline r={inv} forecastHref={`/investment/forecast?year=${year}&basis=${basis}&investor_id=${props.id}`} />
      <SCurve r={projects} f={f} />
      {rows.length === 0 ? <Empty>{t('invest.none')}</Empty> :
        <DataTable rows={rows} rowKey={(x) => x.key} columns={columns} caption={t('invest.projects', { name })} />}
    </>
  );
}

interface ProjectRecord { id: number; code: string; name: string; physical_percent: number; investor_id: number }
interface Bottleneck { task_id: number; title?: string; category?: string; state?: string; deadline?: string | null; timeliness?: string; task?: { title: string; state: string; deadline: string | null } }

function bottleneckRows(b: unknown): Bottleneck[] {
  if (Array.isArray(b)) return b as Bottleneck[];
  const items = (b as { items?: Bottleneck[] })?.items;
  return Array.isArray(items) ? items : [];
}

export function ProjectPage(props: { id: number }) {
  const { year, basis } = useYearBasis();
  const s = useAsync(() => Promise.all([
    rollup({ year, basis, by: 'month', project_id: props.id }),
    getJson<ProjectRecord>(`/projects/${props.id}`).catch(() => null),
    getJson<unknown>(`/projects/${props.id}/bottlenecks`).catch(() => []),
    forecast({ year, basis }).catch(() => null),
  ]), [year, basis, props.id]);
  const p = s.data?.[1];
  useDocumentTitle(t('invest.projectPage', { code: p?.code ?? String(props.id) }));
  if (s.loading) return <Loading />;
  if (s.error || !s.data) return <ErrorBox error={s.error} onRetry={s.reload} />;
  const [months, , raw, f] = s.data;
  const bottlenecks = bottleneckRows(raw);
  // Why the forecast counts this project among those behind the shortfall.
  const reasons = f?.projects.find((x) => x.project_id === props.id)?.reasons ?? [];
  return (
    <>
      <PageHeader title={p ? `${p.code} — ${p.name}` : t('invest.projectPage', { code: String(props.id) })}
        lead={p ? `${t('invest.physical')}: ${formatPercent(p.physical_percent, 0)}` : undefined} />
      <Headline r={months} forecastHref={`/investment/forecast?year=${year}&basis=${basis}`} />
      <SCurve r={months} f={null} />
      {reasons.length > 0 && (
        <>
          <h2>{t('invest.reasons')}</h2>
          <ul class="reasons">{reasons.map((m) => <li key={m.code}>{m.message}</li>)}</ul>
        </>
      )}
      <h2>{t('invest.bottlenecks')}</h2>
      {bottlenecks.length === 0 ? <Empty>{t('invest.noBottlenecks')}</Empty> : (
        <ul class="bottlenecks">
          {bottlenecks.map((b) => {
            const title = b.title ?? b.task?.title ?? '';
            const deadline = b.deadline ?? b.task?.deadline ?? null;
            return (
              <li key={b.task_id}>
                <Link href={`/tasks/${b.task_id}`}>{title}</Link>
                {deadline && ` — ${formatDate(deadline)}`} {b.state ?? b.task?.state ?? ''}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
