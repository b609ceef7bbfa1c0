import type { RuleSeed, StationSeed } from '@zhizhi/sensing';
import { at, device, offline, type Place, RAIN, sl651, threshold } from './sensing-seed-parts';

// Hydrology of the demo network: 亭下水库 and 横山水库, sections on 剡江/县江/东江, a rain gauge
// per township. Published figures are cited beside the value; (assumed) marks stand-ins.

function levelRules(station: string, withFloodLimit: boolean): RuleSeed[] {
  const rules: RuleSeed[] = [
    threshold(station, {
      alarmType: 'water_level.over_warning',
      nameZh: '超警戒水位',
      nameEn: 'Above warning level',
      severity: 'major',
      metric: 'water_level',
      value: 'warning_level',
      durationSeconds: 600,
      hysteresis: 0.05,
    }),
    threshold(station, {
      alarmType: 'water_level.over_guarantee',
      nameZh: '超保证水位',
      nameEn: 'Above guaranteed level',
      severity: 'critical',
      metric: 'water_level',
      value: 'guarantee_level',
      durationSeconds: 0,
      hysteresis: 0.05,
    }),
    {
      code: `${station}.water_level.rising`,
      nameZh: '水位快速上涨',
      nameEn: 'Water rising fast',
      alarmType: 'water_level.rising',
      severity: 'major',
      kind: 'rate',
      metric: 'water_level',
      ratePerHour: 0.5,
    },
  ];
  if (withFloodLimit) {
    rules.unshift(
      threshold(station, {
        alarmType: 'water_level.over_flood_limit',
        nameZh: '超汛限水位',
        nameEn: 'Above flood-limit level',
        severity: 'minor',
        metric: 'water_level',
        value: 'flood_limit_level',
        durationSeconds: 600,
        hysteresis: 0.05,
      }),
    );
  }
  return rules;
}

function rainRules(station: string): RuleSeed[] {
  return [
    threshold(station, {
      alarmType: 'rain.heavy',
      nameZh: '短时强降雨(1小时>30mm)',
      nameEn: 'Heavy rain, > 30 mm/h',
      severity: 'minor',
      metric: 'rain_1h',
      value: 30,
      durationSeconds: 0,
    }),
    threshold(station, {
      suffix: 'rain.very_heavy',
      alarmType: 'rain.heavy',
      nameZh: '短时强降雨(1小时>50mm)',
      nameEn: 'Heavy rain, > 50 mm/h',
      severity: 'major',
      metric: 'rain_1h',
      value: 50,
      durationSeconds: 0,
    }),
  ];
}

/** [lng, lat, divisionCode] — GCJ-02 and the township or village the point lies in. */

function reservoir(
  code: string,
  [nameZh, nameEn]: [string, string],
  place: Place,
  attributes: Record<string, number | string>,
  serial: number,
  extraRules: RuleSeed[] = [],
): StationSeed {
  return {
    code,
    nameZh,
    nameEn,
    kind: 'reservoir',
    ...at(place),
    departmentCode: 'slj',
    attributes,
    devices: [
      device(code, 1, `${nameZh}坝前水位计`, 'sl651', ['water_level', 'battery_voltage'], sl651(serial)),
      device(code, 2, `${nameZh}坝址雨量计`, 'sl651', RAIN, sl651(serial + 1)),
      device(code, 3, `${nameZh}出库流量计`, 'sl651', ['outflow'], sl651(serial + 2)),
    ],
    rules: [...levelRules(code, true), ...extraRules, offline(code)],
  };
}

const TINGXIA = 'FH-SK-TX';
const HENGSHAN = 'FH-SK-HS';

export const reservoirs: StationSeed[] = [
  reservoir(
    TINGXIA,
    ['亭下水库', 'Tingxia Reservoir'],
    [121.2254, 29.6532, '330213100240'], // 溪口镇亭下湖村
    {
      river: '剡江',
      // 《镇海县志》协作建库工程: 集雨面积176 km², 总库容15300万m³, 正常库容9800万m³, 砼重力坝高75 m.
      catchment_km2: 176,
      capacity_10k_m3: 15300,
      normal_capacity_10k_m3: 9800,
      dam_height_m: 75,
      normal_level: 81.0, // (assumed)
      flood_limit_level: 78.0, // (assumed)
      warning_level: 83.0, // (assumed) between 汛限 and 设计洪水位
      guarantee_level: 86.0, // (assumed) design flood level
      dead_level: 55.0, // (assumed)
      exposure: 'mountain',
    },
    1,
    [
      {
        code: `${TINGXIA}.combined.flood_risk`,
        nameZh: '高水位叠加强降雨',
        nameEn: 'High water with heavy rain',
        alarmType: 'combined.flood_risk',
        severity: 'critical',
        kind: 'expression',
        expression: 'm.water_level > attr.flood_limit_level && m.rain_1h > 20',
      },
    ],
  ),
  reservoir(
    HENGSHAN,
    ['横山水库', 'Hengshan Reservoir'],
    // The dam is at 许家村, which the 2023 division list puts under 尚田街道, not 大堰镇.
    [121.3618, 29.573, '330213007241'],
    {
      river: '县江',
      // twwiki 横山水库 and hyljg.com: 集雨150.8 km², 总库容1.108亿m³, 设计洪水位120.05 m, 校核121.85 m,
      // 起调水位107 m (used as 汛限), 正常蓄水位111.5 m, 发电死水位78 m, 坝顶高程123.2 m.
      catchment_km2: 150.8,
      capacity_10k_m3: 11080,
      normal_level: 111.5,
      flood_limit_level: 107.0,
      warning_level: 113.0, // (assumed) between 汛限 and 设计洪水位
      guarantee_level: 120.05,
      check_flood_level: 121.85,
      dead_level: 78.0,
      dam_crest_level: 123.2,
      exposure: 'mountain',
    },
    4,
  ),
];

