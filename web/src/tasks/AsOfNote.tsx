import { useAsOf } from '../app/asof';
import { setQuery } from '../app/router';
import { formatDate, todayIso } from '../core/format';
import { t } from '../i18n';
import { reportingCutoffs } from './cutoffs';

// Boards, lists and the overview answer as of the top bar's date: each task as it stood
// that day (GET …?as_of=). Says so when the date is past, and offers the reporting
// cut-offs (the 14th of the month, 14/6, 14/12) as one-click dates.
export function AsOfNote() {
  const asOf = useAsOf();
  const past = asOf < todayIso();
  return (
    <div class={past ? 'notice notice--info asof-note' : 'asof-note'} role="status">
      {past && (
        <p>
          {t('tasks.asOfPast', { asOf: formatDate(asOf) })}{' '}
          <button type="button" class="button button--link" onClick={() => setQuery({ as_of: null })}>
            {t('asof.today')}
          </button>
        </p>
      )}
      <p class="asof-cutoffs">
        {t('asof.cutoffs')}{' '}
        {reportingCutoffs().map((c, i) => (
          <>
            {i > 0 && ' · '}
            <button type="button" class="button button--link" aria-pressed={asOf === c.date} onClick={() => setQuery({ as_of: c.date })}>
              {t(`asof.cutoff${c.kind === 'month' ? 'Month' : c.kind === 'half' ? 'Half' : 'Year'}`, { date: formatDate(c.date) })}
            </button>
          </>
        ))}
      </p>
    </div>
  );
}
