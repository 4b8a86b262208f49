// Bảng giải ngân: the city's rate against its target trajectory, the S-curve of this year
// beside the five previous ones with the forecast dashed, and the investors ranked red/amber/
// green; every number opens what is behind it (city → investor → project).
import { Link, setQuery, useLocation } from '../app/router';
import { Chart, type ChartSeries } from '../charts/Chart';
import { formatDate, formatMoneyTy, formatPercent } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { DataTable, type Column } from '../core/list';
import { Empty, ErrorBox, Loading, PageHeader, SelectField, Tag } from '../core/ui';
import { t } from '../i18n';
import { forecast, reportUrl, rollup, type Forecast, type Projection, type Rollup, type RollupRow } from './data';

export const pct = (rate: number | null | undefined) => formatPercent(rate === null || rate === undefined ? null : rate * 100);
const MONTHS = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11', 'T12', 'T1+'];

export function useYearBasis() {
  const { query } = useLocation();
  const year = Number(query.get('year')) || new Date().getFullYear();
  const basis = query.get('basis') === 'prime_minister' ? 'prime_minister' : 'council';
  return { year, basis };
}

export function YearBasis(props: { year: number; basis: string }) {
  const years = [0, 1, 2, 3].map((d) => new Date().getFullYear() - d);
  return (
    <div class="filters">
      <SelectField id="invest-year" label={t('invest.year')} value={String(props.year)} onValue={(v) => setQuery({ year: v })}
        options={years.map((y) => ({ value: String(y), label: String(y) }))} />
      <SelectField id="invest-basis" label={t('invest.basis')} value={props.basis} onValue={(v) => setQuery({ basis: v })}
        options={['council', 'prime_minister'].map((b) => ({ value: b, label: t(`invest.basis.${b}` as 'invest.basis.council') }))} />
    </div>
  );
}

export function RagTag(props: { rag: RollupRow['rag'] }) {
  return <Tag tone={props.rag}>{t(`invest.rag.${props.rag}` as 'invest.rag.green')}</Tag>;
}

function Stat(props: { value: string; label: string; note?: string; href: string; tone?: string }) {
  return (
    <Link class={`stat${props.tone ? ` stat--${props.tone}` : ''}`} href={props.href}>
      <span class="stat-value">{props.value}</span>
      <span class="stat-label">{props.label}</span>
      {props.note && <span class="stat-note">{props.note}</span>}
    </Link>
  );
}

// The S-curve: this year, previous years, the trajectory, and the forecast dashed inside the
// band of its range.
export function SCurve(props: { r: Rollup; f: Forecast | null; href?: (i: number) => string }) {
  const { r, f } = props;
  const asOfSlot = r.totals.curve.findIndex((p) => p.month_end >= r.as_of);
  const now = asOfSlot < 0 ? 12 : asOfSlot;
  const rates = r.totals.curve.map((p, i) => (i <= now && p.rate !== null ? p.rate * 100 : null));
  const series: ChartSeries[] = [
    { name: t('invest.thisYear', { year: r.year }), type: 'line', values: rates, tone: 'info' },
    ...r.previous_years.map((y) => ({ name: String(y.year), type: 'line' as const, tone: 'grey' as const, shade: 'light' as const,
      values: y.curve.map((p) => (p.rate === null ? null : p.rate * 100)) })),
    { name: t('invest.trajectory'), type: 'line', tone: 'green', dashed: true, values: r.trajectory.map((x) => x * 100) },
  ];
  const jan = f?.forecast.january, dec = f?.forecast.december;
  if (jan && dec && rates[now] !== null) {
    // From today's rate straight to the expected 31/12, then 31/01: the line and its range.
    const from = rates[now] as number;
    const line = (pick: (p: Projection) => number) =>
      r.totals.curve.map((_, i) => (i < now ? null : i === 12 ? pick(jan) * 100
        : i === now ? from : from + ((pick(dec) * 100 - from) * (i - now)) / Math.max(1, 11 - now)));
    series.push({ name: t('invest.forecastLine'), type: 'line', tone: 'red', dashed: true, values: line((p) => p.point) });
    series.push({ name: t('invest.forecastRange'), type: 'line', tone: 'amber', from: line((p) => p.low), values: line((p) => p.high) });
  }
  return (
    <Chart title={t('invest.curve', { year: r.year })} dataDate={r.as_of} categoryLabel={t('invest.month')}
      categories={MONTHS} series={series} format={(v) => formatPercent(v)} height={340} hrefFor={props.href} />
  );
}

