import {
  currentTownshipCode,
  fenghuaTownships,
  fenghuaVillageRows,
  type VillageRow,
  villageDisplayName,
} from './divisions';
import { syntheticIdNumber, syntheticName, syntheticUscc } from './people';

/** One synthetic row: item code → value. */
export type DemoRow = Record<string, string | number | null>;

const towns = fenghuaTownships.map((t) => t.name);
const townOf = (i: number) => towns[i % towns.length];
const townOfVillage = (village: VillageRow) =>
  fenghuaTownships.find((t) => t.code === currentTownshipCode(village.townCode))?.name ?? towns[0];
const date = (year: number, i: number) =>
  `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`;

// Synthetic people: ID sequences 9xx (valid GB 11643 check digit), names from the pack's generator.
function person(i: number) {
  const birth = `${1950 + ((i * 7) % 55)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + ((i * 3) % 28)).padStart(2, '0')}`;
  return { id_number: syntheticIdNumber(i % 50, { birth, male: i % 2 === 0 }), name: syntheticName(i + 300) };
}

const residents = (): DemoRow[] =>
  Array.from({ length: 36 }, (_, i) => {
    const p = person(i);
    const birth = p.id_number.slice(6, 14);
    const village = fenghuaVillageRows[(i * 11) % fenghuaVillageRows.length];
    return {
      ...p,
      sex: i % 2 === 0 ? '男' : '女',
      birth_date: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
      household_address: `浙江省宁波市奉化区${villageDisplayName(village.name)}`,
      town: townOfVillage(village),
    };
  });

const INSURANCE = ['企业职工基本养老保险', '失业保险', '工伤保险'];
const insured = (): DemoRow[] =>
  Array.from({ length: 40 }, (_, i) => ({
    ...person(i),
    insurance_type: INSURANCE[i % 3],
    insured_status: i % 9 === 0 ? '暂停缴费' : '正常参保',
    insured_since: date(2005 + (i % 19), i),
    town: townOf(i),
  }));

const ENTITY_TYPES = ['有限责任公司', '个体工商户', '农民专业合作社', '股份有限公司'];
const CATEGORY: Record<string, '91' | '92' | '93'> = { 个体工商户: '92', 农民专业合作社: '93' };
const TRADES = ['水蜜桃种植', '芋艿加工', '服装制造', '汽配', '餐饮', '民宿', '茶叶', '竹木制品'];
const enterprises = (): DemoRow[] =>
  Array.from({ length: 40 }, (_, i) => {
    const type = ENTITY_TYPES[i % 4];
    const place = townOf(i).replace(/街道|镇$/, '');
    const trade = TRADES[i % TRADES.length];
    const name =
      type === '个体工商户'
        ? `奉化区${place}${syntheticName(i + 500)}${trade}店（示例）`
        : type === '农民专业合作社'
          ? `宁波市奉化区${place}${trade}专业合作社（示例）`
          : `宁波市奉化区${place}示例${trade}${type}`;
    return {
      uscc: syntheticUscc(900 + i, '330213', { category: CATEGORY[type] ?? '91' }),
      entity_name: name,
      entity_type: type,
      legal_representative: syntheticName(i + 700),
      registered_on: date(2008 + (i % 17), i),
      registered_capital: type === '个体工商户' ? null : 10 * (1 + (i % 50)),
      entity_status: i % 13 === 0 ? '注销' : '存续',
      town: townOf(i),
    };
  });

const subsistence = (): DemoRow[] =>
  Array.from({ length: 30 }, (_, i) => {
    const village = fenghuaVillageRows[(i * 17 + 5) % fenghuaVillageRows.length];
    const size = 1 + (i % 4);
    return {
      ...person(i + 100),
      household_size: size,
      monthly_amount: size * 1156,
      assistance_since: date(2016 + (i % 9), i),
      town: townOfVillage(village),
      village: villageDisplayName(village.name),
    };
  });

