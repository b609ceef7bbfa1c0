import { describe, expect, it } from 'vitest';
import {
  CHUNHU,
  DISTRICT,
  JINPING,
  SHANGTIAN,
  XIKOU,
  XUJIA_CHUNHU,
  XUJIA_SHANGTIAN,
  YANGGUANG,
  YANTOU,
  fixtureEngine,
} from '../testing/fixture';
import type { AddressLabel } from '../types';
import { numeralValue } from './chars';
import { parseAddress } from './parse';

const { gazetteer } = fixtureEngine();
const parse = (text: string) => parseAddress(text, gazetteer);
const PREFIX = '浙江省宁波市奉化区';

/** `label:value→normalized` of every element, in order. */
function labels(text: string): string[] {
  return parse(text).elements.map((e) => `${e.label}:${e.value}→${e.normalized}`);
}

function element(text: string, label: AddressLabel) {
  return parse(text).elements.find((e) => e.label === label);
}

describe('parseAddress', () => {
  it('labels a full standard address and rebuilds it', () => {
    const parsed = parse('浙江省宁波市奉化区锦屏街道中山东路26号');
    expect(parsed.elements).toEqual([
      { label: 'prov', value: '浙江省', normalized: '浙江省', start: 0, end: 3 },
      { label: 'city', value: '宁波市', normalized: '宁波市', start: 3, end: 6 },
      { label: 'district', value: '奉化区', normalized: '奉化区', start: 6, end: 9 },
      { label: 'town', value: '锦屏街道', normalized: '锦屏街道', start: 9, end: 13 },
      { label: 'road', value: '中山东路', normalized: '中山东路', start: 13, end: 17 },
      { label: 'roadno', value: '26号', normalized: '26号', start: 17, end: 20 },
    ]);
    expect(parsed.divisionCode).toBe(JINPING);
    expect(parsed.standard).toBe(`${PREFIX}锦屏街道中山东路26号`);
  });

  it('maps historic names to the current ones, with their codes', () => {
    expect(element('奉化市锦屏街道中山东路26号', 'district')).toMatchObject({
      value: '奉化市',
      normalized: '奉化区',
    });
    expect(parse('奉化市锦屏街道中山东路26号').standard).toBe(`${PREFIX}锦屏街道中山东路26号`);
    const chunhu = parse('浙江省宁波市奉化区莼湖镇');
    expect(chunhu.elements.at(-1)).toMatchObject({ label: 'town', value: '莼湖镇', normalized: '莼湖街道' });
    expect(chunhu.divisionCode).toBe(CHUNHU);
    expect(chunhu.standard).toBe(`${PREFIX}莼湖街道`);
    const shangtian = parse('尚田镇许家村3组');
    expect(shangtian.elements[0]).toMatchObject({ label: 'town', value: '尚田镇', normalized: '尚田街道' });
    expect(shangtian.standard).toBe(`${PREFIX}尚田街道许家村3组`);
    expect(gazetteer.townOf('330213103000')).toBe(SHANGTIAN);
  });

  it('completes missing prefixes (宁波奉化锦屏…, a bare road)', () => {
    expect(labels('宁波奉化锦屏南山路12号')).toEqual([
      'city:宁波→宁波市',
      'district:奉化→奉化区',
      'town:锦屏→锦屏街道',
      'road:南山路→南山路',
      'roadno:12号→12号',
    ]);
    expect(parse('宁波奉化锦屏南山路12号').standard).toBe(`${PREFIX}锦屏街道南山路12号`);
    expect(parse('浙江奉化溪口武岭路5号').standard).toBe(`${PREFIX}溪口镇武岭路5号`);
    // The road's township and the estate's community come from the library.
    expect(parse('中山东路26号').standard).toBe(`${PREFIX}锦屏街道中山东路26号`);
    expect(parse('阳光花园3幢').standard).toBe(`${PREFIX}锦屏街道阳光社区阳光花园3幢`);
    expect(parse('阳光花园3幢').divisionCode).toBe(YANGGUANG);
  });

  it('reads Chinese numerals and full-width digits', () => {
    expect(element('中山东路二十六号', 'roadno')).toMatchObject({ value: '二十六号', normalized: '26号' });
    expect(element('中山东路一百零八号', 'roadno')?.normalized).toBe('108号');
    expect(element('阳光花园3幢2单元五零二室', 'roomno')).toMatchObject({
      value: '五零二室',
      normalized: '502室',
    });
    expect(element('岩头村第三组5号', 'village_group')).toMatchObject({ value: '第三组', normalized: '3组' });
    expect(element('溪口镇武岭路５号', 'roadno')).toMatchObject({ value: '５号', normalized: '5号' });
    expect(parse('阳光花园１幢１单元').standard).toBe(`${PREFIX}锦屏街道阳光社区阳光花园1幢1单元`);
    expect([
      numeralValue('十二'),
      numeralValue('二十'),
      numeralValue('一一零一'),
      numeralValue('十十'),
    ]).toEqual([12, 20, 1101, null]);
  });

  it('normalises unit variants: 栋/座/号楼/# → 幢, 楼 → 层, 号 or nothing → 室', () => {
    for (const building of ['3栋', '3座', '3号楼', '3#', '三幢']) {
      expect(element(`阳光花园${building}2单元502室`, 'houseno')).toMatchObject({
        value: building,
        normalized: '3幢',
      });
    }
    expect(element('阳光花园3#2单元5楼', 'floorno')).toMatchObject({ value: '5楼', normalized: '5层' });
    expect(element('阳光花园3幢2单元502号', 'roomno')).toMatchObject({ value: '502号', normalized: '502室' });
    expect(element('阳光花园3栋2单元502', 'roomno')).toMatchObject({ value: '502', normalized: '502室' });
    // A floor written before the room is kept as an element but left out of the standard string.
    const withFloor = parse('阳光花园3幢2单元5楼502');
    expect(withFloor.elements.map((e) => e.label)).toContain('floorno');
    expect(withFloor.standard).toBe(`${PREFIX}锦屏街道阳光社区阳光花园3幢2单元502室`);
  });

  it('reads compact numbers by context: building-unit-room in an estate, a sub-number on a road', () => {
    expect(labels('阳光花园2-1-301')).toEqual([
      'poi:阳光花园→阳光花园',
      'houseno:2→2幢',
      'cellno:1→1单元',
      'roomno:301→301室',
    ]);
    expect(labels('阳光花园3-304')).toEqual(['poi:阳光花园→阳光花园', 'houseno:3→3幢', 'roomno:304→304室']);
    expect(labels('阳光花园2-301室')).toEqual([
      'poi:阳光花园→阳光花园',
      'houseno:2→2幢',
      'roomno:301室→301室',
    ]);
    expect(labels('中山东路26-1号')).toEqual(['road:中山东路→中山东路', 'roadno:26-1号→26-1号']);
    expect(labels('中山东路26-1')).toEqual(['road:中山东路→中山东路', 'roadno:26-1→26-1号']);
    expect(element('中山东路26号附1', 'roadno')?.normalized).toBe('26-1号');
    expect(element('岩头村3组5-1', 'roadno')?.normalized).toBe('5-1号');
    expect(labels('中山东路26号2-301').slice(2)).toEqual(['houseno:2→2幢', 'roomno:301→301室']);
  });

  it('reads village groups, natural villages and same-named villages in the right township', () => {
    expect(labels('溪口镇岩头村三组5号')).toEqual([
      'town:溪口镇→溪口镇',
      'community:岩头村→岩头村',
      'village_group:三组→3组',
      'roadno:5号→5号',
    ]);
    expect(element('岩头村3村民小组5号', 'village_group')?.normalized).toBe('3组');
    expect(parse('岩头村3组5号').divisionCode).toBe(YANTOU);
    expect(parse('上白岩9号').standard).toBe(`${PREFIX}溪口镇岩头村上白岩9号`);
    expect(parse('尚田镇许家村3组').divisionCode).toBe(XUJIA_SHANGTIAN);
    expect(parse('浙江省宁波市奉化区莼湖镇许家村').divisionCode).toBe(XUJIA_CHUNHU);
  });

  it('reads intersections: road, connector, second road, intersection word', () => {
    expect(labels('中山东路与南山路交叉口')).toEqual([
      'road:中山东路→中山东路',
      'assist:与→与',
      'subroad:南山路→南山路',
      'intersection:交叉口→交叉口',
    ]);
    expect(parse('中山东路与南山路交叉口').standard).toBe(`${PREFIX}锦屏街道中山东路与南山路交叉口`);
    expect(labels('中山东路和南山路路口').slice(1)).toEqual([
      'assist:和→和',
      'subroad:南山路→南山路',
      'intersection:路口→路口',
    ]);
  });

  it('marks repeats as redundant and keeps remarks and position words out of the standard string', () => {
    const parsed = parse('奉化区奉化区锦屏街道中山东路26号门卫代收');
    expect(parsed.elements.map((e) => e.label)).toEqual([
      'district',
      'redundant',
      'town',
      'road',
      'roadno',
      'otherinfo',
    ]);
    expect(parsed.elements.at(-1)).toMatchObject({ value: '门卫代收', start: 17, end: 21 });
    expect(parsed.standard).toBe(`${PREFIX}锦屏街道中山东路26号`);
    expect(element('中山东路26号放门口', 'otherinfo')?.value).toBe('放门口');
    expect(element('中山东路28号附近', 'assist')?.value).toBe('附近');
    expect(parse('中山东路28号附近').standard).toBe(`${PREFIX}锦屏街道中山东路28号`);
  });

  it('reads named places (POIs) with their township', () => {
    expect(labels('锦屏派出所旁边')).toEqual(['poi:锦屏派出所→锦屏派出所', 'assist:旁边→旁边']);
    expect(parse('锦屏派出所旁边').divisionCode).toBe(JINPING);
  });

  it('corrects one wrong character of a known name (homophones first)', () => {
    expect(element('中山冬路26号', 'road')).toMatchObject({
      value: '中山冬路',
      normalized: '中山东路',
      start: 0,
      end: 4,
    });
    expect(parse('中山冬路26号').standard).toBe(`${PREFIX}锦屏街道中山东路26号`);
    expect(element('中山东璐26号', 'road')?.normalized).toBe('中山东路');
    expect(element('阳光华园3幢', 'poi')).toMatchObject({ value: '阳光华园', normalized: '阳光花园' });
    // An alias is read as the name it stands for.
    expect(element('阳光小区3幢', 'poi')).toMatchObject({ value: '阳光小区', normalized: '阳光花园' });
  });

  it('gives the deepest division recognised', () => {
    expect(parse('奉化区').divisionCode).toBe(DISTRICT);
    expect(parse('溪口镇').divisionCode).toBe(XIKOU);
    expect(parse('溪口镇岩头村').divisionCode).toBe(YANTOU);
    expect(parse('随便写点什么').divisionCode).toBeNull();
  });

  it('keeps unknown text as otherinfo and never loses an offset', () => {
    const input = '（ 中山东路 ）26号，hello';
    const parsed = parse(input);
    for (const e of parsed.elements) expect(input.slice(e.start, e.end)).toBe(e.value);
    expect(parsed.elements.at(-1)).toMatchObject({ label: 'otherinfo', value: 'hello' });
    expect(parse('').elements).toEqual([]);
    expect(parse('——  ，，').elements).toEqual([]);
  });
});
