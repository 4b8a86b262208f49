// The one wrapper every chart goes through (UI.md): Be Vietnam Pro, the status colour
// language, vi-VN numbers, a title naming the subject and the data date, and a table
// of the same data — hidden visually but read by screen readers, shown on request for
// copying. Clicking a bar opens the list behind it.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { navigate } from '../app/router';
import { formatDate, formatNumber } from '../core/format';
import { FONT_FAMILY, MUTED_COLOUR, STATUS_COLOURS, TEXT_COLOUR, type Tone } from '../core/status';
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
}

export interface ChartProps {
  title: string;
  dataDate: string;
  categoryLabel: string;
  categories: string[];
  series: ChartSeries[];
  // Where a category leads (the filtered list behind a bar).
  hrefFor?: (index: number) => string;
  format?: (value: number) => string;
  horizontal?: boolean;
  height?: number;
  target?: { value: number; label: string };
}

let idCounter = 0;

function buildOption(p: ChartProps): EChartsCoreOption {
  const fmt = p.format ?? ((v: number) => formatNumber(v));
  const categoryAxis = {
    type: 'category' as const,
    data: p.categories,
    axisLabel: { color: TEXT_COLOUR, fontFamily: FONT_FAMILY, fontSize: 13, width: 140, overflow: 'break' as const },
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
    grid: { left: 8, right: 24, top: p.series.length > 1 ? 36 : 12, bottom: 8, containLabel: true },
    legend: p.series.length > 1 ? { top: 0, textStyle: { fontFamily: FONT_FAMILY } } : undefined,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: unknown) => (typeof v === 'number' ? fmt(v) : '—'),
      textStyle: { fontFamily: FONT_FAMILY },
    },
    xAxis: p.horizontal ? valueAxis : categoryAxis,
    yAxis: p.horizontal ? categoryAxis : valueAxis,
    series: p.series.map((s, i) => ({
      name: s.name,
      type: s.type ?? 'bar',
      data: s.values,
      cursor: p.hrefFor ? 'pointer' : 'default',
      barMaxWidth: 36,
      itemStyle: { color: STATUS_COLOURS[s.tone ?? 'info'] },
      label: {
        show: (s.type ?? 'bar') === 'bar' && p.series.length === 1,
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
    })),
  };
}

export function Chart(props: ChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
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
      resize = new ResizeObserver(() => c.resize());
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
    c.setOption(buildOption(props), true);
    c.off('click');
    if (props.hrefFor) {
      const hrefFor = props.hrefFor;
      c.on('click', (params: { dataIndex?: number }) => {
        if (typeof params.dataIndex === 'number') navigate(hrefFor(params.dataIndex));
      });
    }
    // Redraw once the web font has arrived so labels are measured in Be Vietnam Pro.
    document.fonts?.ready.then(() => chart.current?.setOption(buildOption(props), true));
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
      <div id={`${id}-table`} class={showTable ? 'chart-table' : 'visually-hidden'}>
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
                <th scope="row">{props.hrefFor ? <a href={props.hrefFor(i)} onClick={(e) => { e.preventDefault(); navigate(props.hrefFor!(i)); }}>{c}</a> : c}</th>
                {props.series.map((s) => (
                  <td class="num" key={s.name}>
                    {s.values[i] === null || s.values[i] === undefined ? '—' : fmt(s.values[i] as number)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          {props.series.every((s) => (s.type ?? 'bar') === 'bar') && (
            <tfoot>
              <tr>
                <th scope="row">{t('chart.total')}</th>
                {props.series.map((s) => (
                  <td class="num" key={s.name}>
                    {fmt(s.values.reduce<number>((a, v) => a + (v ?? 0), 0))}
                  </td>
                ))}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </figure>
  );
}
