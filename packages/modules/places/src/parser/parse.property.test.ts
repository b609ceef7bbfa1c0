import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureEngine } from '../testing/fixture';
import type { ParsedAddress } from '../types';
import { parseAddress } from './parse';

const { gazetteer } = fixtureEngine();
const parse = (text: string) => parseAddress(text, gazetteer);
const RUNS = 2000;

const NAMES = [
  '浙江省',
  '浙江',
  '宁波市',
  '宁波',
  '奉化区',
  '奉化市',
  '奉化',
  '锦屏街道',
  '锦屏',
  '溪口镇',
  '莼湖镇',
  '尚田镇',
  '尚田街道',
  '南门社区',
  '阳光社区',
  '岩头村',
  '许家村',
  '中山东路',
  '中山冬路',
  '南山路',
  '武岭路',
  '新建路',
  '西河沿弄',
  '阳光花园',
  '阳光小区',
  '阳光华园',
  '上白岩',
  '锦屏派出所',
  '幸福路',
  '东湖小区',
];
const UNITS = ['幢', '栋', '座', '号楼', '#', '单元', '室', '层', '楼', '号', '组', '村民小组', '附', '之'];
const WORDS = ['第', '与', '和', '交叉口', '路口', '附近', '旁', '对面', '门卫代收', '放门口', '请敲门'];
const MARKS = ['-', ' ', '，', ',', '（', '）', '－', '—', '　', '#', '/'];
const FULL_WIDTH = ['０', '１', '２', '５', '８', '９', 'Ａ', 'ｂ', '－', '＃', '（'];
const NUMERALS = [
  '一',
  '二',
  '两',
  '三',
  '五',
  '十',
  '百',
  '零',
  '〇',
  '二十六',
  '一百零八',
  '五零二',
  '十一',
];

const digits = fc.integer({ min: 0, max: 1200 }).map(String);
const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 4, arbitrary: digits },
  { weight: 2, arbitrary: fc.constantFrom(...NUMERALS) },
  { weight: 4, arbitrary: fc.constantFrom(...UNITS) },
  { weight: 2, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...MARKS) },
  { weight: 1, arbitrary: fc.constantFrom(...FULL_WIDTH) },
  { weight: 1, arbitrary: fc.string({ maxLength: 3 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 2 }) },
);
/** Strings built from address fragments in any order (and so mostly not well-formed). */
const mixed = fc.array(fragment, { maxLength: 14 }).map((parts) => parts.join(''));

const num = (max: number) => fc.integer({ min: 1, max });
/** Addresses that look like real ones: optional prefixes, an anchor, numbers with their units. */
const realistic = fc
  .record({
    prefix: fc.constantFrom('', '浙江省宁波市奉化区', '宁波奉化', '奉化市', '奉化区', '浙江宁波市奉化'),
    town: fc.constantFrom('', '锦屏街道', '锦屏', '溪口镇', '莼湖镇', '尚田镇'),
    tail: fc.oneof(
      fc
        .tuple(fc.constantFrom('中山东路', '南山路', '武岭路', '中山冬路', '新建路'), num(300), fc.boolean())
        .map(([road, n, sub]) => `${road}${n}${sub ? '-1' : ''}号`),
      fc
        .tuple(fc.constantFrom('阳光花园', '阳光小区', '南山公寓'), num(30), num(4), num(18), num(4))
        .map(([estate, b, u, f, r]) => `${estate}${b}幢${u}单元${f}${String(r).padStart(2, '0')}室`),
      fc
        .tuple(fc.constantFrom('阳光花园', '东湖小区'), num(30), num(4), num(1800))
        .map(([estate, b, u, r]) => `${estate}${b}-${u}-${r}`),
      fc
        .tuple(fc.constantFrom('岩头村', '许家村', '西岸村'), num(12), num(60))
        .map(([village, g, n]) => `${village}${g}组${n}号`),
      fc.constantFrom('中山东路与南山路交叉口', '上白岩9号', '阳光花园3栋2单元五零二室', '中山东路二十六号'),
    ),
    remark: fc.constantFrom('', '附近', '门卫代收', ' 放门口'),
  })
  .map(({ prefix, town, tail, remark }) => `${prefix}${town}${tail}${remark}`);

function checkSpans(input: string, parsed: ParsedAddress) {
  expect(parsed.input).toBe(input);
  let last = 0;
  for (const e of parsed.elements) {
    expect(e.start).toBeGreaterThanOrEqual(last);
    expect(e.end).toBeGreaterThan(e.start);
    expect(e.end).toBeLessThanOrEqual(input.length);
    expect(input.slice(e.start, e.end)).toBe(e.value);
    last = e.end;
  }
}

describe('parseAddress (properties)', () => {
  it('never throws on any string', () => {
    for (const arbitrary of [
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      mixed,
    ]) {
      fc.assert(
        fc.property(arbitrary, (input) => {
          const parsed = parse(input);
          expect(typeof parsed.standard).toBe('string');
        }),
        { numRuns: RUNS },
      );
    }
  });

  it('puts every element on a span of the input, sorted and not overlapping', () => {
    for (const arbitrary of [fc.string({ unit: 'binary', maxLength: 30 }), mixed, realistic]) {
      fc.assert(
        fc.property(arbitrary, (input) => checkSpans(input, parse(input))),
        { numRuns: RUNS },
      );
    }
  });

  const stable = (input: string) => {
    const standard = parse(input).standard;
    expect(parse(standard).standard).toBe(standard);
  };

  it('parses its own standard string to itself (real-looking addresses)', () => {
    fc.assert(fc.property(realistic, stable), { numRuns: RUNS });
    for (const input of [
      '奉化市锦屏街道中山东路26号',
      '宁波奉化锦屏中山冬路二十六号',
      '阳光小区3座2单元五零二室',
    ])
      stable(input);
  });

  // Fragment soups too: the standard string is written in tree order from names the parser can
  // read back (typo corrections do not depend on neighbours; names guessed only from their position
  // and door numbers without a road are left out), so it is a fixed point.
  it('parses its own standard string to itself (address fragments in any order)', () => {
    fc.assert(fc.property(mixed, stable), { numRuns: RUNS, seed: 1 });
  });

  it('keeps its answer on an address with long runs of noise', () => {
    const long = `${'中山东路'.repeat(60)}${'1-'.repeat(100)}${'号'.repeat(50)}`;
    const parsed = parse(long);
    checkSpans(long, parsed);
    expect(parse('').elements).toEqual([]);
  });
});
