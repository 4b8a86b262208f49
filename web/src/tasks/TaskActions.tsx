// The action forms of a task, each with one purpose. Which ones a person sees is the
// server's task.allowed_actions; the page does not re-derive state or permissions.
import { api } from '../api/client';
import type { CoordinationRequest, Extension, Me, TaskDetail, UnitRef, User } from '../api/types';
import { can } from '../auth/session';
import { fieldId, type FieldError } from '../core/errors';
import { addDays, formatDate, formatInteger, parseDateInput, todayIso } from '../core/format';
import { useAsync } from '../core/hooks';
import { DateField, FieldShell, RadioGroup, SelectField, TextAreaField, TextField } from '../core/ui';
import { t } from '../i18n';
import { UnitPicker } from '../units/UnitPicker';
import { ActionForm, useDraft, useFieldError } from './forms';
import { CancellationForm, DeletionForm } from './TaskWithdraw';

// The names the server sends in task.allowed_actions (docs/openapi.yaml, TaskDetail).
export type ActionName = TaskDetail['allowed_actions'][number];

export function pendingExtension(task: TaskDetail): Extension | undefined {
  return task.extensions.find((e) => e.status === 'pending');
}

// The actions this person may take on this task now, exactly as the server sends them
// (its own scope and state checks, in the order a unit meets them). Names this page has
// no form for are left out rather than shown as dead buttons.
export function availableActions(task: TaskDetail): ActionName[] {
  return (task.allowed_actions ?? []).filter((a) => a in ACTION_FORMS);
}

export function actionLabel(a: ActionName, task: TaskDetail): string {
  if (a === 'suspension') return task.state === 'suspended' ? t('taskAction.resume') : t('taskAction.suspend');
  return t(`taskAction.${a}`);
}

interface FormProps {
  task: TaskDetail;
  me: Me;
  onDone: (message: string) => void;
  onCancel: () => void;
}

function Field(props: { form: string; field: string; children: (id: string, error: string | undefined) => preact.JSX.Element }) {
  const error = useFieldError(props.field);
  return props.children(fieldId(props.form, props.field), error);
}

function dateOrError(text: string, field: string, problems: FieldError[], required = true): string | null | undefined {
  if (!text.trim()) {
    if (required) problems.push({ field, message: t('form.dateInvalid') });
    return undefined;
  }
  const iso = parseDateInput(text);
  if (!iso) problems.push({ field, message: t('form.dateInvalid') });
  return iso;
}

// ---- Report progress ----------------------------------------------------------------------

export function ReportForm(p: FormProps) {
  const F = 'report';
  // With parts delegated, the shown progress is a roll-up; the report is of the unit's own share.
  const [percent, setPercent] = useDraft(`${p.task.id}:report:percent`, p.task.parts.length || !p.task.progress_percent ? '' : String(p.task.progress_percent));
  const [body, setBody] = useDraft(`${p.task.id}:report:body`, '');
  const [on, setOn, clearOn] = useDraft(`${p.task.id}:report:on`, formatDate(todayIso()));
  const [files, setFiles] = useDraft<File[]>(`${p.task.id}:report:files`, []);
  let day: string | null | undefined;
  const validate = () => {
    const problems: FieldError[] = [];
    const n = Number(percent.trim().replace(',', '.'));
    if (!/^\d{1,3}$/.test(percent.trim()) || n > 100) problems.push({ field: 'percent', message: t('report.percentInvalid') });
    if (!body.trim()) problems.push({ field: 'body', message: t('report.bodyRequired') });
    day = dateOrError(on, 'reported_on', problems);
    if (day && day > todayIso()) problems.push({ field: 'reported_on', message: t('report.future') });
    const big = files.find((f) => f.size > 20 * 1024 * 1024);
    if (big) problems.push({ field: 'files', message: t('files.tooBig', { name: big.name }) });
    return problems;
  };
  return (
    <ActionForm
      form={F}
      title={t('taskAction.report')}
      submitLabel={t('report.submit')}
      validate={validate}
      send={async () => {
        // Evidence first: if a file is refused, nothing is reported twice on a retry.
        for (const f of files) await api.attachments.upload('task', p.task.id, f);
        return api.tasks.report(p.task.id, { percent: Number(percent.trim()), body: body.trim(), reported_on: day ?? undefined });
      }}
      onDone={() => {
        setBody('');
        setFiles([]);
        clearOn();
        p.onDone(t('report.done', { percent: percent.trim() }));
      }}
      onCancel={p.onCancel}
    >
      <Field form={F} field="percent">
        {(id, error) => (
          <TextField id={id} label={t('report.percent')} hint={t('report.percentHint')} required value={percent} onValue={setPercent} error={error} width="short" inputMode="numeric" autoComplete="off" />
        )}
      </Field>
      <Field form={F} field="body">
        {(id, error) => <TextAreaField id={id} label={t('report.body')} hint={t('report.bodyHint')} required value={body} onValue={setBody} error={error} rows={5} />}
      </Field>
      <Field form={F} field="reported_on">
        {(id, error) => <DateField id={id} label={t('report.on')} hint={t('report.onHint')} required value={on} onValue={setOn} error={error} />}
      </Field>
      <Field form={F} field="files">
        {(id, error) => (
          <FieldShell id={id} label={t('report.files')} hint={t('report.filesHint')} error={error}>
            <input id={id} type="file" multiple class="file-input" aria-describedby={`${id}-hint`} onChange={(e) => setFiles(Array.from((e.target as HTMLInputElement).files ?? []))} />
            {files.length > 0 && <p class="muted small">{files.map((f) => f.name).join(', ')}</p>}
          </FieldShell>
        )}
      </Field>
    </ActionForm>
  );
}

