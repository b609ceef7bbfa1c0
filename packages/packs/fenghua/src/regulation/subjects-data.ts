import { usccCheckChar } from '../check-digits';
import { fenghuaVillageRows, villageDisplayName } from '../divisions';
import { insideFenghua, townSeats } from '../geo';
import { syntheticName, syntheticUscc } from '../people';
import { URBAN_ROADS } from '../places/names';
import { type Rng, rngFor } from '../places/random';
import {
  businessLicence,
  type DemoLicence,
  daysBefore,
  drugLicence,
  foodLicence,
  hygieneLicence,
  type LicenceContext,
  productionLicence,
  tobaccoLicence,
} from './licences';

export type { DemoLicence } from './licences';

/*
 * The demo market subjects (市场主体) of 奉化区 for the regulation module. Township and village
 * codes and names are real (divisions.ts); road names are those of the demo address library
 * (places/names.ts); shop names (字号), legal representatives, credit codes and licence numbers are
 * invented. Credit codes use the synthetic organisation codes `MAX…` (people.ts) with valid GB 11714
 * and GB 32100 check characters. Coordinates are GCJ-02, scattered around the township seat.
 */

export type DemoSubjectKind = 'enterprise' | 'individual' | 'cooperative' | 'shop';

export interface DemoSubject {
  uscc: string;
  name: string;
  kind: DemoSubjectKind;
  legalRepresentative: string;
  address: string;
  divisionCode: string;
  departmentCode: string;
  industryCode: string;
  licences: DemoLicence[];
  lng: number;
  lat: number;
}

/** Sequences of the synthetic credit codes, clear of the synthetic people (0–27,299) and the data catalog (900–939). */
const USCC_SEQ_FROM = 60_000;
const NAME_SEQ_FROM = 3000;

const JINPING = '330213001000';
const YUELIN = '330213002000';
const JIANGKOU = '330213003000';
const XIWU = '330213004000';
const XIAOWANGMIAO = '330213005000';
const FANGQIAO = '330213006000';
const SHANGTIAN = '330213007000';
const CHUNHU = '330213008000';
const XIKOU = '330213100000';
const QIUCUN = '330213106000';
const DAYAN = '330213107000';
const SONGAO = '330213108000';

const TOWN_NAMES: Record<string, string> = Object.fromEntries(townSeats.map((s) => [s.code, s.name]));

/** Where street shops are: weights per township (the old and new town centres carry most). */
const SHOP_TOWNS: [string, number][] = [
  [JINPING, 26],
  [YUELIN, 22],
  [JIANGKOU, 12],
  [XIKOU, 12],
  [XIWU, 7],
  [XIAOWANGMIAO, 6],
  [FANGQIAO, 4],
  [CHUNHU, 5],
  [SHANGTIAN, 3],
  [QIUCUN, 2],
  [DAYAN, 2],
  [SONGAO, 2],
];
const FACTORY_TOWNS: [string, number][] = [
  [JIANGKOU, 6],
  [FANGQIAO, 4],
  [XIWU, 3],
  [YUELIN, 2],
  [XIAOWANGMIAO, 2],
  [CHUNHU, 1],
];
const GUESTHOUSE_TOWNS: [string, number][] = [
  [XIKOU, 5],
  [DAYAN, 2],
  [QIUCUN, 2],
  [SONGAO, 1],
];

/** Brand names (字号) for shops and companies: common, local-sounding, none a known chain. */
const BRANDS =
  '阿香 老街 鑫源 佳美 如意 兴旺 金桥 百味 和记 同福 悦来 聚香 顺发 永盛 恒丰 民丰 万家 惠民 康乐 益康 德顺 宏达 新泰 剡溪 锦溪 溪畔 雪窦 亭下 桃源 阿明 小林 阿芬 大福 好再来 乐购 邻里 鸿运 金诚 诚信 嘉和 天和 瑞丰 华盛 益丰 东升 甬秀 明珠 四季'.split(
    ' ',
  );

type Licenceless = Omit<DemoSubject, 'licences' | 'lng' | 'lat' | 'address' | 'divisionCode' | 'uscc'>;

/** A line of business: how many subjects, their kind, code category, industry, name and licences. */
interface Trade {
  count: number;
  category: '91' | '92' | '93';
  kind: DemoSubjectKind | 'street';
  industries: string[];
  /** Name from the township stem (锦屏), a brand and a counter; `full` names skip the 奉化区 prefix. */
  name: (town: string, brand: string, rng: Rng, industry: string) => string;
  departmentCode: string;
  towns: [string, number][];
  licences: (ctx: LicenceContext) => DemoLicence[];
}

