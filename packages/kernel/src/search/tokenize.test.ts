import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nastyInput } from './nasty-input';
import { MAX_TOKEN_CHARS, tokenize } from './tokenize';
import { toSearchText } from './search-vector';

describe('tokenize', () => {
  it('cuts a department name into words, sub-words and character pairs', () => {
    const tokens = tokenize('宁波市奉化区人力资源和社会保障局');
    for (const word of [
      '宁波',
      '宁波市',
      '奉化',
      '区',
      '人力',
      '资源',
      '人力资源',
      '社会',
      '保障',
      '保障局',
    ]) {
      expect(tokens).toContain(word);
    }
    // pairs across jieba's word boundaries, so any two adjacent characters can be searched for
    for (const gram of ['化区', '会保', '障局', '源和', '和社']) expect(tokens).toContain(gram);
    expect(tokens).not.toContain('和'); // a stop word alone
  });

  it('cuts everyday government phrases', () => {
    expect(tokenize('统一社会信用代码')).toEqual(['统一', '社会', '信用', '代码', '一社', '会信', '用代']);
    expect(tokenize('道路坑洼破损')).toEqual(['道路', '坑洼', '破损', '路坑', '洼破']);
    expect(tokenize('最低生活保障 申请')).toEqual(['最低', '生活', '保障', '低生', '活保', '申请']);
    expect(tokenize('不动产登记预约')).toEqual(
      expect.arrayContaining(['不动产', '不动', '动产', '登记', '预约', '产登', '记预']),
    );
  });

  it('keeps numbers and ASCII words whole, lower-cased, and folds full-width forms', () => {
    expect(tokenize('统一社会信用代码：91330283MA2AXXXX1Q')).toContain('91330283ma2axxxx1q');
    expect(tokenize('１２３４５热线 ＡＰＰ')).toEqual(['12345', '热线', 'app']);
    expect(tokenize('2026年3月')).toEqual(['2026', '年', '3', '月']);
    expect(tokenize('ÉCOLE テキスト 한국어')).toEqual(['école', 'テキスト', '한국어']);
  });

  it('drops punctuation, symbols and emoji, which also split numbers', () => {
    expect(tokenize('“路灯”不亮！！😡')).toEqual(['路灯', '不', '亮', '不亮']);
    expect(tokenize('PM2.5 超标')).toEqual(['pm2', '5', '超标']);
    expect(tokenize('')).toEqual([]);
    expect(tokenize('。，、！？ ……')).toEqual([]);
  });

  it('cuts an overlong token to MAX_TOKEN_CHARS characters', () => {
    expect(tokenize('x'.repeat(500))).toEqual(['x'.repeat(MAX_TOKEN_CHARS)]);
  });

  it('gives tokens that are plain non-empty lexemes, whatever the input', () => {
    fc.assert(
      fc.property(nastyInput, (text) => {
        for (const token of tokenize(text)) {
          expect(token).toMatch(/^[\p{L}\p{N}\p{M}]+$/u);
          expect(Array.from(token).length).toBeLessThanOrEqual(MAX_TOKEN_CHARS);
          expect(token).toBe(token.toLowerCase());
        }
      }),
      { numRuns: 500 },
    );
  });

  it('joins the tokens of several parts for storage, skipping empty ones', () => {
    expect(toSearchText('道路坑洼', null, undefined, '', '破损')).toBe('道路 坑洼 路坑 破损');
  });

  it('reports its speed on realistic text', () => {
    const text =
      '宁波市奉化区人力资源和社会保障局关于做好2026年城乡居民基本医疗保险参保缴费工作的通知。各街道、镇人民政府：' +
      '群众反映溪口镇岩头村道路坑洼破损，雨天积水严重，请尽快修复；另有居民咨询最低生活保障申请所需材料。';
    const big = text.repeat(1000);
    tokenize(text); // load the dictionary first
    const started = performance.now();
    const tokens = tokenize(big).length;
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `tokenize: ${Math.round(big.length / seconds).toLocaleString('en')} chars/s ` +
        `(${big.length} chars → ${tokens} tokens in ${(seconds * 1000).toFixed(0)} ms)`,
    );
    expect(tokens).toBeGreaterThan(big.length / 2);
  });
});
