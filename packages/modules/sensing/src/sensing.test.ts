import { systemActor } from '@zhizhi/kernel/access';
import { rows } from '@zhizhi/kernel/db';
import { createTestKernel } from '@zhizhi/kernel/testing';
import { createGovernance, type Governance } from '@zhizhi/governance';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSensing, type Sensing } from './create-sensing';
import type { StationSeed } from './registry/types';

const XIKOU = '330213100000';
const JINPING = '330213001000';
const region = {
  districtCode: '330213000000',
  contains: (p: { lng: number; lat: number }) =>
    p.lng > 121.1 && p.lng < 121.6 && p.lat > 29.5 && p.lat < 29.8,
  townOf: (p: { lng: number; lat: number }) =>
    p.lng < 121.35 ? { code: XIKOU, name: '溪口镇' } : { code: JINPING, name: '锦屏街道' },
};

const reservoir: StationSeed = {
  code: 'T-SK-TX',
  nameZh: '亭下水库',
  nameEn: 'Tingxia Reservoir',
  kind: 'reservoir',
  lng: 121.21,
  lat: 29.68,
  divisionCode: XIKOU,
  departmentCode: 'slj',
  attributes: { flood_limit_level: 78.0, warning_level: 80.0, guarantee_level: 83.5 },
  devices: [
    { code: 'T-SK-TX-Z', name: '坝前水位计', protocol: 'json', metrics: ['water_level'] },
    { code: 'T-SK-TX-P', name: '坝址雨量计', protocol: 'json', metrics: ['rain_1h'] },
  ],
  rules: [
    {
      code: 'T-SK-TX.warning',
      nameZh: '超警戒水位',
      nameEn: 'Above warning level',
      alarmType: 'water_level.over_warning',
      severity: 'major',
      kind: 'threshold',
      metric: 'water_level',
      op: '>',
      value: 'warning_level',
      hysteresis: 0.1,
      durationSeconds: 600,
    },
    {
      code: 'T-SK-TX.rising',
      nameZh: '水位快速上涨',
      nameEn: 'Rising fast',
      alarmType: 'water_level.rising',
      severity: 'minor',
      kind: 'rate',
      metric: 'water_level',
      ratePerHour: 0.5,
    },
    {
      code: 'T-SK-TX.combined',
      nameZh: '高水位叠加强降雨',
      nameEn: 'High water and heavy rain',
      alarmType: 'combined.flood_risk',
      severity: 'critical',
      kind: 'expression',
      expression: 'm.water_level > attr.flood_limit_level && m.rain_1h > 20.0',
    },
    {
      code: 'T-SK-TX.offline',
      nameZh: '设备离线',
      nameEn: 'Device offline',
      alarmType: 'device.offline',
      severity: 'warning',
      kind: 'nodata',
      minutes: 30,
    },
  ],
};

const T0 = Date.UTC(2026, 2, 2, 0, 0, 0); // 2026-03-02 08:00 Beijing
const MIN = 60_000;

