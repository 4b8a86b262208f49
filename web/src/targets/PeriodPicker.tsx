// Choosing a period as the API writes it (2024, 2024-Q2, 2024-06): a year, then the whole
// year, a quarter or a month of it. Two selects in one fieldset; the first carries the
// field's id so an error summary lands on it.
import { describedBy, FieldHelp } from '../core/ui';
import { t } from '../i18n';
import { parsePeriod, periodCode } from './labels';
import { thisYear } from './parts';

export function PeriodPicker(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  value: string;
  onValue: (period: string) => void;
  // Only whole years (a target to split), or any period.
  yearsOnly?: boolean;
}) {
  const p = parsePeriod(props.value) ?? { year: thisYear(), granularity: 'year' as const, part: 0 };
  const years = Array.from({ length: 8 }, (_, i) => thisYear() + 2 - i);
  if (!years.includes(p.year)) years.push(p.year);
  const part = p.granularity === 'year' ? 'Y' : p.granularity === 'quarter' ? `Q${p.part}` : `M${p.part}`;
  const parts = [
    { value: 'Y', label: t('targets.wholeYear') },
    ...['I', 'II', 'III', 'IV'].map((q, i) => ({ value: `Q${i + 1}`, label: t('targets.quarterN', { q }) })),
    ...Array.from({ length: 12 }, (_, i) => ({ value: `M${i + 1}`, label: t('targets.monthN', { m: i + 1 }) })),
  ];
  const set = (year: number, code: string) => {
    const g = code === 'Y' ? 'year' : code[0] === 'Q' ? 'quarter' : 'month';
    props.onValue(periodCode({ year, granularity: g, part: code === 'Y' ? 0 : Number(code.slice(1)) }));
  };
  return (
    <fieldset class={`fieldset period-picker${props.error ? ' field--error' : ''}`} aria-describedby={describedBy(props.id, props.hint, props.error)}>
      <legend>
        {props.label}
        {props.required && <span class="required"> ({t('form.required')})</span>}
      </legend>
      <FieldHelp id={props.id} hint={props.hint} error={props.error} />
      <div class="period-picker-row">
        <div class="field">
          <label for={props.id}>{t('targets.year')}</label>
          <select id={props.id} class="select period-year" value={String(p.year)} onChange={(e) => set(Number((e.target as HTMLSelectElement).value), part)} aria-invalid={props.error ? 'true' : undefined}>
            {years.map((y) => (
              <option key={y} value={String(y)}>
                {y}
              </option>
            ))}
          </select>
        </div>
        {!props.yearsOnly && (
          <div class="field">
            <label for={`${props.id}-part`}>{t('targets.periodPart')}</label>
            <select id={`${props.id}-part`} class="select" value={part} onChange={(e) => set(p.year, (e.target as HTMLSelectElement).value)}>
              {parts.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
    </fieldset>
  );
}
