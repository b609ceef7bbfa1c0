import { useCallback } from 'react';
import { usePreferences } from '../session/preferences';
import { hasMessage, type MessageKey, type MessageVars, type Translate, translate } from './translate';

/** The translate function for the current locale. */
export function useT(): Translate {
  const { locale } = usePreferences();
  return useCallback((key: MessageKey, vars?: MessageVars) => translate(locale, key, vars), [locale]);
}

/** Label for an enum value from the server (`prefix.value`), falling back to the raw value. */
export function useEnumLabel(): (prefix: string, value: string) => string {
  const { locale } = usePreferences();
  return useCallback(
    (prefix: string, value: string) => {
      const key = `${prefix}.${value}`;
      return hasMessage(key) ? translate(locale, key) : value;
    },
    [locale],
  );
}

/** Picks the Chinese or English name of a record for the current locale. */
export function useLocalName(): (zh: string, en?: string | null) => string {
  const { locale } = usePreferences();
  return useCallback((zh: string, en?: string | null) => (locale === 'en-US' && en ? en : zh), [locale]);
}