// ---- Ask for an extension -----------------------------------------------------------------

export function ExtensionForm(p: FormProps) {
  const F = 'extension';
  const [date, setDate] = useDraft(`${p.task.id}:ext:date`, '');
  const [reason, setReason] = useDraft(`${p.task.id}:ext:reason`, '');
  let iso: string | null | undefined;
  const validate = () => {
    const problems: FieldError[] = [];
    iso = dateOrError(date, 'new_deadline', problems);
    if (iso && p.task.deadline && iso <= p.task.deadline)
      problems.push({ field: 'new_deadline', message: t('extension.afterCurrent', { date: formatDate(p.task.deadline) }) });
    if (!reason.trim()) problems.push({ field: 'reason', message: t('extension.reasonRequired') });
    return problems;
  };
  return (
    <ActionForm
      form={F}
      title={t('taskAction.extension')}
      intro={<p>{t('extension.intro', { date: formatDate(p.task.deadline) })}</p>}
      submitLabel={t('extension.submit')}
      validate={validate}
      send={() => api.tasks.requestExtension(p.task.id, { new_deadline: iso!, reason: reason.trim() })}
      onDone={() => {
        setDate('');
        setReason('');
        p.onDone(t('extension.done', { date: formatDate(iso) }));
      }}
      onCancel={p.onCancel}
    >
      <Field form={F} field="new_deadline">
        {(id, error) => (
          <DateField id={id} label={t('extension.newDeadline')} hint={t('extension.newDeadlineHint', { date: formatDate(p.task.deadline ? addDays(p.task.deadline, 14) : todayIso()) })} required value={date} onValue={setDate} error={error} />
        )}
      </Field>
      <Field form={F} field="reason">
        {(id, error) => <TextAreaField id={id} label={t('extension.reason')} hint={t('extension.reasonHint')} required value={reason} onValue={setReason} error={error} />}
      </Field>
    </ActionForm>
  );
}

// ---- Delegate to sub-units and officials ---------------------------------------------------

interface PartDraft {
  target: string; // "u:12" (a sub-unit) or "p:7" (an official)
  share: string;
  deadline: string;
  title: string;
}

function useDelegationTargets(task: TaskDetail, me: Me) {
  const canUsers = can(me, 'users.read');
  return useAsync(async () => {
    const today = todayIso();
    const units = await api.units.list({ as_of: today, limit: 10000 });
    const children = new Map<number, number[]>();
    for (const u of units.items) if (u.parent_id !== null) children.set(u.parent_id, [...(children.get(u.parent_id) ?? []), u.id]);
    const below = new Set<number>();
    const stack = [...(children.get(task.lead_unit_id) ?? [])];
    while (stack.length) {
      const id = stack.pop()!;
      if (below.has(id)) continue;
      below.add(id);
      stack.push(...(children.get(id) ?? []));
    }
    const subUnits = units.items.filter((u) => below.has(u.id));
    // Only the office and admins may list users (GET /users); officers pass work to sub-units.
    const people: User[] = canUsers ? (await api.users.list({ unit_id: task.lead_unit_id, limit: 200 })).items.filter((u) => u.active) : [];
    return { subUnits, people, canUsers };
  }, [task.id, task.lead_unit_id, canUsers]);
}

