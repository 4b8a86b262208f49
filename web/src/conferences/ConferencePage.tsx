// One conference: its drafts and sections, the counts (received, answered, by kind, past the
// deadline by drafting unit), the report downloads, importing opinions, the votes with the
// rule that decided them, and the opinions grouped by draft and section with answer forms.
import { useState } from 'preact/hooks';
import { formatDate, formatInteger } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { ErrorBox, Loading, Notice, PageHeader, Tag } from '../core/ui';
import { t, type MessageKey } from '../i18n';
import { conferencesApi, type Conference, type Delegate, type Opinion, type RowError, type Vote } from './api';
import { AnswerForm, VoteForm } from './forms';
import { Delegates, MergeForm, NextRound, OpinionForm, ReportForm } from './secretariat';

const KINDS = ['accepted', 'explained', 'noted', 'referred'];

function Counts(props: { c: Conference }) {
  const k = props.c.counts;
  return (
    <section class="conf-counts" aria-label={t('conf.received')}>
      <div class="stats">
        {([['conf.received', k.received], ['conf.answered', k.answered], ['conf.unanswered', k.unanswered],
          ['conf.delegates', props.c.delegates], ['conf.speeches', k.speeches]] as [MessageKey, number][]).map(([key, n]) => (
          <div key={key} class={`stat${key === 'conf.unanswered' && n > 0 ? ' stat--amber' : ''}`}>
            <span class="stat-value">{formatInteger(n)}</span>
            <span class="stat-label">{t(key)}</span>
          </div>
        ))}
      </div>
      <p>
        {t('conf.byKind')}:{' '}
        {KINDS.map((kind) => `${t(`conf.kind.${kind}` as MessageKey)} ${formatInteger(k.by_kind[kind] ?? 0)}`).join(' · ')}
      </p>
      {k.overdue_by_unit.length > 0 && (
        <p>
          {t('conf.overdueByUnit')}:{' '}
          {k.overdue_by_unit.map((u) => (
            <Tag key={u.unit_id} tone="red">{`${u.unit_name ?? ''}: ${formatInteger(u.count)}`}</Tag>
          ))}
        </p>
      )}
    </section>
  );
}

