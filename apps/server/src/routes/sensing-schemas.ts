import { SEVERITIES, STATION_KINDS } from '@zhizhi/sensing';
import { z } from 'zod';
import type { Modules } from '../modules';
import { dateTime, uuid } from '../schemas';

// Response schemas of the sensing API (routes/sensing.ts).

export const severity = z.enum(SEVERITIES);

const valueAt = z.object({ value: z.number(), ts: z.string() });

export const stationSummary = z
  .object({
    id: uuid,
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    kind: z.enum(STATION_KINDS),
    lng: z.number().describe('GCJ-02'),
    lat: z.number(),
    divisionCode: z.string(),
    townshipCode: z.string(),
    attributes: z.record(z.string(), z.union([z.number(), z.string()])),
    values: z.record(z.string(), valueAt).describe('Latest value per metric'),
    devices: z.number().int(),
    online: z.number().int().describe('Devices that reported in the last 30 minutes'),
    status: z.enum(['normal', 'alarm', 'offline']),
    activeAlarms: z.number().int(),
    unacknowledged: z.number().int(),
    worstSeverity: severity.nullable(),
  })
  .meta({ id: 'SensingStation' });

export const stationDetail = z
  .object({
    id: uuid,
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    kind: z.enum(STATION_KINDS),
    lng: z.number(),
    lat: z.number(),
    divisionCode: z.string(),
    townshipCode: z.string(),
    departmentId: uuid,
    attributes: z.record(z.string(), z.union([z.number(), z.string()])),
    metrics: z.array(
      z.object({
        code: z.string(),
        nameZh: z.string(),
        nameEn: z.string(),
        unit: z.string(),
        last: z.object({ value: z.number().nullable(), ts: z.string() }).nullable(),
      }),
    ),
    devices: z.array(
      z.object({
        id: uuid,
        code: z.string(),
        name: z.string(),
        protocol: z.string(),
        protocolAddress: z.string().nullable(),
        metrics: z.array(z.string()),
        lastSeenAt: z.string().nullable(),
        online: z.boolean(),
        rejectedCount: z.number().int(),
        lastRejectReason: z.string().nullable(),
        lastRejectAt: z.string().nullable(),
        token: z.string().optional().describe('Only for those who manage the station'),
      }),
    ),
    rules: z.array(
      z.object({
        id: uuid,
        code: z.string(),
        nameZh: z.string(),
        nameEn: z.string(),
        alarmType: z.string(),
        severity: z.string(),
        params: z.record(z.string(), z.unknown()),
        active: z.boolean(),
      }),
    ),
    canManage: z.boolean(),
  })
  .meta({ id: 'SensingStationDetail' });

export const alarmSchema = z
  .object({
    id: uuid,
    originatorType: z.enum(['device', 'station']),
    originatorId: uuid,
    stationId: uuid,
    stationCode: z.string(),
    stationName: z.string(),
    stationNameEn: z.string(),
    townshipCode: z.string(),
    type: z.string(),
    severity,
    status: z.enum(['active', 'cleared']),
    acknowledged: z.boolean(),
    startTs: dateTime,
    endTs: dateTime,
    ackTs: dateTime.nullable(),
    ackBy: z.string().nullable(),
    clearTs: dateTime.nullable(),
    clearedBy: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    triggerCount: z.number().int(),
    caseId: uuid.nullable(),
    caseNumber: z.string().nullable(),
    escalatedAt: dateTime.nullable(),
  })
  .meta({ id: 'SensingAlarm' });

const factor = z.object({
  hazard: z.enum(['rain', 'water', 'wind']),
  level: z.number().int(),
  reason: z.string(),
});
export const warningSchema = z
  .object({
    townshipCode: z.string(),
    name: z.string().nullable(),
    level: z.number().int().describe('0 none, 4 蓝, 3 黄, 2 橙, 1 红'),
    factors: z.array(factor),
    updatedAt: dateTime,
  })
  .meta({ id: 'SensingWarning' });
export const bulletinSchema = z
  .object({
    id: uuid,
    issuedAt: dateTime,
    highestLevel: z.number().int(),
    textZh: z.string(),
    textEn: z.string(),
  })
  .meta({ id: 'SensingBulletin' });

type AlarmListRow = Awaited<ReturnType<Modules['sensing']['alarms']['list']>>[number];
export const alarmOut = (r: AlarmListRow) => ({
  ...r.alarm,
  originatorType: r.alarm.originatorType as 'device' | 'station',
  severity: r.alarm.severity as (typeof SEVERITIES)[number],
  status: r.alarm.status as 'active' | 'cleared',
  stationCode: r.stationCode,
  stationName: r.stationName,
  stationNameEn: r.stationNameEn,
});
