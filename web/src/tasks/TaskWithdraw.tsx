// The office withdraws a task (tasksedit, issue 9): cancel it with a reason, or delete one
// nobody has reported on. The server's allowed_actions says which of the two it may do now.
import { api } from '../api/client';
import type { Me, TaskDetail } from '../api/types';
import { navigate } from '../app/router';
import { fieldId, type FieldError } from '../core/errors';
import { setFlash } from '../core/flash';
import { TextAreaField } from '../core/ui';
import { t } from '../i18n';
import { LengthCounter } from './formHelp';
import { ActionForm, useDraft, useFieldError } from './forms';

interface FormProps {
  task: TaskDetail;
  me: Me;
  onDone: (message: string) => void;
  onCancel: () => void;
}

const REASON_MAX = 2000;

function ReasonField(props: { form: string; value: string; onValue: (v: string) => void }) {
  const error = useFieldError('reason');
  return (
    <TextAreaField
      id={fieldId(props.form, 'reason')}
      label={t('cancellation.reason')}
      hint={<>{t('cancellation.reasonHint')} <LengthCounter value={props.value} max={REASON_MAX} /></>}
      required
      value={props.value}
      onValue={props.onValue}
      error={error}
      rows={3}
    />
  );
}

export function CancellationForm(p: FormProps) {
  const F = 'cancellation';
  const [reason, setReason] = useDraft(`${p.task.id}:cancel:reason`, '');
  const validate = () => {
    const problems: FieldError[] = [];
    if (!reason.trim()) problems.push({ field: 'reason', message: t('cancellation.reasonRequired') });
    return problems;
  };
  return (
    <ActionForm
      form={F}
      title={t('taskAction.cancellation')}
      intro={<p>{t('cancellation.intro')}</p>}
      submitLabel={t('cancellation.submit')}
      warning
      validate={validate}
      send={() => api.tasks.cancel(p.task.id, reason.trim())}
      onDone={() => {
        setReason('');
        p.onDone(t('cancellation.done'));
      }}
      onCancel={p.onCancel}
    >
      <ReasonField form={F} value={reason} onValue={setReason} />
    </ActionForm>
  );
}

function ConfirmBox(props: { form: string; title: string; checked: boolean; onChange: (v: boolean) => void }) {
  const error = useFieldError('confirm');
  const id = fieldId(props.form, 'confirm');
  return (
    <div class={`field field--checkbox${error ? ' field--error' : ''}`}>
      {error && <p class="field-error">{error}</p>}
      <input id={id} type="checkbox" checked={props.checked} onChange={(e) => props.onChange((e.target as HTMLInputElement).checked)} />
      <label for={id}>{t('deletion.confirm', { title: props.title })}</label>
    </div>
  );
}

export function DeletionForm(p: FormProps) {
  const F = 'deletion';
  const [sure, setSure] = useDraft(`${p.task.id}:delete:sure`, false);
  return (
    <ActionForm
      form={F}
      title={t('taskAction.deletion')}
      intro={<p>{t('deletion.intro')}</p>}
      submitLabel={t('deletion.submit')}
      warning
      validate={() => (sure ? [] : [{ field: 'confirm', message: t('deletion.confirmRequired') }])}
      send={() => api.tasks.remove(p.task.id)}
      onDone={() => {
        setFlash(t('deletion.done', { title: p.task.title }));
        navigate(p.task.directive_id ? `/directives/${p.task.directive_id}` : '/tasks');
      }}
      onCancel={p.onCancel}
    >
      <ConfirmBox form={F} title={p.task.title} checked={sure} onChange={setSure} />
    </ActionForm>
  );
}
