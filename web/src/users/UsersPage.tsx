import { api } from '../api/client';
import type { RoleName, User } from '../api/types';
import { hrefWith, useAsOf } from '../app/asof';
import { Link } from '../app/router';
import { useCan } from '../auth/session';
import { formatInteger } from '../core/format';
import { ClearFilters, FilterForm, ListPage, SearchField, useDraft, useListQuery, type Column } from '../core/list';
import { SelectField, Tag } from '../core/ui';
import { t } from '../i18n';
import { UnitPicker, useUnitRef } from '../units/UnitPicker';
import { roleOptions, roleText } from './labels';

export function UsersPage() {
  const asOf = useAsOf();
  const canWrite = useCan('users.write');
  const list = useListQuery({
    limit: 50,
    filters: (query) => ({ q: query.get('q') ?? '', role: query.get('role') ?? '', unitId: Number(query.get('unit_id')) || undefined }),
    load: (f, page) => api.users.list({ q: f.q || undefined, role: (f.role || undefined) as RoleName | undefined, unit_id: f.unitId, ...page }),
  });
  const { q, role, unitId } = list.filters;
  const [qText, setQText] = useDraft(q);
  const [unit, setUnit] = useUnitRef(unitId);
  const filtered = !!(q || role || unitId);
  const add = (cls?: string) =>
    canWrite && (
      <Link class={cls} href={hrefWith('/users/new', asOf)}>
        {t('users.add')}
      </Link>
    );

  const columns: Column<User>[] = [
    { label: t('user.username'), sort: 'username', cell: (u) => <Link href={hrefWith(`/users/${u.id}`, asOf)}>{u.username}</Link> },
    { label: t('user.fullName'), sort: 'full_name', cell: (u) => u.full_name },
    { label: t('user.email'), sort: 'email', cell: (u) => u.email || '—' },
    {
      label: t('user.roles'),
      cell: (u) => (
        <ul class="plain-list">
          {u.roles.map((r, i) => (
            <li key={i}>{roleText(r)}</li>
          ))}
        </ul>
      ),
    },
    { label: t('user.status'), sort: 'active', cell: (u) => (u.active ? <Tag tone="green">{t('user.active')}</Tag> : <Tag tone="grey">{t('user.inactive')}</Tag>) },
  ];

  return (
    <ListPage
      title={t('users.title')}
      lead={t('users.lead')}
      actions={add('button')}
      filters={
        <FilterForm onSubmit={() => list.setFilters({ q: qText.trim() || null })}>
          <SearchField id="users-q" label={t('users.search')} hint={t('users.searchHint')} value={qText} onValue={setQText} width="medium" />
          <SelectField
            id="users-role"
            label={t('users.role')}
            value={role}
            onValue={(v) => list.setFilters({ role: v || null })}
            options={[{ value: '', label: t('users.allRoles') }, ...roleOptions(false)]}
          />
          <UnitPicker
            id="users-unit"
            label={t('users.unit')}
            asOf={asOf}
            value={unit}
            onChange={(u) => {
              setUnit(u);
              list.setFilters({ unit_id: u?.id ?? null });
            }}
          />
          {filtered && <ClearFilters onClear={() => list.setFilters({ q: null, role: null, unit_id: null })} />}
        </FilterForm>
      }
      list={list}
      empty={
        <>
          {filtered ? t('users.emptyFiltered') : t('users.empty')} {add()}
        </>
      }
      count={(n) => t('users.count', { n: formatInteger(n) })}
      columns={columns}
    />
  );
}
