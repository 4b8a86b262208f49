// Merge units into one, or split one into several, from a date. The server ends the
// sources the day before, moves their children and users' roles to the first
// successor, and answers with what moved.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { UNIT_KINDS, type RestructureKind, type RestructureRequest, type RestructureResult, type UnitKind, type UnitRef } from '../api/types';
import { hrefWith, useAsOf } from '../app/asof';
import { Link, useLocation } from '../app/router';
import { errorFor, fieldId, toFieldErrors, type FieldError } from '../core/errors';
import { addDays, formatDate, formatInteger, parseDateInput } from '../core/format';
import { useDocumentTitle } from '../core/hooks';
import { DateField, ErrorSummary, PageHeader, SelectField, TextField } from '../core/ui';
import { t } from '../i18n';
import { eventKindLabel, kindLabel } from './labels';
import { UnitMultiPicker, UnitPicker } from './UnitPicker';

const FORM = 'restructure';

interface Successor {
  mode: 'existing' | 'new';
  existing: UnitRef | null;
  code: string;
  name: string;
  kind: string;
  parent: UnitRef | null;
}

function emptySuccessor(): Successor {
  return { mode: 'new', existing: null, code: '', name: '', kind: '', parent: null };
}

function SuccessorFields(props: {
  index: number;
  value: Successor;
  onChange: (s: Successor) => void;
  asOf: string;
  errors: FieldError[];
  errorPrefix: (field: string) => string;
  exclude: number[];
  legend: string;
  onRemove?: () => void;
}) {
  const s = props.value;
  const set = (patch: Partial<Successor>) => props.onChange({ ...s, ...patch });
  const f = props.errorPrefix;
  const modeName = `${FORM}-successor-${props.index}-mode`;
  return (
    <fieldset class="fieldset successor">
      <legend>{props.legend}</legend>
      <div class="radios radios--inline">
        <div class="radio">
          <input id={`${modeName}-new`} type="radio" name={modeName} checked={s.mode === 'new'} onChange={() => set({ mode: 'new' })} />
          <label for={`${modeName}-new`}>{t('restructure.newUnit')}</label>
        </div>
        <div class="radio">
          <input id={`${modeName}-existing`} type="radio" name={modeName} checked={s.mode === 'existing'} onChange={() => set({ mode: 'existing' })} />
          <label for={`${modeName}-existing`}>{t('restructure.existingUnit')}</label>
        </div>
      </div>
      {s.mode === 'existing' ? (
        <UnitPicker
          id={fieldId(FORM, f('existing'))}
          label={t('restructure.existingLabel')}
          required
          asOf={props.asOf}
          value={s.existing}
          onChange={(u) => set({ existing: u })}
          exclude={props.exclude}
          error={errorFor(props.errors, f('existing'))}
        />
      ) : (
        <div class="grid-2">
          <TextField id={fieldId(FORM, f('code'))} label={t('unit.code')} hint={t('unitForm.codeHint')} required value={s.code} onValue={(v) => set({ code: v })} error={errorFor(props.errors, f('code'))} width="medium" autoComplete="off" />
          <TextField id={fieldId(FORM, f('name'))} label={t('unit.name')} required value={s.name} onValue={(v) => set({ name: v })} error={errorFor(props.errors, f('name'))} autoComplete="off" />
          <SelectField
            id={fieldId(FORM, f('kind'))}
            label={t('unit.kind')}
            required
            value={s.kind}
            onValue={(v) => set({ kind: v })}
            options={[{ value: '', label: t('form.choose') }, ...UNIT_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))]}
            error={errorFor(props.errors, f('kind'))}
          />
          <UnitPicker
            id={fieldId(FORM, f('parent_id'))}
            label={t('unit.parent')}
            required
            asOf={props.asOf}
            value={s.parent}
            onChange={(u) => set({ parent: u })}
            error={errorFor(props.errors, f('parent_id'))}
          />
        </div>
      )}
      {props.onRemove && (
        <button type="button" class="button button--link" onClick={props.onRemove}>
          {t('restructure.removeSuccessor')}
        </button>
      )}
    </fieldset>
  );
}

