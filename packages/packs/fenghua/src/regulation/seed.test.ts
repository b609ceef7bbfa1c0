import { loadavg } from 'node:os';
import { createKernel, startKernel, systemActor } from '@zhizhi/kernel';
import { validateUscc } from '@zhizhi/kernel/identity';
import { createTestDatabase } from '@zhizhi/kernel/testing';
import {
  createRegulation,
  type Regulation,
  regulationInspection,
  regulationRatingCurrent,
  regulationRecord,
  regulationSubject,
  SHOP_CODE_KIND,
  verifyDrawProof,
} from '@zhizhi/regulation';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidUscc } from '../check-digits';
import { insideFenghua } from '../geo';
import { seedFenghua } from '../seed';
import { fenghuaInspectionItems } from './roster-data';
import { type RegulationDemoResult, seedRegulationDemo } from './seed';
import { DEMO_SHOP_NAME, demoSubjects } from './subjects-data';

describe('the regulation demo', () => {
  let kernel: ReturnType<typeof createKernel>;
  let regulation: Regulation;
  let first: RegulationDemoResult;
  let ms = 0;
  beforeAll(async () => {
    kernel = createKernel({ database: await createTestDatabase() });
    regulation = createRegulation(kernel, { districtCode: '330213000000' });
    await startKernel(kernel, { migrate: false });
    await regulation.start();
    await seedFenghua(kernel, { dataCatalog: false });
    const started = performance.now();
    first = await seedRegulationDemo(kernel, { regulation });
    ms = performance.now() - started;
    console.log(`regulation demo seeded in ${Math.round(ms)} ms (load ${loadavg()[0]!.toFixed(1)})`);
  }, 120_000);
  afterAll(() => kernel.database.close());

  it('registers about 240 subjects with valid credit codes, in their townships', async () => {
    const rows = await kernel.db.select().from(regulationSubject);
    expect(rows.length).toBeGreaterThanOrEqual(230);
    expect(first.subjects).toBe(rows.length);
    for (const row of rows) {
      expect(isValidUscc(row.uscc)).toBe(true);
      expect(validateUscc(row.uscc).ok).toBe(true);
      expect(row.uscc.slice(2, 8)).toBe('330213');
      expect(row.divisionCode.startsWith('330213')).toBe(true);
      expect(insideFenghua({ lng: row.lng!, lat: row.lat! })).toBe(true);
    }
    const byCategory = (c: string) => rows.filter((r) => r.uscc.startsWith(c)).length;
    expect(byCategory('92')).toBeGreaterThan(100);
    expect(byCategory('91')).toBeGreaterThan(50);
    expect(byCategory('93')).toBeGreaterThanOrEqual(5);
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
    expect(rows.some((r) => r.licences.some((l) => l.validTo && l.validTo < '2026-03-01'))).toBe(true);
  });

  it('keeps about 600 demo records and rates all four classes in about 60/25/10/5', async () => {
    const records = await kernel.db
      .select()
      .from(regulationRecord)
      .where(eq(regulationRecord.origin, 'demo'));
    expect(records.length).toBeGreaterThan(500);
    expect(first.records).toBe(records.length);
    const ratings = await kernel.db
      .select()
      .from(regulationRatingCurrent)
      .where(eq(regulationRatingCurrent.ruleSetCode, 'general'));
    const share = (k: string) => ratings.filter((r) => r.creditClass === k).length / ratings.length;
    console.log(
      'classes',
      ['A', 'B', 'C', 'D'].map((k) => `${k} ${(share(k) * 100).toFixed(1)}%`),
    );
    expect(share('A')).toBeGreaterThan(0.5);
    expect(share('B')).toBeGreaterThan(0.18);
    expect(share('C')).toBeGreaterThan(0.05);
    expect(share('D')).toBeGreaterThan(0.02);
  });

  it('installs the item list and the roster, two inspectors linked to demo staff', async () => {
    const items = await regulation.roster.listItems();
    expect(items.map((i) => i.code).sort()).toEqual(fenghuaInspectionItems.map((i) => i.code).sort());
    for (const item of items) expect(item.checklist.length).toBeGreaterThanOrEqual(4);
    const roster = await regulation.roster.listInspectors();
    expect(roster.length).toBeGreaterThanOrEqual(20);
    expect(roster.filter((i) => i.accountId).length).toBe(2);
    expect(roster.some((i) => i.conflicts.length)).toBe(true);
  });

  it('draws one plan whose proof verifies and commits another', async () => {
    const plans = await regulation.plans.listPublic();
    const drawn = plans.find((p) => p.status === 'drawn')!;
    expect(drawn.visits).toBeGreaterThan(0);
    expect(plans.some((p) => p.status === 'committed')).toBe(true);
    const check = verifyDrawProof(await regulation.plans.proof(drawn.id));
    expect(check.ok).toBe(true);
    const published = await regulation.inspections.published({});
    expect(published.length).toBeGreaterThanOrEqual(2);
    expect(published.some((p) => p.result === 'fail' && p.rectified)).toBe(true);
  });

  it('issues 众安码 and leaves the demo shop a rectification order and a portal account', async () => {
    const [shop] = await kernel.db
      .select()
      .from(regulationSubject)
      .where(eq(regulationSubject.name, DEMO_SHOP_NAME));
    expect(await kernel.codes.get(SHOP_CODE_KIND, shop!.id)).not.toBeNull();
    const open = await kernel.db
      .select()
      .from(regulationInspection)
      .where(
        and(eq(regulationInspection.subjectId, shop!.id), eq(regulationInspection.status, 'rectifying')),
      );
    expect(open).toHaveLength(1);
    expect(first.credentials).toEqual([
      expect.objectContaining({ username: shop!.uscc, roles: ['applicant'] }),
    ]);
    const { token } = await kernel.applicants.login(shop!.uscc, first.credentials[0]!.password);
    expect(token).toBeTruthy();
  });

  it('is the same data for the same day, and seeds once', async () => {
    expect(demoSubjects('2026-03-02')).toEqual(demoSubjects('2026-03-02'));
    const again = await seedRegulationDemo(kernel, { regulation });
    expect(again).toEqual({ subjects: 0, records: 0, credentials: [] });
    const again2 = await seedFenghua(kernel, { dataCatalog: false, regulation });
    expect(again2.credentials).toEqual([]);
    expect((await regulation.subjects.search(systemActor, {})).total).toBe(first.subjects);
  });
});
