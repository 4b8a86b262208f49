// Every list page is built from these: `useListQuery` (filters in the URL, limit/offset
// paging against the server's {items, total}) and `ListPage` (header, filters, the
// loading/error/empty states, a count, the table declared as columns, the pager). A
// feature declares its columns and filters and nothing more.
import { Fragment, type ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ListResponse } from '../api/types';
import { setQuery, useLocation, type QueryUpdate } from '../app/router';
import { t } from '../i18n';
import { toFieldErrors, type FieldError } from './errors';
import { Flash } from './Flash';
import { formatInteger } from './format';
import { useAsync, useDocumentTitle, type AsyncState } from './hooks';
import { Empty, ErrorBox, Loading, PageHeader, Pager } from './ui';

export interface Page {
  limit: number;
  offset: number;
  // The column the list is ordered by as the URL keeps it ("title", "-title"); the server's
  // `sort`, passed on by a load that spreads the page into its query.
  sort?: string;
}

export interface ListQuery<R, F = unknown> {
  // The filters as read from the URL's query string (written back with setFilters).
  filters: F;
  query: URLSearchParams;
  limit: number;
  offset: number;
  res: AsyncState<R>;
  // Filters that the load refused with a field (shown in the page's error summary).
  loadErrors: FieldError[];
  // Sets filters (null or '' removes one) and goes back to the first page.
  setFilters: (updates: QueryUpdate) => void;
  setOffset: (offset: number) => void;
}

// Reads the filters from the URL and loads the page of the list they ask for, again
// whenever the filters or the page change.
export function useListQuery<F, R>(opts: {
  limit: number;
  filters: (query: URLSearchParams) => F;
  load: (filters: F, page: Page) => Promise<R>;
}): ListQuery<R, F> {
  const { query } = useLocation();
  const offset = Math.max(0, Number(query.get('offset')) || 0);
  const sort = query.get('sort') || undefined;
  const filters = opts.filters(query);
  const res = useAsync(() => opts.load(filters, { limit: opts.limit, offset, sort }), [JSON.stringify(filters), offset, sort]);
  return {
    filters,
    query,
    limit: opts.limit,
    offset,
    res,
    loadErrors: res.error ? toFieldErrors(res.error).filter((fe) => fe.field) : [],
    setFilters: (updates) => setQuery({ ...updates, offset: null }),
    setOffset: (o) => setQuery({ offset: o || null }),
  };
}

// A text the user is typing into a filter, reset whenever the URL's value changes.
export function useDraft(value: string): [string, (v: string) => void] {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  return [draft, setDraft];
}

export interface Column<T> {
  // Header text, and the label a phone shows beside the value.
  label: string;
  // The header's content when it is more than the label (a colour key, say).
  heading?: ComponentChildren;
  // The cell names its row (a unit on a board): a row header.
  rowHeader?: boolean;
  cell: (row: T, index: number) => ComponentChildren;
  // A number: right-aligned.
  num?: boolean;
  class?: string;
  // The column's cell in the totals row, when the page has one.
  total?: ComponentChildren;
  // The server's name for ordering by this column (the list's `sort`): the header sorts.
  sort?: string;
}

// The list's order as the URL keeps it: `sort=title` ascending, `sort=-title` descending.
export interface SortState {
  current: string | null;
  onSort: (sort: string | null) => void;
}

function SortHeader<T>(props: { column: Column<T>; sort: SortState }) {
  const key = props.column.sort!;
  const cur = props.sort.current;
  const dir = cur === key ? 'ascending' : cur === `-${key}` ? 'descending' : null;
  const next = dir === 'ascending' ? `-${key}` : key;
  return (
    <button
      type="button"
      class="sort-button"
      onClick={() => props.sort.onSort(next)}
      title={dir === 'ascending' ? t('list.sortDescending') : t('list.sortAscending')}
    >
      {props.column.heading ?? props.column.label}
      <span class="sort-mark" aria-hidden="true">
        {dir === 'ascending' ? '▲' : dir === 'descending' ? '▼' : '↕'}
      </span>
    </button>
  );
}

