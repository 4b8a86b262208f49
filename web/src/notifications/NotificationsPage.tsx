// Every notification of the user, newest first; opening one marks it read.
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Notification } from '../api/types';
import { formatDateTime, formatInteger } from '../core/format';
import { CheckboxField, flag, ListPage, useListQuery } from '../core/list';
import { t } from '../i18n';
import { notificationKindLabel, notificationTone } from './labels';
import { notificationsChanged, openNotification } from './NotificationBell';


function NotificationItem(props: { n: Notification }) {
  const n = props.n;
  return (
    <li class={n.read ? 'notification' : 'notification notification--unread'}>
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
  );
}

export function NotificationsPage() {
  const list = useListQuery({
    limit: 30,
    filters: (query) => ({ unreadOnly: query.get('unread') === 'true' }),
    load: (f, page) => api.notifications.list({ unread: f.unreadOnly || undefined, ...page }),
  });
  const { res } = list;
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
    <ListPage
      title={t('notifications.title')}
      lead={res.data ? t('notifications.lead', { n: formatInteger(res.data.unread) }) : undefined}
      actions={
        res.data && res.data.items.some((n) => !n.read) ? (
          <button type="button" class="button button--secondary" disabled={busy} onClick={markPage}>
            {t('notifications.markPage')}
          </button>
        ) : undefined
      }
      filters={
        <div class="filters">
          <CheckboxField id="notifications-unread" label={t('notifications.unreadOnly')} checked={list.filters.unreadOnly} onCheck={(c) => list.setFilters({ unread: flag(c) })} />
        </div>
      }
      list={list}
      empty={list.filters.unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty')}
      render={(data) => (
        <ul class="notification-list">
          {data.items.map((n) => (
            <NotificationItem key={n.id} n={n} />
          ))}
        </ul>
      )}
    />
  );
}
