import type { MessageKey, Translate } from '../../i18n/translate';
import type { TimeLimit, ValueSource } from './types';

const UNIT: Record<TimeLimit['unit'], MessageKey> = {
  working_days: 'portal.limit.workingDays',
  days: 'portal.limit.days',
  months: 'portal.limit.months',
};

/** "20 个工作日"; a zero limit is done on the spot. */
export function limitText(t: Translate, limit: TimeLimit): string {
  if (limit.value === 0) return t('portal.limit.onTheSpot');
  return t(UNIT[limit.unit], { n: limit.value });
}

/** Fen as yuan with two decimals. */
export function yuan(fen: number): string {
  return (fen / 100).toFixed(2);
}

/** Where a pre-filled value came from, in one sentence (shown next to the value). */
export function sourceText(t: Translate, source: ValueSource): string {
  if (source.kind === 'identity') return t('portal.source.identity');
  const detail = t('portal.source.detail', {
    provider: source.providerDepartmentName ?? '—',
    resource: source.resourceName ?? source.resourceCode ?? '—',
    approval: source.approvalNumber ?? source.grantId ?? '—',
  });
  if (source.kind === 'certificate')
    return t('portal.source.certificate', {
      certificate: source.certificateName ?? source.certificateType ?? '',
      detail,
    });
  return t('portal.source.resource', { detail });
}

/** Whether a state of a matter case ends it. */
export const FINAL_STATES = new Set(['approved', 'refused', 'not_accepted']);

/** Tag colours of application statuses and case states. */
export function stateColor(state: string): string {
  if (state === 'approved' || state === 'concluded') return 'success';
  if (state === 'refused' || state === 'not_accepted') return 'error';
  if (state === 'supplement' || state === 'partly_approved') return 'warning';
  if (state === 'draft') return 'default';
  return 'processing';
}
