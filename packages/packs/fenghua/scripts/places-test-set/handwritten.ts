/**
 * Hand-written cases in the style of 12345 hotline tickets, delivery slips and police household
 * records. Each is written as tokens `text/label` or `text/label=normalized` separated by spaces
 * (`␣` stands for a space in the text; label `_` leaves a token unlabelled).
 */
import { DISTRICT_CODE, type LibraryView } from './library-view';
import { type CaseDraft, type Label, LABELS, STANDARD_PREFIX, type Segment } from './segments';

const ABBREV: Readonly<Record<string, Label | null>> = {
  p: 'prov',
  c: 'city',
  d: 'district',
  t: 'town',
  m: 'community',
  g: 'village_group',
  r: 'road',
  sr: 'subroad',
  n: 'roadno',
  i: 'poi',
  si: 'subpoi',
  h: 'houseno',
  u: 'cellno',
  f: 'floorno',
  rm: 'roomno',
  x: 'intersection',
  a: 'assist',
  rd: 'redundant',
  o: 'otherinfo',
  _: null,
};

interface Hand {
  /** Key without the 浙江省宁波市奉化区 prefix, or null when the address is not in the library. */
  key: string | null;
  text: string;
  tags: string[];
  /** For cases not in the library: the township (and village, for village places) of the address. */
  town?: string;
  community?: string;
}

