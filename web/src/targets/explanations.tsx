// Giải trình: a leader asks a unit to explain a lagging target by a date; the unit answers
// (causes, measures, a new expected value or date); the leader accepts or asks again.
// The list shows open and late requests first.
import { useState } from 'preact/hooks';
import { Link } from '../app/router';
import { can, useSession } from '../auth/session';
import { errorMessage, fieldId, type FieldError } from '../core/errors';
import { Loaded } from '../core/form';
import { Flash } from '../core/Flash';
import { formatDate, formatDateTime, formatInteger, parseDateInput, todayIso } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { ListPage, numberColumn, useListQuery, type Column, type Page } from '../core/list';
import type { Tone } from '../core/status';
import { DateField, Notice, PageHeader, RadioGroup, Tag, TextAreaField, TextField } from '../core/ui';
import { t } from '../i18n';
import { ActionForm, useDraft, useFieldError } from '../tasks/forms';
import { targetsApi } from './api';
import { formatMeasure, indicatorName, labelOf, parseNumberInput, periodLabel } from './labels';
import { href, int, StatusTag } from './parts';
import type { ExplanationQuery, ExplanationRequest, ExplanationStatus } from './types';

const STATUS_TONE: Record<ExplanationStatus, Tone> = { open: 'amber', asked_again: 'amber', answered: 'info', accepted: 'green' };
const STATUSES: ExplanationStatus[] = ['open', 'asked_again', 'answered', 'accepted'];

export function isOpen(e: ExplanationRequest): boolean {
  return e.status === 'open' || e.status === 'asked_again';
}

export function ExplanationTag(props: { request: ExplanationRequest }) {
  const e = props.request;
  return (
    <span class="tag-row">
      <Tag tone={STATUS_TONE[e.status] ?? 'grey'}>{labelOf('targets.explanationStatus', e.status)}</Tag>
      {e.late && isOpen(e) && <Tag tone="red">{t('targets.late')}</Tag>}
    </span>
  );
}

function subjectOf(e: ExplanationRequest) {
  if (e.target_id) {
    const name = indicatorName(e.target?.indicator, undefined);
    return (
      <Link href={`/targets/${e.target_id}`}>
        {e.target?.indicator ? name : `#${e.target_id}`}
        {e.target?.period ? ` — ${periodLabel(e.target.period)}` : ''}
      </Link>
    );
  }
  if (e.task_id) return <Link href={`/tasks/${e.task_id}`}>{e.task?.title ?? `#${e.task_id}`}</Link>;
  return '—';
}

function DueCell(props: { request: ExplanationRequest }) {
  const e = props.request;
  const late = !!e.late && isOpen(e);
  return (
    <span class="deadline">
      <span class="deadline-date">{formatDate(e.due_on)}</span>
      {isOpen(e) && late && e.working_days_late != null && <span class="deadline-left deadline-left--red">{t('deadline.late', { n: e.working_days_late })}</span>}
      {isOpen(e) && !late && e.working_days_left != null && <span class="deadline-left">{t('deadline.left', { n: e.working_days_left })}</span>}
    </span>
  );
}

export function explanationColumns(): Column<ExplanationRequest>[] {
  return [
    numberColumn(t('targets.no')),
    { label: t('targets.explanationSubject'), rowHeader: true, cell: (e) => subjectOf(e) },
    { label: t('targets.unit'), sort: 'unit', cell: (e) => e.unit?.name ?? `#${e.unit_id}` },
    {
      label: t('targets.question'),
      cell: (e) => (
        <Link href={`/targets/explanations/${e.id}`} class="pre-line">
          {e.question}
        </Link>
      ),
    },
    { label: t('targets.dueOn'), sort: 'due_on', cell: (e) => <DueCell request={e} /> },
    { label: t('targets.explanationStatusLabel'), sort: 'state', cell: (e) => <ExplanationTag request={e} /> },
  ];
}

interface Filters extends ExplanationQuery {
  late?: boolean;
}

