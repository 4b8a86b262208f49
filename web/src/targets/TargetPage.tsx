// One target: what it asks, the value it was judged on and the server's sentence, its
// trend against the target, its split into quarters or months, the values reported for it
// (history), and the explanations asked of its unit — with "ask for an explanation" for
// a leader.
import { useState } from 'preact/hooks';
import { Link } from '../app/router';
import { useCan } from '../auth/session';
import { Chart } from '../charts/Chart';
import { Flash } from '../core/Flash';
import { todayIso } from '../core/format';
import { Loaded } from '../core/form';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { DataTable } from '../core/list';
import { Notice, PageHeader } from '../core/ui';
import { t } from '../i18n';
import { targetsApi } from './api';
import { AskExplanationForm, explanationColumns, isOpen } from './explanations';
import { formatMeasure, indicatorName, periodLabel, periodShort, statusTone, targetFormula, targetTitle } from './labels';
import { href, kindLabel, StatusTag } from './parts';
import type { Target } from './types';
import { valueColumns } from './values';

function TrendChart(props: { target: Target }) {
  const tg = props.target;
  const pts = tg.trend ?? [];
  if (pts.length < 2) return null;
  const uom = tg.indicator?.unit_of_measure;
  return (
    <section class="panel">
      <Chart
        title={t('targets.trendTitle', { indicator: targetTitle(tg), unit: tg.unit?.name ?? '' })}
        dataDate={todayIso()}
        categoryLabel={t('targets.period')}
        categories={pts.map((p) => periodShort(p.period))}
        series={[
          { name: t('targets.value'), values: pts.map((p) => p.value), type: 'line', tone: statusTone(tg.status) === 'green' ? 'green' : 'info' },
          {
            name: `${t('targets.target')} ${targetFormula(tg.comparator, tg.values, uom)}`,
            values: pts.map((p) => p.target ?? tg.values[0]),
            type: 'line',
            tone: 'red',
          },
        ]}
        format={(v) => formatMeasure(v, uom)}
        height={260}
      />
    </section>
  );
}

function Splits(props: { target: Target }) {
  const splits = props.target.splits ?? [];
  if (!splits.length) return null;
  const uom = props.target.indicator?.unit_of_measure;
  return (
    <section class="section" aria-labelledby="target-splits">
      <h2 id="target-splits">{t('targets.splitTitle')}</h2>
      <DataTable
        rows={splits}
        rowKey={(s) => s.period}
        caption={t('targets.splitTitle')}
        columns={[
          { label: t('targets.period'), rowHeader: true, cell: (s) => periodLabel(s.period) },
          { label: t('targets.splitPlanned'), num: true, cell: (s) => (s.value != null ? formatMeasure(s.value, uom) : '—') },
          { label: t('targets.splitShare'), num: true, cell: (s) => (s.share_percent != null ? formatMeasure(s.share_percent, '%') : '—') },
        ]}
      />
    </section>
  );
}

export function TargetPage(props: { id: number }) {
  const res = useAsync(async () => {
    const target = await targetsApi.targets.get(props.id);
    const [values, explanations] = await Promise.all([
      targetsApi.values.list({ indicator_id: target.indicator_id, unit_id: target.unit_id, limit: 50 }),
      targetsApi.explanations.list({ target_id: target.id, limit: 50 }),
    ]);
    return { target, values: values.items, explanations: explanations.items };
  }, [props.id]);
  const canAsk = useCan('explanations.ask');
  const canManage = useCan('targets.manage');
  const [asking, setAsking] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  useDocumentTitle(res.data ? targetTitle(res.data.target) : t('targets.target'));
  return (
    <Loaded res={res}>
      {({ target: tg, values, explanations }) => {
        const uom = tg.indicator?.unit_of_measure;
        const open = explanations.filter(isOpen);
        return (
          <div>
            <p class="breadcrumb">
              <Link href={href('/targets', { period: tg.period })}>{t('targets.title')}</Link> ›{' '}
              <Link href={`/targets/indicators/${tg.indicator_id}`}>{indicatorName(tg.indicator, tg.indicator_id)}</Link>
            </p>
            <PageHeader
              title={targetTitle(tg)}
              lead={`${tg.unit?.name ?? `#${tg.unit_id}`} · ${periodLabel(tg.period)}`}
              actions={
                <>
                  {canAsk && !asking && (
                    <button type="button" class="button" onClick={() => setAsking(true)}>
                      {t('targets.ask')}
                    </button>
                  )}
                  <Link class="button button--secondary" href={`/targets/indicators/${tg.indicator_id}`}>
                    {t('targets.indicatorPage')}
                  </Link>
                </>
              }
            />
            <Flash />
            {message && <Notice tone="success">{message}</Notice>}
            {asking && (
              <AskExplanationForm
                about={{ target_id: tg.id }}
                unitName={tg.unit?.name ?? `#${tg.unit_id}`}
                onDone={() => {
                  setAsking(false);
                  setMessage(t('targets.asked', { unit: tg.unit?.name ?? '' }));
                  res.reload();
                }}
                onCancel={() => setAsking(false)}
              />
            )}
            <dl class="summary-list target-summary">
              <div>
                <dt>{t('targets.status')}</dt>
                <dd>
                  <StatusTag status={tg.status} reason={tg.status_reason} />
                  <p class="target-reason">{tg.status_reason}</p>
                </dd>
              </div>
              <div>
                <dt>{t('targets.target')}</dt>
                <dd>
                  {targetFormula(tg.comparator, tg.values, uom)}
                  {tg.expression && <span class="muted"> — {t('targets.typedAs', { text: tg.expression })}</span>}
                </dd>
              </div>
              <div>
                <dt>{t('targets.value')}</dt>
                <dd>
                  {formatMeasure(tg.value, uom)}
                  {tg.value_kind && <span class="muted"> ({kindLabel(tg.value_kind)}{tg.value_period && tg.value_period !== tg.period ? `, ${periodLabel(tg.value_period)}` : ''})</span>}
                </dd>
              </div>
            </dl>
            <TrendChart target={tg} />
            <Splits target={tg} />
            <section class="section" aria-labelledby="target-explanations">
              <h2 id="target-explanations">
                {t('targets.explanations')} {open.length > 0 && <span class="tag tag--amber">{t('targets.explanationsOpen', { n: open.length })}</span>}
              </h2>
              {explanations.length ? (
                <DataTable rows={explanations} columns={explanationColumns()} rowKey={(e) => e.id} caption={t('targets.explanations')} />
              ) : (
                <p class="muted">{t('targets.noExplanations')}</p>
              )}
            </section>
            <section class="section" aria-labelledby="target-values">
              <h2 id="target-values">{t('targets.valueHistory')}</h2>
              {values.length ? (
                <DataTable rows={values} columns={valueColumns(() => res.reload(), { indicator: false, actions: canManage })} rowKey={(v) => v.id} caption={t('targets.valueHistory')} class="value-table" />
              ) : (
                <p class="muted">
                  {t('targets.noValuesYet')} <Link href={href('/targets/values/new', { indicator_id: tg.indicator_id, unit_id: tg.unit_id, period: tg.period })}>{t('targets.enterValue')}</Link>
                </p>
              )}
            </section>
          </div>
        );
      }}
    </Loaded>
  );
}
