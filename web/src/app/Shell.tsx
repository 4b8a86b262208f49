// The frame of every logged-in page: top bar (city, scope, as-of date, language, user
// menu) and the side navigation, which folds into a menu button on a phone.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useDismiss } from '../core/hooks';
import type { Me } from '../api/types';
import { can } from '../auth/session';
import { formatDate, parseDateInput, todayIso } from '../core/format';
import { t, type MessageKey } from '../i18n';
import { asOfFrom, hrefWith } from './asof';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from '../notifications/NotificationBell';
import { SearchBox } from '../tasks/SearchPage';
import { Link, navigate, setQuery, useLocation } from './router';
import type { NavItem } from './feature';
import { FEATURES } from './features';

const NAV: NavItem[] = [
  { path: '/', label: 'nav.overview' },
  { path: '/my-work', label: 'nav.myWork', permission: 'tasks.work' },
  {
    path: '/tasks',
    label: 'nav.tasks',
    permission: 'tasks.read',
    except: ['/tasks/boards', '/tasks/coordination'],
    alsoWhen: [{ path: '/targets/explanations/new', param: 'task_id' }],
  },
  { path: '/tasks/boards', label: 'nav.boards', permission: 'tasks.read', sub: true },
  { path: '/tasks/coordination', label: 'nav.coordination', permission: 'tasks.read', sub: true },
  { path: '/directives', label: 'nav.directives', permission: 'tasks.read', sub: true },
  { path: '/calendar', label: 'nav.calendar', permission: 'tasks.read', sub: true },
  ...FEATURES.flatMap((f) => f.nav),
  { path: '/units', label: 'nav.units' },
  { path: '/users', label: 'nav.users', permission: 'users.read' },
  { path: '/audit', label: 'nav.audit', permission: 'audit.read' },
];

function claims(item: NavItem, path: string, query: URLSearchParams): boolean {
  return !!item.alsoWhen?.some((w) => w.path === path && query.has(w.param));
}

function isCurrent(item: NavItem, path: string, query: URLSearchParams): boolean {
  const claimed = NAV.find((i) => claims(i, path, query));
  if (claimed) return claimed === item;
  if (item.except?.some((e) => path === e || path.startsWith(`${e}/`))) return false;
  return item.path === '/' ? path === '/' : path === item.path || path.startsWith(`${item.path}/`);
}

export function scopeLabel(me: Me): string {
  const names = Array.from(
    new Set(me.roles.map((r) => (r.unit_id === null ? t('scope.all') : r.unit_name ?? r.unit_code ?? `#${r.unit_id}`))),
  );
  return names.length ? names.join(', ') : t('scope.none');
}

function AsOfControl() {
  const loc = useLocation();
  const asOf = asOfFrom(loc.query);
  const [text, setText] = useState(formatDate(asOf));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    setText(formatDate(asOf));
    setInvalid(false);
  }, [asOf]);

  const apply = (e: Event) => {
    e.preventDefault();
    const iso = parseDateInput(text);
    if (!iso) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setQuery({ as_of: iso === todayIso() ? null : iso, offset: null });
  };
  const isToday = asOf === todayIso();

  return (
    <form class="asof" onSubmit={apply} role="search" aria-label={t('asof.label')}>
      <label for="asof-input">{t('asof.label')}</label>
      <div class="asof-row">
        <input
          id="asof-input"
          class="input asof-input"
          value={text}
          inputMode="numeric"
          autoComplete="off"
          placeholder={t('form.datePlaceholder')}
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={invalid ? 'asof-error' : undefined}
          onInput={(e) => setText((e.target as HTMLInputElement).value)}
        />
        <button type="submit" class="button button--topbar">
          {t('asof.apply')}
        </button>
        {!isToday && (
          <button type="button" class="button button--topbar-link" onClick={() => setQuery({ as_of: null })}>
            {t('asof.today')}
          </button>
        )}
      </div>
      {invalid && (
        <p id="asof-error" class="asof-error" role="alert">
          {t('asof.invalid')}
        </p>
      )}
    </form>
  );
}

