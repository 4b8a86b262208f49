// Create a unit, or edit one (name, kind, parent with the date the move takes effect).
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { UNIT_KINDS, type Unit, type UnitKind, type UnitPatch, type UnitRef } from '../api/types';
import { hrefWith, useAsOf } from '../app/asof';
import { Link, navigate, useLocation } from '../app/router';
import type { FieldError } from '../core/errors';
import { FormPage, Loaded, useForm } from '../core/form';
import { setFlash } from '../core/flash';
import { formatDate, parseDateInput, todayIso } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { DateField, SelectField, TextField } from '../core/ui';
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
  const f = useForm(FORM);

  useEffect(() => {
    if (!parentId) return;
    api.units.get(parentId, asOf).then(
      (u) => setParent({ id: u.id, code: u.code, name: u.name }),
      () => undefined,
    );
  }, [parentId, asOf]);

  const check = (problems: FieldError[]) => {
    if (!code.trim()) problems.push({ field: 'code', message: t('unitForm.codeRequired') });
    if (!name.trim()) problems.push({ field: 'name', message: t('unitForm.nameRequired') });
    if (!kind) problems.push({ field: 'kind', message: t('unitForm.kindRequired') });
    if (!parent && kind !== 'city') problems.push({ field: 'parent_id', message: t('unitForm.parentRequired') });
    const from = parseDateInput(validFrom);
    if (!from) problems.push({ field: 'valid_from', message: t('form.dateInvalid') });
    const to = validTo.trim() ? parseDateInput(validTo) : null;
    if (validTo.trim() && !to) problems.push({ field: 'valid_to', message: t('form.dateInvalid') });
    if (from && to && to < from) problems.push({ field: 'valid_to', message: t('unitForm.toBeforeFrom') });
  };
  const save = async () => {
    const from = parseDateInput(validFrom)!;
    const to = validTo.trim() ? parseDateInput(validTo) : null;
    const created = await api.units.create({
      code: code.trim(),
      name: name.trim(),
      kind: kind as UnitKind,
      parent_id: parent?.id ?? null,
      valid_from: from,
      ...(to ? { valid_to: to } : {}),
    });
    setFlash(t('unitForm.created', { name: created.name }));
    navigate(hrefWith(`/units/${created.id}`, from > asOf ? from : asOf));
  };

  return (
    <FormPage title={t('unitForm.createTitle')} state={f} onSubmit={f.submit(check, save)} submitLabel={t('unitForm.create')} cancelHref={hrefWith('/units', asOf)}>
      <TextField {...f.field('code')} label={t('unit.code')} hint={t('unitForm.codeHint')} required value={code} onValue={setCode} width="medium" autoComplete="off" />
      <TextField {...f.field('name')} label={t('unit.name')} hint={t('unitForm.nameHint')} required value={name} onValue={setName} autoComplete="off" />
      <SelectField {...f.field('kind')} label={t('unit.kind')} required value={kind} onValue={setKind} options={kindOptions(true)} />
      <UnitPicker {...f.field('parent_id')} label={t('unit.parent')} hint={t('unitForm.parentHint')} required={kind !== 'city'} asOf={asOf} value={parent} onChange={setParent} />
      <DateField {...f.field('valid_from')} label={t('unit.from')} required value={validFrom} onValue={setValidFrom} />
      <DateField {...f.field('valid_to')} label={t('unitForm.validToOptional')} hint={t('unitForm.validToHint')} value={validTo} onValue={setValidTo} />
    </FormPage>
  );
}

export function UnitEditPage(props: { id: number }) {
  const asOf = useAsOf();
  const res = useAsync(() => api.units.get(props.id, asOf), [props.id, asOf]);
  useDocumentTitle(t('unitForm.editTitle'));
  return (
    <Loaded res={res}>
      {(u) => {
        const period = u.parents.find((p) => p.parent_id === u.parent_id);
        const parent = u.parent_id !== null ? { id: u.parent_id, code: period?.parent_code ?? '', name: period?.parent_name ?? `#${u.parent_id}` } : null;
        return <UnitEditForm id={u.id} asOf={asOf} initial={{ name: u.name, kind: u.kind, parent }} title={u.name} />;
      }}
    </Loaded>
  );
}

