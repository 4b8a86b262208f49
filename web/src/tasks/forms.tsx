// The frame every task action form shares (UI.md): one purpose, labels above fields,
// an error summary that links to each field, the server's message beside its field,
// and drafts kept while the person moves between forms, so nothing typed is lost.
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useState } from 'preact/hooks';
import { toFieldErrors, type FieldError } from '../core/errors';
import { ErrorSummary } from '../core/ui';
import { t } from '../i18n';

const drafts = new Map<string, unknown>();

// State that survives the form being closed and opened again (until it is sent).
export function useDraft<T>(key: string, initial: T): [T, (v: T) => void, () => void] {
  const [value, setValue] = useState<T>(() => (drafts.has(key) ? (drafts.get(key) as T) : initial));
  const set = (v: T) => {
    drafts.set(key, v);
    setValue(v);
  };
  const clear = () => drafts.delete(key);
  return [value, set, clear];
}

export function ActionForm(props: {
  form: string;
  title: string;
  intro?: ComponentChildren;
  submitLabel: string;
  warning?: boolean;
  validate: () => FieldError[];
  send: () => Promise<unknown>;
  onDone: () => void;
  onCancel?: () => void;
  children: ComponentChildren;
}) {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const problems = props.validate();
    setErrors(problems);
    if (problems.length) return;
    setBusy(true);
    try {
      await props.send();
      setErrors([]);
      props.onDone();
    } catch (err) {
      setErrors(toFieldErrors(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="action-form" aria-labelledby={`${props.form}-title`} id={`${props.form}-section`}>
      <h2 id={`${props.form}-title`}>{props.title}</h2>
      {props.intro && <div class="action-intro">{props.intro}</div>}
      <ErrorSummary form={props.form} errors={errors} />
      <form onSubmit={submit} noValidate>
        <FormErrors.Provider value={errors}>{props.children}</FormErrors.Provider>
        <div class="form-actions">
          <button type="submit" class={`button${props.warning ? ' button--warning' : ''}`} disabled={busy}>
            {busy ? t('common.saving') : props.submitLabel}
          </button>
          {props.onCancel && (
            <button type="button" class="button button--link" onClick={props.onCancel}>
              {t('common.cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

// The current errors of the enclosing ActionForm, for the fields inside it.
export const FormErrors = createContext<FieldError[]>([]);
export function useFieldError(field: string): string | undefined {
  return useContext(FormErrors).find((e) => e.field === field)?.message;
}
