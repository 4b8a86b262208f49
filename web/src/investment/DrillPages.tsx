// The drill-down below the board: an investor's projects (rate, status, the S-curve of its
// projects with its forecast band); one project's page is ProjectPage.tsx.
import { Link } from '../app/router';
import { formatMoneyTy } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { DataTable, type Column } from '../core/list';
import { Empty, ErrorBox, Loading, PageHeader } from '../core/ui';
import { t } from '../i18n';
import { Headline, RagTag, SCurve, pct, useYearBasis } from './BoardPage';
import { forecast, reportUrl, rollup, type RollupRow } from './data';

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