// The API takes existing successors and new ones in two lists; the form keeps one
// list, so error fields are named by their place in the form (`successors.1.code`) and
// server fields (`new_units[0].code`) are mapped back.
function successorField(i: number, field: string): string {
  return `successors.${i}.${field}`;
}

function mapServerField(field: string | null, successors: Successor[]): string | null {
  if (!field) return null;
  const m = /^new_units[[.](\d+)\]?\.(\w+)$/.exec(field);
  if (m) {
    const nth = Number(m[1]);
    const idx = successors.map((s, i) => (s.mode === 'new' ? i : -1)).filter((i) => i >= 0)[nth];
    if (idx !== undefined) return successorField(idx, m[2]);
  }
  if (field === 'new_units') {
    const idx = successors.findIndex((s) => s.mode === 'new');
    return idx >= 0 ? successorField(idx, 'code') : 'successors';
  }
  if (field.startsWith('target_ids')) {
    const idx = successors.findIndex((s) => s.mode === 'existing');
    return idx >= 0 ? successorField(idx, 'existing') : 'successors';
  }
  if (field === 'kind') return null;
  return field;
}

function validate(kind: RestructureKind, dateIso: string | null, dateText: string, sources: UnitRef[], successors: Successor[]): FieldError[] {
  const problems: FieldError[] = [];
  if (!dateText.trim()) problems.push({ field: 'date', message: t('restructure.dateRequired') });
  else if (!dateIso) problems.push({ field: 'date', message: t('form.dateInvalid') });
  if (kind === 'merge' && sources.length < 1) problems.push({ field: 'source_ids', message: t('restructure.mergeSources') });
  if (kind === 'split' && sources.length !== 1) problems.push({ field: 'source_ids', message: t('restructure.splitSource') });
  successors.forEach((s, i) => {
    if (s.mode === 'existing') {
      if (!s.existing) problems.push({ field: successorField(i, 'existing'), message: t('restructure.existingRequired') });
      else if (sources.some((x) => x.id === s.existing!.id)) problems.push({ field: successorField(i, 'existing'), message: t('restructure.successorIsSource') });
    } else {
      if (!s.code.trim()) problems.push({ field: successorField(i, 'code'), message: t('unitForm.codeRequired') });
      if (!s.name.trim()) problems.push({ field: successorField(i, 'name'), message: t('unitForm.nameRequired') });
      if (!s.kind) problems.push({ field: successorField(i, 'kind'), message: t('unitForm.kindRequired') });
      if (!s.parent && s.kind !== 'city') problems.push({ field: successorField(i, 'parent_id'), message: t('unitForm.parentRequired') });
    }
  });
  if (kind === 'merge' && sources.length === 1 && successors[0]?.mode === 'existing' && successors[0].existing?.id === sources[0].id) {
    problems.push({ field: 'source_ids', message: t('restructure.mergeTwo') });
  }
  return problems;
}

function toRequest(kind: RestructureKind, date: string, sources: UnitRef[], successors: Successor[], note: string): RestructureRequest {
  return {
    kind,
    date,
    source_ids: sources.map((s) => s.id),
    target_ids: successors.filter((s) => s.mode === 'existing' && s.existing).map((s) => s.existing!.id),
    new_units: successors
      .filter((s) => s.mode === 'new')
      .map((s) => ({ code: s.code.trim(), name: s.name.trim(), kind: s.kind as UnitKind, parent_id: s.parent?.id ?? null })),
    note: note.trim(),
  };
}

