import type { DeviceSeed, MetricSeed, RuleSeed, StationSeed } from '@zhizhi/sensing';

// The demo monitoring network of 奉化区. Published figures are cited beside the value; everything
// marked (assumed) is a plausible stand-in to be replaced by the 水利局 / 生态环境分局 registers.
// Project names, protocol addresses (SL 651 遥测站地址, HJ 212 MN) and GB/T 28181 ids are synthetic.
// Coordinates are GCJ-02; reservoir dams were converted from WGS 84 points in a public Ningbo
// water-resources code sample (htwater), the rest are placed by hand near the township seats.

const HYDROLOGY_DAYS = 400;

function metric(code: string, nameZh: string, nameEn: string, unit: string, retentionDays = HYDROLOGY_DAYS) {
  return { code, nameZh, nameEn, unit, retentionDays };
}

/** Every metric a Fenghua device reports. */
// biome-ignore format: one row per metric
export const fenghuaMetrics: MetricSeed[] = [
  metric('water_level', '水位', 'Water level', 'm'),
  metric('flow', '流量', 'Discharge', 'm³/s'),
  metric('outflow', '出库流量', 'Reservoir outflow', 'm³/s'),
  metric('rain_current', '时段雨量(5分钟)', 'Rain, last 5 min', 'mm'),
  metric('rain_1h', '小时雨量', 'Rain, last hour', 'mm'),
  metric('battery_voltage', '电池电压', 'Battery voltage', 'V', 90),
  metric('pm25', '细颗粒物(PM2.5)', 'PM2.5', 'μg/m³'),
  metric('pm10', '可吸入颗粒物(PM10)', 'PM10', 'μg/m³'),
  metric('so2', '二氧化硫', 'Sulphur dioxide', 'μg/m³'),
  metric('no2', '二氧化氮', 'Nitrogen dioxide', 'μg/m³'),
  metric('o3', '臭氧', 'Ozone', 'μg/m³'),
  metric('co', '一氧化碳', 'Carbon monoxide', 'mg/m³'),
  metric('air_temp', '气温', 'Air temperature', '℃'),
  metric('humidity', '相对湿度', 'Relative humidity', '%'),
  metric('wind_speed', '风速(2分钟平均)', 'Wind speed (2-min mean)', 'm/s'),
  metric('wind_direction', '风向', 'Wind direction', '°'),
  metric('noise_leq', '等效声级', 'Equivalent sound level', 'dB(A)', 180),
  metric('ph', 'pH值', 'pH', 'pH'),
  metric('dissolved_oxygen', '溶解氧', 'Dissolved oxygen', 'mg/L'),
  metric('cod', '化学需氧量', 'Chemical oxygen demand', 'mg/L'),
  metric('ammonia_n', '氨氮', 'Ammonia nitrogen', 'mg/L'),
  metric('total_p', '总磷', 'Total phosphorus', 'mg/L'),
  metric('water_temp', '水温', 'Water temperature', '℃'),
];

const RAIN = ['rain_current', 'rain_1h', 'battery_voltage'];
const POLLUTANTS = ['pm25', 'pm10', 'so2', 'no2', 'o3', 'co'];
const AIR = [...POLLUTANTS, 'air_temp', 'humidity', 'wind_speed', 'wind_direction'];
const WEATHER = ['wind_speed', 'wind_direction', 'air_temp', 'humidity', 'rain_1h', 'battery_voltage'];
const WATER_QUALITY = ['ph', 'dissolved_oxygen', 'cod', 'ammonia_n', 'total_p', 'water_temp'];
const DUST = ['pm10', 'pm25', 'noise_leq'];

// SL 651-2014: an address starting 00 carries the 8-digit hydrological station code; 70213xxx is
// a synthetic code block, not an issued one.
const sl651 = (serial: number): string => `0070213${String(serial).padStart(3, '0')}`;
// HJ 212-2017 MN, synthetic: district code, two-letter kind, serial (14 characters).
const mn = (kind: string, serial: number): string => `330213${kind}${String(serial).padStart(6, '0')}`;
// GB/T 28181 id: 中心编码 33021300, 行业 00, 类型 132 (网络摄像机), 网络标识 0, 序号.
const gb28181 = (serial: number): string => `3302130000132${String(serial).padStart(7, '0')}`;

function device(
  station: string,
  n: number,
  name: string,
  protocol: DeviceSeed['protocol'],
  metrics: string[],
  protocolAddress?: string,
): DeviceSeed {
  const code = `${station}-${String(n).padStart(2, '0')}`;
  return protocolAddress
    ? { code, name, protocol, protocolAddress, metrics }
    : { code, name, protocol, metrics };
}

function offline(station: string): RuleSeed {
  return {
    code: `${station}.device.offline`,
    nameZh: '设备离线',
    nameEn: 'Device offline',
    alarmType: 'device.offline',
    severity: 'warning',
    kind: 'nodata',
    minutes: 30,
  };
}

type ThresholdOptions = Pick<
  RuleSeed,
  'alarmType' | 'nameZh' | 'nameEn' | 'severity' | 'metric' | 'value'
