// Create a user; edit one (details, roles, active) and reset a password.
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { User, UserPatch } from '../api/types';
import { hrefWith, useAsOf } from '../app/asof';
import { Link, navigate } from '../app/router';
import { useCan } from '../auth/session';
import { Flash } from '../core/Flash';
import { errorFor, fieldId, toFieldErrors, type FieldError } from '../core/errors';
import { setFlash } from '../core/flash';
import { formatDateTime } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { ErrorBox, ErrorSummary, Loading, Notice, PageHeader, Tag, TextField } from '../core/ui';
import { t } from '../i18n';
import { roleText } from './labels';
import { RolesEditor, rolesForApi, validateRoles, type RoleRow } from './RolesEditor';

const FORM = 'user';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkEmail(email: string, problems: FieldError[]) {
  if (email.trim() && !EMAIL.test(email.trim())) problems.push({ field: 'email', message: t('userForm.emailInvalid') });
}

export function UserCreatePage() {
  useDocumentTitle(t('userForm.createTitle'));
  const asOf = useAsOf();
  const [username, setUsername] = useState('');
  const [fullName, setFullName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<RoleRow[]>([{ role: '', unit: null }]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const problems: FieldError[] = [];
    if (!username.trim()) problems.push({ field: 'username', message: t('userForm.usernameRequired') });
    if (!fullName.trim()) problems.push({ field: 'full_name', message: t('userForm.fullNameRequired') });
    checkEmail(email, problems);
    if (!password) problems.push({ field: 'password', message: t('userForm.passwordRequired') });
    problems.push(...validateRoles(roles));
    setErrors(problems);
    if (problems.length) return;
    setBusy(true);
    try {
      const created = await api.users.create({
        username: username.trim(),
        full_name: fullName.trim(),
        ...(email.trim() ? { email: email.trim() } : {}),
        password,
        roles: rolesForApi(roles),
      });
      setFlash(t('userForm.created', { name: created.username }));
      navigate(hrefWith('/users', asOf));
    } catch (err) {
      setErrors(toFieldErrors(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="form-page">
      <p class="breadcrumb">
        <Link href={hrefWith('/users', asOf)}>{t('nav.users')}</Link>
      </p>
      <PageHeader title={t('userForm.createTitle')} />
      <ErrorSummary form={FORM} errors={errors} />
      <form onSubmit={submit} noValidate>
        <TextField id={fieldId(FORM, 'username')} label={t('user.username')} hint={t('userForm.usernameHint')} required value={username} onValue={setUsername} error={errorFor(errors, 'username')} width="medium" autoComplete="off" autoCapitalize="none" spellcheck={false} />
        <TextField id={fieldId(FORM, 'full_name')} label={t('user.fullName')} required value={fullName} onValue={setFullName} error={errorFor(errors, 'full_name')} autoComplete="off" />
        <TextField id={fieldId(FORM, 'email')} type="email" label={t('userForm.emailOptional')} value={email} onValue={setEmail} error={errorFor(errors, 'email')} autoComplete="off" />
        <TextField id={fieldId(FORM, 'password')} type="password" label={t('userForm.password')} hint={t('userForm.passwordHint')} required value={password} onValue={setPassword} error={errorFor(errors, 'password')} width="medium" autoComplete="new-password" />
        <RolesEditor form={FORM} rows={roles} onChange={setRoles} errors={errors} asOf={asOf} />
        <div class="form-actions">
          <button type="submit" class="button" disabled={busy}>
            {busy ? t('common.saving') : t('userForm.create')}
          </button>
          <Link href={hrefWith('/users', asOf)}>{t('common.cancel')}</Link>
        </div>
      </form>
    </div>
  );
}

export function UserEditPage(props: { id: number }) {
  const res = useAsync(() => api.users.get(props.id), [props.id]);
  const canWrite = useCan('users.write');
  useDocumentTitle(res.data?.username ?? t('userForm.editTitle'));
  if (res.error) return <ErrorBox error={res.error} onRetry={res.reload} />;
  if (!res.data) return <Loading />;
  return canWrite ? <UserEditForm user={res.data} onSaved={res.reload} /> : <UserView user={res.data} />;
}

function UserSummary(props: { user: User }) {
  const u = props.user;
  return (
    <dl class="summary-list">
      <div>
        <dt>{t('user.username')}</dt>
        <dd class="code">{u.username}</dd>
      </div>
      <div>
        <dt>{t('user.createdAt')}</dt>
        <dd>{formatDateTime(u.created_at)}</dd>
      </div>
    </dl>
  );
}

function UserView(props: { user: User }) {
  const asOf = useAsOf();
  const u = props.user;
  return (
    <div>
      <p class="breadcrumb">
        <Link href={hrefWith('/users', asOf)}>{t('nav.users')}</Link>
      </p>
      <PageHeader title={u.full_name} lead={u.active ? <Tag tone="green">{t('user.active')}</Tag> : <Tag tone="grey">{t('user.inactive')}</Tag>} />
      <dl class="summary-list">
        <div>
          <dt>{t('user.username')}</dt>
          <dd class="code">{u.username}</dd>
        </div>
        <div>
          <dt>{t('user.email')}</dt>
          <dd>{u.email || '—'}</dd>
        </div>
        <div>
          <dt>{t('user.roles')}</dt>
          <dd>
            <ul class="plain-list">
              {u.roles.map((r, i) => (
                <li key={i}>{roleText(r)}</li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>{t('user.createdAt')}</dt>
          <dd>{formatDateTime(u.created_at)}</dd>
        </div>
      </dl>
    </div>
  );
}

function UserEditForm(props: { user: User; onSaved: () => void }) {
  const asOf = useAsOf();
  const u = props.user;
  const [fullName, setFullName] = useState(u.full_name);
  const [email, setEmail] = useState(u.email ?? '');
  const [active, setActive] = useState(u.active);
  const [roles, setRoles] = useState<RoleRow[]>(
    u.roles.map((r) => ({ role: r.role, unit: r.unit_id !== null ? { id: r.unit_id, code: r.unit_code ?? '', name: r.unit_name ?? `#${r.unit_id}` } : null })),
  );
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [password, setPassword] = useState('');
  const [pwErrors, setPwErrors] = useState<FieldError[]>([]);
  const [pwDone, setPwDone] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const problems: FieldError[] = [];
    if (!fullName.trim()) problems.push({ field: 'full_name', message: t('userForm.fullNameRequired') });
    checkEmail(email, problems);
    problems.push(...validateRoles(roles));
    setErrors(problems);
    if (problems.length) return;
    const changes: UserPatch = { full_name: fullName.trim(), email: email.trim(), active, roles: rolesForApi(roles) };
    setBusy(true);
    try {
      await api.users.update(u.id, changes);
      setFlash(t('userForm.saved', { name: u.username }));
      navigate(hrefWith('/users', asOf));
    } catch (err) {
      setErrors(toFieldErrors(err));
    } finally {
      setBusy(false);
    }
  };

  const resetPassword = async (e: Event) => {
    e.preventDefault();
    setPwDone(false);
    if (!password) {
      setPwErrors([{ field: 'password', message: t('userForm.passwordRequired') }]);
      return;
    }
    setPwErrors([]);
    try {
      await api.users.update(u.id, { password });
      setPassword('');
      setPwDone(true);
    } catch (err) {
      setPwErrors(toFieldErrors(err).map((fe) => ({ ...fe, field: fe.field ?? 'password' })));
    }
  };

  return (
    <div class="form-page">
      <p class="breadcrumb">
        <Link href={hrefWith('/users', asOf)}>{t('nav.users')}</Link>
      </p>
      <PageHeader
        title={t('userForm.editTitle')}
        lead={u.username}
        actions={
          <Link class="button button--secondary" href={`/audit?entity=user&entity_id=${u.id}`}>
            {t('unit.history')}
          </Link>
        }
      />
      <Flash />
      <UserSummary user={u} />
      <ErrorSummary form={FORM} errors={errors} />
      <form onSubmit={submit} noValidate>
        <TextField id={fieldId(FORM, 'full_name')} label={t('user.fullName')} required value={fullName} onValue={setFullName} error={errorFor(errors, 'full_name')} autoComplete="off" />
        <TextField id={fieldId(FORM, 'email')} type="email" label={t('userForm.emailOptional')} value={email} onValue={setEmail} error={errorFor(errors, 'email')} autoComplete="off" />
        <div class={`field field--checkbox${errorFor(errors, 'active') ? ' field--error' : ''}`}>
          <input id={fieldId(FORM, 'active')} type="checkbox" checked={active} onChange={(e) => setActive((e.target as HTMLInputElement).checked)} aria-describedby={`${fieldId(FORM, 'active')}-hint`} />
          <label for={fieldId(FORM, 'active')}>{t('userForm.activeLabel')}</label>
          <p class="hint" id={`${fieldId(FORM, 'active')}-hint`}>
            {t('userForm.activeHint')}
          </p>
        </div>
        <RolesEditor form={FORM} rows={roles} onChange={setRoles} errors={errors} asOf={asOf} />
        <div class="form-actions">
          <button type="submit" class="button" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
          <Link href={hrefWith('/users', asOf)}>{t('common.cancel')}</Link>
        </div>
      </form>

      <section class="section">
        <h2>{t('userForm.resetTitle')}</h2>
        <ErrorSummary form="password" errors={pwErrors} />
        {pwDone && <Notice tone="success">{t('userForm.resetDone', { name: u.username })}</Notice>}
        <form onSubmit={resetPassword} noValidate>
          <TextField id={fieldId('password', 'password')} type="password" label={t('userForm.newPassword')} hint={t('userForm.passwordHint')} required value={password} onValue={setPassword} error={errorFor(pwErrors, 'password')} width="medium" autoComplete="new-password" />
          <button type="submit" class="button button--secondary">
            {t('userForm.resetSubmit')}
          </button>
        </form>
      </section>
    </div>
  );
}
