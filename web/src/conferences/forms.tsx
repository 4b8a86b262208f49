// The answer form of an opinion and the vote form (totals entered by the secretariat, or
// each delegate's ballot).
import { useState } from 'preact/hooks';
import { useForm } from '../core/form';
import { parseDateInput } from '../core/format';
import { useAsync } from '../core/hooks';
import { DateField, ErrorSummary, Notice, RadioGroup, SelectField, TextAreaField, TextField } from '../core/ui';
import { t, type MessageKey } from '../i18n';
import { conferencesApi, type Conference, type Delegate, type Opinion } from './api';

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

const CHOICES = ['for', 'against', 'abstain'] as const;
const CHOICE_LABEL: Record<(typeof CHOICES)[number], MessageKey> = { for: 'conf.inFavour', against: 'conf.against', abstain: 'conf.abstain' };

// One select per delegate: for, against, abstain, or not voting (absent).
function Ballots(props: { form: string; delegates: Delegate[]; value: Record<number, string>; onValue: (v: Record<number, string>) => void; error?: string }) {
  return (
    <fieldset class={`fieldset${props.error ? ' field--error' : ''}`}>
      <legend>{t('conf.ballots')}</legend>
      {props.error && <p class="field-error">{props.error}</p>}
      <p class="hint">{t('conf.ballotsHint')}</p>
      <div class="ballots">
        {props.delegates.map((d) => (
          <SelectField key={d.id} id={`${props.form}-ballot-${d.id}`} label={d.full_name} value={props.value[d.id] ?? ''}
            onValue={(v) => props.onValue({ ...props.value, [d.id]: v })}
            options={[{ value: '', label: t('conf.absent') }, ...CHOICES.map((c) => ({ value: c, label: t(CHOICE_LABEL[c]) }))]} />
        ))}
      </div>
    </fieldset>
  );
}

const count = (v: string) => /^\d+$/.test(v.trim()) || v.trim() === '';

export function VoteForm(props: { conferenceId: number; documents: Conference['documents']; delegates: Delegate[]; onDone: () => void }) {
  const f = useForm('vote');
  const [subject, setSubject] = useState('');
  const [doc, setDoc] = useState('');
  const [rule, setRule] = useState('majority_of_all');
  const [mode, setMode] = useState('totals');
  const [yes, setYes] = useState('');
  const [no, setNo] = useState('');
  const [abstain, setAbstain] = useState('');
  const [ballots, setBallots] = useState<Record<number, string>>({});
  const submit = f.submit(
    (problems) => {
      if (!subject.trim()) problems.push({ field: 'subject', message: t('conf.voteSubject') });
      if (mode === 'totals')
        for (const [field, v] of [['in_favour', yes], ['against', no], ['abstain', abstain]] as const)
          if (!count(v)) problems.push({ field, message: t('conf.needCount') });
      if (mode === 'ballots' && !Object.values(ballots).some(Boolean)) problems.push({ field: 'ballots', message: t('conf.needBallot') });
    },
    async () => {
      const common = { subject, rule, document_id: doc ? Number(doc) : undefined };
      await conferencesApi.vote(props.conferenceId, mode === 'totals'
        ? { ...common, in_favour: Number(yes || 0), against: Number(no || 0), abstain: Number(abstain || 0) }
        : { ...common, ballots: Object.entries(ballots).filter(([, c]) => c).map(([id, choice]) => ({ delegate_id: Number(id), choice })) });
      setSubject('');
      setBallots({});
      props.onDone();
    },
  );
  return (
    <form onSubmit={submit} class="vote-form" noValidate>
      <ErrorSummary form={f.form} errors={f.errors} />
      <TextField {...f.field('subject')} label={t('conf.voteSubject')} required value={subject} onValue={setSubject} />
      <SelectField {...f.field('document_id')} label={t('conf.voteDocument')} value={doc} onValue={setDoc}
        options={[{ value: '', label: '—' }, ...props.documents.map((d) => ({ value: String(d.id), label: d.title }))]} />
      <RadioGroup {...f.field('rule')} legend={t('conf.voteRule')} value={rule} onValue={setRule} inline
        options={[{ value: 'majority_of_all', label: t('conf.ruleMajority') }, { value: 'two_thirds_of_all', label: t('conf.ruleTwoThirds') }]} />
      <RadioGroup id={`${f.form}-mode`} legend={t('conf.voteMode')} value={mode} onValue={setMode} inline
        options={[{ value: 'totals', label: t('conf.voteTotals') }, { value: 'ballots', label: t('conf.voteBallots') }]} />
      {mode === 'totals' ? (
        <div class="field-row">
          <TextField {...f.field('in_favour')} label={t('conf.inFavour')} value={yes} onValue={setYes} width="short" inputMode="numeric" />
          <TextField {...f.field('against')} label={t('conf.against')} value={no} onValue={setNo} width="short" inputMode="numeric" />
          <TextField {...f.field('abstain')} label={t('conf.abstain')} value={abstain} onValue={setAbstain} width="short" inputMode="numeric" />
        </div>
      ) : (
        <Ballots form={f.form} delegates={props.delegates} value={ballots} onValue={setBallots} error={f.field('ballots').error} />
      )}
      <button type="submit" class="button" disabled={f.busy}>{t('conf.voteSave')}</button>
    </form>
  );
}
