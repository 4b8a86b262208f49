// Kiến nghị: the server-paginated list, its filters in the URL (a board number opens it with
// unit_id, bucket, from and to), and the filing form.
import { useState } from 'preact/hooks';
import { Link, navigate, setQuery, useLocation } from '../app/router';
import { useCan } from '../auth/session';
import { FormPage, useForm } from '../core/form';
import { formatDate } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { CheckboxField, FilterForm, SearchField, useDraft } from '../core/list';
import { Empty, ErrorBox, Loading, PageHeader, Pager, SelectField, TextAreaField, TextField } from '../core/ui';
import { setFlash } from '../core/flash';
import { t } from '../i18n';
import { UnitPicker } from '../units/UnitPicker';
import { petitionsApi, type Petition } from './api';
import { categoryLabel, categoryOptions, StateTag, stateOptions, TimelinessTag } from './parts';

const PASS = ['unit_id', 'business_unit_id', 'session_id', 'task_id', 'bucket', 'from', 'to', 'timeliness'];
const LIMIT = 50;

function PetitionRow(props: { p: Petition }) {
  const p = props.p;
  return (
    <tr>
      <td data-label={t('petitions.no')}>{p.id}</td>
      <td data-label={t('petitions.field.title')}>
        <Link href={`/petitions/${p.id}`}>{p.title}</Link>
        <span class="block muted small">{p.business_name}</span>
      </td>
      <td data-label={t('petitions.field.category')}>{categoryLabel(p.category ?? '')}</td>
      <td data-label={t('petitions.field.unit')}>{p.responsible_unit_name ?? '—'}</td>
      <td data-label={t('petitions.field.due')}>{p.due_on ? formatDate(p.due_on) : '—'}</td>
      <td data-label={t('petitions.field.state')}>
        <TimelinessTag p={p} /> <StateTag state={p.state} />
      </td>
    </tr>
  );
}

function PetitionTable(props: { items: Petition[] }) {
  return (
    <div class="table-wrap">
      <table class="table table--stack">
        <thead>
          <tr>
            <th scope="col">{t('petitions.no')}</th>
            <th scope="col">{t('petitions.field.title')}</th>
            <th scope="col">{t('petitions.field.category')}</th>
            <th scope="col">{t('petitions.field.unit')}</th>
            <th scope="col">{t('petitions.field.due')}</th>
            <th scope="col">{t('petitions.field.state')}</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((p) => (
            <PetitionRow key={p.id} p={p} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PetitionsPage() {
  useDocumentTitle(t('petitions.title'));
  const { query } = useLocation();
  const canFile = useCan('petitions.file');
  const [q, setQ] = useDraft(query.get('q') ?? '');
  const offset = Number(query.get('offset') ?? 0) || 0;
  const params: Record<string, string | number | undefined> = { limit: LIMIT, offset, q: query.get('q') ?? undefined };
  for (const k of ['state', 'category', ...PASS]) params[k] = query.get(k) ?? undefined;
  const res = useAsync(() => petitionsApi.list(params), [query.toString()]);
  return (
    <div>
      <PageHeader title={t('petitions.title')} lead={t('petitions.lead')} actions={canFile && <Link class="button" href="/petitions/new">{t('petitions.file')}</Link>} />
      <FilterForm onSubmit={() => setQuery({ q: q || null, offset: null })}>
        <SearchField id="petitions-q" label={t('petitions.search')} hint={t('petitions.searchHint')} value={q} onValue={setQ} />
        <SelectField id="petitions-state" label={t('petitions.field.state')} value={query.get('state') ?? ''} onValue={(v) => setQuery({ state: v || null, offset: null })} options={stateOptions()} />
        <SelectField id="petitions-category" label={t('petitions.field.category')} value={query.get('category') ?? ''} onValue={(v) => setQuery({ category: v || null, offset: null })} options={categoryOptions()} />
      </FilterForm>
      {res.error ? <ErrorBox error={res.error} onRetry={res.reload} /> : !res.data ? <Loading /> : res.data.items.length === 0 ? <Empty>{t('petitions.empty')}</Empty> : (
        <>
          <PetitionTable items={res.data.items} />
          <Pager total={res.data.total} limit={LIMIT} offset={offset} onOffset={(o) => setQuery({ offset: o ? String(o) : null })} />
        </>
      )}
    </div>
  );
}

export function PetitionFilePage() {
  useDocumentTitle(t('petitions.file'));
  const office = useCan('petitions.manage');
  const f = useForm('petition');
  const [title, setTitle] = useState('');
  const [content, setContent] = useState('');
  const [category, setCategory] = useState('');
  const [publishable, setPublishable] = useState(false);
  const [business, setBusiness] = useState<{ id: number; code: string; name: string } | null>(null);
  const onSubmit = f.submit(
    (problems) => {
      if (!title.trim()) problems.push({ field: 'title', message: t('petitions.required.title') });
      if (!content.trim()) problems.push({ field: 'content', message: t('petitions.required.content') });
      if (!category) problems.push({ field: 'category', message: t('petitions.required.category') });
    },
    async () => {
      const p = await petitionsApi.file({ title, content, category, publishable, ...(office && business ? { business_unit_id: business.id } : {}) });
      setFlash(t('petitions.filed'));
      navigate(`/petitions/${p.id}`);
    },
  );
  return (
    <FormPage title={t('petitions.file')} state={f} onSubmit={onSubmit} submitLabel={t('petitions.file')} cancelHref="/petitions">
      {office && <UnitPicker {...f.field('business_unit_id')} label={t('petitions.field.business')} asOf={new Date().toISOString().slice(0, 10)} value={business} onChange={setBusiness} />}
      <TextField {...f.field('title')} label={t('petitions.field.title')} required value={title} onValue={setTitle} width="long" />
      <TextAreaField {...f.field('content')} label={t('petitions.field.content')} hint={t('petitions.field.contentHint')} required rows={6} value={content} onValue={setContent} />
      <SelectField {...f.field('category')} label={t('petitions.field.category')} required value={category} onValue={setCategory} options={[{ value: '', label: '—' }, ...categoryOptions().slice(1)]} />
      <CheckboxField id="petition-publishable" label={t('petitions.field.publishable')} checked={publishable} onCheck={setPublishable} />
    </FormPage>
  );
}