const pick = <T>(rng: Rng, items: readonly T[]) => items[rng.int(0, items.length - 1)]!;

/** Name endings by GB/T 4754-2017 industry code. */
const SUFFIXES: Record<string, string[]> = {
  H6210: ['饭店', '菜馆', '海鲜排档', '农家菜馆'],
  H6220: ['快餐店', '盒饭店'],
  F5212: ['超市', '生活超市', '百货超市'],
  F5213: ['便利店'],
  H6291: ['小吃店', '面馆', '馄饨店', '千层饼店', '包子铺'],
  H6239: ['奶茶店', '饮品店'],
  F5223: ['水果店', '果蔬店'],
  F5222: ['面包房', '糕点店'],
  F5224: ['水产店', '海鲜店'],
  F5226: ['茶叶店', '茶行'],
  F5232: ['服装店', '童装店'],
  F5281: ['五金店', '五金建材店'],
  F5274: ['手机店', '通讯器材店'],
  C3446: ['气动元件', '气动科技'],
  C3670: ['汽车部件', '汽配'],
  C1810: ['服饰', '制衣'],
  L7259: ['广告', '文化传媒'],
  F5199: ['贸易', '商贸'],
  F5123: ['果蔬', '农产品'],
};

const TRADES: Trade[] = [
  {
    count: 58,
    category: '92',
    kind: 'street',
    industries: ['H6210', 'H6220', 'H6291', 'H6291', 'H6239'],
    name: (town, brand, rng, industry) => `奉化区${town}${brand}${pick(rng, SUFFIXES[industry]!)}`,
    departmentCode: 'scjgj',
    towns: SHOP_TOWNS,
    licences: (c) => [businessLicence(c, null), foodLicence(c, 2)],
  },
  {
    count: 12,
    category: '91',
    kind: 'enterprise',
    industries: ['H6210', 'H6210', 'H6220'],
    name: (town, brand, rng) =>
      `宁波市奉化区${town}${brand}${pick(rng, ['餐饮管理', '酒店管理', '餐饮服务'])}有限公司`,
    departmentCode: 'scjgj',
    towns: SHOP_TOWNS,
    licences: (c) => [businessLicence(c, 30), foodLicence(c, 2)],
  },
  {
    count: 24,
    category: '92',
    kind: 'street',
    industries: ['F5212', 'F5213', 'F5212'],
    name: (town, brand, rng, industry) => `奉化区${town}${brand}${pick(rng, SUFFIXES[industry]!)}`,
    departmentCode: 'scjgj',
    towns: SHOP_TOWNS,
    licences: (c) => [
      businessLicence(c, null),
      foodLicence(c, 1),
      ...(c.seq % 2 ? [tobaccoLicence({ ...c, lapsed: false })] : []),
    ],
  },
  {
    count: 6,
    category: '91',
    kind: 'enterprise',
    industries: ['F5212'],
    name: (_town, brand) => `宁波${brand}超市有限公司`,
    departmentCode: 'scjgj',
    towns: SHOP_TOWNS,
    licences: (c) => [businessLicence(c, 20), foodLicence(c, 1), tobaccoLicence({ ...c, lapsed: false })],
  },
  {
    count: 20,
    category: '92',
    kind: 'street',
    industries: ['F5223', 'F5222', 'F5224', 'F5226'],
    name: (town, brand, rng, industry) => `奉化区${town}${brand}${pick(rng, SUFFIXES[industry]!)}`,
    departmentCode: 'scjgj',
    towns: SHOP_TOWNS,
    licences: (c) => [businessLicence(c, null), foodLicence(c, 1)],
  },
  {
    count: 20,
    category: '92',
    kind: 'street',
    industries: ['O8010'],
    name: (town, brand, rng) =>
      `奉化区${town}${brand}${pick(rng, ['理发店', '美发店', '发型工作室', '美容美发店'])}`,
    departmentCode: 'wjj',
    towns: SHOP_TOWNS,
    licences: (c) => [businessLicence(c, null), hygieneLicence(c)],
  },
  {
    count: 8,
    category: '91',
    kind: 'enterprise',
    industries: ['F5251'],
    name: (town, brand) => `宁波${brand}医药连锁有限公司奉化${town}店`,
    departmentCode: 'scjgj',
    towns: SHOP_TOWNS,
    licences: (c) => [businessLicence(c, null), drugLicence(c)],
  },
  {
    count: 6,
    category: '92',
    kind: 'individual',
    industries: ['F5251', 'F5252'],
    name: (town, brand, rng) => `奉化区${town}${brand}${pick(rng, ['药店', '大药房', '国药馆'])}`,
    departmentCode: 'scjgj',
    towns: SHOP_TOWNS,
    licences: (c) => [businessLicence(c, null), drugLicence(c)],
  },
  {
    count: 20,
    category: '92',
    kind: 'individual',
    industries: ['F5232', 'F5281', 'F5232', 'F5274'],
    name: (town, brand, rng, industry) => `奉化区${town}${brand}${pick(rng, SUFFIXES[industry]!)}`,
    departmentCode: 'scjgj',
    towns: SHOP_TOWNS,
    licences: (c) => [businessLicence(c, null)],
  },
  {
    count: 10,
    category: '92',
    kind: 'individual',
    industries: ['H6130'],
    name: (town, brand, rng) => `奉化区${town}${brand}${pick(rng, ['民宿', '山居民宿', '客栈'])}`,
    departmentCode: 'wglj',
    towns: GUESTHOUSE_TOWNS,
    licences: (c) => [businessLicence(c, null), hygieneLicence(c)],
  },
  {
    count: 30,
    category: '91',
    kind: 'enterprise',
    industries: ['C3446', 'C3446', 'C3670', 'C1810', 'C3446'],
    name: (_town, brand, rng, industry) => `宁波${brand}${pick(rng, SUFFIXES[industry]!)}有限公司`,
    departmentCode: 'yjj',
    towns: FACTORY_TOWNS,
    licences: (c) => [businessLicence(c, 30)],
  },
  {
    count: 6,
    category: '91',
    kind: 'enterprise',
    industries: ['C1411'],
    name: (town, brand) => `宁波市奉化区${town}${brand}食品有限公司`,
    departmentCode: 'scjgj',
    towns: [
      [XIKOU, 3],
      [XIAOWANGMIAO, 1],
      [JIANGKOU, 2],
    ],
    licences: (c) => [businessLicence(c, 30), productionLicence(c)],
  },
  {
    count: 10,
    category: '91',
    kind: 'enterprise',
    industries: ['L7259', 'F5199', 'L7259', 'F5123'],
    name: (_town, brand, rng, industry) => `宁波${brand}${pick(rng, SUFFIXES[industry]!)}有限公司`,
    departmentCode: 'scjgj',
    towns: [
      [JINPING, 4],
      [YUELIN, 5],
      [JIANGKOU, 1],
    ],
    licences: (c) => [businessLicence(c, 20)],
  },
];