export function DelegateForm(p: FormProps) {
  const F = 'delegate';
  const targets = useDelegationTargets(p.task, p.me);
  const empty: PartDraft = { target: '', share: '', deadline: '', title: '' };
  const [parts, setParts] = useDraft<PartDraft[]>(`${p.task.id}:delegate`, [empty]);
  const given = p.task.parts.reduce((s, x) => s + x.share_percent, 0);
  let payload: { unit_id?: number; assignee_id?: number; share_percent: number; deadline?: string; title?: string }[] = [];

  const validate = () => {
    const problems: FieldError[] = [];
    payload = [];
    let total = given;
    parts.forEach((part, i) => {
      const f = (name: string) => `parts[${i}].${name}`;
      if (!part.target) problems.push({ field: f('target'), message: t('delegate.targetRequired') });
      const n = Number(part.share.trim());
      if (!/^\d{1,3}$/.test(part.share.trim()) || n < 1 || n > 100) problems.push({ field: f('share_percent'), message: t('delegate.shareInvalid') });
      else total += n;
      const d = part.deadline.trim() ? parseDateInput(part.deadline) : undefined;
      if (d === null) problems.push({ field: f('deadline'), message: t('form.dateInvalid') });
      else if (d && p.task.deadline && d > p.task.deadline) problems.push({ field: f('deadline'), message: t('delegate.deadlineAfter', { date: formatDate(p.task.deadline) }) });
      const [kind, id] = part.target.split(':');
      payload.push({
        ...(kind === 'u' ? { unit_id: Number(id) } : { assignee_id: Number(id) }),
        share_percent: n,
        ...(d ? { deadline: d } : {}),
        ...(part.title.trim() ? { title: part.title.trim() } : {}),
      });
    });
    if (total > 100) problems.push({ field: 'parts', message: t('delegate.over100', { given: formatInteger(given), left: formatInteger(100 - given) }) });
    return problems;
  };

  const options = [
    { value: '', label: t('form.choose') },
    ...(targets.data?.subUnits ?? []).map((u) => ({ value: `u:${u.id}`, label: t('delegate.unitOption', { name: u.name }) })),
    ...(targets.data?.people ?? []).map((u) => ({ value: `p:${u.id}`, label: t('delegate.personOption', { name: u.full_name || u.username }) })),
  ];
  const noTargets = targets.data && options.length === 1;
  if (noTargets) {
    return (
      <section class="action-form" aria-labelledby="delegate-title" id="delegate-section">
        <h2 id="delegate-title">{t('taskAction.delegate')}</h2>
        <p>{t('delegate.noTargets')}</p>
        <button type="button" class="button button--secondary" onClick={p.onCancel}>
          {t('common.close')}
        </button>
      </section>
    );
  }

  return (
    <ActionForm
      form={F}
      title={t('taskAction.delegate')}
      intro={
        <>
          <p>{t('delegate.intro')}</p>
          <p>{t('delegate.given', { given: formatInteger(given), left: formatInteger(100 - given) })}</p>
          {targets.data && !targets.data.canUsers && <p class="muted">{t('delegate.officerNote')}</p>}
        </>
      }
      submitLabel={t('delegate.submit')}
      validate={validate}
      send={() => api.tasks.delegate(p.task.id, payload)}
      onDone={() => {
        setParts([empty]);
        p.onDone(t('delegate.done', { n: formatInteger(payload.length) }));
      }}
      onCancel={p.onCancel}
    >
      <PartsBox id={fieldId(F, 'parts')}>
        {parts.map((part, i) => {
          const set = (changes: Partial<PartDraft>) => setParts(parts.map((x, j) => (j === i ? { ...x, ...changes } : x)));
          return (
            <fieldset class="fieldset fieldset--group part-row" key={i}>
              <legend>{t('delegate.partN', { n: i + 1 })}</legend>
              <Field form={F} field={`parts[${i}].target`}>
                {(id, error) => (
                  <SelectField id={id} label={t('delegate.target')} hint={t('delegate.targetHint')} required value={part.target} onValue={(v) => set({ target: v })} options={options} error={error} disabled={!targets.data} />
                )}
              </Field>
              <div class="grid-2">
                <Field form={F} field={`parts[${i}].share_percent`}>
                  {(id, error) => (
                    <TextField id={id} label={t('delegate.share')} hint={t('delegate.shareHint')} required value={part.share} onValue={(v) => set({ share: v })} error={error} width="short" inputMode="numeric" autoComplete="off" />
                  )}
                </Field>
                <Field form={F} field={`parts[${i}].deadline`}>
                  {(id, error) => (
                    <DateField id={id} label={t('delegate.deadline')} hint={t('delegate.deadlineHint', { date: formatDate(p.task.deadline) })} value={part.deadline} onValue={(v) => set({ deadline: v })} error={error} />
                  )}
                </Field>
              </div>
              <Field form={F} field={`parts[${i}].title`}>
                {(id, error) => <TextField id={id} label={t('delegate.partTitle')} hint={t('delegate.partTitleHint')} value={part.title} onValue={(v) => set({ title: v })} error={error} autoComplete="off" />}
              </Field>
              {parts.length > 1 && (
                <button type="button" class="button button--link" onClick={() => setParts(parts.filter((_, j) => j !== i))}>
                  {t('delegate.removePart', { n: i + 1 })}
                </button>
              )}
            </fieldset>
          );
        })}
      </PartsBox>
      <button type="button" class="button button--secondary" onClick={() => setParts([...parts, empty])}>
        {t('delegate.addPart')}
      </button>
    </ActionForm>
  );
}

