import { Writable } from 'node:stream';
import { dataAccessLog, dataRow, maskModeFor, maskValue, type PersonalKind } from '@zhizhi/data';
import { systemActor } from '@zhizhi/kernel';
import fc from 'fast-check';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing';

/**
 * Nothing outside an approval ever leaves: for random resources, approvals and queries, no
 * gateway response, error, access-log row or log line carries a value the approval does not
 * release (an unapproved item's value, or the raw value of an item the grant masks).
 */
const MATTER = '许可-00001-001';
const KINDS: (PersonalKind | null)[] = [
  null,
  'id_number',
  'name',
  'phone',
  'address',
  'bank_account',
  'other',
];
const CODES = ['aa', 'bb', 'cc', 'dd', 'ee', 'ff'];

const itemArb = fc
  .record({
    grade: fc.constantFrom('L1', 'L2', 'L3', 'L4' as const),
    personalKind: fc.constantFrom(...KINDS),
  })
  .map((i) => ({ ...i, grade: i.personalKind && i.grade === 'L1' ? ('L2' as const) : i.grade }));

/** A value no other value contains: a random token in the shape of its kind. */
const token = (kind: PersonalKind | null) =>
  kind === 'id_number'
    ? fc.stringMatching(/^3302\d{13}[0-9X]$/)
    : kind === 'phone'
      ? fc.stringMatching(/^1[3-9]\d{9}$/)
      : kind === 'name'
        ? fc.stringMatching(/^[张王李赵][\u4e00-\u9fa5]{3}[A-Z]{4}$/)
        : fc.stringMatching(/^Q[a-z0-9]{11}$/);

const scenarioArb = fc.array(itemArb, { minLength: 2, maxLength: 6 }).chain((items) => {
  const withCodes = items.map((item, i) => ({ ...item, code: CODES[i] }));
  const row = fc.tuple(...withCodes.map((i) => token(i.personalKind)));
  return fc.record({
    items: fc.constant(withCodes),
    rows: fc.uniqueArray(row, { minLength: 1, maxLength: 8, selector: (r) => r.join('|') }),
    approved: fc.subarray(
      withCodes.map((i) => i.code),
      { minLength: 1 },
    ),
    rowFilterItem: fc.option(fc.nat(withCodes.length - 1), { nil: null }),
    rowFilterRow: fc.nat(7),
    queries: fc.array(
      fc.record({
        fields: fc.option(fc.subarray([...CODES.slice(0, withCodes.length), 'zz'], { minLength: 1 }), {
          nil: null,
        }),
        filter: fc.option(
          fc.record({ item: fc.nat(withCodes.length), row: fc.nat(7), random: fc.boolean() }),
          {
            nil: null,
          },
        ),
        limit: fc.integer({ min: 1, max: 10 }),
        offset: fc.integer({ min: 0, max: 4 }),
        key: fc.constantFrom('good', 'good', 'good', 'good', 'wrong', 'malformed', 'none'),
        matter: fc.constantFrom('right', 'right', 'right', 'wrong'),
      }),
      { minLength: 1, maxLength: 5 },
    ),
  });
});

