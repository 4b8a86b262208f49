// Turning failures into sentences a person can act on, and into per-field messages.
import { isApiError } from '../api/client';
import { hasKey, t } from '../i18n';

export interface FieldError {
  // The API's field name (`code`, `new_units[0].name`), or null for the whole form.
  field: string | null;
  message: string;
}

// The input id for a field of a form: `unit-code`, `restructure-new_units.0.name`.
export function fieldId(form: string, field: string): string {
  return `${form}-${field.replace(/\[(\d+)\]/g, '.$1')}`;
}

export function errorFor(errors: FieldError[], field: string): string | undefined {
  return errors.find((e) => e.field === field)?.message;
}

// "Try again in N seconds", with the minutes beside when the wait is long.
export function tooManyAttemptsMessage(seconds: number): string {
  return seconds >= 120
    ? t('error.too_many_attempts_minutes', { seconds, minutes: Math.ceil(seconds / 60) })
    : t('error.too_many_attempts', { seconds });
}

// Known error codes read from our catalogue (so English users read English); anything
// else shows the server's own sentence, which the contract says is written for people.
export function errorMessage(e: unknown): string {
  if (isApiError(e)) {
    if (e.code === 'too_many_attempts') {
      return tooManyAttemptsMessage(e.retryAfter ?? 60);
    }
    const key = `error.${e.code}`;
    if (hasKey(key) && (e.code !== 'invalid_input' || !e.message)) return t(key);
    if (e.message) return e.message;
    if (e.status === 404) return t('error.not_found');
    if (e.status === 403) return t('error.forbidden');
    return t('error.generic', { status: e.status });
  }
  return t('error.unexpected');
}

export function toFieldErrors(e: unknown): FieldError[] {
  return [{ field: isApiError(e) ? e.field : null, message: errorMessage(e) }];
}
