import { useEffect, useState } from 'preact/hooks';
import { api, isApiError, setCsrfToken } from '../api/client';
import type { Me } from '../api/types';
import { errorMessage, errorFor, tooManyAttemptsMessage, type FieldError } from '../core/errors';
import { useDocumentTitle } from '../core/hooks';
import { ErrorSummary, TextField } from '../core/ui';
import { t } from '../i18n';
import { LanguageSwitch } from '../app/LanguageSwitch';

const FORM = 'login';

export function LoginPage(props: { onLogin: (me: Me) => void }) {
  useDocumentTitle(t('login.title'));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const [now, setNow] = useState(Date.now());

  // Count down a 429 so the person sees when to try again.
  useEffect(() => {
    if (!waitUntil) return;
    const id = window.setInterval(() => {
      setNow(Date.now());
      if (Date.now() >= waitUntil) setWaitUntil(null);
    }, 1000);
    return () => window.clearInterval(id);
  }, [waitUntil]);

  const secondsLeft = waitUntil ? Math.max(0, Math.ceil((waitUntil - now) / 1000)) : 0;

  const submit = async (e: Event) => {
    e.preventDefault();
    const problems: FieldError[] = [];
    if (!username.trim()) problems.push({ field: 'username', message: t('login.usernameRequired') });
    if (!password) problems.push({ field: 'password', message: t('login.passwordRequired') });
    setErrors(problems);
    if (problems.length) return;
    setBusy(true);
    try {
      const res = await api.login(username.trim(), password);
      setCsrfToken(res.csrf_token);
      props.onLogin({ ...res.user, csrf_token: res.csrf_token });
    } catch (err) {
      if (isApiError(err) && err.code === 'too_many_attempts') {
        const seconds = err.retryAfter ?? 60;
        setWaitUntil(Date.now() + seconds * 1000);
        setNow(Date.now());
        setErrors([{ field: 'username', message: tooManyAttemptsMessage(seconds) }]);
      } else if (isApiError(err) && err.status === 401) {
        setErrors([{ field: 'password', message: t('login.invalidCredentials') }]);
      } else {
        setErrors([{ field: err && isApiError(err) ? err.field : null, message: errorMessage(err) }]);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="login-page">
      <header class="login-top">
        <span class="brand-mark" aria-hidden="true">
          ĐH
        </span>
        <span class="login-product">{t('app.product')}</span>
        <LanguageSwitch />
      </header>
      <main id="main" class="login-main">
        <div class="login-card">
          <h1 id="page-title" tabIndex={-1}>
            {t('login.title')}
          </h1>
          <p class="lead">{t('login.lead')}</p>
          <ErrorSummary form={FORM} errors={errors} />
          <form onSubmit={submit} noValidate>
            <TextField
              id={`${FORM}-username`}
              label={t('login.username')}
              value={username}
              onValue={setUsername}
              error={errorFor(errors, 'username')}
              autoComplete="username"
              autoCapitalize="none"
              spellcheck={false}
              width="medium"
            />
            <TextField
              id={`${FORM}-password`}
              type="password"
              label={t('login.password')}
              value={password}
              onValue={setPassword}
              error={errorFor(errors, 'password')}
              autoComplete="current-password"
              width="medium"
            />
            {waitUntil && secondsLeft > 0 && (
              <p class="hint" role="status">
                {t('login.waitSeconds', { seconds: secondsLeft })}
              </p>
            )}
            <button type="submit" class="button" disabled={busy || (!!waitUntil && secondsLeft > 0)}>
              {busy ? t('login.submitting') : t('login.submit')}
            </button>
          </form>
        </div>
      </main>
    </div>
  );
}
