// A task's own thread (tasksedit, issue 9): the directions of leaders and the office (ý kiến
// chỉ đạo, đôn đốc) and the unit's replies, oldest first; whoever sees the task reads it,
// and those the server allows ('comment' in allowed_actions) write on it.
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { TaskDetail } from '../api/types';
import { fieldId, type FieldError } from '../core/errors';
import { formatDateTime, formatInteger } from '../core/format';
import { useAsync } from '../core/hooks';
import { Notice, TextAreaField } from '../core/ui';
import { t } from '../i18n';
import { LengthCounter } from './formHelp';
import { ActionForm, useDraft, useFieldError } from './forms';

const BODY_MAX = 5000;

function BodyField(props: { value: string; onValue: (v: string) => void; reply: boolean }) {
  const error = useFieldError('body');
  return (
    <TextAreaField
      id={fieldId('comment', 'body')}
      label={t('thread.body')}
      hint={<>{props.reply ? t('thread.bodyHintReply') : t('thread.bodyHintDirection')} <LengthCounter value={props.value} max={BODY_MAX} /></>}
      required
      value={props.value}
      onValue={props.onValue}
      error={error}
      rows={3}
    />
  );
}

export function TaskThread(props: { task: TaskDetail }) {
  const { task } = props;
  const list = useAsync(() => api.tasks.comments(task.id), [task.id]);
  const [body, setBody] = useDraft(`${task.id}:comment:body`, '');
  const [sent, setSent] = useState(false);
  const canWrite = (task.allowed_actions ?? []).includes('comment');
  // The unit's own people reply; leaders and the office direct (the server decides the kind).
  const reply = (task.allowed_actions ?? []).includes('report');
  const validate = () => {
    const problems: FieldError[] = [];
    if (!body.trim()) problems.push({ field: 'body', message: t('thread.bodyRequired') });
    else if ([...body.trim()].length > BODY_MAX) problems.push({ field: 'body', message: t('thread.bodyTooLong', { max: formatInteger(BODY_MAX) }) });
    return problems;
  };
  const items = list.data?.items ?? [];
  return (
    <section class="section task-thread" aria-labelledby="thread-title">
      <h2 id="thread-title">{t('thread.title')}</h2>
      <p class="muted">{t('thread.lead')}</p>
      {items.length === 0 && list.data && <p class="muted">{t('thread.empty')}</p>}
      {items.length > 0 && (
        <ol class="timeline thread">
          {items.map((c) => (
            <li key={c.id} class={`timeline-item${c.kind === 'direction' ? ' timeline-item--amber' : ''}`}>
              <p class="timeline-head">
                <span class={`tag tag--${c.kind === 'direction' ? 'amber' : 'info'}`}>{c.kind === 'direction' ? t('thread.direction') : t('thread.reply')}</span>{' '}
                <strong>{c.author_name}</strong> <span class="muted small">{formatDateTime(c.created_at)}</span>
              </p>
              <p class="timeline-body pre-line">{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      {sent && <Notice tone="success">{t('thread.sent')}</Notice>}
      {canWrite && (
        <ActionForm
          form="comment"
          title={t('thread.submit')}
          submitLabel={t('thread.submit')}
          validate={validate}
          send={() => api.tasks.addComment(task.id, body.trim())}
          onDone={() => {
            setBody('');
            setSent(true);
            list.reload();
          }}
        >
          <BodyField value={body} onValue={(v) => { setBody(v); setSent(false); }} reply={reply} />
        </ActionForm>
      )}
    </section>
  );
}