// [code, river, place, English place, lng, lat, division, 常水位, 警戒, 保证, catchment km², has flow meter]
type SectionRow = [
  string,
  string,
  string,
  string,
  number,
  number,
  string,
  number,
  number,
  number,
  number,
  boolean,
];

// All section levels and catchments are (assumed): plausible for the local bed elevation
// (1985 国家高程基准), not the 水文站's published 警戒/保证 values.
// biome-ignore format: one row per section
const sectionRows: SectionRow[] = [
  ['FH-HD-SJXK', '剡江', '溪口(武岭)', 'Xikou', 121.2525, 29.6795, '330213100001', 24.0, 26.5, 27.8, 335, true],
  ['FH-HD-SJXWM', '剡江', '萧王庙', 'Xiaowangmiao', 121.342, 29.664, '330213005000', 10.5, 13.0, 14.2, 420, false],
  ['FH-HD-SJJK', '剡江', '江口', 'Jiangkou', 121.433, 29.7015, '330213003000', 2.2, 3.8, 4.6, 560, true],
  ['FH-HD-XJDY', '县江', '大堰', 'Dayan', 121.253, 29.517, '330213107000', 146.0, 148.3, 149.5, 60, false],
  ['FH-HD-XJST', '县江', '尚田', 'Shangtian', 121.392, 29.603, '330213007000', 22.0, 24.0, 25.2, 190, false],
  ['FH-HD-XJYL', '县江', '城区(岳林)', 'Town (Yuelin)', 121.437, 29.668, '330213002000', 5.2, 7.0, 7.8, 250, true],
  ['FH-HD-DJXW', '东江', '西坞', 'Xiwu', 121.485, 29.685, '330213004000', 2.0, 3.0, 3.5, 90, false],
  ['FH-HD-DJFQ', '东江', '方桥', 'Fangqiao', 121.46, 29.744, '330213006000', 1.9, 2.9, 3.4, 150, true],
];

const RIVER_EN: Record<string, string> = { 剡江: 'Shanjiang', 县江: 'Xianjiang', 东江: 'Dongjiang' };

export const riverSections: StationSeed[] = sectionRows.map(
  (
    [code, river, place, placeEn, lng, lat, divisionCode, normal, warning, guarantee, catchment, hasFlow],
    i,
  ) => {
    const nameZh = `${river}${place}断面`;
    return {
      code,
      nameZh,
      nameEn: `${RIVER_EN[river]} at ${placeEn}`,
      kind: 'river_section',
      lng,
      lat,
      divisionCode,
      departmentCode: 'slj',
      attributes: {
        river,
        normal_level: normal,
        warning_level: warning,
        guarantee_level: guarantee,
        catchment_km2: catchment,
      },
      devices: [
        device(code, 1, `${nameZh}水位计`, 'sl651', ['water_level', 'battery_voltage'], sl651(20 + i * 2)),
        ...(hasFlow ? [device(code, 2, `${nameZh}雷达流量计`, 'sl651', ['flow'], sl651(21 + i * 2))] : []),
      ],
      rules: [...levelRules(code, false), offline(code)],
    };
  },
);

type GaugeRow = [
  initials: string,
  place: string,
  pinyin: string,
  lng: number,
  lat: number,
  divisionCode: string,
  exposure: string,
];

// One gauge per township, at or next to the township government (typical for 乡镇雨量站).
// biome-ignore format: one row per gauge
const gaugeRows: GaugeRow[] = [
  ['JP', '锦屏', 'Jinping', 121.4085, 29.6562, '330213001000', 'plain'],
  ['YL', '岳林', 'Yuelin', 121.4262, 29.6641, '330213002000', 'plain'],
  ['JK', '江口', 'Jiangkou', 121.4385, 29.7072, '330213003000', 'plain'],
  ['XW', '西坞', 'Xiwu', 121.4791, 29.6722, '330213004000', 'plain'],
  ['XWM', '萧王庙', 'Xiaowangmiao', 121.3392, 29.6571, '330213005000', 'plain'],
  ['FQ', '方桥', 'Fangqiao', 121.4531, 29.7469, '330213006000', 'plain'],
  ['ST', '尚田', 'Shangtian', 121.4013, 29.6061, '330213007000', 'mountain'],
  ['CH', '莼湖', 'Chunhu', 121.5312, 29.5762, '330213008000', 'coastal'],
  ['XK', '溪口', 'Xikou', 121.2462, 29.6791, '330213100000', 'mountain'],
  ['QC', '裘村', 'Qiucun', 121.6012, 29.5611, '330213106000', 'coastal'],
  ['DY', '大堰', 'Dayan', 121.2511, 29.5112, '330213107000', 'mountain'],
  ['SA', '松岙', "Song'ao", 121.6871, 29.6021, '330213108000', 'coastal'],
];

export const rainGauges: StationSeed[] = gaugeRows.map(
  ([initials, place, pinyin, lng, lat, divisionCode, exposure], i) => {
    const code = `FH-YL-${initials}`;
    return {
      code,
      nameZh: `${place}雨量站`,
      nameEn: `${pinyin} rain gauge`,
      kind: 'rain_gauge',
      lng,
      lat,
      divisionCode,
      departmentCode: 'slj',
      attributes: { exposure },
      devices: [device(code, 1, `${place}翻斗式雨量计`, 'sl651', RAIN, sl651(40 + i))],
      rules: [...rainRules(code), offline(code)],
    };
  },
);