function Documents(props: { c: Conference; manage: boolean; onDone: () => void }) {
  return (
    <section>
      <h2>{t('conf.documents')}</h2>
      <ol>
        {props.c.documents.map((d) => (
          <li key={d.id}>
            <strong>{d.title}</strong> — {t('conf.draftingUnit')}: {d.drafting_unit_name} ({t('conf.round', { n: d.round })}
            {d.answer_due_on && `, ${t('conf.answerDue', { date: formatDate(d.answer_due_on) })}`})
            {props.manage && <NextRound conferenceId={props.c.id} documentId={d.id} round={d.round} onDone={props.onDone} />}
            <ul class="hint">{d.sections.map((s) => <li key={s.id}>{s.title}</li>)}</ul>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Reports(props: { id: number }) {
  return (
    <section>
      <h2>{t('conf.report')}</h2>
      <p class="actions">
        <a class="button button--secondary" href={`/api/v1/conferences/${props.id}/report.docx`} download>
          {t('conf.reportDocx')}
        </a>{' '}
        <a class="button button--secondary" href={`/api/v1/conferences/${props.id}/report.xlsx`} download>
          {t('conf.reportXlsx')}
        </a>
      </p>
      <details>
        <summary>{t('conf.reportWithSigner')}</summary>
        <ReportForm id={props.id} />
      </details>
    </section>
  );
}

function Import(props: { id: number; onDone: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<{ imported?: number; errors?: RowError[]; error?: unknown } | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!file) return;
    try {
      const r = await conferencesApi.importOpinions(props.id, file);
      setResult(r);
      if (r.imported) props.onDone();
    } catch (error) {
      setResult({ error });
    }
  };
  return (
    <section>
      <h2>{t('conf.import')}</h2>
      <form onSubmit={submit}>
        <label for="conf-import-file">{t('conf.importFile')}</label>
        <p class="hint">{t('conf.importHint')}</p>
        <input id="conf-import-file" type="file" accept=".xlsx,.csv" onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0] ?? null)} />{' '}
        <button type="submit" class="button" disabled={!file}>{t('conf.importButton')}</button>
      </form>
      {result?.imported !== undefined && <Notice tone="success">{t('conf.imported', { n: formatInteger(result.imported) })}</Notice>}
      {result?.errors && (
        <div class="notice notice--error" role="alert">
          <p>{t('conf.importErrors', { n: formatInteger(result.errors.length) })}</p>
          <ul>{result.errors.map((e, i) => <li key={i}>{`${t('conf.row', { n: e.row })}, ${e.column}: ${e.message}`}</li>)}</ul>
        </div>
      )}
      {result?.error !== undefined && <ErrorBox error={result.error} />}
    </section>
  );
}

function Votes(props: { id: number; manage: boolean; documents: Conference['documents']; delegates: Delegate[] }) {
  const res = useAsync(() => conferencesApi.votes(props.id), [props.id]);
  return (
    <section>
      <h2>{t('conf.votes')}</h2>
      {res.data && res.data.items.length === 0 && <p>{t('conf.noVotes')}</p>}
      {res.data?.items.map((v: Vote) => (
        <div key={v.id} class="card vote">
          <p>
            <strong>{v.subject}</strong>{' '}
            <Tag tone={v.passed ? 'green' : 'red'}>{t(v.passed ? 'conf.passed' : 'conf.notPassed')}</Tag>
          </p>
          <p>{v.outcome}</p>
          <p class="hint">{v.rule_text}</p>
        </div>
      ))}
      {props.manage && <VoteForm conferenceId={props.id} documents={props.documents} delegates={props.delegates} onDone={res.reload} />}
    </section>
  );
}

// `rounds`: the draft has had more than one round, so each opinion names the round it was raised in.
function OpinionItem(props: { o: Opinion; n: number; rounds: boolean; duplicates: Opinion[] | null; onDone: () => void }) {
  const o = props.o;
  return (
    <li class="card opinion" id={`opinion-${o.id}`}>
      <p>
        <span class="hint">
          {t('conf.opinionNo', { n: o.id })}
          {props.rounds && ` (${t('conf.round', { n: o.round })})`}
        </span>{' '}
        {o.content}
      </p>
      <p class="hint">
        {t('conf.raisedBy')}: {o.raisers}
      </p>
      {o.merged_into_id ? (
        <p class="hint">{t('conf.mergedInto', { n: o.merged_into_id })}</p>
      ) : o.answer ? (
        <p>
          <Tag tone="green">{o.answer.label}</Tag> {o.answer.text}
          {o.answer.when_possible && ` (${t('conf.whenPossible').toLowerCase()})`}
          {o.answer.referred_unit_name && ` → ${o.answer.referred_unit_name}, ${formatDate(o.answer.due_on)}`}
          {o.task_id && (
            <>
              {' '}
              <a href={`/tasks/${o.task_id}`}>{t('conf.task', { n: o.task_id })}</a>
            </>
          )}
        </p>
      ) : (
        <p>
          <Tag tone={o.overdue ? 'red' : 'amber'}>{o.overdue ? t('conf.overdue') : t('conf.notAnswered')}</Tag>
        </p>
      )}
      <div class="actions">
        {o.can_answer && o.answer?.kind !== 'referred' && <AnswerForm opinion={o} onDone={props.onDone} />}
        {props.duplicates && props.duplicates.length > 0 && <MergeForm kept={o} candidates={props.duplicates} onDone={props.onDone} />}
      </div>
    </li>
  );
}

// Opinions the caller may merge into `o`: the others on its draft, neither merged nor answered.
function duplicatesOf(c: Conference, o: Opinion, all: Opinion[]): Opinion[] | null {
  const may = c.allowed_actions.includes('manage') || c.answerable_document_ids.includes(o.document_id);
  if (!may || o.merged_into_id) return null;
  return all.filter((x) => x.id !== o.id && x.document_id === o.document_id && !x.merged_into_id && !x.answer);
}

function Opinions(props: { c: Conference; version: number; onChange: () => void }) {
  const res = useAsync(() => conferencesApi.opinions(props.c.id), [props.c.id, props.version]);
  const reload = () => {
    res.reload();
    props.onChange();
  };
  if (res.loading && !res.data) return <Loading />;
  if (res.error !== undefined) return <ErrorBox error={res.error} onRetry={res.reload} />;
  const items = res.data?.items ?? [];
  return (
    <section>
      <h2>{t('conf.opinions')}</h2>
      {props.c.documents.map((d) => (
        <div key={d.id} class="conf-doc">
          <h3>{d.title}</h3>
          {[{ id: null as number | null, title: t('conf.general') }, ...d.sections].map((s) => {
            const here = items.filter((o) => o.document_id === d.id && o.section_id === s.id);
            if (here.length === 0) return null;
            return (
              <div key={String(s.id)}>
                <h4>{s.title}</h4>
                <ol class="opinions">
                  {here.map((o, i) => (
                    <OpinionItem key={o.id} o={o} n={i + 1} rounds={d.round > 1} duplicates={duplicatesOf(props.c, o, items)} onDone={reload} />
                  ))}
                </ol>
              </div>
            );
          })}
        </div>
      ))}
    </section>
  );
}

export function ConferencePage(props: { id: number }) {
  const res = useAsync(() => conferencesApi.get(props.id), [props.id]);
  const delegates = useAsync(() => conferencesApi.delegates(props.id), [props.id]);
  const [version, setVersion] = useState(0);
  useDocumentTitle(res.data?.name ?? t('conf.nav'));
  if (res.loading && !res.data) return <Loading />;
  if (res.error !== undefined || !res.data) return <ErrorBox error={res.error} onRetry={res.reload} />;
  const c = res.data;
  const manage = c.allowed_actions.includes('manage');
  const people = delegates.data?.items ?? [];
  const opinionAdded = () => {
    setVersion(version + 1);
    res.reload();
  };
  return (
    <>
      <PageHeader title={c.name} lead={`${c.body_unit_name ?? ''} · ${formatDate(c.starts_on)} – ${formatDate(c.ends_on)}`} />
      <Counts c={c} />
      <Documents c={c} manage={manage} onDone={res.reload} />
      <Reports id={c.id} />
      <Delegates c={c} delegates={people} manage={manage} onDone={() => { delegates.reload(); res.reload(); }} />
      {manage && <OpinionForm c={c} delegates={people} onDone={opinionAdded} />}
      {manage && <Import id={c.id} onDone={opinionAdded} />}
      <Votes id={c.id} manage={manage} documents={c.documents} delegates={people} />
      <Opinions c={c} version={version} onChange={res.reload} />
    </>
  );
}
