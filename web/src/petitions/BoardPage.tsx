// The two QĐ 766 indexes by unit (worst first, each number a link to its petitions), the
// dialogue conferences, and the public page of published answers (no login).
import { useState } from 'preact/hooks';
import { Link, setQuery, useLocation } from '../app/router';
import { useCan } from '../auth/session';
import { Form, useForm } from '../core/form';
import { formatDate, formatInteger, formatPercent, parseDateInput } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { FilterForm, SearchField, useDraft } from '../core/list';
import { DateField, Empty, ErrorBox, Loading, PageHeader, SelectField, Tag, TextField } from '../core/ui';
import { t, type MessageKey } from '../i18n';
import { UnitPicker } from '../units/UnitPicker';
import { petitionsApi, type BoardRow } from './api';
import { categoryOptions } from './parts';

const COUNTS = [['total', 'petitions.board.total'], ['on_time', 'petitions.board.onTime'], ['overdue', 'petitions.board.overdue'], ['unsatisfied', 'petitions.board.unsatisfied'], ['pending', 'petitions.board.pending']] as const;

function rateTone(rate: number | null | undefined) {
  if (rate === null || rate === undefined) return 'grey' as const;
  return rate >= 95 ? ('green' as const) : rate >= 80 ? ('amber' as const) : ('red' as const);
}

