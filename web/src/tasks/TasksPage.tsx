// Nhiệm vụ: the server-paginated task list, its filters in the URL, quick views, the
// Excel export of exactly what is shown.
import { useEffect, useState } from 'preact/hooks';
import { api, taskExportUrl } from '../api/client';
import { TASK_STATES, TIMELINESS, type Task, type UnitRef } from '../api/types';
import { Link, setQuery, useLocation } from '../app/router';
import { useCan, useSession } from '../auth/session';
import { errorFor, fieldId, toFieldErrors, type FieldError } from '../core/errors';
import { Flash } from '../core/Flash';
import { formatDate, formatInteger, parseDateInput, todayIso } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { DateField, Empty, ErrorBox, ErrorSummary, Loading, PageHeader, Pager, SelectField } from '../core/ui';
import { t } from '../i18n';
import { UnitPicker } from '../units/UnitPicker';
import { useDirectives, useGroups, orderGroups } from './data';
import { directiveCitation, stateLabel, timelinessLabel } from './labels';
import { DeadlineCell, Progress, StateTag, TimelinessTag } from './parts';
import { endOfWeek, filtersFrom, listTasks, tasksHref, useMyUnit } from './query';
import { AsOfNote } from './AsOfNote';

const LIMIT = 50;
const FORM = 'tasks';

export function TaskRow(props: { task: Task; index: number; showUnit?: boolean }) {
  const task = props.task;
  return (
    <tr>
      <td data-label={t('task.no')} class="num">
        {formatInteger(props.index)}
      </td>
      <td data-label={t('task.title')} class="task-title-cell">
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
      </td>
      <td data-label={t('task.lead')}>
        {task.lead_unit ? <Link href={tasksHref({ unit_id: task.lead_unit.id })}>{task.lead_unit.name}</Link> : `#${task.lead_unit_id}`}
      </td>
      <td data-label={t('task.coordinators')}>
        {task.coordinators.length ? (
          <ul class="plain-list">
            {task.coordinators.map((u) => (
              <li key={u.id}>{u.name}</li>
            ))}
          </ul>
        ) : (
          <span class="muted">—</span>
        )}
      </td>
      <td data-label={t('task.deadline')}>
        <DeadlineCell task={task} />
      </td>
      <td data-label={t('task.progress')}>
        <Progress percent={task.progress_percent} />
      </td>
      <td data-label={t('task.timeliness')}>
        <TimelinessTag task={task} />
      </td>
      <td data-label={t('task.state')}>
        <StateTag value={task.state} />
      </td>
    </tr>
  );
}

