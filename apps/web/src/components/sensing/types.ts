import type { ApiResponse } from '@zhizhi/api-client';

/** A station as the list returns it: latest values, status and worst active alarm. */
export type SensingStation = ApiResponse<'/api/sensing/stations', 'get'>['items'][number];
/** One station with metrics, devices (tokens for managers) and rules. */
export type SensingStationDetail = ApiResponse<'/api/sensing/stations/{id}', 'get'>;
export type SensingDevice = SensingStationDetail['devices'][number];
export type SensingRule = SensingStationDetail['rules'][number];
export type SensingMetric = SensingStationDetail['metrics'][number];
export type SensingAlarm = ApiResponse<'/api/sensing/alarms', 'get'>['items'][number];
export type SensingSeries = ApiResponse<'/api/sensing/stations/{id}/series', 'get'>;
export type SensingWarnings = ApiResponse<'/api/sensing/warnings', 'get'>;
export type SensingWarning = SensingWarnings['townships'][number];
export type SensingBulletin = SensingWarnings['bulletins'][number];
export type Severity = SensingAlarm['severity'];
export type StationKind = SensingStation['kind'];
export type StationStatus = SensingStation['status'];

/** The `values` event of /api/sensing/stream: station id → metric → latest value (ts in ms). */
export type StreamValues = Record<string, Record<string, { value: number; ts: number }>>;

/** The `alarm` event of /api/sensing/stream. */
export interface StreamAlarm {
  kind: string;
  id: string;
  stationId: string;
  type: string;
  severity: Severity;
  status: 'active' | 'cleared';
  acknowledged: boolean;
}