// The parts as a whole: the server's message about them (shares over 100 %, a unit not
// under the lead unit) lands here.
function PartsBox(props: { id: string; children: preact.ComponentChildren }) {
  const error = useFieldError('parts');
  return (
    <div id={props.id} tabIndex={-1} class={error ? 'field--error parts-box' : 'parts-box'}>
      {error && (
        <p class="field-error" id={`${props.id}-error`}>
          <span class="visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </p>
      )}
      {props.children}
    </div>
  );
}

// ---- Ask a coordinating unit --------------------------------------------------------------

export function CoordinationForm(p: FormProps) {
  const F = 'coordination';
  const [choice, setChoice] = useDraft<string>(`${p.task.id}:coord:choice`, p.task.coordinators[0] ? String(p.task.coordinators[0].id) : 'other');
  const [other, setOther] = useDraft<UnitRef | null>(`${p.task.id}:coord:other`, null);
  const [body, setBody] = useDraft(`${p.task.id}:coord:body`, '');
  const [due, setDue] = useDraft(`${p.task.id}:coord:due`, '');
  let toUnit: number | undefined;
  let dueIso: string | null | undefined;
  const validate = () => {
    const problems: FieldError[] = [];
    toUnit = choice === 'other' ? other?.id : Number(choice);
    if (!toUnit) problems.push({ field: 'to_unit_id', message: t('coordination.unitRequired') });
    if (!body.trim()) problems.push({ field: 'body', message: t('coordination.bodyRequired') });
    dueIso = dateOrError(due, 'due_on', problems);
    if (dueIso && dueIso < todayIso()) problems.push({ field: 'due_on', message: t('coordination.duePast') });
    return problems;
  };
  const unitName = choice === 'other' ? other?.name : p.task.coordinators.find((c) => String(c.id) === choice)?.name;
  return (
    <ActionForm
      form={F}
      title={t('taskAction.coordination')}
      intro={<p>{t('coordination.intro')}</p>}
      submitLabel={t('coordination.submit')}
      validate={validate}
      send={() => api.tasks.requestCoordination(p.task.id, { to_unit_id: toUnit!, body: body.trim(), due_on: dueIso! })}
      onDone={() => {
        setBody('');
        setDue('');
        p.onDone(t('coordination.done', { unit: unitName ?? '' }));
      }}
      onCancel={p.onCancel}
    >
      {p.task.coordinators.length > 0 ? (
        <Field form={F} field="to_unit_id">
          {(id, error) => (
            <>
              <RadioGroup
                id={id}
                legend={t('coordination.unit')}
                required
                value={choice}
                onValue={setChoice}
                error={error}
                options={[
                  ...p.task.coordinators.map((c) => ({ value: String(c.id), label: c.name })),
                  { value: 'other', label: t('coordination.otherUnit') },
                ]}
              />
              {choice === 'other' && (
                <UnitPicker id={`${id}-other`} label={t('coordination.otherUnitLabel')} hint={t('coordination.unitHint')} asOf={todayIso()} directory value={other} onChange={setOther} exclude={[p.task.lead_unit_id]} />
              )}
            </>
          )}
        </Field>
      ) : (
        <Field form={F} field="to_unit_id">
          {(id, error) => (
            <UnitPicker id={id} label={t('coordination.unit')} hint={t('coordination.unitHint')} required asOf={todayIso()} directory value={other} onChange={(u) => { setChoice('other'); setOther(u); }} exclude={[p.task.lead_unit_id]} error={error} />
          )}
        </Field>
      )}
      <Field form={F} field="body">
        {(id, error) => <TextAreaField id={id} label={t('coordination.body')} hint={t('coordination.bodyHint')} required value={body} onValue={setBody} error={error} />}
      </Field>
      <Field form={F} field="due_on">
        {(id, error) => <DateField id={id} label={t('coordination.due')} hint={t('coordination.dueHint', { date: formatDate(addDays(todayIso(), 7)) })} required value={due} onValue={setDue} error={error} />}
      </Field>
    </ActionForm>
  );
}

