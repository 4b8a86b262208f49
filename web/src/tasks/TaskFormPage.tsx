// Office: assign a task — lead unit, coordinating units, a deadline or a recurrence or
// none ("regular"), the key-task flag and optional milestones with planned shares.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Milestone, NewTask, TaskDetail, UnitRef } from '../api/types';
import { navigate, useLocation } from '../app/router';
import { errorFor, fieldId, type FieldError } from '../core/errors';
import { FormPage, useForm } from '../core/form';
import { setFlash } from '../core/flash';
import { formatDate, formatInteger, parseDateInput, todayIso } from '../core/format';
import { useDocumentTitle } from '../core/hooks';
import { DateField, Notice, RadioGroup, SelectField, TextAreaField, TextField } from '../core/ui';
import { t } from '../i18n';
import { UnitMultiPicker, UnitPicker } from '../units/UnitPicker';
import { orderGroups, useDirectives, useGroups } from './data';
import { tasksHref } from './query';
import { DeadlineWarning, LengthCounter, quarterMilestones, type MilestoneDraft } from './formHelp';
import { directiveCitation, OUTPUT_KINDS, outputKindLabel, recurrenceLabel } from './labels';

const FORM = 'task';

type DeadlineKind = 'date' | 'monthly' | 'quarterly' | 'none';
// tasksa: one lead unit, or one task for each of many units under a group followed together.
type Target = 'one' | 'ward' | 'department' | 'list';

function initialKind(task?: TaskDetail): DeadlineKind {
  if (task?.recurrence?.startsWith('monthly')) return 'monthly';
  if (task?.recurrence?.startsWith('quarterly')) return 'quarterly';
  return task && !task.deadline ? 'none' : 'date';
}

