import { dataAccessLog, dataRow } from '@zhizhi/data';
import { systemActor } from '@zhizhi/kernel';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing';

const MATTER = '许可-00001-001';
const matterHeader = encodeURIComponent(MATTER);

/** A conditional, closed resource with items of every masking mode. */
const resource = (departmentId: string, over: Record<string, unknown> = {}) => ({
  classificationCode: '301012001',
  name: '社会保险参保人员信息',
  providerDepartmentId: departmentId,
  abstract: '本区职工基本养老保险参保人员的参保登记信息。',
  format: '数据库',
  updateCycle: '每日',
  sharingType: 'conditional',
  sharingCondition: '用于社保待遇资格认证等政务服务事项',
  openingType: 'closed',
  items: [
    { code: 'id_number', name: '公民身份号码', type: 'string', grade: 'L3', personalKind: 'id_number' },
    { code: 'person_name', name: '姓名', type: 'string', grade: 'L3', personalKind: 'name' },
    { code: 'phone', name: '联系电话', type: 'string', grade: 'L2', personalKind: 'phone' },
    { code: 'balance', name: '账户余额', type: 'decimal', grade: 'L4' },
    { code: 'town', name: '所属镇街', type: 'string', grade: 'L1' },
    { code: 'months', name: '缴费月数', type: 'integer', grade: 'L2' },
  ],
  ...over,
});

const PEOPLE = [
  ['330283199001011234', '张三丰', '13912345678', 1000.5, '溪口镇', 120],
  ['33028319850202567X', '李四', '13887654321', 2000, '溪口镇', 60],
  ['330283197003034321', '王五', '13711112222', 300, '锦屏街道', 200],
  ['330283196504045678', '赵六', '13633334444', 50, '溪口镇', 12],
] as const;

