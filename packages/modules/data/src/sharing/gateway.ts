import { performance } from 'node:perf_hooks';
import type { Kernel } from '@zhizhi/kernel';
import {
  AuthenticationError,
  InputError,
  type KernelError,
  NotAllowedError,
  RateLimitedError,
  isKernelError,
} from '@zhizhi/kernel/errors';
import { tokenDigest } from '@zhizhi/kernel/identity';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { dataResource } from '../catalog/schema';
import { dataRow } from '../collection/schema';
import { type AccessEntry, type AccessMeter, beijingDay } from './access-log';
import { effectiveStatus } from './grant-service';
import { maskValue } from './mask';
import { coerceToItemType } from './grant-policy';
import { dataGrantUsage, dataShareGrant, type GrantItem } from './schema';
import { ITEM_CODE, MATTER_CODE } from './share-access';

const KEY = /^zzs_[A-Za-z0-9_-]{32}$/;
const ACCESSOR = /^[A-Za-z0-9_.:@-]{1,64}$/;
const FILTER = /^filter\[([^\]]{1,64})\]$/;
const CACHE_MS = 2000;
const MAX_LIMIT = 1000;
const DEFAULT_LIMIT = 100;

/** One call of the shared data API, as the HTTP layer hands it over. */
export interface GatewayCall {
  authorization: string | undefined;
  resourceCode: string;
  query: Record<string, unknown>;
  matterCode: string | undefined;
  accessor: string | undefined;
  /** `performance.now()` when the request arrived (for the logged latency). */
  startedAt?: number;
}

export interface GatewayAnswer {
  resource: string;
  items: string[];
  rows: Record<string, string | number | boolean | null>[];
  limit: number;
  offset: number;
  /** The offset of the next page, or null on the last page. */
  nextOffset: number | null;
}

/** A grant as the gateway checks it: with its resource's current status. */
export type Grant = typeof dataShareGrant.$inferSelect & { resourceStatus: string };

/** What an access reads: approved items, filters on approved items, a page. */
export interface ShareQuery {
  fields: GrantItem[];
  limit: number;
  offset: number;
  filters: [GrantItem, string][];
}

/** One way into the gateway (the HTTP API, the in-process port): how it finds and checks its grant. */
export interface Door<G extends Grant> {
  /** Who is served, as asked (logged when it is in the accessor format). */
  accessor: string | undefined;
  startedAt?: number;
  /** Resolves the grant, or throws the refusal; may note the matter (and more) on the entry. */
  grant: (entry: AccessEntry) => Promise<G>;
  /** Checks the grant against the access (throws the refusal). */
  check: (grant: G) => void;
  /** The items, filters and page asked for, under the grant (throws the refusal). */
  query: (grant: G) => ShareQuery;
}

export interface Delivered<G extends Grant> {
  grant: G;
  query: ShareQuery;
  rows: Record<string, string | number | boolean | null>[];
  nextOffset: number | null;
}

/** A matter code from a header: percent-encoded UTF-8, raw UTF-8 read as Latin-1, or as sent. */
export function decodeMatterHeader(value: string): string {
  const text = value.trim();
  if (text.includes('%')) {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  }
  if (MATTER_CODE.test(text)) return text;
  return Buffer.from(text, 'latin1').toString('utf8');
}

/**
 * The shared data API's core: key → grant (cached briefly) → policy checks (resource, matter,
 * fields, filters, rate, quota) → rows under the grant's row filter → masked values → metered.
 * Every call, granted or denied, is logged before it is answered.
 */
