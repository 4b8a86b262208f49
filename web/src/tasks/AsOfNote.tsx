import { useAsOf } from '../app/asof';
import { setQuery } from '../app/router';
import { formatDate, todayIso } from '../core/format';
import { t } from '../i18n';

// Tasks are measured against today; the top bar's "as of" date does not move them yet,
// and the page says so rather than silently showing today's figures.
export function AsOfNote() {
  const asOf = useAsOf();
  if (asOf === todayIso()) return null;
  return (
    <div class="notice notice--info" role="status">
      <p>
        {t('tasks.asOfNote', { asOf: formatDate(asOf), today: formatDate(todayIso()) })}{' '}
        <button type="button" class="button button--link" onClick={() => setQuery({ as_of: null })}>
          {t('asof.today')}
        </button>
      </p>
    </div>
  );
}
