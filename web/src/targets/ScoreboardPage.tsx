// Chỉ tiêu: the leaders' scoreboard. Targets of a period grouped as the city's dashboards
// do — red (at risk of missing or missed) first, then amber, green, grey (cannot judge
// yet) — each with its value, its target, the server's sentence on why, and a small trend.
// Every count opens the targets behind it; open and late explanation requests sit on top.
import { useState } from 'preact/hooks';
import { Link, setQuery, useLocation } from '../app/router';
import { useCan } from '../auth/session';
import { formatDate, formatInteger, todayIso } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import type { Tone } from '../core/status';
import { Empty, ErrorBox, Loading, PageHeader, SelectField } from '../core/ui';
import { Flash } from '../core/Flash';
import { t } from '../i18n';
import { UnitPicker, useUnitRef } from '../units/UnitPicker';
import { targetsApi } from './api';
import { periodLabel, statusLabel, statusRank, statusTone, targetText, targetTitle, TONES, toneLabel, valueText } from './labels';
import { groupLabel, groupsOf, href, int, kindLabel, periodOptions, StatusTag, thisYear, useDefaultPeriod, useIndicators } from './parts';
import { Trend } from './Trend';
import type { Target, TargetStatus } from './types';
import { TARGET_STATUSES } from './types';

const BOARD_LIMIT = 500;

export interface BoardFilters {
  period: string;
  group?: string;
  unit_id?: number;
}

export function listHref(f: BoardFilters, extra: { status?: string; tone?: string } = {}): string {
  return href('/targets/list', { period: f.period, group: f.group, unit_id: f.unit_id, ...extra });
}

function TargetCard(props: { target: Target }) {
  const tg = props.target;
  const unit = tg.indicator?.unit_of_measure;
  const tone = statusTone(tg.status);
  return (
    <li class={`target-card target-card--${tone}`}>
      <div class="target-card-head">
        <h3 class="target-card-title">
          <Link href={`/targets/${tg.id}`}>{targetTitle(tg)}</Link>
        </h3>
        <StatusTag status={tg.status} reason={tg.status_reason} />
      </div>
      <p class="target-card-unit muted">
        {tg.unit?.name ?? `#${tg.unit_id}`} · {periodLabel(tg.period)}
      </p>
      <div class="target-card-body">
        <dl class="target-figures">
          <div>
            <dt>{t('targets.value')}</dt>
            <dd class="target-value">
              {valueText(tg.value, unit)}
              {tg.value_kind && <span class="muted small"> ({kindLabel(tg.value_kind)})</span>}
            </dd>
          </div>
          <div>
            <dt>{t('targets.target')}</dt>
            <dd>{targetText(tg)}</dd>
          </div>
        </dl>
        {tg.trend && <Trend points={tg.trend} targets={tg.values} tone={tone} unit={unit} />}
      </div>
      <p class="target-reason">{tg.status_reason}</p>
      {(tg.explanations_open ?? 0) + (tg.explanations_late ?? 0) > 0 && (
        <p class="target-card-flags">
          {(tg.explanations_late ?? 0) > 0 && <span class="tag tag--red">{t('targets.explanationsLateTag', { n: formatInteger(tg.explanations_late ?? 0) })}</span>}
          {(tg.explanations_open ?? 0) > 0 && (
            <Link href={href('/targets/explanations', { target_id: tg.id })} class="small">
              {t('targets.explanationsOpenTag', { n: formatInteger(tg.explanations_open ?? 0) })}
            </Link>
          )}
        </p>
      )}
    </li>
  );
}

function ToneTile(props: { tone: Tone; items: Target[]; filters: BoardFilters }) {
  const byStatus = TARGET_STATUSES.map((s) => ({ s, n: props.items.filter((x) => x.status === s).length })).filter(
    (x) => x.n > 0 && statusTone(x.s) === props.tone,
  );
  const others = props.items.filter((x) => !TARGET_STATUSES.includes(x.status as TargetStatus)).length;
  return (
    <div class={`stat stat--${props.tone} target-tile`}>
      <Link class="target-tile-main" href={listHref(props.filters, { tone: props.tone })}>
        <span class="stat-value">{formatInteger(props.items.length)}</span>
        <span class="stat-label">{toneLabel(props.tone)}</span>
      </Link>
      <span class="stat-note">
        {byStatus.map((x, i) => (
          <span key={x.s}>
            {i > 0 && ' · '}
            <Link href={listHref(props.filters, { status: x.s })}>
              {formatInteger(x.n)} {statusLabel(x.s).toLowerCase()}
            </Link>
          </span>
        ))}
        {others > 0 && byStatus.length === 0 && <span>{t('targets.toneAmberNote')}</span>}
        {props.items.length === 0 && t('targets.none')}
      </span>
    </div>
  );
}

function ExplanationStrip(props: { counts: { open: number; late: number } | null | undefined }) {
  if (!props.counts) return null;
  const { open, late } = props.counts;
  return (
    <nav class="quick-views target-explanations" aria-label={t('targets.explanations')}>
      <span class="quick-views-label">{t('targets.explanations')}:</span>
      <ul>
        <li>
          <Link class="quick-view" href={href('/targets/explanations', { state: 'open' })}>
            {t('targets.explanationsOpen', { n: formatInteger(open) })}
          </Link>
        </li>
        <li>
          <Link class={`quick-view${late ? ' quick-view--red' : ''}`} href={href('/targets/explanations', { late: true })}>
            {t('targets.explanationsLate', { n: formatInteger(late) })}
          </Link>
        </li>
      </ul>
    </nav>
  );
}

