// Asking the lead unit of a late task to explain (giải trình, issue 11): the task's page links
// here (/targets/explanations/new?task_id=N), as web features do not import each other. The
// task is read through the shared API client; one the caller cannot see is "not found".
import { api } from '../api/client';
import { Link, navigate, useLocation } from '../app/router';
import { setFlash } from '../core/flash';
import { Loaded } from '../core/form';
import { formatDate } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { Notice, PageHeader } from '../core/ui';
import { t } from '../i18n';
import { AskExplanationForm } from './explanations';
import { int } from './parts';

export function AskExplanationPage() {
  const taskId = int(useLocation().query.get('task_id'));
  const res = useAsync(() => (taskId ? api.tasks.get(taskId) : Promise.resolve(null)), [taskId]);
  useDocumentTitle(t('targets.askTaskTitle'));
  if (!taskId) return <Notice tone="error">{t('targets.askNoTask')}</Notice>;
  const back = `/tasks/${taskId}`;
  return (
    <Loaded res={res}>
      {(task) => {
        if (!task) return null;
        const unit = task.lead_unit?.name ?? `#${task.lead_unit_id}`;
        return (
          <div class="ask-explanation">
            <p class="breadcrumb">
              <Link href={back}>{task.title}</Link>
            </p>
            <PageHeader title={t('targets.askTaskTitle')} lead={task.title} />
            <dl class="summary-list">
              <div>
                <dt>{t('targets.unit')}</dt>
                <dd>{unit}</dd>
              </div>
              <div>
                <dt>{t('targets.taskDeadline')}</dt>
                <dd>{task.deadline ? formatDate(task.deadline) : '—'}</dd>
              </div>
            </dl>
            <AskExplanationForm
              about={{ task_id: taskId }}
              unitName={unit}
              onDone={() => {
                setFlash(t('targets.asked', { unit }));
                navigate(back);
              }}
              onCancel={() => navigate(back)}
            />
          </div>
        );
      }}
    </Loaded>
  );
}
