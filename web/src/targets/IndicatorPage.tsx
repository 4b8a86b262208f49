// An indicator: its history against its target (chart), its units' values for one period
// side by side, and its targets. The unit and period shown live in the URL.
import { Link, setQuery, useLocation } from '../app/router';
import { Chart } from '../charts/Chart';
import { formatDate, todayIso } from '../core/format';
import { Loaded } from '../core/form';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { DataTable, type Column } from '../core/list';
import { Empty, PageHeader, SelectField } from '../core/ui';
import { useCan } from '../auth/session';
import { Flash } from '../core/Flash';
import { t } from '../i18n';
import { targetsApi } from './api';
import { formatMeasure, indicatorName, labelOf, parsePeriod, periodLabel, periodShort, targetFormula } from './labels';
import { groupLabel, href, int, kindLabel } from './parts';
import { targetColumns } from './columns';
import type { Indicator, IndicatorValue, Target } from './types';
import { valueState } from './values';

const LIMIT = 1000;

// Per unit and period, the value that counts: official over estimate, the newest first.
export function bestValues(values: IndicatorValue[]): Map<string, IndicatorValue> {
  const out = new Map<string, IndicatorValue>();
  for (const v of values) {
    if (valueState(v) === 'returned') continue;
    const key = `${v.unit_id}|${v.period}`;
    const had = out.get(key);
    if (!had || (had.kind === 'estimate' && v.kind === 'official') || (had.kind === v.kind && v.id > had.id)) out.set(key, v);
  }
  return out;
}

function History(props: { indicator: Indicator; values: IndicatorValue[]; targets: Target[]; unitId: number }) {
  const { indicator, unitId } = props;
  const uom = indicator.unit_of_measure;
  const best = [...bestValues(props.values).values()].filter((v) => v.unit_id === unitId);
  const targets = props.targets.filter((x) => x.unit_id === unitId);
  // The periods with values (each judged against its own target or its year's); the
  // targets' periods only when nothing is reported yet.
  const order = (a: string, b: string) => parsePeriod(a)!.year - parsePeriod(b)!.year || a.localeCompare(b);
  const valued = Array.from(new Set(best.map((v) => v.period))).filter((p) => parsePeriod(p));
  const periods = (valued.length ? valued : targets.map((x) => x.period).filter((p) => parsePeriod(p))).sort(order);
  if (!periods.length) return <Empty>{t('targets.noHistory')}</Empty>;
  const valueOf = (p: string) => best.find((v) => v.period === p)?.value ?? null;
  const targetOf = (p: string) =>
    (targets.find((x) => x.period === p) ?? targets.find((x) => x.period === String(parsePeriod(p)!.year)))?.values[0] ?? null;
  const unitName = targets[0]?.unit?.name ?? best[0]?.unit?.name ?? `#${unitId}`;
  return (
    <Chart
      title={t('targets.historyTitle', { indicator: indicatorName(indicator), unit: unitName })}
      dataDate={todayIso()}
      categoryLabel={t('targets.period')}
      categories={periods.map(periodShort)}
      series={[
        { name: t('targets.value'), values: periods.map(valueOf), type: 'bar', tone: 'info' },
        { name: t('targets.target'), values: periods.map(targetOf), type: 'line', tone: 'red' },
      ]}
      format={(v) => formatMeasure(v, uom)}
      height={300}
    />
  );
}

function UnitsSideBySide(props: { indicator: Indicator; values: IndicatorValue[]; targets: Target[]; period: string }) {
  const uom = props.indicator.unit_of_measure;
  const rows = [...bestValues(props.values).values()].filter((v) => v.period === props.period).sort((a, b) => b.value - a.value);
  if (!rows.length) return <Empty>{t('targets.noUnitValues', { period: periodLabel(props.period) })}</Empty>;
  const targetFor = (unitId: number) => props.targets.find((x) => x.unit_id === unitId && x.period === props.period);
  const columns: Column<IndicatorValue>[] = [
    { label: t('targets.unit'), rowHeader: true, cell: (v) => v.unit?.name ?? `#${v.unit_id}` },
    { label: t('targets.value'), num: true, class: 'nowrap', cell: (v) => formatMeasure(v.value, uom) },
    { label: t('targets.kind'), cell: (v) => kindLabel(v.kind) },
    {
      label: t('targets.target'),
      num: true,
      class: 'nowrap',
      cell: (v) => {
        const x = targetFor(v.unit_id);
        return x ? <Link href={`/targets/${x.id}`}>{targetFormula(x.comparator, x.values, uom)}</Link> : '—';
      },
    },
    { label: t('targets.source'), cell: (v) => v.source || '—' },
  ];
  return (
    <>
      <Chart
        title={t('targets.unitsTitle', { indicator: indicatorName(props.indicator), period: periodLabel(props.period) })}
        dataDate={todayIso()}
        categoryLabel={t('targets.unit')}
        categories={rows.map((v) => v.unit?.name ?? `#${v.unit_id}`)}
        series={[
          { name: t('targets.value'), values: rows.map((v) => v.value), tone: 'info' },
          // Each unit's own target beside its value (and no meaningless total of the units).
          { name: t('targets.target'), values: rows.map((v) => targetFor(v.unit_id)?.values[0] ?? null), type: 'line', tone: 'red' },
        ]}
        format={(v) => formatMeasure(v, uom)}
        horizontal
        height={Math.max(160, rows.length * 40 + 40)}
      />
      <DataTable rows={rows} columns={columns} rowKey={(v) => v.id} caption={t('targets.unitsCaption')} />
    </>
  );
}

