import type { MetricSeed, StationSeed } from '@zhizhi/sensing';
import { reservoirs, rainGauges, riverSections } from './sensing-hydrology';
import {
  AIR,
  at,
  DUST,
  device,
  gb28181,
  mn,
  offline,
  type Place,
  threshold,
  WATER_QUALITY,
  WEATHER,
} from './sensing-seed-parts';

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
