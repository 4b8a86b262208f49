import type { RestructureKind, Unit, UnitKind } from '../api/types';
import { formatDate } from '../core/format';
import type { Tone } from '../core/status';
import { hasKey, t } from '../i18n';

export function kindLabel(kind: UnitKind | string): string {
  const key = `unitKind.${kind}`;
  return hasKey(key) ? t(key) : kind;
}

export function eventKindLabel(kind: RestructureKind): string {
  return kind === 'merge' ? t('restructure.kindMerge') : t('restructure.kindSplit');
}

// Whether a unit exists on `asOf`: green while it does, grey once ended (or not yet
// started), with the date as the reason.
export function unitStatus(unit: Pick<Unit, 'valid_from' | 'valid_to'>, asOf: string): { tone: Tone; label: string; reason: string } {
  if (unit.valid_to && unit.valid_to < asOf) {
    return { tone: 'grey', label: t('unitStatus.ended'), reason: t('unitStatus.endedOn', { date: formatDate(unit.valid_to) }) };
  }
  if (unit.valid_from && unit.valid_from > asOf) {
    return { tone: 'grey', label: t('unitStatus.future'), reason: t('unitStatus.startsOn', { date: formatDate(unit.valid_from) }) };
  }
  if (unit.valid_to) {
    return { tone: 'amber', label: t('unitStatus.ending'), reason: t('unitStatus.endsOn', { date: formatDate(unit.valid_to) }) };
  }
  return { tone: 'green', label: t('unitStatus.active'), reason: t('unitStatus.activeSince', { date: formatDate(unit.valid_from) }) };
}