// ---- Answer a coordination request addressed to my unit -----------------------------------

export function canAnswer(r: CoordinationRequest): boolean {
  return (r.allowed_actions ?? []).includes('answer');
}

export function AnswerForm(p: { request: CoordinationRequest; taskId: number; onDone: (message: string) => void; onCancel: () => void }) {
  const F = `answer-${p.request.id}`;
  const [answer, setAnswer] = useDraft(`${p.taskId}:answer:${p.request.id}`, '');
  return (
    <ActionForm
      form={F}
      title={t('answer.title', { unit: p.request.from_unit?.name ?? '' })}
      intro={
        <blockquote class="quote">
          <p>{p.request.body}</p>
          <p class="muted small">{t('answer.due', { date: formatDate(p.request.due_on) })}</p>
        </blockquote>
      }
      submitLabel={t('answer.submit')}
      validate={() => (answer.trim() ? [] : [{ field: 'answer', message: t('answer.required') }])}
      send={() => api.tasks.answerCoordination(p.request.id, answer.trim())}
      onDone={() => {
        setAnswer('');
        p.onDone(t('answer.done'));
      }}
      onCancel={p.onCancel}
    >
      <Field form={F} field="answer">
        {(id, error) => <TextAreaField id={id} label={t('answer.label')} hint={t('answer.hint')} required value={answer} onValue={setAnswer} error={error} rows={5} />}
      </Field>
    </ActionForm>
  );
}

// ---- Submit completion --------------------------------------------------------------------

export function CompletionForm(p: FormProps) {
  const F = 'completion';
  const [output, setOutput] = useDraft(`${p.task.id}:done:output`, '');
  const [on, setOn] = useDraft(`${p.task.id}:done:on`, formatDate(todayIso()));
  let day: string | null | undefined;
  const validate = () => {
    const problems: FieldError[] = [];
    if (!output.trim()) problems.push({ field: 'output_text', message: t('completion.outputRequired') });
    day = dateOrError(on, 'finished_on', problems);
    if (day && day > todayIso()) problems.push({ field: 'finished_on', message: t('completion.future') });
    return problems;
  };
  return (
    <ActionForm
      form={F}
      title={t('taskAction.completion')}
      intro={<p>{p.task.recurrence ? t('completion.introRecurring') : t('completion.intro')}</p>}
      submitLabel={t('completion.submit')}
      validate={validate}
      send={() => api.tasks.complete(p.task.id, { output_text: output.trim(), finished_on: day ?? undefined })}
      onDone={() => {
        setOutput('');
        p.onDone(p.task.recurrence ? t('completion.doneRecurring') : t('completion.done'));
      }}
      onCancel={p.onCancel}
    >
      <Field form={F} field="output_text">
        {(id, error) => <TextAreaField id={id} label={t('completion.output')} hint={t('completion.outputHint')} required value={output} onValue={setOutput} error={error} rows={5} />}
      </Field>
      <Field form={F} field="finished_on">
        {(id, error) => <DateField id={id} label={t('completion.on')} required value={on} onValue={setOn} error={error} />}
      </Field>
    </ActionForm>
  );
}

// ---- Refuse (not our remit) ---------------------------------------------------------------