describe('sensing', () => {
  let t: Awaited<ReturnType<typeof createTestKernel>>;
  let governance: Governance;
  let sensing: Sensing;
  let zToken: string;
  let pToken: string;

  const settle = async () => {
    await sensing.writer.drain();
    await sensing.engine.settle();
    for (let i = 0; i < 4; i++) await t.kernel.events.dispatch();
  };
  const post = (token: string, body: unknown) => sensing.ingest.httpTelemetry(token, body);

  beforeAll(async () => {
    t = await createTestKernel();
    await t.kernel.org.createDepartment(systemActor, {
      code: 'slj',
      name: '区水利局',
      nameEn: 'Water Resources Bureau',
      divisionCode: '330213000000',
      kind: 'bureau',
    });
    governance = createGovernance(t.kernel, {
      region,
      open311: { jurisdictionId: 'test', baseUrl: 'http://x/open311/v2', contact: 'x', zipcode: '315500' },
    });
    await governance.start();
    sensing = createSensing(t.kernel, { alarms: { escalateAfterMinutes: 30 } });
    await sensing.start();
    await sensing.registry.seed(
      systemActor,
      [
        { code: 'water_level', nameZh: '水位', nameEn: 'Water level', unit: 'm', retentionDays: 400 },
        { code: 'rain_1h', nameZh: '1小时降雨量', nameEn: 'Hourly rain', unit: 'mm', retentionDays: 30 },
      ],
      [reservoir],
    );
    await sensing.engine.reload();
    const devices = await sensing.registry.listDevices(systemActor);
    zToken = devices.find((d) => d.code === 'T-SK-TX-Z')!.token;
    pToken = devices.find((d) => d.code === 'T-SK-TX-P')!.token;
  });
  afterAll(async () => {
    await sensing.stop();
    await t.close();
  });

  it('takes the three ThingsBoard payload shapes, ignores repeats and accepts late readings', async () => {
    const a = await post(zToken, { ts: T0, values: { water_level: 76.5 } });
    expect(a).toMatchObject({ stored: 1, duplicates: 0 });
    const b = await post(zToken, [
      { ts: T0 + MIN, values: { water_level: 76.6 } },
      { ts: T0 + 2 * MIN, values: { water_level: 76.7 } },
      { ts: T0, values: { water_level: 99 } }, // a repeat of the first: ignored, not overwritten
    ]);
    expect(b).toMatchObject({ stored: 2, duplicates: 1 });
    const flat = await post(pToken, { rain_1h: '3.5', battery: true });
    expect(flat.stored).toBe(2);
    const late = await post(zToken, { ts: T0 - 30 * MIN, values: { water_level: 76.0 } });
    expect(late.stored).toBe(1);
    const stored = await rows<{ v: number }>(
      t.kernel.db,
      sql`select value as v from sensing_reading r join sensing_series s on s.id = r.series_id
           where s.metric = 'water_level' and r.ts = ${new Date(T0)}`,
    );
    expect(stored).toEqual([{ v: 76.5 }]);
  });

  it('rejects malformed payloads with a reason, counts them per device, and keeps ingesting', async () => {
    await expect(post(zToken, { water_level: 'high' })).rejects.toMatchObject({
      code: 'sensing.payload.empty',
    });
    await expect(post(zToken, 'not an object')).rejects.toMatchObject({ code: 'sensing.payload.empty' });
    await expect(post(zToken, { ts: 1, values: { water_level: 1 } })).rejects.toMatchObject({
      code: 'sensing.payload.empty',
    });
    await expect(post('no-such-token', { water_level: 1 })).rejects.toMatchObject({
      code: 'sensing.device.unknown_token',
    });
    const mixed = await post(zToken, { ts: T0 + 3 * MIN, values: { water_level: 76.8, 'bad key!': 1 } });
    expect(mixed.stored).toBe(1);
    expect(mixed.dropped[0]).toContain('bad key');
    await sensing.ingest.flushRejects();
    const [device] = await rows<{ n: number; reason: string }>(
      t.kernel.db,
      sql`select rejected_count as n, last_reject_reason as reason from sensing_device where code = 'T-SK-TX-Z'`,
    );
    expect(device!.n).toBe(4);
    expect(device!.reason).toContain('bad key');
  });

  it('keeps 1-minute and 1-hour rollups equal to the raw readings, counting new readings only', async () => {
    const base = T0 + 2 * 3_600_000;
    const values = Array.from({ length: 120 }, (_, i) => ({
      ts: base + i * 30_000,
      values: { water_level: 77 + (i % 7) * 0.01 },
    }));
    await post(zToken, values);
    await post(zToken, values.slice(0, 40)); // repeats must not count twice
    await settle();
    const check = await rows<{
      raw_n: number;
      raw_sum: number;
      m_n: number;
      m_sum: number;
      h_n: number;
      h_sum: number;
    }>(
      t.kernel.db,
      sql`select
            (select count(*)::int from sensing_reading r join sensing_series s on s.id = r.series_id
              where s.metric = 'water_level' and r.ts >= ${new Date(base)} and r.ts < ${new Date(base + 3_600_000)}) as raw_n,
            (select sum(value) from sensing_reading r join sensing_series s on s.id = r.series_id
              where s.metric = 'water_level' and r.ts >= ${new Date(base)} and r.ts < ${new Date(base + 3_600_000)}) as raw_sum,
            (select sum(count)::int from sensing_rollup_1m r join sensing_series s on s.id = r.series_id
              where s.metric = 'water_level' and r.bucket >= ${new Date(base)} and r.bucket < ${new Date(base + 3_600_000)}) as m_n,
            (select sum(sum) from sensing_rollup_1m r join sensing_series s on s.id = r.series_id
              where s.metric = 'water_level' and r.bucket >= ${new Date(base)} and r.bucket < ${new Date(base + 3_600_000)}) as m_sum,
            (select count from sensing_rollup_1h r join sensing_series s on s.id = r.series_id
              where s.metric = 'water_level' and r.bucket = ${new Date(base)}) as h_n,
            (select sum from sensing_rollup_1h r join sensing_series s on s.id = r.series_id
              where s.metric = 'water_level' and r.bucket = ${new Date(base)}) as h_sum`,
    );
    expect(check[0]!.raw_n).toBe(120);
    expect(check[0]!.m_n).toBe(120);
    expect(check[0]!.h_n).toBe(120);
    expect(check[0]!.m_sum).toBeCloseTo(check[0]!.raw_sum, 6);
    expect(check[0]!.h_sum).toBeCloseTo(check[0]!.raw_sum, 6);
    const series = await sensing.queries.series(systemActor, 'T-SK-TX', {
      metric: 'water_level',
      from: new Date(base),
      to: new Date(base + 3_600_000),
      resolution: '1m',
    });
    expect(series.points).toHaveLength(60);
    expect(series.points[0]![2]).toBeLessThanOrEqual(series.points[0]![1]);
  });

  it('raises an alarm only after 警戒水位 is exceeded for 10 minutes, opens a case for 水利局, and the clear goes on the case', async () => {
    const base = T0 + 5 * 3_600_000;
    // Five minutes over: not yet.
    await post(
      zToken,
      Array.from({ length: 6 }, (_, i) => ({ ts: base + i * MIN, values: { water_level: 80.2 } })),
    );
    await settle();
    let active = await sensing.alarms.list(systemActor, { status: 'active' });
    expect(active.filter((a) => a.alarm.type === 'water_level.over_warning')).toHaveLength(0);
    // Eleven minutes over: raised, once.
    await post(
      zToken,
      Array.from({ length: 6 }, (_, i) => ({ ts: base + (6 + i) * MIN, values: { water_level: 80.3 } })),
    );
    await settle();
    active = await sensing.alarms.list(systemActor, { status: 'active' });
    const alarm = active.find((a) => a.alarm.type === 'water_level.over_warning')!.alarm;
    expect(alarm).toMatchObject({ severity: 'major', townshipCode: XIKOU, acknowledged: false });
    expect(alarm.caseNumber).toMatch(/^\w+\d+/);
    const [kase] = await rows<{ state: string; department: string; title: string }>(
      t.kernel.db,
      sql`select c.state, d.code as department, c.title from cases_case c join org_department d on d.id = c.department_id
           where c.id = ${alarm.caseId}`,
    );
    expect(kase).toMatchObject({ state: 'dispatched', department: 'slj' });
    // In the hysteresis band (80 − 0.1 < v ≤ 80): still active.
    await post(zToken, { ts: base + 13 * MIN, values: { water_level: 79.95 } });
    await settle();
    expect(
      (await sensing.alarms.list(systemActor, { status: 'active' })).some((a) => a.alarm.id === alarm.id),
    ).toBe(true);
    // Back below: cleared, and the case says so.
    await post(zToken, { ts: base + 14 * MIN, values: { water_level: 79.5 } });
    await settle();
    const cleared = (await sensing.alarms.list(systemActor, { status: 'cleared' })).find(
      (a) => a.alarm.id === alarm.id,
    );
    expect(cleared?.alarm.clearedBy).toBe('rule');
    const notes = await rows<{ note: string }>(
      t.kernel.db,
      sql`select note from cases_history where case_id = ${alarm.caseId} and transition = 'system_note'`,
    );
    expect(notes.map((n) => n.note).join()).toContain('告警已自动解除');
  });

  it('re-triggers update the one active alarm of an originator and type; acknowledging is recorded on the case', async () => {
    const base = T0 + 8 * 3_600_000;
    await post(
      zToken,
      Array.from({ length: 25 }, (_, i) => ({
        ts: base + i * MIN,
        values: { water_level: 80.5 + i * 0.001 },
      })),
    );
    await settle();
    const active = (await sensing.alarms.list(systemActor, { status: 'active' })).filter(
      (a) => a.alarm.type === 'water_level.over_warning',
    );
    expect(active).toHaveLength(1);
    expect(active[0]!.alarm.triggerCount).toBeGreaterThan(1);
    await sensing.alarms.acknowledge(systemActor, active[0]!.alarm.id);
    await sensing.alarms.acknowledge(systemActor, active[0]!.alarm.id); // idempotent
    await settle();
    const notes = await rows<{ n: number }>(
      t.kernel.db,
      sql`select count(*)::int as n from cases_history where case_id = ${active[0]!.alarm.caseId} and note like '%确认%'`,
    );
    expect(notes[0]!.n).toBe(1);
  });

  it('raises on rate of rise and on a CEL expression over several metrics', async () => {
    const base = T0 + 12 * 3_600_000;
    // 78.0 → 79.0 in 60 minutes: 1 m/h > 0.5 m/h.
    await post(
      zToken,
      Array.from({ length: 61 }, (_, i) => ({ ts: base + i * MIN, values: { water_level: 78 + i / 60 } })),
    );
    // The rain gauge last reported at server time (the flat payload above), so this one is newer.
    await post(pToken, { ts: Date.now() + 1000, values: { rain_1h: 25 } });
    await settle();
    const types = (await sensing.alarms.list(systemActor, { status: 'active' })).map((a) => a.alarm.type);
    expect(types).toContain('water_level.rising');
    expect(types).toContain('combined.flood_risk');
    const combined = (await sensing.alarms.list(systemActor, { status: 'active' })).find(
      (a) => a.alarm.type === 'combined.flood_risk',
    )!;
    expect(combined.alarm.originatorType).toBe('station');
    expect(combined.alarm.caseId).not.toBeNull(); // critical ≥ major: a case
  });

  it('escalates an alarm nobody acknowledged, and marks devices silent for 30 minutes offline', async () => {
    const [rising] = (await sensing.alarms.list(systemActor, { status: 'active' })).filter(
      (a) => a.alarm.type === 'water_level.rising',
    );
    await t.kernel.transaction((tx) => sensing.alarms.escalate(tx, rising!.alarm.id));
    await settle();
    const [after] = (await sensing.alarms.list(systemActor, { status: 'active' })).filter(
      (a) => a.alarm.id === rising!.alarm.id,
    );
    expect(after!.alarm.severity).toBe('major'); // minor → major
    expect(after!.alarm.escalatedAt).not.toBeNull();
    expect(after!.alarm.caseId).not.toBeNull(); // now at the case severity

    // As the periodic job runs it: inside its transaction, one connection. On PostgreSQL, `pg` warns
    // (and will refuse) when a query is sent to a client still running another one.
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    await t.kernel.transaction((tx) => sensing.engine.checkNoData(Date.now() + 31 * MIN, tx));
    await settle();
    await new Promise((r) => setImmediate(r));
    process.off('warning', onWarning);
    expect(warnings.filter((m) => m.includes('already executing a query'))).toEqual([]);
    const offline = (await sensing.alarms.list(systemActor, { status: 'active' })).filter(
      (a) => a.alarm.type === 'device.offline',
    );
    expect(offline.length).toBe(2);
    expect(offline[0]!.alarm.caseId).toBeNull(); // below the case severity
    await sensing.engine.checkNoData(Date.now());
    await settle();
    expect(
      (await sensing.alarms.list(systemActor, { status: 'active' })).filter(
        (a) => a.alarm.type === 'device.offline',
      ),
    ).toHaveLength(0);
  });

  it('runs its periodic jobs through the job runner: the township warning is refreshed and a bulletin issued', async () => {
    await post(zToken, { ts: Date.now() + 2000, values: { water_level: 80.6 } }); // over 警戒水位 80
    await settle();
    t.clock.advance(2 * MIN);
    await t.kernel.jobs.runDue(); // no-data check, warning refresh: inside the jobs' transactions
    const xikou = (await sensing.warnings.current()).find((w) => w.townshipCode === XIKOU);
    expect(xikou?.level).toBe(2); // orange: above 警戒水位
    expect(xikou?.name).toBe('溪口镇');
    const [latest] = await sensing.warnings.bulletins();
    expect(latest!.textZh).toContain('溪口镇橙色预警');
    expect(latest!.highestLevel).toBe(2);
  });

  it('keeps monthly partitions and a default one, and sweeps readings past retention', async () => {
    const parts = (await sensing.storage.partitions()).map((p) => p.name);
    expect(parts).toContain('sensing_reading_default');
    expect(parts).toContain('sensing_reading_202603');
    // rain_1h keeps 30 days: a reading from two months ago goes, water_level (400 days) stays.
    const old = Date.now() - 60 * 86_400_000;
    await post(pToken, { ts: old, values: { rain_1h: 1 } });
    await post(zToken, { ts: old, values: { water_level: 70 } });
    const deleted = await sensing.storage.sweepRetention();
    expect(deleted).toBeGreaterThanOrEqual(1);
    const left = await rows<{ metric: string }>(
      t.kernel.db,
      sql`select s.metric from sensing_reading r join sensing_series s on s.id = r.series_id where r.ts = ${new Date(Math.round(old))}`,
    );
    expect(left.map((l) => l.metric)).toEqual(['water_level']);
  });
});
