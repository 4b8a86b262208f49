// Editing a task (tasksedit, issue 9): the task form filled with the task, for the office
// whose allowed_actions carry "edit"; and the links a task page offers beside its title.
import { api } from '../api/client';
import type { TaskDetail } from '../api/types';
import { Link, useLocation } from '../app/router';
import { Loaded } from '../core/form';
import { useAsync } from '../core/hooks';
import { t } from '../i18n';
import { TaskCreatePage } from './TaskFormPage';

export function TaskEditPage(props: { id: number }) {
  const res = useAsync(() => api.tasks.get(props.id), [props.id]);
  return <Loaded res={res}>{(task) => <TaskCreatePage existing={task} />}</Loaded>;
}

// A new task, or with ?copy_of= a copy of one (its fields, without its history or progress).
export function TaskNewPage() {
  const copyOf = Number(useLocation().query.get('copy_of')) || 0;
  const res = useAsync(() => (copyOf ? api.tasks.get(copyOf) : Promise.resolve(null)), [copyOf]);
  if (!copyOf) return <TaskCreatePage />;
  return <Loaded res={res}>{(task) => <TaskCreatePage copy={task ?? undefined} />}</Loaded>;
}

export function TaskPageLinks(props: { task: TaskDetail }) {
  const actions = props.task.allowed_actions ?? [];
  if (!actions.includes('edit')) return null;
  return (
    <p class="page-actions">
      <Link class="button button--secondary" href={`/tasks/${props.task.id}/edit`}>
        {t('taskAction.edit')}
      </Link>{' '}
      <Link class="button button--secondary" href={`/tasks/new?copy_of=${props.task.id}`}>
        {t('taskAction.copy')}
      </Link>
    </p>
  );
}