function BoardFiltersForm(props: { filters: BoardFilters; groups: string[]; open: boolean }) {
  const [unit, setUnit] = useUnitRef(props.filters.unit_id);
  return (
    <form id="targets-filters" class={`filters${props.open ? '' : ' filters--folded'}`} role="search" onSubmit={(e) => e.preventDefault()}>
      <SelectField
        id="targets-period"
        label={t('targets.period')}
        value={props.filters.period}
        onValue={(v) => setQuery({ period: v })}
        options={periodOptions(thisYear(), props.filters.period)}
      />
      <SelectField
        id="targets-group"
        label={t('targets.group')}
        value={props.filters.group ?? ''}
        onValue={(v) => setQuery({ group: v || null })}
        options={[{ value: '', label: t('targets.allGroups') }, ...props.groups.map((g) => ({ value: g, label: groupLabel(g) }))]}
      />
      <UnitPicker
        id="targets-unit_id"
        label={t('targets.unit')}
        asOf={todayIso()}
        value={unit}
        onChange={(u) => {
          setUnit(u);
          setQuery({ unit_id: u?.id ?? null });
        }}
      />
    </form>
  );
}

// The targets of the board, each with its trend (the list carries it). Open and late
// explanation requests are counted onto their targets.
async function loadBoard(f: BoardFilters) {
  const [list, open] = await Promise.all([
    targetsApi.targets.list({ period: f.period, group: f.group, unit_id: f.unit_id, limit: BOARD_LIMIT }),
    targetsApi.explanations.list({ state: 'open', limit: 1000 }).catch(() => null),
  ]);
  const count = (id: number, late: boolean) => (open?.items ?? []).filter((e) => e.target_id === id && (!late || e.late)).length;
  const items = list.items.map((x) => ({
    ...x,
    explanations_open: x.explanations_open ?? count(x.id, false),
    explanations_late: x.explanations_late ?? count(x.id, true),
  }));
  return { ...list, items, explanations: open ? { open: open.total, late: open.items.filter((e) => e.late).length } : null };
}

export function ScoreboardPage() {
  useDocumentTitle(t('targets.title'));
  const loc = useLocation();
  const q = loc.query;
  const period = useDefaultPeriod(q.get('period'));
  const filters: BoardFilters = { period: period ?? '', group: q.get('group') || undefined, unit_id: int(q.get('unit_id')) };
  const indicators = useIndicators();
  const canManage = useCan('targets.manage');
  const canReport = useCan('targets.report');
  const [showFilters, setShowFilters] = useState<boolean | null>(null);
  const filtered = !!(filters.group || filters.unit_id);
  const filtersOpen = showFilters ?? filtered;
  const board = useAsync(() => (period ? loadBoard(filters) : Promise.resolve(null)), [period, filters.group, filters.unit_id]);
  const items = [...(board.data?.items ?? [])].sort((a, b) => statusRank(a.status) - statusRank(b.status) || a.id - b.id);
  const byTone = (tone: Tone) => items.filter((x) => statusTone(x.status) === tone);

  return (
    <div>
      <PageHeader
        title={t('targets.title')}
        lead={period ? t('targets.lead', { period: periodLabel(period), date: formatDate(todayIso()) }) : undefined}
        actions={
          <>
            {canManage && (
              <Link class="button" href={href('/targets/new', { period })}>
                {t('targets.add')}
              </Link>
            )}
            {canReport && (
              <Link class="button button--secondary" href={href('/targets/values/new', { period })}>
                {t('targets.enterValue')}
              </Link>
            )}
            <Link class="button button--secondary" href={href('/targets/review', { period })}>
              {t('targets.review')}
            </Link>
          </>
        }
      />
      <Flash />
      <ExplanationStrip counts={board.data?.explanations} />
      <button type="button" class="button button--secondary filters-toggle" aria-expanded={filtersOpen} aria-controls="targets-filters" onClick={() => setShowFilters(!filtersOpen)}>
        {filtersOpen ? t('targets.hideFilters') : t('targets.showFilters')}
      </button>
      {period && <BoardFiltersForm filters={filters} groups={groupsOf(indicators.data)} open={filtersOpen} />}
      {board.error ? (
        <ErrorBox error={board.error} onRetry={board.reload} />
      ) : !board.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <Empty>
          {t('targets.empty', { period: periodLabel(period) })}{' '}
          {canManage && <Link href={href('/targets/new', { period })}>{t('targets.add')}</Link>}
        </Empty>
      ) : (
        <>
          <div class="stats target-tiles">
            {TONES.map((tone) => (
              <ToneTile key={tone} tone={tone} items={byTone(tone)} filters={filters} />
            ))}
          </div>
          {board.data.total > items.length && <p class="muted">{t('targets.moreThanShown', { n: formatInteger(items.length), total: formatInteger(board.data.total) })}</p>}
          {TONES.map((tone) => {
            const list = byTone(tone);
            if (!list.length) return null;
            return (
              <section key={tone} class={`target-group target-group--${tone}`} aria-labelledby={`targets-group-${tone}`}>
                <h2 id={`targets-group-${tone}`}>
                  <span class={`dot dot--${tone}`} aria-hidden="true" /> {toneLabel(tone)}{' '}
                  <Link class="target-group-count" href={listHref(filters, { tone })}>
                    ({formatInteger(list.length)})
                  </Link>
                </h2>
                <ul class="target-cards">
                  {list.map((tg) => (
                    <TargetCard key={tg.id} target={tg} />
                  ))}
                </ul>
              </section>
            );
          })}
        </>
      )}
    </div>
  );
}
