// The form scaffold every form page shares (UI.md, "Forms and errors"): labels above the
// fields and required ones marked (the field components in ui.tsx); on a failed submit an
// error summary at the top linking to each field and the message again beside the field;
// nothing typed is lost; the submit button says it is saving.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { Link } from '../app/router';
import { t } from '../i18n';
import { errorFor, fieldId, toFieldErrors, type FieldError } from './errors';
import type { AsyncState } from './hooks';
import { ErrorBox, ErrorSummary, Loading, PageHeader } from './ui';

export interface FormState {
  form: string;
  errors: FieldError[];
  setErrors: (errors: FieldError[]) => void;
  busy: boolean;
  // A field's id and message, to spread into a field: `<TextField {...f.field('name')} …/>`.
  field: (name: string) => { id: string; error?: string };
  // The submit handler: `check` lists the problems it finds; with none, `save` runs, and
  // a refusal from the server is shown the same way (beside its field where it names one).
  submit: (check: (problems: FieldError[]) => void, save: () => Promise<void>) => (e: Event) => Promise<void>;
}

export function useForm(form: string): FormState {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  return {
    form,
    errors,
    setErrors,
    busy,
    field: (name) => ({ id: fieldId(form, name), error: errorFor(errors, name) }),
    submit: (check, save) => async (e) => {
      e.preventDefault();
      const problems: FieldError[] = [];
      check(problems);
      setErrors(problems);
      if (problems.length) return;
      setBusy(true);
      try {
        await save();
      } catch (err) {
        setErrors(toFieldErrors(err));
      } finally {
        setBusy(false);
      }
    },
  };
}

export interface FormProps {
  state: FormState;
  onSubmit: (e: Event) => void;
  submitLabel: string;
  submitClass?: string;
  // Further buttons beside submit (a second submit such as "save and add another").
  moreActions?: ComponentChildren;
  cancelHref: string;
  children: ComponentChildren;
}

// The error summary, the fields, and the actions (submit, cancel).
export function Form(props: FormProps) {
  const { state } = props;
  return (
    <>
      <ErrorSummary form={state.form} errors={state.errors} />
      <form onSubmit={props.onSubmit} noValidate>
        {props.children}
        <div class="form-actions">
          <button type="submit" class={props.submitClass ?? 'button'} disabled={state.busy}>
            {state.busy ? t('common.saving') : props.submitLabel}
          </button>
          {props.moreActions}
          <Link href={props.cancelHref}>{t('common.cancel')}</Link>
        </div>
      </form>
    </>
  );
}

export function FormPage(
  props: FormProps & {
    title: string;
    lead?: ComponentChildren;
    actions?: ComponentChildren;
    // A breadcrumb above the header.
    before?: ComponentChildren;
    // Between the header and the form (what is being edited).
    intro?: ComponentChildren;
    // Below the form (a second, separate form).
    after?: ComponentChildren;
  },
) {
  const { title, lead, actions, before, intro, after, ...form } = props;
  return (
    <div class="form-page">
      {before}
      <PageHeader title={title} lead={lead} actions={actions} />
      {intro}
      <Form {...form} />
      {after}
    </div>
  );
}

// What an edit page shows while its record loads, or when it cannot.
export function Loaded<T>(props: { res: AsyncState<T>; children: (data: T) => ComponentChildren }) {
  if (props.res.error) return <ErrorBox error={props.res.error} onRetry={props.res.reload} />;
  if (props.res.data === undefined) return <Loading />;
  return <>{props.children(props.res.data)}</>;
}
