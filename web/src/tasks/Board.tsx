// A task board: the six timeliness classes per unit, directive or group, as a stacked
// bar chart in the status colours and as a table; every number opens the task list
// that makes it.
import type { BoardBy, BoardCounts, BoardRow, TaskQuery, Timeliness } from '../api/types';
import { Link } from '../app/router';
import { Chart, type ChartSeries } from '../charts/Chart';
import { formatInteger, formatPercent } from '../core/format';
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

export function BoardTable(props: { by: BoardBy; rows: BoardRow[]; totals: BoardCounts; filters: TaskQuery; label: string; caption: string }) {
  return (
    <div class="table-wrap">
      <table class="table table--stack board-table">
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.label}</th>
            <th scope="col" class="num">
              {t('board.total')}
            </th>
            {BOARD_CLASSES.map((c) => (
              <th scope="col" class="num" key={c}>
                <span class={`dot dot--${TIMELINESS_TONE[c]}${SHADE[c] === 'dark' ? ' dot--dark' : ''}`} aria-hidden="true" />
                {timelinessLabel(c)}
              </th>
            ))}
            <th scope="col" class="num">
              {t('board.onTimeRate')}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => {
            const f = rowFilters(props.by, r.key, props.filters);
            return (
              <tr key={r.key}>
                <th scope="row" data-label={props.label}>
                  {f ? <Link href={href(f)!}>{r.name || `#${r.key}`}</Link> : r.name}
                </th>
                <td class="num" data-label={t('board.total')}>
                  <Num value={r.total} href={href(f)} />
                </td>
                {BOARD_CLASSES.map((c) => (
                  <td class="num" key={c} data-label={timelinessLabel(c)}>
                    <Num value={r[c]} href={href(f, c)} tone={c === 'overdue' || c === 'done_late' ? 'red' : c === 'due_soon' ? 'amber' : undefined} />
                  </td>
                ))}
                <td class="num" data-label={t('board.onTimeRate')}>
                  {formatPercent(onTimeRate(r), 0)}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('chart.total')}</th>
            <td class="num">
              <Num value={props.totals.total} href={href(props.filters)} />
            </td>
            {BOARD_CLASSES.map((c) => (
              <td class="num" key={c}>
                <Num value={props.totals[c]} href={href(props.filters, c)} />
              </td>
            ))}
            <td class="num">{formatPercent(onTimeRate(props.totals), 0)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
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
