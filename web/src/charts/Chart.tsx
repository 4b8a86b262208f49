// The one wrapper every chart goes through (UI.md): Be Vietnam Pro, the status colour
// language, vi-VN numbers, a title naming the subject and the data date, and a table
// of the same data — hidden visually but read by screen readers, shown on request for
// copying. Clicking a bar opens the list behind it.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { navigate } from '../app/router';
import { formatDate, formatNumber } from '../core/format';
import { FONT_FAMILY, MUTED_COLOUR, STATUS_COLOURS, STATUS_SHADES, TEXT_COLOUR, type Tone } from '../core/status';
import { getLang, t } from '../i18n';

type EChartsModule = typeof import('./echarts');
let loading: Promise<EChartsModule> | null = null;
function loadECharts(): Promise<EChartsModule> {
  return (loading ??= import('./echarts'));
}

export interface ChartSeries {
  name: string;
  values: (number | null)[];
  type?: 'bar' | 'line';
  // Colour from the status language; `info` (neutral blue) when the series is not a status.
  tone?: Tone;
  // Two classes of one tone in one chart (done on time / in time) take two shades.
  shade?: 'dark' | 'light';
  // Series with the same stack name are drawn on top of each other.
  stack?: string;
  // A line drawn dashed (a forecast, a target).
  dashed?: boolean;
  // A band: the area from these values up to `values` (a forecast's range), filled, no line.
  from?: (number | null)[];
}

function colourOf(s: ChartSeries): string {
  const tone = s.tone ?? 'info';
  return s.shade ? STATUS_SHADES[tone][s.shade] : STATUS_COLOURS[tone];
}

export interface ChartProps {
  title: string;
  dataDate: string;
  categoryLabel: string;
  categories: string[];
  series: ChartSeries[];
  // Where a category leads (the filtered list behind a bar).
  hrefFor?: (index: number) => string;
  // Where one segment of a stacked bar leads (category × series), when it differs by series;
  // null for a number that leads nowhere.
  hrefForCell?: (index: number, seriesIndex: number) => string | null;
  // Where a series' total (the table's bottom row) leads.
  hrefForTotal?: (seriesIndex: number) => string | null;
  format?: (value: number) => string;
  horizontal?: boolean;
  height?: number;
  target?: { value: number; label: string };
}

let idCounter = 0;

function buildOption(p: ChartProps, width: number): EChartsCoreOption {
  const fmt = p.format ?? ((v: number) => formatNumber(v));
  const stacked = p.series.some((s) => s.stack);
  const clickable = !!(p.hrefFor || p.hrefForCell);
  const categoryAxis = {
    type: 'category' as const,
    data: p.categories,
    axisLabel: {
      color: TEXT_COLOUR,
      fontFamily: FONT_FAMILY,
      fontSize: width < 520 ? 11 : 13,
      // On a phone long names wrap onto two or three lines rather than lose their end.
      width: p.horizontal ? (width < 520 ? Math.round(width * 0.4) : Math.min(260, Math.round(width * 0.3))) : 140,
      overflow: p.horizontal && width >= 520 ? ('truncate' as const) : ('break' as const),
      lineHeight: 13,
    },
    axisTick: { alignWithLabel: true },
    axisLine: { lineStyle: { color: MUTED_COLOUR } },
    inverse: !!p.horizontal,
  };
  const valueAxis = {
    type: 'value' as const,
    minInterval: 1,
    axisLabel: { color: MUTED_COLOUR, fontFamily: FONT_FAMILY, formatter: (v: number) => fmt(v) },
    splitLine: { lineStyle: { color: '#e5e6e7' } },
  };
  return {
    animation: false,
    textStyle: { fontFamily: FONT_FAMILY, color: TEXT_COLOUR },
    grid: { left: 8, right: 24, top: p.series.length > 1 ? 40 : 12, bottom: 8, containLabel: true },
    legend: p.series.length > 1 ? { top: 0, type: 'scroll', textStyle: { fontFamily: FONT_FAMILY } } : undefined,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: unknown) => (typeof v === 'number' ? fmt(v) : '—'),
      textStyle: { fontFamily: FONT_FAMILY },
    },
    xAxis: p.horizontal ? valueAxis : categoryAxis,
    yAxis: p.horizontal ? categoryAxis : valueAxis,
    series: p.series.flatMap((s, i): Record<string, unknown>[] => (s.from ? bandSeries(s, s.from, i, fmt) : [{
      name: s.name,
      type: s.type ?? 'bar',
      data: s.values,
      stack: s.stack,
      cursor: clickable ? 'pointer' : 'default',
      barMaxWidth: 36,
      itemStyle: { color: colourOf(s) },
      lineStyle: s.dashed ? { type: 'dashed' as const, color: colourOf(s) } : undefined,
      label: {
        show: (s.type ?? 'bar') === 'bar' && p.series.length === 1 && !stacked,
        position: p.horizontal ? 'right' : 'top',
        formatter: (d: { value: unknown }) => (typeof d.value === 'number' ? fmt(d.value) : ''),
        fontFamily: FONT_FAMILY,
        color: TEXT_COLOUR,
      },
      markLine:
        i === 0 && p.target
          ? {
              symbol: 'none',
              lineStyle: { color: STATUS_COLOURS.red, type: 'dashed' },
              label: { formatter: p.target.label, fontFamily: FONT_FAMILY },
              data: [p.horizontal ? { xAxis: p.target.value } : { yAxis: p.target.value }],
            }
          : undefined,
    }])),
  };
}

