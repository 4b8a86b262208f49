// Nhiệm vụ: the server-paginated task list, its filters in the URL, quick views, the
// Excel export of exactly what is shown.
import { useState } from 'preact/hooks';
import { taskExportUrl } from '../api/client';
import { TASK_STATES, TIMELINESS, type Task } from '../api/types';
import { Link, useLocation } from '../app/router';
import { useCan, useSession } from '../auth/session';
import { errorFor, fieldId, type FieldError } from '../core/errors';
import { formatDate, formatInteger, parseDateInput, todayIso } from '../core/format';
import { CheckboxField, FilterForm, flag, ListPage, numberColumn, SearchField, useDraft, useListQuery, type Column } from '../core/list';
import { DateField, ErrorSummary, SelectField } from '../core/ui';
import { t } from '../i18n';
import { UnitPicker, useUnitRef } from '../units/UnitPicker';
import { useDirectives, useGroups, orderGroups } from './data';
import { directiveCitation, stateLabel, timelinessLabel } from './labels';
import { DeadlineCell, Progress, StateTag, TimelinessTag } from './parts';
import { filtersFrom, listTasks, tasksHref, useMyUnit, useWorkingWeekEnd } from './query';
import { AsOfNote } from './AsOfNote';
import { PrintButton, SavedFilters } from '../core/listTools';

const FORM = 'tasks';

function TitleCell(props: { task: Task }) {
  const task = props.task;
  return (
    <div>
      <Link href={`/tasks/${task.id}`} class="task-title">
        {task.title}
      </Link>
      {(task.is_key || task.parent_task_id !== null || task.extension_pending) && (
        <span class="task-flags">
          {task.is_key && <span class="tag tag--info">{t('task.key')}</span>}
          {task.extension_pending && <span class="tag tag--amber">{t('task.extensionPending')}</span>}
          {task.parent_task_id !== null && (
            <span class="tag tag--grey" title={t('task.partOfHint')}>
              {t('task.part', { share: formatInteger(task.share_percent) })}
            </span>
          )}
        </span>
      )}
    </div>
  );
}

function taskColumns(): Column<Task>[] {
  return [
    numberColumn(t('task.no')),
    { label: t('task.title'), class: 'task-title-cell', sort: 'title', cell: (task) => <TitleCell task={task} /> },
    {
      label: t('task.lead'),
      sort: 'lead',
      cell: (task) => (task.lead_unit ? <Link href={tasksHref({ unit_id: task.lead_unit.id })}>{task.lead_unit.name}</Link> : `#${task.lead_unit_id}`),
    },
    {
      label: t('task.coordinators'),
      sort: 'coordinators',
      cell: (task) =>
        task.coordinators.length ? (
          <ul class="plain-list">
            {task.coordinators.map((u) => (
              <li key={u.id}>{u.name}</li>
            ))}
          </ul>
        ) : (
          <span class="muted">—</span>
        ),
    },
    { label: t('task.deadline'), sort: 'deadline', cell: (task) => <DeadlineCell task={task} /> },
    { label: t('task.progress'), sort: 'progress', cell: (task) => <Progress percent={task.progress_percent} /> },
    { label: t('task.timeliness'), sort: 'timeliness', cell: (task) => <TimelinessTag task={task} /> },
    { label: t('task.state'), sort: 'state', cell: (task) => <StateTag value={task.state} /> },
  ];
}

