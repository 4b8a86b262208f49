// One task: every field, what it is waiting for, the actions this person may take, and
// its history (reports, extensions and their decisions, coordination requests, parts
// passed on, events such as returned or transferred).
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Me, TaskDetail } from '../api/types';
import { Link, setQuery, useLocation } from '../app/router';
import { can, useSession } from '../auth/session';
import { Flash } from '../core/Flash';
import { Attachments } from '../files/Attachments';
import { formatDate, formatDateTime, formatInteger, formatPercent, todayIso } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { Empty, ErrorBox, Loading, Notice } from '../core/ui';
import { t } from '../i18n';
import {
  ANSWER_TONE,
  answerLabel,
  directiveCitation,
  eventLabel,
  EXTENSION_TONE,
  extensionLabel,
  outputKindLabel,
  recurrenceLabel,
} from './labels';
import { DeadlineCell, isExtended, Progress, ReasonTag, remainingText, StateTag, TimelinessTag, timelinessText } from './parts';
import { tasksHref } from './query';
import { TaskPageLinks } from './TaskEditPage';
import { TaskExplanations } from './TaskExplanations';
import { TaskThread } from './TaskThread';
import { ACTION_FORMS, actionLabel, AnswerForm, availableActions, canAnswer, pendingExtension, type ActionName } from './TaskActions';

function useUserNames(me: Me, ids: (number | null | undefined)[]) {
  const wanted = Array.from(new Set(ids.filter((x): x is number => typeof x === 'number'))).sort((a, b) => a - b);
  const canUsers = can(me, 'users.read');
  const res = useAsync(async () => {
    const names = new Map<number, string>([[me.id, me.full_name || me.username]]);
    if (canUsers) {
      await Promise.all(
        wanted
          .filter((id) => id !== me.id)
          .map((id) => api.users.get(id).then((u) => names.set(id, u.full_name || u.username), () => undefined)),
      );
    }
    return names;
  }, [wanted.join(','), canUsers]);
  return (id: number | null | undefined): string | null => (id == null ? null : res.data?.get(id) ?? null);
}

function Row(props: { label: string; children: ComponentChildren }) {
  return (
    <div>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

interface TimelineItem {
  date: string;
  order: number;
  title: string;
  body?: string;
  who?: string | null;
  tone?: 'red' | 'amber' | 'green' | 'grey' | 'info';
  tag?: string;
}

function timeline(task: TaskDetail, name: (id: number | null | undefined) => string | null): TimelineItem[] {
  const items: TimelineItem[] = [];
  for (const r of task.reports) {
    items.push({ date: r.reported_on, order: r.id * 10, title: t('history.report', { percent: formatPercent(r.percent, 0) }), body: r.body, who: name(r.user_id) });
  }
  task.events.forEach((e, i) => {
    let title = eventLabel(e.kind);
    if ((e.kind === 'reassigned' || e.kind === 'transferred') && e.to_unit)
      title = t('history.moved', { what: title, from: e.from_unit?.name ?? '—', to: e.to_unit.name });
    const tone = e.kind === 'returned' || e.kind === 'refused' ? 'red' : e.kind === 'confirmed' ? 'green' : undefined;
    items.push({ date: e.happened_on, order: 1e9 + i, title, body: e.note, who: name(e.user_id), tone });
  });
  for (const o of task.occurrences) {
    items.push({
      date: o.finished_on,
      order: 2e9,
      title: t('history.occurrence', { date: formatDate(o.deadline) }),
      body: o.note,
      tone: o.on_time ? 'green' : 'red',
      tag: o.on_time ? t('timeliness.done_on_time') : t('timeliness.done_late'),
    });
  }
  for (const e of task.extensions) {
    items.push({
      date: e.requested_at.slice(0, 10),
      order: 3e9 + e.id,
      title: t('history.extensionAsked', { date: formatDate(e.requested_deadline) }),
      body: e.reason,
      who: name(e.requested_by),
    });
    if (e.decided_at) {
      items.push({
        date: e.decided_at.slice(0, 10),
        order: 3e9 + e.id + 0.5,
        title: e.status === 'approved' ? t('history.extensionApproved', { date: formatDate(e.requested_deadline) }) : t('history.extensionRejected'),
        body: e.decision_note,
        who: name(e.decided_by),
        tone: e.status === 'approved' ? 'green' : 'red',
        tag: extensionLabel(e.status),
      });
    }
  }
  return items.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : b.order - a.order));
}

