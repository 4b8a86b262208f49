import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { RoleName, UnitRef } from '../api/types';
import { hrefWith, useAsOf } from '../app/asof';
import { Link, setQuery, useLocation } from '../app/router';
import { useCan } from '../auth/session';
import { Flash } from '../core/Flash';
import { formatInteger } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { Empty, ErrorBox, Loading, PageHeader, Pager, SelectField, Tag } from '../core/ui';
import { t } from '../i18n';
import { UnitPicker } from '../units/UnitPicker';
import { roleOptions, roleText } from './labels';

const LIMIT = 50;

export function UsersPage() {
  useDocumentTitle(t('users.title'));
  const loc = useLocation();
  const asOf = useAsOf();
  const canWrite = useCan('users.write');
  const q = loc.query.get('q') ?? '';
  const role = loc.query.get('role') ?? '';
  const unitId = Number(loc.query.get('unit_id')) || undefined;
  const offset = Math.max(0, Number(loc.query.get('offset')) || 0);
  const [qText, setQText] = useState(q);
  const [unit, setUnit] = useState<UnitRef | null>(null);
  useEffect(() => setQText(q), [q]);
  useEffect(() => {
    if (!unitId) {
      setUnit(null);
      return;
    }
    if (unit?.id === unitId) return;
    api.units.get(unitId).then(
      (u) => setUnit({ id: u.id, code: u.code, name: u.name }),
      () => setUnit({ id: unitId, code: '', name: `#${unitId}` }),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [unitId]);

  const res = useAsync(() => api.users.list({ q: q || undefined, role: (role || undefined) as RoleName | undefined, unit_id: unitId, limit: LIMIT, offset }), [q, role, unitId, offset]);
  const filtered = !!(q || role || unitId);

  return (
    <div>
      <PageHeader
        title={t('users.title')}
        lead={t('users.lead')}
        actions={
          canWrite && (
            <Link class="button" href={hrefWith('/users/new', asOf)}>
              {t('users.add')}
            </Link>
          )
        }
      />
      <Flash />
      <form
        class="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery({ q: qText.trim() || null, offset: null });
        }}
      >
        <div class="field">
          <label for="users-q">{t('users.search')}</label>
          <p class="hint" id="users-q-hint">
            {t('users.searchHint')}
          </p>
          <div class="input-with-button">
            <input id="users-q" type="search" class="input input--medium" value={qText} aria-describedby="users-q-hint" onInput={(e) => setQText((e.target as HTMLInputElement).value)} />
            <button type="submit" class="button">
              {t('common.search')}
            </button>
          </div>
        </div>
        <SelectField
          id="users-role"
          label={t('users.role')}
          value={role}
          onValue={(v) => setQuery({ role: v || null, offset: null })}
          options={[{ value: '', label: t('users.allRoles') }, ...roleOptions(false)]}
        />
        <UnitPicker id="users-unit" label={t('users.unit')} asOf={asOf} value={unit} onChange={(u) => {
          setUnit(u);
          setQuery({ unit_id: u?.id ?? null, offset: null });
        }} />
        {filtered && (
          <div class="field">
            <button type="button" class="button button--link" onClick={() => setQuery({ q: null, role: null, unit_id: null, offset: null })}>
              {t('common.clearFilters')}
            </button>
          </div>
        )}
      </form>
      {res.error ? (
        <ErrorBox error={res.error} onRetry={res.reload} />
      ) : !res.data ? (
        <Loading />
      ) : res.data.items.length === 0 ? (
        <Empty>
          {filtered ? t('users.emptyFiltered') : t('users.empty')}{' '}
          {canWrite && <Link href={hrefWith('/users/new', asOf)}>{t('users.add')}</Link>}
        </Empty>
      ) : (
        <>
          <p class="muted">{t('users.count', { n: formatInteger(res.data.total) })}</p>
          <div class="table-wrap">
            <table class="table table--stack">
              <thead>
                <tr>
                  <th scope="col">{t('user.username')}</th>
                  <th scope="col">{t('user.fullName')}</th>
                  <th scope="col">{t('user.email')}</th>
                  <th scope="col">{t('user.roles')}</th>
                  <th scope="col">{t('user.status')}</th>
                </tr>
              </thead>
              <tbody>
                {res.data.items.map((u) => (
                  <tr key={u.id}>
                    <td data-label={t('user.username')}>
                      <Link href={hrefWith(`/users/${u.id}`, asOf)}>{u.username}</Link>
                    </td>
                    <td data-label={t('user.fullName')}>{u.full_name}</td>
                    <td data-label={t('user.email')}>{u.email || '—'}</td>
                    <td data-label={t('user.roles')}>
                      <ul class="plain-list">
                        {u.roles.map((r, i) => (
                          <li key={i}>{roleText(r)}</li>
                        ))}
                      </ul>
                    </td>
                    <td data-label={t('user.status')}>{u.active ? <Tag tone="green">{t('user.active')}</Tag> : <Tag tone="grey">{t('user.inactive')}</Tag>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager total={res.data.total} limit={LIMIT} offset={offset} onOffset={(o) => setQuery({ offset: o || null })} />
        </>
      )}
    </div>
  );
}
