// Kiến nghị: the server-paginated list, its filters in the URL (a board number opens it with
// unit_id, bucket, from and to), and the filing form.
import { useState } from 'preact/hooks';
import { Link, navigate, setQuery, useLocation } from '../app/router';
import { useCan } from '../auth/session';
import { FormPage, useForm } from '../core/form';
import { formatDate } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { CheckboxField, DataTable, FilterForm, SearchField, useDraft, type Column } from '../core/list';
import { Empty, ErrorBox, Loading, PageHeader, Pager, SelectField, TextAreaField, TextField } from '../core/ui';
import { setFlash } from '../core/flash';
import { t } from '../i18n';
import { UnitPicker } from '../units/UnitPicker';
import { petitionsApi, type Petition } from './api';
import { categoryLabel, categoryOptions, StateTag, stateOptions, TimelinessTag } from './parts';

const PASS = ['unit_id', 'business_unit_id', 'session_id', 'task_id', 'bucket', 'from', 'to', 'timeliness'];
const LIMIT = 50;

function petitionColumns(): Column<Petition>[] {
  return [
    { label: t('petitions.no'), sort: 'id', cell: (p) => p.id },
    {
      label: t('petitions.field.title'),
      sort: 'title',
      cell: (p) => (
        <>
          <Link href={`/petitions/${p.id}`}>{p.title}</Link>
          <span class="block muted small">{p.business_name}</span>
        </>
      ),
    },
    { label: t('petitions.field.category'), sort: 'category', cell: (p) => categoryLabel(p.category ?? '') },
    { label: t('petitions.field.unit'), sort: 'unit', cell: (p) => p.responsible_unit_name ?? '—' },
    { label: t('petitions.field.due'), sort: 'due_on', cell: (p) => (p.due_on ? formatDate(p.due_on) : '—') },
    {
      label: t('petitions.field.state'),
      sort: 'state',
      cell: (p) => (
        <>
          <TimelinessTag p={p} /> <StateTag state={p.state} />
        </>
      ),
    },
  ];
}

export function PetitionsPage() {
  useDocumentTitle(t('petitions.title'));
  const { query } = useLocation();
  const canFile = useCan('petitions.file');
  const [q, setQ] = useDraft(query.get('q') ?? '');
  const offset = Number(query.get('offset') ?? 0) || 0;
  const params: Record<string, string | number | undefined> = { limit: LIMIT, offset, q: query.get('q') ?? undefined };
  for (const k of ['state', 'category', 'sort', ...PASS]) params[k] = query.get(k) ?? undefined;
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
          <DataTable
            rows={res.data.items}
            columns={petitionColumns()}
            rowKey={(p) => p.id}
            caption={t('petitions.title')}
            sort={{ current: query.get('sort'), onSort: (sort) => setQuery({ sort, offset: null }) }}
          />
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
