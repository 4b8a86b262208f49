// Boot (who am I?), the login gate and the routes.
import { useEffect, useState } from 'preact/hooks';
import { api, isApiError, onUnauthenticated, setCsrfToken } from '../api/client';
import type { Me } from '../api/types';
import { AuditPage } from '../audit/AuditPage';
import { LoginPage } from '../auth/LoginPage';
import { can, SessionContext, type Session } from '../auth/session';
import { ErrorBox, Loading } from '../core/ui';
import { getLang, onLangChange, t } from '../i18n';
import { OverviewPage } from '../overview/OverviewPage';
import { CalendarPage } from '../calendar/CalendarPage';
import { DirectiveDetailPage } from '../directives/DirectiveDetailPage';
import { DirectiveCreatePage, DirectiveEditPage } from '../directives/DirectiveFormPage';
import { DirectivesPage } from '../directives/DirectivesPage';
import { NotificationsPage } from '../notifications/NotificationsPage';
import { BoardsPage } from '../tasks/BoardsPage';
import { CoordinationPage } from '../tasks/CoordinationPage';
import { MyWorkPage } from '../tasks/MyWorkPage';
import { SearchPage } from '../tasks/SearchPage';
import { DeadlineCalendarPage } from '../tasks/DeadlineCalendarPage';
import { TaskImportPage } from '../tasks/TaskImportPage';
import { TaskDetailPage } from '../tasks/TaskDetailPage';
import { TaskEditPage, TaskNewPage } from '../tasks/TaskEditPage';
import { TasksPage } from '../tasks/TasksPage';
import { EventsPage } from '../units/EventsPage';
import { RestructurePage } from '../units/RestructurePage';
import { UnitDetailPage } from '../units/UnitDetailPage';
import { UnitCreatePage, UnitEditPage, UnitEndPage } from '../units/UnitFormPage';
import { UnitsPage } from '../units/UnitsPage';
import { UserCreatePage, UserEditPage } from '../users/UserFormPage';
import { UsersPage } from '../users/UsersPage';
import { matchPath, navigate, useLocation, type Location } from './router';
import { NotFoundPage, Shell } from './Shell';
import { FEATURES } from './features';

function Forbidden() {
  return (
    <div>
      <h1 id="page-title" tabIndex={-1}>
        {t('error.forbiddenTitle')}
      </h1>
      <p>{t('error.forbidden')}</p>
    </div>
  );
}

function route(loc: Location, me: Me) {
  const p = loc.path.replace(/\/+$/, '') || '/';
  const id = (pattern: string) => {
    const m = matchPath(pattern, p);
    return m && /^\d+$/.test(m.id) ? Number(m.id) : null;
  };
  const needs = (perm: string, page: () => preact.JSX.Element) => (can(me, perm) ? page() : <Forbidden />);
  let n: number | null;

  if (p === '/') return <OverviewPage />;
  if (p === '/units') return <UnitsPage />;
  if (p === '/units/new') return needs('units.write', () => <UnitCreatePage />);
  if (p === '/units/restructure') return needs('units.write', () => <RestructurePage />);
  if (p === '/units/events') return <EventsPage />;
  if ((n = id('/units/:id')) !== null) return <UnitDetailPage key={n} id={n} />;
  if ((n = id('/units/:id/edit')) !== null) return needs('units.write', () => <UnitEditPage key={n} id={n!} />);
  if ((n = id('/units/:id/end')) !== null) return needs('units.write', () => <UnitEndPage key={n} id={n!} />);
  if (p === '/users') return needs('users.read', () => <UsersPage />);
  if (p === '/users/new') return needs('users.write', () => <UserCreatePage />);
  if ((n = id('/users/:id')) !== null) return needs('users.read', () => <UserEditPage key={n} id={n!} />);
  if (p === '/audit') return needs('audit.read', () => <AuditPage />);
  if (p === '/tasks') return needs('tasks.read', () => <TasksPage />);
  if (p === '/my-work') return needs('tasks.read', () => <MyWorkPage />);
  if (p === '/tasks/new') return needs('tasks.manage', () => <TaskNewPage />);
  if (p === '/tasks/import') return needs('tasks.manage', () => <TaskImportPage />);
  if (p === '/tasks/boards') return needs('tasks.read', () => <BoardsPage />);
  if (p === '/search') return <SearchPage />; // tasksreport
  if (p === '/tasks/deadlines') return needs('tasks.read', () => <DeadlineCalendarPage />); // tasksreport
  if (p === '/tasks/coordination') return needs('tasks.read', () => <CoordinationPage />);
  if ((n = id('/tasks/:id')) !== null) return needs('tasks.read', () => <TaskDetailPage key={n} id={n!} />);
  if ((n = id('/tasks/:id/edit')) !== null) return needs('tasks.manage', () => <TaskEditPage key={n} id={n!} />);
  if (p === '/directives') return needs('tasks.read', () => <DirectivesPage />);
  if (p === '/directives/new') return needs('tasks.manage', () => <DirectiveCreatePage />);
  if ((n = id('/directives/:id')) !== null) return needs('tasks.read', () => <DirectiveDetailPage key={n} id={n!} />);
  if ((n = id('/directives/:id/edit')) !== null) return needs('tasks.manage', () => <DirectiveEditPage key={n} id={n!} />);
  if (p === '/calendar') return <CalendarPage />;
  if (p === '/notifications') return <NotificationsPage />;
  for (const f of FEATURES) {
    const page = f.route({ path: p, query: loc.query, id, needs });
    if (page) return page;
  }
  return <NotFoundPage />;
}

