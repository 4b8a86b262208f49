// The bell in the top bar: how many notifications are unread, the latest in a panel;
// opening one marks it read and goes to its item (the page the server names for it).
import { useEffect, useRef, useState } from 'preact/hooks';
import { useDismiss } from '../core/hooks';
import { api } from '../api/client';
import type { Notification, NotificationList } from '../api/types';
import { Link, navigate, useLocation } from '../app/router';
import { formatDateTime, formatInteger } from '../core/format';
import { t } from '../i18n';
import { notificationKindLabel, notificationTone } from './labels';

const POLL_MS = 60_000;
const PANEL_SIZE = 8;

const listeners = new Set<() => void>();
// Other pages (the notifications list) tell the bell when they changed what is unread.
export function notificationsChanged(): void {
  listeners.forEach((f) => f());
}

export async function openNotification(n: Notification): Promise<void> {
  if (!n.read) {
    try {
      await api.notifications.markRead(n.id);
    } catch {
      // Opening the task matters more than the mark.
    }
    notificationsChanged();
  }
  navigate(n.item?.link ?? '/notifications');
}

function BellIcon() {
  return (
    <svg class="bell-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}

export function NotificationBell() {
  const loc = useLocation();
  const [data, setData] = useState<NotificationList | null>(null);
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  const refresh = () => {
    api.notifications.list({ limit: PANEL_SIZE }).then(setData, () => undefined);
  };
  useEffect(() => {
    refresh();
    const id = window.setInterval(refresh, POLL_MS);
    listeners.add(refresh);
    return () => {
      window.clearInterval(id);
      listeners.delete(refresh);
    };
  }, []);
  // A page change may follow an action that notified this user.
  useEffect(() => {
    refresh();
    setOpen(false);
  }, [loc.path]);
  useDismiss(open, () => setOpen(false), ref, '.bell-button');

  const unread = data?.unread ?? 0;
  return (
    <div class="bell" ref={ref}>
      <button
        type="button"
        class="bell-button"
        aria-expanded={open}
        aria-controls="bell-panel"
        onClick={() => {
          if (!open) refresh();
          setOpen(!open);
        }}
      >
        <BellIcon />
        {unread > 0 && (
          <span class="bell-count" aria-hidden="true">
            {unread > 99 ? '99+' : formatInteger(unread)}
          </span>
        )}
        <span class="visually-hidden">{unread > 0 ? t('notifications.bellUnread', { n: formatInteger(unread) }) : t('notifications.bell')}</span>
      </button>
      {open && (
        <div id="bell-panel" class="bell-panel">
          <p class="bell-head">
            <strong>{t('notifications.title')}</strong>
            {unread > 0 && <span class="muted"> · {t('notifications.unreadCount', { n: formatInteger(unread) })}</span>}
          </p>
          {!data ? (
            <p class="muted">{t('common.loading')}</p>
          ) : data.items.length === 0 ? (
            <p class="muted">{t('notifications.empty')}</p>
          ) : (
            <ul class="bell-list">
              {data.items.map((n) => (
                <li key={n.id}>
                  <button type="button" class={`bell-item${n.read ? '' : ' bell-item--unread'}`} onClick={() => openNotification(n)}>
                    <span class="bell-item-title">
                      {!n.read && <span class="unread-dot" aria-hidden="true" />}
                      {n.title}
                    </span>
                    {n.body && <span class="bell-item-body">{n.body}</span>}
                    <span class="bell-item-meta">
                      <span class={`tag tag--${notificationTone(n.kind)}`}>{notificationKindLabel(n.kind)}</span> {formatDateTime(n.created_at)}
                      {!n.read && <span class="visually-hidden"> — {t('notifications.unread')}</span>}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <p class="bell-foot">
            <Link href="/notifications">{t('notifications.all')}</Link>
          </p>
        </div>
      )}
    </div>
  );
}