// In the library: the key names the deepest node the text refers to.
const IN_LIBRARY: Hand[] = [
  {
    key: '锦屏街道中山东路28号',
    text: '奉化区/d 锦屏街道/t 中山东路/r 28号/n 门口/a 有人占道经营/o',
    tags: ['missing_prefix', 'assist', 'otherinfo'],
  },
  {
    key: '锦屏街道南山路15-1号',
    text: '浙江省/p 奉化市/d=奉化区 锦屏街道/t 南山路/r 15-1号/n',
    tags: ['missing_prefix', 'historic'],
  },
  {
    key: '溪口镇武岭路47-2号',
    text: '奉化市/d=奉化区 溪口镇/t 武岭路/r 四十七号之二/n=47-2号',
    tags: ['missing_prefix', 'historic', 'numerals', 'variants'],
  },
  {
    key: '锦屏街道阳光社区阳光花园3幢2单元1402室',
    text: '阳光小区/i=阳光花园 3幢/h 2单元/u 1402/rm=1402室',
    tags: ['missing_prefix', 'variants', 'alias'],
  },
  {
    key: '岳林街道桃源社区金水湾2幢1单元1502室',
    text: '宁波/c=宁波市 奉化/d=奉化区 岳林/t=岳林街道 金水湾/i 2/h=2幢 -/_ 1/u=1单元 -/_ 1502/rm=1502室',
    tags: ['missing_prefix', 'short_names', 'compact'],
  },
  {
    key: '岳林街道桃源社区金水湾4幢1单元1103室',
    text: '金水湾小区/i=金水湾 4/h=4幢 -/_ 1103/rm=1103室 ␣/_ 快递放门卫/o',
    tags: ['missing_prefix', 'compact', 'alias', 'otherinfo'],
  },
  {
    key: '尚田街道冷西村3组5号',
    text: '奉化区/d 尚田镇/t=尚田街道 冷西村/m 三组/g=3组 5号/n',
    tags: ['missing_prefix', 'historic', 'numerals', 'village_group'],
  },
  {
    key: '莼湖街道同山村2组6号',
    text: '莼湖镇/t=莼湖街道 同山村/m 2组/g 6号/n',
    tags: ['missing_prefix', 'historic', 'village_group'],
  },
  { key: '溪口镇上白村大埠2号', text: '溪口镇/t 上白村/m 大埠/i 2号/n', tags: ['missing_prefix'] },
  { key: '锦屏街道奉化区人民医院', text: '奉化区人民医院/i 门诊楼/si', tags: ['missing_prefix', 'poi'] },
  {
    key: '岳林街道奉化汽车站',
    text: '奉化汽车站/i 对面/a ，/_ 到了打电话/o',
    tags: ['missing_prefix', 'poi', 'assist', 'otherinfo'],
  },
  {
    key: '锦屏街道中山东路',
    text: '中山东路/r 与/a 南山路/sr 交叉口/x 红绿灯坏了/o',
    tags: ['missing_prefix', 'intersection', 'otherinfo'],
  },
  {
    key: '锦屏街道大成东路24-1号',
    text: '锦屏街道/t 大成东路/r 24号附1/n=24-1号',
    tags: ['missing_prefix', 'variants'],
  },
  {
    key: '岳林街道金钟路16-2号',
    text: '奉化区/d 岳林街道/t 金钟路/r 16之2号/n=16-2号',
    tags: ['missing_prefix', 'variants'],
  },
  {
    key: '江口街道江口大道65-2号',
    text: '浙江省/p 宁波市/c 奉化区/d 江口街道/t 江口大道/r 65-2号/n',
    tags: [],
  },
  {
    key: '西坞街道西坞大道85-1号',
    text: '西坞街道/t 西坞大道/r 85号附1号/n=85-1号 ，/_ 电话联系/o',
    tags: ['missing_prefix', 'variants', 'otherinfo'],
  },
  {
    key: '萧王庙街道滕头村2组4号',
    text: '萧王庙/t=萧王庙街道 滕头村/m 二组/g=2组 4号/n',
    tags: ['missing_prefix', 'short_names', 'numerals', 'village_group'],
  },
  {
    key: '锦屏街道南门社区南山公寓2幢1单元1004室',
    text: '浙江省/p 宁波市/c 奉化区/d 锦屏街道/t 南门社区/m 南山公寓/i 2幢/h 1单元/u 1004室/rm',
    tags: [],
  },
  {
    key: '锦屏街道南门社区南山公寓2幢1单元1004室',
    text: '南山小区/i=南山公寓 2/h=2幢 -/_ 1004/rm=1004室',
    tags: ['missing_prefix', 'compact', 'alias'],
  },
  {
    key: '岳林街道民主社区岳林新村5幢3单元1804室',
    text: '奉化/d=奉化区 岳林新村/i 5幢/h 3单元/u 18楼/f=18层 1804室/rm',
    tags: ['missing_prefix', 'short_names', 'variants'],
  },
  {
    key: '岳林街道民主社区岳林新村10幢2单元1304室',
    text: '奉化区/d 岳林街道/t 民主社区/m 岳林新村/i 10栋/h=10幢 2单元/u 1304/rm=1304室',
    tags: ['missing_prefix', 'variants'],
  },
  {
    key: '锦屏街道阳光社区阳光花园1幢2单元1702室',
    text: '阳光花园/i １幢/h=1幢 ２单元/u=2单元 １７０２室/rm=1702室',
    tags: ['missing_prefix', 'fullwidth'],
  },
  {
    key: '锦屏街道阳光社区阳光花园8幢',
    text: '锦屏街道/t 阳光社区/m 阳光花园/i 八栋/h=8幢 楼下/a',
    tags: ['missing_prefix', 'numerals', 'variants', 'assist'],
  },
  { key: '方桥街道方园路76-1号', text: '浙江省/p 宁波市/c 奉化区/d 方桥街道/t 方园路/r 76-1号/n', tags: [] },
  {
    key: '方桥街道方园路76-1号',
    text: '方桥/t=方桥街道 方园路/r 七十六号附一/n=76-1号',
    tags: ['missing_prefix', 'short_names', 'numerals', 'variants'],
  },
  {
    key: '溪口镇武岭公园',
    text: '溪口/t=溪口镇 武岭公园/i 门口/a',
    tags: ['missing_prefix', 'short_names', 'poi', 'assist'],
  },
  { key: '松岙镇松岙镇卫生院', text: '奉化区/d 松岙镇卫生院/i', tags: ['missing_prefix', 'poi'] },
  { key: '裘村镇裘村派出所', text: '裘村派出所/i', tags: ['missing_prefix', 'poi'] },
  {
    key: '大堰镇大堰中心小学',
    text: '宁波市/c 奉化区/d 大堰中心小学/i 旁边/a ␣/_ 下午送/o',
    tags: ['missing_prefix', 'poi', 'assist', 'otherinfo'],
  },
  { key: '莼湖街道莼湖汽车站', text: '莼湖汽车站/i 旁边/a', tags: ['missing_prefix', 'poi', 'assist'] },
  {
    key: '尚田街道尚田中学',
    text: '奉化区/d 尚田镇/t=尚田街道 尚田中学/i',
    tags: ['missing_prefix', 'historic', 'poi'],
  },
  {
    key: '锦屏街道县前街14-1号',
    text: '浙江省/p 宁波市/c 奉化区/d 锦屏街道/t 县前街/r 十四号之一/n=14-1号',
    tags: ['numerals', 'variants'],
  },
  {
    key: '锦屏街道北街弄40-1号',
    text: '宁波市/c 奉化区/d 锦屏街道/t 北街弄/r 40-1号/n ␣/_ 门卫代收/o',
    tags: ['missing_prefix', 'otherinfo'],
  },
  { key: '锦屏街道中山西路15-1号', text: '中山西路/r 15-1号/n', tags: ['missing_prefix'] },
  {
    key: '江口街道南渡路7-1号',
    text: '奉化区/d 江口街道/t 南渡路/r ７号附１/n=7-1号',
    tags: ['missing_prefix', 'fullwidth', 'variants'],
  },
  {
    key: '溪口镇溪口二村前湾6号',
    text: '浙江省/p 宁波市/c 奉化区/d 溪口镇/t 溪口二村/m 前湾/i 6号/n',
    tags: [],
  },
  {
    key: '溪口镇溪口二村石门7号',
    text: '溪口镇/t 溪口二村/m 石门/i 七号/n=7号',
    tags: ['missing_prefix', 'numerals'],
  },
  {
    key: '尚田街道鸣雁村2组3号',
    text: '尚田/t=尚田街道 鸣雁村/m 第二组/g=2组 3号/n',
    tags: ['missing_prefix', 'short_names', 'numerals', 'village_group'],
  },
  {
    key: '西坞街道金峨路28-2号',
    text: '浙江/p=浙江省 奉化/d=奉化区 西坞街道/t 金峨路/r 28-2号/n',
    tags: ['missing_prefix', 'short_names'],
  },
  {
    key: '岳林街道东峰路',
    text: '奉化区/d 岳林街道/t 东峰路/r 和/a 广平路/sr 路口/x=交叉口 东北角/a 有积水/o',
    tags: ['missing_prefix', 'intersection', 'assist', 'otherinfo'],
  },
  {
    key: '溪口镇中兴路74-2号',
    text: '溪口镇/t 中兴路/r 74之2/n=74-2号',
    tags: ['missing_prefix', 'variants'],
  },
  {
    key: '江口街道三横路28-2号',
    text: '浙江省/p 宁波市/c 奉化区/d 江口街道/t 三横路/r 28-2号/n （/_ 后门/o ）/_',
    tags: ['otherinfo'],
  },
  {
    key: '萧王庙街道萧王庙大道50-2号',
    text: '萧王庙街道/t 萧王庙大道/r 五十号之二/n=50-2号',
    tags: ['missing_prefix', 'numerals', 'variants'],
  },
  { key: '方桥街道后江弄14-2号', text: '奉化区/d 方桥街道/t 后江弄/r 14-2号/n', tags: ['missing_prefix'] },
  {
    key: '溪口镇剡溪路1-2号',
    text: '奉化区/d 溪口镇/t 剡西路/r=剡溪路 1-2号/n',
    tags: ['missing_prefix', 'typo'],
  },
  {
    key: '岳林街道广平路37-2号',
    text: '奉化区/d 岳林街道/t 广平路/r 37号附2/n=37-2号 放门口/o',
    tags: ['missing_prefix', 'variants', 'otherinfo'],
  },
  {
    key: '锦屏街道东门路31-2号',
    text: '浙江省/p 宁波市/c 奉化区/d 锦屏街道/t 东们路/r=东门路 31-2号/n',
    tags: ['typo'],
  },
];

