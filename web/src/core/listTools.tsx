// What every list and board offers beside its own actions: printing (the print layout is
// styles.css' @media print: no navigation, the city's heading, page numbers, rows not cut)
// and filters saved under a name.
//
// Saved filters live in this browser's localStorage, per user and per list: a saved filter
// is the list's own URL query (filters and sort), which the server never needs to know; it
// needs no table, no route and no migration, and a stale one does no harm (the list refuses
// a filter it does not take, by field, as for any URL). The cost: they do not follow the
// user to another browser.
import { useState } from 'preact/hooks';
import { navigate, useLocation } from '../app/router';
import { useSession } from '../auth/session';
import { t } from '../i18n';

export function PrintButton() {
  return (
    <button type="button" class="button button--secondary no-print" onClick={() => window.print()}>
      {t('list.print')}
    </button>
  );
}

interface SavedFilter {
  name: string;
  query: string;
}

function storageKey(userId: number, list: string): string {
  return `dieuhanh.savedFilters.${userId}.${list}`;
}

function readSaved(key: string): SavedFilter[] {
  try {
    const v = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(v) ? v.filter((x) => x && typeof x.name === 'string' && typeof x.query === 'string') : [];
  } catch {
    return [];
  }
}

function writeSaved(key: string, list: SavedFilter[]): void {
  try {
    localStorage.setItem(key, JSON.stringify(list));
  } catch {
    // Storage full or disabled: nothing is saved, the list still works.
  }
}

// The list's filters without its paging and the as-of date (which is the whole app's).
function currentQuery(query: URLSearchParams): string {
  const q = new URLSearchParams(query);
  q.delete('offset');
  q.delete('as_of');
  return q.toString();
}

export function SavedFilters(props: { list: string }) {
  const { me } = useSession();
  const loc = useLocation();
  const key = storageKey(me.id, props.list);
  const [saved, setSaved] = useState<SavedFilter[]>(() => readSaved(key));
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const query = currentQuery(loc.query);
  const chosen = saved.find((s) => s.query === query)?.name ?? '';
  const update = (next: SavedFilter[]) => {
    writeSaved(key, next);
    setSaved(next);
  };
  const save = (e: Event) => {
    e.preventDefault();
    const n = name.trim();
    if (!n) return setError(t('list.savedNameRequired'));
    if (!query) return setError(t('list.savedNothing'));
    update([...saved.filter((s) => s.name !== n), { name: n, query }].sort((a, b) => a.name.localeCompare(b.name)));
    setName('');
    setError('');
  };
  const idBase = `saved-${props.list}`;
  return (
    <div class="saved-filters no-print">
      <div class="field">
        <label for={`${idBase}-pick`}>{t('list.savedFilters')}</label>
        <div class="input-with-button">
          <select
            id={`${idBase}-pick`}
            class="input input--medium"
            value={chosen}
            onChange={(e) => {
              const pick = saved.find((s) => s.name === (e.target as HTMLSelectElement).value);
              if (pick) navigate(`${loc.path}?${pick.query}`);
            }}
          >
            <option value="">{saved.length ? t('list.savedChoose') : t('list.savedNone')}</option>
            {saved.map((s) => (
              <option key={s.name} value={s.name}>
                {s.name}
              </option>
            ))}
          </select>
          {chosen && (
            <button type="button" class="button button--link" onClick={() => update(saved.filter((s) => s.name !== chosen))}>
              {t('list.savedDelete', { name: chosen })}
            </button>
          )}
        </div>
      </div>
      <form class="field" onSubmit={save} noValidate>
        <label for={`${idBase}-name`}>{t('list.savedName')}</label>
        <div class="input-with-button">
          <input
            id={`${idBase}-name`}
            class="input input--medium"
            value={name}
            maxLength={100}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? `${idBase}-error` : undefined}
            onInput={(e) => setName((e.target as HTMLInputElement).value)}
          />
          <button type="submit" class="button button--secondary">
            {t('list.savedSave')}
          </button>
        </div>
        {error && (
          <p id={`${idBase}-error`} class="error-message" role="alert">
            {error}
          </p>
        )}
      </form>
    </div>
  );
}