// On a phone the table's header is hidden (each row is a card): the same order is chosen
// here, one option per sortable column and direction. Hidden on wider screens.
export function SortSelect<T>(props: { columns: Column<T>[]; sort: SortState; id?: string }) {
  const sortable = props.columns.filter((c) => c.sort);
  if (!sortable.length) return null;
  const id = props.id ?? 'list-sort';
  const current = props.sort.current ?? '';
  const known = sortable.some((c) => current === c.sort || current === `-${c.sort}`);
  return (
    <div class="field sort-select no-print">
      <label for={id}>{t('list.sortBy')}</label>
      <select id={id} class="input" value={known ? current : ''} onChange={(e) => props.sort.onSort((e.target as HTMLSelectElement).value || null)}>
        <option value="">{t('list.sortDefault')}</option>
        {sortable.map((c) => [
          <option key={c.sort} value={c.sort}>
            {t('list.sortOptionAscending', { column: c.label })}
          </option>,
          <option key={`-${c.sort}`} value={`-${c.sort}`}>
            {t('list.sortOptionDescending', { column: c.label })}
          </option>,
        ])}
      </select>
    </div>
  );
}

function ariaSort(c: { sort?: string }, sort?: SortState): 'ascending' | 'descending' | 'none' | undefined {
  if (!c.sort || !sort) return undefined;
  if (sort.current === c.sort) return 'ascending';
  if (sort.current === `-${c.sort}`) return 'descending';
  return 'none';
}

// The row number column ("TT"), counting across pages.
export function numberColumn<T>(label: string): Column<T> {
  return { label, num: true, cell: (_row, i) => formatInteger(i + 1) };
}

function cellClass<T>(c: Column<T>): string | undefined {
  return [c.num ? 'num' : '', c.class ?? ''].filter(Boolean).join(' ') || undefined;
}