function filtersFrom(q: URLSearchParams): Filters {
  const state = q.get('state');
  const about = q.get('about');
  return {
    state: STATUSES.includes(state as ExplanationStatus) ? (state as ExplanationStatus) : undefined,
    about: about === 'task' || about === 'target' ? about : undefined,
    late: q.get('late') === 'true' || undefined,
    target_id: int(q.get('target_id')),
    unit_id: int(q.get('unit_id')),
  };
}

// Late is open past its due date: the open ones, read here (there are few open at a time).
async function load(f: Filters, page: Page) {
  const { late, ...query } = f;
  if (!late) return targetsApi.explanations.list({ ...query, ...page });
  const open = await targetsApi.explanations.list({ ...query, state: 'open', limit: 1000, offset: 0, sort: page.sort });
  const items = open.items.filter((e) => e.late);
  return { items: items.slice(page.offset, page.offset + page.limit), total: items.length };
}

export function ExplanationsPage() {
  const list = useListQuery({ limit: 50, filters: filtersFrom, load });
  const f = list.filters;
  const base = f.late ? t('targets.explanationsLateTitle') : f.state ? labelOf('targets.explanationStatus', f.state) : t('targets.explanationsTitle');
  const title = f.about ? `${base} — ${t(f.about === 'task' ? 'targets.aboutTasks' : 'targets.aboutTargets')}` : base;
  // The quick views keep "about tasks" (the task boards open this page with it).
  const about = f.about;
  const views = [
    { href: href('/targets/explanations', { about }), label: t('targets.explanationsAll'), current: !f.state && !f.late },
    { href: href('/targets/explanations', { about, state: 'open' }), label: t('targets.explanationStatus.open'), current: f.state === 'open' && !f.late },
    { href: href('/targets/explanations', { about, late: true }), label: t('targets.explanationsLateTitle'), current: !!f.late },
    { href: href('/targets/explanations', { about, state: 'answered' }), label: t('targets.explanationStatus.answered'), current: f.state === 'answered' },
  ];
  return (
    <ListPage
      title={title}
      documentTitle={`${title} — ${t('targets.explanations')}`}
      lead={t('targets.explanationsLead')}
      before={
        <p class="breadcrumb">
          <Link href="/targets">{t('targets.title')}</Link>
        </p>
      }
      intro={
        <nav class="quick-views" aria-label={t('targets.explanations')}>
          <ul>
            {views.map((v) => (
              <li key={v.href}>
                <Link class="quick-view" href={v.href} aria-current={v.current ? 'page' : undefined}>
                  {v.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      }
      list={list}
      empty={t('targets.explanationsEmpty')}
      count={(n) => t('targets.explanationsCount', { n: formatInteger(n) })}
      columns={explanationColumns()}
      caption={title}
      tableClass="explanation-table"
    />
  );
}

// ---- Asking (on a target's page, or about a task on its own page) -------------------------

// What a request is about: a target or a task (ExplanationInput's two ids).
export type AskAbout = { target_id: number } | { task_id: number };

export function AskExplanationForm(props: { about: AskAbout; unitName: string; onDone: (e: ExplanationRequest) => void; onCancel: () => void }) {
  const F = 'ask';
  const key = 'task_id' in props.about ? `task${props.about.task_id}` : `${props.about.target_id}`;
  const [due, setDue] = useDraft(`${key}:ask:due`, '');
  const [question, setQuestion] = useDraft(`${key}:ask:question`, '');
  let dueIso: string | null = null;
  return (
    <ActionForm
      form={F}
      title={t('targets.askTitle')}
      intro={<p>{t('targets.askIntro', { unit: props.unitName })}</p>}
      submitLabel={t('targets.askSubmit')}
      validate={() => {
        const problems: FieldError[] = [];
        dueIso = parseDateInput(due);
        if (!dueIso) problems.push({ field: 'due_on', message: t('targets.dueInvalid') });
        else if (dueIso <= todayIso()) problems.push({ field: 'due_on', message: t('targets.dueFuture') });
        if (!question.trim()) problems.push({ field: 'question', message: t('targets.questionRequired') });
        return problems;
      }}
      send={async () => {
        const e = await targetsApi.explanations.create({ ...props.about, due_on: dueIso!, question: question.trim() });
        setDue('');
        setQuestion('');
        props.onDone(e);
      }}
      onDone={() => undefined}
      onCancel={props.onCancel}
    >
      <AskFields form={F} due={due} setDue={setDue} question={question} setQuestion={setQuestion} hint={'task_id' in props.about ? t('targets.questionHintTask') : undefined} />
    </ActionForm>
  );
}

function AskFields(props: { form: string; due: string; setDue: (v: string) => void; question: string; setQuestion: (v: string) => void; hint?: string }) {
  const dueError = useFieldError('due_on');
  const questionError = useFieldError('question');
  return (
    <>
      <TextAreaField id={fieldId(props.form, 'question')} label={t('targets.question')} hint={props.hint ?? t('targets.questionHint')} required rows={3} value={props.question} onValue={props.setQuestion} error={questionError} />
      <DateField id={fieldId(props.form, 'due_on')} label={t('targets.dueOn')} hint={t('targets.dueHint')} required value={props.due} onValue={props.setDue} error={dueError} />
    </>
  );
}

// ---- One request: answer, accept, ask again ------------------------------------------------

type Action = 'answer' | 'accept' | 'ask_again';

function actionsFor(e: ExplanationRequest, perms: { report: boolean; ask: boolean }): Action[] {
  if (e.allowed_actions) return e.allowed_actions.map((a) => a.replace('-', '_')).filter((a): a is Action => a === 'answer' || a === 'accept' || a === 'ask_again');
  if (isOpen(e) && perms.report) return ['answer'];
  if (e.status === 'answered' && perms.ask) return ['accept', 'ask_again'];
  return [];
}

function AnswerFields(props: { form: string; s: AnswerDraft; set: (c: Partial<AnswerDraft>) => void; unit?: string }) {
  const causes = useFieldError('causes');
  const measures = useFieldError('measures');
  const expectedValue = useFieldError('expected_value');
  const expectedOn = useFieldError('expected_on');
  return (
    <>
      <TextAreaField id={fieldId(props.form, 'causes')} label={t('targets.causes')} hint={t('targets.causesHint')} required rows={4} value={props.s.causes} onValue={(v) => props.set({ causes: v })} error={causes} />
      <TextAreaField id={fieldId(props.form, 'measures')} label={t('targets.measures')} hint={t('targets.measuresHint')} required rows={4} value={props.s.measures} onValue={(v) => props.set({ measures: v })} error={measures} />
      <RadioGroup
        id={fieldId(props.form, 'expect')}
        legend={t('targets.expect')}
        required
        inline
        value={props.s.expect}
        onValue={(v) => props.set({ expect: v as 'value' | 'date' })}
        options={[
          { value: 'value', label: t('targets.expectValue') },
          { value: 'date', label: t('targets.expectDate') },
        ]}
      />
      {props.s.expect === 'value' ? (
        <TextField
          id={fieldId(props.form, 'expected_value')}
          label={props.unit ? t('targets.expectedValueWithUnit', { unit: props.unit }) : t('targets.expectedValue')}
          hint={t('targets.valueHint')}
          required
          width="short"
          inputMode="decimal"
          autoComplete="off"
          value={props.s.expectedValue}
          onValue={(v) => props.set({ expectedValue: v })}
          error={expectedValue}
        />
      ) : (
        <DateField id={fieldId(props.form, 'expected_on')} label={t('targets.expectedOn')} required value={props.s.expectedOn} onValue={(v) => props.set({ expectedOn: v })} error={expectedOn} />
      )}
    </>
  );
}

interface AnswerDraft {
  causes: string;
  measures: string;
  expect: 'value' | 'date';
  expectedValue: string;
  expectedOn: string;
}

// What an action answers with: the request as it now stands.
type Done = (message: string, updated?: ExplanationRequest) => void;

function AnswerForm(props: { request: ExplanationRequest; unit?: string; onDone: Done; onCancel: () => void }) {
  let updated: ExplanationRequest | undefined;
  const F = 'answer';
  const [s, setS, clear] = useDraft<AnswerDraft>(`${props.request.id}:answer`, { causes: '', measures: '', expect: 'value', expectedValue: '', expectedOn: '' });
  const set = (c: Partial<AnswerDraft>) => setS({ ...s, ...c });
  let value: number | null = null;
  let on: string | null = null;
  return (
    <ActionForm
      form={F}
      title={t('targets.answerTitle')}
      submitLabel={t('targets.answerSubmit')}
      validate={() => {
        const problems: FieldError[] = [];
        if (!s.causes.trim()) problems.push({ field: 'causes', message: t('targets.causesRequired') });
        if (!s.measures.trim()) problems.push({ field: 'measures', message: t('targets.measuresRequired') });
        if (s.expect === 'value') {
          value = parseNumberInput(s.expectedValue);
          if (value === null) problems.push({ field: 'expected_value', message: t('targets.expectedValueInvalid') });
        } else {
          on = parseDateInput(s.expectedOn);
          if (!on) problems.push({ field: 'expected_on', message: t('targets.expectedOnInvalid') });
        }
        return problems;
      }}
      send={async () => {
        updated = await targetsApi.explanations.answer(props.request.id, {
          causes: s.causes.trim(),
          measures: s.measures.trim(),
          ...(s.expect === 'value' ? { expected_value: value! } : { expected_on: on! }),
        });
        clear();
      }}
      onDone={() => props.onDone(t('targets.answered'), updated)}
      onCancel={props.onCancel}
    >
      <AnswerFields form={F} s={s} set={set} unit={props.unit} />
    </ActionForm>
  );
}

function AskAgainForm(props: { request: ExplanationRequest; onDone: Done; onCancel: () => void }) {
  let updated: ExplanationRequest | undefined;
  const F = 'again';
  const [due, setDue, clearDue] = useDraft(`${props.request.id}:again:due`, '');
  const [question, setQuestion, clearQ] = useDraft(`${props.request.id}:again:question`, '');
  let dueIso: string | null = null;
  return (
    <ActionForm
      form={F}
      title={t('targets.askAgainTitle')}
      submitLabel={t('targets.askAgainSubmit')}
      warning
      validate={() => {
        const problems: FieldError[] = [];
        if (!question.trim()) problems.push({ field: 'question', message: t('targets.againQuestionRequired') });
        dueIso = parseDateInput(due);
        if (!dueIso) problems.push({ field: 'due_on', message: t('targets.dueInvalid') });
        else if (dueIso <= todayIso()) problems.push({ field: 'due_on', message: t('targets.dueFuture') });
        return problems;
      }}
      send={async () => {
        updated = await targetsApi.explanations.askAgain(props.request.id, { question: question.trim(), due_on: dueIso! });
        clearDue();
        clearQ();
      }}
      onDone={() => props.onDone(t('targets.askedAgain'), updated)}
      onCancel={props.onCancel}
    >
      <AskFields form={F} due={due} setDue={setDue} question={question} setQuestion={setQuestion} />
    </ActionForm>
  );
}

function Answer(props: { request: ExplanationRequest; unit?: string }) {
  const r = props.request;
  if (!r.causes && !r.measures) return null;
  return (
    <div class="answer-box">
      <h3>{t('targets.answer')}</h3>
      <dl class="summary-list">
        <div>
          <dt>{t('targets.causes')}</dt>
          <dd class="pre-line">{r.causes || '—'}</dd>
        </div>
        <div>
          <dt>{t('targets.measures')}</dt>
          <dd class="pre-line">{r.measures || '—'}</dd>
        </div>
        {r.expected_value != null && (
          <div>
            <dt>{t('targets.expectedValue')}</dt>
            <dd>{formatMeasure(r.expected_value, props.unit)}</dd>
          </div>
        )}
        {r.expected_on && (
          <div>
            <dt>{t('targets.expectedOn')}</dt>
            <dd>{formatDate(r.expected_on)}</dd>
          </div>
        )}
      </dl>
      {r.answered_on && <p class="muted small">{t('targets.answeredAt', { at: formatDate(r.answered_on) })}</p>}
    </div>
  );
}

// Every ask, answer, acceptance and new question, in order.
function History(props: { request: ExplanationRequest }) {
  const events = props.request.events ?? [];
  if (events.length < 2) return null;
  return (
    <section class="section" aria-labelledby="explanation-history">
      <h2 id="explanation-history">{t('targets.explanationHistory')}</h2>
      <ol class="plain-list explanation-events">
        {events.map((e, i) => (
          <li key={i}>
            <span class="muted small">{formatDateTime(e.at)}</span> · <strong>{labelOf('targets.event', e.kind)}</strong>
            {e.round > 1 && <span class="muted"> ({t('targets.roundN', { n: e.round })})</span>}
            {e.text && <p class="pre-line">{e.text}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function ExplanationPage(props: { id: number }) {
  const res = useAsync(() => targetsApi.explanations.get(props.id), [props.id]);
  const { me } = useSession();
  const [open, setOpen] = useState<Action | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [acceptError, setAcceptError] = useState<string | null>(null);
  useDocumentTitle(t('targets.explanationTitle'));
  // The request as the action answered it, shown at once (the reload brings its history).
  const [latest, setLatest] = useState<ExplanationRequest | null>(null);
  const done: Done = (m, updated) => {
    setOpen(null);
    setMessage(m);
    if (updated) setLatest(updated);
    res.reload();
  };
  return (
    <Loaded res={res}>
      {(loaded) => {
        const e = latest && latest.id === loaded.id ? { ...loaded, ...latest, unit: loaded.unit, target: loaded.target, events: loaded.events } : loaded;
        const actions = actionsFor(e, { report: can(me, 'targets.report'), ask: can(me, 'explanations.ask') });
        const unit = e.target?.indicator?.unit_of_measure;
        const accept = async () => {
          setBusy(true);
          setAcceptError(null);
          try {
            done(t('targets.accepted'), await targetsApi.explanations.accept(e.id));
          } catch (err) {
            setAcceptError(errorMessage(err));
          } finally {
            setBusy(false);
          }
        };
        return (
          <div>
            <p class="breadcrumb">
              <Link href="/targets/explanations">{t('targets.explanationsTitle')}</Link>
            </p>
            <PageHeader title={t('targets.explanationTitle')} lead={<>{subjectOf(e)}</>} />
            <Flash />
            {message && <Notice tone="success">{message}</Notice>}
            {acceptError && <Notice tone="error">{acceptError}</Notice>}
            <dl class="summary-list">
              <div>
                <dt>{t('targets.unit')}</dt>
                <dd>{e.unit?.name ?? `#${e.unit_id}`}</dd>
              </div>
              <div>
                <dt>{t('targets.explanationStatusLabel')}</dt>
                <dd>
                  <ExplanationTag request={e} />
                </dd>
              </div>
              <div>
                <dt>{t('targets.dueOn')}</dt>
                <dd>
                  <DueCell request={e} />
                </dd>
              </div>
              {e.target && (
                <div>
                  <dt>{t('targets.status')}</dt>
                  <dd>
                    <StatusTag status={e.target.status} reason={e.target.status_reason} /> <span class="small">{e.target.status_reason}</span>
                  </dd>
                </div>
              )}
            </dl>
            <section class="section" aria-labelledby="explanation-question">
              <h2 id="explanation-question">{(e.round ?? 1) > 1 ? t('targets.questionRound', { n: e.round ?? 1 }) : t('targets.question')}</h2>
              <p class="pre-line">{e.question}</p>
            </section>
            <Answer request={e} unit={unit} />
            {actions.length > 0 && !open && (
              <div class="actions-row explanation-actions">
                {actions.map((a) => (
                  <button key={a} type="button" class={`button${a === 'ask_again' ? ' button--secondary' : ''}`} disabled={busy} onClick={() => (a === 'accept' ? accept() : setOpen(a))}>
                    {t(`targets.explanationAction.${a}`)}
                  </button>
                ))}
              </div>
            )}
            {open === 'answer' && <AnswerForm request={e} unit={unit} onDone={done} onCancel={() => setOpen(null)} />}
            {open === 'ask_again' && <AskAgainForm request={e} onDone={done} onCancel={() => setOpen(null)} />}
            <History request={e} />
          </div>
        );
      }}
    </Loaded>
  );
}
