// Typing a target as people write it ("trên 95%", "7,5-8%", "≥ 1.000 căn", "giảm 10%"):
// while typing, the form shows how the server reads the text (POST /targets/parse:
// comparison, numbers, sentence) or why it cannot; a yearly target can be split into
// quarters or months, as planned volumes or shares of the year.
import { useEffect, useState } from 'preact/hooks';
import { Link, navigate, useLocation } from '../app/router';
import { errorMessage, fieldId, type FieldError } from '../core/errors';
import { FormPage, useForm } from '../core/form';
import { setFlash } from '../core/flash';
import { formatNumber, todayIso } from '../core/format';
import { useDebounced, useDocumentTitle } from '../core/hooks';
import { RadioGroup, SelectField, TextField } from '../core/ui';
import { t } from '../i18n';
import { UnitPicker, useUnitRef } from '../units/UnitPicker';
import { targetsApi } from './api';
import { comparatorLabel, formatMeasure, indicatorName, parseNumberInput, parsePeriod, periodLabel, periodsOf, targetFormula } from './labels';
import { href, int, thisYear, useIndicators } from './parts';
import { PeriodPicker } from './PeriodPicker';
import type { SplitInput, TargetReading } from './types';

const FORM = 'target';

type SplitMode = 'none' | 'quarter' | 'month';
type SplitAs = 'share' | 'volume';

interface ReadingState {
  text: string;
  reading?: TargetReading;
  error?: string;
  busy: boolean;
}

// Asks the server how it reads `text` once typing pauses; the answer is kept only for
// the text it was asked for.
function useReading(text: string): ReadingState {
  const settled = useDebounced(text.trim(), 300);
  const [state, setState] = useState<ReadingState>({ text: '', busy: false });
  useEffect(() => {
    if (!settled) {
      setState({ text: '', busy: false });
      return;
    }
    let alive = true;
    setState((s) => ({ ...s, busy: true }));
    targetsApi.targets.parse(settled).then(
      (reading) => alive && setState({ text: settled, reading, busy: false }),
      (e) => alive && setState({ text: settled, error: errorMessage(e), busy: false }),
    );
    return () => {
      alive = false;
    };
  }, [settled]);
  return state;
}

function Reading(props: { state: ReadingState; typed: string; unit?: string; fieldError?: string }) {
  const { state } = props;
  const stale = state.text !== props.typed.trim();
  // Once the refusal stands beside the field (after a submit), it is not said twice.
  if (!props.typed.trim() || (!stale && state.error && state.error === props.fieldError)) return null;
  return (
    <div class={`reading${state.error && !stale ? ' reading--error' : ''}`} id={`${FORM}-reading`} role="status" aria-live="polite">
      {stale || state.busy ? (
        <p class="muted">{t('targets.reading')}</p>
      ) : state.error ? (
        <p>
          <strong>{state.error}</strong>
        </p>
      ) : state.reading ? (
        <>
          <p>
            <strong>{t('targets.readAs')}</strong> {state.reading.sentence ?? state.reading.reading}
          </p>
          <dl>
            <dt>{t('targets.comparison')}</dt>
            <dd>
              {comparatorLabel(state.reading.comparator)} ({targetFormula(state.reading.comparator, state.reading.values, state.reading.unit_of_measure ?? state.reading.unit ?? props.unit)})
            </dd>
            <dt>{t('targets.numbers')}</dt>
            <dd>{state.reading.values.map((v) => formatNumber(v, 2)).join(' – ')}</dd>
            {state.reading.relative && (
              <>
                <dt>{t('targets.relative')}</dt>
                <dd>{t('targets.relativeNote')}</dd>
              </>
            )}
          </dl>
        </>
      ) : null}
    </div>
  );
}

