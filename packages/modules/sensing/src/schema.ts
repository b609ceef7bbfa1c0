import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import type { RuleParams } from './alarms/rule-types';
import type { StationKind } from './registry/types';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A metric devices report (水位, 1小时降雨量, PM10 …), with its unit and raw-data retention. */
export const sensingMetric = pgTable('sensing_metric', {
  code: varchar('code', { length: 64 }).primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  unit: varchar('unit', { length: 16 }).notNull(),
  /** Raw readings older than this are deleted; rollups stay. */
  retentionDays: integer('retention_days').notNull().default(400),
});

/** A monitoring point (监测站点): a reservoir, river section, rain gauge, air station, site … */
export const sensingStation = pgTable(
  'sensing_station',
  {
    id: uuid('id').primaryKey(),
    code: varchar('code', { length: 64 }).notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    kind: varchar('kind', { length: 32 }).$type<StationKind>().notNull(),
    /** GCJ-02, like the region's map. */
    lng: doublePrecision('lng').notNull(),
    lat: doublePrecision('lat').notNull(),
    divisionCode: varchar('division_code', { length: 12 }).notNull(),
    /** The township (9-digit prefix + 000) alarms propagate to. */
    townshipCode: varchar('township_code', { length: 12 }).notNull(),
    /** The owner department: alarms become its cases. */
    departmentId: uuid('department_id').notNull(),
    /** e.g. 汛限水位 `flood_limit_level`, 警戒水位 `warning_level`, 保证水位 `guarantee_level`. */
    attributes: jsonb('attributes').$type<Record<string, number | string>>().notNull().default({}),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('sensing_station_code').on(t.code),
    index('sensing_station_township').on(t.townshipCode),
  ],
);

