/**
 * Name tables for the demo address library. Township and village names come from the divisions;
 * road names marked in the README as known are real Fenghua roads (their placement here is
 * approximate); the rest, estates except where noted, natural villages and the renames are invented.
 */

/** A road, or a run of named segments along one line (中山西路 then 中山东路, west to east). */
export type RoadSpec = {
  names: string[];
  /** An invented earlier name of the (single) road and the last day it was valid. */
  formerly?: { name: string; until: string };
};

const road = (...names: string[]): RoadSpec => ({ names });
const renamed = (name: string, formerName: string, until: string): RoadSpec => ({
  names: [name],
  formerly: { name: formerName, until },
});

/** Roads of the urban townships and of 溪口镇's centre, by township code. */
export const URBAN_ROADS: Readonly<Record<string, RoadSpec[]>> = {
  // 锦屏街道: the old town.
  '330213001000': [
    road('中山西路', '中山东路'),
    road('大成西路', '大成东路'),
    road('惠政西路', '惠政东路'),
    road('南山路'),
    road('锦屏南路'),
    road('长春路'),
    road('县前街'),
    road('东门路'),
    road('南门巷'),
    road('北街弄'),
    renamed('西河弄', '西河沿弄', '2018-06-30'),
  ],
  // 岳林街道: the new town east of the old one.
  '330213002000': [
    road('岳林中路', '岳林东路'),
    road('金海南路', '金海北路'),
    road('东峰路'),
    road('广平路'),
    road('汇源路'),
    road('桃源路'),
    road('金钟路'),
    road('迎恩路'),
    road('秀水街'),
    road('春天巷'),
    renamed('绿都弄', '农机弄', '2019-12-31'),
  ],
  '330213003000': [
    road('江口大道'),
    road('甬山路'),
    road('三横路'),
    road('南渡路'),
    road('蒋葭浦路'),
    road('江口老街'),
    road('柱石巷'),
    renamed('前横巷', '前横弄', '2020-09-30'),
  ],
  '330213004000': [
    road('西坞大道'),
    road('金峨路'),
    road('白杜路'),
    road('尚桥路'),
    road('泰桥街'),
    road('西坞老街'),
    road('雷山巷'),
  ],
  '330213005000': [
    road('萧王庙大道'),
    road('滕头路'),
    road('青云路'),
    road('云溪路'),
    road('慈林街'),
    road('剡禾路'),
    road('牌亭巷'),
    road('塘湾弄'),
  ],
  '330213006000': [
    road('方桥大道'),
    road('方园路'),
    road('方茂路'),
    road('尚德路'),
    road('方恒街'),
    road('儒江路'),
    road('前江巷'),
    renamed('后江弄', '后江小弄', '2021-03-31'),
  ],
  // 溪口镇: only the town centre is laid out in roads; its villages get natural villages and groups.
  '330213100000': [
    road('武岭路'),
    road('中兴路'),
    road('沙堤街'),
    road('剡溪路'),
    road('畸山路'),
    road('班溪街'),
    road('茗山路'),
    renamed('新建巷', '新街巷', '2017-12-31'),
  ],
};

/** Townships whose villages are laid out as natural villages and village groups. */
export const RURAL_TOWN_CODES: readonly string[] = [
  '330213007000',
  '330213008000',
  '330213100000',
  '330213106000',
  '330213107000',
  '330213108000',
];

/** A named estate pinned to a community, with old names or short forms and full room detail. */
export type EstateSpec = { name: string; villageCode: string; aliases?: string[]; full?: boolean };

/** Estates with fixed names (invented, typical of the area); the rest are generated per community. */
export const PINNED_ESTATES: readonly EstateSpec[] = [
  { name: '阳光花园', villageCode: '330213001012', aliases: ['阳光小区'], full: true },
  { name: '锦屏新村', villageCode: '330213001002', aliases: ['锦屏小区'] },
  { name: '东门小区', villageCode: '330213001003', aliases: ['东门新村'] },
  { name: '南山公寓', villageCode: '330213001005', aliases: ['南山小区'], full: true },
  { name: '金水湾', villageCode: '330213002004', aliases: ['金水湾小区', '金水湾花园'], full: true },
  { name: '桃源新村', villageCode: '330213002004' },
  { name: '岳林新村', villageCode: '330213002001', full: true },
  { name: '武岭小区', villageCode: '330213100001', aliases: ['武岭新村'] },
];

/** Stems and suffixes for generated estate names (阳光 + 花园). */
export const ESTATE_STEMS: readonly string[] = [
  '金桂',
  '银杏',
  '丽景',
  '翠苑',
  '香樟',
  '滨江',
  '学府',
  '锦绣',
  '怡和',
  '康乐',
  '和美',
  '福泽',
  '星河',
  '溪畔',
  '御景',
  '江南',
  '雅境',
  '春江',
  '桃李',
  '兰亭',
  '清风',
  '明月',
  '嘉禾',
  '紫薇',
];
export const ESTATE_SUFFIXES: readonly string[] = [
  '小区',
  '新村',
  '花园',
  '家园',
  '公寓',
  '苑',
  '华庭',
  '嘉园',
  '名邸',
];

/** Syllables for natural village names (上白岩, 后竺, 塘头). */
export const HAMLET_PREFIXES: readonly string[] = [
  '上',
  '下',
  '前',
  '后',
  '东',
  '西',
  '里',
  '外',
  '新',
  '大',
  '小',
  '中',
];
export const HAMLET_ROOTS: readonly string[] = [
  '白岩',
  '竺',
  '塘头',
  '岙',
  '山',
  '溪',
  '畈',
  '坑',
  '岭',
  '湾',
  '桥',
  '坪',
  '墩',
  '庄',
  '埠',
  '宅',
  '林',
  '舍',
  '岩头',
  '石门',
  '竹园',
  '茶山',
  '枫树湾',
  '柿树岭',
  '杨梅岙',
  '水碓',
  '王家',
  '应家',
  '邬家',
  '毛家',
];

/** Township name without 街道/镇: 锦屏, 溪口. */
export function townStem(townName: string): string {
  return townName.replace(/(街道|镇)$/, '');
}

/** Village/community name without its 社区/居委会/村/生活区 ending: 南门, 西岸. */
export function villageStem(villageName: string): string {
  return villageName.replace(/(社区|居委会|生活区|村)$/, '');
}
