/** Which statistic of a period a reading carries (HJ 212 `-Rtd`, `-Avg`, `-Min`, `-Max`, `-Cou`). */
export type ReadingStatistic = 'rtd' | 'avg' | 'min' | 'max' | 'cou';

/** One value decoded from a telemetry frame. */
export interface ProtocolReading {
  /** Our snake_case metric code (`pm10`, `water_level`), or `hj212_<code>` / `sl651_<id>` when unmapped. */
  metric: string;
  /** The protocol's own code: HJ 212 factor code (`a34002`), SL 651 element identifier in hex (`39`, `FF33`). */
  code: string;
  /** Observation time, epoch ms. */
  ts: number;
  value: number;
  /** HJ 212 data flag (`N` normal, `F` stopped, `M` maintenance, `D` fault, …). */
  flag?: string;
  statistic?: ReadingStatistic;
  /** Set when the value is not a measurement: `restart_time` (epoch ms), `run_time` (hours), `run_state`. */
  kind?: 'restart_time' | 'run_time' | 'run_state';
}

/** What every protocol decoder returns. */
export interface DecodedFrame {
  protocol: 'hj212' | 'sl651';
  /** HJ 212 `MN`, SL 651 remote station address (10 hex digits). */
  address: string;
  /** HJ 212 `CN`, SL 651 function code in hex (`32`). */
  command: string;
  /** When the device sent the frame (HJ 212 `QN`, SL 651 发报时间), epoch ms. */
  sentAt: number | null;
  readings: ProtocolReading[];
  /** The device expects the server to answer (use `hj212Ack` / `sl651Ack`). */
  needsAck: boolean;
}

/** How a protocol code maps to one of our metrics. */
export interface ProtocolMetric {
  metric: string;
  unit: string;
  nameZh: string;
  nameEn: string;
}
