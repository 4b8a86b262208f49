// Every notification of the user, newest first; opening one marks it read.
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { setQuery, useLocation } from '../app/router';
import { formatDateTime, formatInteger } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { Empty, ErrorBox, Loading, PageHeader, Pager } from '../core/ui';
import { t } from '../i18n';
import { notificationKindLabel, notificationTone } from './labels';
import { notificationsChanged, openNotification } from './NotificationBell';

const LIMIT = 30;

export function NotificationsPage() {
  useDocumentTitle(t('notifications.title'));
  const loc = useLocation();
  const unreadOnly = loc.query.get('unread') === 'true';
  const offset = Math.max(0, Number(loc.query.get('offset')) || 0);
  const res = useAsync(() => api.notifications.list({ unread: unreadOnly || undefined, limit: LIMIT, offset }), [unreadOnly, offset]);
  const [busy, setBusy] = useState(false);

  const markPage = async () => {
    if (!res.data) return;
    setBusy(true);
    await Promise.all(res.data.items.filter((n) => !n.read).map((n) => api.notifications.markRead(n.id).catch(() => undefined)));
    setBusy(false);
    notificationsChanged();
    res.reload();
  };

  return (
    <div>
      <PageHeader
        title={t('notifications.title')}
        lead={res.data ? t('notifications.lead', { n: formatInteger(res.data.unread) }) : undefined}
        actions={
          res.data && res.data.items.some((n) => !n.read) ? (
            <button type="button" class="button button--secondary" disabled={busy} onClick={markPage}>
              {t('notifications.markPage')}
            </button>
          ) : undefined
        }
      />
      <div class="filters">
        <div class="field field--checkbox">
          <input id="notifications-unread" type="checkbox" checked={unreadOnly} onChange={(e) => setQuery({ unread: (e.target as HTMLInputElement).checked ? 'true' : null, offset: null })} />
          <label for="notifications-unread">{t('notifications.unreadOnly')}</label>
        </div>
      </div>
      {res.error ? (
        <ErrorBox error={res.error} onRetry={res.reload} />
      ) : !res.data ? (
        <Loading />
      ) : res.data.items.length === 0 ? (
        <Empty>{unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty')}</Empty>
      ) : (
        <>
          <ul class="notification-list">
            {res.data.items.map((n) => (
              <li key={n.id} class={n.read ? 'notification' : 'notification notification--unread'}>
                <button type="button" class="button button--link notification-title" onClick={() => openNotification(n)}>
                  {!n.read && <span class="unread-dot" aria-hidden="true" />}
                  {n.title}
                </button>
                {n.body && <p class="notification-body">{n.body}</p>}
                <p class="muted small">
                  <span class={`tag tag--${notificationTone(n.kind)}`}>{notificationKindLabel(n.kind)}</span> {formatDateTime(n.created_at)}
                  {!n.read && (
                    <>
                      {' · '}
                      <strong>{t('notifications.unread')}</strong>
                    </>
                  )}
                </p>
              </li>
            ))}
          </ul>
          <Pager total={res.data.total} limit={LIMIT} offset={offset} onOffset={(o) => setQuery({ offset: o || null })} />
        </>
      )}
    </div>
  );
}
