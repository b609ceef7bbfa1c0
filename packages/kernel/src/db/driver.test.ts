import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing';
import type { Database } from './driver';
import { rows } from './raw';
import { orgDivision } from '../org/schema';
import { newId } from '../ids';

describe('database drivers', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('returns int8 and numeric as numbers on both drivers', async () => {
    const [row] = await rows(
      database.db,
      sql`select 9007199254740::int8 as big, 12.5::numeric as num, count(*) as n from org_division`,
    );
    expect(row).toEqual({ big: 9007199254740, num: 12.5, n: 0 });
  });

  it('returns timestamps as Date and dates as YYYY-MM-DD through the query builder', async () => {
    const at = new Date('2026-03-01T08:00:00.123Z');
    await database.db.insert(orgDivision).values({
      id: newId(),
      code: '330213000000',
      name: '奉化区',
      level: 'district',
      kind: '区',
      validFrom: '2016-09-20',
      createdAt: at,
    });
    const [row] = await database.db.select().from(orgDivision);
    expect(row.createdAt).toBeInstanceOf(Date);
    expect(row.createdAt.toISOString()).toBe(at.toISOString());
    expect(row.validFrom).toBe('2016-09-20');
    expect(row.lng).toBeNull();
  });

  it('rolls a failed transaction back', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await tx.insert(orgDivision).values({
          id: newId(),
          code: '330213001000',
          name: '锦屏街道',
          level: 'town',
          kind: '街道',
          validFrom: '2016-09-20',
          createdAt: new Date(),
        });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const [row] = await rows(
      database.db,
      sql`select count(*) as n from org_division where code = '330213001000'`,
    );
    expect(row.n).toBe(0);
  });
});