/** 农民专业合作社 by where the crop is grown: 萧王庙 peaches, 尚田 strawberries, 大堰 bamboo shoots … */
const COOPERATIVES: [town: string, name: string, industry: string][] = [
  [XIAOWANGMIAO, '水蜜桃专业合作社', 'A0151'],
  [XIAOWANGMIAO, '林家水蜜桃专业合作社', 'A0151'],
  [XIKOU, '水蜜桃专业合作社', 'A0151'],
  [SHANGTIAN, '草莓专业合作社', 'A0159'],
  [SHANGTIAN, '鸣雁草莓专业合作社', 'A0159'],
  [DAYAN, '竹笋专业合作社', 'A0252'],
  [DAYAN, '高山茶叶专业合作社', 'A0161'],
  [CHUNHU, '海水养殖专业合作社', 'A0411'],
  [SONGAO, '海水养殖专业合作社', 'A0411'],
  [QIUCUN, '芋艿头专业合作社', 'A0141'],
];

function weighted(rng: Rng, table: readonly [string, number][]): string {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let at = rng.next() * total;
  for (const [code, w] of table) {
    at -= w;
    if (at < 0) return code;
  }
  return table[table.length - 1]![0];
}

const villagesByTown = new Map<string, { code: string; name: string }[]>();
for (const v of fenghuaVillageRows) {
  if (Number(v.code.slice(9)) < 200) continue;
  const list = villagesByTown.get(v.townCode) ?? [];
  list.push({ code: v.code, name: villageDisplayName(v.name) });
  villagesByTown.set(v.townCode, list);
}

/** An address on a demo road, or in a village for townships without roads; with its division code. */
function placeIn(town: string, rng: Rng): { address: string; divisionCode: string; radius: number } {
  const townName = TOWN_NAMES[town]!;
  const roads = URBAN_ROADS[town]?.flatMap((r) => r.names).filter((n) => /[路街]$/.test(n));
  if (roads?.length && (town !== XIKOU || rng.chance(0.8))) {
    const number = rng.int(1, 320);
    return {
      address: `浙江省宁波市奉化区${townName}${pick(rng, roads)}${number}号`,
      divisionCode: town,
      radius: 1200,
    };
  }
  const village = pick(rng, villagesByTown.get(town) ?? [{ code: town, name: '' }]);
  return {
    address: `浙江省宁波市奉化区${townName}${village.name}${rng.int(1, 260)}号`,
    divisionCode: village.code,
    radius: 2000,
  };
}

