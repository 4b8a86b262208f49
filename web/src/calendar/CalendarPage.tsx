// Lịch làm việc: the year's public holidays (statutory, lunar, substitute days, swaps) and
// working days, from which every "N ngày làm việc" is counted; an admin adds a swap.
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { WorkCalendarYear } from '../api/types';
import { Link, useLocation } from '../app/router';
import { useCan } from '../auth/session';
import { errorFor, fieldId, toFieldErrors, type FieldError } from '../core/errors';
import { formatDate, formatInteger, parseDateInput, todayIso } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { DateField, ErrorBox, ErrorSummary, Loading, Notice, PageHeader, RadioGroup, TextField } from '../core/ui';
import { getLang, hasKey, t } from '../i18n';

const FORM = 'swap';

function weekdayName(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(getLang() === 'vi' ? 'vi-VN' : 'en-GB', { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

function kindLabel(kind: string): string {
  const key = `holidayKind.${kind}`;
  return hasKey(key) ? t(key) : kind;
}

function Month(props: { year: number; month: number; off: Map<string, string>; working: Map<string, string>; today: string }) {
  const first = new Date(Date.UTC(props.year, props.month, 1));
  const days = new Date(Date.UTC(props.year, props.month + 1, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7; // Monday first
  const cells: (number | null)[] = [...Array(lead).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  const name = new Intl.DateTimeFormat(getLang() === 'vi' ? 'vi-VN' : 'en-GB', { month: 'long', timeZone: 'UTC' }).format(first);
  const heads = getLang() === 'vi' ? ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'] : ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
  const rows: (number | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) rows.push(cells.slice(i, i + 7));
  const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
  return (
    <table class="month">
      <caption>{name}</caption>
      <thead>
        <tr>
          {heads.map((h) => (
            <th scope="col" key={h}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {r.map((d, j) => {
              if (d === null) return <td key={j} />;
              const iso = `${props.year}-${pad(props.month + 1)}-${pad(d)}`;
              const holiday = props.off.get(iso);
              const work = props.working.get(iso);
              const weekend = j >= 5;
              const cls = holiday ? 'day day--holiday' : work ? 'day day--swap' : weekend ? 'day day--weekend' : 'day';
              return (
                <td key={j} class={`${cls}${iso === props.today ? ' day--today' : ''}`} title={holiday ?? work ?? undefined}>
                  {d}
                  {(holiday || work) && <span class="visually-hidden"> — {holiday ?? work}</span>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SwapForm(props: { year: number; onDone: (message: string) => void }) {
  const [date, setDate] = useState('');
  const [working, setWorking] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const problems: FieldError[] = [];
    const iso = parseDateInput(date);
    if (!iso) problems.push({ field: 'date', message: t('form.dateInvalid') });
    if (!working) problems.push({ field: 'working', message: t('swap.kindRequired') });
    if (!name.trim()) problems.push({ field: 'name', message: t('swap.nameRequired') });
    setErrors(problems);
    if (problems.length) return;
    setBusy(true);
    try {
      await api.calendar.addSwap({ date: iso!, working: working === 'true', name: name.trim() });
      setDate('');
      setName('');
      setWorking('');
      props.onDone(t('swap.done', { date: formatDate(iso) }));
    } catch (err) {
      setErrors(toFieldErrors(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="action-form" aria-labelledby="swap-title">
      <h2 id="swap-title">{t('swap.title')}</h2>
      <p>{t('swap.intro')}</p>
      <ErrorSummary form={FORM} errors={errors} />
      <form onSubmit={submit} noValidate>
        <DateField id={fieldId(FORM, 'date')} label={t('swap.date')} hint={t('swap.dateHint', { year: props.year })} required value={date} onValue={setDate} error={errorFor(errors, 'date')} />
        <RadioGroup
          id={fieldId(FORM, 'working')}
          legend={t('swap.kind')}
          required
          value={working}
          onValue={setWorking}
          error={errorFor(errors, 'working')}
          options={[
            { value: 'true', label: t('swap.working'), hint: t('swap.workingHint') },
            { value: 'false', label: t('swap.off'), hint: t('swap.offHint') },
          ]}
        />
        <TextField id={fieldId(FORM, 'name')} label={t('swap.name')} hint={t('swap.nameHint')} required value={name} onValue={setName} error={errorFor(errors, 'name')} autoComplete="off" />
        <div class="form-actions">
          <button type="submit" class="button" disabled={busy}>
            {busy ? t('common.saving') : t('swap.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

export function CalendarPage() {
  useDocumentTitle(t('calendar.title'));
  const loc = useLocation();
  const thisYear = Number(todayIso().slice(0, 4));
  const asked = Number(loc.query.get('year'));
  const year = asked >= 1990 && asked <= 2100 ? asked : thisYear;
  const canWrite = useCan('calendar.write');
  const res = useAsync<WorkCalendarYear>(() => api.calendar.year(year), [year]);
  const [notice, setNotice] = useState<string | null>(null);
  const today = todayIso();

  return (
    <div>
      <PageHeader title={t('calendar.titleYear', { year })} lead={t('calendar.lead')} actions={<Link class="button button--secondary" href="/tasks/deadlines">{t('deadlines.link')}</Link>} />
      <nav class="year-nav" aria-label={t('calendar.yearNav')}>
        <Link href={`/calendar?year=${year - 1}`}>‹ {year - 1}</Link>
        {year !== thisYear && <Link href="/calendar">{t('calendar.thisYear')}</Link>}
        <Link href={`/calendar?year=${year + 1}`}>{year + 1} ›</Link>
      </nav>
      {notice && <Notice tone="success">{notice}</Notice>}
      {res.error ? (
        <ErrorBox error={res.error} onRetry={res.reload} />
      ) : !res.data ? (
        <Loading />
      ) : (
        (() => {
          const cal = res.data;
          const off = new Map(cal.holidays.map((h) => [h.date, h.name]));
          const working = new Map(cal.working_swaps.map((w) => [w.date, w.name]));
          return (
            <>
              <div class="stats">
                <div class="stat stat--plain">
                  <span class="stat-value">{formatInteger(cal.working_days)}</span>
                  <span class="stat-label stat-label--plain">{t('calendar.workingDays')}</span>
                  <span class="stat-note">{t('calendar.workingDaysNote', { year })}</span>
                </div>
                <div class="stat stat--plain">
                  <span class="stat-value">{formatInteger(cal.holidays.length)}</span>
                  <span class="stat-label stat-label--plain">{t('calendar.daysOff')}</span>
                  <span class="stat-note">{t('calendar.daysOffNote')}</span>
                </div>
                <div class="stat stat--plain">
                  <span class="stat-value">{formatInteger(cal.working_swaps.length)}</span>
                  <span class="stat-label stat-label--plain">{t('calendar.workingSwaps')}</span>
                  <span class="stat-note">{t('calendar.workingSwapsNote')}</span>
                </div>
              </div>
              <section class="section" aria-labelledby="holidays-title">
                <h2 id="holidays-title">{t('calendar.holidays')}</h2>
                <div class="table-wrap">
                  <table class="table table--stack">
                    <thead>
                      <tr>
                        <th scope="col">{t('calendar.date')}</th>
                        <th scope="col">{t('calendar.weekday')}</th>
                        <th scope="col">{t('calendar.name')}</th>
                        <th scope="col">{t('calendar.kind')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {cal.holidays.map((h) => (
                        <tr key={h.date} class={h.date < today ? 'past' : undefined}>
                          <td data-label={t('calendar.date')} class="nowrap">
                            {formatDate(h.date)}
                          </td>
                          <td data-label={t('calendar.weekday')}>{weekdayName(h.date)}</td>
                          <td data-label={t('calendar.name')}>{h.name}</td>
                          <td data-label={t('calendar.kind')}>
                            <span class={`tag tag--${h.kind === 'swap' || h.kind === 'substitute' ? 'grey' : 'info'}`}>{kindLabel(h.kind)}</span>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {cal.working_swaps.length > 0 && (
                  <>
                    <h3>{t('calendar.workingSwapsTitle')}</h3>
                    <ul class="plain-list">
                      {cal.working_swaps.map((w) => (
                        <li key={w.date}>
                          <strong>{formatDate(w.date)}</strong> ({weekdayName(w.date)}) — {w.name}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </section>
              {canWrite && <SwapForm year={year} onDone={(m) => { setNotice(m); res.reload(); }} />}
              <section class="section" aria-labelledby="months-title">
                <h2 id="months-title">{t('calendar.months')}</h2>
                <p class="legend">
                  <span class="day-key day--holiday">1</span> {t('calendar.keyHoliday')} <span class="day-key day--weekend">1</span> {t('calendar.keyWeekend')}{' '}
                  <span class="day-key day--swap">1</span> {t('calendar.keySwap')}
                </p>
                <div class="months">
                  {Array.from({ length: 12 }, (_, m) => (
                    <Month key={m} year={year} month={m} off={off} working={working} today={today} />
                  ))}
                </div>
              </section>
            </>
          );
        })()
      )}
    </div>
  );
}