function investorColumns(year: number, basis: string): Column<RollupRow>[] {
  return [
    { label: t('invest.investor'), rowHeader: true,
      cell: (x) => <Link href={`/investment/investors/${x.key}?year=${year}&basis=${basis}`}>{x.name}</Link> },
    { label: t('invest.plan'), num: true, cell: (x) => formatMoneyTy(x.plan) },
    { label: t('invest.disbursed'), num: true, cell: (x) => formatMoneyTy(x.disbursed) },
    { label: t('invest.rate'), num: true, cell: (x) => pct(x.rate) },
    { label: t('invest.commitment'), num: true, cell: (x) => pct(x.commitment_rate) },
    { label: t('invest.status'), cell: (x) => <RagTag rag={x.rag} /> },
  ];
}

// By place: each project counted once (the rule stated above the table).
function Places(props: { r: Rollup }) {
  const rows = [...props.r.rows].sort((a, b) => b.plan - a.plan);
  return (
    <section aria-labelledby="invest-places">
      <h2 id="invest-places">{t('invest.byPlace')}</h2>
      <p class="muted">{t('invest.placeRule')}</p>
      <DataTable rows={rows} rowKey={(x) => x.key} caption={t('invest.byPlace')} columns={[
        { label: t('invest.places'), rowHeader: true, cell: (x) => (x.key === 0 ? t('invest.severalPlaces') : x.name) },
        { label: t('invest.plan'), num: true, cell: (x) => formatMoneyTy(x.plan) },
        { label: t('invest.disbursed'), num: true, cell: (x) => formatMoneyTy(x.disbursed) },
        { label: t('invest.rate'), num: true, cell: (x) => pct(x.rate) },
      ]} />
      <p><a href={reportUrl({ year: props.r.year, basis: props.r.basis, by: 'location' })}>{t('invest.excelFiltered')}</a></p>
    </section>
  );
}

export function Headline(props: { r: Rollup; forecastHref: string }) {
  const { r } = props;
  return (
    <div class="stats">
      <Stat value={pct(r.totals.rate)} label={t('invest.rate')} tone={r.totals.rag} href={props.forecastHref}
        note={`${formatMoneyTy(r.totals.disbursed)} / ${formatMoneyTy(r.totals.plan)}`} />
      <Stat value={pct(r.target)} label={t('invest.target')} href={props.forecastHref}
        note={`${t('invest.gap')}: ${formatMoneyTy(Math.max(0, r.totals.gap_money))}`} />
      <Stat value={formatPercent(Math.max(0, r.totals.gap_points))} label={t('invest.gap')} href={props.forecastHref}
        note={t('invest.gapNote', { points: formatPercent(r.totals.gap_points).replace(/\s?%/, '') })} />
      <Stat value={pct(r.same_date_average)} label={t('invest.average')} href={props.forecastHref} />
      <Stat value={formatMoneyTy(r.totals.late_plan)} label={t('invest.late')} href={props.forecastHref}
        note={`${t('invest.disbursed')}: ${formatMoneyTy(r.totals.late_disbursed)}`} />
    </div>
  );
}

export function BoardPage() {
  const { year, basis } = useYearBasis();
  useDocumentTitle(t('invest.board', { year }));
  const s = useAsync(() => Promise.all([rollup({ year, basis, by: 'investor' }), forecast({ year, basis }).catch(() => null),
    rollup({ year, basis, by: 'location' })]), [year, basis]);
  if (s.loading) return <Loading />;
  if (s.error || !s.data) return <ErrorBox error={s.error} onRetry={s.reload} />;
  const [r, f, places] = s.data;
  const rows = [...r.rows].sort((a, b) => (a.rate ?? 0) - (b.rate ?? 0));
  const forecastHref = `/investment/forecast?year=${year}&basis=${basis}`;
  return (
    <>
      <PageHeader title={t('invest.board', { year })}
        lead={t('invest.boardLead', { date: formatDate(r.as_of), basis: t(`invest.basis.${basis}` as 'invest.basis.council') })}
        actions={<a class="button button--secondary" href={reportUrl({ year, basis })}>{t('invest.excel')}</a>} />
      <YearBasis year={year} basis={basis} />
      {r.totals.plan === 0 ? <Empty>{t('invest.none')}</Empty> : (
        <>
          <Headline r={r} forecastHref={forecastHref} />
          <SCurve r={r} f={f} />
          <h2>{t('invest.investors')}</h2>
          <DataTable rows={rows} rowKey={(x) => x.key} columns={investorColumns(year, basis)} caption={t('invest.investors')} />
          <p><a href={reportUrl({ year, basis, by: 'investor' })}>{t('invest.excelFiltered')}</a> · <Link href={forecastHref}>{t('invest.openForecast')}</Link></p>
          <Places r={places} />
        </>
      )}
    </>
  );
}