export function createShareGateway(kernel: Kernel, meter: AccessMeter) {
  const { db, clock } = kernel;
  const cache = new Map<string, { grant: Grant | null; at: number }>();
  const rate = new Map<string, { minute: number; count: number }>();
  const quota = new Map<string, { day: string; used: number }>();

  /** Reads today's successful calls of a grant, so its quota holds across processes and restarts. */
  async function loadUsage(grantId: string) {
    const day = beijingDay(clock.now());
    const [usage] = await db
      .select({ calls: dataGrantUsage.calls })
      .from(dataGrantUsage)
      .where(and(eq(dataGrantUsage.grantId, grantId), eq(dataGrantUsage.day, day)));
    const mine = quota.get(grantId);
    const used = Math.max(mine?.day === day ? mine.used : 0, usage?.calls ?? 0);
    quota.set(grantId, { day, used });
  }

  async function grantFor(keyHash: string): Promise<Grant | null> {
    const hit = cache.get(keyHash);
    if (hit && performance.now() - hit.at < CACHE_MS) return hit.grant;
    const [row] = await db
      .select({ grant: dataShareGrant, resourceStatus: dataResource.status })
      .from(dataShareGrant)
      .innerJoin(dataResource, eq(dataResource.id, dataShareGrant.resourceId))
      .where(eq(dataShareGrant.keyHash, keyHash));
    const grant = row ? { ...row.grant, resourceStatus: row.resourceStatus } : null;
    if (grant) await loadUsage(grant.id);
    if (cache.size > 10_000) cache.clear();
    cache.set(keyHash, { grant, at: performance.now() });
    return grant;
  }

  /** Drops cached state of a grant (revoked, rotated, renewed) so the change applies at once here. */
  function forget(grantId: string) {
    for (const [hash, entry] of cache) if (!entry.grant || entry.grant.id === grantId) cache.delete(hash);
  }

  function authenticate(authorization: string | undefined): string {
    if (!authorization?.startsWith('Bearer '))
      throw new AuthenticationError(
        'data.share.key_missing',
        'Send the consumer key: Authorization: Bearer zzs_….',
      );
    const key = authorization.slice(7).trim();
    if (!KEY.test(key))
      throw new AuthenticationError('data.share.key_invalid', 'The consumer key is unknown.');
    return tokenDigest(key);
  }

  /** Both doors: the grant is in force (not revoked, not expired). */
  function checkStatus(grant: Grant) {
    const status = effectiveStatus(grant, clock.now());
    if (status === 'revoked') throw new NotAllowedError('data.share.grant_revoked', 'The grant was revoked.');
    if (status === 'expired') throw new NotAllowedError('data.share.grant_expired', 'The grant has expired.');
  }

  /** Both doors: the resource is still shared. */
  function checkRetired(grant: Grant) {
    if (grant.resourceStatus === 'retired')
      throw new NotAllowedError('data.share.resource_retired', 'The resource is retired.');
  }

  /** Both doors: who is served is named, in the log's format. */
  function checkAccessor(accessor: string | undefined, how: string) {
    if (!accessor || !ACCESSOR.test(accessor.trim()))
      throw new InputError(
        'data.share.accessor_required',
        `Name the person accessing: ${how} (letters, digits, _.:@-, up to 64).`,
      );
  }

  function checkGrant(grant: Grant, call: GatewayCall) {
    checkStatus(grant);
    if (grant.resourceCode !== call.resourceCode)
      throw new NotAllowedError('data.share.resource_not_granted', 'The key does not grant this resource.');
    checkRetired(grant);
    if (!call.matterCode)
      throw new InputError('data.share.matter_required', 'Name the service matter: X-Matter-Code header.');
    if (decodeMatterHeader(call.matterCode) !== grant.matterCode)
      throw new NotAllowedError('data.share.matter_mismatch', 'The service matter is not the one approved.');
    checkAccessor(call.accessor, 'X-Accessor header');
  }

  function notApproved(code: string) {
    const named = ITEM_CODE.test(code) ? ` ${code}` : '';
    return new NotAllowedError(
      'data.share.item_not_approved',
      `The item${named} is not approved for this key.`,
    );
  }

  /** Both doors: the items asked for, each approved in the grant. */
  function approvedItems(grant: Grant, codes: string[]): GrantItem[] {
    const approved = new Map(grant.items.map((i) => [i.code, i]));
    return codes.map((code) => approved.get(code) ?? throwError(notApproved(code)));
  }

  /** Both doors: a filter condition on an approved, non-redacted item. */
  function filterOn(grant: Grant, code: string, value: string): [GrantItem, string] {
    const item = grant.items.find((i) => i.code === code);
    if (!item) throw notApproved(code);
    if (item.mode === 'redact')
      throw new NotAllowedError(
        'data.share.filter_not_allowed',
        `Item ${item.code} is redacted: no filter on it.`,
      );
    if (value.length > 200)
      throw new InputError('data.share.parameter_invalid', 'A filter value is too long.');
    return [item, value];
  }

  function parseQuery(grant: Grant, query: Record<string, unknown>): ShareQuery {
    let fields: GrantItem[] = grant.items;
    let limit = DEFAULT_LIMIT;
    let offset = 0;
    const filters: [GrantItem, string][] = [];
    for (const [name, raw] of Object.entries(query)) {
      const value = Array.isArray(raw) ? raw.at(-1) : raw;
      if (typeof value !== 'string')
        throw new InputError('data.share.parameter_invalid', 'A query parameter is malformed.');
      if (name === 'fields') {
        const codes = [
          ...new Set(
            value
              .split(',')
              .map((c) => c.trim())
              .filter(Boolean),
          ),
        ];
        if (!codes.length) throw new InputError('data.share.parameter_invalid', 'fields names no item.');
        fields = approvedItems(grant, codes);
      } else if (name === 'limit' || name === 'offset') {
        const n = /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
        if (!(n >= (name === 'limit' ? 1 : 0)) || (name === 'limit' && n > MAX_LIMIT))
          throw new InputError(
            'data.share.parameter_invalid',
            `${name} must be ${name === 'limit' ? '1–1000' : '≥ 0'}.`,
          );
        if (name === 'limit') limit = n;
        else offset = n;
      } else {
        const match = FILTER.exec(name);
        if (!match) throw new InputError('data.share.parameter_unknown', 'Unknown query parameter.');
        filters.push(filterOn(grant, match[1], value));
      }
    }
    return { fields, limit, offset, filters };
  }

  /** Counts the call against the grant's rate (per minute) and, for a call that will answer, quota. */
  function admit(grant: Grant) {
    const now = clock.now().getTime();
    const minute = Math.floor(now / 60_000);
    const r = rate.get(grant.id);
    const window = r?.minute === minute ? r : { minute, count: 0 };
    if (window.count >= grant.ratePerMinute)
      throw new RateLimitedError('data.share.rate_limited', 'Too many calls this minute for this key.', {
        retryAfter: Math.max(1, Math.ceil(((minute + 1) * 60_000 - now) / 1000)),
      });
    window.count++;
    rate.set(grant.id, window);
    const day = beijingDay(clock.now());
    const q = quota.get(grant.id);
    const used = q?.day === day ? q : { day, used: 0 };
    if (used.used >= grant.quotaPerDay) {
      const nextDay = Date.parse(`${day}T00:00:00+08:00`) + 86_400_000;
      throw new RateLimitedError('data.share.quota_exceeded', "Today's quota for this key is used up.", {
        retryAfter: Math.max(1, Math.ceil((nextDay - now) / 1000)),
      });
    }
    used.used++;
    quota.set(grant.id, used);
    return () => {
      used.used--;
    };
  }

  function condition(code: string, value: unknown): SQL {
    return sql`${dataRow.data} @> ${JSON.stringify({ [code]: value })}::jsonb`;
  }

  async function fetchRows(grant: Grant, q: ShareQuery) {
    const where: SQL[] = [eq(dataRow.resourceId, grant.resourceId)];
    if (Object.keys(grant.rowFilter).length)
      where.push(sql`${dataRow.data} @> ${JSON.stringify(grant.rowFilter)}::jsonb`);
    for (const [item, raw] of q.filters) {
      const typed = coerceToItemType(item.type, raw);
      where.push(
        typed === raw
          ? condition(item.code, raw)
          : sql`(${condition(item.code, typed)} or ${condition(item.code, raw)})`,
      );
    }
    const found = await db
      .select({ data: dataRow.data })
      .from(dataRow)
      .where(and(...where))
      .orderBy(asc(dataRow.rowKey))
      .limit(q.limit + 1)
      .offset(q.offset);
    const more = found.length > q.limit;
    const rows = (more ? found.slice(0, q.limit) : found).map(({ data }) => {
      const out: Record<string, string | number | boolean | null> = {};
      for (const f of q.fields) out[f.code] = maskValue(data[f.code], f.mode, f.personalKind);
      return out;
    });
    return { rows, nextOffset: more ? q.offset + q.limit : null };
  }

  /**
   * The core both doors share: resolve the grant, check it, admit it (rate, quota), read and mask
   * the rows, and meter the access — granted or denied, the entry is committed before the answer.
   */
  async function deliver<G extends Grant>(door: Door<G>): Promise<Delivered<G>> {
    const startedAt = door.startedAt ?? performance.now();
    meter.begin();
    const entry: AccessEntry = {
      consumerDepartmentId: null,
      grantId: null,
      resourceId: null,
      items: [],
      rowsReturned: 0,
      latencyMs: 0,
      matterCode: null,
      accessor: door.accessor && ACCESSOR.test(door.accessor.trim()) ? door.accessor.trim() : null,
      status: 200,
      code: null,
    };
    let release: (() => void) | null = null;
    let answered = false;
    try {
      const grant = await door.grant(entry);
      entry.grantId = grant.id;
      entry.consumerDepartmentId = grant.consumerDepartmentId;
      entry.resourceId = grant.resourceId;
      door.check(grant);
      release = admit(grant);
      const query = door.query(grant);
      const { rows, nextOffset } = await fetchRows(grant, query);
      entry.items = query.fields.map((f) => f.code);
      entry.rowsReturned = rows.length;
      entry.latencyMs = Math.round(performance.now() - startedAt);
      answered = true;
      await meter.record(entry);
      return { grant, query, rows, nextOffset };
    } catch (error) {
      if (answered) throw error; // the metering itself failed: nothing was answered
      release?.();
      const known = isKernelError(error) ? (error as KernelError) : null;
      entry.status = known?.status ?? 500;
      entry.code = known?.code ?? 'internal';
      entry.latencyMs = Math.round(performance.now() - startedAt);
      await meter.record(entry);
      throw error;
    }
  }

  /** Answers one call of the shared data API, or throws its problem; either way it is logged first. */
  async function serve(call: GatewayCall): Promise<GatewayAnswer> {
    const { grant, query, rows, nextOffset } = await deliver({
      accessor: call.accessor,
      startedAt: call.startedAt,
      grant: async (entry) => {
        const grant = await grantFor(authenticate(call.authorization));
        if (!grant) throw new AuthenticationError('data.share.key_invalid', 'The consumer key is unknown.');
        const matter = call.matterCode ? decodeMatterHeader(call.matterCode) : '';
        entry.matterCode = MATTER_CODE.test(matter) ? matter : null;
        return grant;
      },
      check: (grant) => checkGrant(grant, call),
      query: (grant) => parseQuery(grant, call.query),
    });
    return {
      resource: grant.resourceCode,
      items: query.fields.map((f) => f.code),
      rows,
      limit: query.limit,
      offset: query.offset,
      nextOffset,
    };
  }

  return {
    serve,
    forget,
    deliver,
    loadUsage,
    checks: { checkStatus, checkRetired, checkAccessor, approvedItems, filterOn },
  };
}

function throwError(error: Error): never {
  throw error;
}

export type ShareGateway = ReturnType<typeof createShareGateway>;
