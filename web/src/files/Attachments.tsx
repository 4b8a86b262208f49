// The files attached to a directive or a task (its text, a report's evidence): a list to
// download and, for those who may, an upload. The server sniffs each file's type, keeps
// it content-addressed and serves it only within scope.
import { useRef, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { AttachmentOwner } from '../api/types';
import { errorMessage } from '../core/errors';
import { formatDateTime, formatNumber } from '../core/format';
import { useAsync } from '../core/hooks';
import { ErrorBox, Notice } from '../core/ui';
import { t } from '../i18n';

const MAX_BYTES = 20 * 1024 * 1024;

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${formatNumber(bytes / (1024 * 1024), 1)} MB`;
  if (bytes >= 1024) return `${formatNumber(bytes / 1024, 0)} KB`;
  return `${formatNumber(bytes, 0)} B`;
}

export function Attachments(props: { owner: AttachmentOwner; ownerId: number; canUpload: boolean }) {
  const list = useAsync(() => api.attachments.list(props.owner, props.ownerId), [props.owner, props.ownerId]);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const id = `${props.owner}-attachment-file`;

  const send = async (e: Event) => {
    e.preventDefault();
    const files = Array.from(input.current?.files ?? []);
    setDone(null);
    if (!files.length) return setError(t('files.chooseFile'));
    const big = files.find((f) => f.size > MAX_BYTES);
    if (big) return setError(t('files.tooBig', { name: big.name }));
    setError(null);
    setBusy(true);
    try {
      for (const f of files) await api.attachments.upload(props.owner, props.ownerId, f);
      setDone(t('files.uploaded', { n: files.length }));
      if (input.current) input.current.value = '';
      list.reload();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="attachments">
      {list.error ? (
        <ErrorBox error={list.error} onRetry={list.reload} />
      ) : !list.data ? null : list.data.items.length === 0 ? (
        <p class="muted">{t('files.none')}</p>
      ) : (
        <ul class="attachment-list">
          {list.data.items.map((a) => (
            <li key={a.id}>
              <a href={api.attachments.contentUrl(a.id)} download={a.filename}>
                {a.filename}
              </a>{' '}
              <span class="muted small">
                {formatSize(a.size)} · {formatDateTime(a.created_at)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {props.canUpload && (
        <form class={`attachment-form${error ? ' field--error' : ''}`} onSubmit={send} noValidate>
          <label for={id}>{t('files.add')}</label>
          <p class="hint" id={`${id}-hint`}>
            {t('files.hint')}
          </p>
          {error && (
            <p class="field-error" id={`${id}-error`} role="alert">
              <span class="visually-hidden">{t('form.errorPrefix')} </span>
              {error}
            </p>
          )}
          <div class="input-with-button">
            <input id={id} ref={input} type="file" multiple class="file-input" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`} />
            <button type="submit" class="button button--secondary" disabled={busy}>
              {busy ? t('files.uploading') : t('files.upload')}
            </button>
          </div>
          {done && <Notice tone="success">{done}</Notice>}
        </form>
      )}
    </div>
  );
}
