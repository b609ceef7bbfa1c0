import { describe, expect, it } from 'vitest';
import { parseAddress } from '../parser/parse';
import { fixtureEngine } from '../testing/fixture';
import { matchAddress } from './match';
import { soundSimilarity } from './pinyin';

const { gazetteer, index } = fixtureEngine();
const match = (text: string) => matchAddress(parseAddress(text, gazetteer), index, gazetteer);
const JP = '浙江省宁波市奉化区锦屏街道';
const ESTATE = `${JP}阳光社区阳光花园`;

describe('matchAddress', () => {
  it('matches an exact address with confidence 1, every element agreeing', () => {
    const result = match('浙江省宁波市奉化区锦屏街道中山东路26号');
    expect(result.best?.node.key).toBe(`${JP}中山东路26号`);
    expect(result.best?.confidence).toBe(1);
    expect(result.best?.complete).toBe(true);
    expect(result.best?.explanation.map((e) => [e.label, e.outcome])).toEqual([
      ['town', 'agree'],
      ['road', 'agree'],
      ['roadno', 'agree'],
    ]);
    expect(result.candidates).toHaveLength(1);
  });

  it('goes down an estate to the room, through the floor the room hangs from', () => {
    const result = match('阳光花园3栋2单元五零二室');
    expect(result.best?.node).toMatchObject({ key: `${ESTATE}3幢2单元502室`, level: 'room' });
    expect(result.best?.confidence).toBe(1);
    expect(match('岩头村第三组5号').best?.node.key).toBe('浙江省宁波市奉化区溪口镇岩头村3组5号');
    expect(match('上白岩9号').best?.node.key).toBe('浙江省宁波市奉化区溪口镇岩头村上白岩9号');
  });

  it('matches by alias (阳光小区 → 阳光花园) a little below an exact name', () => {
    const result = match('阳光小区3座2单元502号');
    expect(result.best?.node.key).toBe(`${ESTATE}3幢2单元502室`);
    const anchor = result.best?.explanation.find((e) => e.label === 'poi');
    expect(anchor).toMatchObject({ query: '阳光小区', library: '阳光花园', outcome: 'alias' });
    expect(result.best?.confidence).toBeGreaterThan(0.9);
    expect(result.best?.confidence).toBeLessThan(1);
  });

  it('matches a sound-alike typo, saying so, with lower confidence', () => {
    const result = match('中山冬路26号');
    expect(result.best?.node.key).toBe(`${JP}中山东路26号`);
    const anchor = result.best?.explanation.find((e) => e.label === 'road');
    expect(anchor).toMatchObject({ query: '中山冬路', library: '中山东路', outcome: 'similar' });
    expect(result.best?.confidence).toBeLessThan(1);
    expect(result.best?.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('follows a renamed road to the current entry', () => {
    const result = match('西河沿弄3号');
    expect(result.best?.node.key).toBe(`${JP}西河弄3号`);
    expect(result.best?.node.validTo).toBeNull();
    expect(result.best?.explanation[0]).toMatchObject({
      label: 'road',
      query: '西河沿弄',
      library: '西河弄',
      outcome: 'replaced',
    });
    expect(result.best?.confidence).toBe(1);
  });

  it('reports an element the library lacks: not complete, no best, the deepest entry found', () => {
    const result = match('阳光花园2-1-301');
    expect(result.best).toBeNull();
    expect(result.candidates[0]).toMatchObject({ complete: false });
    expect(result.candidates[0]?.node.key).toBe(ESTATE);
    expect(result.candidates[0]?.explanation.at(-1)).toMatchObject({
      label: 'houseno',
      query: '2幢',
      library: null,
      outcome: 'not_in_library',
    });
    const missingRoom = match('阳光花园3幢2单元9909室');
    expect(missingRoom.best).toBeNull();
    expect(missingRoom.candidates[0]?.node.key).toBe(`${ESTATE}3幢2单元`);
  });

  it('finds nothing without an anchor', () => {
    expect(match('浙江省宁波市奉化区锦屏街道')).toMatchObject({ best: null, candidates: [] });
    expect(match('完全不相干的文字').candidates).toEqual([]);
  });

  it('lowers confidence when the written township disagrees with the entry', () => {
    const result = match('锦屏街道武岭路5号');
    expect(result.candidates[0]?.node.key).toBe('浙江省宁波市奉化区溪口镇武岭路5号');
    expect(result.candidates[0]?.explanation[0]).toMatchObject({ label: 'town', outcome: 'conflict' });
    expect(result.candidates[0]?.confidence).toBeLessThan(match('溪口镇武岭路5号').best?.confidence ?? 0);
  });

  it('lowers confidence when a road name is used in two townships and none is written', () => {
    const result = match('新建路8号');
    expect(result.candidates.map((c) => c.node.key).sort()).toEqual([
      '浙江省宁波市奉化区溪口镇新建路8号',
      '浙江省宁波市奉化区莼湖街道新建路8号',
    ]);
    expect(result.candidates[0]?.confidence).toBe(result.candidates[1]?.confidence);
    expect(result.candidates[0]?.confidence).toBeLessThan(0.9);
    const named = match('溪口镇新建路8号');
    expect(named.best?.node.key).toBe('浙江省宁波市奉化区溪口镇新建路8号');
    expect(named.best?.confidence).toBe(1);
    expect(named.candidates[1]?.confidence).toBeLessThan(1);
  });
});

describe('soundSimilarity', () => {
  it('scores same characters 1, homophones high, dialect pairs lower, different names low', () => {
    expect(soundSimilarity('中山东路', '中山东路')).toBe(1);
    expect(soundSimilarity('', '中山东路')).toBe(0);
    expect(soundSimilarity('中山冬路', '中山东路')).toBeCloseTo(3.9 / 4);
    // zh/z and ing/in are not told apart in Wu dialects: 0.75 per character.
    expect(soundSimilarity('资', '知')).toBe(0.75);
    expect(soundSimilarity('阳光小区', '阳光花园')).toBe(0.5);
    expect(soundSimilarity('武岭路', '南山路')).toBeLessThan(0.5);
    // The longer name sets the denominator.
    expect(soundSimilarity('中山路', '中山东路')).toBeLessThan(0.75);
  });
});
