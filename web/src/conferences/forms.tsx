// The answer form of an opinion and the vote form (totals entered by the secretariat).
import { useState } from 'preact/hooks';
import { useForm } from '../core/form';
import { parseDateInput } from '../core/format';
import { useAsync } from '../core/hooks';
import { DateField, ErrorSummary, Notice, RadioGroup, SelectField, TextAreaField, TextField } from '../core/ui';
import { t, type MessageKey } from '../i18n';
import { conferencesApi, type Opinion } from './api';

export function AnswerForm(props: { opinion: Opinion; onDone: () => void }) {
  const f = useForm(`answer-${props.opinion.id}`);
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState(props.opinion.answer?.kind ?? '');
  const [text, setText] = useState(props.opinion.answer?.text ?? '');
  const [later, setLater] = useState(false);
  const [unit, setUnit] = useState('');
  const [due, setDue] = useState('');
  const [saved, setSaved] = useState(false);
  const units = useAsync(() => (open && kind === 'referred' ? conferencesApi.units() : Promise.resolve({ items: [] })), [open, kind]);
  if (!open)
    return (
      <button type="button" class="button button--secondary" onClick={() => setOpen(true)}>
        {t('conf.answer')}
      </button>
    );
  const submit = f.submit(
    (problems) => {
      if (!kind) problems.push({ field: 'kind', message: t('conf.answerKind') });
      if (kind === 'referred' && due && !parseDateInput(due)) problems.push({ field: 'due_on', message: t('form.dateHint') });
    },
    async () => {
      await conferencesApi.answer(props.opinion.id, {
        kind, text, when_possible: kind === 'accepted' ? later : undefined,
        referred_unit_id: kind === 'referred' && unit ? Number(unit) : undefined,
        due_on: kind === 'referred' ? parseDateInput(due) ?? undefined : undefined,
      });
      setSaved(true);
      props.onDone();
    },
  );
  return (
    <form onSubmit={submit} class="answer-form" noValidate>
      <ErrorSummary form={f.form} errors={f.errors} />
      {saved && <Notice tone="success">{t('conf.saved')}</Notice>}
      <RadioGroup {...f.field('kind')} legend={t('conf.answerKind')} required value={kind} onValue={setKind} inline
        options={['accepted', 'explained', 'noted', 'referred'].map((k) => ({ value: k, label: t(`conf.kind.${k}` as MessageKey) }))} />
      <TextAreaField {...f.field('text')} label={t('conf.answerText')} hint={t('conf.answerTextHint')} value={text} onValue={setText} rows={3} />
      {kind === 'accepted' && (
        <div class="checkbox">
          <input id={`${f.form}-later`} type="checkbox" checked={later} onChange={(e) => setLater((e.target as HTMLInputElement).checked)} />
          <label for={`${f.form}-later`}>{t('conf.whenPossible')}</label>
        </div>
      )}
      {kind === 'referred' && (
        <>
          <SelectField {...f.field('referred_unit_id')} label={t('conf.referredUnit')} required value={unit} onValue={setUnit}
            options={[{ value: '', label: '—' }, ...(units.data?.items ?? []).map((u) => ({ value: String(u.id), label: u.name }))]} />
          <DateField {...f.field('due_on')} label={t('conf.dueOn')} hint={t('conf.dueOnHint')} required value={due} onValue={setDue} />
        </>
      )}
      <button type="submit" class="button" disabled={f.busy}>{t('conf.save')}</button>
    </form>
  );
}

export function VoteForm(props: { conferenceId: number; onDone: () => void }) {
  const f = useForm('vote');
  const [subject, setSubject] = useState('');
  const [rule, setRule] = useState('majority_of_all');
  const [yes, setYes] = useState('');
  const [no, setNo] = useState('');
  const [abstain, setAbstain] = useState('');
  const submit = f.submit(
    (problems) => {
      if (!subject.trim()) problems.push({ field: 'subject', message: t('conf.voteSubject') });
    },
    async () => {
      await conferencesApi.vote(props.conferenceId, { subject, rule, in_favour: Number(yes || 0), against: Number(no || 0), abstain: Number(abstain || 0) });
      setSubject('');
      props.onDone();
    },
  );
  return (
    <form onSubmit={submit} class="vote-form" noValidate>
      <ErrorSummary form={f.form} errors={f.errors} />
      <TextField {...f.field('subject')} label={t('conf.voteSubject')} required value={subject} onValue={setSubject} />
      <RadioGroup {...f.field('rule')} legend={t('conf.voteRule')} value={rule} onValue={setRule} inline
        options={[{ value: 'majority_of_all', label: t('conf.ruleMajority') }, { value: 'two_thirds_of_all', label: t('conf.ruleTwoThirds') }]} />
      <div class="field-row">
        <TextField {...f.field('in_favour')} label={t('conf.inFavour')} value={yes} onValue={setYes} width="short" inputMode="numeric" />
        <TextField {...f.field('against')} label={t('conf.against')} value={no} onValue={setNo} width="short" inputMode="numeric" />
        <TextField {...f.field('abstain')} label={t('conf.abstain')} value={abstain} onValue={setAbstain} width="short" inputMode="numeric" />
      </div>
      <button type="submit" class="button" disabled={f.busy}>{t('conf.voteSave')}</button>
    </form>
  );
}
