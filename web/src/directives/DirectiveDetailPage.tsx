// One directive: its number, date, issuer, title and text, and its task groups with how
// the tasks of each stand; the office adds groups and tasks from here.
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { DirectiveDetail } from '../api/types';
import { Link } from '../app/router';
import { useCan } from '../auth/session';
import { errorFor, fieldId, toFieldErrors, type FieldError } from '../core/errors';
import { Flash } from '../core/Flash';
import { Attachments } from '../files/Attachments';
import { formatDate, formatDateTime } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { ErrorBox, ErrorSummary, Loading, Notice, PageHeader, SelectField, TextField } from '../core/ui';
import { t } from '../i18n';
import { BoardChart, BoardTable } from '../tasks/Board';
import { orderGroups } from '../tasks/data';
import { directiveCitation, directiveKindLabel } from '../tasks/labels';
import { tasksHref } from '../tasks/query';
import { TaskReportPanel } from '../tasks/TaskReportPanel';

const GROUP_FORM = 'group';

function GroupForm(props: { directive: DirectiveDetail; onDone: (title: string) => void; onCancel: () => void }) {
  const [title, setTitle] = useState('');
  const [parent, setParent] = useState('');
  const [position, setPosition] = useState(String(props.directive.groups.filter((g) => g.parent_id === null).length + 1));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const problems: FieldError[] = [];
    if (!title.trim()) problems.push({ field: 'title', message: t('groupForm.titleRequired') });
    if (position.trim() && !/^\d{1,4}$/.test(position.trim())) problems.push({ field: 'position', message: t('groupForm.positionInvalid') });
    setErrors(problems);
    if (problems.length) return;
    setBusy(true);
    try {
      await api.taskGroups.create({ directive_id: props.directive.id, title: title.trim(), parent_id: parent ? Number(parent) : null, position: Number(position) || 0 });
      props.onDone(title.trim());
    } catch (err) {
      setErrors(toFieldErrors(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="action-form" aria-labelledby="group-form-title">
      <h2 id="group-form-title">{t('groupForm.title')}</h2>
      <ErrorSummary form={GROUP_FORM} errors={errors} />
      <form onSubmit={submit} noValidate>
        <TextField id={fieldId(GROUP_FORM, 'title')} label={t('groupForm.name')} hint={t('groupForm.nameHint')} required value={title} onValue={setTitle} error={errorFor(errors, 'title')} autoComplete="off" />
        <SelectField
          id={fieldId(GROUP_FORM, 'parent_id')}
          label={t('groupForm.parent')}
          hint={t('groupForm.parentHint')}
          value={parent}
          onValue={setParent}
          error={errorFor(errors, 'parent_id')}
          options={[{ value: '', label: t('groupForm.noParent') }, ...orderGroups(props.directive.groups).map((g) => ({ value: String(g.group.id), label: `${g.number}. ${g.group.title}` }))]}
        />
        <TextField id={fieldId(GROUP_FORM, 'position')} label={t('groupForm.position')} hint={t('groupForm.positionHint')} value={position} onValue={setPosition} error={errorFor(errors, 'position')} width="short" inputMode="numeric" />
        <div class="form-actions">
          <button type="submit" class="button" disabled={busy}>
            {busy ? t('common.saving') : t('groupForm.submit')}
          </button>
          <button type="button" class="button button--link" onClick={props.onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

export function DirectiveDetailPage(props: { id: number }) {
  const canManage = useCan('tasks.manage');
  const res = useAsync(() => api.directives.get(props.id), [props.id]);
  const board = useAsync(() => api.boards.tasks('group', { directive_id: props.id }), [props.id]);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [fullText, setFullText] = useState(false);
  useDocumentTitle(res.data ? directiveCitation(res.data) : t('directive.detailTitle'));
  if (res.error) return <ErrorBox error={res.error} onRetry={res.reload} />;
  if (!res.data) return <Loading />;
  const d = res.data;
  const ordered = orderGroups(d.groups);
  // Board rows in the directive's own order (1, 1.1, 2, …), groups without tasks included.
  const byKey = new Map((board.data?.rows ?? []).map((r) => [r.key, r]));
  const zero = { total: 0, done_on_time: 0, done_late: 0, in_time: 0, due_soon: 0, overdue: 0, no_deadline: 0 };
  const rows = ordered.map((n) => ({ ...zero, ...byKey.get(n.group.id), key: n.group.id, name: `${n.number}. ${n.group.title}` }));
  const ungrouped = byKey.get(0);
  if (ungrouped) rows.push({ ...ungrouped, name: t('directive.ungrouped') });
  const long = d.body.length > 600;

  return (
    <div>
      <nav class="breadcrumb" aria-label={t('breadcrumb.label')}>
        <Link href="/directives">{t('directives.title')}</Link>
      </nav>
      <PageHeader
        title={directiveCitation(d)}
        lead={d.title}
        actions={
          canManage && (
            <>
              <Link class="button" href={`/tasks/new?directive_id=${d.id}`}>
                {t('tasks.add')}
              </Link>
              <button type="button" class="button button--secondary" aria-expanded={adding} onClick={() => setAdding(!adding)}>
                {t('groupForm.title')}
              </button>
              <Link class="button button--secondary" href={`/tasks/import?directive_id=${d.id}`}>
                {t('tasks.import')}
              </Link>
              <Link class="button button--secondary" href={`/directives/${d.id}/edit`}>
                {t('unit.edit')}
              </Link>
            </>
          )
        }
      />
      <Flash />
      <TaskReportPanel directiveId={d.id} />
      {notice && <Notice tone="success">{notice}</Notice>}
      {adding && (
        <GroupForm
          directive={d}
          onDone={(title) => {
            setAdding(false);
            setNotice(t('groupForm.done', { title }));
            res.reload();
            board.reload();
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      <dl class="summary-list">
        <div>
          <dt>{t('directive.kind')}</dt>
          <dd>{directiveKindLabel(d.kind)}</dd>
        </div>
        <div>
          <dt>{t('directive.number')}</dt>
          <dd>{d.number}</dd>
        </div>
        <div>
          <dt>{t('directive.issuedOn')}</dt>
          <dd>{formatDate(d.issued_on)}</dd>
        </div>
        <div>
          <dt>{t('directive.issuer')}</dt>
          <dd>{d.issuer_unit?.name ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('directive.title')}</dt>
          <dd>{d.title}</dd>
        </div>
        <div>
          <dt>{t('directive.body')}</dt>
          <dd>
            {d.body ? (
              <>
                <div class={`pre-line directive-body${long && !fullText ? ' directive-body--clipped' : ''}`}>{d.body}</div>
                {long && (
                  <button type="button" class="button button--link" aria-expanded={fullText} onClick={() => setFullText(!fullText)}>
                    {fullText ? t('directive.lessText') : t('directive.moreText')}
                  </button>
                )}
              </>
            ) : (
              '—'
            )}
          </dd>
        </div>
        <div>
          <dt>{t('directive.createdAt')}</dt>
          <dd>{formatDateTime(d.created_at)}</dd>
        </div>
      </dl>

      <section class="section" aria-labelledby="files-title">
        <h2 id="files-title">{t('files.title')}</h2>
        <Attachments owner="directive" ownerId={d.id} canUpload={canManage} />
      </section>

      <section class="section" aria-labelledby="groups-title">
        <div class="section-head">
          <h2 id="groups-title">{t('directive.groups', { n: d.groups.length })}</h2>
          <Link href={tasksHref({ directive_id: d.id })}>{t('directive.allTasks')}</Link>
        </div>
        {d.groups.length === 0 && !ungrouped ? (
          <p class="empty">
            {t('directive.noGroups')}{' '}
            {canManage && (
              <button type="button" class="button button--link" onClick={() => setAdding(true)}>
                {t('groupForm.title')}
              </button>
            )}
          </p>
        ) : board.error ? (
          <ErrorBox error={board.error} onRetry={board.reload} />
        ) : !board.data ? (
          <Loading />
        ) : (
          <>
            <BoardTable by="group" rows={rows} totals={board.data.totals} filters={{ directive_id: d.id }} label={t('board.label.group')} caption={t('directive.groupsCaption')} />
            {board.data.totals.total > 0 && (
              <section class="panel">
                <BoardChart by="group" rows={rows} filters={{ directive_id: d.id }} title={t('board.chartTitle.group', { directive: directiveCitation(d) })} dataDate={board.data.as_of} label={t('board.label.group')} />
              </section>
            )}
          </>
        )}
      </section>
    </div>
  );
}