function ResultPanel(props: { result: RestructureResult; onAnother: () => void }) {
  const r = props.result;
  const before = addDays(r.date, -1);
  const first = r.successors[0];
  return (
    <div class="result-panel" role="status" tabIndex={-1} id="restructure-result">
      <h2>{r.kind === 'merge' ? t('restructure.doneMerge', { date: formatDate(r.date) }) : t('restructure.doneSplit', { date: formatDate(r.date) })}</h2>
      <div class="grid-2">
        <div>
          <h3>{t('restructure.sourcesEnded', { date: formatDate(before) })}</h3>
          <ul>
            {r.sources.map((u) => (
              <li key={u.id}>
                <Link href={hrefWith(`/units/${u.id}`, before)}>{u.name}</Link> <span class="code">{u.code}</span>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3>{t('restructure.successorsFrom', { date: formatDate(r.date) })}</h3>
          <ul>
            {r.successors.map((u) => (
              <li key={u.id}>
                <Link href={hrefWith(`/units/${u.id}`, r.date)}>{u.name}</Link> <span class="code">{u.code}</span>
              </li>
            ))}
          </ul>
        </div>
      </div>
      <p>
        {t('restructure.moved', {
          children: formatInteger(r.moved.children),
          roles: formatInteger(r.moved.roles),
          unit: first ? first.name : '—',
        })}
      </p>
      <p class="actions-row">
        <Link class="button" href={hrefWith('/units', r.date)}>
          {t('restructure.seeAfter', { date: formatDate(r.date) })}
        </Link>
        <Link class="button button--secondary" href={hrefWith('/units', before)}>
          {t('restructure.seeBefore', { date: formatDate(before) })}
        </Link>
        <button type="button" class="button button--link" onClick={props.onAnother}>
          {t('restructure.another')}
        </button>
      </p>
    </div>
  );
}

export function RestructurePage() {
  useDocumentTitle(t('restructure.title'));
  const asOf = useAsOf();
  const loc = useLocation();
  const sourceId = Number(loc.query.get('source')) || null;
  const [kind, setKind] = useState<RestructureKind>('merge');
  const [dateText, setDateText] = useState('');
  const [sources, setSources] = useState<UnitRef[]>([]);
  const [successors, setSuccessors] = useState<Successor[]>([emptySuccessor()]);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<RestructureResult | null>(null);

  useEffect(() => {
    if (!sourceId) return;
    api.units.get(sourceId, asOf).then(
      (u) => setSources((prev) => (prev.some((p) => p.id === u.id) ? prev : [{ id: u.id, code: u.code, name: u.name }, ...prev])),
      () => undefined,
    );
  }, [sourceId, asOf]);

  useEffect(() => {
    if (result) document.getElementById('restructure-result')?.focus();
  }, [result]);

  const changeKind = (k: RestructureKind) => {
    setKind(k);
    setSuccessors((prev) => {
      if (k === 'merge') return prev.slice(0, 1);
      return prev.length >= 2 ? prev : [...prev, ...Array.from({ length: 2 - prev.length }, emptySuccessor)];
    });
    if (k === 'split') setSources((prev) => prev.slice(0, 1));
  };

  const dateIso = parseDateInput(dateText);
  const submit = async (e: Event) => {
    e.preventDefault();
    const problems = validate(kind, dateIso, dateText, sources, successors);
    setErrors(problems);
    if (problems.length) return;
    setBusy(true);
    try {
      setResult(await api.units.restructure(toRequest(kind, dateIso!, sources, successors, note)));
      setErrors([]);
    } catch (err) {
      setErrors(toFieldErrors(err).map((fe) => ({ ...fe, field: mapServerField(fe.field, successors) })));
    } finally {
      setBusy(false);
    }
  };

  if (result) {
    return (
      <div class="form-page">
        <PageHeader title={t('restructure.title')} />
        <ResultPanel
          result={result}
          onAnother={() => {
            setResult(null);
            setSources([]);
            setSuccessors(kind === 'merge' ? [emptySuccessor()] : [emptySuccessor(), emptySuccessor()]);
            setNote('');
          }}
        />
      </div>
    );
  }

  // Sources are picked as of the day before the change: they must still exist then.
  const sourceAsOf = dateIso ? addDays(dateIso, -1) : asOf;
  const successorAsOf = dateIso ?? asOf;

  return (
    <div class="form-page">
      <PageHeader title={t('restructure.title')} lead={t('restructure.lead')} />
      <ErrorSummary form={FORM} errors={errors} />
      <form onSubmit={submit} noValidate>
        <fieldset class="fieldset">
          <legend>{t('restructure.kind')}</legend>
          <div class="radios">
            {(['merge', 'split'] as RestructureKind[]).map((k) => (
              <div class="radio" key={k}>
                <input id={`${FORM}-kind-${k}`} type="radio" name={`${FORM}-kind`} checked={kind === k} onChange={() => changeKind(k)} />
                <label for={`${FORM}-kind-${k}`}>
                  {eventKindLabel(k)}
                  <span class="hint">{k === 'merge' ? t('restructure.mergeHint') : t('restructure.splitHint')}</span>
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <DateField
          id={fieldId(FORM, 'date')}
          label={t('restructure.date')}
          hint={t('restructure.dateHint')}
          required
          value={dateText}
          onValue={setDateText}
          error={errorFor(errors, 'date')}
        />
        {kind === 'merge' ? (
          <UnitMultiPicker
            id={fieldId(FORM, 'source_ids')}
            label={t('restructure.mergeSourcesLabel')}
            hint={dateIso ? t('restructure.sourcesHint', { date: formatDate(sourceAsOf) }) : t('restructure.sourcesHintNoDate', { date: formatDate(sourceAsOf) })}
            required
            asOf={sourceAsOf}
            value={sources}
            onChange={setSources}
            error={errorFor(errors, 'source_ids')}
          />
        ) : (
          <UnitPicker
            id={fieldId(FORM, 'source_ids')}
            label={t('restructure.splitSourceLabel')}
            hint={dateIso ? t('restructure.sourcesHint', { date: formatDate(sourceAsOf) }) : t('restructure.sourcesHintNoDate', { date: formatDate(sourceAsOf) })}
            required
            asOf={sourceAsOf}
            value={sources[0] ?? null}
            onChange={(u) => setSources(u ? [u] : [])}
            error={errorFor(errors, 'source_ids')}
          />
        )}
        <fieldset class={`fieldset fieldset--group${errorFor(errors, 'successors') ? ' field--error' : ''}`} id={`${FORM}-successors`} tabIndex={-1}>
          <legend>{kind === 'merge' ? t('restructure.mergeTarget') : t('restructure.splitTargets')}</legend>
          <p class="hint">{kind === 'merge' ? t('restructure.mergeTargetHint') : t('restructure.firstSuccessorHint')}</p>
          {errorFor(errors, 'successors') && <p class="field-error">{errorFor(errors, 'successors')}</p>}
          <div>
            {successors.map((s, i) => (
              <SuccessorFields
                key={i}
                index={i}
                value={s}
                asOf={successorAsOf}
                errors={errors}
                errorPrefix={(f) => successorField(i, f)}
                exclude={sources.map((x) => x.id)}
                legend={kind === 'merge' ? t('restructure.successor') : t('restructure.successorN', { n: i + 1 })}
                onChange={(v) => setSuccessors(successors.map((x, j) => (j === i ? v : x)))}
                onRemove={kind === 'split' && successors.length > 2 ? () => setSuccessors(successors.filter((_, j) => j !== i)) : undefined}
              />
            ))}
            {kind === 'split' && (
              <button type="button" class="button button--secondary" onClick={() => setSuccessors([...successors, emptySuccessor()])}>
                {t('restructure.addSuccessor')}
              </button>
            )}
          </div>
        </fieldset>
        <div class={`field${errorFor(errors, 'note') ? ' field--error' : ''}`}>
          <label for={fieldId(FORM, 'note')}>{t('restructure.note')}</label>
          <p class="hint" id={`${fieldId(FORM, 'note')}-hint`}>
            {t('restructure.noteHint')}
          </p>
          {errorFor(errors, 'note') && <p class="field-error">{errorFor(errors, 'note')}</p>}
          <textarea
            id={fieldId(FORM, 'note')}
            class="textarea"
            rows={3}
            value={note}
            aria-describedby={`${fieldId(FORM, 'note')}-hint`}
            onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
          />
        </div>
        <div class="form-actions">
          <button type="submit" class="button" disabled={busy}>
            {busy ? t('common.saving') : kind === 'merge' ? t('restructure.submitMerge') : t('restructure.submitSplit')}
          </button>
          <Link href={hrefWith('/units', asOf)}>{t('common.cancel')}</Link>
        </div>
      </form>
    </div>
  );
}
