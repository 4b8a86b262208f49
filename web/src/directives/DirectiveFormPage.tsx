// Office: record a directive (kind, number, date, issuing unit, title, full text), or
// correct one.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { DIRECTIVE_KINDS, type Directive, type DirectiveInput, type DirectiveKind, type UnitRef } from '../api/types';
import { Link, navigate } from '../app/router';
import { useSession } from '../auth/session';
import { errorFor, fieldId, toFieldErrors, type FieldError } from '../core/errors';
import { setFlash } from '../core/flash';
import { formatDate, parseDateInput, todayIso } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { DateField, ErrorBox, ErrorSummary, Loading, PageHeader, SelectField, TextAreaField, TextField } from '../core/ui';
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
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  // A new directive is usually issued by the unit the office works for.
  useEffect(() => {
    if (init) return;
    const role = me.roles.find((r) => r.unit_id !== null && (r.role === 'office' || r.role === 'admin'));
    if (role && role.unit_id !== null) setIssuer({ id: role.unit_id, code: role.unit_code ?? '', name: role.unit_name ?? `#${role.unit_id}` });
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    const problems: FieldError[] = [];
    if (!kind) problems.push({ field: 'kind', message: t('directiveForm.kindRequired') });
    if (!number.trim()) problems.push({ field: 'number', message: t('directiveForm.numberRequired') });
    const date = parseDateInput(issuedOn);
    if (!date) problems.push({ field: 'issued_on', message: t('form.dateInvalid') });
    if (!issuer) problems.push({ field: 'issuer_unit_id', message: t('directiveForm.issuerRequired') });
    if (!title.trim()) problems.push({ field: 'title', message: t('directiveForm.titleRequired') });
    setErrors(problems);
    if (problems.length) return;
    const input: DirectiveInput = { kind: kind as DirectiveKind, number: number.trim(), issued_on: date!, title: title.trim(), body };
    setBusy(true);
    try {
      const saved = init ? await api.directives.update(init.id, input) : await api.directives.create({ ...input, issuer_unit_id: issuer!.id });
      setFlash(init ? t('directiveForm.saved', { name: directiveCitation(saved) }) : t('directiveForm.created', { name: directiveCitation(saved) }));
      navigate(`/directives/${saved.id}`);
    } catch (err) {
      setErrors(toFieldErrors(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="form-page">
      <PageHeader title={init ? t('directiveForm.editTitle') : t('directiveForm.createTitle')} lead={init ? directiveCitation(init) : t('directiveForm.lead')} />
      <ErrorSummary form={FORM} errors={errors} />
      <form onSubmit={submit} noValidate>
        <SelectField
          id={fieldId(FORM, 'kind')}
          label={t('directive.kind')}
          required
          value={kind}
          onValue={setKind}
          error={errorFor(errors, 'kind')}
          options={[{ value: '', label: t('form.choose') }, ...DIRECTIVE_KINDS.map((k) => ({ value: k, label: directiveKindLabel(k) }))]}
        />
        <TextField id={fieldId(FORM, 'number')} label={t('directive.number')} hint={t('directiveForm.numberHint')} required value={number} onValue={setNumber} error={errorFor(errors, 'number')} width="medium" autoComplete="off" />
        <DateField id={fieldId(FORM, 'issued_on')} label={t('directive.issuedOn')} required value={issuedOn} onValue={setIssuedOn} error={errorFor(errors, 'issued_on')} />
        {init ? (
          <div class="field">
            <p class="label-like">{t('directive.issuer')}</p>
            <p>{init.issuer_unit?.name ?? '—'}</p>
          </div>
        ) : (
          <UnitPicker id={fieldId(FORM, 'issuer_unit_id')} label={t('directive.issuer')} hint={t('directiveForm.issuerHint')} required asOf={todayIso()} value={issuer} onChange={setIssuer} error={errorFor(errors, 'issuer_unit_id')} />
        )}
        <TextAreaField id={fieldId(FORM, 'title')} label={t('directive.title')} hint={t('directiveForm.titleHint')} required value={title} onValue={setTitle} error={errorFor(errors, 'title')} rows={3} />
        <TextAreaField id={fieldId(FORM, 'body')} label={t('directive.body')} hint={t('directiveForm.bodyHint')} value={body} onValue={setBody} error={errorFor(errors, 'body')} rows={12} />
        <div class="form-actions">
          <button type="submit" class="button" disabled={busy}>
            {busy ? t('common.saving') : init ? t('common.save') : t('directiveForm.submit')}
          </button>
          <Link href={init ? `/directives/${init.id}` : '/directives'}>{t('common.cancel')}</Link>
        </div>
      </form>
    </div>
  );
}

export function DirectiveCreatePage() {
  useDocumentTitle(t('directiveForm.createTitle'));
  return <DirectiveForm />;
}

export function DirectiveEditPage(props: { id: number }) {
  useDocumentTitle(t('directiveForm.editTitle'));
  const res = useAsync(() => api.directives.get(props.id), [props.id]);
  if (res.error) return <ErrorBox error={res.error} onRetry={res.reload} />;
  if (!res.data) return <Loading />;
  return <DirectiveForm initial={res.data} />;
}