// Not in the library: door numbers beyond a road's plates, buildings or rooms that do not exist,
// roads and groups the library does not have.
const NOT_IN_LIBRARY: Hand[] = [
  { key: null, town: '锦屏街道', text: '奉化区/d 锦屏街道/t 中山东路/r 188号/n', tags: ['missing_prefix'] },
  { key: null, town: '锦屏街道', text: '锦屏街道/t 南山路/r 99号/n', tags: ['missing_prefix'] },
  {
    key: null,
    town: '锦屏街道',
    community: '阳光社区',
    text: '阳光花园/i 9幢/h 1单元/u 302室/rm',
    tags: ['missing_prefix'],
  },
  {
    key: null,
    town: '锦屏街道',
    community: '阳光社区',
    text: '奉化区/d 阳光花园/i 3幢/h 2单元/u 2102室/rm',
    tags: ['missing_prefix'],
  },
  {
    key: null,
    town: '岳林街道',
    community: '桃源社区',
    text: '岳林街道/t 金水湾/i 6幢/h 1单元/u 301室/rm',
    tags: ['missing_prefix'],
  },
  {
    key: null,
    town: '岳林街道',
    community: '民主社区',
    text: '岳林新村/i 1幢/h 4单元/u 101室/rm',
    tags: ['missing_prefix'],
  },
  { key: null, town: '西坞街道', text: '奉化区/d 西坞街道/t 西坞大道/r 200号/n', tags: ['missing_prefix'] },
  {
    key: null,
    town: '尚田街道',
    community: '冷西村',
    text: '尚田街道/t 冷西村/m 9组/g 3号/n',
    tags: ['missing_prefix', 'village_group'],
  },
  {
    key: null,
    town: '溪口镇',
    community: '上白村',
    text: '溪口镇/t 上白村/m 大埠/i 35号/n',
    tags: ['missing_prefix'],
  },
  { key: null, town: '锦屏街道', text: '奉化区/d 锦屏街道/t 人民路/r 12号/n', tags: ['missing_prefix'] },
  { key: null, town: '江口街道', text: '浙江省/p 宁波市/c 奉化区/d 江口街道/t 江口大道/r 100号/n', tags: [] },
  {
    key: null,
    town: '岳林街道',
    text: '宁波市/c 奉化区/d 岳林街道/t 东峰路/r 120号/n',
    tags: ['missing_prefix'],
  },
  {
    key: null,
    town: '溪口镇',
    text: '奉化区/d 溪口镇/t 武岭路/r 62号之3/n=62-3号',
    tags: ['missing_prefix', 'variants'],
  },
  {
    key: null,
    town: '方桥街道',
    community: '方茂社区',
    text: '奉化区/d 方桥街道/t 方茂社区/m 雅境嘉园/i 12幢/h',
    tags: ['missing_prefix'],
  },
  {
    key: null,
    town: '莼湖街道',
    community: '莼民社区',
    text: '莼湖街道/t 莼民小区/i 25幢/h 1单元/u',
    tags: ['missing_prefix'],
  },
  {
    key: null,
    town: '萧王庙街道',
    text: '奉化区/d 萧王庙街道/t 萧王庙大道/r 二百号/n=200号',
    tags: ['missing_prefix', 'numerals'],
  },
  {
    key: null,
    town: '锦屏街道',
    text: '奉化区/d 锦屏街道/t 南门巷/r 26号附3/n=26-3号',
    tags: ['missing_prefix', 'variants'],
  },
  {
    key: null,
    town: '裘村镇',
    community: '黄贤村',
    text: '宁波市/c 奉化区/d 裘村镇/t 黄贤村/m 东岭/i 99号/n',
    tags: ['missing_prefix'],
  },
  {
    key: null,
    town: '溪口镇',
    text: '奉化区/d 溪口镇/t 剡溪路/r 300号/n ␣/_ 门卫代收/o',
    tags: ['missing_prefix', 'otherinfo'],
  },
  { key: null, town: '锦屏街道', text: '锦屏街道/t 惠政东路/r 88号/n', tags: ['missing_prefix'] },
  {
    key: null,
    town: '岳林街道',
    text: '奉化区/d 岳林街道/t 金海南路/r 一百二十号/n=120号 附近/a',
    tags: ['missing_prefix', 'numerals', 'assist'],
  },
];

