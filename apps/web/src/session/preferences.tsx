import { unwrap } from '@zhizhi/api-client';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, setApiLanguage } from '../api/api';
import { isLocale, type Locale } from '../i18n/translate';
import { useSession } from './session';

const LOCALE_KEY = 'zz.locale';
const ELDER_KEY = 'zz.elderMode';

export interface PreferencesValue {
  locale: Locale;
  elderMode: boolean;
  /** Applies at once; saved to localStorage and, when logged in, to the user's profile. */
  setLocale(locale: Locale): Promise<void>;
  setElderMode(on: boolean): Promise<void>;
}

const PreferencesContext = createContext<PreferencesValue | null>(null);

function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null; // storage can be disabled (private mode, policy); preferences then last one visit
  }
}

function writeStorage(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // see readStorage
  }
}

function initialLocale(): Locale {
  const stored = readStorage(LOCALE_KEY);
  return isLocale(stored) ? stored : 'zh-CN';
}

export function PreferencesProvider({ children }: { children: ReactNode }) {
  const { me } = useSession();
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const [elderMode, setElderState] = useState(() => readStorage(ELDER_KEY) === 'on');
  const loggedIn = me !== null;

  // On login (or session restore) the user's saved preferences win over this browser's.
  const userId = me?.id;
  const saved = me?.preferences;
  // biome-ignore lint/correctness/useExhaustiveDependencies: apply once per user, not on every /api/me refresh
  useEffect(() => {
    if (!saved) return;
    if (isLocale(saved.locale)) {
      setLocaleState(saved.locale);
      writeStorage(LOCALE_KEY, saved.locale);
    }
    if (typeof saved.elderMode === 'boolean') {
      setElderState(saved.elderMode);
      writeStorage(ELDER_KEY, saved.elderMode ? 'on' : 'off');
    }
  }, [userId]);

  useEffect(() => {
    setApiLanguage(locale);
    document.documentElement.lang = locale;
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  }, [locale]);

  useEffect(() => {
    if (elderMode) document.documentElement.dataset.elder = 'on';
    else delete document.documentElement.dataset.elder;
  }, [elderMode]);

  const setLocale = useCallback(
    async (next: Locale) => {
      setLocaleState(next);
      writeStorage(LOCALE_KEY, next);
      if (loggedIn) await unwrap(api.PATCH('/api/me/preferences', { body: { locale: next } }));
    },
    [loggedIn],
  );

  const setElderMode = useCallback(
    async (on: boolean) => {
      setElderState(on);
      writeStorage(ELDER_KEY, on ? 'on' : 'off');
      if (loggedIn) await unwrap(api.PATCH('/api/me/preferences', { body: { elderMode: on } }));
    },
    [loggedIn],
  );

  const value = useMemo(
    () => ({ locale, elderMode, setLocale, setElderMode }),
    [locale, elderMode, setLocale, setElderMode],
  );
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

export function usePreferences(): PreferencesValue {
  const value = useContext(PreferencesContext);
  if (!value) throw new Error('usePreferences must be used inside <PreferencesProvider>');
  return value;
}
