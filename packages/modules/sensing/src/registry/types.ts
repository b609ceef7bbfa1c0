/** Kinds of monitoring point (监测站点). */
export const STATION_KINDS = [
  'reservoir', // 水库
  'river_section', // 河道断面
  'rain_gauge', // 雨量站
  'air_station', // 空气质量站
  'water_quality', // 水质站
  'construction_site', // 建筑工地（扬尘、噪声）
  'video_point', // 视频监控点
  'weather_station', // 气象站（风）
] as const;
export type StationKind = (typeof STATION_KINDS)[number];

/** A metric a device reports, with its unit (SI or the unit the standard uses). */
export interface MetricSeed {
  /** Stable code, snake_case, e.g. `water_level`, `rain_1h`, `pm10`, `noise_leq`, `wind_speed`. */
  code: string;
  nameZh: string;
  nameEn: string;
  /** e.g. `m`, `mm`, `μg/m³`, `dB(A)`, `m/s`, `m³/s`, `mg/L`, `℃`. */
  unit: string;
  /** How long raw readings are kept, in days (rollups are kept longer). */
  retentionDays?: number;
}

/** A device on a station; its access token is generated at seeding, never in seed data. */
export interface DeviceSeed {
  /** Unique device code, e.g. `FH-SK-TX-01` (亭下水库 water-level gauge 1). */
  code: string;
  name: string;
  /** Protocol the real device speaks: ThingsBoard JSON, HJ 212-2017, SL 651-2014, or a ThingsBoard gateway. */
  protocol: 'json' | 'hj212' | 'sl651' | 'gateway';
  /** Station address in the protocol (HJ 212 `MN`, SL 651 遥测站地址), when it speaks one. */
  protocolAddress?: string;
  /** Metric codes it reports (each defined in the seed's metrics). */
  metrics: string[];
}

/** A rule in seed data (see alarms/rules.ts for the full rule schema). */
export interface RuleSeed {
  code: string;
  nameZh: string;
  nameEn: string;
  /** The alarm type it raises, e.g. `water_level.warning`. */
  alarmType: string;
  severity: 'critical' | 'major' | 'minor' | 'warning';
  /** threshold | rate | nodata | expression */
  kind: 'threshold' | 'rate' | 'nodata' | 'expression';
  metric?: string;
  /** threshold: `>` or `<`; value is a number or the name of a station attribute. */
  op?: '>' | '<';
  value?: number | string;
  /** Clear only when the value is back past the threshold by this much (hysteresis). */
  hysteresis?: number;
  /** Condition must hold this many seconds before the alarm is raised. */
  durationSeconds?: number;
  /** rate: change per hour that raises (e.g. 0.5 m/h). */
  ratePerHour?: number;
  /** nodata: minutes without any reading. */
  minutes?: number;
  /** expression: CEL over `m` (latest metric values of the station) and `attr` (station attributes). */
  expression?: string;
}

/** A monitoring point of a region pack. Coordinates are GCJ-02 like the region's boundary. */
export interface StationSeed {
  /** Unique code, e.g. `FH-SK-TX` (亭下水库). */
  code: string;
  nameZh: string;
  nameEn: string;
  kind: StationKind;
  lng: number;
  lat: number;
  /** The township (12-digit code, e.g. 330213100000 溪口镇) or village it lies in. */
  divisionCode: string;
  /** Owner department code from the region pack's departments (e.g. `slj` 水利局, `sthjj`, `zjj`). */
  departmentCode: string;
  /** Station attributes, e.g. reservoir levels in metres: `flood_limit_level` 汛限水位,
   * `warning_level` 警戒水位, `guarantee_level` 保证水位, `normal_level` 正常蓄水位, `dead_level`. */
  attributes: Record<string, number | string>;
  devices: DeviceSeed[];
  /** Rules attached to this station (besides the defaults for its kind). */
  rules?: RuleSeed[];
}