export function TaskTable(props: { tasks: Task[]; offset: number; caption?: string }) {
  return (
    <div class="table-wrap">
      <table class="table table--stack task-table">
        {props.caption && <caption class="visually-hidden">{props.caption}</caption>}
        <thead>
          <tr>
            <th scope="col" class="num">
              {t('task.no')}
            </th>
            <th scope="col">{t('task.title')}</th>
            <th scope="col">{t('task.lead')}</th>
            <th scope="col">{t('task.coordinators')}</th>
            <th scope="col">{t('task.deadline')}</th>
            <th scope="col">{t('task.progress')}</th>
            <th scope="col">{t('task.timeliness')}</th>
            <th scope="col">{t('task.state')}</th>
          </tr>
        </thead>
        <tbody>
          {props.tasks.map((task, i) => (
            <TaskRow key={task.id} task={task} index={props.offset + i + 1} />
          ))}
        </tbody>
      </table>
    </div>
  );
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

export function TasksPage() {
  useDocumentTitle(t('tasks.title'));
  const loc = useLocation();
  const canManage = useCan('tasks.manage');
  const filters = filtersFrom(loc.query);
  const offset = Math.max(0, Number(loc.query.get('offset')) || 0);
  const key = JSON.stringify(filters);

  const [qText, setQText] = useState(filters.q ?? '');
  const [dueText, setDueText] = useState(filters.due_before ? formatDate(filters.due_before) : '');
  const [unit, setUnit] = useState<UnitRef | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  // On a phone the filters fold behind a button so the list comes first.
  const [showFilters, setShowFilters] = useState<boolean | null>(null);
  useEffect(() => {
    setQText(filters.q ?? '');
    setDueText(filters.due_before ? formatDate(filters.due_before) : '');
  }, [filters.q, filters.due_before]);
  useEffect(() => {
    const id = filters.unit_id ?? filters.lead_unit_id;
    if (!id) return setUnit(null);
    if (unit?.id === id) return;
    api.units.get(id).then(
      (u) => setUnit({ id: u.id, code: u.code, name: u.name }),
      () => setUnit({ id, code: '', name: `#${id}` }),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filters.unit_id, filters.lead_unit_id]);
  // A board's number by unit counts the tasks the unit leads: its list keeps to them.
  const leadOnly = !!filters.lead_unit_id;

  const directives = useDirectives();
  const groups = useGroups(filters.directive_id);
  const res = useAsync(() => listTasks(filters, LIMIT, offset), [key, offset]);

  const apply = (e: Event) => {
    e.preventDefault();
    const due = dueText.trim() ? parseDateInput(dueText) : '';
    if (due === null) {
      setErrors([{ field: 'due_before', message: t('form.dateInvalid') }]);
      return;
    }
    setErrors([]);
    setQuery({ q: qText.trim() || null, due_before: due || null, offset: null });
  };
  const set = (updates: Record<string, string | number | null>) => setQuery({ ...updates, offset: null });
  const filtered = [...loc.query.keys()].some((k) => k !== 'offset' && k !== 'as_of');
  const filtersOpen = showFilters ?? filtered;
  const loadErrors = res.error ? toFieldErrors(res.error).filter((fe) => fe.field) : [];
  const current = tasksHref(Object.fromEntries([...loc.query.entries()].filter(([k]) => k !== 'offset' && k !== 'as_of')));
  const addHref = filters.directive_id
    ? `/tasks/new?directive_id=${filters.directive_id}${filters.group_id ? `&group_id=${filters.group_id}` : ''}`
    : '/tasks/new';
  const exportHref = taskExportUrl(filters.view === 'week' ? { ...filters, due_before: filters.due_before ?? endOfWeek() } : filters);

  return (
    <div>
      <PageHeader
        title={filters.view === 'week' ? t('tasks.weekTitle', { date: formatDate(endOfWeek()) }) : t('tasks.title')}
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
          </>
        }
      />
      <Flash />
      <AsOfNote />
      <QuickViews current={current} />
      <ErrorSummary form={FORM} errors={[...errors, ...loadErrors]} />
      <button type="button" class="button button--secondary filters-toggle" aria-expanded={filtersOpen} aria-controls="tasks-filters" onClick={() => setShowFilters(!filtersOpen)}>
        {filtersOpen ? t('tasks.hideFilters') : t('tasks.showFilters')}
      </button>
      <form id="tasks-filters" class={`filters task-filters${filtersOpen ? '' : ' filters--folded'}`} role="search" onSubmit={apply} noValidate>
        <div class="field">
          <label for="tasks-q">{t('tasks.search')}</label>
          <p class="hint" id="tasks-q-hint">
            {t('tasks.searchHint')}
          </p>
          <div class="input-with-button">
            <input
              id="tasks-q"
              type="search"
              class="input input--medium"
              value={qText}
              aria-describedby="tasks-q-hint"
              onInput={(e) => setQText((e.target as HTMLInputElement).value)}
            />
            <button type="submit" class="button">
              {t('common.search')}
            </button>
          </div>
        </div>
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
          <div class="field field--checkbox">
            <input
              id="tasks-lead_only"
              type="checkbox"
              checked={leadOnly}
              onChange={(e) =>
                set((e.target as HTMLInputElement).checked ? { lead_unit_id: unit.id, unit_id: null } : { unit_id: unit.id, lead_unit_id: null })
              }
            />
            <label for="tasks-lead_only">{t('tasks.leadOnly')}</label>
          </div>
        )}
        <div class="field field--checkbox">
          <input id="tasks-is_key" type="checkbox" checked={!!filters.is_key} onChange={(e) => set({ is_key: (e.target as HTMLInputElement).checked ? 'true' : null })} />
          <label for="tasks-is_key">{t('tasks.keyOnly')}</label>
        </div>
        <div class="field field--checkbox">
          <input
            id="tasks-extension_pending"
            type="checkbox"
            checked={!!filters.extension_pending}
            onChange={(e) => set({ extension_pending: (e.target as HTMLInputElement).checked ? 'true' : null })}
          />
          <label for="tasks-extension_pending">{t('tasks.extensionPendingOnly')}</label>
        </div>
        <div class="field field--checkbox">
          <input id="tasks-top_level" type="checkbox" checked={!!filters.top_level} onChange={(e) => set({ top_level: (e.target as HTMLInputElement).checked ? 'true' : null })} />
          <label for="tasks-top_level">{t('tasks.topLevelOnly')}</label>
        </div>
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
      </form>
      {res.error && !loadErrors.length ? (
        <ErrorBox error={res.error} onRetry={res.reload} />
      ) : res.error ? null : !res.data ? (
        <Loading />
      ) : res.data.items.length === 0 ? (
        <Empty>
          {filtered ? (
            <>
              {t('tasks.emptyFiltered')} <Link href="/tasks">{t('common.clearFilters')}</Link>
            </>
          ) : (
            <>
              {t('tasks.empty')}{' '}
              {canManage && (
                <>
                  <Link href="/tasks/new">{t('tasks.add')}</Link> · <Link href="/tasks/import">{t('tasks.import')}</Link>
                </>
              )}
            </>
          )}
        </Empty>
      ) : (
        <>
          <p class="muted" role="status">
            {t('tasks.count', { n: formatInteger(res.data.total) })}
            {res.loading && ` · ${t('common.loading')}`}
          </p>
          <TaskTable tasks={res.data.items} offset={offset} caption={t('tasks.title')} />
          <Pager total={res.data.total} limit={LIMIT} offset={offset} onOffset={(o) => setQuery({ offset: o || null })} />
        </>
      )}
    </div>
  );
}
