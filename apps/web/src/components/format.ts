import type { Locale } from '../i18n/translate';

// Government business runs on Beijing time whatever the viewer's machine says.
const TIME_ZONE = 'Asia/Shanghai';

export function formatDateTime(value: string | null | undefined, locale: Locale): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(date);
}

/** Whether a `lockedUntil` timestamp is still in the future. */
export function isLocked(lockedUntil: string | null | undefined, now = Date.now()): boolean {
  return !!lockedUntil && new Date(lockedUntil).getTime() > now;
}

/** Validity range of a dated row: `2016-09-01 – 2019-12-31` or `2016-09-01 –` while current. */
export function formatValidity(from: string, to: string | null): string {
  return `${from} – ${to ?? ''}`.trim();
}