/** A device on a station, with its access token (ThingsBoard-style). */
export const sensingDevice = pgTable(
  'sensing_device',
  {
    id: uuid('id').primaryKey(),
    code: varchar('code', { length: 64 }).notNull(),
    name: text('name').notNull(),
    stationId: uuid('station_id').notNull(),
    /** json (ThingsBoard) | hj212 | sl651 | gateway */
    protocol: varchar('protocol', { length: 16 }).notNull(),
    /** HJ 212 `MN` or SL 651 station address. */
    protocolAddress: varchar('protocol_address', { length: 32 }),
    /** The credential devices send (MQTT username, HTTP path). */
    token: varchar('token', { length: 64 }).notNull(),
    /** The gateway a device was connected through (v1/gateway/connect). */
    gatewayId: uuid('gateway_id'),
    metrics: jsonb('metrics').$type<string[]>().notNull().default([]),
    active: boolean('active').notNull().default(true),
    lastSeenAt: ts('last_seen_at'),
    /** Malformed payloads rejected, with the last reason. */
    rejectedCount: bigint('rejected_count', { mode: 'number' }).notNull().default(0),
    lastRejectReason: text('last_reject_reason'),
    lastRejectAt: ts('last_reject_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('sensing_device_code').on(t.code),
    uniqueIndex('sensing_device_token').on(t.token),
    uniqueIndex('sensing_device_address')
      .on(t.protocol, t.protocolAddress)
      .where(sql`protocol_address is not null`),
    index('sensing_device_station').on(t.stationId),
  ],
);

/** One series = one metric of one device; readings carry the small series id, not two keys. */
export const sensingSeries = pgTable(
  'sensing_series',
  {
    id: serial('id').primaryKey(),
    deviceId: uuid('device_id').notNull(),
    metric: varchar('metric', { length: 64 }).notNull(),
    /** Latest reading (by timestamp), for the station map and CEL rules. */
    lastTs: ts('last_ts'),
    lastValue: doublePrecision('last_value'),
  },
  (t) => [uniqueIndex('sensing_series_device_metric').on(t.deviceId, t.metric)],
);

/**
 * Raw readings. The migration makes this table PARTITION BY RANGE (ts) (monthly partitions and a
 * default one) on both PostgreSQL and PGlite; the primary key makes a repeated reading a no-op.
 */
export const sensingReading = pgTable(
  'sensing_reading',
  {
    seriesId: integer('series_id').notNull(),
    ts: ts('ts').notNull(),
    value: doublePrecision('value').notNull(),
  },
  (t) => [primaryKey({ name: 'sensing_reading_pk', columns: [t.seriesId, t.ts] })],
);

const rollupColumns = {
  seriesId: integer('series_id').notNull(),
  bucket: ts('bucket').notNull(),
  count: integer('count').notNull(),
  sum: doublePrecision('sum').notNull(),
  min: doublePrecision('min').notNull(),
  max: doublePrecision('max').notNull(),
  lastTs: ts('last_ts').notNull(),
  last: doublePrecision('last').notNull(),
};

/** 1-minute rollups, maintained in the same transaction as the readings they sum. */
export const sensingRollup1m = pgTable('sensing_rollup_1m', rollupColumns, (t) => [
  primaryKey({ name: 'sensing_rollup_1m_pk', columns: [t.seriesId, t.bucket] }),
]);

/** 1-hour rollups, likewise. */
export const sensingRollup1h = pgTable('sensing_rollup_1h', rollupColumns, (t) => [
  primaryKey({ name: 'sensing_rollup_1h_pk', columns: [t.seriesId, t.bucket] }),
]);

/** An alarm rule on a station (and optionally one metric), as data. */
export const sensingRule = pgTable(
  'sensing_rule',
  {
    id: uuid('id').primaryKey(),
    code: varchar('code', { length: 96 }).notNull(),
    stationId: uuid('station_id').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    alarmType: varchar('alarm_type', { length: 64 }).notNull(),
    severity: varchar('severity', { length: 16 }).notNull(),
    params: jsonb('params').$type<RuleParams>().notNull(),
    active: boolean('active').notNull().default(true),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('sensing_rule_code').on(t.code), index('sensing_rule_station').on(t.stationId)],
);

/**
 * An alarm (ThingsBoard's model): active/cleared × acknowledged, severity, one active alarm per
 * originator and type (a re-trigger updates it), propagated to its station and township.
 */
export const sensingAlarm = pgTable(
  'sensing_alarm',
  {
    id: uuid('id').primaryKey(),
    /** The device (or station, for station-wide rules) that raised it. */
    originatorType: varchar('originator_type', { length: 16 }).notNull(),
    originatorId: uuid('originator_id').notNull(),
    stationId: uuid('station_id').notNull(),
    townshipCode: varchar('township_code', { length: 12 }).notNull(),
    departmentId: uuid('department_id').notNull(),
    ruleId: uuid('rule_id'),
    type: varchar('type', { length: 64 }).notNull(),
    severity: varchar('severity', { length: 16 }).notNull(),
    /** active | cleared */
    status: varchar('status', { length: 16 }).notNull(),
    acknowledged: boolean('acknowledged').notNull().default(false),
    startTs: ts('start_ts').notNull(),
    /** Last time the condition was seen (re-triggers move it). */
    endTs: ts('end_ts').notNull(),
    ackTs: ts('ack_ts'),
    ackBy: text('ack_by'),
    clearTs: ts('clear_ts'),
    clearedBy: text('cleared_by'),
    /** The value, threshold, metric and message behind it. */
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    /** Number of re-triggers while active. */
    triggerCount: integer('trigger_count').notNull().default(1),
    /** The event case the alarm became, once governance has taken it in. */
    caseId: uuid('case_id'),
    caseNumber: varchar('case_number', { length: 32 }),
    escalatedAt: ts('escalated_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('sensing_alarm_one_active').on(t.originatorId, t.type).where(sql`status = 'active'`),
    index('sensing_alarm_station').on(t.stationId, t.startTs),
    index('sensing_alarm_township').on(t.townshipCode, t.startTs),
    index('sensing_alarm_status').on(t.status, t.startTs),
  ],
);

/** The current multi-hazard warning level per township (0 none, 4 蓝 … 1 红 as in 预警 practice). */
export const sensingWarning = pgTable('sensing_warning', {
  townshipCode: varchar('township_code', { length: 12 }).primaryKey(),
  /** 0 none, then 4 blue, 3 yellow, 2 orange, 1 red (China's warning levels: I is the highest). */
  level: smallint('level').notNull(),
  factors: jsonb('factors')
    .$type<{ hazard: 'rain' | 'water' | 'wind'; level: number; reason: string }[]>()
    .notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/** Issued bulletins (预警发布): one per change of any township's level, public. */
export const sensingBulletin = pgTable(
  'sensing_bulletin',
  {
    id: uuid('id').primaryKey(),
    issuedAt: ts('issued_at').notNull(),
    highestLevel: smallint('highest_level').notNull(),
    /** Township code → { level, factors }. */
    levels: jsonb('levels')
      .$type<
        Record<
          string,
          { level: number; factors: { hazard: 'rain' | 'water' | 'wind'; level: number; reason: string }[] }
        >
      >()
      .notNull(),
    textZh: text('text_zh').notNull(),
    textEn: text('text_en').notNull(),
  },
  (t) => [index('sensing_bulletin_issued').on(t.issuedAt)],
);