describe('data sharing gateway: requests, grants, the shared data API and metering', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let admin: Record<string, string>;
  let provider: Record<string, string>;
  let consumer: Record<string, string>;
  let resourceId = '';
  let resourceCode = '';
  let requestId = '';
  let grantId = '';
  let key = '';

  const inject = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: unknown) =>
    t.app.inject({ method, url, headers, payload: payload as object }).then((r) => ({
      status: r.statusCode,
      body: r.body ? r.json() : null,
      headers: r.headers,
    }));
  const call = (query = '', headers: Record<string, string> = {}, code = resourceCode) =>
    inject('GET', `/api/share/v1/resources/${code.replace('/', '-')}/rows${query}`, {
      authorization: `Bearer ${key}`,
      'x-matter-code': matterHeader,
      'x-accessor': 'staff-001',
      ...headers,
    });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login();
    const staff = async (username: string, departmentId: string) => {
      await t.kernel.staff.createStaff(systemActor, {
        username,
        displayName: username,
        password: 'staff-pass-1',
        departmentId,
        roles: [{ roleCode: 'dept_admin', divisionCode: '330213000000', departmentId }],
        mustChangePassword: false,
      });
      return t.login(username, 'staff-pass-1');
    };
    provider = await staff('rsj-admin', t.departments.rsj.id);
    consumer = await staff('xikou-admin', t.departments.xikou.id);
    const created = await inject('POST', '/api/data/resources', admin, resource(t.departments.rsj.id));
    expect(created.status).toBe(201);
    resourceId = created.body.id;
    resourceCode = created.body.code;
    await t.database.db.insert(dataRow).values(
      PEOPLE.map(([id, name, phone, balance, town, months], i) => ({
        resourceId,
        rowKey: id,
        data: { id_number: id, person_name: name, phone, balance, town, months },
        hash: String(i).padStart(64, '0'),
        loadVersion: 1,
      })),
    );
  });
  afterAll(() => t.close());
  async function relogin() {
    admin = await t.login();
    provider = await t.login('rsj-admin', 'staff-pass-1');
    consumer = await t.login('xikou-admin', 'staff-pass-1');
  }

  const requestBody = (over: Record<string, unknown> = {}) => ({
    resourceId,
    items: ['id_number', 'person_name', 'balance', 'town'],
    purpose: '核验参保人员身份以办理待遇',
    legalBasis: '《社会保险法》第七十四条',
    matterCode: MATTER,
    durationDays: 90,
    ...over,
  });

  it('refuses bad requests: unknown items, bad input, unshareable resources, no permission', async () => {
    const unknown = await inject(
      'POST',
      '/api/data/share/requests',
      consumer,
      requestBody({ items: ['nope'] }),
    );
    expect([unknown.status, unknown.body.code]).toEqual([400, 'data.share.item_unknown']);
    const bad = await inject(
      'POST',
      '/api/data/share/requests',
      consumer,
      requestBody({ matterCode: 'x', durationDays: 0 }),
    );
    expect([bad.status, bad.body.code]).toEqual([400, 'data.share.request_invalid']);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      '/durationDays',
      '/matterCode',
    ]);
    const own = await inject('POST', '/api/data/share/requests', provider, requestBody());
    expect([own.status, own.body.code]).toEqual([400, 'data.share.own_resource']);
    const none = await inject(
      'POST',
      '/api/data/resources',
      admin,
      resource(t.departments.rsj.id, { name: '不予共享的资源', sharingType: 'none', sharingCondition: null }),
    );
    const refused = await inject(
      'POST',
      '/api/data/share/requests',
      consumer,
      requestBody({ resourceId: none.body.id }),
    );
    expect([refused.status, refused.body.code]).toEqual([409, 'data.share.resource_not_shareable']);
    const anonymous = await inject('POST', '/api/data/share/requests', {}, requestBody());
    expect(anonymous.status).toBe(401);
    const missing = await inject(
      'POST',
      '/api/data/share/requests',
      consumer,
      requestBody({ resourceId: '0190a0a0-0000-7000-8000-000000000000' }),
    );
    expect([missing.status, missing.body.code]).toEqual([404, 'data.resource.not_found']);
    expect((await inject('GET', '/api/data/share/requests', consumer)).body.items).toEqual([]);
  });

  it('opens a request as a case the provider reviews within 5 working days', async () => {
    const created = await inject('POST', '/api/data/share/requests', consumer, requestBody());
    expect(created.status).toBe(201);
    expect(created.body.number).toMatch(/^GX\d{14}$/);
    requestId = created.body.id;
    const inbox = await inject('GET', '/api/data/share/requests?box=inbox&status=pending', provider);
    expect(inbox.body.items).toEqual([
      expect.objectContaining({ id: requestId, status: 'pending', caseState: 'pending', resourceCode }),
    ]);
    // 2026-03-02 is a Monday: 5 working days later is Monday 2026-03-09.
    expect(inbox.body.items[0].dueAt.slice(0, 10)).toBe('2026-03-09');
    expect((await inject('GET', '/api/data/share/requests?box=inbox', consumer)).body.items).toEqual([]);
    const mine = await inject('GET', '/api/data/share/requests?box=mine', consumer);
    expect(mine.body.items.map((r: { id: string }) => r.id)).toEqual([requestId]);
    const detail = await inject('GET', `/api/data/share/requests/${requestId}`, consumer);
    expect(detail.body.resourceItems.find((i: { code: string }) => i.code === 'balance').mode).toBe('redact');
  });

  it('lets only the provider approve, and only items that were requested', async () => {
    const url = `/api/data/share/requests/${requestId}/approve`;
    const byConsumer = await inject('POST', url, consumer, { expiresInDays: 30 });
    expect([byConsumer.status, byConsumer.body.code]).toEqual([403, 'access.denied']);
    const extra = await inject('POST', url, provider, { items: ['phone'], expiresInDays: 30 });
    expect([extra.status, extra.body.code]).toEqual([400, 'data.share.item_not_requested']);
    const tooLong = await inject('POST', url, provider, { expiresInDays: 91 });
    expect([tooLong.status, tooLong.body.code]).toEqual([400, 'data.share.expiry_too_long']);
    const badFilter = await inject('POST', url, provider, { expiresInDays: 30, rowFilter: { nope: 'x' } });
    expect([badFilter.status, badFilter.body.code]).toEqual([400, 'data.share.filter_unknown_item']);
    const approved = await inject('POST', url, provider, {
      items: ['id_number', 'person_name', 'town'],
      rowFilter: { town: '溪口镇' },
      quotaPerDay: 12,
      ratePerMinute: 8,
      expiresInDays: 30,
    });
    expect(approved.status).toBe(200);
    grantId = approved.body.grantId;
    const again = await inject('POST', url, provider, { expiresInDays: 30 });
    expect([again.status, again.body.code]).toEqual([409, 'data.share.request_decided']);
    const grant = await inject('GET', `/api/data/share/grants/${grantId}`, consumer);
    expect(grant.body).toMatchObject({
      items: [
        { code: 'id_number', mode: 'strict' },
        { code: 'person_name', mode: 'strict' },
        { code: 'town', mode: 'clear' },
      ],
      rowFilter: { town: '溪口镇' },
      effectiveStatus: 'active',
      hasKey: false,
    });
    const kase = await t.kernel.cases.getCase(systemActor, requestId);
    expect(kase.state).toBe('approved');
  });

  it('shows the consumer key once and keeps only its hash', async () => {
    const byProvider = await inject('POST', `/api/data/share/grants/${grantId}/key`, provider);
    expect(byProvider.status).toBe(403);
    const issued = await inject('POST', `/api/data/share/grants/${grantId}/key`, consumer);
    expect(issued.body.key).toMatch(/^zzs_[A-Za-z0-9_-]{32}$/);
    key = issued.body.key;
    const grant = await inject('GET', `/api/data/share/grants/${grantId}`, consumer);
    expect(JSON.stringify(grant.body)).not.toContain(key.slice(4));
    expect(grant.body).toMatchObject({ hasKey: true, keyHint: key.slice(-4) });
  });

  it('returns exactly the approved items, masked as frozen, under the row filter', async () => {
    const page = await call();
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ resource: resourceCode, items: ['id_number', 'person_name', 'town'] });
    // Ordered by row key; the L3 items strictly masked, the L1 item clear.
    expect(page.body.rows).toEqual([
      { id_number: '3302**********5678', person_name: '赵*', town: '溪口镇' },
      { id_number: '3302**********567X', person_name: '李*', town: '溪口镇' },
      { id_number: '3302**********1234', person_name: '张*丰', town: '溪口镇' },
    ]);
    expect(page.body.nextOffset).toBeNull();
    const paged = await call('?limit=2&offset=0&fields=person_name');
    expect(paged.body).toMatchObject({
      rows: [{ person_name: '赵*' }, { person_name: '李*' }],
      nextOffset: 2,
    });
    const filtered = await call(`?filter[person_name]=${encodeURIComponent('李四')}`);
    expect(filtered.body.rows).toEqual([
      { id_number: '3302**********567X', person_name: '李*', town: '溪口镇' },
    ]);
    const outside = await call(`?filter[town]=${encodeURIComponent('锦屏街道')}`);
    expect(outside.body.rows).toEqual([]);
  });

  it('refuses what the approval does not cover with stable codes, never echoing values', async () => {
    const field = await call('?fields=id_number,phone');
    expect([field.status, field.body.code]).toEqual([403, 'data.share.item_not_approved']);
    expect(field.body.detail).toContain('phone');
    const filter = await call('?filter[balance]=2000');
    expect([filter.status, filter.body.code]).toEqual([403, 'data.share.item_not_approved']);
    expect(JSON.stringify(filter.body)).not.toContain('2000');
    expect((await call('?limit=1001')).body.code).toBe('data.share.parameter_invalid');
    expect((await call('?foo=1')).body.code).toBe('data.share.parameter_unknown');
    expect((await call('', { authorization: '' })).body.code).toBe('data.share.key_missing');
    const wrongKey = await call('', { authorization: `Bearer zzs_${'A'.repeat(32)}` });
    expect([wrongKey.status, wrongKey.body.code]).toEqual([401, 'data.share.key_invalid']);
    const noMatter = await call('', { 'x-matter-code': '' });
    expect([noMatter.status, noMatter.body.code]).toEqual([400, 'data.share.matter_required']);
    const otherMatter = await call('', { 'x-matter-code': encodeURIComponent('许可-00002-001') });
    expect([otherMatter.status, otherMatter.body.code]).toEqual([403, 'data.share.matter_mismatch']);
    expect((await call('', { 'x-accessor': '' })).body.code).toBe('data.share.accessor_required');
    const other = await call('', {}, '301012001/000002');
    expect([other.status, other.body.code]).toEqual([403, 'data.share.resource_not_granted']);
  });

  it('limits the rate per minute (Retry-After) and the calls per day', async () => {
    t.clock.advance(60_000);
    const answers = [];
    for (let i = 0; i < 9; i++) answers.push(await call('?fields=town'));
    expect(answers.slice(0, 8).every((a) => a.status === 200)).toBe(true);
    expect([answers[8].status, answers[8].body.code]).toEqual([429, 'data.share.rate_limited']);
    expect(Number(answers[8].headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advance(60_000);
    // 4 earlier successful calls + 8 = 12 = the quota.
    const over = await call('?fields=town');
    expect([over.status, over.body.code]).toEqual([429, 'data.share.quota_exceeded']);
  });

  it('meters every call, granted or denied, in a verifiable chain; statistics read it', async () => {
    await t.modules.data.sharing.meter.idle();
    const log = await t.database.db.select().from(dataAccessLog).where(eq(dataAccessLog.grantId, grantId));
    expect(log.filter((e) => e.status === 200)).toHaveLength(12);
    expect(log.find((e) => e.code === 'data.share.item_not_approved')).toMatchObject({
      status: 403,
      rowsReturned: 0,
    });
    expect(log.find((e) => e.status === 200)).toMatchObject({ matterCode: MATTER, accessor: 'staff-001' });
    const verified = await inject('GET', '/api/data/share/access-log/verify', admin);
    expect(verified.body).toMatchObject({ ok: true, problems: [] });
    expect((await inject('GET', '/api/data/share/access-log/verify', consumer)).status).toBe(403);
    const stats = await inject('GET', '/api/data/share/stats', consumer);
    expect(stats.body.byDepartment).toEqual([
      expect.objectContaining({ departmentId: t.departments.xikou.id, calls: 12, rows: expect.any(Number) }),
    ]);
    expect(stats.body.byResource[0]).toMatchObject({ resourceCode, calls: 12 });
    expect(stats.body.byDay[0]).toMatchObject({ day: '2026-03-02', calls: 12 });
    expect((await inject('GET', '/api/data/share/stats?from=x', consumer)).body.code).toBe(
      'data.share.stats_invalid',
    );
    const [victim] = log;
    await t.database.db.execute(
      sql`update data_access_log set rows_returned = 999 where seq = ${victim.seq}`,
    );
    const broken = await inject('GET', '/api/data/share/access-log/verify', admin);
    expect(broken.body.problems).toEqual([{ seq: victim.seq, id: victim.id, kind: 'edited' }]);
    await t.database.db.execute(
      sql`update data_access_log set rows_returned = ${victim.rowsReturned} where seq = ${victim.seq}`,
    );
    // A deleted entry breaks the link of the one after it; putting it back mends the chain.
    const chain = await t.database.db.select().from(dataAccessLog).orderBy(dataAccessLog.seq);
    const [gone, next] = chain.slice(2, 4);
    await t.database.db.delete(dataAccessLog).where(eq(dataAccessLog.seq, gone.seq));
    const deleted = await inject('GET', '/api/data/share/access-log/verify', admin);
    expect(deleted.body.problems).toEqual([{ seq: next.seq, id: next.id, kind: 'broken_link' }]);
    await t.database.db.insert(dataAccessLog).values(gone);
    expect((await inject('GET', '/api/data/share/access-log/verify', admin)).body.ok).toBe(true);
  });

  it('rotates the key (the old one stops at once), renews and revokes', async () => {
    t.clock.advance(86_400_000); // a new day: the quota starts again (and sessions expired)
    await relogin();
    const old = key;
    key = (await inject('POST', `/api/data/share/grants/${grantId}/key`, consumer)).body.key;
    expect((await call()).status).toBe(200);
    expect((await call('', { authorization: `Bearer ${old}` })).body.code).toBe('data.share.key_invalid');
    const renewal = await inject('POST', `/api/data/share/grants/${grantId}/renewals`, consumer, {
      durationDays: 60,
    });
    expect(renewal.status).toBe(201);
    const before = (await inject('GET', `/api/data/share/grants/${grantId}`, consumer)).body.expiresAt;
    const renewed = await inject('POST', `/api/data/share/requests/${renewal.body.id}/approve`, provider, {
      expiresInDays: 60,
    });
    expect(renewed.body.grantId).toBe(grantId);
    const after = (await inject('GET', `/api/data/share/grants/${grantId}`, consumer)).body.expiresAt;
    expect(Date.parse(after) - Date.parse(before)).toBe(60 * 86_400_000);
    const noReason = await inject('POST', `/api/data/share/grants/${grantId}/revoke`, provider, {
      reason: '',
    });
    expect(noReason.body.code).toBe('data.share.revocation_invalid');
    expect(
      (await inject('POST', `/api/data/share/grants/${grantId}/revoke`, consumer, { reason: '不再需要' }))
        .status,
    ).toBe(403);
    const revoked = await inject('POST', `/api/data/share/grants/${grantId}/revoke`, provider, {
      reason: '用途已结束',
    });
    expect(revoked.body.status).toBe('revoked');
    const denied = await call();
    expect([denied.status, denied.body.code]).toEqual([403, 'data.share.grant_revoked']);
    const audit = await t.kernel.audit.list(systemActor, { subjectId: grantId } as never);
    const actions = (audit as unknown as { items: { action: string }[] }).items.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'data.share.approved',
        'data.share.key_issued',
        'data.share.key_rotated',
        'data.share.renewed',
        'data.share.revoked',
      ]),
    );
  });

  it('rejects with a reason, and expires grants by the clock', async () => {
    const second = await inject(
      'POST',
      '/api/data/share/requests',
      consumer,
      requestBody({ items: ['town'] }),
    );
    const noReason = await inject('POST', `/api/data/share/requests/${second.body.id}/reject`, provider, {
      reason: '',
    });
    expect(noReason.body.code).toBe('data.share.rejection_invalid');
    const rejected = await inject('POST', `/api/data/share/requests/${second.body.id}/reject`, provider, {
      reason: '用途与所申请信息项不符',
    });
    expect(rejected.body.status).toBe('rejected');
    const third = await inject(
      'POST',
      '/api/data/share/requests',
      consumer,
      requestBody({ items: ['town'] }),
    );
    const ok = await inject('POST', `/api/data/share/requests/${third.body.id}/approve`, provider, {
      expiresInDays: 1,
    });
    key = (await inject('POST', `/api/data/share/grants/${ok.body.grantId}/key`, consumer)).body.key;
    expect((await call()).status).toBe(200);
    t.clock.advance(2 * 86_400_000);
    await relogin();
    const expired = await call();
    expect([expired.status, expired.body.code]).toEqual([403, 'data.share.grant_expired']);
    const list = await inject('GET', '/api/data/share/grants?box=consumer', consumer);
    expect(list.body.items.map((g: { effectiveStatus: string }) => g.effectiveStatus).sort()).toEqual([
      'expired',
      'revoked',
    ]);
    expect((await inject('GET', `/api/data/share/requests/${requestId}`, admin)).status).toBe(200);
    expect((await inject('GET', '/api/data/share/grants/not-a-uuid', admin)).status).toBe(400);
  });
});
