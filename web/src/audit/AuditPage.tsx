// The audit log, newest first, filtered through the URL, paginated on the server.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { AuditEntry, AuditVerifyResult } from '../api/types';
import { Link } from '../app/router';
import { can, isAdmin, useSession } from '../auth/session';
import { errorFor, fieldId, toFieldErrors, type FieldError } from '../core/errors';
import { formatDate, formatDateTime, formatInteger, isIsoDate, parseDateInput } from '../core/format';
import { useAsync } from '../core/hooks';
import { ClearFilters, FilterForm, ListPage, useDraft, useListQuery, type Column } from '../core/list';
import { DateField, ErrorBox, ErrorSummary, Notice, SelectField, TextField } from '../core/ui';
import { hasKey, t } from '../i18n';
import { JsonDiff } from './JsonDiff';

const FORM = 'audit';
const KNOWN_ENTITIES = ['unit', 'user', 'api_token', 'directive', 'task_group', 'task', 'calendar'];

function entityLabel(entity: string): string {
  const key = `entity.${entity}`;
  return hasKey(key) ? t(key) : entity;
}

function actionLabel(action: string): string {
  const key = `action.${action}`;
  return hasKey(key) ? t(key) : action;
}

function EntityLink(props: { entity: string; id: AuditEntry['entity_id']; canUsers: boolean }) {
  const label = (
    <>
      {entityLabel(props.entity)} {props.id !== null && <span class="code">#{props.id}</span>}
    </>
  );
  if (props.id === null) return label;
  if (props.entity === 'unit') return <Link href={`/units/${props.id}`}>{label}</Link>;
  if (props.entity === 'user' && props.canUsers) return <Link href={`/users/${props.id}`}>{label}</Link>;
  if (props.entity === 'task') return <Link href={`/tasks/${props.id}`}>{label}</Link>;
  if (props.entity === 'directive') return <Link href={`/directives/${props.id}`}>{label}</Link>;
  return label;
}

function auditColumns(p: { open: Set<number>; toggle: (seq: number) => void; onUser: (id: number) => void; canUsers: boolean }): Column<AuditEntry>[] {
  return [
    {
      label: t('audit.seq'),
      cell: (e) => (
        <button type="button" class="button button--link expand" aria-expanded={p.open.has(e.seq)} aria-controls={`audit-${e.seq}`} onClick={() => p.toggle(e.seq)}>
          <span class={`caret${p.open.has(e.seq) ? ' caret--open' : ''}`} aria-hidden="true" />
          <span class="visually-hidden">{p.open.has(e.seq) ? t('audit.hideChanges') : t('audit.showChanges')} </span>
          {formatInteger(e.seq)}
        </button>
      ),
    },
    { label: t('audit.at'), class: 'nowrap', cell: (e) => formatDateTime(e.at) },
    {
      label: t('audit.user'),
      cell: (e) =>
        e.user_id !== null ? (
          <button type="button" class="button button--link" title={t('audit.filterUser')} onClick={() => p.onUser(e.user_id!)}>
            {e.username ?? `#${e.user_id}`}
          </button>
        ) : (
          t('audit.system')
        ),
    },
    { label: t('audit.action'), cell: (e) => actionLabel(e.action) },
    { label: t('audit.entity'), cell: (e) => <EntityLink entity={e.entity} id={e.entity_id} canUsers={p.canUsers} /> },
  ];
}

function Changes(props: { entry: AuditEntry }) {
  const e = props.entry;
  return (
    <tr class="detail-row" id={`audit-${e.seq}`}>
      <td colSpan={5}>
        <JsonDiff before={e.before} after={e.after} />
        <p class="muted small">
          {t('audit.hash')}: <span class="code">{e.hash}</span>
        </p>
      </td>
    </tr>
  );
}

function VerifyBox() {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<AuditVerifyResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await api.audit.verify());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="verify">
      <button type="button" class="button button--secondary" onClick={run} disabled={busy}>
        {busy ? t('audit.verifying') : t('audit.verify')}
      </button>
      {result && result.ok && (
        <Notice tone="success">
          {t('audit.verifyOk', { n: formatInteger(result.checked) })}
          {(result.head_seq ?? 0) > 0 && (
            <span class="block small">
              {t('audit.anchor')} <code class="anchor">{`${result.head_seq}:${result.head_hash}`}</code>
            </span>
          )}
        </Notice>
      )}
      {result && !result.ok && <Notice tone="error">{t('audit.verifyBad', { seq: formatInteger(result.first_bad_seq ?? 0), reason: result.reason ?? '' })}</Notice>}
      {error !== null && <ErrorBox error={error} />}
    </div>
  );
}