function UnitEditForm(props: { id: number; asOf: string; title: string; initial: { name: string; kind: UnitKind; parent: UnitRef | null } }) {
  const { id, asOf, initial } = props;
  const [name, setName] = useState(initial.name);
  const [kind, setKind] = useState<string>(initial.kind);
  const [parent, setParent] = useState<UnitRef | null>(initial.parent);
  const [effective, setEffective] = useState(formatDate(todayIso()));
  const f = useForm(FORM);
  const parentChanged = (parent?.id ?? null) !== (initial.parent?.id ?? null);
  const back = hrefWith(`/units/${id}`, asOf);

  const check = (problems: FieldError[]) => {
    if (!name.trim()) problems.push({ field: 'name', message: t('unitForm.nameRequired') });
    if (!parent && kind !== 'city') problems.push({ field: 'parent_id', message: t('unitForm.parentRequired') });
    if (parentChanged && !parseDateInput(effective)) problems.push({ field: 'effective', message: t('form.dateInvalid') });
  };
  const save = async () => {
    const changes: UnitPatch = {};
    if (name.trim() !== initial.name) changes.name = name.trim();
    if (kind !== initial.kind) changes.kind = kind as UnitKind;
    if (parentChanged) {
      changes.parent_id = parent?.id ?? null;
      changes.effective = parseDateInput(effective)!;
    }
    if (Object.keys(changes).length) setFlash(t('unitForm.saved', { name: (await api.units.update(id, changes)).name }));
    navigate(back);
  };

  return (
    <FormPage title={t('unitForm.editTitle')} lead={props.title} state={f} onSubmit={f.submit(check, save)} submitLabel={t('common.save')} cancelHref={back}>
      <TextField {...f.field('name')} label={t('unit.name')} required value={name} onValue={setName} autoComplete="off" />
      <SelectField {...f.field('kind')} label={t('unit.kind')} required value={kind} onValue={setKind} options={kindOptions(false)} />
      <UnitPicker {...f.field('parent_id')} label={t('unit.parent')} required={kind !== 'city'} asOf={asOf} value={parent} onChange={setParent} exclude={[id]} />
      {parentChanged && (
        <DateField {...f.field('effective')} label={t('unitForm.effective')} hint={t('unitForm.effectiveHint')} required value={effective} onValue={setEffective} />
      )}
    </FormPage>
  );
}

export function UnitEndPage(props: { id: number }) {
  const asOf = useAsOf();
  const res = useAsync(() => api.units.get(props.id, asOf), [props.id, asOf]);
  useDocumentTitle(t('unitEnd.title'));
  return <Loaded res={res}>{(u) => <UnitEndForm unit={u} asOf={asOf} />}</Loaded>;
}

function UnitEndForm(props: { unit: Unit; asOf: string }) {
  const { unit: u, asOf } = props;
  const [validTo, setValidTo] = useState(formatDate(todayIso()));
  const f = useForm(FORM);
  const back = hrefWith(`/units/${u.id}`, asOf);

  const check = (problems: FieldError[]) => {
    const to = parseDateInput(validTo);
    if (!to) problems.push({ field: 'valid_to', message: t('form.dateInvalid') });
    else if (u.valid_from && to < u.valid_from) problems.push({ field: 'valid_to', message: t('unitEnd.beforeStart', { date: formatDate(u.valid_from) }) });
  };
  const save = async () => {
    const to = parseDateInput(validTo)!;
    await api.units.update(u.id, { valid_to: to });
    setFlash(t('unitEnd.done', { name: u.name, date: formatDate(to) }));
    navigate(back);
  };

  return (
    <FormPage
      title={t('unitEnd.title')}
      lead={u.name}
      state={f}
      onSubmit={f.submit(check, save)}
      submitLabel={t('unitEnd.submit')}
      submitClass="button button--warning"
      cancelHref={back}
    >
      <div class="notice notice--info">
        <p>{t('unitEnd.explain')}</p>
        <p>
          {t('unitEnd.restructureInstead')}{' '}
          <Link href={hrefWith('/units/restructure', asOf, { source: u.id })}>{t('units.restructure')}</Link>
        </p>
      </div>
      <DateField {...f.field('valid_to')} label={t('unitEnd.lastDay')} hint={t('unitEnd.lastDayHint')} required value={validTo} onValue={setValidTo} />
    </FormPage>
  );
}