// Names of real public institutions and places in Fenghua; phones and addresses are illustrative.
const CLINICS: [string, string, string][] = [
  ['宁波市奉化区人民医院', '综合医院', '锦屏街道'],
  ['宁波市奉化区中医医院', '中医医院', '岳林街道'],
  ['宁波市奉化区妇幼保健院', '妇幼保健院', '锦屏街道'],
  ['宁波市奉化区溪口医院', '综合医院', '溪口镇'],
  ...fenghuaTownships.map((t): [string, string, string] => [
    t.kind === '街道' ? `宁波市奉化区${t.name}社区卫生服务中心` : `宁波市奉化区${t.name}卫生院`,
    t.kind === '街道' ? '社区卫生服务中心' : '乡镇卫生院',
    t.name,
  ]),
];
const clinics = (): DemoRow[] =>
  CLINICS.map(([name, category, place], i) => ({
    institution_name: name,
    category,
    address: `浙江省宁波市奉化区${place}`,
    town: place,
    service_phone: `0574-8890${String(1000 + i * 37).slice(-4)}`,
  }));

const SCHOOLS: [string, string, string, string][] = [
  ['宁波市奉化中学', '普通高中', '公办', '岳林街道'],
  ['宁波市奉化区武岭中学', '普通高中', '公办', '溪口镇'],
  ['宁波市奉化区奉港中学', '普通高中', '公办', '锦屏街道'],
  ['宁波市奉化区实验中学', '初中', '公办', '锦屏街道'],
  ['宁波市奉化区实验小学', '小学', '公办', '锦屏街道'],
  ['宁波市奉化区溪口中学', '初中', '公办', '溪口镇'],
  ['宁波市奉化区莼湖中学', '初中', '公办', '莼湖街道'],
  ['宁波市奉化区江口中心小学', '小学', '公办', '江口街道'],
  ['宁波市奉化区萧王庙中心小学', '小学', '公办', '萧王庙街道'],
  ['宁波市奉化区西坞中心小学', '小学', '公办', '西坞街道'],
  ['宁波市奉化区尚田中心小学', '小学', '公办', '尚田街道'],
  ['宁波市奉化区松岙学校', '九年一贯制', '公办', '松岙镇'],
];
const schools = (): DemoRow[] =>
  SCHOOLS.map(([school_name, stage, nature, place]) => ({
    school_name,
    stage,
    nature,
    address: `浙江省宁波市奉化区${place}`,
    town: place,
  }));

const PARKING: [string, string, number, string][] = [
  ['溪口镇武岭广场停车场', '溪口镇', 420, '按次收费'],
  ['雪窦山景区游客中心停车场', '溪口镇', 1200, '按次收费'],
  ['蒋氏故里景区停车场', '溪口镇', 380, '按次收费'],
  ['滕头村生态旅游区停车场', '萧王庙街道', 650, '按次收费'],
  ['锦屏山公园停车场', '锦屏街道', 160, '按时收费'],
  ['奉化区政务服务中心停车场', '岳林街道', 300, '免费'],
  ['奉化区人民医院停车场', '锦屏街道', 540, '按时收费'],
  ['江口街道便民服务中心停车场', '江口街道', 90, '免费'],
  ['莼湖街道桐照渔村停车场', '莼湖街道', 210, '按次收费'],
  ['松岙镇海滨停车场', '松岙镇', 180, '按次收费'],
  ['大堰镇游客服务中心停车场', '大堰镇', 120, '免费'],
  ['方桥街道三江口停车场', '方桥街道', 140, '按时收费'],
];
const parking = (): DemoRow[] =>
  PARKING.map(([lot_name, place, spaces, charging]) => ({
    lot_name,
    address: `浙江省宁波市奉化区${place}`,
    town: place,
    spaces,
    charging,
  }));

/** The synthetic row generators, by the name a demo resource gives in `rows`. */
export const demoRowGenerators: Record<string, () => DemoRow[]> = {
  residents,
  insured,
  enterprises,
  subsistence,
  clinics,
  schools,
  parking,
};
