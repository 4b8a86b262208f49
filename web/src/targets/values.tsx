// Values of indicators: entered per period and unit as estimate or official, with source
// and note; a unit officer submits, the office approves or returns with a reason; every
// version stays in the list (the history).
import { useState } from 'preact/hooks';
import { Link, navigate, useLocation } from '../app/router';
import { useCan, useSession } from '../auth/session';
import { fieldId, toFieldErrors, type FieldError } from '../core/errors';
import { FormPage, useForm } from '../core/form';
import { setFlash } from '../core/flash';
import { formatDateTime, formatInteger, todayIso } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { DataTable, ListPage, numberColumn, useListQuery, type Column } from '../core/list';
import type { Tone } from '../core/status';
import { ErrorSummary, RadioGroup, SelectField, Tag, TextAreaField, TextField } from '../core/ui';
import { can } from '../auth/session';
import { t } from '../i18n';
import { UnitPicker, useUnitRef } from '../units/UnitPicker';
import { targetsApi } from './api';
import { formatMeasure, indicatorName, labelOf, parseNumberInput, periodLabel } from './labels';
import { href, int, kindLabel, thisYear, useIndicators } from './parts';
import { PeriodPicker } from './PeriodPicker';
import type { IndicatorValue, ValueKind, ValueQuery, ValueState } from './types';
import { VALUE_KINDS } from './types';

const STATE_TONE: Record<ValueState, Tone> = { draft: 'grey', submitted: 'amber', approved: 'green', returned: 'red' };

export function valueState(v: IndicatorValue): ValueState {
  return v.state ?? v.status ?? 'submitted';
}

export function ValueStateTag(props: { value: IndicatorValue }) {
  const s = valueState(props.value);
  return (
    <Tag tone={STATE_TONE[s] ?? 'grey'} title={props.value.return_reason ?? undefined}>
      {labelOf('targets.valueState', s)}
    </Tag>
  );
}

type ValueAction = 'submit' | 'approve' | 'return';

// What this person may do to a value now: the server's allowed_actions when it sends them,
// else what the state and the person's permissions allow.
function actionsFor(v: IndicatorValue, perms: { report: boolean; manage: boolean }): ValueAction[] {
  if (v.allowed_actions) return v.allowed_actions.filter((a): a is ValueAction => a === 'submit' || a === 'approve' || a === 'return');
  const s = valueState(v);
  if (s === 'draft' && perms.report) return ['submit'];
  if (s === 'submitted' && perms.manage) return ['approve', 'return'];
  return [];
}