> & {
  /** Rule code suffix; defaults to the alarm type. */
  suffix?: string;
  op?: '>' | '<';
  durationSeconds: number;
  hysteresis?: number;
};

function threshold(station: string, { suffix, op = '>', hysteresis, ...rest }: ThresholdOptions): RuleSeed {
  const rule: RuleSeed = { code: `${station}.${suffix ?? rest.alarmType}`, kind: 'threshold', op, ...rest };
  return hysteresis === undefined ? rule : { ...rule, hysteresis };
}

/** 超汛限 (reservoirs only), 超警戒, 超保证, rising fast — the levels are station attributes. */
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
type Place = [lng: number, lat: number, divisionCode: string];
const at = ([lng, lat, divisionCode]: Place) => ({ lng, lat, divisionCode });

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

const reservoirs: StationSeed[] = [
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

const riverSections: StationSeed[] = sectionRows.map(
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

const rainGauges: StationSeed[] = gaugeRows.map(
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

function airStation(
  code: string,
  nameZh: string,
  nameEn: string,
  place: Place,
  level: string,
  serial: number,
): StationSeed {
  return {
    code,
    nameZh,
    nameEn,
    kind: 'air_station',
    ...at(place),
    departmentCode: 'sthjj',
    attributes: { control_level: level },
    devices: [device(code, 1, `${nameZh}空气自动监测子站`, 'hj212', AIR, mn('AQ', serial))],
    rules: [
      threshold(code, {
        alarmType: 'air.pm25_over',
        nameZh: 'PM2.5超115μg/m³',
        nameEn: 'PM2.5 above 115 μg/m³',
        severity: 'minor',
        metric: 'pm25',
        value: 115,
        durationSeconds: 3600,
      }),
      offline(code),
    ],
  };
}

// Point names and control levels are (assumed); the real 国控/省控 point list is on the bureau's site.
// biome-ignore format: one row per station
const airStations: StationSeed[] = [
  airStation('FH-KQ-JP', '锦屏空气站(区监测站)', 'Jinping air station', [121.4041, 29.6523, '330213001000'], '国控', 1),
  airStation('FH-KQ-YL', '岳林空气站', 'Yuelin air station', [121.4284, 29.6687, '330213002000'], '省控', 2),
  airStation('FH-KQ-XK', '溪口空气站(区域背景点)', 'Xikou air station (background)', [121.2401, 29.6822, '330213100000'], '区控', 3),
];

function weatherStation(code: string, nameZh: string, nameEn: string, place: Place): StationSeed {
  return {
    code,
    nameZh,
    nameEn,
    kind: 'weather_station',
    ...at(place),
    departmentCode: 'yjj',
    attributes: { exposure: 'coastal', coast: '象山港' },
    devices: [device(code, 1, `${nameZh}自动气象站`, 'json', WEATHER)],
    rules: [
      threshold(code, {
        alarmType: 'wind.gale',
        nameZh: '大风8级(>17.2m/s)',
        nameEn: 'Gale, force 8',
        severity: 'major',
        metric: 'wind_speed',
        value: 17.2,
        durationSeconds: 120,
      }),
      threshold(code, {
        alarmType: 'wind.storm',
        nameZh: '大风10级(>24.5m/s)',
        nameEn: 'Storm, force 10',
        severity: 'critical',
        metric: 'wind_speed',
        value: 24.5,
        durationSeconds: 120,
      }),
      offline(code),
    ],
  };
}

// biome-ignore format: one row per station
const weatherStations: StationSeed[] = [
  weatherStation('FH-QX-CH', '莼湖桐照气象站', 'Chunhu Tongzhao weather station', [121.5462, 29.5612, '330213008246']),
  weatherStation('FH-QX-QC', '裘村翔鹤潭气象站', 'Qiucun Xianghetan weather station', [121.6105, 29.5533, '330213106211']),
  weatherStation('FH-QX-SA', '松岙湖头渡气象站', "Song'ao Hutoudu weather station", [121.6955, 29.5902, '330213108208']),
];

function waterQualityStation(
  code: string,
  nameZh: string,
  nameEn: string,
  place: Place,
  water: string,
  serial: number,
): StationSeed {
  return {
    code,
    nameZh,
    nameEn,
    kind: 'water_quality',
    ...at(place),
    departmentCode: 'sthjj',
    attributes: { water, target_class: 'II' }, // (assumed) 水功能区目标
    devices: [device(code, 1, `${nameZh}水质自动监测站`, 'hj212', WATER_QUALITY, mn('WQ', serial))],
    rules: [
      // GB 3838-2002 class III limits: 氨氮 1.0 mg/L, 溶解氧 ≥ 5 mg/L.
      threshold(code, {
        alarmType: 'water_quality.ammonia_over',
        nameZh: '氨氮超III类',
        nameEn: 'Ammonia above class III',
        severity: 'minor',
        metric: 'ammonia_n',
        value: 1.0,
        durationSeconds: 3600,
      }),
      threshold(code, {
        alarmType: 'water_quality.do_low',
        nameZh: '溶解氧低于III类',
        nameEn: 'Dissolved oxygen below class III',
        severity: 'minor',
        metric: 'dissolved_oxygen',
        op: '<',
        value: 5,
        durationSeconds: 3600,
      }),
      offline(code),
    ],
  };
}

// biome-ignore format: one row per station
const waterQualityStations: StationSeed[] = [
  waterQualityStation('FH-SZ-SJJK', '剡江江口水质站', 'Shanjiang Jiangkou water quality', [121.4312, 29.7031, '330213003000'], '剡江', 1),
  waterQualityStation('FH-SZ-TX', '亭下水库出口水质站', 'Tingxia Reservoir outlet water quality', [121.2291, 29.6561, '330213100240'], '亭下水库', 2),
];

type SiteRow = [initials: string, nameZh: string, nameEn: string, type: string, place: Place];

// Synthetic projects in real townships and villages.
// biome-ignore format: one row per site
const siteRows: SiteRow[] = [
  ['NMAZ', '奉化区锦屏街道南门片区安置房项目', 'Nanmen resettlement housing, Jinping', '安置房', [121.4012, 29.6483, '330213001005']],
  ['JHAZ', '奉化区岳林街道金海安置房项目', 'Jinhai resettlement housing, Yuelin', '安置房', [121.4401, 29.6602, '330213002011']],
  ['FQZX', '奉化区方桥街道中心区块安置房项目', 'Fangqiao centre resettlement housing', '安置房', [121.4553, 29.7421, '330213006000']],
  ['JKCF', '奉化区江口街道智能制造标准厂房项目', 'Jiangkou standard factory buildings', '厂房', [121.4452, 29.7123, '330213003000']],
  ['XWBD', '奉化区西坞街道白杜安置房项目', 'Baidu resettlement housing, Xiwu', '安置房', [121.4903, 29.6762, '330213004210']],
  ['XKWL', '奉化区溪口镇武岭安置房二期项目', 'Wuling resettlement housing phase 2, Xikou', '安置房', [121.2523, 29.6721, '330213100001']],
];

const constructionSites: StationSeed[] = siteRows.map(([initials, nameZh, nameEn, type, place]) => {
  const code = `FH-GD-${initials}`;
  return {
    code,
    nameZh,
    nameEn,
    kind: 'construction_site',
    ...at(place),
    departmentCode: 'zjj',
    // GB 12523-2011 施工场界噪声限值: 昼间70, 夜间55 dB(A).
    attributes: { project_type: type, noise_day_limit: 70, noise_night_limit: 55 },
    devices: [device(code, 1, '扬尘噪声在线监测仪', 'json', DUST)],
    rules: [
      threshold(code, {
        alarmType: 'dust.pm10_over',
        nameZh: '扬尘超标(PM10>150)',
        nameEn: 'Dust: PM10 above 150 μg/m³',
        severity: 'major',
        metric: 'pm10',
        value: 150,
        durationSeconds: 900,
      }),
      // Daytime limit; the rule schema has no time window, so night-time (55 dB) is not expressed.
      threshold(code, {
        alarmType: 'noise.over',
        nameZh: '施工噪声超标(昼间>70dB)',
        nameEn: 'Construction noise above 70 dB(A)',
        severity: 'minor',
        metric: 'noise_leq',
        value: 70,
        durationSeconds: 600,
      }),
      offline(code),
    ],
  };
});

type VideoRow = [initials: string, nameZh: string, nameEn: string, place: Place, department: string];

const videoRows: VideoRow[] = [
  ['TX', '亭下水库大坝视频', 'Tingxia dam camera', [121.2262, 29.6538, '330213100240'], 'slj'],
  ['HS', '横山水库大坝视频', 'Hengshan dam camera', [121.3624, 29.5736, '330213007241'], 'slj'],
  ['SJJK', '剡江江口断面视频', 'Shanjiang Jiangkou camera', [121.4335, 29.7019, '330213003000'], 'slj'],
  ...siteRows.map(
    ([initials, nameZh, nameEn, , place]): VideoRow => [
      initials,
      `${nameZh.replace(/^奉化区/, '')}出入口视频`,
      `${nameEn} gate camera`,
      [Math.round((place[0] + 0.0006) * 1e4) / 1e4, place[1], place[2]],
      'zjj',
    ],
  ),
];

// Video points stream over GB/T 28181, which DeviceSeed has no protocol for: they carry the
// channel id as an attribute and no devices.
const videoPoints: StationSeed[] = videoRows.map(([initials, nameZh, nameEn, place, department], i) => ({
  code: `FH-SP-${initials}`,
  nameZh,
  nameEn,
  kind: 'video_point',
  ...at(place),
  departmentCode: department,
  attributes: { gb28181_id: gb28181(i + 1) },
  devices: [],
}));

/** The demo monitoring network of 奉化区 (GCJ-02), with its rules. */
export const fenghuaStations: StationSeed[] = [
  ...reservoirs,
  ...riverSections,
  ...rainGauges,
  ...airStations,
  ...weatherStations,
  ...waterQualityStations,
  ...constructionSites,
  ...videoPoints,
];
