// The target table's columns, shared by the list behind a scoreboard count, an indicator's
// targets and the period review: the target, its unit (and period), the target as a formula,
// the value it was judged on ("Chưa có số liệu" without one) and its status with the
// server's sentence.
import { Link } from '../app/router';
import { numberColumn, type Column } from '../core/list';
import { t } from '../i18n';
import { periodLabel, targetText, targetTitle, valueText } from './labels';
import { kindLabel, StatusTag } from './parts';
import type { Target } from './types';

export function targetColumns<T extends Target>(opts: { period: boolean } = { period: true }): Column<T>[] {
  const cols: Column<T>[] = [
    numberColumn(t('targets.no')),
    { label: t('targets.indicator'), rowHeader: true, sort: 'indicator', cell: (x) => <Link href={`/targets/${x.id}`}>{targetTitle(x)}</Link> },
    { label: t('targets.unit'), cell: (x) => x.unit?.name ?? `#${x.unit_id}` },
  ];
  if (opts.period) cols.push({ label: t('targets.period'), class: 'nowrap', sort: 'period', cell: (x) => periodLabel(x.period) });
  cols.push(
    { label: t('targets.target'), num: true, class: 'nowrap', cell: (x) => targetText(x) },
    {
      label: t('targets.value'),
      num: true,
      class: 'nowrap',
      cell: (x) => (
        <div>
          {valueText(x.value, x.indicator?.unit_of_measure)}
          {x.value_kind && <span class="muted small block">{kindLabel(x.value_kind)}</span>}
        </div>
      ),
    },
    {
      label: t('targets.status'),
      sort: 'status',
      cell: (x) => (
        <div>
          <StatusTag status={x.status} reason={x.status_reason} />
          <span class="block small target-reason-cell">{x.status_reason}</span>
        </div>
      ),
    },
  );
  return cols;
}
