// Create a user; edit one (details, roles, active) and reset a password.
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { User, UserPatch } from '../api/types';
import { hrefWith, useAsOf } from '../app/asof';
import { Link, navigate } from '../app/router';
import { useCan } from '../auth/session';
import { Flash } from '../core/Flash';
import { fieldId, toFieldErrors, type FieldError } from '../core/errors';
import { FormPage, Loaded, useForm } from '../core/form';
import { setFlash } from '../core/flash';
import { formatDateTime } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { ErrorSummary, Notice, PageHeader, Tag, TextField } from '../core/ui';
import { t } from '../i18n';
import { roleText } from './labels';
import { RolesEditor, rolesForApi, validateRoles, type RoleRow } from './RolesEditor';

const FORM = 'user';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkEmail(email: string, problems: FieldError[]) {
  if (email.trim() && !EMAIL.test(email.trim())) problems.push({ field: 'email', message: t('userForm.emailInvalid') });
}

function Breadcrumb(props: { asOf: string }) {
  return (
    <p class="breadcrumb">
      <Link href={hrefWith('/users', props.asOf)}>{t('nav.users')}</Link>
    </p>
  );
}

export function UserCreatePage() {
  useDocumentTitle(t('userForm.createTitle'));
  const asOf = useAsOf();
  const [username, setUsername] = useState('');
  const [fullName, setFullName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<RoleRow[]>([{ role: '', unit: null }]);
  const f = useForm(FORM);

  const check = (problems: FieldError[]) => {
    if (!username.trim()) problems.push({ field: 'username', message: t('userForm.usernameRequired') });
    if (!fullName.trim()) problems.push({ field: 'full_name', message: t('userForm.fullNameRequired') });
    checkEmail(email, problems);
    if (!password) problems.push({ field: 'password', message: t('userForm.passwordRequired') });
    problems.push(...validateRoles(roles));
  };
  const save = async () => {
    const created = await api.users.create({
      username: username.trim(),
      full_name: fullName.trim(),
      ...(email.trim() ? { email: email.trim() } : {}),
      password,
      roles: rolesForApi(roles),
    });
    setFlash(t('userForm.created', { name: created.username }));
    navigate(hrefWith('/users', asOf));
  };

  return (
    <FormPage
      before={<Breadcrumb asOf={asOf} />}
      title={t('userForm.createTitle')}
      state={f}
      onSubmit={f.submit(check, save)}
      submitLabel={t('userForm.create')}
      cancelHref={hrefWith('/users', asOf)}
    >
      <TextField {...f.field('username')} label={t('user.username')} hint={t('userForm.usernameHint')} required value={username} onValue={setUsername} width="medium" autoComplete="off" autoCapitalize="none" spellcheck={false} />
      <TextField {...f.field('full_name')} label={t('user.fullName')} required value={fullName} onValue={setFullName} autoComplete="off" />
      <TextField {...f.field('email')} type="email" label={t('userForm.emailOptional')} value={email} onValue={setEmail} autoComplete="off" />
      <TextField {...f.field('password')} type="password" label={t('userForm.password')} hint={t('userForm.passwordHint')} required value={password} onValue={setPassword} width="medium" autoComplete="new-password" />
      <RolesEditor form={FORM} rows={roles} onChange={setRoles} errors={f.errors} asOf={asOf} />
    </FormPage>
  );
}

export function UserEditPage(props: { id: number }) {
  const res = useAsync(() => api.users.get(props.id), [props.id]);
  const canWrite = useCan('users.write');
  useDocumentTitle(res.data?.username ?? t('userForm.editTitle'));
  return <Loaded res={res}>{(u) => (canWrite ? <UserEditForm user={u} /> : <UserView user={u} />)}</Loaded>;
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
      <Breadcrumb asOf={asOf} />
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

function PasswordReset(props: { user: User }) {
  const u = props.user;
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const f = useForm('password');

  const check = (problems: FieldError[]) => {
    setDone(false);
    if (!password) problems.push({ field: 'password', message: t('userForm.passwordRequired') });
  };
  const save = async () => {
    try {
      await api.users.update(u.id, { password });
    } catch (err) {
      // A refused password is the password field's problem.
      f.setErrors(toFieldErrors(err).map((fe) => ({ ...fe, field: fe.field ?? 'password' })));
      return;
    }
    setPassword('');
    setDone(true);
  };

  return (
    <section class="section">
      <h2>{t('userForm.resetTitle')}</h2>
      <ErrorSummary form="password" errors={f.errors} />
      {done && <Notice tone="success">{t('userForm.resetDone', { name: u.username })}</Notice>}
      <form onSubmit={f.submit(check, save)} noValidate>
        <TextField {...f.field('password')} type="password" label={t('userForm.newPassword')} hint={t('userForm.passwordHint')} required value={password} onValue={setPassword} width="medium" autoComplete="new-password" />
        <button type="submit" class="button button--secondary">
          {t('userForm.resetSubmit')}
        </button>
      </form>
    </section>
  );
}

function UserEditForm(props: { user: User }) {
  const asOf = useAsOf();
  const u = props.user;
  const [fullName, setFullName] = useState(u.full_name);
  const [email, setEmail] = useState(u.email ?? '');
  const [active, setActive] = useState(u.active);
  const [roles, setRoles] = useState<RoleRow[]>(
    u.roles.map((r) => ({ role: r.role, unit: r.unit_id !== null ? { id: r.unit_id, code: r.unit_code ?? '', name: r.unit_name ?? `#${r.unit_id}` } : null })),
  );
  const f = useForm(FORM);
  const activeId = fieldId(FORM, 'active');

  const check = (problems: FieldError[]) => {
    if (!fullName.trim()) problems.push({ field: 'full_name', message: t('userForm.fullNameRequired') });
    checkEmail(email, problems);
    problems.push(...validateRoles(roles));
  };
  const save = async () => {
    const changes: UserPatch = { full_name: fullName.trim(), email: email.trim(), active, roles: rolesForApi(roles) };
    await api.users.update(u.id, changes);
    setFlash(t('userForm.saved', { name: u.username }));
    navigate(hrefWith('/users', asOf));
  };

  return (
    <FormPage
      before={<Breadcrumb asOf={asOf} />}
      title={t('userForm.editTitle')}
      lead={u.username}
      actions={
        <Link class="button button--secondary" href={`/audit?entity=user&entity_id=${u.id}`}>
          {t('unit.history')}
        </Link>
      }
      intro={
        <>
          <Flash />
          <UserSummary user={u} />
        </>
      }
      state={f}
      onSubmit={f.submit(check, save)}
      submitLabel={t('common.save')}
      cancelHref={hrefWith('/users', asOf)}
      after={<PasswordReset user={u} />}
    >
      <TextField {...f.field('full_name')} label={t('user.fullName')} required value={fullName} onValue={setFullName} autoComplete="off" />
      <TextField {...f.field('email')} type="email" label={t('userForm.emailOptional')} value={email} onValue={setEmail} autoComplete="off" />
      <div class={`field field--checkbox${f.field('active').error ? ' field--error' : ''}`}>
        <input id={activeId} type="checkbox" checked={active} onChange={(e) => setActive((e.target as HTMLInputElement).checked)} aria-describedby={`${activeId}-hint`} />
        <label for={activeId}>{t('userForm.activeLabel')}</label>
        <p class="hint" id={`${activeId}-hint`}>
          {t('userForm.activeHint')}
        </p>
      </div>
      <RolesEditor form={FORM} rows={roles} onChange={setRoles} errors={f.errors} asOf={asOf} />
    </FormPage>
  );
}