function safeNext(next: string | null): string {
  // Only same-site paths: never bounce to another origin after login.
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function App() {
  const [, setLang] = useState(getLang());
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [bootError, setBootError] = useState<unknown>(null);
  const [cityName, setCityName] = useState<string | null>(null);
  const loc = useLocation();

  useEffect(() => onLangChange(setLang), []);
  useEffect(() => {
    document.documentElement.lang = getLang();
  }, []);

  const boot = () => {
    setBootError(null);
    api.me().then(
      (m) => {
        setCsrfToken(m.csrf_token ?? null);
        setMe(m);
      },
      (e) => {
        if (isApiError(e) && e.status === 401) setMe(null);
        else setBootError(e);
      },
    );
  };
  useEffect(boot, []);

  useEffect(() => {
    onUnauthenticated(() => {
      setCsrfToken(null);
      setMe(null);
    });
    return () => onUnauthenticated(null);
  }, []);

  // The city's name for the top bar: the root unit of kind city, when the user sees it.
  useEffect(() => {
    if (!me) return;
    api.units.list({ kind: 'city', limit: 1 }).then(
      (r) => setCityName(r.items[0]?.name ?? null),
      () => setCityName(null),
    );
  }, [me?.id]);

  // A public page (no login) of a feature, whoever asks.
  const publicPage = FEATURES.map((f) => f.publicRoute?.(loc.path.replace(/\/+$/, ''), loc.query) ?? null).find((x) => x) ?? null;

  // Logged out on a deep link: go to /login?next=<where you were>.
  useEffect(() => {
    if (me === null && loc.path !== '/login' && !publicPage) {
      navigate(`/login?next=${encodeURIComponent(loc.path + window.location.search)}`, { replace: true });
    }
    if (me && loc.path === '/login') navigate(safeNext(loc.query.get('next')), { replace: true });
  }, [me, loc.path]);

  if (publicPage) return <main id="main">{publicPage}</main>;
  if (bootError) {
    return (
      <main id="main" class="boot-error">
        <h1>{t('app.product')}</h1>
        <ErrorBox error={bootError} onRetry={boot} />
      </main>
    );
  }
  if (me === undefined) return <Loading />;
  if (me === null) {
    return (
      <LoginPage
        onLogin={(m) => {
          setMe(m);
          navigate(safeNext(new URLSearchParams(window.location.search).get('next')), { replace: true });
        }}
      />
    );
  }
  if (loc.path === '/login') return <Loading />;

  const session: Session = {
    me,
    setMe,
    logout: async () => {
      try {
        await api.logout();
      } catch {
        // The session may already be gone; log out locally anyway.
      }
      setCsrfToken(null);
      setMe(null);
      navigate('/login', { replace: true });
    },
  };

  return (
    <SessionContext.Provider value={session}>
      <Shell me={me} cityName={cityName ?? t('app.city')} onLogout={session.logout}>
        {route(loc, me)}
      </Shell>
    </SessionContext.Provider>
  );
}