// A band as ECharts draws one: its lower edge, invisible, and the width stacked on it, filled;
// the tooltip names both edges.
function bandSeries(s: ChartSeries, from: (number | null)[], i: number, fmt: (v: number) => string): Record<string, unknown>[] {
  const edge = { name: s.name, type: 'line' as const, stack: `band${i}`, symbol: 'none', silent: true, lineStyle: { opacity: 0 } };
  const range = (d: number) => {
    const lo = from[d], hi = s.values[d];
    return lo === null || lo === undefined || hi === null || hi === undefined ? '—' : `${fmt(lo)} – ${fmt(hi)}`;
  };
  return [
    { ...edge, data: from, tooltip: { show: false } },
    { ...edge, itemStyle: { color: colourOf(s) }, areaStyle: { color: colourOf(s), opacity: 0.25 },
      data: s.values.map((v, d) => (v === null || from[d] === null ? null : v - (from[d] as number))),
      tooltip: { valueFormatter: (_v: unknown, d: number) => range(d) } },
  ];
}

function ChartLink(props: { href: string; children: preact.ComponentChildren }) {
  return (
    <a
      href={props.href}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(props.href);
      }}
    >
      {props.children}
    </a>
  );
}

export function Chart(props: ChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const drawnWidth = useRef(0);
  const [ready, setReady] = useState(false);
  const [showTable, setShowTable] = useState(false);
  const [id] = useState(() => `chart-${++idCounter}`);
  const lang = getLang();
  const fmt = props.format ?? ((v: number) => formatNumber(v));

  useEffect(() => {
    let disposed = false;
    let resize: ResizeObserver | null = null;
    loadECharts().then(({ echarts }) => {
      if (disposed || !el.current) return;
      const c = echarts.init(el.current, undefined, { renderer: 'svg' });
      chart.current = c;
      // Label widths follow the chart's width (phone or desktop), so a resize redraws.
      resize = new ResizeObserver(() => {
        const w = el.current?.clientWidth ?? 0;
        if (w && Math.abs(w - drawnWidth.current) > 40) {
          drawnWidth.current = w;
          c.setOption(buildOption(latest.current, w), true);
        }
        c.resize();
      });
      resize.observe(el.current);
      setReady(true);
    });
    return () => {
      disposed = true;
      resize?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const c = chart.current;
    if (!ready || !c) return;
    const width = el.current?.clientWidth ?? 800;
    drawnWidth.current = width;
    c.setOption(buildOption(props, width), true);
    c.off('click');
    if (props.hrefFor || props.hrefForCell) {
      const { hrefFor, hrefForCell } = props;
      c.on('click', (params: { dataIndex?: number; seriesIndex?: number }) => {
        if (typeof params.dataIndex !== 'number') return;
        const href = hrefForCell ? hrefForCell(params.dataIndex, params.seriesIndex ?? 0) : hrefFor!(params.dataIndex);
        if (href) navigate(href);
      });
    }
    // Redraw once the web font has arrived so labels are measured in Be Vietnam Pro.
    document.fonts?.ready.then(() => chart.current?.setOption(buildOption(props, el.current?.clientWidth ?? width), true));
  });

  const height = props.height ?? Math.max(220, props.horizontal ? props.categories.length * 40 + 40 : 300);

  return (
    <figure class="chart" aria-labelledby={`${id}-title`} lang={lang}>
      <figcaption class="chart-caption">
        <h2 class="chart-title" id={`${id}-title`}>
          {props.title}
        </h2>
        <p class="chart-date">{t('chart.dataDate', { date: formatDate(props.dataDate) })}</p>
      </figcaption>
      <div class="chart-canvas" ref={el} aria-hidden="true" style={{ height: `${height}px` }} />
      <button
        type="button"
        class="button button--link chart-toggle"
        aria-expanded={showTable}
        aria-controls={`${id}-table`}
        onClick={() => setShowTable(!showTable)}
      >
        {showTable ? t('chart.hideTable') : t('chart.showTable')}
      </button>
      <div id={`${id}-table`} class={showTable ? `chart-table${props.series.length > 2 ? ' chart-table--wide' : ''}` : 'visually-hidden'}>
        <table class="table">
          <caption class="visually-hidden">
            {props.title} — {t('chart.dataDate', { date: formatDate(props.dataDate) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{props.categoryLabel}</th>
              {props.series.map((s) => (
                <th scope="col" class="num" key={s.name}>
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.categories.map((c, i) => (
              <tr key={c}>
                <th scope="row">{props.hrefFor ? <ChartLink href={props.hrefFor(i)}>{c}</ChartLink> : c}</th>
                {props.series.map((s, si) => {
                  const v = s.values[i];
                  const href = props.hrefForCell && v ? props.hrefForCell(i, si) : null;
                  const lo = s.from?.[i];
                  return (
                    <td class="num" key={s.name}>
                      {v === null || v === undefined ? '—' : href ? <ChartLink href={href}>{fmt(v)}</ChartLink> : lo !== undefined && lo !== null ? `${fmt(lo)} – ${fmt(v)}` : fmt(v)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          {props.series.every((s) => (s.type ?? 'bar') === 'bar') && (
            <tfoot>
              <tr>
                <th scope="row">{t('chart.total')}</th>
                {props.series.map((s, si) => {
                  const total = s.values.reduce<number>((a, v) => a + (v ?? 0), 0);
                  const href = props.hrefForTotal && total ? props.hrefForTotal(si) : null;
                  return (
                    <td class="num" key={s.name}>
                      {href ? <ChartLink href={href}>{fmt(total)}</ChartLink> : fmt(total)}
                    </td>
                  );
                })}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </figure>
  );
}