export function RefusalForm(p: FormProps) {
  const F = 'refusal';
  const [reason, setReason] = useDraft(`${p.task.id}:refuse`, '');
  return (
    <ActionForm
      form={F}
      title={t('taskAction.refusal')}
      intro={<p>{t('refusal.intro')}</p>}
      submitLabel={t('refusal.submit')}
      warning
      validate={() => (reason.trim() ? [] : [{ field: 'reason', message: t('refusal.reasonRequired') }])}
      send={() => api.tasks.refuse(p.task.id, reason.trim())}
      onDone={() => {
        setReason('');
        p.onDone(t('refusal.done'));
      }}
      onCancel={p.onCancel}
    >
      <Field form={F} field="reason">
        {(id, error) => <TextAreaField id={id} label={t('refusal.reason')} hint={t('refusal.reasonHint')} required value={reason} onValue={setReason} error={error} />}
      </Field>
    </ActionForm>
  );
}

// ---- Office: decide an extension ------------------------------------------------------------

export function DecisionForm(p: FormProps) {
  const F = 'decision';
  const ext = pendingExtension(p.task)!;
  const [choice, setChoice] = useDraft(`${p.task.id}:decide:${ext.id}:choice`, '');
  const [note, setNote] = useDraft(`${p.task.id}:decide:${ext.id}:note`, '');
  const validate = () => {
    const problems: FieldError[] = [];
    if (!choice) problems.push({ field: 'approve', message: t('decision.choiceRequired') });
    if (choice === 'reject' && !note.trim()) problems.push({ field: 'note', message: t('decision.noteRequired') });
    return problems;
  };
  return (
    <ActionForm
      form={F}
      title={t('taskAction.decision')}
      intro={
        <dl class="summary-list summary-list--compact">
          <div>
            <dt>{t('decision.current')}</dt>
            <dd>{formatDate(ext.previous_deadline)}</dd>
          </div>
          <div>
            <dt>{t('decision.requested')}</dt>
            <dd>
              <strong>{formatDate(ext.requested_deadline)}</strong>
            </dd>
          </div>
          <div>
            <dt>{t('extension.reason')}</dt>
            <dd>{ext.reason}</dd>
          </div>
        </dl>
      }
      submitLabel={t('decision.submit')}
      validate={validate}
      send={() => api.tasks.decideExtension(ext.id, { approve: choice === 'approve', note: note.trim() })}
      onDone={() => p.onDone(choice === 'approve' ? t('decision.approved', { date: formatDate(ext.requested_deadline) }) : t('decision.rejected'))}
      onCancel={p.onCancel}
    >
      <Field form={F} field="approve">
        {(id, error) => (
          <RadioGroup
            id={id}
            legend={t('decision.choice')}
            required
            value={choice}
            onValue={setChoice}
            error={error}
            options={[
              { value: 'approve', label: t('decision.approve', { date: formatDate(ext.requested_deadline) }) },
              { value: 'reject', label: t('decision.reject') },
            ]}
          />
        )}
      </Field>
      <Field form={F} field="note">
        {(id, error) => <TextAreaField id={id} label={t('decision.note')} hint={t('decision.noteHint')} required={choice === 'reject'} value={note} onValue={setNote} error={error} rows={3} />}
      </Field>
    </ActionForm>
  );
}

// ---- Office: confirm a completion or return it ---------------------------------------------

export function ConfirmationForm(p: FormProps) {
  const F = 'confirmation';
  const [choice, setChoice] = useDraft(`${p.task.id}:confirm:choice`, '');
  const [reason, setReason] = useDraft(`${p.task.id}:confirm:reason`, '');
  const validate = () => {
    const problems: FieldError[] = [];
    if (!choice) problems.push({ field: 'accept', message: t('confirmation.choiceRequired') });
    if (choice === 'return' && !reason.trim()) problems.push({ field: 'reason', message: t('confirmation.reasonRequired') });
    return problems;
  };
  return (
    <ActionForm
      form={F}
      title={t('taskAction.confirmation')}
      intro={
        <dl class="summary-list summary-list--compact">
          <div>
            <dt>{t('task.finishedOn')}</dt>
            <dd>{formatDate(p.task.finished_on)}</dd>
          </div>
          <div>
            <dt>{t('task.output')}</dt>
            <dd class="pre-line">{p.task.output_text || '—'}</dd>
          </div>
        </dl>
      }
      submitLabel={t('confirmation.submit')}
      validate={validate}
      send={() => api.tasks.confirm(p.task.id, { accept: choice === 'accept', reason: reason.trim() })}
      onDone={() => p.onDone(choice === 'accept' ? t('confirmation.accepted') : t('confirmation.returned'))}
      onCancel={p.onCancel}
    >
      <Field form={F} field="accept">
        {(id, error) => (
          <RadioGroup
            id={id}
            legend={t('confirmation.choice')}
            required
            value={choice}
            onValue={setChoice}
            error={error}
            options={[
              { value: 'accept', label: t('confirmation.accept'), hint: t('confirmation.acceptHint') },
              { value: 'return', label: t('confirmation.return'), hint: t('confirmation.returnHint') },
            ]}
          />
        )}
      </Field>
      <Field form={F} field="reason">
        {(id, error) => <TextAreaField id={id} label={t('confirmation.reason')} hint={t('confirmation.reasonHint')} required={choice === 'return'} value={reason} onValue={setReason} error={error} rows={3} />}
      </Field>
    </ActionForm>
  );
}

