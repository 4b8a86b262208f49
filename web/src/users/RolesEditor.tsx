// A user's roles as rows of role + unit. Admin is system-wide (no unit); every other
// role is scoped to a unit subtree.
import type { RoleName, UnitRef } from '../api/types';
import { errorFor, fieldId, type FieldError } from '../core/errors';
import { SelectField } from '../core/ui';
import { t } from '../i18n';
import { UnitPicker } from '../units/UnitPicker';
import { roleOptions } from './labels';

export interface RoleRow {
  role: RoleName | '';
  unit: UnitRef | null;
}

export function validateRoles(rows: RoleRow[]): FieldError[] {
  const problems: FieldError[] = [];
  if (rows.length === 0) problems.push({ field: 'roles', message: t('userForm.rolesRequired') });
  rows.forEach((r, i) => {
    if (!r.role) problems.push({ field: `roles[${i}].role`, message: t('userForm.roleRequired') });
    else if (r.role !== 'admin' && !r.unit) problems.push({ field: `roles[${i}].unit_id`, message: t('userForm.roleUnitRequired') });
  });
  return problems;
}

export function rolesForApi(rows: RoleRow[]): { role: RoleName; unit_id: number | null }[] {
  return rows.map((r) => ({ role: r.role as RoleName, unit_id: r.role === 'admin' ? null : r.unit?.id ?? null }));
}

export function RolesEditor(props: { form: string; rows: RoleRow[]; onChange: (rows: RoleRow[]) => void; errors: FieldError[]; asOf: string }) {
  const set = (i: number, patch: Partial<RoleRow>) => props.onChange(props.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const groupError = errorFor(props.errors, 'roles');
  return (
    <fieldset class={`fieldset fieldset--group${groupError ? ' field--error' : ''}`}>
      <legend>
        {t('user.roles')} <span class="required">({t('form.required')})</span>
      </legend>
      <p class="hint">{t('userForm.rolesHint')}</p>
      {groupError && <p class="field-error">{groupError}</p>}
      {props.rows.map((r, i) => (
        <div class="role-row" key={i}>
          <SelectField
            id={fieldId(props.form, `roles[${i}].role`)}
            label={t('userForm.roleN', { n: i + 1 })}
            value={r.role}
            onValue={(v) => set(i, { role: v as RoleName })}
            options={roleOptions(true)}
            error={errorFor(props.errors, `roles[${i}].role`)}
          />
          {r.role !== 'admin' && (
            <UnitPicker
              id={fieldId(props.form, `roles[${i}].unit_id`)}
              label={t('userForm.roleUnit')}
              asOf={props.asOf}
              value={r.unit}
              onChange={(u) => set(i, { unit: u })}
              error={errorFor(props.errors, `roles[${i}].unit_id`)}
            />
          )}
          {r.role === 'admin' && <p class="hint role-row-note">{t('userForm.adminAll')}</p>}
          <div class="role-row-remove">
            <button type="button" class="button button--link" onClick={() => props.onChange(props.rows.filter((_, j) => j !== i))}>
              {t('userForm.removeRole')}
              <span class="visually-hidden"> {i + 1}</span>
            </button>
          </div>
        </div>
      ))}
      <button id={fieldId(props.form, 'roles')} type="button" class="button button--secondary" onClick={() => props.onChange([...props.rows, { role: '', unit: null }])}>
        {t('userForm.addRole')}
      </button>
    </fieldset>
  );
}
