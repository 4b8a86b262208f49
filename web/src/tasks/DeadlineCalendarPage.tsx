// A month calendar of deadlines, beside the holiday calendar: what falls due each working
// day (GET /api/v1/deadline-calendar), each task tagged with its timeliness, days off
// greyed. On a phone the month becomes the list of days that have deadlines.
import { http } from '../api/client';
import type { components } from '../api/schema';
import { Link, useLocation } from '../app/router';
import { formatDate, todayIso } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { Empty, ErrorBox, Loading, PageHeader } from '../core/ui';
import { t } from '../i18n';
import { TIMELINESS_TONE, timelinessLabel } from './labels';

type Calendar = components['schemas']['DeadlineCalendar'];
type Day = Calendar['days'][number];

function shift(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  const n = y * 12 + (m - 1) + by;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

function DayCell(props: { day: Day; today: string }) {
  const { day } = props;
  const cls = ['deadline-day', day.working ? '' : 'deadline-day--off', day.tasks.length ? '' : 'deadline-day--empty', day.date === props.today ? 'deadline-day--today' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <li class={cls}>
      <span class="deadline-date">{formatDate(day.date)}</span>
      {day.tasks.length > 0 && (
        <ul>
          {day.tasks.map((x) => (
            <li key={x.id}>
              <span class={`tag tag--${TIMELINESS_TONE[x.timeliness] ?? 'grey'}`}>{timelinessLabel(x.timeliness)}</span> <Link href={`/tasks/${x.id}`}>{x.title}</Link>{' '}
              <span class="muted">{x.lead_unit_name}</span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function DeadlineCalendarPage() {
  const q = useLocation().query.get('month');
  const month = q && /^\d{4}-\d{2}$/.test(q) ? q : todayIso().slice(0, 7);
  useDocumentTitle(t('deadlines.title'));
  const res = useAsync(() => http.get<Calendar>('/deadline-calendar', { month }), [month]);
  const [y, m] = month.split('-');
  // Monday first: blanks before the 1st.
  const lead = (new Date(Date.UTC(Number(y), Number(m) - 1, 1)).getUTCDay() + 6) % 7;
  const total = res.data?.days.reduce((n, d) => n + d.tasks.length, 0) ?? 0;
  return (
    <div>
      <PageHeader title={t('deadlines.heading', { month: `${m}/${y}` })} lead={t('deadlines.lead')} actions={<Link class="button button--secondary" href="/calendar">{t('deadlines.holidays')}</Link>} />
      <nav class="year-nav" aria-label={t('deadlines.monthNav')}>
        <Link href={`/tasks/deadlines?month=${shift(month, -1)}`}>‹ {shift(month, -1).split('-').reverse().join('/')}</Link>
        <Link href={`/tasks/deadlines?month=${shift(month, 1)}`}>{shift(month, 1).split('-').reverse().join('/')} ›</Link>
      </nav>
      {res.error && <ErrorBox error={res.error} onRetry={res.reload} />}
      {!res.data && !res.error && <Loading />}
      {res.data && total === 0 && <Empty>{t('deadlines.none')}</Empty>}
      {res.data && (
        <ol class="deadline-month" aria-label={t('deadlines.heading', { month: `${m}/${y}` })}>
          {Array.from({ length: lead }, (_, i) => (
            <li key={`b${i}`} class="deadline-day deadline-day--blank" aria-hidden="true" />
          ))}
          {res.data.days.map((d) => (
            <DayCell key={d.date} day={d} today={todayIso()} />
          ))}
        </ol>
      )}
    </div>
  );
}
