// Create a unit, or edit one (name, kind, parent with the date the move takes effect).
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { UNIT_KINDS, type UnitKind, type UnitPatch, type UnitRef } from '../api/types';
import { hrefWith, useAsOf } from '../app/asof';
import { Link, navigate, useLocation } from '../app/router';
import { errorFor, fieldId, toFieldErrors, type FieldError } from '../core/errors';
import { setFlash } from '../core/flash';
import { formatDate, parseDateInput, todayIso } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { DateField, ErrorBox, ErrorSummary, Loading, PageHeader, SelectField, TextField } from '../core/ui';
import { t } from '../i18n';
import { kindLabel } from './labels';
import { UnitPicker } from './UnitPicker';

const FORM = 'unit';

function kindOptions(withEmpty: boolean) {
  const opts = UNIT_KINDS.map((k) => ({ value: k, label: kindLabel(k) }));
  return withEmpty ? [{ value: '', label: t('form.choose') }, ...opts] : opts;
}

export function UnitCreatePage() {
  useDocumentTitle(t('unitForm.createTitle'));
  const asOf = useAsOf();
  const loc = useLocation();
  const parentId = Number(loc.query.get('parent_id')) || null;
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState('');
  const [parent, setParent] = useState<UnitRef | null>(null);
  const [validFrom, setValidFrom] = useState(formatDate(asOf));
  const [validTo, setValidTo] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!parentId) return;
    api.units.get(parentId, asOf).then(
      (u) => setParent({ id: u.id, code: u.code, name: u.name }),
      () => undefined,
    );
  }, [parentId, asOf]);

  const submit = async (e: Event) => {
    e.preventDefault();
    const problems: FieldError[] = [];
    if (!code.trim()) problems.push({ field: 'code', message: t('unitForm.codeRequired') });
    if (!name.trim()) problems.push({ field: 'name', message: t('unitForm.nameRequired') });
    if (!kind) problems.push({ field: 'kind', message: t('unitForm.kindRequired') });
    if (!parent && kind !== 'city') problems.push({ field: 'parent_id', message: t('unitForm.parentRequired') });
    const from = parseDateInput(validFrom);
    if (!from) problems.push({ field: 'valid_from', message: t('form.dateInvalid') });
    const to = validTo.trim() ? parseDateInput(validTo) : null;
    if (validTo.trim() && !to) problems.push({ field: 'valid_to', message: t('form.dateInvalid') });
    if (from && to && to < from) problems.push({ field: 'valid_to', message: t('unitForm.toBeforeFrom') });
    setErrors(problems);
    if (problems.length) return;
    setBusy(true);
    try {
      const created = await api.units.create({
        code: code.trim(),
        name: name.trim(),
        kind: kind as UnitKind,
        parent_id: parent?.id ?? null,
        valid_from: from!,
        ...(to ? { valid_to: to } : {}),
      });
      setFlash(t('unitForm.created', { name: created.name }));
      navigate(hrefWith(`/units/${created.id}`, from! > asOf ? from! : asOf));
    } catch (err) {
      setErrors(toFieldErrors(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="form-page">
      <PageHeader title={t('unitForm.createTitle')} />
      <ErrorSummary form={FORM} errors={errors} />
      <form onSubmit={submit} noValidate>
        <TextField id={fieldId(FORM, 'code')} label={t('unit.code')} hint={t('unitForm.codeHint')} required value={code} onValue={setCode} error={errorFor(errors, 'code')} width="medium" autoComplete="off" />
        <TextField id={fieldId(FORM, 'name')} label={t('unit.name')} hint={t('unitForm.nameHint')} required value={name} onValue={setName} error={errorFor(errors, 'name')} autoComplete="off" />
        <SelectField id={fieldId(FORM, 'kind')} label={t('unit.kind')} required value={kind} onValue={setKind} options={kindOptions(true)} error={errorFor(errors, 'kind')} />
        <UnitPicker
          id={fieldId(FORM, 'parent_id')}
          label={t('unit.parent')}
          hint={t('unitForm.parentHint')}
          required={kind !== 'city'}
          asOf={asOf}
          value={parent}
          onChange={setParent}
          error={errorFor(errors, 'parent_id')}
        />
        <DateField id={fieldId(FORM, 'valid_from')} label={t('unit.from')} required value={validFrom} onValue={setValidFrom} error={errorFor(errors, 'valid_from')} />
        <DateField id={fieldId(FORM, 'valid_to')} label={t('unitForm.validToOptional')} hint={t('unitForm.validToHint')} value={validTo} onValue={setValidTo} error={errorFor(errors, 'valid_to')} />
        <div class="form-actions">
          <button type="submit" class="button" disabled={busy}>
            {busy ? t('common.saving') : t('unitForm.create')}
          </button>
          <Link href={hrefWith('/units', asOf)}>{t('common.cancel')}</Link>
        </div>
      </form>
    </div>
  );
}

export function UnitEditPage(props: { id: number }) {
  const asOf = useAsOf();
  const res = useAsync(() => api.units.get(props.id, asOf), [props.id, asOf]);
  useDocumentTitle(t('unitForm.editTitle'));
  if (res.error) return <ErrorBox error={res.error} onRetry={res.reload} />;
  if (!res.data) return <Loading />;
  const u = res.data;
  const period = u.parents.find((p) => p.parent_id === u.parent_id);
  return (
    <UnitEditForm
      id={u.id}
      asOf={asOf}
      initial={{
        name: u.name,
        kind: u.kind,
        parent: u.parent_id !== null ? { id: u.parent_id, code: period?.parent_code ?? '', name: period?.parent_name ?? `#${u.parent_id}` } : null,
      }}
      title={u.name}
    />
  );
}

function UnitEditForm(props: { id: number; asOf: string; title: string; initial: { name: string; kind: UnitKind; parent: UnitRef | null } }) {
  const { id, asOf, initial } = props;
  const [name, setName] = useState(initial.name);
  const [kind, setKind] = useState<string>(initial.kind);
  const [parent, setParent] = useState<UnitRef | null>(initial.parent);
  const [effective, setEffective] = useState(formatDate(todayIso()));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const parentChanged = (parent?.id ?? null) !== (initial.parent?.id ?? null);

  const submit = async (e: Event) => {
    e.preventDefault();
    const problems: FieldError[] = [];
    if (!name.trim()) problems.push({ field: 'name', message: t('unitForm.nameRequired') });
    if (!parent && kind !== 'city') problems.push({ field: 'parent_id', message: t('unitForm.parentRequired') });
    const eff = parentChanged ? parseDateInput(effective) : null;
    if (parentChanged && !eff) problems.push({ field: 'effective', message: t('form.dateInvalid') });
    setErrors(problems);
    if (problems.length) return;
    const changes: UnitPatch = {};
    if (name.trim() !== initial.name) changes.name = name.trim();
    if (kind !== initial.kind) changes.kind = kind as UnitKind;
    if (parentChanged) {
      changes.parent_id = parent?.id ?? null;
      changes.effective = eff!;
    }
    if (Object.keys(changes).length === 0) {
      navigate(hrefWith(`/units/${id}`, asOf));
      return;
    }
    setBusy(true);
    try {
      const saved = await api.units.update(id, changes);
      setFlash(t('unitForm.saved', { name: saved.name }));
      navigate(hrefWith(`/units/${id}`, asOf));
    } catch (err) {
      setErrors(toFieldErrors(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="form-page">
      <PageHeader title={t('unitForm.editTitle')} lead={props.title} />
      <ErrorSummary form={FORM} errors={errors} />
      <form onSubmit={submit} noValidate>
        <TextField id={fieldId(FORM, 'name')} label={t('unit.name')} required value={name} onValue={setName} error={errorFor(errors, 'name')} autoComplete="off" />
        <SelectField id={fieldId(FORM, 'kind')} label={t('unit.kind')} required value={kind} onValue={setKind} options={kindOptions(false)} error={errorFor(errors, 'kind')} />
        <UnitPicker
          id={fieldId(FORM, 'parent_id')}
          label={t('unit.parent')}
          required={kind !== 'city'}
          asOf={asOf}
          value={parent}
          onChange={setParent}
          exclude={[id]}
          error={errorFor(errors, 'parent_id')}
        />
        {parentChanged && (
          <DateField
            id={fieldId(FORM, 'effective')}
            label={t('unitForm.effective')}
            hint={t('unitForm.effectiveHint')}
            required
            value={effective}
            onValue={setEffective}
            error={errorFor(errors, 'effective')}
          />
        )}
        <div class="form-actions">
          <button type="submit" class="button" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
          <Link href={hrefWith(`/units/${id}`, asOf)}>{t('common.cancel')}</Link>
        </div>
      </form>
    </div>
  );
}

export function UnitEndPage(props: { id: number }) {
  const asOf = useAsOf();
  const res = useAsync(() => api.units.get(props.id, asOf), [props.id, asOf]);
  const [validTo, setValidTo] = useState(formatDate(todayIso()));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  useDocumentTitle(t('unitEnd.title'));
  if (res.error) return <ErrorBox error={res.error} onRetry={res.reload} />;
  if (!res.data) return <Loading />;
  const u = res.data;

  const submit = async (e: Event) => {
    e.preventDefault();
    const to = parseDateInput(validTo);
    if (!to) {
      setErrors([{ field: 'valid_to', message: t('form.dateInvalid') }]);
      return;
    }
    if (u.valid_from && to < u.valid_from) {
      setErrors([{ field: 'valid_to', message: t('unitEnd.beforeStart', { date: formatDate(u.valid_from) }) }]);
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      await api.units.update(u.id, { valid_to: to });
      setFlash(t('unitEnd.done', { name: u.name, date: formatDate(to) }));
      navigate(hrefWith(`/units/${u.id}`, asOf));
    } catch (err) {
      setErrors(toFieldErrors(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="form-page">
      <PageHeader title={t('unitEnd.title')} lead={u.name} />
      <ErrorSummary form={FORM} errors={errors} />
      <div class="notice notice--info">
        <p>{t('unitEnd.explain')}</p>
        <p>
          {t('unitEnd.restructureInstead')}{' '}
          <Link href={hrefWith('/units/restructure', asOf, { source: u.id })}>{t('units.restructure')}</Link>
        </p>
      </div>
      <form onSubmit={submit} noValidate>
        <DateField
          id={fieldId(FORM, 'valid_to')}
          label={t('unitEnd.lastDay')}
          hint={t('unitEnd.lastDayHint')}
          required
          value={validTo}
          onValue={setValidTo}
          error={errorFor(errors, 'valid_to')}
        />
        <div class="form-actions">
          <button type="submit" class="button button--warning" disabled={busy}>
            {busy ? t('common.saving') : t('unitEnd.submit')}
          </button>
          <Link href={hrefWith(`/units/${u.id}`, asOf)}>{t('common.cancel')}</Link>
        </div>
      </form>
    </div>
  );
}
