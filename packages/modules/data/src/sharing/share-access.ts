import { type Actor, can, requireAuthenticated, scopeOf } from '@zhizhi/kernel/access';
import type { Executor } from '@zhizhi/kernel/db';
import { InputError, NotAllowedError, NotFoundError } from '@zhizhi/kernel/errors';
import { orgDepartment } from '@zhizhi/kernel/org';
import { asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { dataItem, dataResource } from '../catalog/schema';
import { SHARE_PERMISSIONS as P } from './permissions';

/** 浙江 service matter code, e.g. `许可-00001-001` (optional handling suffix `-02`). */
export const MATTER_CODE = /^[\u4e00-\u9fa5]{2,4}-\d{5}-\d{3}(-\d{2})?$/;
export const ITEM_CODE = /^[a-z][a-z0-9_]{0,63}$/;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Zod issues as the `errors` of a problem document. */
export function invalid(code: string, error: z.ZodError): InputError {
  const errors = error.issues.map((i) => ({ path: `/${i.path.join('/')}`, message: i.message }));
  return new InputError(code, `Invalid input: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`, {
    errors,
  });
}

export async function departmentOf(executor: Executor, id: string, path = '/consumerDepartmentId') {
  const [row] = UUID.test(id)
    ? await executor.select().from(orgDepartment).where(eq(orgDepartment.id, id))
    : [];
  if (!row)
    throw new InputError('data.share.department_unknown', 'Unknown department.', {
      errors: [{ path, message: 'unknown department' }],
    });
  return row;
}

/** A resource with its items, or 404. */
export async function resourceWithItems(executor: Executor, id: string) {
  const [resource] = UUID.test(id)
    ? await executor.select().from(dataResource).where(eq(dataResource.id, id))
    : [];
  if (!resource) throw new NotFoundError('data.resource.not_found', 'No such data resource.');
  const items = await executor
    .select()
    .from(dataItem)
    .where(eq(dataItem.resourceId, id))
    .orderBy(asc(dataItem.sort));
  return { resource, items };
}

/** Department scope for `can` (with the department's division). */
export function scopeFor(department: { id: string; divisionCode: string }) {
  return { departmentId: department.id, divisionCode: department.divisionCode };
}

/** May the actor see a request or grant between these two departments? */
export function canSee(
  actor: Actor,
  consumer: { id: string; divisionCode: string },
  provider: { id: string; divisionCode: string },
) {
  return [P.read, P.request, P.approve].some(
    (p) => can(actor, p, scopeFor(consumer)) || can(actor, p, scopeFor(provider)),
  );
}

/** Throws 404 (not 403) when the actor may not see the record: its existence is not revealed. */
export function requireSee(
  actor: Actor,
  consumer: { id: string; divisionCode: string },
  provider: { id: string; divisionCode: string },
  notFoundCode: string,
) {
  requireAuthenticated(actor);
  if (!canSee(actor, consumer, provider)) throw new NotFoundError(notFoundCode, 'Not found.');
}

/**
 * SQL limiting rows to departments the actor reaches with any sharing permission: `column` is the
 * consumer or provider department column; null = every department; `sql\`false\`` when none.
 */
export function departmentFilter(actor: Actor, columns: SQL.Aliased[] | unknown[]): SQL | undefined {
  requireAuthenticated(actor);
  const scopes = [P.read, P.request, P.approve].map((p) => scopeOf(actor, p));
  if (scopes.every((s) => s.divisionPrefixes.length === 0))
    throw new NotAllowedError('access.denied', 'You do not have permission "data.share.read" here.', {
      permission: P.read,
    });
  if (scopes.some((s) => s.divisionPrefixes.length > 0 && s.departmentIds === null)) return undefined;
  const ids = [...new Set(scopes.flatMap((s) => s.departmentIds ?? []))];
  if (!ids.length) return sql`false`;
  // biome-ignore lint/suspicious/noExplicitAny: drizzle column
  return or(...columns.map((c) => inArray(c as any, ids)));
}