export function DataTable<T>(props: {
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string | number;
  // Added to each row's index (the page's offset) for numbered rows.
  first?: number;
  caption?: string;
  class?: string;
  totalLabel?: string;
  // A row of detail under a row (its changes, say), drawn by the page.
  detail?: (row: T) => ComponentChildren;
  // Column headers with `sort` order the list on the server.
  sort?: SortState;
}) {
  const first = props.first ?? 0;
  const hasTotals = props.columns.some((c) => c.total !== undefined);
  return (
    <>
    {props.sort && <SortSelect columns={props.columns} sort={props.sort} />}
    <div class="table-wrap">
      <table class={`table table--stack${props.class ? ` ${props.class}` : ''}`}>
        {props.caption && <caption class="visually-hidden">{props.caption}</caption>}
        <thead>
          <tr>
            {props.columns.map((c, i) => (
              <th key={i} scope="col" class={c.num ? 'num' : undefined} aria-sort={ariaSort(c, props.sort)}>
                {c.sort && props.sort ? <SortHeader column={c} sort={props.sort} /> : (c.heading ?? c.label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row, i) => (
            <Fragment key={props.rowKey(row)}>
              <tr>
                {props.columns.map((c, j) =>
                  c.rowHeader ? (
                    <th key={j} scope="row" data-label={c.label} class={cellClass(c)}>
                      {c.cell(row, first + i)}
                    </th>
                  ) : (
                    <td key={j} data-label={c.label} class={cellClass(c)}>
                      {c.cell(row, first + i)}
                    </td>
                  ),
                )}
              </tr>
              {props.detail?.(row)}
            </Fragment>
          ))}
        </tbody>
        {hasTotals && (
          <tfoot>
            <tr>
              {props.columns.map((c, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {props.totalLabel ?? t('chart.total')}
                  </th>
                ) : (
                  <td key={j} data-label={c.label} class={cellClass(c)}>
                    {c.total}
                  </td>
                ),
              )}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
    </>
  );
}

export interface ListPageProps<T, R extends ListResponse<T>> {
  title: string;
  documentTitle?: string;
  lead?: ComponentChildren;
  actions?: ComponentChildren;
  // Above the header (a breadcrumb).
  before?: ComponentChildren;
  // Between the header and the filters (flash messages are always there).
  intro?: ComponentChildren;
  filters?: ComponentChildren;
  list: ListQuery<R, unknown>;
  // What to do next when the list is empty.
  empty: ComponentChildren;
  // "12 văn bản"; no count line when absent.
  count?: (total: number) => string;
  // The page's own rendering of a page of items instead of the table.
  render?: (data: R) => ComponentChildren;
  // The items of the page as shown (a server that answers with more than a page).
  items?: (data: R) => T[];
  // When a refused filter is already listed in the page's error summary, no error box.
  errorsInSummary?: boolean;
  columns?: Column<T>[];
  rowKey?: (row: T) => string | number;
  detail?: (row: T) => ComponentChildren;
  caption?: string;
  tableClass?: string;
}

export function ListPage<T, R extends ListResponse<T>>(props: ListPageProps<T, R>) {
  useDocumentTitle(props.documentTitle ?? props.title);
  return (
    <div>
      {props.before}
      <PageHeader title={props.title} lead={props.lead} actions={props.actions} />
      <Flash />
      {props.intro}
      {props.filters}
      <ListBody {...props} />
    </div>
  );
}

function ListBody<T, R extends ListResponse<T>>(props: ListPageProps<T, R>) {
  const { res, offset, limit } = props.list;
  if (res.error) return props.errorsInSummary && props.list.loadErrors.length ? null : <ErrorBox error={res.error} onRetry={res.reload} />;
  if (!res.data) return <Loading />;
  const data = res.data;
  if (data.items.length === 0) return <Empty>{props.empty}</Empty>;
  return (
    <>
      {props.count && (
        <p class="muted" role="status">
          {props.count(data.total)}
          {res.loading && ` · ${t('common.loading')}`}
        </p>
      )}
      {props.render ? (
        props.render(data)
      ) : (
        <DataTable
          rows={props.items ? props.items(data) : data.items}
          columns={props.columns ?? []}
          rowKey={props.rowKey ?? ((r) => (r as { id: number }).id)}
          detail={props.detail}
          first={offset}
          caption={props.caption}
          class={props.tableClass}
          sort={{ current: props.list.query.get('sort'), onSort: (sort) => props.list.setFilters({ sort }) }}
        />
      )}
      <Pager total={data.total} limit={limit} offset={offset} onOffset={props.list.setOffset} />
    </>
  );
}

// The search box of a list: a labelled input with its button, submitted with the form.
export function SearchField(props: { id: string; label: string; hint?: string; value: string; onValue: (v: string) => void; width?: 'medium' | 'long' }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      <div class="input-with-button">
        <input
          id={props.id}
          type="search"
          class={`input input--${props.width ?? 'long'}`}
          value={props.value}
          aria-describedby={props.hint ? `${props.id}-hint` : undefined}
          onInput={(e) => props.onValue((e.target as HTMLInputElement).value)}
        />
        <button type="submit" class="button">
          {t('common.search')}
        </button>
      </div>
    </div>
  );
}

export function CheckboxField(props: { id: string; label: ComponentChildren; checked: boolean; onCheck: (checked: boolean) => void }) {
  return (
    <div class="field field--checkbox">
      <input id={props.id} type="checkbox" checked={props.checked} onChange={(e) => props.onCheck((e.target as HTMLInputElement).checked)} />
      <label for={props.id}>{props.label}</label>
    </div>
  );
}

// A filter in the URL that is on or off: `name=true` or absent.
export function flag(checked: boolean): string | null {
  return checked ? 'true' : null;
}

export function ClearFilters(props: { onClear: () => void; label?: string; submitRow?: boolean }) {
  return (
    <div class={props.submitRow ? 'field field--submit' : 'field'}>
      <button type="button" class="button button--link" onClick={props.onClear}>
        {props.label ?? t('common.clearFilters')}
      </button>
    </div>
  );
}

// A search form whose submit is handled by the page (it validates, then sets filters).
export function FilterForm(props: { id?: string; class?: string; onSubmit: () => void; children: ComponentChildren }) {
  return (
    <form
      id={props.id}
      class={`filters${props.class ? ` ${props.class}` : ''}`}
      role="search"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      {props.children}
    </form>
  );
}