export function AuditPage() {
  const { me } = useSession();
  const list = useListQuery({
    limit: 50,
    filters: (q) => ({
      entity: q.get('entity') ?? '',
      entityId: q.get('entity_id') ?? '',
      userId: Number(q.get('user_id')) || undefined,
      from: isIsoDate(q.get('from')) ? q.get('from')! : '',
      to: isIsoDate(q.get('to')) ? q.get('to')! : '',
    }),
    load: (f, page) =>
      api.audit.list({ entity: f.entity || undefined, entity_id: Number(f.entityId) || undefined, user_id: f.userId, from: f.from || undefined, to: f.to || undefined, ...page }),
  });
  const { entity, entityId, userId, from, to } = list.filters;

  const [entityText, setEntityText] = useDraft(entity);
  const [entityIdText, setEntityIdText] = useDraft(entityId);
  const [fromText, setFromText] = useDraft(from ? formatDate(from) : '');
  const [toText, setToText] = useDraft(to ? formatDate(to) : '');
  const [userText, setUserText] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [open, setOpen] = useState<Set<number>>(new Set());
  const canUsers = can(me, 'users.read');
  const user = useAsync(() => (userId && canUsers ? api.users.get(userId) : Promise.resolve(null)), [userId]);
  useEffect(() => setUserText(user.data?.username ?? ''), [user.data]);

  // The API filters by user id; people know usernames, so look the name up first.
  const resolveUser = async (problems: FieldError[]): Promise<number | null | undefined> => {
    const name = userText.trim().toLowerCase();
    if (!name) return null;
    if (user.data && user.data.username.toLowerCase() === name) return user.data.id;
    try {
      const found = (await api.users.list({ q: name, limit: 50 })).items.find((u) => u.username.toLowerCase() === name);
      if (found) return found.id;
      problems.push({ field: 'user', message: t('audit.userNotFound', { name: userText.trim() }) });
    } catch (err) {
      problems.push(...toFieldErrors(err).map((fe) => ({ ...fe, field: 'user' })));
    }
    return undefined;
  };

  const apply = async () => {
    const problems: FieldError[] = [];
    const uid = canUsers ? await resolveUser(problems) : userId;
    const f = fromText.trim() ? parseDateInput(fromText) : '';
    const tt = toText.trim() ? parseDateInput(toText) : '';
    if (f === null) problems.push({ field: 'from', message: t('form.dateInvalid') });
    if (tt === null) problems.push({ field: 'to', message: t('form.dateInvalid') });
    if (f && tt && tt < f) problems.push({ field: 'to', message: t('audit.toBeforeFrom') });
    if (entityIdText.trim() && !/^\d+$/.test(entityIdText.trim())) problems.push({ field: 'entity_id', message: t('audit.entityIdInvalid') });
    setErrors(problems);
    if (problems.length) return;
    list.setFilters({ entity: entityText.trim() || null, entity_id: entityIdText.trim() || null, user_id: uid ?? null, from: f || null, to: tt || null });
  };
  const filtered = !!(entity || entityId || userId || from || to);
  const toggle = (seq: number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(seq)) next.delete(seq);
      else next.add(seq);
      return next;
    });

  return (
    <ListPage
      title={t('audit.title')}
      lead={t('audit.lead')}
      actions={isAdmin(me) || can(me, 'audit.verify') ? <VerifyBox /> : undefined}
      intro={<ErrorSummary form={FORM} errors={[...errors, ...list.loadErrors]} />}
      filters={
        <>
          <FilterForm onSubmit={apply}>
            <SelectField
              id={fieldId(FORM, 'entity')}
              label={t('audit.entity')}
              value={entityText}
              onValue={setEntityText}
              options={[
                { value: '', label: t('audit.allEntities') },
                ...Array.from(new Set([...KNOWN_ENTITIES, ...(entity ? [entity] : [])])).map((en) => ({ value: en, label: entityLabel(en) })),
              ]}
            />
            <TextField id={fieldId(FORM, 'entity_id')} label={t('audit.entityId')} value={entityIdText} onValue={setEntityIdText} error={errorFor(errors, 'entity_id')} width="short" inputMode="numeric" autoComplete="off" />
            {canUsers && (
              <TextField id={fieldId(FORM, 'user')} label={t('audit.user')} value={userText} onValue={setUserText} error={errorFor(errors, 'user')} width="short" autoComplete="off" autoCapitalize="none" spellcheck={false} placeholder={t('audit.userPlaceholder')} />
            )}
            <DateField id={fieldId(FORM, 'from')} label={t('audit.from')} value={fromText} onValue={setFromText} error={errorFor(errors, 'from')} hint="" />
            <DateField id={fieldId(FORM, 'to')} label={t('audit.to')} value={toText} onValue={setToText} error={errorFor(errors, 'to')} hint="" />
            <div class="field field--submit">
              <button type="submit" class="button">
                {t('common.filter')}
              </button>
            </div>
            {filtered && <ClearFilters submitRow onClear={() => list.setFilters({ entity: null, entity_id: null, user_id: null, from: null, to: null })} />}
          </FilterForm>
          {userId && !canUsers && (
            <p class="filter-chip">
              {t('audit.byUser', { name: user.data?.full_name ?? user.data?.username ?? `#${userId}` })}{' '}
              <button type="button" class="button button--link" onClick={() => list.setFilters({ user_id: null })}>
                {t('audit.clearUser')}
              </button>
            </p>
          )}
        </>
      }
      list={list}
      empty={filtered ? t('audit.emptyFiltered') : t('audit.empty')}
      count={(n) => t('audit.count', { n: formatInteger(n) })}
      columns={auditColumns({ open, toggle, onUser: (id) => list.setFilters({ user_id: id }), canUsers })}
      rowKey={(e) => e.seq}
      detail={(e) => open.has(e.seq) && <Changes entry={e} />}
      tableClass="audit-table"
    />
  );
}
