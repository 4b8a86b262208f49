// Đánh giá kỳ: for a period, every target with its value, status, trend and the units that
// lag, as a page and as .xlsx (the link downloads exactly this period).
import { Link, setQuery, useLocation } from '../app/router';
import { formatDate, formatInteger, todayIso } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { DataTable, type Column } from '../core/list';
import { Empty, ErrorBox, Loading, PageHeader, SelectField } from '../core/ui';
import { t } from '../i18n';
import { targetsApi } from './api';
import { targetColumns } from './columns';
import { formatMeasure, periodLabel, statusLabel, statusRank, statusTone } from './labels';
import { href, periodOptions, thisYear, useDefaultPeriod } from './parts';
import { Trend } from './Trend';
import type { ReviewItem } from './types';
import { TARGET_STATUSES } from './types';

function lagging(item: ReviewItem) {
  const units = item.lagging_units ?? [];
  if (!units.length) return <span class="muted">—</span>;
  const uom = item.indicator?.unit_of_measure;
  return (
    <ul class="plain-list lagging-units">
      {units.map((u) => (
        <li key={u.unit_id}>
          <span class={`dot dot--${statusTone(u.status ?? 'missed')}`} aria-hidden="true" />
          {u.target_id ? (
            <Link href={`/targets/${u.target_id}`} title={u.status_reason}>
              {u.unit?.name ?? u.name ?? `#${u.unit_id}`}
            </Link>
          ) : (
            u.unit?.name ?? u.name ?? `#${u.unit_id}`
          )}
          {u.value != null && <span class="muted"> · {formatMeasure(u.value, uom)}</span>}
          {u.status && <span class="visually-hidden"> · {statusLabel(u.status)}</span>}
        </li>
      ))}
    </ul>
  );
}

function reviewColumns(): Column<ReviewItem>[] {
  return [
    ...targetColumns<ReviewItem>({ period: false }),
    { label: t('targets.trend'), cell: (x) => (x.trend ? <Trend points={x.trend} targets={x.values} tone={statusTone(x.status)} unit={x.indicator?.unit_of_measure} /> : <span class="muted">—</span>) },
    { label: t('targets.laggingUnits'), cell: lagging },
  ];
}

export function ReviewPage() {
  useDocumentTitle(t('targets.reviewTitle'));
  const q = useLocation().query;
  const period = useDefaultPeriod(q.get('period'));
  const review = useAsync(() => (period ? targetsApi.reviews.get(period) : Promise.resolve(null)), [period]);
  const items = [...(review.data?.items ?? [])].sort((a, b) => statusRank(a.status) - statusRank(b.status) || a.id - b.id);
  const counts = TARGET_STATUSES.map((s) => ({ s, n: items.filter((x) => x.status === s).length })).filter((x) => x.n > 0);
  return (
    <div>
      <p class="breadcrumb">
        <Link href={href('/targets', { period })}>{t('targets.title')}</Link>
      </p>
      <PageHeader
        title={period ? t('targets.reviewTitleOf', { period: periodLabel(period) }) : t('targets.reviewTitle')}
        lead={t('targets.reviewLead', { date: formatDate(review.data?.as_of ?? todayIso()) })}
        actions={
          period && (
            <a class="button button--secondary" href={targetsApi.reviews.exportUrl(period)} download>
              {t('targets.reviewExport')}
            </a>
          )
        }
      />
      {period && (
        <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
          <SelectField id="review-period" label={t('targets.period')} value={period} onValue={(v) => setQuery({ period: v })} options={periodOptions(thisYear(), period)} />
        </form>
      )}
      {review.error ? (
        <ErrorBox error={review.error} onRetry={review.reload} />
      ) : !review.data ? (
        <Loading />
      ) : !items.length ? (
        <Empty>{t('targets.empty', { period: periodLabel(period) })}</Empty>
      ) : (
        <>
          <p class="review-counts">
            {counts.map((c, i) => (
              <span key={c.s}>
                {i > 0 && ' · '}
                <Link href={href('/targets/list', { period, status: c.s })}>
                  {formatInteger(c.n)} {statusLabel(c.s).toLowerCase()}
                </Link>
              </span>
            ))}
          </p>
          <DataTable rows={items} columns={reviewColumns()} rowKey={(x) => x.id} caption={t('targets.reviewTitle')} class="review-table" />
        </>
      )}
    </div>
  );
}