function Catalogue(props: { indicator: Indicator }) {
  const i = props.indicator;
  const rows: [string, string][] = [
    [t('targets.code'), i.code],
    [t('targets.nameEn'), i.name_en || '—'],
    [t('targets.uom'), i.unit_of_measure || '—'],
    [t('targets.direction'), labelOf('targets.direction', i.direction)],
    [t('targets.aggregation'), labelOf('targets.aggregation', i.aggregation)],
    [t('targets.periodicity'), labelOf('targets.periodicity', i.periodicity)],
    [t('targets.group'), i.group ? groupLabel(i.group) : '—'],
    [t('targets.responsible'), i.responsible_unit?.name ?? (i.responsible_unit_id ? `#${i.responsible_unit_id}` : '—')],
  ];
  if (i.computed) rows.push([t('targets.computed'), labelOf('targets.computedFrom', i.computed)]);
  return (
    <dl class="summary-list">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function IndicatorPage(props: { id: number }) {
  const loc = useLocation();
  const canManage = useCan('targets.manage');
  const res = useAsync(async () => {
    const [indicator, values, targets] = await Promise.all([
      targetsApi.indicators.get(props.id),
      targetsApi.values.list({ indicator_id: props.id, limit: LIMIT }),
      targetsApi.targets.list({ indicator_id: props.id, limit: LIMIT }),
    ]);
    return { indicator, values: values.items, targets: targets.items };
  }, [props.id]);
  useDocumentTitle(res.data ? indicatorName(res.data.indicator) : t('targets.indicator'));
  return (
    <Loaded res={res}>
      {({ indicator, values, targets }) => {
        const units = Array.from(new Map([...targets.map((x) => [x.unit_id, x.unit?.name ?? `#${x.unit_id}`] as const), ...values.map((v) => [v.unit_id, v.unit?.name ?? `#${v.unit_id}`] as const)]));
        const has = (id: number | null | undefined) => !!id && units.some(([u]) => u === id);
        const asked = int(loc.query.get('unit_id'));
        const unitId = has(asked) ? asked! : has(indicator.responsible_unit_id) ? indicator.responsible_unit_id! : units[0]?.[0] ?? 0;
        const periods = Array.from(new Set(values.map((v) => v.period))).sort().reverse();
        const period = loc.query.get('period') && periods.includes(loc.query.get('period')!) ? loc.query.get('period')! : periods[0];
        return (
          <div>
            <p class="breadcrumb">
              <Link href="/targets">{t('targets.title')}</Link> › <Link href="/targets/indicators">{t('targets.indicators')}</Link>
            </p>
            <PageHeader
              title={indicatorName(indicator)}
              lead={`${indicator.code}${indicator.unit_of_measure ? ` · ${indicator.unit_of_measure}` : ''}`}
              actions={
                <>
                  {canManage && (
                    <Link class="button button--secondary" href={`/targets/indicators/${indicator.id}/edit`}>
                      {t('targets.indicatorEdit')}
                    </Link>
                  )}
                  <Link class="button button--secondary" href={href('/targets/values', { indicator_id: indicator.id })}>
                    {t('targets.valuesOf')}
                  </Link>
                </>
              }
            />
            <Flash />
            <section class="section" aria-labelledby="indicator-history">
              <h2 id="indicator-history">{t('targets.history')}</h2>
              {units.length > 1 && (
                <form class="filters" onSubmit={(e) => e.preventDefault()}>
                  <SelectField
                    id="indicator-unit_id"
                    label={t('targets.unit')}
                    value={String(unitId)}
                    onValue={(v) => setQuery({ unit_id: v }, { replace: true })}
                    options={units.map(([id, name]) => ({ value: String(id), label: name }))}
                  />
                </form>
              )}
              <section class="panel">
                <History indicator={indicator} values={values} targets={targets} unitId={unitId} />
              </section>
            </section>
            <section class="section" aria-labelledby="indicator-units">
              <h2 id="indicator-units">{t('targets.unitsSideBySide')}</h2>
              {period ? (
                <>
                  <form class="filters" onSubmit={(e) => e.preventDefault()}>
                    <SelectField
                      id="indicator-period"
                      label={t('targets.period')}
                      value={period}
                      onValue={(v) => setQuery({ period: v }, { replace: true })}
                      options={periods.map((p) => ({ value: p, label: periodLabel(p) }))}
                    />
                  </form>
                  <UnitsSideBySide indicator={indicator} values={values} targets={targets} period={period} />
                </>
              ) : (
                <Empty>{t('targets.noValues')}</Empty>
              )}
            </section>
            <section class="section" aria-labelledby="indicator-targets">
              <h2 id="indicator-targets">{t('targets.targetsOf')}</h2>
              {targets.length ? (
                <DataTable rows={targets} columns={targetColumns()} rowKey={(x) => x.id} caption={t('targets.targetsOf')} class="target-table" />
              ) : (
                <Empty>{t('targets.noTargets')}</Empty>
              )}
              <p class="muted small">{t('targets.asOfToday', { date: formatDate(todayIso()) })}</p>
            </section>
            <section class="section" aria-labelledby="indicator-about">
              <h2 id="indicator-about">{t('targets.about')}</h2>
              <Catalogue indicator={indicator} />
            </section>
          </div>
        );
      }}
    </Loaded>
  );
}