describe('sharing gateway property: nothing outside an approval ever leaves', () => {
  const lines: string[] = [];
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    t = await createTestApp({ logger: pino({ level: 'info' }, sink), rateLimitPerMinute: 1_000_000 });
  });
  afterAll(() => t.close());

  it('holds for random resources, approvals and queries', async () => {
    const { catalog } = t.modules.data;
    const { requests, grants } = t.modules.data.sharing;
    const xikou = t.departments.xikou.id;
    const forbiddenAll: string[] = [];
    let run = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        run++;
        const { id: resourceId, code } = await catalog.registerResource(systemActor, {
          classificationCode: '301012001',
          name: `随机共享资源${run}`,
          providerDepartmentId: t.departments.rsj.id,
          abstract: '性质测试生成的共享资源，不含真实数据。',
          format: '数据库',
          updateCycle: '每日',
          sharingType: 'conditional',
          sharingCondition: '性质测试',
          openingType: 'closed',
          items: s.items.map((i) => ({
            code: i.code,
            name: `信息项${i.code}`,
            type: 'string',
            grade: i.grade,
            personalKind: i.personalKind,
          })),
        });
        const rows = s.rows.map((values, r) => ({
          key: `r${String(r).padStart(3, '0')}`,
          data: Object.fromEntries(s.items.map((item, i) => [item.code, values[i]])),
        }));
        await t.database.db.insert(dataRow).values(
          rows.map((row) => ({
            resourceId,
            rowKey: row.key,
            data: row.data,
            hash: '0'.repeat(64),
            loadVersion: 1,
          })),
        );
        const filterItem = s.rowFilterItem === null ? null : s.items[s.rowFilterItem];
        const rowFilter = filterItem
          ? { [filterItem.code]: rows[s.rowFilterRow % rows.length].data[filterItem.code] }
          : {};
        const request = await requests.request(systemActor, {
          resourceId,
          consumerDepartmentId: xikou,
          items: s.items.map((i) => i.code),
          purpose: '性质测试用途',
          legalBasis: '性质测试依据',
          matterCode: MATTER,
          durationDays: 30,
        });
        const { grantId } = await requests.approve(systemActor, request.id, {
          items: s.approved,
          rowFilter,
          expiresInDays: 30,
          ratePerMinute: 100_000,
          quotaPerDay: 1_000_000,
        });
        const { key } = await grants.issueKey(systemActor, grantId);

        // What may leave: approved items' values as masked; nothing else (values are unique tokens).
        const released = new Set<string>();
        const forbidden: string[] = [];
        const modeOf = new Map(s.items.map((i) => [i.code, maskModeFor(i)]));
        for (const row of rows)
          for (const item of s.items) {
            const value = row.data[item.code];
            const out = maskValue(value, modeOf.get(item.code)!, item.personalKind);
            if (s.approved.includes(item.code) && out === value) released.add(value);
            else forbidden.push(value);
          }
        const leaks = forbidden.filter((v) => !released.has(v));
        forbiddenAll.push(...leaks);

        for (const q of s.queries) {
          const params = new URLSearchParams();
          if (q.fields) params.set('fields', q.fields.join(','));
          if (q.filter) {
            const item = s.items[q.filter.item] ?? { code: 'zz' };
            const value = q.filter.random
              ? 'Qnomatch0000'
              : (rows[q.filter.row % rows.length].data[item.code] ?? 'Qx');
            params.set(`filter[${item.code}]`, value);
          }
          params.set('limit', String(q.limit));
          params.set('offset', String(q.offset));
          const headers: Record<string, string> = {
            'x-matter-code': encodeURIComponent(q.matter === 'right' ? MATTER : '许可-09999-001'),
            'x-accessor': 'prop-tester',
          };
          if (q.key === 'good') headers.authorization = `Bearer ${key}`;
          if (q.key === 'wrong') headers.authorization = `Bearer zzs_${'B'.repeat(32)}`;
          if (q.key === 'malformed') headers.authorization = 'Bearer zz_nope';
          const response = await t.app.inject({
            url: `/api/share/v1/resources/${code.replace('/', '-')}/rows?${params}`,
            headers,
          });
          const text = response.body;
          for (const value of leaks) expect(text).not.toContain(value);
          if (response.statusCode !== 200) continue;
          // A granted answer is exactly the policy: approved fields, row filter and filter applied, masked.
          const fields = q.fields ?? s.approved;
          expect(fields.every((f) => s.approved.includes(f))).toBe(true);
          const matching = rows.filter(
            (row) =>
              Object.entries(rowFilter).every(([c, v]) => row.data[c] === v) &&
              (!q.filter ||
                [...params.entries()].every(
                  ([k, v]) => !k.startsWith('filter[') || row.data[k.slice(7, -1)] === v,
                )),
          );
          const expected = matching
            .slice(q.offset, q.offset + q.limit)
            .map((row) =>
              Object.fromEntries(
                fields.map((f) => [
                  f,
                  maskValue(row.data[f], modeOf.get(f)!, s.items.find((i) => i.code === f)!.personalKind),
                ]),
              ),
            );
          expect(response.json().rows).toEqual(expected);
        }
      }),
      { numRuns: 50, seed: Number(process.env.FC_SEED ?? Date.now() % 100_000) },
    );
    await t.modules.data.sharing.meter.idle();
    const log = JSON.stringify(await t.database.db.select().from(dataAccessLog));
    const logLines = lines.join('\n');
    expect(lines.length).toBeGreaterThan(50);
    for (const value of forbiddenAll) {
      expect(log).not.toContain(value);
      expect(logLines).not.toContain(value);
    }
  }, 120_000);
});
