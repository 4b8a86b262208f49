// Office: assign a task — lead unit, coordinating units, a deadline or a recurrence or
// none ("regular"), the key-task flag and optional milestones with planned shares.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Milestone, NewTask, UnitRef } from '../api/types';
import { navigate, useLocation } from '../app/router';
import { errorFor, fieldId, type FieldError } from '../core/errors';
import { FormPage, useForm } from '../core/form';
import { setFlash } from '../core/flash';
import { parseDateInput, todayIso } from '../core/format';
import { useDocumentTitle } from '../core/hooks';
import { DateField, RadioGroup, SelectField, TextAreaField, TextField } from '../core/ui';
import { t } from '../i18n';
import { UnitMultiPicker, UnitPicker } from '../units/UnitPicker';
import { orderGroups, useDirectives, useGroups } from './data';
import { DeadlineWarning, LengthCounter, quarterMilestones, type MilestoneDraft } from './formHelp';
import { directiveCitation, OUTPUT_KINDS, outputKindLabel } from './labels';

const FORM = 'task';

type DeadlineKind = 'date' | 'monthly' | 'quarterly' | 'none';

export function TaskCreatePage() {
  useDocumentTitle(t('taskForm.title'));
  const loc = useLocation();
  const [directiveId, setDirectiveId] = useState(loc.query.get('directive_id') ?? '');
  const [groupId, setGroupId] = useState(loc.query.get('group_id') ?? '');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [lead, setLead] = useState<UnitRef | null>(null);
  const [coordinators, setCoordinators] = useState<UnitRef[]>([]);
  const [outputKind, setOutputKind] = useState('report');
  const [deadlineKind, setDeadlineKind] = useState<DeadlineKind>('date');
  const [deadline, setDeadline] = useState('');
  const [day, setDay] = useState('');
  const [isKey, setIsKey] = useState(false);
  const [milestones, setMilestones] = useState<MilestoneDraft[]>([]);
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
    if (!lead) problems.push({ field: 'lead_unit_id', message: t('taskForm.leadRequired') });
    if (lead && coordinators.some((c) => c.id === lead.id)) problems.push({ field: 'coordinator_ids', message: t('taskForm.coordinatorIsLead') });
    let deadlineIso: string | null = null;
    if (deadlineKind === 'date') {
      deadlineIso = parseDateInput(deadline);
      if (!deadlineIso) problems.push({ field: 'deadline', message: t('taskForm.deadlineInvalid') });
    }
    const n = Number(day.trim());
    if ((deadlineKind === 'monthly' || deadlineKind === 'quarterly') && (!/^\d{1,2}$/.test(day.trim()) || n < 1 || n > 31))
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
      lead_unit_id: lead!.id,
      coordinator_ids: coordinators.map((c) => c.id),
      output_kind: outputKind,
      is_key: isKey,
      ...(directiveId ? { directive_id: Number(directiveId) } : {}),
      ...(groupId ? { group_id: Number(groupId) } : {}),
      ...(deadlineIso ? { deadline: deadlineIso } : {}),
      ...(deadlineKind === 'monthly' || deadlineKind === 'quarterly' ? { recurrence: `${deadlineKind}:${n}` } : {}),
      ...(ms.length ? { milestones: ms } : {}),
    };
  };
  const save = async () => {
    const created = await api.tasks.create(body!);
    setFlash(t('taskForm.created', { unit: lead!.name }));
    navigate(`/tasks/${created.id}`);
  };

  const back = directiveId ? `/directives/${directiveId}` : '/tasks';
  return (
    <FormPage title={t('taskForm.title')} lead={t('taskForm.lead')} state={form} onSubmit={form.submit(check, save)} submitLabel={t('taskForm.submit')} cancelHref={back}>
      <SelectField
        {...form.field('directive_id')}
        label={t('task.directive')}
        hint={t('taskForm.directiveHint')}
        value={directiveId}
        onValue={(v) => {
          setDirectiveId(v);
          setGroupId('');
        }}
        options={[{ value: '', label: t('taskForm.noDirective') }, ...(directives.data ?? []).map((d) => ({ value: String(d.id), label: `${directiveCitation(d)} — ${d.title.slice(0, 80)}` }))]}
      />
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
      <UnitPicker {...form.field('lead_unit_id')} label={t('task.lead')} hint={t('taskForm.leadHint')} required asOf={todayIso()} value={lead} onChange={setLead} />
      <UnitMultiPicker {...form.field('coordinator_ids')} label={t('task.coordinators')} hint={t('taskForm.coordinatorsHint')} asOf={todayIso()} value={coordinators} onChange={setCoordinators} exclude={lead ? [lead.id] : []} />
      <SelectField {...form.field('output_kind')} label={t('task.outputKind')} hint={t('taskForm.outputHint')} value={outputKind} onValue={setOutputKind} options={OUTPUT_KINDS.map((k) => ({ value: k, label: outputKindLabel(k) }))} />
      <RadioGroup
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
      />
      {deadlineKind === 'date' && (
        <>
          <DateField {...form.field('deadline')} label={t('taskForm.deadlineDate')} hint={t('taskForm.deadlineHint')} required value={deadline} onValue={setDeadline} />
          <DeadlineWarning id={form.field('deadline').id} text={deadline} />
        </>
      )}
      {(deadlineKind === 'monthly' || deadlineKind === 'quarterly') && (
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
