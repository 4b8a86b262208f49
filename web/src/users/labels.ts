import { ROLE_NAMES, type RoleAssignment, type RoleName } from '../api/types';
import { hasKey, t } from '../i18n';

export function roleLabel(role: RoleName | string): string {
  const key = `role.${role}`;
  return hasKey(key) ? t(key) : role;
}

export function roleOptions(withEmpty: boolean) {
  const opts = ROLE_NAMES.map((r) => ({ value: r, label: roleLabel(r) }));
  return withEmpty ? [{ value: '', label: t('form.choose') }, ...opts] : opts;
}

export function roleText(r: RoleAssignment): string {
  if (r.unit_id === null) return `${roleLabel(r.role)} — ${t('scope.all')}`;
  return `${roleLabel(r.role)} — ${r.unit_name ?? r.unit_code ?? `#${r.unit_id}`}`;
}
