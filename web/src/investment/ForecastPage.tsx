// Dự báo giải ngân: the expected rate at 31/12 and 31/01 with its range, the projects behind
// most of the shortfall with their reasons, each investor's forecast, the method in one
// paragraph and how far the 30/6 forecast fell from each past year's result.
import { Link } from '../app/router';
import { formatMoneyTy } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { DataTable } from '../core/list';
import { ErrorBox, Loading, PageHeader, Tag } from '../core/ui';
import { t } from '../i18n';
import { SCurve, YearBasis, pct, useYearBasis } from './BoardPage';
import { forecast, rollup, type Forecast } from './data';
import { useLocation } from '../app/router';

function Expected(props: { label: string; p: Forecast['forecast']['january'] }) {
  return (
    <div class="stat">
      <span class="stat-value">{pct(props.p?.point)}</span>
      <span class="stat-label">{props.label}</span>
      {props.p && <span class="stat-note">{t('invest.range', { low: pct(props.p.low), high: pct(props.p.high) })}</span>}
    </div>
  );
}

export function ForecastPage() {
  const { year, basis } = useYearBasis();
  const investor = Number(useLocation().query.get('investor_id')) || undefined;
  useDocumentTitle(t('invest.forecast', { year }));
  const s = useAsync(() => Promise.all([forecast({ year, basis, investor_id: investor }),
    rollup({ year, basis, by: 'city', investor_id: investor })]), [year, basis, investor]);
  if (s.loading) return <Loading />;
  if (s.error || !s.data) return <ErrorBox error={s.error} onRetry={s.reload} />;
  const [f, r] = s.data;
  const q = `year=${year}&basis=${basis}`;
  return (
    <>
      <PageHeader title={t('invest.forecast', { year })} lead={t('invest.forecastLead')} />
      <YearBasis year={year} basis={basis} />
      <div class="stats">
        <Expected label={t('invest.dec')} p={f.forecast.december} />
        <Expected label={t('invest.jan')} p={f.forecast.january} />
        <div class="stat"><span class="stat-value">{formatMoneyTy(f.shortfall)}</span>
          <span class="stat-label">{t('invest.shortfall', { target: pct(f.final_target) })}</span></div>
      </div>
      <SCurve r={r} f={f} />
      <h2>{t('invest.shortfallProjects')}</h2>
      <DataTable rows={f.projects} rowKey={(x) => x.project_id} caption={t('invest.shortfallProjects')} columns={[
        { label: t('invest.project'), rowHeader: true, cell: (x) => <Link href={`/investment/projects/${x.project_id}?${q}`}>{`${x.code} — ${x.name}`}</Link> },
        { label: t('invest.investor'), cell: (x) => <Link href={`/investment/investors/${x.investor_id}?${q}`}>{x.investor_name}</Link> },
        { label: t('invest.plan'), num: true, cell: (x) => formatMoneyTy(x.plan) },
        { label: t('invest.disbursed'), num: true, cell: (x) => formatMoneyTy(x.disbursed) },
        { label: t('invest.unspent'), num: true, cell: (x) => formatMoneyTy(x.unspent) },
        { label: t('invest.reasons'), cell: (x) => <ul class="reasons">{x.reasons.map((m) => <li key={m.code}>{m.message}</li>)}</ul> },
      ]} />
      <h2>{t('invest.investors')}</h2>
      <DataTable rows={f.investors} rowKey={(x) => x.investor_id} caption={t('invest.investors')} columns={[
        { label: t('invest.investor'), rowHeader: true, cell: (x) => <Link href={`/investment/investors/${x.investor_id}?${q}`}>{x.name}</Link> },
        { label: t('invest.rate'), num: true, cell: (x) => pct(x.rate) },
        { label: t('invest.jan'), num: true, cell: (x) => pct(x.forecast.january?.point) },
        { label: t('invest.status'), cell: (x) => <Tag tone={x.below_target ? 'red' : 'green'}>{x.below_target ? '▼' : '✓'}</Tag> },
      ]} />
      <h2>{t('invest.method')}</h2>
      <p class="method">{f.method}</p>
      <h2>{t('invest.backtest')}</h2>
      <DataTable rows={f.backtest} rowKey={(x) => x.year} caption={t('invest.backtest')} columns={[
        { label: t('invest.backtestYear'), rowHeader: true, cell: (x) => String(x.year) },
        { label: t('invest.backtestForecast'), num: true, cell: (x) => pct(x.forecast) },
        { label: t('invest.backtestActual'), num: true, cell: (x) => pct(x.actual) },
        { label: t('invest.backtestError'), num: true, cell: (x) => pct(x.error_points / 100) },
      ]} />
    </>
  );
}
