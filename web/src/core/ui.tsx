// Small building blocks shared by every feature: page header, form fields, the error
// summary, status tags, pager, loading and empty states.
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n';
import { errorMessage, fieldId, type FieldError } from './errors';
import { formatInteger } from './format';
import type { Tone } from './status';

export function PageHeader(props: { title: string; lead?: ComponentChildren; actions?: ComponentChildren }) {
  return (
    <div class="page-header">
      <div>
        <h1 id="page-title" tabIndex={-1}>
          {props.title}
        </h1>
        {props.lead && <p class="lead">{props.lead}</p>}
      </div>
      {props.actions && <div class="page-actions">{props.actions}</div>}
    </div>
  );
}

function focusField(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  el.focus();
  el.scrollIntoView({ block: 'center' });
}

// GOV.UK pattern: every problem listed at the top as a link to its field. Focused when
// it appears so keyboard and screen-reader users land on it.
export function ErrorSummary(props: { form: string; errors: FieldError[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (props.errors.length) ref.current?.focus();
  }, [props.errors]);
  if (!props.errors.length) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={`${props.form}-error-title`}>
      <h2 id={`${props.form}-error-title`}>{t('form.errorSummaryTitle')}</h2>
      <ul>
        {props.errors.map((e, i) => {
          const id = e.field ? fieldId(props.form, e.field) : null;
          return (
            <li key={i}>
              {id ? (
                <a
                  href={`#${id}`}
                  onClick={(ev) => {
                    ev.preventDefault();
                    focusField(id);
                  }}
                >
                  {e.message}
                </a>
              ) : (
                e.message
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

interface FieldShellProps {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: string;
  required?: boolean;
  children: ComponentChildren;
  class?: string;
}

// Under a field's label: the hint, then the message of what is wrong with it (the same
// message the error summary lists), each with an id for aria-describedby.
export function FieldHelp(props: { id: string; hint?: ComponentChildren; error?: string }) {
  return (
    <>
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="field-error" id={`${props.id}-error`}>
          <span class="visually-hidden">{t('form.errorPrefix')} </span>
          {props.error}
        </p>
      )}
    </>
  );
}

export function FieldShell(props: FieldShellProps) {
  return (
    <div class={`field${props.error ? ' field--error' : ''}${props.class ? ` ${props.class}` : ''}`}>
      <label for={props.id}>
        {props.label}
        {props.required && <span class="required"> ({t('form.required')})</span>}
      </label>
      <FieldHelp id={props.id} hint={props.hint} error={props.error} />
      {props.children}
    </div>
  );
}

export function describedBy(id: string, hint?: unknown, error?: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

// What every field takes: its id (the error summary links to it), label, hint, message.
export interface FieldProps {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: string;
  required?: boolean;
  value: string;
  onValue: (value: string) => void;
}

// The attributes a field's control carries: name, value, and its hint and message.
function control(props: FieldProps) {
  return {
    id: props.id,
    name: props.id,
    value: props.value,
    'aria-invalid': props.error ? ('true' as const) : undefined,
    'aria-describedby': describedBy(props.id, props.hint, props.error),
  };
}

type InputProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'label' | 'value' | 'onInput' | 'width' | 'id' | 'required'> &
  FieldProps & { width?: 'short' | 'medium' | 'long' };

export function TextField({ label, hint, error, required, value, onValue, width, ...rest }: InputProps) {
  const props = { id: rest.id, label, hint, error, required, value, onValue };
  return (
    <FieldShell id={rest.id} label={label} hint={hint} error={error} required={required}>
      <input class={`input input--${width ?? 'long'}`} onInput={(e) => onValue((e.target as HTMLInputElement).value)} {...control(props)} {...rest} />
    </FieldShell>
  );
}

// Dates are typed as dd/mm/yyyy (the way every Vietnamese form writes them) and
// converted with parseDateInput before they reach the API.
export function DateField(props: Omit<InputProps, 'width'>) {
  return (
    <TextField
      {...props}
      width="short"
      inputMode="numeric"
      placeholder={t('form.datePlaceholder')}
      autoComplete="off"
      hint={props.hint ?? t('form.dateHint')}
    />
  );
}

export function SelectField(props: FieldProps & { options: { value: string; label: string }[]; disabled?: boolean }) {
  return (
    <FieldShell id={props.id} label={props.label} hint={props.hint} error={props.error} required={props.required}>
      <select class="select" disabled={props.disabled} onChange={(e) => props.onValue((e.target as HTMLSelectElement).value)} {...control(props)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

// A status is text plus colour, never colour alone; the reason is on hover/tap.
export function Tag(props: { tone: Tone; children: ComponentChildren; title?: string }) {
  return (
    <span class={`tag tag--${props.tone}`} title={props.title}>
      {props.children}
    </span>
  );
}

export function Loading(props: { label?: string }) {
  return (
    <p class="loading" role="status">
      {props.label ?? t('common.loading')}
    </p>
  );
}

export function ErrorBox(props: { error: unknown; onRetry?: () => void }) {
  return (
    <div class="notice notice--error" role="alert">
      <p>{errorMessage(props.error)}</p>
      {props.onRetry && (
        <button type="button" class="button button--secondary" onClick={props.onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function Empty(props: { children: ComponentChildren }) {
  return <div class="empty">{props.children}</div>;
}

export function Notice(props: { tone: 'success' | 'info' | 'error'; children: ComponentChildren }) {
  return (
    <div class={`notice notice--${props.tone}`} role={props.tone === 'error' ? 'alert' : 'status'}>
      {props.children}
    </div>
  );
}

// Server pagination: "1–50 của 1.234", previous/next.
export function Pager(props: { total: number; limit: number; offset: number; onOffset: (offset: number) => void }) {
  const { total, limit, offset } = props;
  if (total <= limit && offset === 0) return null;
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + limit, total);
  return (
    <nav class="pager" aria-label={t('pager.label')}>
      <button
        type="button"
        class="button button--secondary"
        disabled={offset === 0}
        onClick={() => props.onOffset(Math.max(0, offset - limit))}
      >
        {t('pager.previous')}
      </button>
      <span class="pager-status">
        {t('pager.range', { from: formatInteger(from), to: formatInteger(to), total: formatInteger(total) })}
      </span>
      <button
        type="button"
        class="button button--secondary"
        disabled={offset + limit >= total}
        onClick={() => props.onOffset(offset + limit)}
      >
        {t('pager.next')}
      </button>
    </nav>
  );
}

export function TextAreaField(props: FieldProps & { rows?: number; maxLength?: number }) {
  return (
    <FieldShell id={props.id} label={props.label} hint={props.hint} error={props.error} required={props.required}>
      <textarea
        class="textarea"
        rows={props.rows ?? 4}
        maxLength={props.maxLength}
        onInput={(e) => props.onValue((e.target as HTMLTextAreaElement).value)}
        {...control(props)}
      />
    </FieldShell>
  );
}

// A group of radio buttons with a legend; the first input carries `id` so an error
// summary link lands on it.
export function RadioGroup(props: {
  id: string;
  legend: ComponentChildren;
  hint?: ComponentChildren;
  error?: string;
  required?: boolean;
  value: string;
  onValue: (value: string) => void;
  options: { value: string; label: ComponentChildren; hint?: ComponentChildren }[];
  inline?: boolean;
}) {
  return (
    <fieldset class={`fieldset${props.error ? ' field--error' : ''}`} aria-describedby={describedBy(props.id, props.hint, props.error)}>
      <legend>
        {props.legend}
        {props.required && <span class="required"> ({t('form.required')})</span>}
      </legend>
      <FieldHelp id={props.id} hint={props.hint} error={props.error} />
      <div class={`radios${props.inline ? ' radios--inline' : ''}`}>
        {props.options.map((o, i) => {
          const id = i === 0 ? props.id : `${props.id}-${o.value}`;
          return (
            <div class="radio" key={o.value}>
              <input id={id} type="radio" name={props.id} value={o.value} checked={props.value === o.value} onChange={() => props.onValue(o.value)} />
              <label for={id}>
                {o.label}
                {o.hint && <span class="hint">{o.hint}</span>}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
