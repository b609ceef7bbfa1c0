import type { ProtocolMetric } from './types';

/**
 * HJ 212-2017 factor codes (附录 B 污染物因子编码) mapped to our metric codes.
 * Codes follow the 2017 set (the 2005 set used e.g. `011` for COD and `B01` for flow).
 * Checked against the codes public HJ 212 implementations send (a34002/a34004/a01001… in
 * real 2011 frames), not against the appendix text itself, which was not available.
 */
export const HJ212_METRICS: Readonly<Record<string, ProtocolMetric>> = {
  a34002: { metric: 'pm10', unit: 'μg/m³', nameZh: '可吸入颗粒物 PM10', nameEn: 'PM10' },
  a34004: { metric: 'pm25', unit: 'μg/m³', nameZh: '细颗粒物 PM2.5', nameEn: 'PM2.5' },
  a34001: {
    metric: 'tsp',
    unit: 'μg/m³',
    nameZh: '总悬浮颗粒物 TSP',
    nameEn: 'Total suspended particulates',
  },
  // (assumed) `LA` for A-weighted equivalent level: what construction-site dust/noise monitors send.
  LA: { metric: 'noise_leq', unit: 'dB(A)', nameZh: '等效声级', nameEn: 'Equivalent sound level' },
  a01001: { metric: 'air_temp', unit: '℃', nameZh: '温度', nameEn: 'Air temperature' },
  a01002: { metric: 'humidity', unit: '%', nameZh: '湿度', nameEn: 'Relative humidity' },
  a01006: { metric: 'air_pressure', unit: 'kPa', nameZh: '气压', nameEn: 'Air pressure' },
  a01007: { metric: 'wind_speed', unit: 'm/s', nameZh: '风速', nameEn: 'Wind speed' },
  a01008: { metric: 'wind_direction', unit: '°', nameZh: '风向', nameEn: 'Wind direction' },
  // Gas units: ambient stations report μg/m³ (CO mg/m³, as GB 3095); the standard's exhaust
  // table lists mg/m³ for all of them. (assumed) ambient use.
  a21026: { metric: 'so2', unit: 'μg/m³', nameZh: '二氧化硫', nameEn: 'Sulphur dioxide' },
  a21004: { metric: 'no2', unit: 'μg/m³', nameZh: '二氧化氮', nameEn: 'Nitrogen dioxide' },
  a05024: { metric: 'o3', unit: 'μg/m³', nameZh: '臭氧', nameEn: 'Ozone' },
  a21005: { metric: 'co', unit: 'mg/m³', nameZh: '一氧化碳', nameEn: 'Carbon monoxide' },
  w01018: { metric: 'cod', unit: 'mg/L', nameZh: '化学需氧量', nameEn: 'Chemical oxygen demand' },
  w21003: { metric: 'ammonia_n', unit: 'mg/L', nameZh: '氨氮', nameEn: 'Ammonia nitrogen' },
  w01001: { metric: 'ph', unit: '', nameZh: 'pH 值', nameEn: 'pH' },
  w01009: { metric: 'dissolved_oxygen', unit: 'mg/L', nameZh: '溶解氧', nameEn: 'Dissolved oxygen' },
  w21011: { metric: 'total_p', unit: 'mg/L', nameZh: '总磷', nameEn: 'Total phosphorus' },
  w21001: { metric: 'total_n', unit: 'mg/L', nameZh: '总氮', nameEn: 'Total nitrogen' },
  w01010: { metric: 'water_temp', unit: '℃', nameZh: '水温', nameEn: 'Water temperature' },
  // Waste-water flow: Rtd/Avg in L/s, Cou in m³. SL 651 `flow` is m³/s: callers must not mix them.
  w00000: { metric: 'flow', unit: 'L/s', nameZh: '污水流量', nameEn: 'Waste-water flow' },
};

/** Our metric code for an HJ 212 factor code; unknown codes become `hj212_<code>`. */
export function hj212Metric(code: string): string {
  if (Object.hasOwn(HJ212_METRICS, code)) return HJ212_METRICS[code].metric;
  return `hj212_${code.toLowerCase().replace(/[^a-z0-9]/g, '_')}`;
}
