import { describe, expect, it } from 'vitest';
import { enUS } from './en-US';
import { zhCN } from './zh-CN';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('i18n dictionaries', () => {
  it('has exactly the same keys in zh-CN and en-US', () => {
    expect(Object.keys(enUS).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('has no empty strings', () => {
    for (const [locale, messages] of Object.entries({ 'zh-CN': zhCN, 'en-US': enUS })) {
      const empty = Object.entries(messages).filter(([, text]) => text.trim() === '');
      expect(empty, locale).toEqual([]);
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(placeholders(enUS[key]), key).toEqual(placeholders(zhCN[key]));
    }
  });
});
