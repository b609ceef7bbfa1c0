import type { DeviceSeed, RuleSeed } from '@zhizhi/sensing';

// Building blocks of the demo monitoring network (sensing-stations.ts): metric lists per device
// kind, synthetic protocol addresses, device codes and the rules every station kind shares.

export const RAIN = ['rain_current', 'rain_1h', 'battery_voltage'];
export const POLLUTANTS = ['pm25', 'pm10', 'so2', 'no2', 'o3', 'co'];
export const AIR = [...POLLUTANTS, 'air_temp', 'humidity', 'wind_speed', 'wind_direction'];
export const WEATHER = ['wind_speed', 'wind_direction', 'air_temp', 'humidity', 'rain_1h', 'battery_voltage'];
export const WATER_QUALITY = ['ph', 'dissolved_oxygen', 'cod', 'ammonia_n', 'total_p', 'water_temp'];
export const DUST = ['pm10', 'pm25', 'noise_leq'];

// SL 651-2014: an address starting 00 carries the 8-digit hydrological station code; 70213xxx is
// a synthetic code block, not an issued one.
export const sl651 = (serial: number): string => `0070213${String(serial).padStart(3, '0')}`;
// HJ 212-2017 MN, synthetic: district code, two-letter kind, serial (14 characters).
export const mn = (kind: string, serial: number): string => `330213${kind}${String(serial).padStart(6, '0')}`;
// GB/T 28181 id: 中心编码 33021300, 行业 00, 类型 132 (网络摄像机), 网络标识 0, 序号.
export const gb28181 = (serial: number): string => `3302130000132${String(serial).padStart(7, '0')}`;

export function device(
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

export function offline(station: string): RuleSeed {
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

export function threshold(
  station: string,
  { suffix, op = '>', hysteresis, ...rest }: ThresholdOptions,
): RuleSeed {
  const rule: RuleSeed = { code: `${station}.${suffix ?? rest.alarmType}`, kind: 'threshold', op, ...rest };
  return hysteresis === undefined ? rule : { ...rule, hysteresis };
}

/** 超汛限 (reservoirs only), 超警戒, 超保证, rising fast — the levels are station attributes. */

export type Place = [lng: number, lat: number, divisionCode: string];
export const at = ([lng, lat, divisionCode]: Place) => ({ lng, lat, divisionCode });
