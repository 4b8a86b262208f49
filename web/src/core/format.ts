// Every number, date and money value the UI shows is formatted here, so Vietnamese
// (`1.234.567,5`, `15/06/2024`, `95,3 %`) and English stay consistent across features.
import { getLang, t } from '../i18n';

const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const DONG_PER_TY = 1e9;

function numberLocale(): string {
  return getLang() === 'vi' ? 'vi-VN' : 'en-GB';
}

export function formatNumber(value: number | null | undefined, maxFractionDigits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(numberLocale(), {
    maximumFractionDigits: maxFractionDigits,
    minimumFractionDigits: 0,
  }).format(value);
}

export function formatInteger(value: number | null | undefined): string {
  return formatNumber(value, 0);
}

// `95,3 %` in Vietnamese (space before the sign, as official documents write it),
// `95.3%` in English.
export function formatPercent(value: number | null | undefined, fractionDigits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const n = new Intl.NumberFormat(numberLocale(), {
    maximumFractionDigits: fractionDigits,
    minimumFractionDigits: fractionDigits,
  }).format(value);
  return getLang() === 'vi' ? `${n} %` : `${n}%`;
}

// Money is an exact integer of đồng; boards show tỷ đồng (10^9) with two decimals.
export function formatMoneyTy(dong: number | null | undefined, fractionDigits = 2): string {
  if (dong === null || dong === undefined || !Number.isFinite(dong)) return '—';
  const n = new Intl.NumberFormat(numberLocale(), {
    maximumFractionDigits: fractionDigits,
    minimumFractionDigits: fractionDigits,
  }).format(dong / DONG_PER_TY);
  return `${n} ${t('money.ty')}`;
}

// Full đồng for detail views.
export function formatMoneyDong(dong: number | null | undefined): string {
  if (dong === null || dong === undefined || !Number.isFinite(dong)) return '—';
  return `${formatInteger(dong)} ${t('money.dong')}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// `2024-06-15` → `15/06/2024`; anything else is returned unchanged (or — when empty).
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = ISO_DATE.exec(iso.slice(0, 10));
  if (!m) return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

// A server timestamp shown as `15/06/2024 14:05` in Vietnam time.
export function formatDateTime(timestamp: string | null | undefined): string {
  if (!timestamp) return '—';
  const d = new Date(timestamp);
  if (Number.isNaN(d.getTime())) return timestamp;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

// Accepts what people type: `15/06/2024`, `15-6-2024`, `15.06.2024`, and also the ISO
// `2024-06-15`. Returns `YYYY-MM-DD` for the API, or null when it is not a real date.
export function parseDateInput(text: string): string | null {
  const s = text.trim();
  let y: number, m: number, d: number;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const iso = ISO_DATE.exec(s);
  if (dmy) {
    d = Number(dmy[1]);
    m = Number(dmy[2]);
    y = Number(dmy[3]);
  } else if (iso) {
    y = Number(iso[1]);
    m = Number(iso[2]);
    d = Number(iso[3]);
  } else {
    return null;
  }
  if (!isRealDate(y, m, d)) return null;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

export function isIsoDate(s: string | null | undefined): s is string {
  if (!s) return false;
  const m = ISO_DATE.exec(s);
  return !!m && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

// Today's calendar date in Vietnam, whatever the browser's zone.
export function todayIso(): string {
  // From the parts, not from a locale's pattern: 'en-CA' gives 2026-11-24 with one ICU and
  // 11/24/2026 with another (Debian 12's Node.js), and the browser's ICU may differ again.
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date());
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

export function addDays(iso: string, days: number): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

// `01/03/2025 – 30/06/2025`, `từ 01/07/2025`.
export function formatValidity(from: string | null, to: string | null): string {
  if (from && to) return `${formatDate(from)} – ${formatDate(to)}`;
  if (from) return t('validity.from', { date: formatDate(from) });
  if (to) return t('validity.until', { date: formatDate(to) });
  return '—';
}