function Milestones(props: { task: TaskDetail }) {
  const today = todayIso();
  return (
    <div class="table-wrap">
      <table class="table table--stack">
        <thead>
          <tr>
            <th scope="col">{t('milestone.label')}</th>
            <th scope="col">{t('milestone.due')}</th>
            <th scope="col" class="num">
              {t('milestone.planned')}
            </th>
            <th scope="col">{t('milestone.status')}</th>
          </tr>
        </thead>
        <tbody>
          {props.task.milestones.map((m, i) => {
            const due = m.due_on <= today;
            const behind = due && props.task.progress_percent < m.planned_percent;
            return (
              <tr key={i}>
                <td data-label={t('milestone.label')}>{m.label}</td>
                <td data-label={t('milestone.due')}>{formatDate(m.due_on)}</td>
                <td data-label={t('milestone.planned')} class="num">
                  {formatPercent(m.planned_percent, 0)}
                </td>
                <td data-label={t('milestone.status')}>
                  {!due ? (
                    <span class="tag tag--grey">{t('milestone.upcoming')}</span>
                  ) : behind ? (
                    <ReasonTag tone="amber" label={t('milestone.behind')} reason={t('milestone.behindReason', { actual: formatPercent(props.task.progress_percent, 0), planned: formatPercent(m.planned_percent, 0) })} />
                  ) : (
                    <span class="tag tag--green">{t('milestone.reached')}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Parts(props: { task: TaskDetail; name: (id: number | null | undefined) => string | null }) {
  const given = props.task.parts.reduce((s, p) => s + p.share_percent, 0);
  return (
    <>
      <p class="muted">{t('parts.summary', { given: formatInteger(given), kept: formatInteger(100 - given) })}</p>
      <div class="table-wrap">
        <table class="table table--stack">
          <thead>
            <tr>
              <th scope="col">{t('parts.part')}</th>
              <th scope="col">{t('parts.holder')}</th>
              <th scope="col" class="num">
                {t('parts.share')}
              </th>
              <th scope="col">{t('task.deadline')}</th>
              <th scope="col">{t('task.progress')}</th>
              <th scope="col">{t('task.timeliness')}</th>
            </tr>
          </thead>
          <tbody>
            {props.task.parts.map((p) => (
              <tr key={p.id}>
                <td data-label={t('parts.part')}>
                  <Link href={`/tasks/${p.id}`}>{p.title}</Link>
                </td>
                <td data-label={t('parts.holder')}>
                  {p.assignee_id !== null ? props.name(p.assignee_id) ?? t('parts.official') : p.lead_unit?.name ?? `#${p.lead_unit_id}`}
                </td>
                <td data-label={t('parts.share')} class="num">
                  {formatPercent(p.share_percent, 0)}
                </td>
                <td data-label={t('task.deadline')}>
                  <DeadlineCell task={p} />
                </td>
                <td data-label={t('task.progress')}>
                  <Progress percent={p.progress_percent} />
                </td>
                <td data-label={t('task.timeliness')}>
                  <TimelinessTag task={p} /> <StateTag value={p.state} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Coordination(props: { task: TaskDetail; me: Me; answering: number | null; onDone: (m: string) => void }) {
  return (
    <div class="coordination-list">
      <div class="table-wrap">
        <table class="table table--stack">
          <thead>
            <tr>
              <th scope="col">{t('coordination.to')}</th>
              <th scope="col">{t('coordination.body')}</th>
              <th scope="col">{t('coordination.due')}</th>
              <th scope="col">{t('coordination.status')}</th>
              <th scope="col">{t('coordination.answer')}</th>
            </tr>
          </thead>
          <tbody>
            {props.task.coordination_requests.map((r) => (
              <tr key={r.id} id={`coordination-${r.id}`}>
                <td data-label={t('coordination.to')}>{r.to_unit?.name ?? `#${r.to_unit_id}`}</td>
                <td data-label={t('coordination.body')} class="pre-line">
                  {r.body}
                </td>
                <td data-label={t('coordination.due')}>{formatDate(r.due_on)}</td>
                <td data-label={t('coordination.status')}>
                  <span class={`tag tag--${ANSWER_TONE[r.status] ?? 'grey'}`}>{answerLabel(r.status)}</span>
                </td>
                <td data-label={t('coordination.answer')}>
                  {r.answered_on ? (
                    <>
                      <span class="pre-line">{r.answer}</span>
                      <br />
                      <span class="muted small">{t('coordination.answeredOn', { date: formatDate(r.answered_on) })}</span>
                    </>
                  ) : canAnswer(r) ? (
                    <button type="button" class="button button--small" aria-expanded={props.answering === r.id} onClick={() => setQuery({ answer: props.answering === r.id ? null : r.id, action: null })}>
                      {t('answer.open')}
                    </button>
                  ) : (
                    <span class="muted">{t('coordination.waiting')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.task.coordination_requests
        .filter((r) => r.id === props.answering && canAnswer(r))
        .map((r) => (
          <AnswerForm key={r.id} request={r} taskId={props.task.id} onDone={props.onDone} onCancel={() => setQuery({ answer: null })} />
        ))}
    </div>
  );
}

function Extensions(props: { task: TaskDetail; name: (id: number | null | undefined) => string | null }) {
  return (
    <div class="table-wrap">
      <table class="table table--stack">
        <thead>
          <tr>
            <th scope="col">{t('extensions.askedOn')}</th>
            <th scope="col">{t('extensions.from')}</th>
            <th scope="col">{t('extensions.to')}</th>
            <th scope="col">{t('extension.reason')}</th>
            <th scope="col">{t('extensions.decision')}</th>
          </tr>
        </thead>
        <tbody>
          {props.task.extensions.map((e) => (
            <tr key={e.id}>
              <td data-label={t('extensions.askedOn')}>
                {formatDateTime(e.requested_at)}
                {props.name(e.requested_by) && <span class="muted small block">{props.name(e.requested_by)}</span>}
              </td>
              <td data-label={t('extensions.from')}>{formatDate(e.previous_deadline)}</td>
              <td data-label={t('extensions.to')}>{formatDate(e.requested_deadline)}</td>
              <td data-label={t('extension.reason')} class="pre-line">
                {e.reason}
              </td>
              <td data-label={t('extensions.decision')}>
                <span class={`tag tag--${EXTENSION_TONE[e.status] ?? 'grey'}`}>{extensionLabel(e.status)}</span>
                {e.decided_at && <span class="muted small block">{formatDateTime(e.decided_at)}{props.name(e.decided_by) ? ` · ${props.name(e.decided_by)}` : ''}</span>}
                {e.decision_note && <span class="block pre-line">{e.decision_note}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function TaskDetailPage(props: { id: number }) {
  const { me } = useSession();
  const loc = useLocation();
  const res = useAsync(() => api.tasks.get(props.id), [props.id]);
  const task = res.data;
  const directive = useAsync(() => (task?.directive_id ? api.directives.get(task.directive_id) : Promise.resolve(null)), [task?.directive_id]);
  const parent = useAsync(() => (task?.parent_task_id ? api.tasks.get(task.parent_task_id).catch(() => null) : Promise.resolve(null)), [task?.parent_task_id]);
  const name = useUserNames(me, task ? [task.assignee_id, ...task.reports.map((r) => r.user_id), ...task.events.map((e) => e.user_id), ...task.extensions.flatMap((e) => [e.requested_by, e.decided_by]), ...task.parts.map((p) => p.assignee_id)] : []);
  const [notice, setNotice] = useState<string | null>(null);
  // Bumped after an action, so files sent with a report show at once.
  const [filesKey, setFilesKey] = useState(0);
  const noticeRef = useRef<HTMLDivElement>(null);
  useDocumentTitle(task?.title ?? t('task.detailTitle'));

  const requested = loc.query.get('action') as ActionName | null;
  const answering = Number(loc.query.get('answer')) || null;
  const actions = task ? availableActions(task) : [];
  const action = requested && actions.includes(requested) ? requested : null;

  useEffect(() => {
    if (action) window.setTimeout(() => document.getElementById(`${action}-title`)?.scrollIntoView({ block: 'start' }), 0);
  }, [action]);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  if (res.error) return <ErrorBox error={res.error} onRetry={res.reload} />;
  if (!task) return <Loading />;

  const done = (message: string) => {
    setNotice(message);
    setQuery({ action: null, answer: null }, { replace: true });
    res.reload();
    setFilesKey((k) => k + 1);
  };
  const Form = action ? ACTION_FORMS[action] : null;
  const d = directive.data;
  const group = d?.groups.find((g) => g.id === task.group_id);
  const pending = pendingExtension(task);
  const left = remainingText(task);
  const history = timeline(task, name);

  return (
    <div class="task-detail">
      <nav class="breadcrumb" aria-label={t('breadcrumb.label')}>
        <Link href="/tasks">{t('tasks.title')}</Link>
        {d && (
          <>
            {' › '}
            <Link href={`/directives/${d.id}`}>{directiveCitation(d)}</Link>
          </>
        )}
        {parent.data && (
          <>
            {' › '}
            <Link href={`/tasks/${parent.data.id}`}>{parent.data.title}</Link>
          </>
        )}
      </nav>
      <div class="page-header">
        <div>
          <h1 id="page-title" tabIndex={-1}>
            {task.title}
          </h1>
          <p class="task-tags">
            <TimelinessTag task={task} /> <StateTag value={task.state} />
            {task.is_key && <span class="tag tag--info">{t('task.key')}</span>}
            {task.parent_task_id !== null && <span class="tag tag--grey">{t('task.part', { share: formatInteger(task.share_percent) })}</span>}
          </p>
          <p class="lead">{timelinessText(task).reason}</p>
        </div>
        <TaskPageLinks task={task} />
      </div>
      <Flash />
      {notice && (
        <div ref={noticeRef} tabIndex={-1} class="notice notice--success" role="status">
          <p>{notice}</p>
        </div>
      )}
      {pending && !actions.includes('decision') && <Notice tone="info">{t('task.pendingExtension', { date: formatDate(pending.requested_deadline) })}</Notice>}
      {pending && actions.includes('decision') && action !== 'decision' && (
        <div class="notice notice--attention">
          <p>
            {t('task.pendingExtensionOffice', { unit: task.lead_unit?.name ?? '', date: formatDate(pending.requested_deadline) })}{' '}
            <button type="button" class="button button--link" onClick={() => setQuery({ action: 'decision', answer: null })}>
              {t('taskAction.decision')}
            </button>
          </p>
        </div>
      )}
      {actions.includes('confirmation') && action !== 'confirmation' && (
        <div class="notice notice--attention">
          <p>
            {t('task.awaitingOffice', { unit: task.lead_unit?.name ?? '', date: formatDate(task.finished_on) })}{' '}
            <button type="button" class="button button--link" onClick={() => setQuery({ action: 'confirmation', answer: null })}>
              {t('taskAction.confirmation')}
            </button>
          </p>
        </div>
      )}

      {actions.length > 0 && (
        <section class="panel actions-panel" aria-labelledby="actions-title">
          <h2 id="actions-title">{t('task.actions')}</h2>
          <ul class="action-buttons">
            {actions.map((a) => (
              <li key={a}>
                <button
                  type="button"
                  class={`button ${a === action ? '' : 'button--secondary'}${a === 'decision' || a === 'confirmation' ? ' button--attention' : ''}`}
                  aria-expanded={a === action}
                  aria-controls={`${a}-section`}
                  onClick={() => {
                    setNotice(null);
                    setQuery({ action: a === action ? null : a, answer: null });
                  }}
                >
                  {actionLabel(a, task)}
                </button>
              </li>
            ))}
          </ul>
          {Form && <Form task={task} me={me} onDone={done} onCancel={() => setQuery({ action: null })} />}
        </section>
      )}

      <section class="section" aria-labelledby="info-title">
        <h2 id="info-title">{t('task.info')}</h2>
        <dl class="summary-list">
          {d && (
            <Row label={t('task.directive')}>
              <Link href={`/directives/${d.id}`}>{directiveCitation(d)}</Link>
              <span class="block muted small">{d.title}</span>
            </Row>
          )}
          {group && (
            <Row label={t('task.group')}>
              <Link href={tasksHref({ directive_id: d!.id, group_id: group.id })}>{group.title}</Link>
            </Row>
          )}
          <Row label={t('task.lead')}>{task.lead_unit ? <Link href={tasksHref({ unit_id: task.lead_unit.id })}>{task.lead_unit.name}</Link> : `#${task.lead_unit_id}`}</Row>
          <Row label={t('task.coordinators')}>{task.coordinators.length ? task.coordinators.map((c) => c.name).join('; ') : '—'}</Row>
          {task.assignee_id !== null && <Row label={t('task.assignee')}>{task.assignee_id === me.id ? t('task.you') : name(task.assignee_id) ?? t('parts.official')}</Row>}
          <Row label={t('task.outputKind')}>{outputKindLabel(task.output_kind)}</Row>
          {task.start_on && <Row label={t('taskStart.label')}>{formatDate(task.start_on)}</Row>}
          <Row label={t('task.deadline')}>
            {task.deadline ? (
              <>
                <strong>{formatDate(task.deadline)}</strong>
                {left && ` — ${left}`}
                {isExtended(task) && <span class="block muted">{t('task.extendedFrom', { date: formatDate(task.original_deadline), n: formatInteger(Math.max(1, task.extensions_approved)) })}</span>}
                {task.recurrence && <span class="block muted">{recurrenceLabel(task.recurrence)}</span>}
              </>
            ) : (
              t('deadline.none')
            )}
          </Row>
          <Row label={t('task.progress')}>
            <Progress percent={task.progress_percent} />
            {task.last_report_on ? (
              <span class="block muted small">{t('task.lastReport', { date: formatDate(task.last_report_on) })}</span>
            ) : (
              <span class="block muted small">{t('task.noReport')}</span>
            )}
          </Row>
          <Row label={t('task.timeliness')}>
            <TimelinessTag task={task} /> <span class="muted">{timelinessText(task).reason}</span>
          </Row>
          <Row label={t('task.state')}>
            <StateTag value={task.state} />
          </Row>
          {task.finished_on && <Row label={t('task.finishedOn')}>{formatDate(task.finished_on)}</Row>}
          {task.output_text && (
            <Row label={t('task.output')}>
              <span class="pre-line">{task.output_text}</span>
            </Row>
          )}
          {task.description && (
            <Row label={t('task.description')}>
              <span class="pre-line">{task.description}</span>
            </Row>
          )}
        </dl>
      </section>

      {task.milestones.length > 0 && (
        <section class="section" aria-labelledby="milestones-title">
          <h2 id="milestones-title">{t('task.milestones')}</h2>
          <Milestones task={task} />
        </section>
      )}

      <section class="section" aria-labelledby="parts-title">
        <h2 id="parts-title">{t('task.parts')}</h2>
        {task.parts.length ? <Parts task={task} name={name} /> : <p class="muted">{t('task.noParts')}</p>}
      </section>

      <section class="section" aria-labelledby="coordination-title">
        <h2 id="coordination-title">{t('task.coordination')}</h2>
        {task.coordination_requests.length ? <Coordination task={task} me={me} answering={answering} onDone={done} /> : <p class="muted">{t('task.noCoordination')}</p>}
      </section>

      <TaskExplanations key={filesKey} task={task} />

      <TaskThread task={task} />

      <section class="section" aria-labelledby="files-title">
        <h2 id="files-title">{t('files.title')}</h2>
        <Attachments key={filesKey} owner="task" ownerId={task.id} canUpload={task.can_work || task.can_manage} />
      </section>

      {task.extensions.length > 0 && (
        <section class="section" aria-labelledby="extensions-title">
          <h2 id="extensions-title">{t('task.extensions')}</h2>
          <Extensions task={task} name={name} />
        </section>
      )}

      <section class="section" aria-labelledby="history-title">
        <h2 id="history-title">{t('task.history')}</h2>
        {history.length === 0 ? (
          <Empty>{t('task.noHistory')}</Empty>
        ) : (
          <ol class="timeline">
            {history.map((h, i) => (
              <li key={i} class={`timeline-item${h.tone ? ` timeline-item--${h.tone}` : ''}`}>
                <p class="timeline-head">
                  <span class="timeline-date">{formatDate(h.date)}</span> <strong>{h.title}</strong>
                  {h.tag && h.tone && (
                    <>
                      {' '}
                      <span class={`tag tag--${h.tone}`}>{h.tag}</span>
                    </>
                  )}
                </p>
                {h.body && <p class="timeline-body pre-line">{h.body}</p>}
                {h.who && <p class="muted small">{h.who}</p>}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