function BoardTable(props: { rows: BoardRow[] }) {
  return (
    <div class="table-wrap">
      <table class="table table--stack">
        <thead><tr>
          <th scope="col">{t('petitions.board.unit')}</th>
          <th scope="col" class="num">{t('petitions.board.onTimeRate')}</th>
          <th scope="col" class="num">{t('petitions.board.satisfaction')}</th>
          {COUNTS.map(([, label]) => <th scope="col" class="num" key={label}>{t(label)}</th>)}
        </tr></thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.unit_id}>
              <th scope="row" data-label={t('petitions.board.unit')}>{r.name}</th>
              <td class="num" data-label={t('petitions.board.onTimeRate')}><Tag tone={rateTone(r.on_time_rate)}>{formatPercent(r.on_time_rate)}</Tag></td>
              <td class="num" data-label={t('petitions.board.satisfaction')}><Tag tone={rateTone(r.satisfaction_rate)}>{formatPercent(r.satisfaction_rate)}</Tag></td>
              {COUNTS.map(([k, label]) => (
                <td class="num" data-label={t(label)} key={k}>
                  <Link href={`/petitions?${(r.filters as Record<string, string>)[k]}`}>{formatInteger((r as unknown as Record<string, number>)[k])}</Link>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// The period's two dates, typed dd/mm/yyyy, applied on submit.
function Period(props: { from: string; to: string }) {
  const [from, setFrom] = useState(formatDate(props.from));
  const [to, setTo] = useState(formatDate(props.to));
  return (
    <FilterForm onSubmit={() => setQuery({ from: parseDateInput(from), to: parseDateInput(to) })}>
      <DateField id="board-from" label={t('petitions.board.from')} value={from} onValue={setFrom} />
      <DateField id="board-to" label={t('petitions.board.to')} value={to} onValue={setTo} />
      <button type="submit" class="button button--secondary">{t('petitions.filters')}</button>
    </FilterForm>
  );
}

export function PetitionBoardPage() {
  useDocumentTitle(t('petitions.board.title'));
  const { query } = useLocation();
  const from = query.get('from') ?? undefined, to = query.get('to') ?? undefined;
  const res = useAsync(() => petitionsApi.board({ from, to }), [from, to]);
  return (
    <div>
      <PageHeader title={t('petitions.board.title')} lead={t('petitions.board.lead')} />
      {res.data && <Period from={res.data.from} to={res.data.to} />}
      {res.error ? <ErrorBox error={res.error} onRetry={res.reload} /> : !res.data ? <Loading /> : res.data.rows.length === 0 ? <Empty>{t('petitions.board.empty')}</Empty> : <BoardTable rows={res.data.rows} />}
    </div>
  );
}

function NewSession(props: { onDone: () => void }) {
  const f = useForm('session');
  const [title, setTitle] = useState('');
  const [held, setHeld] = useState('');
  const [place, setPlace] = useState('');
  const [host, setHost] = useState<{ id: number; code: string; name: string } | null>(null);
  const onSubmit = f.submit(() => {}, async () => {
    await petitionsApi.createSession({ title, held_on: held || undefined, host_unit_id: host?.id, place });
    props.onDone();
  });
  return (
    <section class="panel"><h2>{t('petitions.sessions.new')}</h2>
      <Form state={f} onSubmit={onSubmit} submitLabel={t('petitions.sessions.new')} cancelHref="/petitions/sessions">
        <TextField {...f.field('title')} label={t('petitions.sessions.name')} required value={title} onValue={setTitle} width="long" />
        <DateField {...f.field('held_on')} label={t('petitions.sessions.date')} required value={held} onValue={setHeld} />
        <UnitPicker {...f.field('host_unit_id')} label={t('petitions.sessions.host')} required asOf={new Date().toISOString().slice(0, 10)} value={host} onChange={setHost} />
        <TextField {...f.field('place')} label={t('petitions.sessions.place')} value={place} onValue={setPlace} />
      </Form>
    </section>
  );
}

export function SessionsPage() {
  useDocumentTitle(t('petitions.sessions.title'));
  const manage = useCan('petitions.manage');
  const res = useAsync(() => petitionsApi.sessions(), []);
  return (
    <div>
      <PageHeader title={t('petitions.sessions.title')} lead={t('petitions.sessions.lead')} />
      {res.error ? <ErrorBox error={res.error} onRetry={res.reload} /> : !res.data ? <Loading /> : res.data.items.length === 0 ? <Empty>{t('petitions.sessions.empty')}</Empty> : (
        <ul class="plain-list">
          {res.data.items.map((s) => (
            <li key={s.id}><Link href={`/petitions/sessions/${s.id}`}>{s.title}</Link> <span class="muted">— {formatDate(s.held_on)}, {s.host_unit_name}{s.place ? `, ${s.place}` : ''}</span></li>
          ))}
        </ul>
      )}
      {manage && <NewSession onDone={res.reload} />}
    </div>
  );
}

export function SessionPage(props: { id: number }) {
  const res = useAsync(() => petitionsApi.session(props.id), [props.id]);
  useDocumentTitle(res.data?.title ?? t('petitions.sessions.title'));
  if (res.error) return <ErrorBox error={res.error} onRetry={res.reload} />;
  if (!res.data) return <Loading />;
  const s = res.data;
  return (
    <div>
      <nav class="breadcrumb"><Link href="/petitions/sessions">{t('petitions.sessions.title')}</Link></nav>
      <PageHeader title={s.title ?? ''} lead={`${formatDate(s.held_on)} — ${s.host_unit_name ?? ''}${s.place ? `, ${s.place}` : ''}`}
        actions={<a class="button button--secondary" href={`/api/v1/petition-sessions/${s.id}/petitions.xlsx`}>{t('petitions.sessions.export')}</a>} />
      <h2>{t('petitions.sessions.petitions')}</h2>
      {s.petitions.length === 0 ? <Empty>{t('petitions.empty')}</Empty> : (
        <ol>{s.petitions.map((p) => <li key={p.id}><Link href={`/petitions/${p.id}`}>{p.title}</Link> <span class="muted">— {p.business_name}, {t(`petitions.state.${p.state}` as MessageKey)}</span></li>)}</ol>
      )}
    </div>
  );
}

export function PublicPetitionsPage(props: { query: URLSearchParams }) {
  useDocumentTitle(t('petitions.public.title'));
  const [q, setQ] = useDraft(props.query.get('q') ?? '');
  const category = props.query.get('category') ?? '';
  const res = useAsync(() => petitionsApi.published({ q: props.query.get('q') ?? undefined, category: category || undefined, limit: 50 }), [props.query.toString()]);
  return (
    <div class="public-page" style={{ maxWidth: '60rem', margin: '0 auto', padding: '1rem' }}>
      <p><a href="/login">{t('petitions.public.login')}</a></p>
      <PageHeader title={t('petitions.public.title')} lead={t('petitions.public.lead')} />
      <FilterForm onSubmit={() => setQuery({ q: q || null })}>
        <SearchField id="public-q" label={t('petitions.search')} hint={t('petitions.searchHint')} value={q} onValue={setQ} />
        <SelectField id="public-category" label={t('petitions.field.category')} value={category} onValue={(v) => setQuery({ category: v || null })} options={categoryOptions()} />
      </FilterForm>
      {res.error ? <ErrorBox error={res.error} onRetry={res.reload} /> : !res.data ? <Loading /> : res.data.items.length === 0 ? <Empty>{t('petitions.public.empty')}</Empty> : (
        <ol class="plain-list public-answers">
          {res.data.items.map((p) => (
            <li key={p.id} class="panel">
              <h2>{p.title}</h2>
              <p class="muted small">{p.category_label} — {p.business_name ?? t('petitions.public.anonymous')} — {formatDate(p.filed_on)}</p>
              <p class="pre-line">{p.content}</p>
              <h3>{t('petitions.answer')}: {p.responsible_unit_name}, {formatDate(p.answered_on)}</h3>
              <p class="pre-line">{p.answer_text}</p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
