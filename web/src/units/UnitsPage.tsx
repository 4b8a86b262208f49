// The unit tree as of the chosen date, with the server-side search beside it.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { UNIT_KINDS, type Unit, type UnitKind } from '../api/types';
import { hrefWith, useAsOf } from '../app/asof';
import { Link, setQuery, useLocation } from '../app/router';
import { useCan } from '../auth/session';
import { Flash } from '../core/Flash';
import { formatDate, formatInteger, formatValidity, todayIso } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { CheckboxField, ClearFilters, DataTable, FilterForm, flag, SearchField, useDraft, type Column } from '../core/list';
import { Empty, ErrorBox, Loading, PageHeader, SelectField, Tag } from '../core/ui';
import { t } from '../i18n';
import { kindLabel, unitStatus } from './labels';
import { allWithChildren, buildTree, countDescendants, type TreeNode } from './tree';

const TREE_LIMIT = 10000;
const SEARCH_LIMIT = 200;

function TreeItem(props: {
  node: TreeNode;
  asOf: string;
  expanded: Set<number>;
  toggle: (id: number) => void;
}) {
  const { unit, children } = props.node;
  const open = props.expanded.has(unit.id);
  const status = unitStatus(unit, props.asOf);
  return (
    <li class="tree-item">
      <div class="tree-row">
        {children.length > 0 ? (
          <button
            type="button"
            class="tree-toggle"
            aria-expanded={open}
            onClick={() => props.toggle(unit.id)}
          >
            <span class={`caret${open ? ' caret--open' : ''}`} aria-hidden="true" />
            <span class="visually-hidden">
              {open ? t('tree.collapse') : t('tree.expand')} {unit.name}
            </span>
          </button>
        ) : (
          <span class="tree-spacer" aria-hidden="true" />
        )}
        <div class="tree-main">
          <Link class="tree-name" href={hrefWith(`/units/${unit.id}`, props.asOf)}>
            {unit.name}
          </Link>
          <span class="tree-meta">
            <span class="code">{unit.code}</span>
            <Tag tone="info">{kindLabel(unit.kind)}</Tag>
            {status.tone !== 'green' && (
              <Tag tone={status.tone} title={status.reason}>
                {status.label}
              </Tag>
            )}
            <span class="tree-validity">{formatValidity(unit.valid_from, unit.valid_to)}</span>
            {children.length > 0 && (
              <span class="muted">{t('tree.childCount', { n: formatInteger(countDescendants(props.node)) })}</span>
            )}
          </span>
        </div>
      </div>
      {open && children.length > 0 && (
        <ul class="tree-children">
          {children.map((c) => (
            <TreeItem key={c.unit.id} node={c} asOf={props.asOf} expanded={props.expanded} toggle={props.toggle} />
          ))}
        </ul>
      )}
    </li>
  );
}

