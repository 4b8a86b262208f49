// Choosing units by typing part of a name or code. The search is the server's `q`
// (which ignores diacritics), as of a date, so it scales to ten thousand units.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Unit, UnitRef } from '../api/types';
import { useAsync, useDebounced } from '../core/hooks';
import { describedBy, FieldShell } from '../core/ui';
import { formatInteger } from '../core/format';
import { t } from '../i18n';
import { kindLabel } from './labels';

const MAX_RESULTS = 8;

function UnitSearch(props: {
  id: string;
  asOf: string;
  exclude: number[];
  directory?: boolean;
  onPick: (unit: Pick<Unit, 'id' | 'code' | 'name' | 'kind'>) => void;
  describedBy?: string;
  invalid?: boolean;
}) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const listRef = useRef<HTMLUListElement>(null);
  const limit = MAX_RESULTS + props.exclude.length;
  const results = useAsync(
    () =>
      !q
        ? Promise.resolve(null)
        : props.directory
          ? api.tasks.unitDirectory(q, limit)
          : api.units.list({ as_of: props.asOf, q, limit }),
    [q, props.asOf],
  );
  const items = (results.data?.items ?? []).filter((u) => !props.exclude.includes(u.id)).slice(0, MAX_RESULTS);

  const focusResult = (index: number) => {
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('button');
    if (!buttons || !buttons.length) return;
    buttons[Math.max(0, Math.min(index, buttons.length - 1))].focus();
  };

  return (
    <div class="picker">
      <input
        id={props.id}
        type="search"
        class="input input--long"
        value={text}
        autoComplete="off"
        placeholder={t('picker.placeholder')}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid ? 'true' : undefined}
        onInput={(e) => setText((e.target as HTMLInputElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            focusResult(0);
          } else if (e.key === 'Enter') {
            // Enter in the search box must not submit the surrounding form.
            e.preventDefault();
            if (items.length === 1) {
              props.onPick(items[0]);
              setText('');
            }
          }
        }}
      />
      {q && (
        <div class="picker-results" aria-live="polite">
          {results.loading && !results.data ? (
            <p class="muted">{t('common.loading')}</p>
          ) : items.length === 0 ? (
            <p class="muted">{t('picker.none', { q })}</p>
          ) : (
            <ul ref={listRef}>
              {items.map((u, i) => (
                <li key={u.id}>
                  <button
                    type="button"
                    class="picker-option"
                    onClick={() => {
                      props.onPick(u);
                      setText('');
                    }}
                    onKeyDown={(e) => {
                      if (e.key === 'ArrowDown') {
                        e.preventDefault();
                        focusResult(i + 1);
                      } else if (e.key === 'ArrowUp') {
                        e.preventDefault();
                        if (i === 0) document.getElementById(props.id)?.focus();
                        else focusResult(i - 1);
                      }
                    }}
                  >
                    <span class="picker-name">{u.name}</span>
                    <span class="picker-meta">
                      {u.code} · {kindLabel(u.kind)}
                    </span>
                  </button>
                </li>
              ))}
              {(results.data?.total ?? 0) > MAX_RESULTS && (
                <li class="muted picker-more">
                  {t('picker.more', { n: formatInteger(results.data?.total ?? 0) })}
                </li>
              )}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

interface PickerProps {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: string;
  required?: boolean;
  asOf: string;
  exclude?: number[];
  // Search every living unit of the administration (GET /unit-directory), not only the
  // caller's scope: for choosing a unit to ask for coordination.
  directory?: boolean;
}

export function UnitPicker(props: PickerProps & { value: UnitRef | null; onChange: (unit: UnitRef | null) => void }) {
  const hintAndError = describedBy(props.id, props.hint, props.error);
  return (
    <FieldShell id={props.id} label={props.label} hint={props.hint} error={props.error} required={props.required}>
      {props.value ? (
        <div class="picked">
          <span class="chip">
            <span>{props.value.name}</span>
            <span class="chip-code">{props.value.code}</span>
          </span>
          <button
            id={props.id}
            type="button"
            class="button button--link"
            aria-describedby={hintAndError}
            onClick={() => {
              props.onChange(null);
              window.setTimeout(() => document.getElementById(props.id)?.focus(), 0);
            }}
          >
            {t('picker.change')}
            <span class="visually-hidden"> {props.value.name}</span>
          </button>
        </div>
      ) : (
        <UnitSearch
          id={props.id}
          asOf={props.asOf}
          exclude={props.exclude ?? []}
          directory={props.directory}
          describedBy={hintAndError}
          invalid={!!props.error}
          onPick={(u) => props.onChange({ id: u.id, code: u.code, name: u.name })}
        />
      )}
    </FieldShell>
  );
}

export function UnitMultiPicker(props: PickerProps & { value: UnitRef[]; onChange: (units: UnitRef[]) => void; max?: number }) {
  const full = props.max !== undefined && props.value.length >= props.max;
  return (
    <FieldShell id={props.id} label={props.label} hint={props.hint} error={props.error} required={props.required}>
      {props.value.length > 0 && (
        <ul class="chips">
          {props.value.map((u) => (
            <li key={u.id} class="chip">
              <span>{u.name}</span>
              <span class="chip-code">{u.code}</span>
              <button
                type="button"
                class="chip-remove"
                onClick={() => props.onChange(props.value.filter((x) => x.id !== u.id))}
              >
                <span aria-hidden="true">×</span>
                <span class="visually-hidden">
                  {t('picker.remove')} {u.name}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {!full && (
        <UnitSearch
          id={props.id}
          asOf={props.asOf}
          exclude={[...(props.exclude ?? []), ...props.value.map((u) => u.id)]}
          directory={props.directory}
          describedBy={describedBy(props.id, props.hint, props.error)}
          invalid={!!props.error}
          onPick={(u) => props.onChange([...props.value, { id: u.id, code: u.code, name: u.name }])}
        />
      )}
    </FieldShell>
  );
}

// The unit a filter names by id in the URL, looked up for the picker to show; the picker's
// own choice is kept as it is until the URL follows.
export function useUnitRef(id: number | undefined): [UnitRef | null, (unit: UnitRef | null) => void] {
  const [unit, setUnit] = useState<UnitRef | null>(null);
  useEffect(() => {
    if (!id) return setUnit(null);
    if (unit?.id === id) return;
    api.units.get(id).then(
      (u) => setUnit({ id: u.id, code: u.code, name: u.name }),
      () => setUnit({ id, code: '', name: `#${id}` }),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);
  return [unit, setUnit];
}
