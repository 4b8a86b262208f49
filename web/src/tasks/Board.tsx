// A task board: the six timeliness classes per unit, directive or group, as a stacked
// bar chart in the status colours and as a table; every number opens the task list
// that makes it.
import type { BoardBy, BoardCounts, BoardRow, TaskQuery, Timeliness } from '../api/types';
import { Link } from '../app/router';
import { Chart, type ChartSeries } from '../charts/Chart';
import { formatInteger, formatPercent } from '../core/format';
import { DataTable, type Column } from '../core/list';
import { t } from '../i18n';
import { BOARD_CLASSES, TIMELINESS_TONE, timelinessLabel } from './labels';
import { tasksHref } from './query';

const SHADE: Record<Timeliness, 'dark' | 'light' | undefined> = {
  done_on_time: 'dark',
  in_time: 'light',
  done_late: 'dark',
  overdue: 'light',
  due_soon: 'light',
  no_deadline: 'light',
};

// The filters a board row adds to the list behind it; null when there is no such list
// (tasks outside any directive or group cannot be filtered for).
export function rowFilters(by: BoardBy, key: number, base: TaskQuery): TaskQuery | null {
  if (by === 'unit') return { ...base, unit_id: undefined, lead_unit_id: key };
  if (key === 0) return null;
  if (by === 'directive') return { ...base, directive_id: key, group_id: undefined };
  return { ...base, group_id: key };
}

function href(filters: TaskQuery | null, timeliness?: Timeliness): string | null {
  if (!filters) return null;
  const { limit: _l, offset: _o, ...f } = filters;
  return tasksHref({ ...f, timeliness });
}

function onTimeRate(c: BoardCounts): number | null {
  const done = c.done_on_time + c.done_late;
  return done ? (100 * c.done_on_time) / done : null;
}

function Num(props: { value: number; href: string | null; tone?: 'red' | 'amber' }) {
  if (!props.value || !props.href) return <span class={props.value ? undefined : 'muted'}>{formatInteger(props.value)}</span>;
  return (
    <Link href={props.href} class={props.tone ? `num-link num-link--${props.tone}` : 'num-link'}>
      {formatInteger(props.value)}
    </Link>
  );
}

function boardColumns(by: BoardBy, filters: TaskQuery, label: string, totals: BoardCounts): Column<BoardRow>[] {
  const f = (r: BoardRow) => rowFilters(by, r.key, filters);
  const tone = (c: Timeliness) => (c === 'overdue' || c === 'done_late' ? 'red' : c === 'due_soon' ? 'amber' : undefined);
  return [
    { label, rowHeader: true, cell: (r) => (f(r) ? <Link href={href(f(r))!}>{r.name || `#${r.key}`}</Link> : r.name) },
    { label: t('board.total'), num: true, cell: (r) => <Num value={r.total} href={href(f(r))} />, total: <Num value={totals.total} href={href(filters)} /> },
    ...BOARD_CLASSES.map(
      (c): Column<BoardRow> => ({
        label: timelinessLabel(c),
        heading: (
          <>
            <span class={`dot dot--${TIMELINESS_TONE[c]}${SHADE[c] === 'dark' ? ' dot--dark' : ''}`} aria-hidden="true" />
            {timelinessLabel(c)}
          </>
        ),
        num: true,
        cell: (r) => <Num value={r[c]} href={href(f(r), c)} tone={tone(c)} />,
        total: <Num value={totals[c]} href={href(filters, c)} />,
      }),
    ),
    { label: t('board.onTimeRate'), num: true, cell: (r) => formatPercent(onTimeRate(r), 0), total: formatPercent(onTimeRate(totals), 0) },
  ];
}

export function BoardTable(props: { by: BoardBy; rows: BoardRow[]; totals: BoardCounts; filters: TaskQuery; label: string; caption: string }) {
  return (
    <DataTable
      rows={props.rows}
      columns={boardColumns(props.by, props.filters, props.label, props.totals)}
      rowKey={(r) => r.key}
      caption={props.caption}
      class="board-table"
    />
  );
}

const CHART_ROWS = 15;

export function BoardChart(props: { by: BoardBy; rows: BoardRow[]; filters: TaskQuery; title: string; dataDate: string; label: string }) {
  // The rows that hold most up first (the server sorts by overdue); a long tail is in the table.
  const rows = props.rows.filter((r) => r.total > 0).slice(0, CHART_ROWS);
  if (!rows.length) return null;
  const series: ChartSeries[] = BOARD_CLASSES.map((c) => ({
    name: timelinessLabel(c),
    values: rows.map((r) => r[c]),
    tone: TIMELINESS_TONE[c],
    shade: SHADE[c],
    stack: 'tasks',
  }));
  return (
    <Chart
      title={props.rows.length > CHART_ROWS ? `${props.title} ${t('board.topN', { n: CHART_ROWS })}` : props.title}
      dataDate={props.dataDate}
      categoryLabel={props.label}
      categories={rows.map((r) => r.name || `#${r.key}`)}
      series={series}
      horizontal
      hrefFor={(i) => href(rowFilters(props.by, rows[i].key, props.filters)) ?? tasksHref({})}
      hrefForCell={(i, si) => href(rowFilters(props.by, rows[i].key, props.filters), BOARD_CLASSES[si])}
      hrefForTotal={(si) => href(props.filters, BOARD_CLASSES[si])}
      height={Math.max(220, rows.length * 44 + 70)}
    />
  );
}