// `existing`: the form edits that task (tasksedit): the lead unit changes by reassignment and
// the deadline by extension, so both are shown, not edited. `copy`: a new task that starts
// from that one's fields.
export function TaskCreatePage(props: { existing?: TaskDetail; copy?: TaskDetail } = {}) {
  const editing = props.existing;
  const from = props.existing ?? props.copy;
  useDocumentTitle(editing ? t('taskEdit.title') : t('taskForm.title'));
  const loc = useLocation();
  const [directiveId, setDirectiveId] = useState(from?.directive_id ? String(from.directive_id) : loc.query.get('directive_id') ?? '');
  const [groupId, setGroupId] = useState(from?.group_id ? String(from.group_id) : loc.query.get('group_id') ?? '');
  const [title, setTitle] = useState(from?.title ?? '');
  const [description, setDescription] = useState(from?.description ?? '');
  const [lead, setLead] = useState<UnitRef | null>(from?.lead_unit ?? null);
  const [coordinators, setCoordinators] = useState<UnitRef[]>(from?.coordinators ?? []);
  const [outputKind, setOutputKind] = useState(from?.output_kind ?? 'report');
  const [deadlineKind, setDeadlineKind] = useState<DeadlineKind>(initialKind(from));
  const [deadline, setDeadline] = useState(from?.deadline ? formatDate(from.deadline) : '');
  const [target, setTarget] = useState<Target>('one');
  const [many, setMany] = useState<UnitRef[]>([]);
  const [heading, setHeading] = useState('');
  // Shown as today (or the task's); sent only when the user changes it, else the server's
  // default decides (today, or the deadline when it has already passed).
  const [startShown] = useState(formatDate(editing?.start_on ?? todayIso()));
  const [startOn, setStartOn] = useState(startShown);
  const [day, setDay] = useState(from?.recurrence ? from.recurrence.split(':')[1] ?? '' : '');
  const [isKey, setIsKey] = useState(from?.is_key ?? false);
  const [milestones, setMilestones] = useState<MilestoneDraft[]>(
    (from?.milestones ?? []).map((m) => ({ label: m.label, due: formatDate(m.due_on), planned: String(m.planned_percent) })),
  );
  // Which submit button sent the form: "save and add another" stays on the form.
  const another = useRef(false);
  const [savedNote, setSavedNote] = useState<string | null>(null);
  const [quartersNone, setQuartersNone] = useState(false);
  const form = useForm(FORM);
  const errors = form.errors;

  const directives = useDirectives();
  const groups = useGroups(Number(directiveId) || undefined);
  useEffect(() => {
    if (groupId && groups.data && !groups.data.some((g) => String(g.id) === groupId)) setGroupId('');
  }, [groups.data]);

  // The checks build the request too; save sends what they built.
  let body: NewTask | null = null;
  const check = (problems: FieldError[]) => {
    if (!title.trim()) problems.push({ field: 'title', message: t('taskForm.titleRequired') });
    if (!lead && !editing && target === 'one') problems.push({ field: 'lead_unit_id', message: t('taskForm.leadRequired') });
    if (!editing && target !== 'one' && !directiveId) problems.push({ field: 'directive_id', message: t('assignMany.directiveRequired') });
    if (!editing && target === 'list' && !many.length) problems.push({ field: 'unit_ids', message: t('assignMany.unitsRequired') });
    if (lead && coordinators.some((c) => c.id === lead.id)) problems.push({ field: 'coordinator_ids', message: t('taskForm.coordinatorIsLead') });
    let deadlineIso: string | null = null;
    if (deadlineKind === 'date' && !editing) {
      deadlineIso = parseDateInput(deadline);
      if (!deadlineIso) problems.push({ field: 'deadline', message: t('taskForm.deadlineInvalid') });
    }
    const due = editing ? editing.deadline : deadlineIso;
    const changed = startOn.trim() !== startShown;
    const startIso = changed ? parseDateInput(startOn) : null;
    if (changed && !startIso) problems.push({ field: 'start_on', message: t('taskStart.invalid') });
    else if (startIso && due && startIso > due)
      problems.push({ field: 'start_on', message: t('taskStart.afterDeadline', { start: formatDate(startIso), deadline: formatDate(due) }) });
    const n = Number(day.trim());
    if (!editing && (deadlineKind === 'monthly' || deadlineKind === 'quarterly') && (!/^\d{1,2}$/.test(day.trim()) || n < 1 || n > 31))
      problems.push({ field: 'recurrence', message: t('taskForm.dayInvalid') });
    const ms: Milestone[] = [];
    milestones.forEach((m, i) => {
      const f = (name: string) => `milestones[${i}].${name}`;
      if (!m.label.trim()) problems.push({ field: f('label'), message: t('taskForm.milestoneLabelRequired') });
      const due = parseDateInput(m.due);
      if (!due) problems.push({ field: f('due_on'), message: t('form.dateInvalid') });
      const p = Number(m.planned.trim());
      if (!/^\d{1,3}$/.test(m.planned.trim()) || p > 100) problems.push({ field: f('planned_percent'), message: t('taskForm.plannedInvalid') });
      if (due) ms.push({ label: m.label.trim(), due_on: due, planned_percent: p });
    });
    if (problems.length) return;
    body = {
      title: title.trim(),
      description: description.trim() || undefined,
      ...(lead && target === 'one' ? { lead_unit_id: lead.id } : {}),
      coordinator_ids: coordinators.map((c) => c.id),
      output_kind: outputKind,
      is_key: isKey,
      ...(directiveId ? { directive_id: Number(directiveId) } : {}),
      ...(groupId ? { group_id: Number(groupId) } : {}),
      ...(deadlineIso ? { deadline: deadlineIso } : {}),
      ...(startIso ? { start_on: startIso } : {}),
      ...(deadlineKind === 'monthly' || deadlineKind === 'quarterly' ? { recurrence: `${deadlineKind}:${n}` } : {}),
      ...(ms.length ? { milestones: ms } : {}),
    };
  };
  const save = async () => {
    if (editing) {
      const { lead_unit_id: _lead, deadline: _deadline, recurrence: _recurrence, directive_id: _directive, ...changes } = body!;
      await api.tasks.update(editing.id, { ...changes, milestones: changes.milestones ?? [] });
      setFlash(t('taskEdit.saved'));
      navigate(`/tasks/${editing.id}`);
      return;
    }
    if (target !== 'one') return saveMany(body!);
    const created = await api.tasks.create(body!);
    if (another.current) {
      // Save and add another: the directive, group, deadline and output stay for the next one.
      setSavedNote(t('taskForm.createdAnother', { title: created.title, unit: lead!.name }));
      setTitle('');
      setDescription('');
      setLead(null);
      setCoordinators([]);
      setMilestones([]);
      window.scrollTo(0, 0);
      document.getElementById('page-title')?.focus();
      return;
    }
    setFlash(t('taskForm.created', { unit: lead!.name }));
    navigate(`/tasks/${created.id}`);
  };

  // tasksa: one task per unit; the group that follows them is where the office lands.
  const saveMany = async (task: NewTask) => {
    const made = await api.tasks.assignMany({
      task,
      ...(target === 'ward' || target === 'department' ? { unit_kind: target } : { unit_ids: many.map((u) => u.id) }),
      ...(heading.trim() ? { heading: heading.trim() } : {}),
    });
    setFlash(t('assignMany.created', { n: formatInteger(made.created), title: made.group.title }));
    navigate(tasksHref({ directive_id: made.group.directive_id, group_id: made.group.id }));
  };

  const back = editing ? `/tasks/${editing.id}` : directiveId ? `/directives/${directiveId}` : '/tasks';
  const onSubmit = (e: Event) => {
    another.current = (e as SubmitEvent).submitter?.getAttribute('name') === 'another';
    setSavedNote(null);
    return form.submit(check, save)(e);
  };
  return (
    <FormPage
      title={editing ? t('taskEdit.title') : t('taskForm.title')}
      lead={editing ? t('taskEdit.lead') : t('taskForm.lead')}
      intro={savedNote ? <Notice tone="success">{savedNote}</Notice> : undefined}
      state={form}
      onSubmit={onSubmit}
      submitLabel={editing ? t('taskEdit.submit') : t('taskForm.submit')}
      moreActions={editing ? undefined : (
        <button type="submit" name="another" class="button button--secondary" disabled={form.busy}>
          {t('taskForm.submitAnother')}
        </button>
      )}
      cancelHref={back}
    >
      {!editing && <SelectField
        {...form.field('directive_id')}
        label={t('task.directive')}
        hint={t('taskForm.directiveHint')}
        value={directiveId}
        onValue={(v) => {
          setDirectiveId(v);
          setGroupId('');
        }}
        options={[{ value: '', label: t('taskForm.noDirective') }, ...(directives.data ?? []).map((d) => ({ value: String(d.id), label: `${directiveCitation(d)} — ${d.title.slice(0, 80)}` }))]}
      />}
      {directiveId && (
        <SelectField
          {...form.field('group_id')}
          label={t('task.group')}
          value={groupId}
          onValue={setGroupId}
          options={[{ value: '', label: t('taskForm.noGroup') }, ...orderGroups(groups.data ?? []).map((g) => ({ value: String(g.group.id), label: `${'\u2003'.repeat(g.depth)}${g.number}. ${g.group.title}` }))]}
        />
      )}
      <TextField
        {...form.field('title')}
        label={t('taskForm.taskTitle')}
        hint={<>{t('taskForm.titleHint')} <LengthCounter value={title} max={1000} /></>}
        required
        value={title}
        onValue={setTitle}
        autoComplete="off"
      />
      <TextAreaField
        {...form.field('description')}
        label={t('task.description')}
        hint={<>{t('taskForm.descriptionHint')} <LengthCounter value={description} max={20000} /></>}
        value={description}
        onValue={setDescription}
      />
      {!editing && (
        <RadioGroup
          {...form.field('unit_kind')}
          error={errorFor(errors, 'unit_kind') ?? (target !== 'list' ? errorFor(errors, 'unit_ids') : undefined)}
          legend={t('assignMany.legend')}
          required
          value={target}
          onValue={(v) => setTarget(v as Target)}
          options={[
            { value: 'one', label: t('assignMany.one') },
            { value: 'ward', label: t('assignMany.ward'), hint: t('assignMany.wardHint') },
            { value: 'department', label: t('assignMany.department'), hint: t('assignMany.departmentHint') },
            { value: 'list', label: t('assignMany.list'), hint: t('assignMany.listHint') },
          ]}
        />
      )}
      {editing ? (
        <FixedField label={t('task.lead')} hint={t('taskEdit.leadFixed')} value={editing.lead_unit?.name ?? ''} />
      ) : target === 'one' ? (
        <UnitPicker {...form.field('lead_unit_id')} label={t('task.lead')} hint={t('taskForm.leadHint')} required asOf={todayIso()} value={lead} onChange={setLead} />
      ) : target === 'list' ? (
        <UnitMultiPicker {...form.field('unit_ids')} label={t('assignMany.units')} hint={t('assignMany.unitsHint')} required asOf={todayIso()} value={many} onChange={setMany} />
      ) : null}
      {!editing && target !== 'one' && (
        <TextField {...form.field('heading')} label={t('assignMany.heading')} hint={t('assignMany.headingHint')} value={heading} onValue={setHeading} autoComplete="off" />
      )}
      <UnitMultiPicker {...form.field('coordinator_ids')} label={t('task.coordinators')} hint={t('taskForm.coordinatorsHint')} asOf={todayIso()} value={coordinators} onChange={setCoordinators} exclude={lead ? [lead.id] : []} />
      <SelectField {...form.field('output_kind')} label={t('task.outputKind')} hint={t('taskForm.outputHint')} value={outputKind} onValue={setOutputKind} options={OUTPUT_KINDS.map((k) => ({ value: k, label: outputKindLabel(k) }))} />
      <DateField {...form.field('start_on')} label={t('taskStart.label')} hint={t('taskStart.hint')} required value={startOn} onValue={setStartOn} />
      {editing && (
        <FixedField
          label={t('task.deadline')}
          hint={t('taskEdit.deadlineFixed')}
          value={editing.deadline ? formatDate(editing.deadline) + (editing.recurrence ? ` — ${recurrenceLabel(editing.recurrence)}` : '') : t('taskEdit.noDeadline')}
        />
      )}
      {!editing && <RadioGroup
        id={fieldId(FORM, 'deadline_kind')}
        legend={t('taskForm.deadlineKind')}
        required
        value={deadlineKind}
        onValue={(v) => setDeadlineKind(v as DeadlineKind)}
        options={[
          { value: 'date', label: t('taskForm.kindDate') },
          { value: 'monthly', label: t('taskForm.kindMonthly'), hint: t('taskForm.kindMonthlyHint') },
          { value: 'quarterly', label: t('taskForm.kindQuarterly'), hint: t('taskForm.kindQuarterlyHint') },
          { value: 'none', label: t('taskForm.kindNone'), hint: t('taskForm.kindNoneHint') },
        ]}
      />}
      {deadlineKind === 'date' && !editing && (
        <>
          <DateField {...form.field('deadline')} label={t('taskForm.deadlineDate')} hint={t('taskForm.deadlineHint')} required value={deadline} onValue={setDeadline} />
          <DeadlineWarning id={form.field('deadline').id} text={deadline} />
        </>
      )}
      {(deadlineKind === 'monthly' || deadlineKind === 'quarterly') && !editing && (
        <TextField
          {...form.field('recurrence')}
          label={deadlineKind === 'monthly' ? t('taskForm.dayMonthly') : t('taskForm.dayQuarterly')}
          hint={t('taskForm.dayHint')}
          required
          value={day}
          onValue={setDay}
          width="short"
          inputMode="numeric"
          autoComplete="off"
        />
      )}
      <div class="field field--checkbox">
        <input id={fieldId(FORM, 'is_key')} type="checkbox" checked={isKey} onChange={(e) => setIsKey((e.target as HTMLInputElement).checked)} />
        <label for={fieldId(FORM, 'is_key')}>{t('taskForm.isKey')}</label>
        <p class="hint">{t('taskForm.isKeyHint')}</p>
      </div>
      <fieldset class="fieldset" id={fieldId(FORM, 'milestones')} tabIndex={-1}>
        <legend>{t('task.milestones')}</legend>
        <p class="hint">{t('taskForm.milestonesHint')}</p>
        {errorFor(errors, 'milestones') && <p class="field-error">{errorFor(errors, 'milestones')}</p>}
        {milestones.map((m, i) => {
          const set = (c: Partial<MilestoneDraft>) => setMilestones(milestones.map((x, j) => (j === i ? { ...x, ...c } : x)));
          const f = (name: string) => `milestones[${i}].${name}`;
          return (
            <div class="milestone-row" key={i}>
              <TextField {...form.field(f('label'))} label={t('milestone.label')} value={m.label} onValue={(v) => set({ label: v })} width="short" autoComplete="off" />
              <DateField {...form.field(f('due_on'))} label={t('milestone.due')} hint="" value={m.due} onValue={(v) => set({ due: v })} />
              <TextField {...form.field(f('planned_percent'))} label={t('milestone.planned')} value={m.planned} onValue={(v) => set({ planned: v })} width="short" inputMode="numeric" autoComplete="off" />
              <button type="button" class="button button--link milestone-remove" onClick={() => setMilestones(milestones.filter((_, j) => j !== i))}>
                {t('taskForm.removeMilestone')}
                <span class="visually-hidden"> {m.label}</span>
              </button>
            </div>
          );
        })}
        <div class="actions-row">
          <button type="button" class="button button--secondary" onClick={() => setMilestones([...milestones, { label: '', due: '', planned: '' }])}>
            {t('taskForm.addMilestone')}
          </button>
          {milestones.length === 0 && (
            <button type="button" class="button button--secondary" onClick={() => {
              const quarters = quarterMilestones(deadlineKind === 'date' ? parseDateInput(deadline) : null);
              setQuartersNone(quarters.length === 0);
              setMilestones(quarters);
            }}>
              {t('taskForm.addQuarters')}
            </button>
          )}
        </div>
        {quartersNone && milestones.length === 0 && <p class="hint">{t('tasks9.quartersNone')}</p>}
      </fieldset>
    </FormPage>
  );
}

// A field the edit form shows but does not change, with where it is changed.
function FixedField(props: { label: string; hint: string; value: string }) {
  return (
    <div class="field field--fixed">
      <p class="label">{props.label}</p>
      <p class="fixed-value">{props.value}</p>
      <p class="hint">{props.hint}</p>
    </div>
  );
}