function UserMenu(props: { me: Me; onLogout: () => void }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useDismiss(open, () => setOpen(false), ref, 'button');
  const roles = Array.from(new Set(props.me.roles.map((r) => t(`role.${r.role}` as MessageKey))));
  return (
    <div class="user-menu" ref={ref}>
      <button
        type="button"
        class="user-menu-button"
        aria-expanded={open}
        aria-controls="user-menu-panel"
        onClick={() => setOpen(!open)}
      >
        <span class="avatar" aria-hidden="true">
          {initials(props.me.full_name || props.me.username)}
        </span>
        <span class="user-name">{props.me.full_name || props.me.username}</span>
        <span class="visually-hidden">{t('usermenu.label')}</span>
      </button>
      {open && (
        <div id="user-menu-panel" class="user-menu-panel">
          <p class="user-menu-who">
            <strong>{props.me.full_name}</strong>
            <br />
            <span class="muted">{props.me.username}</span>
          </p>
          <p class="user-menu-roles">
            {t('usermenu.roles')}: {roles.join(', ')}
          </p>
          <button type="button" class="button button--secondary" onClick={props.onLogout}>
            {t('usermenu.logout')}
          </button>
        </div>
      )}
    </div>
  );
}

// "Lê Thị Hồng (Sở Tài chính)" → "LH": family name and given name, without the note.
function initials(name: string): string {
  const parts = name.replace(/\(.*?\)/g, ' ').trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '?';
  const letters = parts.length > 1 ? parts[0][0] + parts[parts.length - 1][0] : parts[0].slice(0, 2);
  return letters.toUpperCase();
}

export function Shell(props: { me: Me; cityName: string; onLogout: () => void; children: ComponentChildren }) {
  const loc = useLocation();
  const asOf = asOfFrom(loc.query);
  const [navOpen, setNavOpen] = useState(false);
  const firstRender = useRef(true);

  // After an in-app navigation, move focus to the new page's heading so a screen
  // reader announces it and Tab starts from the content.
  useEffect(() => {
    setNavOpen(false);
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.setTimeout(() => document.getElementById('page-title')?.focus({ preventScroll: false }), 0);
  }, [loc.path]);

  const items = NAV.filter((i) => !i.permission || can(props.me, i.permission));

  return (
    <div class="app">
      <a class="skip-link" href="#main">
        {t('shell.skip')}
      </a>
      <header class="topbar">
        <div class="topbar-row">
          <button
            type="button"
            class="menu-button"
            aria-expanded={navOpen}
            aria-controls="sidenav"
            onClick={() => setNavOpen(!navOpen)}
          >
            <span class="menu-icon" aria-hidden="true" />
            {t('shell.menu')}
          </button>
          <Link class="brand" href={hrefWith('/', asOf)}>
            <span class="brand-mark" aria-hidden="true">
              ĐH
            </span>
            <span class="brand-text">
              <span class="brand-city">{props.cityName}</span>
              <span class="brand-product">{t('app.product')}</span>
            </span>
          </Link>
          <div class="topbar-scope">
            <span class="topbar-caption">{t('scope.label')}</span>
            <span class="scope-value">{scopeLabel(props.me)}</span>
          </div>
          <AsOfControl />
          <LanguageSwitch />
          <NotificationBell />
          <UserMenu me={props.me} onLogout={props.onLogout} />
        </div>
      </header>
      <div class="layout">
        <nav id="sidenav" class={`sidenav${navOpen ? ' sidenav--open' : ''}`} aria-label={t('shell.navLabel')}>
          <SearchBox />
          <ul>
            {items.map((i) => (
              <li key={i.path} class={i.sub ? 'sidenav-sub' : undefined}>
                <Link
                  href={hrefWith(i.path, asOf)}
                  aria-current={isCurrent(i, loc.path, loc.query) ? 'page' : undefined}
                  onClick={() => setNavOpen(false)}
                >
                  {t(i.label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" class="main" tabIndex={-1}>
          {props.children}
        </main>
      </div>
    </div>
  );
}

export function NotFoundPage() {
  return (
    <div>
      <h1 id="page-title" tabIndex={-1}>
        {t('notfound.title')}
      </h1>
      <p>{t('notfound.body')}</p>
      <p>
        <a
          href="/"
          onClick={(e) => {
            e.preventDefault();
            navigate('/');
          }}
        >
          {t('notfound.home')}
        </a>
      </p>
    </div>
  );
}
