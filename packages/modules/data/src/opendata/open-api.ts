import type { Kernel } from '@zhizhi/kernel';
import { InputError, NotAllowedError } from '@zhizhi/kernel/errors';
import { and, asc, count, eq } from 'drizzle-orm';
import { dataRow } from '../collection/schema';
import type { createOpenApplications } from './applications';
import type { OpenDeveloper } from './developers';
import { findPublicResource } from './resources';
import { containment, deliveredItems, deliverRow, type RowValue, typedValue } from './rows';
import { meter } from './usage';

/** Query parameters the rows API reserves; every other one is an equality filter on an item. */
const RESERVED = new Set(['fields', 'limit', 'offset']);
export const MAX_PAGE = 1000;

function bad(code: string, message: string, path: string) {
  return new InputError(code, message, { errors: [{ path, message }] });
}

function pageNumber(raw: string | undefined, fallback: number, max: number, path: string) {
  if (raw === undefined) return fallback;
  if (!/^\d{1,7}$/.test(raw) || Number(raw) > max)
    throw bad('data.open.page_invalid', `${path.slice(1)} must be a whole number from 0 to ${max}.`, path);
  return Number(raw);
}

/**
 * The developers' rows API: open resources for any developer, restricted-open resources only for
 * the items an unexpired approval covers, values masked per item; every call metered.
 */
export function createOpenApi(kernel: Kernel, applications: ReturnType<typeof createOpenApplications>) {
  const { db, clock } = kernel;

  async function rows(developer: OpenDeveloper, code: string, query: Record<string, string | undefined>) {
    const { resource, items } = await findPublicResource(db, code);
    let approved: Awaited<ReturnType<typeof applications.accessFor>> | undefined;
    if (resource.openingType === 'restricted') {
      approved = await applications.accessFor(developer.id, resource.id);
      if (!Object.keys(approved).length)
        throw new NotAllowedError(
          'data.open.not_approved',
          'This resource is restricted-open: apply for it and wait for the provider’s approval.',
        );
    }
    const allowed = deliveredItems(items, approved);
    const limit = pageNumber(query.limit, 100, MAX_PAGE, '/limit');
    if (limit === 0) throw bad('data.open.page_invalid', `limit must be from 1 to ${MAX_PAGE}.`, '/limit');
    const offset = pageNumber(query.offset, 0, 10_000_000, '/offset');
    const known = (c: string) => items.some((i) => i.code === c);
    const check = (c: string, path: string) => {
      if (!known(c)) throw bad('data.open.item_unknown', `No item ${c.slice(0, 64)} in this resource.`, path);
      if (!allowed.some((i) => i.code === c))
        throw new NotAllowedError(
          'data.open.item_not_approved',
          `Item ${c} is not covered by your approval.`,
        );
    };
    const wanted = query.fields
      ?.split(',')
      .map((f) => f.trim())
      .filter(Boolean);
    for (const f of wanted ?? []) check(f, '/fields');
    const fields = wanted?.length ? allowed.filter((i) => wanted.includes(i.code)) : allowed;
    const filters: Record<string, RowValue> = {};
    for (const [key, raw] of Object.entries(query)) {
      if (RESERVED.has(key) || raw === undefined) continue;
      check(key, `/${key}`);
      const item = allowed.find((i) => i.code === key)!;
      // Equality on a masked item would let anyone probe its clear values.
      if (item.mode !== 'clear')
        throw new NotAllowedError(
          'data.open.filter_not_allowed',
          `Item ${key} is masked: it cannot be filtered on.`,
        );
      const value = typedValue(item.type, raw);
      if (value === undefined || raw.length > 200)
        throw bad('data.open.filter_invalid', `The filter on ${key} is not a valid ${item.type}.`, `/${key}`);
      filters[key] = value;
    }
    const where = and(eq(dataRow.resourceId, resource.id), containment(filters));
    const [total] = await db.select({ n: count() }).from(dataRow).where(where);
    const page = await db
      .select({ data: dataRow.data })
      .from(dataRow)
      .where(where)
      .orderBy(asc(dataRow.rowKey))
      .limit(limit)
      .offset(offset);
    await meter(db, clock.now(), {
      resourceId: resource.id,
      developerId: developer.id,
      kind: 'api_call',
      rows: page.length,
    });
    return {
      code: resource.code,
      name: resource.name,
      fields: fields.map((f) => ({ code: f.code, name: f.name, type: f.type, masked: f.mode !== 'clear' })),
      total: Number(total?.n ?? 0),
      limit,
      offset,
      rows: page.map((r) => deliverRow(r.data, fields)),
    };
  }

  return { rows };
}
