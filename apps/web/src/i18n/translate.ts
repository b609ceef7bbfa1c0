import { enUS } from './en-US';
import { type Messages, zhCN } from './zh-CN';

export type Locale = 'zh-CN' | 'en-US';
export type MessageKey = keyof Messages;
export type MessageVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: MessageVars) => string;

export const LOCALES: Locale[] = ['zh-CN', 'en-US'];
const dictionaries: Record<Locale, Messages> = { 'zh-CN': zhCN, 'en-US': enUS };

export function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en-US';
}

/** Looks a key up and fills `{name}` placeholders. */
export function translate(locale: Locale, key: MessageKey, vars?: MessageVars): string {
  const text = dictionaries[locale][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** True when `key` exists; used for labels of server-side enum values we may not know yet. */
export function hasMessage(key: string): key is MessageKey {
  return key in zhCN;
}

/**
 * The text to show for an API problem: our own translation when the code is known (problems carry
 * English `detail`s for logs and integrators), otherwise the server's detail.
 */
export function problemText(
  locale: Locale,
  problem: { code?: string; detail?: string; title?: string },
): string | undefined {
  const key = `problem.${problem.code}`;
  if (problem.code && hasMessage(key)) return translate(locale, key);
  return problem.detail || problem.title || undefined;
}