/** A GCJ-02 point near the township seat, inside the district. */
function pointNear(town: string, radius: number, rng: Rng): { lng: number; lat: number } {
  const seat = townSeats.find((s) => s.code === town)!;
  for (;;) {
    const r = radius * Math.sqrt(rng.next());
    const a = rng.next() * 2 * Math.PI;
    const lng = Number((seat.lng + (r * Math.cos(a)) / 96_800).toFixed(6));
    const lat = Number((seat.lat + (r * Math.sin(a)) / 111_320).toFixed(6));
    if (insideFenghua({ lng, lat })) return { lng, lat };
  }
}

const townStem = (code: string) => TOWN_NAMES[code]!.replace(/(街道|镇)$/, '');

/** The demo shop that signs in on the portal (码上整改): a snack bar on 中山东路 in the old town. */
export const DEMO_SHOP_NAME = '奉化区锦屏老街小吃店';

/**
 * About 240 subjects: street shops and individual businesses (92…), enterprises (91…) and
 * cooperatives (93…), the same for the same `today` (YYYY-MM-DD, Beijing). The first is the demo shop.
 */
export function demoSubjects(today: string): DemoSubject[] {
  const rng = rngFor('fenghua-regulation-subjects');
  const out: DemoSubject[] = [];
  const names = new Set<string>();
  let seq = 0;
  const add = (
    base: Licenceless,
    town: string,
    category: '91' | '92' | '93',
    licences: (c: LicenceContext) => DemoLicence[],
    place = placeIn(town, rng),
  ) => {
    const n = seq++;
    const uscc = syntheticUscc(USCC_SEQ_FROM + n, '330213', { category });
    if (usccCheckChar(uscc.slice(0, 17)) !== uscc[17]) throw new Error('bad demo credit code');
    const since = daysBefore(today, rng.int(200, 6000));
    const ctx: LicenceContext = {
      uscc,
      since,
      seq: n,
      rng,
      today,
      lapsed: n % 23 === 7,
    };
    out.push({
      ...base,
      uscc,
      address: place.address,
      divisionCode: place.divisionCode,
      licences: licences(ctx),
      ...pointNear(town, place.radius, rng),
    });
  };
  /** A name no other subject has: another brand while taken, then a branch number (分店). */
  const unique = (make: (brand: string) => string) => {
    let candidate = make(pick(rng, BRANDS));
    for (let k = 0; names.has(candidate) && k < 20; k++) candidate = make(pick(rng, BRANDS));
    for (let k = 2; names.has(candidate); k++) candidate = `${make(pick(rng, BRANDS))}（${k}分店）`;
    names.add(candidate);
    return candidate;
  };

  add(
    {
      name: unique(() => DEMO_SHOP_NAME),
      kind: 'shop',
      legalRepresentative: syntheticName(NAME_SEQ_FROM),
      departmentCode: 'scjgj',
      industryCode: 'H6291',
    },
    JINPING,
    '92',
    (c) => [businessLicence(c, null), foodLicence({ ...c, lapsed: false }, 2)],
    { address: '浙江省宁波市奉化区锦屏街道中山东路88号', divisionCode: JINPING, radius: 400 },
  );
  for (const trade of TRADES) {
    for (let i = 0; i < trade.count; i++) {
      const town = weighted(rng, trade.towns);
      const industry = pick(rng, trade.industries);
      const urban = town === JINPING || town === YUELIN;
      add(
        {
          name: unique((brand) => trade.name(townStem(town), brand, rng, industry)),
          kind: trade.kind === 'street' ? (urban || rng.chance(0.5) ? 'shop' : 'individual') : trade.kind,
          legalRepresentative: syntheticName(NAME_SEQ_FROM + seq),
          departmentCode: trade.departmentCode,
          industryCode: industry,
        },
        town,
        trade.category,
        trade.licences,
      );
    }
  }
  for (const [town, name, industry] of COOPERATIVES) {
    add(
      {
        name: unique(() => `宁波市奉化区${townStem(town)}${name}`),
        kind: 'cooperative',
        legalRepresentative: syntheticName(NAME_SEQ_FROM + seq),
        departmentCode: 'nyj',
        industryCode: industry,
      },
      town,
      '93',
      (c) => [businessLicence(c, null)],
    );
  }
  return out;
}