// ---- Office: reassign to another lead unit ---------------------------------------------------

export function ReassignmentForm(p: FormProps) {
  const F = 'reassignment';
  const [unit, setUnit] = useDraft<UnitRef | null>(`${p.task.id}:reassign:unit`, null);
  const [note, setNote] = useDraft(`${p.task.id}:reassign:note`, '');
  return (
    <ActionForm
      form={F}
      title={t('taskAction.reassignment')}
      intro={<p>{t('reassignment.intro', { unit: p.task.lead_unit?.name ?? '' })}</p>}
      submitLabel={t('reassignment.submit')}
      validate={() => (unit ? [] : [{ field: 'lead_unit_id', message: t('reassignment.unitRequired') }])}
      send={() => api.tasks.reassign(p.task.id, { lead_unit_id: unit!.id, note: note.trim() })}
      onDone={() => {
        const name = unit?.name ?? '';
        setUnit(null);
        setNote('');
        p.onDone(t('reassignment.done', { unit: name }));
      }}
      onCancel={p.onCancel}
    >
      <Field form={F} field="lead_unit_id">
        {(id, error) => <UnitPicker id={id} label={t('reassignment.unit')} hint={t('reassignment.unitHint')} required asOf={todayIso()} value={unit} onChange={setUnit} exclude={[p.task.lead_unit_id]} error={error} />}
      </Field>
      <Field form={F} field="note">
        {(id, error) => <TextAreaField id={id} label={t('reassignment.note')} hint={t('reassignment.noteHint')} value={note} onValue={setNote} error={error} rows={3} />}
      </Field>
    </ActionForm>
  );
}

// ---- Office: suspend or resume --------------------------------------------------------------

export function SuspensionForm(p: FormProps) {
  const F = 'suspension';
  const suspend = p.task.state !== 'suspended';
  const [note, setNote] = useDraft(`${p.task.id}:suspend:note`, '');
  return (
    <ActionForm
      form={F}
      title={suspend ? t('taskAction.suspend') : t('taskAction.resume')}
      intro={<p>{suspend ? t('suspension.introSuspend') : t('suspension.introResume')}</p>}
      submitLabel={suspend ? t('suspension.submitSuspend') : t('suspension.submitResume')}
      warning={suspend}
      validate={() => (suspend && !note.trim() ? [{ field: 'note', message: t('suspension.noteRequired') }] : [])}
      send={() => api.tasks.suspend(p.task.id, { suspend, note: note.trim() })}
      onDone={() => {
        setNote('');
        p.onDone(suspend ? t('suspension.suspended') : t('suspension.resumed'));
      }}
      onCancel={p.onCancel}
    >
      <Field form={F} field="note">
        {(id, error) => <TextAreaField id={id} label={t('suspension.note')} hint={t('suspension.noteHint')} required={suspend} value={note} onValue={setNote} error={error} rows={3} />}
      </Field>
    </ActionForm>
  );
}

// Edit is a page of its own and comment the thread's form: no action form for them.
export const ACTION_FORMS: Partial<Record<ActionName, (p: FormProps) => preact.JSX.Element>> = {
  report: ReportForm,
  extension: ExtensionForm,
  delegate: DelegateForm,
  coordination: CoordinationForm,
  completion: CompletionForm,
  refusal: RefusalForm,
  decision: DecisionForm,
  confirmation: ConfirmationForm,
  reassignment: ReassignmentForm,
  suspension: SuspensionForm,
  cancellation: CancellationForm,  // tasksedit
  deletion: DeletionForm,
};
