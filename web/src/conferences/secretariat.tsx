// What the secretariat does during the session: delegates (person, unit, delegation), an
// opinion typed as it is spoken, merging duplicate opinions, a new round of a draft, and the
// report's number and signer. Every form shows its problems beside the field, also those
// the server names.
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { useForm } from '../core/form';
import { useAsync } from '../core/hooks';
import { describedBy, ErrorSummary, FieldHelp, Notice, SelectField, TextAreaField, TextField } from '../core/ui';
import { t } from '../i18n';
import { conferencesApi, type Conference, type Delegate, type Opinion } from './api';

// Several choices of a list, as checkboxes in a fieldset (the field's error beside it).
export function Checks(props: {
  id: string; legend: ComponentChildren; hint?: ComponentChildren; error?: string; required?: boolean;
  options: { value: number; label: string }[]; value: number[]; onValue: (v: number[]) => void;
}) {
  const toggle = (v: number, on: boolean) => props.onValue(on ? [...props.value, v] : props.value.filter((x) => x !== v));
  return (
    <fieldset class={`fieldset${props.error ? ' field--error' : ''}`} aria-describedby={describedBy(props.id, props.hint, props.error)}>
      <legend>
        {props.legend}
        {props.required && <span class="required"> ({t('form.required')})</span>}
      </legend>
      <FieldHelp id={props.id} hint={props.hint} error={props.error} />
      <div class="checks">
        {props.options.map((o, i) => {
          const id = i === 0 ? props.id : `${props.id}-${o.value}`;
          return (
            <div class="checkbox" key={o.value}>
              <input id={id} type="checkbox" checked={props.value.includes(o.value)}
                onChange={(e) => toggle(o.value, (e.target as HTMLInputElement).checked)} />
              <label for={id}>{o.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

const delegateLabel = (d: Delegate) => (d.delegation ? `${d.full_name} (${d.delegation})` : d.full_name);

function DelegateForm(props: { conferenceId: number; onDone: () => void }) {
  const f = useForm('delegate');
  const units = useAsync(() => conferencesApi.units(), []);
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [group, setGroup] = useState('');
  const [added, setAdded] = useState('');
  const submit = f.submit(
    (problems) => {
      if (!name.trim()) problems.push({ field: 'full_name', message: t('conf.needDelegateName') });
    },
    async () => {
      const d = await conferencesApi.addDelegate(props.conferenceId, {
        full_name: name, unit_id: unit ? Number(unit) : undefined, delegation: group || undefined,
      });
      setAdded(d.full_name);
      setName('');
      props.onDone();
    },
  );
  return (
    <form onSubmit={submit} class="delegate-form" noValidate>
      <ErrorSummary form={f.form} errors={f.errors} />
      {added && <Notice tone="success">{t('conf.delegateAdded', { name: added })}</Notice>}
      <TextField {...f.field('full_name')} label={t('conf.delegateName')} required value={name} onValue={setName} width="medium" />
      <SelectField {...f.field('unit_id')} label={t('conf.delegateUnit')} value={unit} onValue={setUnit}
        options={[{ value: '', label: '—' }, ...(units.data?.items ?? []).map((u) => ({ value: String(u.id), label: u.name }))]} />
      <TextField {...f.field('delegation')} label={t('conf.delegation')} hint={t('conf.delegationHint')} value={group} onValue={setGroup} width="medium" />
      <button type="submit" class="button" disabled={f.busy}>{t('conf.addDelegate')}</button>
    </form>
  );
}

export function Delegates(props: { c: Conference; delegates: Delegate[]; manage: boolean; onDone: () => void }) {
  return (
    <section>
      <h2>{t('conf.delegatesTitle', { n: props.delegates.length })}</h2>
      {props.delegates.length === 0 ? <p>{t('conf.noDelegates')}</p> : (
        <details>
          <summary>{t('conf.showDelegates')}</summary>
          <ul class="delegates">{props.delegates.map((d) => <li key={d.id}>{delegateLabel(d)}</li>)}</ul>
        </details>
      )}
      {props.manage && <DelegateForm conferenceId={props.c.id} onDone={props.onDone} />}
    </section>
  );
}

export function OpinionForm(props: { c: Conference; delegates: Delegate[]; onDone: () => void }) {
  const f = useForm('opinion');
  const docs = props.c.documents;
  const [who, setWho] = useState<number[]>([]);
  const [doc, setDoc] = useState(docs.length === 1 ? String(docs[0].id) : '');
  const [section, setSection] = useState('');
  const [content, setContent] = useState('');
  const [speech, setSpeech] = useState('');
  const [saved, setSaved] = useState(false);
  const sections = docs.find((d) => String(d.id) === doc)?.sections ?? [];
  const submit = f.submit(
    (problems) => {
      if (who.length === 0) problems.push({ field: 'delegate_ids', message: t('conf.needDelegates') });
      if (!doc) problems.push({ field: 'document_id', message: t('conf.needDocument') });
      if (!content.trim()) problems.push({ field: 'content', message: t('conf.needContent') });
      if (speech && !/^\d+$/.test(speech.trim())) problems.push({ field: 'speech_no', message: t('conf.needSpeechNo') });
    },
    async () => {
      await conferencesApi.addOpinion(props.c.id, {
        delegate_ids: who, document_id: Number(doc), section_id: section ? Number(section) : undefined,
        content, speech_no: speech ? Number(speech) : undefined,
      });
      setContent('');
      setSaved(true);
      props.onDone();
    },
  );
  return (
    <section>
      <h2>{t('conf.recordOpinion')}</h2>
      <form onSubmit={submit} class="opinion-form" noValidate>
        <ErrorSummary form={f.form} errors={f.errors} />
        {saved && <Notice tone="success">{t('conf.opinionSaved')}</Notice>}
        <Checks {...f.field('delegate_ids')} legend={t('conf.raisedBy')} hint={t('conf.raisedByHint')} required value={who} onValue={setWho}
          options={props.delegates.map((d) => ({ value: d.id, label: delegateLabel(d) }))} />
        <SelectField {...f.field('document_id')} label={t('conf.document')} required value={doc} onValue={(v) => { setDoc(v); setSection(''); }}
          options={[{ value: '', label: '—' }, ...docs.map((d) => ({ value: String(d.id), label: d.title }))]} />
        <SelectField {...f.field('section_id')} label={t('conf.section')} value={section} onValue={setSection}
          options={[{ value: '', label: t('conf.general') }, ...sections.map((s) => ({ value: String(s.id), label: s.title }))]} />
        <TextAreaField {...f.field('content')} label={t('conf.content')} required rows={3} value={content} onValue={setContent} />
        <TextField {...f.field('speech_no')} label={t('conf.speechNo')} hint={t('conf.speechNoHint')} value={speech} onValue={setSpeech} width="short" inputMode="numeric" />
        <button type="submit" class="button" disabled={f.busy}>{t('conf.saveOpinion')}</button>
      </form>
    </section>
  );
}

// Merges duplicates of `kept` (unanswered opinions on the same draft) into it.
export function MergeForm(props: { kept: Opinion; candidates: Opinion[]; onDone: () => void }) {
  const f = useForm(`merge-${props.kept.id}`);
  const [open, setOpen] = useState(false);
  const [ids, setIds] = useState<number[]>([]);
  if (!open)
    return (
      <button type="button" class="button button--secondary" onClick={() => setOpen(true)}>{t('conf.merge')}</button>
    );
  const submit = f.submit(
    (problems) => {
      if (ids.length === 0) problems.push({ field: 'opinion_ids', message: t('conf.needDuplicates') });
    },
    async () => {
      await conferencesApi.merge(props.kept.id, ids);
      setOpen(false);
      props.onDone();
    },
  );
  return (
    <form onSubmit={submit} class="merge-form" noValidate>
      <ErrorSummary form={f.form} errors={f.errors} />
      <Checks {...f.field('opinion_ids')} legend={t('conf.duplicates')} hint={t('conf.duplicatesHint', { n: props.kept.id })} required
        value={ids} onValue={setIds}
        options={props.candidates.map((o) => ({ value: o.id, label: `${t('conf.opinionNo', { n: o.id })}: ${o.content}` }))} />
      <button type="submit" class="button" disabled={f.busy}>{t('conf.mergeSave')}</button>
    </form>
  );
}

export function NextRound(props: { conferenceId: number; documentId: number; round: number; onDone: () => void }) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const start = async () => {
    setBusy(true);
    setError('');
    try {
      await conferencesApi.nextRound(props.conferenceId, props.documentId);
      props.onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {' '}
      <button type="button" class="button button--secondary" disabled={busy} onClick={start}>{t('conf.nextRound', { n: props.round + 1 })}</button>
      {error && <span class="field-error" role="alert"> {error}</span>}
    </>
  );
}

// The report with its number and signer; a value the server refuses shows beside its field.
export function ReportForm(props: { id: number }) {
  const f = useForm('report');
  const [values, setValues] = useState({ number: '', signing_authority: '', signer_title: '', signer_name: '' });
  const kind = useRef<'docx' | 'xlsx'>('docx');
  const set = (k: keyof typeof values) => (v: string) => setValues({ ...values, [k]: v });
  const submit = f.submit(
    () => undefined,
    async () => {
      const blob = await conferencesApi.report(props.id, kind.current, values);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `bao-cao-tong-hop-y-kien-${props.id}.${kind.current}`;
      a.click();
      URL.revokeObjectURL(a.href);
    },
  );
  return (
    <form onSubmit={submit} class="report-form" noValidate>
      <ErrorSummary form={f.form} errors={f.errors} />
      <div class="field-row">
        <TextField {...f.field('number')} label={t('conf.reportNumber')} hint={t('conf.reportNumberHint')} value={values.number} onValue={set('number')} width="medium" />
        <TextField {...f.field('signing_authority')} label={t('conf.signingAuthority')} hint={t('conf.signingAuthorityHint')} value={values.signing_authority} onValue={set('signing_authority')} width="medium" />
      </div>
      <div class="field-row">
        <TextField {...f.field('signer_title')} label={t('conf.signerTitle')} value={values.signer_title} onValue={set('signer_title')} width="medium" />
        <TextField {...f.field('signer_name')} label={t('conf.signerName')} value={values.signer_name} onValue={set('signer_name')} width="medium" />
      </div>
      <p class="actions">
        <button type="submit" class="button" disabled={f.busy} onClick={() => (kind.current = 'docx')}>{t('conf.makeDocx')}</button>{' '}
        <button type="submit" class="button button--secondary" disabled={f.busy} onClick={() => (kind.current = 'xlsx')}>{t('conf.makeXlsx')}</button>
      </p>
    </form>
  );
}