function UnitTree(props: { units: Unit[]; asOf: string }) {
  const roots = buildTree(props.units);
  const [expanded, setExpanded] = useState<Set<number>>(() => new Set(roots.map((r) => r.unit.id)));
  useEffect(() => {
    setExpanded((prev) => {
      const next = new Set(prev);
      roots.forEach((r) => next.add(r.unit.id));
      return next;
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.units]);
  const toggle = (id: number) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <div class="tree">
      <div class="tree-tools">
        <button type="button" class="button button--secondary button--small" onClick={() => setExpanded(new Set(allWithChildren(roots)))}>
          {t('tree.expandAll')}
        </button>
        <button type="button" class="button button--secondary button--small" onClick={() => setExpanded(new Set())}>
          {t('tree.collapseAll')}
        </button>
      </div>
      <ul class="tree-root" aria-label={t('tree.label')}>
        {roots.map((r) => (
          <TreeItem key={r.unit.id} node={r} asOf={props.asOf} expanded={expanded} toggle={toggle} />
        ))}
      </ul>
    </div>
  );
}

function SearchResults(props: { units: Unit[]; total: number; asOf: string; names: Map<number, Unit> }) {
  if (!props.units.length) {
    return <Empty>{t('units.searchEmpty')}</Empty>;
  }
  return (
    <div>
      <p class="muted" role="status">
        {t('units.searchCount', { n: formatInteger(props.total) })}
        {props.total > props.units.length && ` ${t('units.searchTruncated', { n: formatInteger(props.units.length) })}`}
      </p>
      <DataTable rows={props.units} columns={searchColumns(props.asOf, props.names)} rowKey={(u) => u.id} />
    </div>
  );
}

function searchColumns(asOf: string, names: Map<number, Unit>): Column<Unit>[] {
  return [
    { label: t('unit.name'), cell: (u) => <Link href={hrefWith(`/units/${u.id}`, asOf)}>{u.name}</Link> },
    { label: t('unit.code'), class: 'code', cell: (u) => u.code },
    { label: t('unit.kind'), cell: (u) => kindLabel(u.kind) },
    { label: t('unit.parent'), cell: (u) => (u.parent_id === null ? '—' : names.get(u.parent_id)?.name ?? `#${u.parent_id}`) },
    {
      label: t('unit.validity'),
      cell: (u) => {
        const status = unitStatus(u, asOf);
        return (
          <>
            {formatValidity(u.valid_from, u.valid_to)}{' '}
            {status.tone !== 'green' && (
              <Tag tone={status.tone} title={status.reason}>
                {status.label}
              </Tag>
            )}
          </>
        );
      },
    },
  ];
}

export function UnitsPage() {
  useDocumentTitle(t('units.title'));
  const loc = useLocation();
  const asOf = useAsOf();
  const canWrite = useCan('units.write');
  const q = loc.query.get('q') ?? '';
  const kind = loc.query.get('kind') ?? '';
  const includeEnded = loc.query.get('include_ended') === 'true';
  const [qText, setQText] = useDraft(q);

  const all = useAsync(() => api.units.list({ as_of: asOf, include_ended: includeEnded || undefined, limit: TREE_LIMIT }), [asOf, includeEnded]);
  const searching = !!q || !!kind;
  const search = useAsync(
    () =>
      searching
        ? api.units.list({ as_of: asOf, q: q || undefined, kind: (kind || undefined) as UnitKind | undefined, include_ended: includeEnded || undefined, limit: SEARCH_LIMIT })
        : Promise.resolve(null),
    [asOf, q, kind, includeEnded, searching],
  );
  const names = new Map<number, Unit>((all.data?.items ?? []).map((u) => [u.id, u]));

  return (
    <div>
      <PageHeader
        title={t('units.title')}
        lead={
          asOf === todayIso()
            ? t('units.leadToday', { date: formatDate(asOf) })
            : t('units.leadPast', { date: formatDate(asOf) })
        }
        actions={
          <>
            {canWrite && (
              <>
                <Link class="button" href={hrefWith('/units/new', asOf)}>
                  {t('units.add')}
                </Link>
                <Link class="button button--secondary" href={hrefWith('/units/restructure', asOf)}>
                  {t('units.restructure')}
                </Link>
              </>
            )}
            <Link class="button button--secondary" href={hrefWith('/units/events', asOf)}>
              {t('units.events')}
            </Link>
          </>
        }
      />
      <Flash />
      <FilterForm onSubmit={() => setQuery({ q: qText.trim() || null })}>
        <SearchField id="units-q" label={t('units.search')} hint={t('units.searchHint')} value={qText} onValue={setQText} />
        <SelectField
          id="units-kind"
          label={t('unit.kind')}
          value={kind}
          onValue={(v) => setQuery({ kind: v || null })}
          options={[{ value: '', label: t('units.allKinds') }, ...UNIT_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))]}
        />
        <CheckboxField id="units-ended" label={t('units.includeEnded')} checked={includeEnded} onCheck={(c) => setQuery({ include_ended: flag(c) })} />
        {searching && <ClearFilters label={t('units.clearSearch')} onClear={() => setQuery({ q: null, kind: null })} />}
      </FilterForm>

      {searching ? (
        search.error ? (
          <ErrorBox error={search.error} onRetry={search.reload} />
        ) : !search.data ? (
          <Loading />
        ) : (
          <SearchResults units={search.data.items} total={search.data.total} asOf={asOf} names={names} />
        )
      ) : all.error ? (
        <ErrorBox error={all.error} onRetry={all.reload} />
      ) : !all.data ? (
        <Loading />
      ) : all.data.items.length === 0 ? (
        <Empty>
          {t('units.empty', { date: formatDate(asOf) })}{' '}
          {canWrite && <Link href={hrefWith('/units/new', asOf)}>{t('units.emptyAction')}</Link>}
        </Empty>
      ) : (
        <>
          <p class="muted">{t('units.treeCount', { n: formatInteger(all.data.total), date: formatDate(asOf) })}</p>
          <UnitTree units={all.data.items} asOf={asOf} />
        </>
      )}
    </div>
  );
}