function ValueActions(props: { value: IndicatorValue; onDone: (message: string) => void }) {
  const { me } = useSession();
  const actions = actionsFor(props.value, { report: can(me, 'targets.report'), manage: can(me, 'targets.manage') });
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const form = `value-${props.value.id}`;
  const run = async (action: ValueAction) => {
    if (action === 'return' && !reason.trim()) {
      setErrors([{ field: 'reason', message: t('targets.returnReasonRequired') }]);
      return;
    }
    setBusy(true);
    setErrors([]);
    try {
      const id = props.value.id;
      if (action === 'submit') await targetsApi.values.submit(id);
      else if (action === 'approve') await targetsApi.values.approve(id);
      else await targetsApi.values.return(id, reason.trim());
      props.onDone(t(`targets.valueDone.${action}`));
    } catch (e) {
      setErrors(toFieldErrors(e));
    } finally {
      setBusy(false);
    }
  };
  if (!actions.length) return null;
  return (
    <div class="value-actions">
      <ErrorSummary form={form} errors={errors} />
      {returning ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            run('return');
          }}
          noValidate
        >
          <TextAreaField id={fieldId(form, 'reason')} label={t('targets.returnReason')} hint={t('targets.returnReasonHint')} required rows={2} value={reason} onValue={setReason} error={errors.find((x) => x.field === 'reason')?.message} />
          <div class="actions-row">
            <button type="submit" class="button button--warning button--small" disabled={busy}>
              {t('targets.valueAction.return')}
            </button>
            <button type="button" class="button button--link" onClick={() => setReturning(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div class="actions-row value-action-buttons">
          {actions.map((a) => (
            <button key={a} type="button" class={`button button--small${a === 'approve' || a === 'submit' ? '' : ' button--secondary'}`} disabled={busy} onClick={() => (a === 'return' ? setReturning(true) : run(a))}>
              {t(`targets.valueAction.${a}`)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

// `actions`: the office's approve/return column (left out for readers, to whom it is empty).
export function valueColumns(onDone: (m: string) => void, opts: { indicator?: boolean; actions?: boolean } = {}): Column<IndicatorValue>[] {
  const cols: Column<IndicatorValue>[] = [numberColumn(t('targets.no'))];
  if (opts.indicator !== false)
    cols.push({ label: t('targets.indicator'), rowHeader: true, cell: (v) => <Link href={`/targets/indicators/${v.indicator_id}`}>{indicatorName(v.indicator, v.indicator_id)}</Link> });
  cols.push(
    { label: t('targets.unit'), cell: (v) => v.unit?.name ?? `#${v.unit_id}` },
    { label: t('targets.period'), class: 'nowrap', cell: (v) => periodLabel(v.period) },
    { label: t('targets.value'), num: true, class: 'nowrap', cell: (v) => formatMeasure(v.value, v.indicator?.unit_of_measure) },
    { label: t('targets.kind'), cell: (v) => kindLabel(v.kind) },
    {
      label: t('targets.sourceNote'),
      cell: (v) => (
        <div>
          {v.source || '—'}
          {v.note && <span class="block small muted pre-line">{v.note}</span>}
        </div>
      ),
    },
    {
      label: t('targets.valueStateLabel'),
      cell: (v) => (
        <div>
          <ValueStateTag value={v} />
          {v.return_reason && valueState(v) === 'returned' && <span class="block small">{t('targets.returnedBecause', { reason: v.return_reason })}</span>}
          {v.created_at && <span class="block small muted">{formatDateTime(v.created_at)}{v.created_by ? ` · ${v.created_by}` : ''}</span>}
        </div>
      ),
    },
  );
  if (opts.actions !== false) cols.push({ label: t('targets.actions'), cell: (v) => <ValueActions value={v} onDone={onDone} /> });
  return cols;
}

const STATES: ValueState[] = ['draft', 'submitted', 'approved', 'returned'];

function filtersFrom(q: URLSearchParams): ValueQuery {
  const state = q.get('state');
  const kind = q.get('kind');
  return {
    indicator_id: int(q.get('indicator_id')),
    unit_id: int(q.get('unit_id')),
    period: q.get('period') || undefined,
    state: STATES.includes(state as ValueState) ? (state as ValueState) : undefined,
    kind: VALUE_KINDS.includes(kind as ValueKind) ? (kind as ValueKind) : undefined,
  };
}

export function ValuesPage() {
  const list = useListQuery({ limit: 50, filters: filtersFrom, load: (f, page) => targetsApi.values.list({ ...f, ...page }) });
  const f = list.filters;
  const indicators = useIndicators();
  const [unit, setUnit] = useUnitRef(f.unit_id);
  const [message, setMessage] = useState<string | null>(null);
  const canReport = useCan('targets.report');
  const canManage = useCan('targets.manage');
  const onDone = (m: string) => {
    setMessage(m);
    list.res.reload();
  };
  return (
    <ListPage
      title={t('targets.valuesTitle')}
      lead={t('targets.valuesLead')}
      before={
        <p class="breadcrumb">
          <Link href="/targets">{t('targets.title')}</Link>
        </p>
      }
      actions={
        <>
          {canReport && (
            <Link class="button" href={href('/targets/values/new', { indicator_id: f.indicator_id, unit_id: f.unit_id, period: f.period })}>
              {t('targets.enterValue')}
            </Link>
          )}
          {(canReport || canManage) && (
            <Link class="button button--secondary" href="/targets/values/import">
              {t('targets.importValues')}
            </Link>
          )}
        </>
      }
      intro={
        <>
          {message && (
            <div class="notice notice--success" role="status">
              <p>{message}</p>
            </div>
          )}
          <nav class="quick-views" aria-label={t('targets.valueQuick')}>
            <span class="quick-views-label">{t('targets.valueQuick')}:</span>
            <ul>
              <li>
                <Link class="quick-view" href={href('/targets/values', { state: 'submitted' })} aria-current={f.state === 'submitted' ? 'page' : undefined}>
                  {t('targets.valueQuickSubmitted')}
                </Link>
              </li>
              <li>
                <Link class="quick-view" href={href('/targets/values', { state: 'returned' })} aria-current={f.state === 'returned' ? 'page' : undefined}>
                  {t('targets.valueQuickReturned')}
                </Link>
              </li>
            </ul>
          </nav>
        </>
      }
      filters={
        <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
          <SelectField
            id="values-indicator_id"
            label={t('targets.indicator')}
            value={f.indicator_id ? String(f.indicator_id) : ''}
            onValue={(v) => list.setFilters({ indicator_id: v || null })}
            options={[{ value: '', label: t('targets.allIndicators') }, ...(indicators.data ?? []).map((i) => ({ value: String(i.id), label: `${i.code} — ${indicatorName(i)}` }))]}
          />
          <UnitPicker
            id="values-unit_id"
            label={t('targets.unit')}
            asOf={todayIso()}
            value={unit}
            onChange={(u) => {
              setUnit(u);
              list.setFilters({ unit_id: u?.id ?? null });
            }}
          />
          <SelectField
            id="values-state"
            label={t('targets.valueStateLabel')}
            value={f.state ?? ''}
            onValue={(v) => list.setFilters({ state: v || null })}
            options={[{ value: '', label: t('targets.allStates') }, ...STATES.map((s) => ({ value: s, label: labelOf('targets.valueState', s) }))]}
          />
        </form>
      }
      list={list}
      empty={
        <>
          {t('targets.valuesEmpty')} {canReport && <Link href="/targets/values/new">{t('targets.enterValue')}</Link>}
        </>
      }
      count={(n) => t('targets.valuesCount', { n: formatInteger(n) })}
      columns={valueColumns(onDone, { actions: canManage })}
      caption={t('targets.valuesTitle')}
      tableClass="value-table"
    />
  );
}

const FORM = 'value';

export function ValueFormPage() {
  useDocumentTitle(t('targets.valueFormTitle'));
  const q = useLocation().query;
  const indicators = useIndicators();
  const [indicatorId, setIndicatorId] = useState(q.get('indicator_id') ?? '');
  const [unit, setUnit] = useUnitRef(int(q.get('unit_id')));
  const [period, setPeriod] = useState(q.get('period') || String(thisYear()));
  const [value, setValue] = useState('');
  const [kind, setKind] = useState<ValueKind>('estimate');
  const [source, setSource] = useState('');
  const [note, setNote] = useState('');
  const form = useForm(FORM);
  const indicator = indicators.data?.find((i) => String(i.id) === indicatorId);
  const history = useAsync(
    () => (indicatorId && unit ? targetsApi.values.list({ indicator_id: Number(indicatorId), unit_id: unit.id, period, limit: 20 }) : Promise.resolve(null)),
    [indicatorId, unit?.id, period],
  );

  let number: number | null = null;
  const check = (problems: FieldError[]) => {
    if (!indicatorId) problems.push({ field: 'indicator_id', message: t('targets.indicatorRequired') });
    if (!unit) problems.push({ field: 'unit_id', message: t('targets.unitRequired') });
    number = parseNumberInput(value);
    if (number === null) problems.push({ field: 'value', message: t('targets.valueInvalid') });
    if (kind === 'official' && !source.trim()) problems.push({ field: 'source', message: t('targets.sourceRequired') });
  };
  const save = async () => {
    let saved = await targetsApi.values.create({ indicator_id: Number(indicatorId), unit_id: unit!.id, period, value: number!, kind, source: source.trim(), note: note.trim() });
    if (valueState(saved) === 'draft') saved = await targetsApi.values.submit(saved.id);
    setFlash(t('targets.valueSaved', { value: formatMeasure(saved.value, indicator?.unit_of_measure), period: periodLabel(saved.period) }));
    navigate(href('/targets/values', { indicator_id: saved.indicator_id, unit_id: saved.unit_id }));
  };
  return (
    <FormPage
      title={t('targets.valueFormTitle')}
      lead={t('targets.valueFormLead')}
      before={
        <p class="breadcrumb">
          <Link href="/targets/values">{t('targets.valuesTitle')}</Link>
        </p>
      }
      state={form}
      onSubmit={form.submit(check, save)}
      submitLabel={t('targets.valueSubmit')}
      cancelHref="/targets/values"
      after={
        history.data && history.data.items.length > 0 ? (
          <section class="section" aria-labelledby="value-history-title">
            <h2 id="value-history-title">{t('targets.valueHistory')}</h2>
            <DataTable rows={history.data.items} columns={valueColumns(() => history.reload(), { indicator: false, actions: false })} rowKey={(v) => v.id} caption={t('targets.valueHistory')} />
          </section>
        ) : null
      }
    >
      <SelectField
        {...form.field('indicator_id')}
        label={t('targets.indicatorName')}
        required
        value={indicatorId}
        onValue={setIndicatorId}
        options={[{ value: '', label: t('form.choose') }, ...(indicators.data ?? []).filter((i) => !i.computed).map((i) => ({ value: String(i.id), label: `${i.code} — ${indicatorName(i)}` }))]}
      />
      <UnitPicker {...form.field('unit_id')} label={t('targets.reportingUnit')} required asOf={todayIso()} value={unit} onChange={setUnit} />
      <PeriodPicker {...form.field('period')} label={t('targets.period')} hint={t('targets.periodHint')} required value={period} onValue={setPeriod} />
      <TextField
        {...form.field('value')}
        label={indicator?.unit_of_measure ? t('targets.valueWithUnit', { unit: indicator.unit_of_measure }) : t('targets.valueField')}
        hint={t('targets.valueHint')}
        required
        width="short"
        inputMode="decimal"
        autoComplete="off"
        value={value}
        onValue={setValue}
      />
      <RadioGroup
        id={fieldId(FORM, 'kind')}
        legend={t('targets.kind')}
        required
        inline
        value={kind}
        onValue={(v) => setKind(v as ValueKind)}
        options={VALUE_KINDS.map((k) => ({ value: k, label: labelOf('targets.kindLong', k) }))}
      />
      <TextField {...form.field('source')} label={t('targets.source')} hint={t('targets.sourceHint')} required={kind === 'official'} value={source} onValue={setSource} autoComplete="off" />
      <TextAreaField {...form.field('note')} label={t('targets.note')} rows={3} value={note} onValue={setNote} />
    </FormPage>
  );
}
