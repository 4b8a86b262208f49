import type { Tone } from '../core/status';
import { hasKey, t } from '../i18n';

export function notificationKindLabel(kind: string): string {
  const key = `notificationKind.${kind}`;
  return hasKey(key) ? t(key) : kind;
}

export function notificationTone(kind: string): Tone {
  if (kind === 'overdue' || kind === 'returned' || kind === 'escalation') return 'red';
  if (kind === 'due_soon' || kind === 'no_report' || kind === 'coordination') return 'amber';
  return 'info';
}