function SplitTable(props: {
  periods: string[];
  as: SplitAs;
  drafts: string[];
  setDrafts: (d: string[]) => void;
  field: (name: string) => { id: string; error?: string };
  unit?: string;
  yearly?: number;
}) {
  const total = props.drafts.reduce((s, d) => s + (parseNumberInput(d) ?? 0), 0);
  const even = () => {
    const n = props.periods.length;
    const whole = props.as === 'share' ? 100 : props.yearly ?? 0;
    props.setDrafts(props.periods.map((_, i) => formatNumber(props.as === 'share' ? Math.round((whole * (i + 1) * 100) / n) / 100 - Math.round((whole * i * 100) / n) / 100 : whole / n, 2)));
  };
  return (
    <>
      <div class="table-wrap">
        <table class="table split-table">
          <caption class="visually-hidden">{t('targets.splitTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('targets.period')}</th>
              <th scope="col">{props.as === 'share' ? t('targets.splitShare') : t('targets.splitVolume', { unit: props.unit ?? '' })}</th>
            </tr>
          </thead>
          <tbody>
            {props.periods.map((p, i) => {
              const f = props.field(`splits[${i}].value`);
              return (
                <tr key={p}>
                  <th scope="row">
                    <label for={f.id}>{periodLabel(p)}</label>
                  </th>
                  <td>
                    <input
                      id={f.id}
                      class="input"
                      inputMode="decimal"
                      autoComplete="off"
                      value={props.drafts[i] ?? ''}
                      aria-invalid={f.error ? 'true' : undefined}
                      onInput={(e) => props.setDrafts(props.drafts.map((d, j) => (j === i ? (e.target as HTMLInputElement).value : d)))}
                    />
                    {f.error && <p class="field-error">{f.error}</p>}
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('chart.total')}</th>
              <td class={props.as === 'share' && Math.abs(total - 100) > 0.01 ? 'field-error' : undefined}>
                {props.as === 'share' ? formatMeasure(total, '%') : formatMeasure(total, props.unit)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <button type="button" class="button button--secondary button--small" onClick={even}>
        {t('targets.splitEven')}
      </button>
    </>
  );
}

export function TargetCreatePage() {
  useDocumentTitle(t('targets.formTitle'));
  const q = useLocation().query;
  const indicators = useIndicators();
  const [indicatorId, setIndicatorId] = useState(q.get('indicator_id') ?? '');
  const [unit, setUnit] = useUnitRef(int(q.get('unit_id')));
  const [period, setPeriod] = useState(parsePeriod(q.get('period')) ? q.get('period')! : String(thisYear()));
  const [expression, setExpression] = useState('');
  const [mode, setMode] = useState<SplitMode>('none');
  const [splitAs, setSplitAs] = useState<SplitAs>('share');
  const [drafts, setDrafts] = useState<string[]>([]);
  const form = useForm(FORM);
  const indicator = indicators.data?.find((i) => String(i.id) === indicatorId);
  const reading = useReading(expression);
  const p = parsePeriod(period);
  const yearly = p?.granularity === 'year';
  const splitPeriods = yearly && mode !== 'none' ? periodsOf(p!.year, mode) : [];
  useEffect(() => setDrafts(splitPeriods.map(() => '')), [mode, period]);

  let splits: SplitInput[] = [];
  const check = (problems: FieldError[]) => {
    if (!indicatorId) problems.push({ field: 'indicator_id', message: t('targets.indicatorRequired') });
    if (!unit) problems.push({ field: 'unit_id', message: t('targets.unitRequired') });
    if (!expression.trim()) problems.push({ field: 'expression', message: t('targets.expressionRequired') });
    else if (reading.text === expression.trim() && reading.error) problems.push({ field: 'expression', message: reading.error });
    splits = [];
    splitPeriods.forEach((sp, i) => {
      const n = parseNumberInput(drafts[i] ?? '');
      if (n === null || n < 0) problems.push({ field: `splits[${i}].value`, message: t('targets.splitInvalid', { period: periodLabel(sp) }) });
      else splits.push(splitAs === 'share' ? { period: sp, share: n } : { period: sp, value: n });
    });
    if (splitAs === 'share' && splits.length === splitPeriods.length && splits.length) {
      const total = splits.reduce((s, x) => s + (x.share ?? 0), 0);
      if (Math.abs(total - 100) > 0.01) problems.push({ field: 'splits[0].value', message: t('targets.splitTotal', { total: formatMeasure(total, '%') }) });
    }
  };
  const save = async () => {
    const created = await targetsApi.targets.create({
      indicator_id: Number(indicatorId),
      unit_id: unit!.id,
      period,
      expression: expression.trim(),
      ...(splits.length ? { split: splits } : {}),
    });
    setFlash(t('targets.created', { indicator: indicatorName(indicator), period: periodLabel(period) }));
    navigate(`/targets/${created.id}`);
  };

  return (
    <FormPage
      title={t('targets.formTitle')}
      lead={t('targets.formLead')}
      before={
        <p class="breadcrumb">
          <Link href={href('/targets', { period })}>{t('targets.title')}</Link>
        </p>
      }
      state={form}
      onSubmit={form.submit(check, save)}
      submitLabel={t('targets.formSubmit')}
      cancelHref={href('/targets', { period })}
    >
      <SelectField
        {...form.field('indicator_id')}
        label={t('targets.indicatorName')}
        required
        value={indicatorId}
        onValue={setIndicatorId}
        options={[{ value: '', label: t('form.choose') }, ...(indicators.data ?? []).map((i) => ({ value: String(i.id), label: `${i.code} — ${indicatorName(i)}${i.unit_of_measure ? ` (${i.unit_of_measure})` : ''}` }))]}
      />
      <UnitPicker {...form.field('unit_id')} label={t('targets.unit')} hint={t('targets.unitHint')} required asOf={todayIso()} value={unit} onChange={setUnit} />
      <PeriodPicker {...form.field('period')} label={t('targets.period')} hint={t('targets.periodHint')} required value={period} onValue={setPeriod} />
      <TextField
        {...form.field('expression')}
        label={t('targets.expression')}
        hint={t('targets.expressionHint')}
        required
        width="medium"
        autoComplete="off"
        value={expression}
        onValue={setExpression}
        aria-controls={`${FORM}-reading`}
      />
      <Reading state={reading} typed={expression} unit={indicator?.unit_of_measure} fieldError={form.field('expression').error} />
      {yearly && (
        <fieldset class="fieldset" id={fieldId(FORM, 'splits')}>
          <legend>{t('targets.split')}</legend>
          <p class="hint">{t('targets.splitHint')}</p>
          <RadioGroup
            id={fieldId(FORM, 'split_mode')}
            legend={t('targets.splitMode')}
            inline
            value={mode}
            onValue={(v) => setMode(v as SplitMode)}
            options={[
              { value: 'none', label: t('targets.splitNone') },
              { value: 'quarter', label: t('targets.splitQuarters') },
              { value: 'month', label: t('targets.splitMonths') },
            ]}
          />
          {mode !== 'none' && (
            <>
              <RadioGroup
                id={fieldId(FORM, 'split_as')}
                legend={t('targets.splitAs')}
                inline
                value={splitAs}
                onValue={(v) => setSplitAs(v as SplitAs)}
                options={[
                  { value: 'share', label: t('targets.splitAsShare') },
                  { value: 'volume', label: t('targets.splitAsVolume') },
                ]}
              />
              <SplitTable periods={splitPeriods} as={splitAs} drafts={drafts} setDrafts={setDrafts} field={form.field} unit={indicator?.unit_of_measure} yearly={reading.reading?.values[reading.reading.values.length - 1]} />
            </>
          )}
        </fieldset>
      )}
    </FormPage>
  );
}