function parseTokens(text: string): Segment[] {
  return text.split(' ').map((token) => {
    const slash = token.lastIndexOf('/');
    if (slash <= 0) throw new Error(`hand-written token without label: ${token}`);
    const written = token.slice(0, slash).replaceAll('␣', ' ');
    const [abbrev, normalized] = token.slice(slash + 1).split('=');
    if (!(abbrev in ABBREV)) throw new Error(`unknown label abbreviation: ${abbrev}`);
    const label = ABBREV[abbrev];
    if (label !== null && !LABELS.includes(label)) throw new Error(`unknown label: ${label}`);
    return normalized === undefined ? { text: written, label } : { text: written, label, normalized };
  });
}

function toDraft(view: LibraryView, hand: Hand): CaseDraft {
  const node = hand.key === null ? null : view.byKey.get(STANDARD_PREFIX + hand.key);
  if (hand.key !== null && !node) throw new Error(`hand-written case names a missing key: ${hand.key}`);
  const town = node ? view.townOf(view.chain(node)[0]) : view.townByName(hand.town ?? '');
  const segments = parseTokens(hand.text);
  for (const seg of segments) {
    if (seg.label === 'district') seg.code = DISTRICT_CODE;
    if (seg.label === 'town') seg.code = town.code;
    if (seg.label === 'community') seg.code = view.villageByName(town.code, seg.normalized ?? seg.text).code;
  }
  const tags = ['handwritten', ...hand.tags];
  if (!node) tags.push('notInLibrary');
  return {
    segments,
    expectedKey: node ? node.key : null,
    tags,
    townName: town.name,
    keyCommunity: node ? view.keyCommunity(node) : (hand.community ?? null),
  };
}

export function handwrittenCases(view: LibraryView): CaseDraft[] {
  return [...IN_LIBRARY, ...NOT_IN_LIBRARY].map((hand) => toDraft(view, hand));
}