function QuickViews(props: { current: string }) {
  const { me } = useSession();
  const mine = useMyUnit(me);
  const overdueMine = tasksHref({ unit_id: mine?.narrow ? mine.id : undefined, timeliness: 'overdue' });
  const views = [
    { href: overdueMine, label: mine?.narrow ? t('tasks.quickOverdueMine') : t('tasks.quickOverdueAll') },
    { href: tasksHref({ view: 'week' }), label: t('tasks.quickWeek') },
    { href: tasksHref({ assignee_id: me.id }), label: t('tasks.quickAssignedToMe') },
    { href: tasksHref({ state: 'awaiting_confirmation' }), label: t('tasks.quickAwaiting') },
    { href: tasksHref({ extension_pending: true }), label: t('tasks.quickExtensions') },
    { href: tasksHref({ is_key: true, top_level: true }), label: t('tasks.quickKey') },
  ];
  return (
    <nav class="quick-views" aria-label={t('tasks.quickLabel')}>
      <span class="quick-views-label">{t('tasks.quickLabel')}:</span>
      <ul>
        {views.map((v) => (
          <li key={v.href}>
            <Link href={v.href} class="quick-view" aria-current={props.current === v.href ? 'page' : undefined}>
              {v.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function EmptyTasks(props: { filtered: boolean; canManage: boolean }) {
  if (props.filtered) {
    return (
      <>
        {t('tasks.emptyFiltered')} <Link href="/tasks">{t('common.clearFilters')}</Link>
      </>
    );
  }
  return (
    <>
      {t('tasks.empty')}{' '}
      {props.canManage && (
        <>
          <Link href="/tasks/new">{t('tasks.add')}</Link> · <Link href="/tasks/import">{t('tasks.import')}</Link>
        </>
      )}
    </>
  );
}

export function TasksPage() {
  const loc = useLocation();
  const canManage = useCan('tasks.manage');
  const list = useListQuery({ limit: 50, filters: filtersFrom, load: listTasks });
  const filters = list.filters;

  const [qText, setQText] = useDraft(filters.q ?? '');
  const [dueText, setDueText] = useDraft(filters.due_before ? formatDate(filters.due_before) : '');
  const [unit, setUnit] = useUnitRef(filters.unit_id ?? filters.lead_unit_id);
  const [errors, setErrors] = useState<FieldError[]>([]);
  // On a phone the filters fold behind a button so the list comes first.
  const [showFilters, setShowFilters] = useState<boolean | null>(null);
  // A board's number by unit counts the tasks the unit leads: its list keeps to them.
  const leadOnly = !!filters.lead_unit_id;

  const directives = useDirectives();
  const groups = useGroups(filters.directive_id);

  const apply = () => {
    const due = dueText.trim() ? parseDateInput(dueText) : '';
    if (due === null) {
      setErrors([{ field: 'due_before', message: t('form.dateInvalid') }]);
      return;
    }
    setErrors([]);
    list.setFilters({ q: qText.trim() || null, due_before: due || null });
  };
  const set = list.setFilters;
  const filtered = [...loc.query.keys()].some((k) => k !== 'offset' && k !== 'as_of');
  const filtersOpen = showFilters ?? filtered;
  const current = tasksHref(Object.fromEntries([...loc.query.entries()].filter(([k]) => k !== 'offset' && k !== 'as_of')));
  const addHref = filters.directive_id
    ? `/tasks/new?directive_id=${filters.directive_id}${filters.group_id ? `&group_id=${filters.group_id}` : ''}`
    : '/tasks/new';
  const weekEnd = useWorkingWeekEnd(filters.as_of);
  const exportHref = taskExportUrl(filters.view === 'week' ? { ...filters, due_before: filters.due_before ?? weekEnd ?? undefined } : filters);

  return (
    <ListPage
      title={filters.view === 'week' ? t('tasks.weekTitle', { date: weekEnd ? formatDate(weekEnd) : '…' }) : t('tasks.title')}
      documentTitle={t('tasks.title')}
      lead={t('tasks.lead', { date: formatDate(todayIso()) })}
      actions={
        <>
          {canManage && (
            <Link class="button" href={addHref}>
              {t('tasks.add')}
            </Link>
          )}
          {canManage && (
            <Link class="button button--secondary" href={filters.directive_id ? `/tasks/import?directive_id=${filters.directive_id}` : '/tasks/import'}>
              {t('tasks.import')}
            </Link>
          )}
          <a class="button button--secondary" href={exportHref} download>
            {t('tasks.export')}
          </a>
          <Link class="button button--secondary" href="/tasks/boards">
            {t('tasks.boards')}
          </Link>
          <PrintButton />
        </>
      }
      intro={
        <>
          <AsOfNote />
          <QuickViews current={current} />
          <ErrorSummary form={FORM} errors={[...errors, ...list.loadErrors]} />
          <button type="button" class="button button--secondary filters-toggle" aria-expanded={filtersOpen} aria-controls="tasks-filters" onClick={() => setShowFilters(!filtersOpen)}>
            {filtersOpen ? t('tasks.hideFilters') : t('tasks.showFilters')}
          </button>
        </>
      }
      filters={
        <>
        <FilterForm id="tasks-filters" class={`task-filters${filtersOpen ? '' : ' filters--folded'}`} onSubmit={apply}>
          <SearchField id="tasks-q" label={t('tasks.search')} hint={t('tasks.searchHint')} value={qText} onValue={setQText} width="medium" />
          <UnitPicker
            id={fieldId(FORM, 'unit_id')}
            label={t('tasks.unit')}
            hint={t(leadOnly ? 'tasks.unitHintLead' : 'tasks.unitHint')}
            asOf={todayIso()}
            value={unit}
            onChange={(u) => {
              setUnit(u);
              set(leadOnly ? { lead_unit_id: u?.id ?? null, unit_id: null } : { unit_id: u?.id ?? null, lead_unit_id: null });
            }}
          />
          <SelectField
            id={fieldId(FORM, 'directive_id')}
            label={t('tasks.directive')}
            value={filters.directive_id ? String(filters.directive_id) : ''}
            onValue={(v) => set({ directive_id: v || null, group_id: null })}
            options={[
              { value: '', label: t('tasks.allDirectives') },
              ...(directives.data ?? []).map((d) => ({ value: String(d.id), label: directiveCitation(d) })),
              ...(filters.directive_id && !directives.data?.some((d) => d.id === filters.directive_id)
                ? [{ value: String(filters.directive_id), label: `#${filters.directive_id}` }]
                : []),
            ]}
          />
          {filters.directive_id && (groups.data?.length ?? 0) > 0 && (
            <SelectField
              id={fieldId(FORM, 'group_id')}
              label={t('tasks.group')}
              value={filters.group_id ? String(filters.group_id) : ''}
              onValue={(v) => set({ group_id: v || null })}
              options={[
                { value: '', label: t('tasks.allGroups') },
                ...orderGroups(groups.data ?? []).map((n) => ({ value: String(n.group.id), label: `${n.number}. ${n.group.title}` })),
              ]}
            />
          )}
          {filters.view !== 'week' && (
            <SelectField
              id={fieldId(FORM, 'timeliness')}
              label={t('task.timeliness')}
              value={filters.timeliness ?? ''}
              onValue={(v) => set({ timeliness: v || null })}
              options={[{ value: '', label: t('tasks.allTimeliness') }, ...TIMELINESS.map((v) => ({ value: v, label: timelinessLabel(v) }))]}
            />
          )}
          <SelectField
            id={fieldId(FORM, 'state')}
            label={t('task.state')}
            value={filters.state ?? ''}
            onValue={(v) => set({ state: v || null })}
            options={[{ value: '', label: t('tasks.allStates') }, ...TASK_STATES.map((v) => ({ value: v, label: stateLabel(v) }))]}
          />
          <DateField
            id={fieldId(FORM, 'due_before')}
            label={t('tasks.dueBefore')}
            hint={t('tasks.dueBeforeHint')}
            value={dueText}
            onValue={setDueText}
            error={errorFor(errors, 'due_before')}
          />
          {unit && (
            <CheckboxField
              id="tasks-lead_only"
              label={t('tasks.leadOnly')}
              checked={leadOnly}
              onCheck={(c) => set(c ? { lead_unit_id: unit.id, unit_id: null } : { unit_id: unit.id, lead_unit_id: null })}
            />
          )}
          <CheckboxField id="tasks-is_key" label={t('tasks.keyOnly')} checked={!!filters.is_key} onCheck={(c) => set({ is_key: flag(c) })} />
          <CheckboxField id="tasks-extension_pending" label={t('tasks.extensionPendingOnly')} checked={!!filters.extension_pending} onCheck={(c) => set({ extension_pending: flag(c) })} />
          <CheckboxField id="tasks-top_level" label={t('tasks.topLevelOnly')} checked={!!filters.top_level} onCheck={(c) => set({ top_level: flag(c) })} />
          <div class="field field--submit">
            <button type="submit" class="button button--secondary">
              {t('common.filter')}
            </button>
          </div>
          {filtered && (
            <div class="field field--submit">
              <Link href="/tasks" class="clear-filters">
                {t('common.clearFilters')}
              </Link>
            </div>
          )}
        </FilterForm>
        <SavedFilters list="tasks" />
        </>
      }
      list={list}
      errorsInSummary
      empty={<EmptyTasks filtered={filtered} canManage={canManage} />}
      count={(n) => t('tasks.count', { n: formatInteger(n) })}
      columns={taskColumns()}
      caption={t('tasks.title')}
      tableClass="task-table"
    />
  );
}
