// Office: record a directive (kind, number, date, issuing unit, title, full text), or
// correct one.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { DIRECTIVE_KINDS, type Directive, type DirectiveInput, type DirectiveKind, type UnitRef } from '../api/types';
import { navigate } from '../app/router';
import { useSession } from '../auth/session';
import type { FieldError } from '../core/errors';
import { FormPage, Loaded, useForm } from '../core/form';
import { setFlash } from '../core/flash';
import { formatDate, parseDateInput, todayIso } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { DateField, SelectField, TextAreaField, TextField } from '../core/ui';
import { t } from '../i18n';
import { directiveCitation, directiveKindLabel } from '../tasks/labels';
import { UnitPicker } from '../units/UnitPicker';

const FORM = 'directive';

function DirectiveForm(props: { initial?: Directive }) {
  const { me } = useSession();
  const init = props.initial;
  const [kind, setKind] = useState<string>(init?.kind ?? '');
  const [number, setNumber] = useState(init?.number ?? '');
  const [issuedOn, setIssuedOn] = useState(init ? formatDate(init.issued_on) : formatDate(todayIso()));
  const [issuer, setIssuer] = useState<UnitRef | null>(init?.issuer_unit ?? null);
  const [title, setTitle] = useState(init?.title ?? '');
  const [body, setBody] = useState(init?.body ?? '');
  const f = useForm(FORM);

  // A new directive is usually issued by the unit the office works for.
  useEffect(() => {
    if (init) return;
    const role = me.roles.find((r) => r.unit_id !== null && (r.role === 'office' || r.role === 'admin'));
    if (role && role.unit_id !== null) setIssuer({ id: role.unit_id, code: role.unit_code ?? '', name: role.unit_name ?? `#${role.unit_id}` });
  }, []);

  const check = (problems: FieldError[]) => {
    if (!kind) problems.push({ field: 'kind', message: t('directiveForm.kindRequired') });
    if (!number.trim()) problems.push({ field: 'number', message: t('directiveForm.numberRequired') });
    if (!parseDateInput(issuedOn)) problems.push({ field: 'issued_on', message: t('form.dateInvalid') });
    if (!issuer) problems.push({ field: 'issuer_unit_id', message: t('directiveForm.issuerRequired') });
    if (!title.trim()) problems.push({ field: 'title', message: t('directiveForm.titleRequired') });
  };
  const save = async () => {
    const input: DirectiveInput = { kind: kind as DirectiveKind, number: number.trim(), issued_on: parseDateInput(issuedOn)!, title: title.trim(), body };
    const saved = init ? await api.directives.update(init.id, input) : await api.directives.create({ ...input, issuer_unit_id: issuer!.id });
    setFlash(init ? t('directiveForm.saved', { name: directiveCitation(saved) }) : t('directiveForm.created', { name: directiveCitation(saved) }));
    navigate(`/directives/${saved.id}`);
  };

  return (
    <FormPage
      title={init ? t('directiveForm.editTitle') : t('directiveForm.createTitle')}
      lead={init ? directiveCitation(init) : t('directiveForm.lead')}
      state={f}
      onSubmit={f.submit(check, save)}
      submitLabel={init ? t('common.save') : t('directiveForm.submit')}
      cancelHref={init ? `/directives/${init.id}` : '/directives'}
    >
      <SelectField
        {...f.field('kind')}
        label={t('directive.kind')}
        required
        value={kind}
        onValue={setKind}
        options={[{ value: '', label: t('form.choose') }, ...DIRECTIVE_KINDS.map((k) => ({ value: k, label: directiveKindLabel(k) }))]}
      />
      <TextField {...f.field('number')} label={t('directive.number')} hint={t('directiveForm.numberHint')} required value={number} onValue={setNumber} width="medium" autoComplete="off" />
      <DateField {...f.field('issued_on')} label={t('directive.issuedOn')} required value={issuedOn} onValue={setIssuedOn} />
      {init ? (
        <div class="field">
          <p class="label-like">{t('directive.issuer')}</p>
          <p>{init.issuer_unit?.name ?? '—'}</p>
        </div>
      ) : (
        <UnitPicker {...f.field('issuer_unit_id')} label={t('directive.issuer')} hint={t('directiveForm.issuerHint')} required asOf={todayIso()} value={issuer} onChange={setIssuer} />
      )}
      <TextAreaField {...f.field('title')} label={t('directive.title')} hint={t('directiveForm.titleHint')} required value={title} onValue={setTitle} rows={3} />
      <TextAreaField {...f.field('body')} label={t('directive.body')} hint={t('directiveForm.bodyHint')} value={body} onValue={setBody} rows={12} />
    </FormPage>
  );
}

export function DirectiveCreatePage() {
  useDocumentTitle(t('directiveForm.createTitle'));
  return <DirectiveForm />;
}

export function DirectiveEditPage(props: { id: number }) {
  useDocumentTitle(t('directiveForm.editTitle'));
  const res = useAsync(() => api.directives.get(props.id), [props.id]);
  return <Loaded res={res}>{(d) => <DirectiveForm initial={d} />}</Loaded>;
}
